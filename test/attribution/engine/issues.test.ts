import { describe, expect, it } from "vitest";
import {
  type AttributionInput,
  type AttributionIssue,
  attributeManagedCredit,
} from "../../../src/attribution/managed-credit.js";
import { act, active, servicedBy, usd } from "../fixtures.js";

function issuesOf(input: unknown): readonly AttributionIssue[] {
  const r = attributeManagedCredit(input as AttributionInput);
  return !r.ok ? r.error.issues : [];
}

const base = (): AttributionInput => servicedBy(42, usd(42, 100_000), ["northwind"]);

// need(): the code and the message follow from where the bad value is: a
// whole list, the period, a record, or one of its fields.
describe("the issue of a bad value (need)", () => {
  it("names a list that is not iterable by its section: invalid_list", () => {
    expect(issuesOf({ ...base(), activities: 5 })).toEqual([
      {
        code: "invalid_list",
        message: "activities must be an array or another iterable; got 5.",
        path: ["activities"],
        input: 5,
      },
    ]);
    expect(issuesOf({ ...base(), users: null })).toEqual([
      {
        code: "invalid_list",
        message: "users must be an array or another iterable; got null.",
        path: ["users"],
        input: null,
      },
    ]);
  });

  it("names a period that is not an object by its section too, but as invalid_record", () => {
    expect(issuesOf({ ...base(), period: true })).toEqual([
      {
        code: "invalid_record",
        message: "period must be an object { start, end }; got true.",
        path: ["period"],
        input: true,
      },
    ]);
  });

  it("calls a record that is not an object a record of its section", () => {
    expect(issuesOf({ ...base(), activities: ["x", act(42, "jane@northwind.io")] })).toEqual([
      {
        code: "invalid_record",
        message: 'A record of activities must be an object; got "x".',
        path: ["activities", 0],
        input: "x",
      },
    ]);
  });

  it("names a bad field by its name, with the code of that field", () => {
    const input = base();
    const assignment = active("northwind", 42, "jane@northwind.io");
    expect(
      issuesOf({
        ...input,
        assignments: [{ ...assignment, partnerId: "", clientId: "42", status: false }],
      }),
    ).toEqual([
      {
        code: "invalid_partner_id",
        message: 'partnerId must be a non-empty string; got "".',
        path: ["assignments", 0, "partnerId"],
        input: "",
      },
      {
        code: "invalid_client_id",
        message: 'clientId must be a positive whole number (HubID); got "42".',
        path: ["assignments", 0, "clientId"],
        input: "42",
      },
      {
        code: "invalid_record",
        message: 'status must be "pending_access", "active", "removed" or "expired"; got false.',
        path: ["assignments", 0, "status"],
        input: false,
      },
    ]);
  });
});
