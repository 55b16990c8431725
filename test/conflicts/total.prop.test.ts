import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { detectDomainConflicts } from "../../src/conflicts/domain-conflicts.js";
import { checkEmailLink, detectEmailConflicts } from "../../src/conflicts/email-conflicts.js";
import type { ConflictRecordIssue } from "../../src/conflicts/records.js";
import { expectPrototypeIntact, hostile, protoKeyed } from "../attribution/hostile.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

const RUNS = { numRuns: 1_000 };

const assignment = {
  partnerId: "acme",
  clientId: 42,
  email: "jane@gmail.com",
  status: "active",
  assignedAt: 1,
  activatedAt: 1,
};

// A list of assignments, some well formed, some with a field made odd, some odd themselves.
const records = fc.array(
  fc.oneof(
    fc.constant(assignment),
    fc.record({ key: fc.string(), value: hostile }).map(({ key, value }) => ({
      ...assignment,
      partnerId: "northwind",
      [key]: value,
    })),
    hostile,
    hostile.map(protoKeyed),
  ),
  { maxLength: 6 },
);

const reported = (issue: ConflictRecordIssue) => {
  expect(typeof issue.code).toBe("string");
  expect(typeof issue.message).toBe("string");
  expect(Array.isArray(issue.path)).toBe(true);
};

describe("conflicts never throw, and leave Object.prototype alone", () => {
  it("detectEmailConflicts returns a list for any assignments, partners and options", () => {
    fc.assert(
      fc.property(
        fc.oneof(records, hostile),
        hostile,
        hostile,
        (assignments, partners, options) => {
          expect(Array.isArray(detectEmailConflicts(assignments as never, partners as never))).toBe(
            true,
          );
          expect(
            Array.isArray(
              detectEmailConflicts(assignments as never, partners as never, options as never),
            ),
          ).toBe(true);
          detectEmailConflicts(assignments as never, [partners] as never, {
            onInvalidRecord: reported,
          });
          expectPrototypeIntact();
        },
      ),
      RUNS,
    );
  });

  it("checkEmailLink returns a result for any existing, candidate, contender and options", () => {
    fc.assert(
      fc.property(
        records,
        fc.oneof(
          records.map((r) => r[0]),
          hostile,
        ),
        hostile,
        hostile,
        (existing, candidate, contender, options) => {
          for (const r of [
            checkEmailLink(existing as never, candidate as never, contender as never),
            checkEmailLink(
              existing as never,
              candidate as never,
              contender as never,
              options as never,
            ),
            checkEmailLink(contender as never, candidate as never, undefined, {
              onInvalidRecord: reported,
            }),
          ])
            expect(typeof r.ok).toBe("boolean");
          expectPrototypeIntact();
        },
      ),
      RUNS,
    );
  });

  it("detectDomainConflicts returns a list for any claims and options", () => {
    const claim = { partnerId: "acme", domain: "acme.com", claimedAt: 1, matchSubdomains: true };
    const claims = fc.array(
      fc.oneof(
        fc.constant(claim),
        fc.record({ key: fc.string(), value: hostile }).map(({ key, value }) => ({
          ...claim,
          partnerId: "rival",
          [key]: value,
        })),
        hostile,
        hostile.map(protoKeyed),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.oneof(claims, hostile), hostile, (list, options) => {
        expect(Array.isArray(detectDomainConflicts(list as never))).toBe(true);
        expect(Array.isArray(detectDomainConflicts(list as never, options as never))).toBe(true);
        detectDomainConflicts(list as never, { onInvalidRecord: reported });
        expectPrototypeIntact();
      }),
      RUNS,
    );
  });
});
