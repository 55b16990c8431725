import { describe, expect, it } from "vitest";
import {
  type AttributionInput,
  type AttributionIssue,
  attributeManagedCredit,
} from "../../../src/attribution/managed-credit.js";
import { servicedBy, usd } from "../fixtures.js";

function issuesOf(input: unknown): readonly AttributionIssue[] {
  const r = attributeManagedCredit(input as AttributionInput);
  return !r.ok ? r.error.issues : [];
}

describe("readClients", () => {
  const input = servicedBy(42, usd(42, 100_000), ["northwind"]);

  it("reports a client listed twice, with where the first one is", () => {
    expect(issuesOf({ ...input, clients: [usd(42, 100_000), usd(7, 1), usd(42, 200)] })).toEqual([
      {
        code: "duplicate_client",
        message: "The client 42 is listed more than once.",
        path: ["clients", 2],
        input: usd(42, 200),
        clientId: 42,
        firstPath: ["clients", 0],
      },
    ]);
  });

  it("points firstPath at the input position of the first, after records that were skipped", () => {
    const issues = issuesOf({
      ...input,
      clients: [null, usd(42, 100_000), usd(42, -1, true)],
    });
    expect(issues.map((i) => [i.code, i.path, "firstPath" in i ? i.firstPath : null])).toEqual([
      ["invalid_record", ["clients", 0], null],
      ["duplicate_client", ["clients", 2], ["clients", 1]],
      ["invalid_amount", ["clients", 2, "mrr", "amountMinor"], null],
    ]);
  });

  it("does not call a client a duplicate of one whose id was invalid", () => {
    expect(
      issuesOf({
        ...input,
        clients: [{ clientId: "42", mrr: { amountMinor: 1, currency: "USD" } }, usd(42, 100_000)],
      }).map((i) => [i.code, i.path]),
    ).toEqual([["invalid_client_id", ["clients", 0, "clientId"]]]);
  });
});
