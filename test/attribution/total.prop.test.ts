import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  type AttributionInput,
  attributeManagedCredit,
} from "../../src/attribution/managed-credit.js";
import { managedPoints, soldPoints } from "../../src/attribution/points.js";
import {
  type AttributionState,
  addActivities,
  finishAttribution,
  mergeAttributionStates,
  startAttribution,
} from "../../src/attribution/streaming.js";
import { evaluateTier, validateTierThresholds } from "../../src/attribution/tiers.js";
import { act, active, employee, servicedBy, usd } from "./fixtures.js";
import { changed, expectPrototypeIntact, fieldChange, hostile, protoKeyed } from "./hostile.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

const RUNS = { numRuns: 1_000 };

const valid = (): AttributionInput => ({
  ...servicedBy(42, usd(42, 100_000), ["northwind", "acme"]),
  activities: [act(42, "jane@northwind.io")],
});

const SECTIONS = [
  "period",
  "partners",
  "clients",
  "users",
  "assignments",
  "activities",
  "currencyTable",
];

// A valid input with one section, or one field of one of its records, made odd.
const oddInput = fc.oneof(
  hostile,
  hostile.map(protoKeyed),
  fc
    .record({ section: fc.constantFrom(...SECTIONS), value: hostile })
    .map(({ section, value }) => ({ ...valid(), [section]: value })),
  fc.record({ change: fieldChange }).map(({ change }) => changed(valid(), change, SECTIONS)),
  fc
    .record({
      section: fc.constantFrom("partners", "clients", "users", "assignments", "activities"),
      value: hostile,
      key: fc.string(),
    })
    .map(({ section, value, key }) => {
      const input = valid() as unknown as Record<string, unknown[]>;
      const [first] = input[section]!;
      return {
        ...input,
        [section]: [{ ...(first as object), [key]: value }, value, protoKeyed(value)],
      };
    }),
);

function expectResult(r: unknown): void {
  expect(typeof r).toBe("object");
  const result = r as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  expect(typeof result.ok).toBe("boolean");
  if (result.ok === false) {
    expect(typeof result.error?.code).toBe("string");
    expect(typeof result.error?.message).toBe("string");
  }
}

function startedState(): AttributionState {
  const { activities, ...reference } = valid();
  const started = startAttribution(reference);
  if (!started.ok) throw new Error("the fixture is valid");
  return addActivities(started.value, activities);
}

const STATE_KEYS = [
  "format",
  "version",
  "fingerprint",
  "reference",
  "partnerPositions",
  "activityCount",
  "evidence",
  "lostCredit",
  "issues",
];

// A state with a field deleted or replaced: in place on a state just made
// (so the engine's handed-over evidence is there), or on a copy.
const oddState = fc.oneof(
  hostile,
  fieldChange.map((change) => changed(startedState(), change, STATE_KEYS)),
  fc
    .record({ key: fc.constantFrom(...STATE_KEYS), value: hostile, remove: fc.boolean() })
    .map(({ key, value, remove }) => {
      const state = startedState() as unknown as Record<string, unknown>;
      if (remove) delete state[key];
      else state[key] = value;
      return state;
    }),
);

describe("attribution never throws, and leaves Object.prototype alone", () => {
  it("attributeManagedCredit and startAttribution return a typed result for any input", () => {
    fc.assert(
      fc.property(oddInput, (input) => {
        expectResult(attributeManagedCredit(input as AttributionInput));
        expectResult(startAttribution(input as AttributionInput));
        expectPrototypeIntact();
      }),
      RUNS,
    );
  });

  it("addActivities, mergeAttributionStates and finishAttribution take any state and any batch", () => {
    fc.assert(
      fc.property(oddState, oddState, hostile, (a, b, batch) => {
        // A value that is no usable state comes back as it is.
        const fed = addActivities(a as AttributionState, batch as never);
        expectResult(finishAttribution(fed));
        expectResult(mergeAttributionStates(a as AttributionState, b as AttributionState));
        expectResult(mergeAttributionStates(startedState(), b as AttributionState));
        expectResult(finishAttribution(b as AttributionState));
        expectPrototypeIntact();
      }),
      RUNS,
    );
  });

  it("merges a state whose issues were deleted or replaced without throwing (it threw before)", () => {
    for (const replace of [undefined, null, 7, {}, "x"]) {
      const b = startedState() as unknown as Record<string, unknown>;
      if (replace === undefined) delete b.issues;
      else b.issues = replace;
      const r = mergeAttributionStates(startedState(), b as unknown as AttributionState);
      expect(r).toMatchObject({
        ok: false,
        error: { code: "invalid_attribution_state", reason: "malformed", state: "second" },
      });
    }
  });

  it("managedPoints, soldPoints, evaluateTier and validateTierThresholds return a typed result", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (a, b, c) => {
        expectResult(managedPoints(a as never, b as never));
        expectResult(soldPoints(a as never, b as never));
        expectResult(soldPoints([a, protoKeyed(b)] as never, c as never));
        expectResult(validateTierThresholds(a as never));
        expectResult(validateTierThresholds([a, b] as never));
        const tier = evaluateTier(a as never, b as never, c as never);
        expect(tier.tier === null || typeof tier.tier === "string").toBe(true);
        const partner = evaluateTier(a as never, "partner", [b, c] as never);
        expect(partner.tier === null || typeof partner.tier === "string").toBe(true);
        expectPrototypeIntact();
      }),
      RUNS,
    );
  });

  it("reads own properties only: an inherited field is not data", () => {
    const input = valid();
    const inherited = Object.create(active("northwind", 42, "jane@northwind.io")) as object;
    const r = attributeManagedCredit({ ...input, assignments: [inherited as never] });
    expect(!r.ok && r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_partner_id", ["assignments", 0, "partnerId"]],
      ["invalid_client_id", ["assignments", 0, "clientId"]],
      ["invalid_email", ["assignments", 0, "email"]],
      ["invalid_record", ["assignments", 0, "status"]],
      ["invalid_timestamp", ["assignments", 0, "assignedAt"]],
    ]);
    const user = Object.assign(Object.create({ tagged: true }), {
      ...employee("northwind"),
      tagged: undefined,
    });
    const withUser = attributeManagedCredit({ ...input, users: [user] });
    expect(!withUser.ok && withUser.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_record", ["users", 0, "tagged"]],
    ]);
  });
});
