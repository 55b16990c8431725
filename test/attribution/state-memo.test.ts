import { afterEach, describe, expect, it, vi } from "vitest";
import { encodeTable } from "../../src/attribution/state-codec.js";
import { clearAttributionStateMemo, decodeReference } from "../../src/attribution/state-memo.js";
import {
  type AttributionState,
  addActivities,
  compactAttributionState,
  finishAttribution,
  mergeAttributionStates,
  startAttribution,
} from "../../src/attribution/streaming.js";
import { act, day, partner, stateRefusal as refusal, servicedBy, usd } from "./fixtures.js";
import { attributionScenario } from "./scenarios.js";
import { roundTrip, split, start } from "./streaming-helpers.js";

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

// A small state with one refused activity (position 1), fed in this process.
function fedState(): AttributionState {
  const [reference] = split(servicedBy(42, usd(42, 100_000), ["northwind"]));
  return addActivities(start(reference), [
    act(42, "jane@northwind.io", day(3)),
    act(99, "jane@northwind.io", day(4)),
  ]);
}

describe("readFields: a state's top-level fields", () => {
  const finishWith = (changes: Record<string, unknown>) =>
    finishAttribution({ ...fedState(), ...changes } as never);

  it("refuses a value without the format, then a version other than 1", () => {
    const format = 'expected an object with format "partner-access/attribution-state", got';
    expect(finishAttribution(5 as never)).toEqual(refusal("not_a_state", [], `${format} 5.`));
    expect(finishAttribution([] as never)).toEqual(
      refusal("not_a_state", [], `${format} an array.`),
    );
    expect(finishWith({ format: "other", version: 2 })).toEqual(
      refusal("not_a_state", [], `${format} an object.`),
    );
    expect(finishWith({ version: 2 })).toEqual(
      refusal("unsupported_version", ["version"], "version 2 is not one this release reads (1)."),
    );
    expect(finishWith({ version: "1" })).toEqual(
      refusal("unsupported_version", ["version"], 'version "1" is not one this release reads (1).'),
    );
  });

  it("refuses each field of the wrong type, in the order of the fields", () => {
    expect(finishWith({ fingerprint: 5, reference: 5 })).toEqual(
      refusal("malformed", ["fingerprint"], "fingerprint must be a string."),
    );
    expect(finishWith({ reference: [], partnerPositions: 5 })).toEqual(
      refusal("malformed", ["reference"], "reference is not an object."),
    );
    expect(finishWith({ partnerPositions: {}, activityCount: -1 })).toEqual(
      refusal("malformed", ["partnerPositions"], "partnerPositions must be a list."),
    );
    for (const activityCount of [-1, 1.5, "2", Number.MAX_SAFE_INTEGER + 1])
      expect(finishWith({ activityCount, issues: 5 })).toEqual(
        refusal("malformed", ["activityCount"], "activityCount must be a whole number ≥ 0."),
      );
    expect(finishWith({ issues: { length: 0 } })).toEqual(
      refusal("malformed", ["issues"], "issues must be a list."),
    );
  });

  it("refuses a reference that is not JSON, and a fingerprint that is not the reference's", () => {
    const state = fedState();
    expect(
      finishAttribution({
        ...state,
        reference: { ...state.reference, extra: 1n },
      } as never),
    ).toEqual(refusal("malformed", ["reference"], "the reference is not JSON."));
    expect(finishWith({ fingerprint: "0000000000000000" })).toEqual(
      refusal(
        "fingerprint_mismatch",
        ["fingerprint"],
        `its reference data has fingerprint ${state.fingerprint}, not "0000000000000000": it was altered or damaged.`,
      ),
    );
  });

  it("refuses partner positions that are not one per partner, each a partner's", () => {
    for (const partnerPositions of [[], [0, 0], [1], [-1], ["0"]])
      expect(finishWith({ partnerPositions })).toEqual(
        refusal("malformed", ["partnerPositions"], "partnerPositions must list 1 positions."),
      );
  });

  it("reads a compact state only with a full state of the same reference data", () => {
    const full = fedState();
    const compact = compactAttributionState(full);
    if (!compact.ok) throw new Error(compact.error.message);
    const required = refusal(
      "reference_required",
      ["reference"],
      "a compact state is read with options.reference: a state started from its reference data.",
    );
    const notFull = refusal(
      "reference_required",
      ["reference"],
      "options.reference must be a full state started from the compact state's reference data.",
    );
    expect(finishAttribution(compact.value)).toEqual(required);
    expect(finishAttribution(compact.value, { reference: compact.value as never })).toEqual(
      notFull,
    );
    expect(finishAttribution(compact.value, { reference: 5 as never })).toEqual(notFull);
    const other = start(split(servicedBy(7, usd(7, 100), ["acme"]))[0]);
    expect(finishAttribution(compact.value, { reference: other })).toEqual({
      ok: false,
      error: {
        code: "attribution_states_differ",
        message: `The compact state and options.reference were started from different periods or reference data (fingerprints "${full.fingerprint}" and ${other.fingerprint}).`,
        fingerprints: [full.fingerprint, other.fingerprint],
      },
    });
    expect(finishAttribution(compact.value, { reference: full })).toEqual(finishAttribution(full));
  });
});

// The evidence a call hands over is used only while every field of the
// state is the value it was made with: a state whose field was replaced
// since is read from its fields, and refused when they are not valid.
describe("the handed-over evidence of a state whose fields were replaced", () => {
  type Fields = Record<string, unknown>;
  const replaced = (change: (state: Fields) => void) => {
    const state = fedState();
    change(state as unknown as Fields);
    return compactAttributionState(state);
  };

  it("is used while nothing was replaced", () => {
    const state = fedState();
    const compact = compactAttributionState(state);
    expect(compact).toEqual({
      ok: true,
      value: {
        format: state.format,
        version: 1,
        compact: true,
        fingerprint: state.fingerprint,
        partnerPositions: [0],
        activityCount: 2,
        evidence: state.evidence,
        lostCredit: state.lostCredit,
        issues: state.issues,
      },
    });
  });

  it("is not used for a replaced fingerprint or partner list (the activity count unchanged)", () => {
    const fingerprint = fedState().fingerprint;
    expect(
      replaced((s) => {
        s.fingerprint = "0000000000000000";
      }),
    ).toEqual(
      refusal(
        "fingerprint_mismatch",
        ["fingerprint"],
        `its reference data has fingerprint ${fingerprint}, not "0000000000000000": it was altered or damaged.`,
      ),
    );
    expect(
      replaced((s) => {
        s.partnerPositions = [3];
      }),
    ).toEqual(
      refusal("malformed", ["partnerPositions"], "partnerPositions must list 1 positions."),
    );
  });

  it("is not used for a replaced activity count, evidence, lost credit or issues", () => {
    // The refused activity is at position 1: past a count of 1.
    expect(
      replaced((s) => {
        s.activityCount = 1;
      }),
    ).toEqual(refusal("malformed", ["issues", 0], "issues[0] is not an encoded issue."));
    expect(
      replaced((s) => {
        s.evidence = { assignments: [1], at: [1], emails: ["x"] };
      }),
    ).toEqual(
      refusal("malformed", ["evidence", "assignments", 0], "evidence entry 0 is not valid."),
    );
    expect(
      replaced((s) => {
        s.lostCredit = { users: [0], clients: [42], at: [1], emails: ["x"] };
      }),
    ).toEqual(
      refusal("malformed", ["lostCredit", "users", 0], "lost-credit entry 0 is not valid."),
    );
    expect(
      replaced((s) => {
        s.issues = [5];
      }),
    ).toEqual(refusal("malformed", ["issues", 0], "issues[0] is not an encoded issue."));
    // The same list, grown in place.
    expect(replaced((s) => void (s.issues as unknown[]).push(5))).toEqual(
      refusal("malformed", ["issues", 1], "issues[1] is not an encoded issue."),
    );
  });

  it("is not used for a full state marked compact and read with a reference", () => {
    const state = fedState();
    const reference = { ...state };
    (state as unknown as Fields).compact = true;
    // Changed in place, so that only a reading of the state's own lists sees it.
    (state.partnerPositions as number[])[0] = 3;
    const other = start(split(servicedBy(42, usd(42, 100_000), ["northwind"]))[0]);
    const { error } = refusal(
      "malformed",
      ["partnerPositions"],
      "partnerPositions must list 1 positions.",
    );
    expect(mergeAttributionStates(state, other, { reference })).toEqual({
      ok: false,
      error: { ...error, state: "first" },
    });
  });

  it("is not used for a full state marked compact", () => {
    expect(
      replaced((s) => {
        s.compact = true;
      }),
    ).toEqual(
      refusal(
        "reference_required",
        ["reference"],
        "a compact state is read with options.reference: a state started from its reference data.",
      ),
    );
  });
});

// The fingerprint is what tells reference data apart (merges, and states
// whose reference was altered): a null is content, wherever it stands.
describe("the fingerprint of reference data that differs only by where a null is", () => {
  // A partner that carries an extra list of tags, which JSON keeps as given.
  const tagged = (tags: readonly (string | null)[]) => {
    const [reference] = split(servicedBy(42, usd(42, 100_000), ["northwind"]));
    const withTags = { ...partner("northwind"), tags };
    return start({ ...reference, partners: [withTags] });
  };

  it("differs, so the states do not merge", () => {
    const a = tagged([null, "x"]);
    const b = tagged(["x", null]);
    expect(mergeAttributionStates(a, tagged([null, "x"])).ok).toBe(true);
    expect(mergeAttributionStates(a, b)).toEqual({
      ok: false,
      error: {
        code: "attribution_states_differ",
        message: expect.stringContaining(b.fingerprint),
        fingerprints: [a.fingerprint, b.fingerprint],
      },
    });
  });

  it("catches a null moved in a state's reference as damage", () => {
    const state = tagged([null, "x"]);
    const altered = roundTrip(state);
    (altered.reference.partners[0] as { tags: unknown[] }).tags = ["x", null];
    expect(finishAttribution(altered)).toMatchObject({
      ok: false,
      error: { code: "invalid_attribution_state", reason: "fingerprint_mismatch" },
    });
    expect(finishAttribution(roundTrip(state)).ok).toBe(true);
  });
});
