import { describe, expect, it, vi } from "vitest";
import {
  type AttributionInput,
  attributeManagedCredit,
} from "../../src/attribution/managed-credit.js";
import {
  type AttributionStartInput,
  type AttributionState,
  addActivities,
  finishAttribution,
  mergeAttributionStates,
  startAttribution,
} from "../../src/attribution/streaming.js";
import type { Activity } from "../../src/model.js";
import { act, active, DAY, day, employee, JAN, partner, servicedBy, usd } from "./fixtures.js";
import { merge, roundTrip, split, start } from "./streaming-helpers.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

// Two partners share client 42; an untagged user of a third works on it too.
const shared: AttributionInput = {
  period: JAN,
  partners: [partner("northwind"), partner("acme"), partner("zeta")],
  clients: [usd(42, 100_001), usd(43, 5_000, true)],
  users: [employee("northwind"), employee("acme"), employee("zeta", "sam", { tagged: false })],
  assignments: [
    active("northwind", 42, "jane@northwind.io"),
    active("acme", 42, "jane@acme.io"),
    active("acme", 43, "jane@acme.io", { status: "removed", removedAt: day(10) }),
    active("zeta", 42, "sam@zeta.io"),
  ],
  activities: [
    act(42, "jane@northwind.io", day(20)),
    act(42, "Jane@Acme.io", day(3)),
    act(42, "jane@acme.io", day(2)),
    act(43, "jane@acme.io", day(12)),
    act(42, "sam@zeta.io", day(5)),
    act(43, "sam@zeta.io", day(6)),
  ],
};

describe("streaming attribution: the one-shot result, in parts", () => {
  it("finishes with exactly what attributeManagedCredit returns, batch by batch", () => {
    const [reference, activities] = split(shared);
    let state = start(reference);
    for (const activity of activities) state = addActivities(state, [activity]);
    const expected = attributeManagedCredit(shared);
    expect(expected.ok).toBe(true);
    expect(finishAttribution(state)).toEqual(expected);
  });

  it("gives the same result for parts fed in parallel and merged in either order, through JSON", () => {
    const [reference, activities] = split(shared);
    const started = start(reference);
    const a = roundTrip(addActivities(started, activities.slice(0, 2)));
    const b = roundTrip(addActivities(roundTrip(started), activities.slice(2)));
    const expected = attributeManagedCredit(shared);
    expect(finishAttribution(merge(a, b))).toEqual(expected);
    expect(finishAttribution(merge(b, a))).toEqual(expected);
    expect(merge(a, b)).toEqual(merge(b, a));
  });

  it("keeps one piece of evidence per assignment: an activity that adds no evidence adds nothing", () => {
    const [reference, activities] = split(shared);
    const once = addActivities(start(reference), activities);
    const twice = addActivities(once, activities);
    // A later activity of an assignment that already has earlier evidence.
    const later = addActivities(twice, [act(42, "jane@acme.io", day(25))]);
    expect({ ...twice, activityCount: 0 }).toEqual({ ...once, activityCount: 0 });
    expect({ ...later, activityCount: 0 }).toEqual({ ...once, activityCount: 0 });
    // Assignments in canonical order: acme 42, acme 43, northwind 42, zeta 42.
    expect(once.evidence).toEqual({
      assignments: [0, 2],
      at: [day(2), day(20)],
      emails: ["jane@acme.io", "jane@northwind.io"],
    });
    // Users in canonical order: acme jane, northwind jane, zeta sam (untagged).
    expect(once.lostCredit).toEqual({
      users: [2, 2],
      clients: [42, 43],
      at: [day(5), day(6)],
      emails: ["sam@zeta.io", "sam@zeta.io"],
    });
  });

  it("does not change the state it is given", () => {
    const [reference, activities] = split(shared);
    const started = start(reference);
    const copy = roundTrip(started);
    const fed = addActivities(started, activities);
    merge(fed, addActivities(started, activities.slice(1)));
    expect(started).toEqual(copy);
    expect(fed).not.toBe(started);
  });

  it("gives the same result when a state with evidence is fed twice, or fed and merged", () => {
    const [reference, activities] = split(shared);
    const [first, second] = [activities.slice(0, 2), activities.slice(2)];
    const middle = addActivities(start(reference), first);
    // Fed once, then again with nothing: the second result holds only the
    // evidence of `middle`, not what the first call added.
    const once = addActivities(middle, second);
    const again = addActivities(middle, []);
    expect(again).toEqual(addActivities(roundTrip(middle), []));
    expect(again.evidence).toEqual(middle.evidence);
    expect(once).toEqual(addActivities(roundTrip(middle), second));
    expect(finishAttribution(once)).toEqual(attributeManagedCredit(shared));
    // A state merged with itself, and states fed after they were merged.
    const selfMerged = mergeAttributionStates(middle, middle);
    expect(selfMerged.ok && finishAttribution(selfMerged.value)).toEqual(
      finishAttribution(roundTrip(middle)),
    );
    expect(finishAttribution(addActivities(middle, second))).toEqual(
      attributeManagedCredit(shared),
    );
  });

  it("carries invalid activities to the finish, at their positions among all activities fed", () => {
    const [reference] = split(shared);
    const bad = [
      { clientId: 99, email: "jane@acme.io", at: day(3) },
      { clientId: 42, email: "no address", at: Number.NaN },
      "not an activity",
    ] as unknown as Activity[];
    const good = [act(42, "jane@acme.io")];
    const state = addActivities(addActivities(start(reference), good), bad);
    const expected = attributeManagedCredit({ ...reference, activities: [...good, ...bad] });
    expect(expected.ok).toBe(false);
    expect(finishAttribution(roundTrip(state))).toEqual(expected);
    if (!expected.ok) {
      expect(expected.error.issues.map((i) => [i.code, i.path])).toEqual([
        ["unknown_client", ["activities", 1, "clientId"]],
        ["invalid_email", ["activities", 2, "email"]],
        ["invalid_timestamp", ["activities", 2, "at"]],
        ["invalid_record", ["activities", 3]],
      ]);
    }
    // Merged, the second state's positions follow the first state's activities.
    const merged = merge(
      addActivities(start(reference), good),
      addActivities(start(reference), bad),
    );
    expect(finishAttribution(merged)).toEqual(expected);
    // A batch that is not a list is reported at ["activities"].
    const notAList = addActivities(start(reference), 42 as unknown as Activity[]);
    const refused = finishAttribution(notAList);
    expect(
      !refused.ok &&
        refused.error.code === "invalid_attribution_input" &&
        refused.error.issues[0]?.path,
    ).toEqual(["activities"]);
    // Merged second, such an issue keeps its null position: it is about no
    // one activity, so the first state's activities do not shift it.
    const after = merge(addActivities(start(reference), good), notAList);
    expect(after.issues.map((i) => i.position)).toEqual([null]);
    expect(finishAttribution(after)).toEqual(finishAttribution(notAList));
  });

  it("refuses a batch longer than 2^26 entries as one issue, and the state stays small", () => {
    const [reference] = split(shared);
    const sparse: unknown[] = [];
    sparse.length = 2 ** 31;
    const state = addActivities(start(reference), sparse as Activity[]);
    const finished = finishAttribution(roundTrip(state));
    expect(
      !finished.ok &&
        finished.error.code === "invalid_attribution_input" &&
        finished.error.issues.map((i) => [i.code, i.path, "length" in i && i.length]),
    ).toEqual([["invalid_list", ["activities"], 2 ** 31]]);
    expect(JSON.stringify(state).length).toBeLessThan(10_000);
  });

  it("keeps values JSON cannot carry in records and refused activities", () => {
    const input: AttributionInput = {
      ...servicedBy(42, usd(42, 100_000), ["northwind"]),
      assignments: [
        {
          ...active("northwind", 42, "jane@northwind.io"),
          activatedAt: -0,
          note: undefined,
          id: 7n,
        } as never,
      ],
    };
    const [reference, activities] = split(input);
    const state = roundTrip(addActivities(start(reference), activities));
    expect(finishAttribution(state)).toEqual(attributeManagedCredit(input));
    const credited = finishAttribution(state);
    const assignment = credited.ok ? credited.value.decisions[0]?.evidence.assignment : undefined;
    expect(Object.is((assignment as { activatedAt?: number }).activatedAt, -0)).toBe(true);
    expect((assignment as unknown as { id: bigint }).id).toBe(7n);

    const odd = [
      { clientId: 42, email: "jane@northwind.io", at: Number.POSITIVE_INFINITY },
    ] as Activity[];
    expect(finishAttribution(roundTrip(addActivities(start(reference), odd)))).toEqual(
      attributeManagedCredit({ ...reference, activities: odd }),
    );
  });

  it("reports an overflowing partner at its position in the list start was given", () => {
    const big = Number.MAX_SAFE_INTEGER;
    const input: AttributionInput = {
      period: JAN,
      partners: [partner("zz"), partner("northwind")],
      clients: [usd(1, big), usd(2, big)],
      users: [employee("northwind")],
      assignments: [
        active("northwind", 1, "jane@northwind.io"),
        active("northwind", 2, "jane@northwind.io"),
      ],
      activities: [act(1, "jane@northwind.io"), act(2, "jane@northwind.io")],
    };
    const [reference, activities] = split(input);
    const result = finishAttribution(roundTrip(addActivities(start(reference), activities)));
    expect(result).toEqual(attributeManagedCredit(input));
    expect(
      !result.ok &&
        result.error.code === "invalid_attribution_input" &&
        result.error.issues[0]?.path,
    ).toEqual(["partners", 1]);
  });
});

describe("startAttribution", () => {
  it("refuses invalid reference data with the issues attributeManagedCredit lists", () => {
    const reference = {
      period: JAN,
      partners: [partner("northwind"), partner("northwind")],
      clients: [usd(42, -1)],
      users: [employee("ghost")],
      assignments: [active("northwind", 99, "jane@northwind.io")],
    };
    const started = startAttribution(reference);
    expect(started).toEqual(attributeManagedCredit({ ...reference, activities: [] }));
    expect(started.ok).toBe(false);
  });

  it("ignores activities in its input: they are fed with addActivities", () => {
    const [reference, activities] = split(shared);
    expect(start({ ...reference, activities } as AttributionStartInput)).toEqual(start(reference));
  });

  it("reads each list once, so one-shot iterators work", () => {
    const [reference, activities] = split(shared);
    function* once<T>(items: Iterable<T>): Generator<T> {
      yield* items;
    }
    const state = start({
      ...reference,
      partners: once(reference.partners),
      clients: once(reference.clients),
      users: once(reference.users),
      assignments: once(reference.assignments),
    });
    expect(finishAttribution(addActivities(state, once(activities)))).toEqual(
      attributeManagedCredit(shared),
    );
  });

  it("gives the same state and fingerprint for reference data in any order", () => {
    const [reference] = split(shared);
    const reversed: AttributionStartInput = {
      ...reference,
      partners: [...reference.partners].reverse(),
      clients: [...reference.clients].reverse(),
      users: [...reference.users].reverse(),
      assignments: [...reference.assignments].reverse(),
    };
    const a = start(reference);
    const b = start(reversed);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(b.reference).toEqual(a.reference);
    // Only where each partner was listed differs.
    expect(a.partnerPositions).toEqual([1, 0, 2]);
    expect(b.partnerPositions).toEqual([1, 2, 0]);
    expect(mergeAttributionStates(a, b).ok).toBe(true);
  });

  it("keeps the smaller partner positions in a merge, whichever state comes first", () => {
    const [reference] = split(shared);
    const a = start(reference); // partnerPositions [1, 0, 2]
    const b = start({ ...reference, partners: [...reference.partners].reverse() }); // [1, 2, 0]
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const merged = mergeAttributionStates(x, y);
      expect(merged.ok && merged.value.partnerPositions).toEqual([1, 0, 2]);
    }
  });

  it("shares records JSON carries unchanged, and copies others", () => {
    const [reference] = split(shared);
    const state = start(reference);
    expect(state.reference.users).toContain([...reference.users][0]);
    const odd = start({
      ...reference,
      users: [{ ...employee("northwind"), since: new Date(0) } as never],
    });
    expect(odd.reference.users[0]).toEqual([
      "o",
      "email",
      "jane@northwind.io",
      "partnerId",
      "northwind",
      "since",
      ["d", "an object"],
      "tagged",
      true,
    ]);
  });
});

describe("mergeAttributionStates", () => {
  const [reference, activities] = split(shared);

  it("refuses states started from other reference data or another period", () => {
    const a = start(reference);
    const other = start({ ...reference, clients: [usd(42, 100_002), usd(43, 5_000, true)] });
    const later = start({ ...reference, period: { start: JAN.start + DAY, end: JAN.end } });
    for (const b of [other, later]) {
      const merged = mergeAttributionStates(a, b);
      expect(merged.ok).toBe(false);
      expect(!merged.ok && merged.error).toEqual({
        code: "attribution_states_differ",
        message: expect.stringContaining(b.fingerprint),
        fingerprints: [a.fingerprint, b.fingerprint],
      });
    }
  });

  it("says which state is unusable", () => {
    const a = start(reference);
    const first = mergeAttributionStates({ ...a, version: 2 } as never, a);
    const second = mergeAttributionStates(a, null as never);
    expect(!first.ok && first.error).toMatchObject({
      reason: "unsupported_version",
      state: "first",
    });
    expect(!second.ok && second.error).toMatchObject({ reason: "not_a_state", state: "second" });
  });

  it("merges evidence pointwise: the earliest activity per assignment wins, ties to the smaller email", () => {
    const started = start(reference);
    const a = addActivities(started, [
      act(42, "jane@acme.io", day(9)),
      act(42, "sam@zeta.io", day(8)),
    ]);
    const b = addActivities(started, [
      act(42, "Jane@acme.io", day(9)),
      act(42, "sam@zeta.io", day(4)),
    ]);
    const merged = merge(a, b);
    expect(merged.evidence).toEqual({ assignments: [0], at: [day(9)], emails: ["Jane@acme.io"] });
    expect(merged.lostCredit).toEqual({
      users: [2],
      clients: [42],
      at: [day(4)],
      emails: ["sam@zeta.io"],
    });
    expect(merged.activityCount).toBe(4);
    expect(finishAttribution(merged)).toEqual(
      attributeManagedCredit({
        ...reference,
        activities: [
          act(42, "jane@acme.io", day(9)),
          act(42, "sam@zeta.io", day(8)),
          act(42, "Jane@acme.io", day(9)),
          act(42, "sam@zeta.io", day(4)),
        ],
      }),
    );
    expect(activities.length).toBeGreaterThan(0);
  });
});

describe("corrupted or foreign states", () => {
  const [reference, activities] = split(shared);
  const state = addActivities(start(reference), activities);

  const reasonOf = (value: unknown) => {
    const result = finishAttribution(value as AttributionState);
    return !result.ok && result.error.code === "invalid_attribution_state"
      ? result.error.reason
      : "finished";
  };

  it("refuses values that are no state, without throwing", () => {
    for (const value of [undefined, null, 42, "state", [], {}, { format: "other", version: 1 }]) {
      expect(reasonOf(value)).toBe("not_a_state");
      expect(addActivities(value as AttributionState, activities)).toBe(value);
    }
  });

  it("refuses a version it does not read", () => {
    expect(reasonOf({ ...state, version: 2 })).toBe("unsupported_version");
    expect(reasonOf({ ...state, version: "1" })).toBe("unsupported_version");
  });

  it("refuses reference data that does not match the fingerprint", () => {
    const altered = roundTrip(state);
    (altered.reference.clients[0] as { mrr: { amountMinor: number } }).mrr.amountMinor = 1;
    expect(reasonOf(altered)).toBe("fingerprint_mismatch");
    expect(reasonOf({ ...state, fingerprint: "0000000000000000" })).toBe("fingerprint_mismatch");
  });

  it("accepts a reference whose objects come back with their fields in another order", () => {
    const sortedKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortedKeys)
        : typeof value === "object" && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, sortedKeys(v)]),
            )
          : value;
    expect(finishAttribution(sortedKeys(roundTrip(state)) as AttributionState)).toEqual(
      finishAttribution(state),
    );
  });

  it("refuses evidence, lost credit, positions and issues of the wrong shape", () => {
    const cases: unknown[] = [
      { ...state, evidence: { assignments: [0], at: [], emails: [] } },
      { ...state, evidence: { assignments: [99], at: [day(2)], emails: ["x"] } },
      { ...state, evidence: { assignments: [3], at: [day(2)], emails: ["x"] } }, // not a candidate
      { ...state, evidence: { assignments: [2, 0], at: [1, 2], emails: ["x", "y"] } }, // not increasing
      { ...state, evidence: { assignments: [0], at: [null], emails: ["x"] } },
      { ...state, lostCredit: { users: [0], clients: [42], at: [1], emails: ["x"] } }, // a tagged employee
      { ...state, partnerPositions: [0, 0] },
      { ...state, activityCount: -1 },
      { ...state, issues: [{ position: 0, field: null, issue: ["x"] }] },
      {
        ...state,
        issues: [{ position: 99, field: null, issue: ["o", "code", "c", "message", "m"] }],
      },
      { ...state, reference: { ...state.reference, assignments: "x" } },
      { ...state, reference: { ...state.reference, users: [["o", "tagged"]] } },
    ];
    for (const value of cases)
      expect(reasonOf(value)).toMatch(/^(malformed|fingerprint_mismatch)$/);
    expect(reasonOf({ ...state, evidence: { assignments: [0], at: [null], emails: ["x"] } })).toBe(
      "malformed",
    );
  });
});
