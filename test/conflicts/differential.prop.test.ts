// detectEmailConflicts against its readable twin (src/conflicts/reference-conflicts.ts),
// on seeded data sets: `npm test` runs 1,000, `npm run test:deep` SCENARIOS=10000.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { checkEmailLink, detectEmailConflicts } from "../../src/conflicts/email-conflicts.js";
import { referenceEmailConflicts } from "../../src/conflicts/reference-conflicts.js";
import type { Partner } from "../../src/model.js";
import { scenarioCount, seeded } from "../attribution/scenarios.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

const RUNS = scenarioCount(1_000);
const STATUSES = ["pending_access", "active", "removed", "expired", "done"];

// Assignments of many partners on few clients and addresses, on a coarse
// grid of times (ties), with some malformed records among them.
function dataSet(seed: number): { assignments: unknown[]; partners: Partner[] } {
  const r = seeded(seed);
  // Sometimes a crowd: many partners linking one shared address to one client.
  const crowd = r.chance(0.2);
  const partnerCount = 1 + r.int(crowd ? 20 : 5);
  const partners: Partner[] = Array.from({ length: partnerCount }, (_, i) => ({
    partnerId: `p${i}`,
    program: "partner",
    employeeDomains: r.chance(0.7) ? [`p${i}.io`] : [],
  }));
  const assignments: unknown[] = [];
  for (let i = r.int(crowd ? 200 : 60); i > 0; i--) {
    const local = crowd && r.chance(0.7) ? "office" : r.pick(["jane", "Jane", "office", "li"]);
    const record: Record<string, unknown> = {
      partnerId: r.pick(partners).partnerId,
      clientId: crowd && r.chance(0.7) ? 1 : r.chance(0.1) ? 2 ** 40 + r.int(2) : 1 + r.int(3),
      email: `${local}@${r.pick(["gmail.com", "GMAIL.com", "acme.io"])}`,
      status: r.pick(STATUSES),
      assignedAt: r.int(5) * 1000,
    };
    if (r.chance(0.05)) record.clientId = "1";
    if (r.chance(0.05)) record.assignedAt = 1.5;
    if (r.chance(0.03)) record.email = "not an address";
    assignments.push(r.chance(0.02) ? 7 : record);
  }
  return { assignments, partners };
}

describe("detectEmailConflicts and the reference detector agree", () => {
  it(`finds the same conflicts on ${RUNS} seeded data sets`, () => {
    let conflicts = 0;
    let crowded = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { assignments, partners } = dataSet(seed);
        const expected = referenceEmailConflicts(assignments, partners);
        expect(detectEmailConflicts(assignments as never, partners)).toStrictEqual(expected);
        conflicts += expected.length;
        if (expected.some((c) => c.contenders.length > 8)) crowded++;
        // checkEmailLink holds the same rule: a contender's earliest link is refused by its holder.
        for (const conflict of expected.slice(0, 1)) {
          const candidate = {
            ...conflict.contenders[0]!,
            clientId: conflict.clientId,
            status: "pending_access" as const,
          };
          const r = checkEmailLink(assignments as never, candidate);
          expect(!r.ok && r.error.holder).toStrictEqual(conflict.holder);
        }
      }),
      { numRuns: RUNS, seed: 20_261_203 },
    );
    expect(conflicts).toBeGreaterThan(RUNS);
    expect(crowded).toBeGreaterThan(RUNS / 100);
  }, 600_000);
});
