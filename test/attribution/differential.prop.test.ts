// The fast engine against its readable twin (src/attribution/reference-engine.ts):
// the whole Attribution must be deep-equal, on seeded scenarios. `npm test`
// runs 1,000 of them; `npm run test:deep` sets SCENARIOS=10000.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { attributeManagedCredit } from "../../src/attribution/managed-credit.js";
import { referenceAttribution } from "../../src/attribution/reference-engine.js";
import {
  addActivities,
  finishAttribution,
  mergeAttributionStates,
  startAttribution,
} from "../../src/attribution/streaming.js";
import type { Attribution } from "../../src/attribution/types.js";
import { attributionScenario, scenarioCount } from "./scenarios.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

const RUNS = scenarioCount(1_000);

describe("attribution: the fast engine and the reference engine agree", () => {
  it(`gives the same Attribution on ${RUNS} seeded scenarios, every share, point, decision, evidence and lost credit`, () => {
    const seen = new Map<string, number>();
    const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const input = attributionScenario(seed);
        const fast = attributeManagedCredit(input);
        if (!fast.ok) throw new Error(`seed ${seed}: ${JSON.stringify(fast.error.issues[0])}`);
        const expected = referenceAttribution(input);
        expect(fast.value).toStrictEqual(expected);
        for (const d of expected.decisions) count(d.outcome);
        if (expected.lostCredit.length > 0) count("lost credit");
        if (expected.partners.some((p) => p.clients.some((c) => c.share.amountMinor !== 0)))
          count("points");
        const shared = new Map<number, number>();
        for (const d of expected.decisions)
          if (d.outcome === "credited") shared.set(d.clientId, (shared.get(d.clientId) ?? 0) + 1);
        if ([...shared.values()].some((n) => n > 1)) count("split");
        if (input.partners.length > 8) count("many partners");
      }),
      { numRuns: RUNS, seed: 20_261_201 },
    );
    // Not vacuous: every outcome and every feature showed up.
    for (const what of [
      "credited",
      "no_tagged_employee",
      "no_active_assignment",
      "conflict_contender",
      "no_qualifying_activity",
      "lost credit",
      "points",
      "split",
      "many partners",
    ])
      expect(seen.get(what) ?? 0, what).toBeGreaterThan(RUNS / 100);
  }, 600_000);

  it("gives the same result through the streaming functions, in batches and merged", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 5 }), (seed, parts) => {
        const { activities, ...reference } = attributionScenario(seed);
        const started = startAttribution(reference);
        if (!started.ok) throw new Error(`seed ${seed}`);
        const states = Array.from({ length: parts }, (_, k) =>
          addActivities(
            started.value,
            activities.filter((_, i) => i % parts === k),
          ),
        );
        let merged = states[0]!;
        for (const state of states.slice(1)) {
          const r = mergeAttributionStates(merged, state);
          if (!r.ok) throw new Error(r.error.message);
          merged = r.value;
        }
        const finished = finishAttribution(JSON.parse(JSON.stringify(merged)));
        const expected: Attribution = referenceAttribution({ ...reference, activities });
        expect(finished).toStrictEqual({ ok: true, value: expected });
      }),
      { numRuns: Math.max(100, Math.floor(RUNS / 10)), seed: 20_261_202 },
    );
  }, 600_000);
});
