import { describe, expect, it } from "vitest";
import {
  type AttributionInput,
  type AttributionIssue,
  attributeManagedCredit,
} from "../../../src/attribution/managed-credit.js";
import type { PartnerUser } from "../../../src/model.js";
import { act, active, JAN, partner, servicedBy, usd } from "../fixtures.js";

function issuesOf(input: unknown): readonly AttributionIssue[] {
  const r = attributeManagedCredit(input as AttributionInput);
  return !r.ok ? r.error.issues : [];
}

describe("readAssignments", () => {
  it("reports each assignment that is not an object, at its position, and reads the others", () => {
    const input = servicedBy(42, usd(42, 100_000), ["northwind"]);
    expect(
      issuesOf({
        ...input,
        assignments: [null, ...input.assignments, 7, { ...active("ghost", 42, "jane@ghost.io") }],
      }),
    ).toEqual([
      {
        code: "invalid_record",
        message: "A record of assignments must be an object; got null.",
        path: ["assignments", 0],
        input: null,
      },
      {
        code: "invalid_record",
        message: "A record of assignments must be an object; got 7.",
        path: ["assignments", 2],
        input: 7,
      },
      {
        code: "unknown_partner",
        message: 'No partner "ghost" is in the input.',
        path: ["assignments", 3, "partnerId"],
        input: "ghost",
        partnerId: "ghost",
      },
    ]);
  });

  // An address with more users than SHORT_CHAIN (32) is looked up in the
  // user table instead of walked: both find the partner's own user.
  it.each([32, 33, 40])(
    "finds the partner's user of an address that %i partners share",
    (count) => {
      const ids = Array.from({ length: count }, (_, i) => `p${String(i).padStart(2, "0")}`);
      const shared = "jane@shared.io";
      const users: PartnerUser[] = ids.map((partnerId, i) => ({
        partnerId,
        email: shared,
        // Every other user untagged: the decision tells which user was found.
        tagged: i % 2 === 0,
      }));
      const input: AttributionInput = {
        period: JAN,
        partners: ids.map((id) => partner(id)),
        clients: [usd(42, 100_000)],
        users,
        // Two of the partners assign the address to one client: p00 (tagged,
        // the holder) and the last one.
        assignments: [active(ids[0]!, 42, shared), active(ids[count - 1]!, 42, shared)],
        activities: [act(42, shared)],
      };
      const result = attributeManagedCredit(input);
      if (!result.ok) throw new Error(result.error.message);
      const last = count - 1;
      expect(result.value.decisions.map((d) => [d.partnerId, d.outcome, d.evidence.user])).toEqual([
        [ids[0], "credited", users[0]],
        [ids[last], last % 2 === 0 ? "conflict_contender" : "no_tagged_employee", users[last]],
      ]);
      // A partner that is not listed has no user of the address.
      expect(
        issuesOf({ ...input, assignments: [active("ghost", 42, shared)] }).map((i) => [
          i.code,
          i.path,
        ]),
      ).toEqual([["unknown_partner", ["assignments", 0, "partnerId"]]]);
    },
  );
});
