import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { attributeManagedCredit } from "../../src/attribution/managed-credit.js";
import { clearAttributionStateMemo } from "../../src/attribution/state-memo.js";
import {
  type AttributionState,
  addActivities,
  type CompactAttributionState,
  compactAttributionState,
  finishAttribution,
  mergeAttributionStates,
  startAttribution,
} from "../../src/attribution/streaming.js";
import { attributionScenario } from "./scenarios.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function started(seed: number) {
  const { activities, ...reference } = attributionScenario(seed);
  const start = startAttribution(reference);
  if (!start.ok) throw new Error(`seed ${seed}`);
  return { reference, activities, start: start.value };
}

describe("compact streaming states", () => {
  it("give the same result as full states: workers send compact parts, merged and finished with the reference", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 4 }), (seed, workers) => {
        const { reference, activities, start } = started(seed);
        const parts = Array.from({ length: workers }, (_, w) => {
          const state = addActivities(
            start,
            activities.filter((_, i) => i % workers === w),
          );
          const compact = compactAttributionState(state);
          if (!compact.ok) throw new Error(compact.error.message);
          return roundTrip(compact.value);
        });
        const options = { reference: roundTrip(start) };
        let merged: CompactAttributionState | AttributionState = parts[0]!;
        for (const part of parts.slice(1)) {
          const r: ReturnType<typeof mergeAttributionStates> = mergeAttributionStates(
            merged,
            part,
            options,
          );
          if (!r.ok) throw new Error(r.error.message);
          merged = r.value;
        }
        expect("reference" in merged).toBe(false);
        expect(finishAttribution(merged, options)).toStrictEqual(
          attributeManagedCredit({ ...reference, activities }),
        );
        // A compact state takes more activities too.
        const more = addActivities(parts[0]!, activities, options);
        const full = addActivities(
          addActivities(
            start,
            activities.filter((_, i) => i % workers === 0),
          ),
          activities,
        );
        expect(finishAttribution(more, options)).toStrictEqual(finishAttribution(full));
      }),
      { numRuns: 1_000, seed: 20_261_204 },
    );
  }, 120_000);

  it("needs the reference, and the right one", () => {
    const { start } = started(7);
    const other = started(8).start;
    const compact = compactAttributionState(start);
    if (!compact.ok) throw new Error(compact.error.message);
    expect(finishAttribution(compact.value)).toMatchObject({
      ok: false,
      error: { code: "invalid_attribution_state", reason: "reference_required" },
    });
    expect(finishAttribution(compact.value, { reference: compact.value as never })).toMatchObject({
      ok: false,
      error: { code: "invalid_attribution_state", reason: "reference_required" },
    });
    if (other.fingerprint !== start.fingerprint)
      expect(finishAttribution(compact.value, { reference: other })).toMatchObject({
        ok: false,
        error: { code: "attribution_states_differ" },
      });
    // Two compact states have no reference data between them: the first says it needs options.reference.
    expect(mergeAttributionStates(compact.value, compact.value)).toMatchObject({
      ok: false,
      error: {
        code: "invalid_attribution_state",
        reason: "reference_required",
        message:
          "Not a usable attribution state: a compact state is read with options.reference: a state started from its reference data.",
        state: "first",
      },
    });
    // Merging a full state with a compact one takes the reference from the full one.
    expect(mergeAttributionStates(start, compact.value).ok).toBe(true);
  });

  it("refuses to merge compact states with the reference of other data, naming neither state", () => {
    const { start } = started(7);
    const other = started(8).start;
    expect(other.fingerprint).not.toBe(start.fingerprint);
    const compact = compactAttributionState(start);
    if (!compact.ok) throw new Error(compact.error.message);
    // The error is about options.reference, not about the first or the second state.
    expect(mergeAttributionStates(compact.value, compact.value, { reference: other })).toEqual({
      ok: false,
      error: {
        code: "attribution_states_differ",
        message: expect.stringContaining(other.fingerprint),
        fingerprints: [start.fingerprint, other.fingerprint],
      },
    });
  });

  it("is smaller than the full state by the reference data", () => {
    const { start, activities } = started(11);
    const state = addActivities(start, activities);
    const compact = compactAttributionState(state);
    if (!compact.ok) throw new Error(compact.error.message);
    const { reference: _, ...rest } = state;
    expect(JSON.stringify(compact.value).length).toBe(
      JSON.stringify({ ...rest, compact: true }).length,
    );
    expect(JSON.stringify(compact.value).length).toBeLessThan(JSON.stringify(state).length);
  });
});

describe("the streaming memo is pure memoisation", () => {
  it("gives identical results with it cleared before every call", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 4 }), (seed, parts) => {
        const run = (clear: boolean) => {
          const { activities, start } = started(seed);
          const step = <T>(f: () => T): T => {
            if (clear) clearAttributionStateMemo();
            return f();
          };
          let state = start;
          const states: AttributionState[] = [];
          for (let p = 0; p < parts; p++) {
            state = step(() =>
              addActivities(
                state,
                activities.filter((_, i) => i % parts === p),
              ),
            );
            states.push(state);
          }
          let merged = states[0]!;
          for (const s of states.slice(1)) {
            const r = step(() => mergeAttributionStates(merged, s));
            if (!r.ok) throw new Error(r.error.message);
            merged = r.value;
          }
          // The same state fed twice, and merged with itself.
          const again = step(() => addActivities(states[0]!, activities));
          const self = step(() => mergeAttributionStates(merged, merged));
          return [
            roundTrip(merged),
            step(() => finishAttribution(merged)),
            step(() => finishAttribution(again)),
            self.ok && step(() => finishAttribution(self.value)),
          ];
        };
        expect(run(true)).toStrictEqual(run(false));
      }),
      { numRuns: 1_000, seed: 20_261_205 },
    );
  }, 120_000);
});
