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
import { act, active, JAN, partner, usd } from "./fixtures.js";
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

  it("agrees on a conflict whose holder was assigned at -0: both report its assignedAt as 0", () => {
    // "acme" holds office@gmail.com on client 42 since the epoch, written -0;
    // "rival" came later and is the contender.
    const input = {
      period: JAN,
      partners: [partner("acme"), partner("rival")],
      clients: [usd(42, 100_000)],
      users: ["acme", "rival"].map((id) => ({
        partnerId: id,
        email: "office@gmail.com",
        tagged: true,
      })),
      assignments: [
        active("acme", 42, "office@gmail.com", { assignedAt: -0, activatedAt: -0 }),
        active("rival", 42, "office@gmail.com"),
      ],
      activities: [act(42, "office@gmail.com")],
    };
    const expected = referenceAttribution(input);
    expect(attributeManagedCredit(input)).toStrictEqual({ ok: true, value: expected });
    const holders = expected.decisions.flatMap((d) =>
      d.outcome === "conflict_contender" ? [d.evidence.conflict.holder] : [],
    );
    expect(holders).toHaveLength(1);
    expect(holders[0]!.partnerId).toBe("acme");
    expect(Object.is(holders[0]!.assignedAt, 0)).toBe(true);
  });

  it("agrees where lookups pass from walking to a table: an address with 40 users, a client with 40 partners", () => {
    // More than 32 users of one address, and 40 partners of client 43: both
    // lookups go through their tables, and "solo" has no user of the address.
    const ids = Array.from({ length: 40 }, (_, i) => `q${String(i).padStart(2, "0")}`);
    const input = {
      period: JAN,
      partners: [...ids, "solo"].map((id) => partner(id)),
      clients: [usd(42, 1_000_000), usd(43, 500_000)],
      users: ids.flatMap((id) => [
        { partnerId: id, email: "office@gmail.com", tagged: true },
        { partnerId: id, email: `jane@${id}.io`, tagged: true },
      ]),
      assignments: [
        ...ids.flatMap((id) => [
          active(id, 42, "office@gmail.com"),
          active(id, 43, `jane@${id}.io`),
        ]),
        active("solo", 42, "office@gmail.com"),
      ],
      activities: [act(42, "office@gmail.com"), ...ids.map((id) => act(43, `jane@${id}.io`))],
    };
    const fast = attributeManagedCredit(input);
    expect(fast).toStrictEqual({ ok: true, value: referenceAttribution(input) });
    const outcomes = fast.ok ? fast.value.decisions.map((d) => `${d.clientId} ${d.outcome}`) : [];
    expect(outcomes.filter((o) => o === "43 credited")).toHaveLength(40);
    expect(outcomes).toContain("42 no_tagged_employee"); // solo's
    // An assignment of an unknown partner for that address is refused.
    const ghost = attributeManagedCredit({
      ...input,
      assignments: [...input.assignments, active("ghost", 42, "office@gmail.com")],
    });
    expect(
      !ghost.ok &&
        ghost.error.code === "invalid_attribution_input" &&
        ghost.error.issues.map((i) => [i.code, i.path]),
    ).toEqual([["unknown_partner", ["assignments", 81, "partnerId"]]]);
  });
});
