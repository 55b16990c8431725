import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { attributeManagedCredit } from "../../src/attribution/managed-credit.js";
import {
  type AttributionState,
  addActivities,
  finishAttribution,
  mergeAttributionStates,
} from "../../src/attribution/streaming.js";
import type { Activity } from "../../src/model.js";
import { anyScenario, scenario } from "./arbitraries.js";
import { merge, roundTrip, split, start } from "./streaming-helpers.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

// Cuts a list into consecutive chunks at the given points.
function chunks<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let from = 0;
  for (const point of [...points, items.length]) {
    parts.push(items.slice(from, point));
    from = point;
  }
  return parts;
}

// Feeds each chunk to its own state, in batches of `batch` activities.
function feed(
  started: AttributionState,
  parts: readonly Activity[][],
  batch: number,
): AttributionState[] {
  return parts.map((part) => {
    let state = started;
    for (let i = 0; i < part.length; i += batch)
      state = addActivities(state, part.slice(i, i + batch));
    return part.length === 0 ? addActivities(state, []) : state;
  });
}

// Merges a list down to one state, pairing neighbours at the given points;
// `swap` merges a pair the other way round.
function mergeAll(states: AttributionState[], picks: readonly number[], swap: readonly boolean[]) {
  const list = [...states];
  let k = 0;
  while (list.length > 1) {
    const i = (picks[k % Math.max(1, picks.length)] ?? 0) % (list.length - 1);
    const [a, b] = [list[i]!, list[i + 1]!];
    list.splice(i, 2, swap[k % Math.max(1, swap.length)] ? merge(b, a) : merge(a, b));
    k++;
  }
  return list[0]!;
}

const partition = fc.record({
  cuts: fc.array(fc.nat(), { maxLength: 5 }),
  batch: fc.integer({ min: 1, max: 4 }),
  picks: fc.array(fc.nat(), { maxLength: 6 }),
  swap: fc.array(fc.boolean(), { maxLength: 6 }),
  shuffle: fc.array(fc.nat(), { maxLength: 8 }),
});

// Activities that are not valid, of the kinds a queue may deliver.
const junk = fc.oneof(
  fc.anything(),
  fc.record(
    {
      clientId: fc.oneof(fc.constantFrom(1, 2, 3, 99), fc.anything()),
      email: fc.oneof(
        fc.constantFrom("jane@gmail.com", "max@acme.com", "not an address"),
        fc.anything(),
      ),
      at: fc.oneof(
        fc.integer({ min: 90, max: 210 }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  ),
);

describe("streaming attribution properties", () => {
  it("any partition of the activities, fed in any batches and merged in any order and grouping, gives the one-shot result", () => {
    fc.assert(
      fc.property(anyScenario, partition, (input, { cuts, batch, picks, swap, shuffle }) => {
        const [reference, activities] = split(input);
        const parts = chunks(activities, cuts);
        // Merged in any order: the parts are shuffled first.
        const order = parts
          .map((_, i) => i)
          .sort((a, b) => (shuffle[a] ?? a) - (shuffle[b] ?? b) || a - b);
        const states = feed(
          start(reference),
          order.map((i) => parts[i]!),
          batch,
        );
        expect(finishAttribution(mergeAll(states, picks, swap))).toEqual(
          attributeManagedCredit(input),
        );
      }),
    );
  });

  it("with invalid activities too, parts merged in their order (any grouping) give the one-shot result, through JSON", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.tuple(fc.nat(), junk), { maxLength: 4 }),
        partition,
        (input, bad, { cuts, batch, picks }) => {
          const [reference, valid] = split(input);
          const activities: Activity[] = [...valid];
          for (const [at, value] of bad)
            activities.splice(at % (activities.length + 1), 0, value as Activity);
          const states = feed(start(reference), chunks(activities, cuts), batch).map(roundTrip);
          const finished = finishAttribution(roundTrip(mergeAll(states, picks, [])));
          expect(finished).toEqual(attributeManagedCredit({ ...reference, activities }));
        },
      ),
    );
  });

  it("merge is commutative and associative: the merged states are equal", () => {
    fc.assert(
      fc.property(
        anyScenario,
        fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
        (input, cuts) => {
          const [reference, activities] = split(input);
          const [i, j] = cuts.map((c) => c % (activities.length + 1)).sort((x, y) => x - y);
          const thirds = [activities.slice(0, i), activities.slice(i, j), activities.slice(j)];
          const [a, b, c] = feed(start(reference), thirds, 2) as [
            AttributionState,
            AttributionState,
            AttributionState,
          ];
          expect(merge(a, b)).toEqual(merge(b, a));
          expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
          expect(finishAttribution(merge(merge(c, a), b))).toEqual(
            finishAttribution(merge(a, merge(b, c))),
          );
        },
      ),
    );
  });

  it("a state means the same after JSON.parse(JSON.stringify(state)): it finishes alike and takes more activities alike", () => {
    fc.assert(
      fc.property(anyScenario, fc.nat(), (input, cut) => {
        const [reference, activities] = split(input);
        const at = cut % (activities.length + 1);
        const state = addActivities(start(reference), activities.slice(0, at));
        const copy = roundTrip(state);
        expect(finishAttribution(copy)).toEqual(finishAttribution(state));
        const rest = activities.slice(at);
        expect(roundTrip(addActivities(copy, rest))).toEqual(roundTrip(addActivities(state, rest)));
      }),
    );
  });

  it("reference data in any order starts the same state", () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (input, keys) => {
        const [reference] = split(input);
        const shuffle = <T>(items: Iterable<T>): T[] =>
          [...items]
            .map((item, i) => ({ item, key: keys[i % keys.length]!, i }))
            .sort((x, y) => x.key - y.key || y.i - x.i)
            .map((x) => x.item);
        const a = start(reference);
        const b = start({
          ...reference,
          partners: shuffle(reference.partners),
          clients: shuffle(reference.clients),
          users: shuffle(reference.users),
          assignments: shuffle(reference.assignments),
        });
        expect(b.fingerprint).toBe(a.fingerprint);
        expect(roundTrip(b.reference)).toEqual(roundTrip(a.reference));
      }),
    );
  });

  it("never throws, whatever state it is given, and refuses what is not one", () => {
    const [reference, activities] = split(fc.sample(scenario, { numRuns: 1, seed: 7 })[0]!);
    const state = roundTrip(addActivities(start(reference), activities));
    // A state with one field replaced somewhere in its JSON.
    const damaged = fc.tuple(fc.nat(), fc.anything()).map(([pick, value]) => {
      const copy = roundTrip(state) as unknown as Record<string, unknown>;
      const paths: [Record<string, unknown> | unknown[], string | number][] = [];
      const visit = (node: unknown) => {
        if (typeof node !== "object" || node === null) return;
        for (const [key, child] of Object.entries(node)) {
          paths.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
          visit(child);
        }
      };
      visit(copy);
      const [node, key] = paths[pick % paths.length]!;
      (node as Record<string | number, unknown>)[key] = value;
      return copy;
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), damaged), (value) => {
        const finished = finishAttribution(value as unknown as AttributionState);
        if (!finished.ok) expect(typeof finished.error.code).toBe("string");
        addActivities(value as unknown as AttributionState, activities);
        const merged = mergeAttributionStates(state, value as unknown as AttributionState);
        if (!merged.ok) expect(typeof merged.error.code).toBe("string");
      }),
    );
  });
});
