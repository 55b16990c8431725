import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { assignClient } from "../../src/access/assignment.js";
import {
  type AttributionInput,
  type AttributionIssue,
  attributeManagedCredit,
} from "../../src/attribution/managed-credit.js";
import { managedPoints, soldPoints } from "../../src/attribution/points.js";
import {
  addActivities,
  finishAttribution,
  startAttribution,
} from "../../src/attribution/streaming.js";
import { evaluateTier, validateTierThresholds } from "../../src/attribution/tiers.js";
import { isTimestamp, MAX_TIMESTAMP } from "../../src/guards.js";
import type { IssuePath } from "../../src/result.js";
import { act, active, employee, JAN, partner, servicedBy, usd } from "./fixtures.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

// One bad value per kind of field, as docs/errors.md names them.
const BAD = {
  clientId: ["42", "invalid_client_id"],
  fraction: [1.5, "invalid_timestamp"],
  beyondDate: [1e16, "invalid_timestamp"],
  partnerId: ["", "invalid_partner_id"],
  email: ["not an address", "invalid_email"],
} as const;

const base = (): AttributionInput => ({
  ...servicedBy(42, usd(42, 100_000), ["northwind"]),
  activities: [act(42, "jane@northwind.io")],
});

// Replaces one field of one record of a section with a value.
function withField(
  input: AttributionInput,
  section: "partners" | "clients" | "users" | "assignments" | "activities",
  field: string,
  value: unknown,
): AttributionInput {
  const [first, ...rest] = [...(input[section] as Iterable<object>)];
  return { ...input, [section]: [{ ...first, [field]: value }, ...rest] };
}

function issuesOf(input: unknown): readonly AttributionIssue[] {
  const r = attributeManagedCredit(input as AttributionInput);
  return !r.ok ? r.error.issues : [];
}

// The same input through the streaming functions: start, one batch, finish.
function streamedIssuesOf(input: AttributionInput): readonly { code: string; path?: IssuePath }[] {
  const { activities, ...reference } = input;
  const started = startAttribution(reference);
  if (!started.ok) return started.error.issues;
  const finished = finishAttribution(addActivities(started.value, activities));
  if (finished.ok) return [];
  return finished.error.code === "invalid_attribution_input"
    ? finished.error.issues
    : [finished.error];
}

const codesAndPaths = (issues: readonly { code: string; path?: IssuePath }[]) =>
  issues.map((i) => [i.code, i.path]);

type Case = readonly [string, AttributionInput, string, IssuePath, unknown];

const cases: Case[] = [
  [
    "clients[0].clientId",
    withField(base(), "clients", "clientId", BAD.clientId[0]),
    BAD.clientId[1],
    ["clients", 0, "clientId"],
    BAD.clientId[0],
  ],
  [
    "assignments[0].clientId",
    withField(base(), "assignments", "clientId", BAD.clientId[0]),
    BAD.clientId[1],
    ["assignments", 0, "clientId"],
    BAD.clientId[0],
  ],
  [
    "activities[0].clientId",
    withField(base(), "activities", "clientId", BAD.clientId[0]),
    BAD.clientId[1],
    ["activities", 0, "clientId"],
    BAD.clientId[0],
  ],
  [
    "partners[0].partnerId",
    { ...base(), partners: [{ ...partner("northwind"), partnerId: "" }] },
    BAD.partnerId[1],
    ["partners", 0, "partnerId"],
    "",
  ],
  [
    "users[0].email",
    withField(base(), "users", "email", BAD.email[0]),
    BAD.email[1],
    ["users", 0, "email"],
    BAD.email[0],
  ],
  [
    "activities[0].email",
    withField(base(), "activities", "email", BAD.email[0]),
    BAD.email[1],
    ["activities", 0, "email"],
    BAD.email[0],
  ],
  ["partners[0]", { ...base(), partners: [7 as never] }, "invalid_record", ["partners", 0], 7],
  ["clients[0]", { ...base(), clients: [7 as never] }, "invalid_record", ["clients", 0], 7],
  [
    "activities[0]",
    { ...base(), activities: [7 as never] },
    "invalid_record",
    ["activities", 0],
    7,
  ],
  [
    "activities (not a list)",
    { ...base(), activities: 7 as never },
    "invalid_list",
    ["activities"],
    7,
  ],
  ["period (not an object)", { ...base(), period: 7 as never }, "invalid_record", ["period"], 7],
  ...(["fraction", "beyondDate"] as const).flatMap((kind): Case[] => {
    const [value, code] = BAD[kind];
    return [
      [
        `assignments[0].assignedAt = ${value}`,
        withField(base(), "assignments", "assignedAt", value),
        code,
        ["assignments", 0, "assignedAt"],
        value,
      ],
      [
        `activities[0].at = ${value}`,
        withField(base(), "activities", "at", value),
        code,
        ["activities", 0, "at"],
        value,
      ],
      [
        `period.start = ${value}`,
        { ...base(), period: { start: value, end: JAN.end } },
        code,
        ["period", "start"],
        value,
      ],
    ];
  }),
];

describe("attribution: one code and one path per bad value", () => {
  it.each(cases)("%s", (_, input, code, path, value) => {
    const issues = issuesOf(input);
    const at = <T extends { path?: IssuePath }>(list: readonly T[]) =>
      list.filter((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(codesAndPaths(at(issues))).toEqual([[code, path]]);
    expect(
      at(issues)[0] !== undefined && "input" in at(issues)[0]! && at(issues)[0]!.input,
    ).toEqual(value);
    expect(typeof at(issues)[0]?.message).toBe("string");
    // Every issue whole, its English message included, as pinned in __snapshots__.
    expect(issues).toMatchSnapshot();
    // Anything else is a reference to the record that is now missing.
    for (const other of issues)
      if (other.path !== at(issues)[0]?.path)
        expect(["unknown_partner", "unknown_client"]).toContain(other.code);
    // The streaming functions report the same issues (startAttribution
    // stops at the reference data's, before any activity is fed).
    const reference = issues.filter((i) => i.path[0] !== "activities");
    expect(codesAndPaths(streamedIssuesOf(input))).toEqual(
      codesAndPaths(reference.length > 0 ? reference : issues),
    );
  });

  it("reports a bad partner id on a user and an assignment as invalid_partner_id", () => {
    const input = withField(
      withField(base(), "users", "partnerId", ""),
      "assignments",
      "partnerId",
      "",
    );
    expect(codesAndPaths(issuesOf(input))).toEqual([
      ["invalid_partner_id", ["users", 0, "partnerId"]],
      ["invalid_partner_id", ["assignments", 0, "partnerId"]],
    ]);
  });

  it("gives managedPoints and soldPoints the same codes, with paths from the parameter", () => {
    expect(managedPoints(7 as never)).toMatchObject({
      ok: false,
      error: { code: "invalid_record", path: ["mrr"], input: 7 },
    });
    expect(soldPoints(7 as never)).toMatchObject({
      ok: false,
      error: { code: "invalid_list", path: ["deals"], input: 7 },
    });
    expect(soldPoints([7 as never])).toMatchObject({
      ok: false,
      error: { code: "invalid_record", path: ["deals", 0], input: 7 },
    });
    expect(
      managedPoints({ amountMinor: 1, currency: "USD" }, { currencyTable: 7 as never }),
    ).toMatchObject({
      ok: false,
      error: { code: "invalid_record", path: ["options", "currencyTable"], input: 7 },
    });
  });

  it("gives evaluateTier and validateTierThresholds the same codes", () => {
    const tier = evaluateTier(7 as never, "partner", 7 as never);
    expect("issues" in tier && codesAndPaths(tier.issues)).toEqual([
      ["invalid_record", ["points"]],
      ["invalid_list", ["thresholds"]],
    ]);
    const thresholds = validateTierThresholds([7 as never]);
    expect(!thresholds.ok && codesAndPaths(thresholds.error.issues)).toEqual([
      ["invalid_record", ["thresholds", 0]],
    ]);
  });
});

describe("attribution: one timestamp rule", () => {
  it("accepts the extremes a Date can hold and refuses a fraction and 1e16", () => {
    for (const t of [MAX_TIMESTAMP, -MAX_TIMESTAMP, 0]) {
      const input = {
        ...base(),
        period: { start: -MAX_TIMESTAMP, end: MAX_TIMESTAMP },
        assignments: [
          active("northwind", 42, "jane@northwind.io", { assignedAt: t, activatedAt: t }),
        ],
        activities: [act(42, "jane@northwind.io", t)],
      };
      expect(issuesOf(input)).toEqual([]);
    }
    // Before, a fraction passed (the check was |t| ≤ 8.64e15 only).
    expect(issuesOf(withField(base(), "assignments", "assignedAt", 1.5))[0]?.code).toBe(
      "invalid_timestamp",
    );
  });

  it("accepts every assignment assignClient makes from a timestamp", () => {
    const now = fc.oneof(
      fc.constantFrom(MAX_TIMESTAMP, -MAX_TIMESTAMP, 0, -0),
      fc.maxSafeInteger().filter(isTimestamp),
    );
    fc.assert(
      fc.property(now, (t) => {
        const made = assignClient({
          user: employee("northwind"),
          clientId: 42,
          now: t,
          hasPortalAccess: true,
        });
        if (!made.ok) return;
        const input = {
          ...base(),
          period: { start: -MAX_TIMESTAMP, end: MAX_TIMESTAMP },
          assignments: [made.value.assignment],
          activities: [],
        };
        expect(issuesOf(input)).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });
});
