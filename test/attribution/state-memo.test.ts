import { afterEach, describe, expect, it, vi } from "vitest";
import { encodeTable } from "../../src/attribution/state-codec.js";
import { clearAttributionStateMemo, decodeReference } from "../../src/attribution/state-memo.js";
import {
  compactAttributionState,
  mergeAttributionStates,
  startAttribution,
} from "../../src/attribution/streaming.js";
import { attributionScenario } from "./scenarios.js";

function started(seed: number) {
  const { activities: _, ...reference } = attributionScenario(seed);
  const start = startAttribution(reference);
  if (!start.ok) throw new Error(`seed ${seed}`);
  return start.value;
}

afterEach(() => {
  vi.unstubAllGlobals();
  clearAttributionStateMemo();
});

describe("decodeReference", () => {
  it("refuses a reference that is not an object", () => {
    expect(decodeReference(5)).toMatchObject({
      code: "invalid_attribution_state",
      reason: "malformed",
      path: ["reference"],
    });
  });

  it("drops memo entries whose reference was collected, and still decodes", () => {
    // A WeakRef whose target is always gone: every earlier entry was collected.
    class Collected<T extends object> {
      constructor(_target: T) {}
      deref(): T | undefined {
        return undefined;
      }
    }
    vi.stubGlobal("WeakRef", Collected);
    const a = structuredClone(started(1).reference);
    const b = structuredClone(started(2).reference);
    const first = decodeReference(a);
    const second = decodeReference(b);
    expect("ledger" in first && "ledger" in second).toBe(true);
    // A copy equal in content is prepared again (its memo entry is gone), to the same result.
    const again = decodeReference(structuredClone(a));
    expect("fingerprint" in again && "fingerprint" in first && again.fingerprint).toBe(
      "fingerprint" in first && first.fingerprint,
    );
    expect(again).not.toBe(first);
  });
});

describe("a started state's ledger", () => {
  it("is prepared when the state is first opened, once, with the keys the start found", () => {
    const state = started(5);
    const first = decodeReference(state.reference);
    expect(first).toMatchObject({ fingerprint: state.fingerprint });
    expect("ledger" in first).toBe(true);
    expect(decodeReference(state.reference)).toBe(first);
    // Prepared again without the start's keys (every email parsed), it finishes alike.
    clearAttributionStateMemo();
    const fresh = decodeReference(state.reference);
    expect(fresh).not.toBe(first);
    if (!("ledger" in first) || !("ledger" in fresh)) throw new Error("not prepared");
    const finished = ({ ledger }: Extract<typeof first, { ledger: unknown }>) =>
      ledger.finish(ledger.evidence(), ledger.partnerPosition);
    expect(finished(fresh)).toEqual(finished(first));
  });
});

describe("encodeTable", () => {
  it("encodes a table that is not an object as a value", () => {
    expect(encodeTable(undefined)).toBeNull();
    expect(encodeTable(5)).toBe(5);
  });
});

describe("compact states without the reference", () => {
  it("cannot compact a compact state again: it holds no reference", () => {
    const compact = compactAttributionState(started(3));
    if (!compact.ok) throw new Error(compact.error.message);
    expect(compactAttributionState(compact.value)).toMatchObject({
      ok: false,
      error: { code: "invalid_attribution_state", reason: "reference_required" },
    });
  });

  it("refuses to compact what is not a state", () => {
    expect(compactAttributionState(5 as never)).toMatchObject({
      ok: false,
      error: { code: "invalid_attribution_state" },
    });
  });

  it("refuses to merge two compact states without the reference", () => {
    const compact = compactAttributionState(started(4));
    if (!compact.ok) throw new Error(compact.error.message);
    expect(mergeAttributionStates(compact.value, compact.value)).toMatchObject({
      ok: false,
      error: { code: "invalid_attribution_state", reason: "reference_required", state: "first" },
    });
  });
});
