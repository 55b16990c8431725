import { describe, expect, it } from "vitest";
import {
  type AttributionInput,
  attributeManagedCredit,
} from "../../src/attribution/managed-credit.js";
import { compareText } from "../../src/attribution/state-codec.js";
import { encodeValue } from "../../src/attribution/state-value.js";
import {
  type AttributionState,
  addActivities,
  finishAttribution,
} from "../../src/attribution/streaming.js";
import type { Assignment } from "../../src/model.js";
import {
  act,
  active,
  day,
  employee,
  JAN,
  partner,
  stateRefusal as refusal,
  usd,
} from "./fixtures.js";
import { roundTrip, split, start } from "./streaming-helpers.js";

// Canonical order: partners acme (0), northwind (1); users acme jane (0),
// northwind sam (1, untagged); assignments acme 42 (0, a candidate),
// northwind 42 (1, no tagged employee: not a candidate).
const input: AttributionInput = {
  period: JAN,
  partners: [partner("northwind"), partner("acme")],
  clients: [usd(42, 100_000)],
  users: [employee("northwind", "sam", { tagged: false }), employee("acme")],
  assignments: [active("northwind", 42, "sam@northwind.io"), active("acme", 42, "jane@acme.io")],
  activities: [act(42, "jane@acme.io", day(3)), act(42, "sam@northwind.io", day(4))],
};
const [reference, activities] = split(input);
const fed = (): AttributionState => roundTrip(addActivities(start(reference), activities));

describe("compareText", () => {
  it("orders strings by UTF-16 code units, 0 only for equal strings", () => {
    expect(compareText("a", "b")).toBe(-1);
    expect(compareText("b", "a")).toBe(1);
    expect(compareText("a", "a")).toBe(0);
    expect(compareText("Z", "a")).toBe(-1);
    expect(compareText("", "a")).toBe(-1);
  });
});

describe("canonicalReference: the order of assignments alike up to status and email", () => {
  const base = active("acme", 42, "jane@acme.io");
  const alike: Assignment[] = [
    { ...base, email: "jane@acme.io", status: "removed", removedAt: day(20) },
    { ...base, email: "jane@acme.io", status: "active", removedAt: day(20) },
    { ...base, email: "Jane@acme.io", status: "active", removedAt: day(20) },
    // Equal in everything the order compares: input order.
    { ...base, email: "jane@acme.io", status: "active", removedAt: day(20), note: 1 } as Assignment,
  ];
  const referenceOf = (assignments: Assignment[]) =>
    start({ ...reference, users: [employee("acme")], assignments }).reference.assignments;

  it("sorts by status, then email as entered, then input order", () => {
    expect(referenceOf(alike)).toEqual([alike[2], alike[1], alike[3], alike[0]]);
    expect(referenceOf([alike[3]!, alike[0]!, alike[2]!, alike[1]!])).toEqual([
      alike[2],
      alike[3],
      alike[1],
      alike[0],
    ]);
  });

  it("gives the same state for the same data in any order, up to the records alike", () => {
    const forward = start({
      ...reference,
      users: [employee("acme")],
      assignments: alike.slice(0, 3),
    });
    const backward = start({
      ...reference,
      users: [employee("acme")],
      assignments: alike.slice(0, 3).reverse(),
    });
    expect(backward).toEqual(forward);
  });
});

describe("prepareReference: reference data that cannot be prepared", () => {
  const withReference = (changes: Record<string, unknown>) => {
    const state = fed();
    return finishAttribution({ ...state, reference: { ...state.reference, ...changes } } as never);
  };

  it("refuses a currency table that does not decode", () => {
    expect(withReference({ currencyTable: ["x"] })).toEqual(
      refusal("malformed", ["reference", "currencyTable"], "the currency table does not decode."),
    );
  });

  it.each(["partners", "clients", "users", "assignments"])(
    "refuses reference.%s that is not a list",
    (section) => {
      expect(withReference({ [section]: { 0: "x" } })).toEqual(
        refusal("malformed", ["reference", section], `reference.${section} is not a list.`),
      );
    },
  );

  it("refuses a record that does not decode, or decodes to something that is no object", () => {
    const state = fed();
    expect(withReference({ users: [state.reference.users[0], ["o", "tagged"]] })).toEqual(
      refusal("malformed", ["reference", "users", 1], "reference.users[1] does not decode."),
    );
    expect(withReference({ clients: [["n", "NaN"]] })).toEqual(
      refusal("malformed", ["reference", "clients", 0], "reference.clients[0] does not decode."),
    );
  });

  it("refuses reference data that is no longer valid input, with the first issue", () => {
    const altered = { ...reference, clients: [usd(42, -1)] };
    const direct = attributeManagedCredit({ ...altered, activities: [] });
    const issue = !direct.ok ? direct.error.issues[0] : undefined;
    expect(issue?.path).toEqual(["clients", 0, "mrr", "amountMinor"]);
    expect(withReference({ clients: [usd(42, -1)] })).toEqual(
      refusal(
        "malformed",
        ["reference", "clients", 0, "mrr", "amountMinor"],
        `its reference data is invalid: ${issue?.message}`,
      ),
    );
  });
});

describe("readEvidence and readLost: the lists of a state", () => {
  const finishWith = (changes: Record<string, unknown>) =>
    finishAttribution({ ...fed(), ...changes } as never);
  const evidence = (assignments: unknown[], at: unknown[], emails: unknown[]) =>
    finishWith({ evidence: { assignments, at, emails } });
  const lost = (users: unknown[], clients: unknown[], at: unknown[], emails: unknown[]) =>
    finishWith({ lostCredit: { users, clients, at, emails } });

  it("reads the lists the state wrote", () => {
    const state = fed();
    expect(state.evidence).toEqual({ assignments: [0], at: [day(3)], emails: ["jane@acme.io"] });
    expect(state.lostCredit).toEqual({
      users: [1],
      clients: [42],
      at: [day(4)],
      emails: ["sam@northwind.io"],
    });
    expect(finishAttribution(state)).toEqual(attributeManagedCredit(input));
  });

  it("refuses evidence lists that are missing or of different lengths", () => {
    const detail = "evidence must hold the lists assignments, at, emails, of one length.";
    for (const value of [
      5,
      {},
      { assignments: [0], at: [day(3)] },
      { assignments: [0], at: [], emails: [] },
    ])
      expect(finishWith({ evidence: value })).toEqual(refusal("malformed", ["evidence"], detail));
  });

  it("refuses an evidence entry that is not a candidate's, out of order, or not a time and an email", () => {
    const bad = (i: number) =>
      refusal("malformed", ["evidence", "assignments", i], `evidence entry ${i} is not valid.`);
    expect(evidence(["0"], [day(3)], ["x"])).toEqual(bad(0));
    expect(evidence([-1], [day(3)], ["x"])).toEqual(bad(0));
    expect(evidence([1], [day(3)], ["x"])).toEqual(bad(0)); // not a candidate
    expect(evidence([2], [day(3)], ["x"])).toEqual(bad(0)); // past the last assignment
    expect(evidence([0, 0], [day(3), day(2)], ["x", "y"])).toEqual(bad(1)); // not increasing
    expect(evidence([0], [1.5], ["x"])).toEqual(bad(0));
    expect(evidence([0], [day(3)], [5])).toEqual(bad(0));
    // Any timestamp and email are evidence: the state says when and who.
    const other = evidence([0], [day(9)], ["Jane@acme.io"]);
    expect(other.ok && other.value.decisions[0]).toMatchObject({
      partnerId: "acme",
      outcome: "credited",
      evidence: { activity: { clientId: 42, email: "Jane@acme.io", at: day(9) } },
    });
  });

  it("refuses lost-credit lists that are missing or of different lengths", () => {
    const detail = "lostCredit must hold the lists users, clients, at, emails, of one length.";
    for (const value of [null, { users: [1], clients: [42], at: [day(4)], emails: [] }])
      expect(finishWith({ lostCredit: value })).toEqual(
        refusal("malformed", ["lostCredit"], detail),
      );
  });

  it("refuses a lost-credit entry of a tagged employee, or without a client, a time and an email", () => {
    const bad = (i: number) =>
      refusal("malformed", ["lostCredit", "users", i], `lost-credit entry ${i} is not valid.`);
    const ok = [1, 42, day(4), "sam@northwind.io"] as const;
    expect(lost([ok[0], "1"], [ok[1], 42], [ok[2], day(4)], [ok[3], "x"])).toEqual(bad(1));
    expect(lost([0], [42], [day(4)], ["x"])).toEqual(bad(0)); // a tagged employee
    expect(lost([2], [42], [day(4)], ["x"])).toEqual(bad(0)); // no such user
    expect(lost([1], [0], [day(4)], ["x"])).toEqual(bad(0));
    expect(lost([1], ["42"], [day(4)], ["x"])).toEqual(bad(0));
    expect(lost([1], [42], [Number.NaN], ["x"])).toEqual(bad(0));
    expect(lost([1], [42], [day(4)], [null])).toEqual(bad(0));
    // Listed twice for one (user, client), the earliest is kept.
    const twice = lost([1, 1], [42, 42], [day(6), day(5)], ["b@northwind.io", "sam@northwind.io"]);
    expect(twice.ok && twice.value.lostCredit.map((l) => l.activity)).toEqual([
      { clientId: 42, email: "sam@northwind.io", at: day(5) },
    ]);
  });
});

describe("readIssue: the refused activities of a state", () => {
  const issue = { code: "invalid_timestamp", message: "at is bad." };
  const finishWith = (issues: unknown[], activityCount = 2) =>
    finishAttribution({ ...fed(), activityCount, issues } as never);
  const bad = (i: number) =>
    refusal("malformed", ["issues", i], `issues[${i}] is not an encoded issue.`);

  it("decodes an issue at its position and field", () => {
    const encoded = encodeValue({ ...issue, input: Number.NaN });
    expect(
      finishWith([
        { position: 1, field: "at", issue: encoded },
        { position: 0, field: null, issue: encoded },
        { position: null, field: null, issue: encoded },
      ]),
    ).toEqual({
      ok: false,
      error: {
        code: "invalid_attribution_input",
        message: "3 records are invalid; see issues.",
        issues: [
          { ...issue, path: ["activities", 1, "at"], input: Number.NaN },
          { ...issue, path: ["activities", 0], input: Number.NaN },
          { ...issue, path: ["activities"], input: Number.NaN },
        ],
      },
    });
  });

  it("refuses an issue that is not an object, out of the activities fed, or without a code and message", () => {
    const encoded = encodeValue(issue);
    expect(finishWith([5])).toEqual(bad(0));
    expect(finishWith([{ position: 0, field: null, issue: encoded }, null])).toEqual(bad(1));
    expect(finishWith([{ position: 2, field: null, issue: encoded }])).toEqual(bad(0));
    expect(finishWith([{ position: 1, field: null, issue: encoded }], 1)).toEqual(bad(0));
    expect(finishWith([{ position: -1, field: null, issue: encoded }])).toEqual(bad(0));
    expect(finishWith([{ position: "0", field: null, issue: encoded }])).toEqual(bad(0));
    expect(finishWith([{ position: 0, field: 3, issue: encoded }])).toEqual(bad(0));
    expect(finishWith([{ position: 0, field: null, issue: ["a"] }])).toEqual(bad(0));
    expect(
      finishWith([{ position: 0, field: null, issue: encodeValue({ code: 1, message: "m" }) }]),
    ).toEqual(bad(0));
    expect(
      finishWith([{ position: 0, field: null, issue: encodeValue({ code: "c", message: 1 }) }]),
    ).toEqual(bad(0));
  });
});
