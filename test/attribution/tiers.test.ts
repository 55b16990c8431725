import { describe, expect, it } from "vitest";
import { evaluateTier, validateTierThresholds } from "../../src/attribution/tiers.js";
import type { TierThreshold } from "../../src/model.js";

// Listed out of order on purpose: tiers are ranked by name, not by position.
const thresholds: TierThreshold[] = [
  { tier: "diamond", totalPoints: 500, sourcedPoints: 50 },
  { tier: "gold", totalPoints: 100, sourcedPoints: 10 },
  { tier: "elite", totalPoints: 1000, sourcedPoints: 100 },
  { tier: "platinum", totalPoints: 250, sourcedPoints: 25 },
];

describe("evaluateTier", () => {
  it("gives a partner the highest tier whose every minimum is met, and the gap to the next", () => {
    expect(evaluateTier({ totalPoints: 300, sourcedPoints: 30 }, "partner", thresholds)).toEqual({
      tier: "platinum",
      next: { tier: "diamond", missingTotalPoints: 200, missingSourcedPoints: 20 },
    });
  });

  it("does not give a tier whose sourced minimum is missed, however many total points", () => {
    expect(evaluateTier({ totalPoints: 5000, sourcedPoints: 24 }, "partner", thresholds)).toEqual({
      tier: "gold",
      next: { tier: "platinum", missingTotalPoints: 0, missingSourcedPoints: 1 },
    });
  });

  it("counts a minimum met exactly as met", () => {
    expect(
      evaluateTier({ totalPoints: 100, sourcedPoints: 10 }, "partner", thresholds),
    ).toMatchObject({ tier: "gold" });
  });

  it("gives null below the lowest tier, with what the lowest needs", () => {
    expect(evaluateTier({ totalPoints: 99.99, sourcedPoints: 0 }, "partner", thresholds)).toEqual({
      tier: null,
      reason: "below_lowest_tier",
      // 100 − 99.99 in doubles is 0.010000000000005116; the gap is exact.
      next: { tier: "gold", missingTotalPoints: 0.01, missingSourcedPoints: 10 },
    });
  });

  it("gives no next tier at the top", () => {
    expect(evaluateTier({ totalPoints: 2000, sourcedPoints: 200 }, "partner", thresholds)).toEqual({
      tier: "elite",
    });
  });

  it("gives a provider no tier, whatever its points", () => {
    expect(evaluateTier({ totalPoints: 2000, sourcedPoints: 200 }, "provider", thresholds)).toEqual(
      {
        tier: null,
        reason: "provider_program_has_no_tiers",
      },
    );
  });

  it("uses only the tiers the caller supplies", () => {
    const two = thresholds.filter((t) => t.tier === "gold" || t.tier === "diamond");
    expect(evaluateTier({ totalPoints: 300, sourcedPoints: 30 }, "partner", two)).toEqual({
      tier: "gold",
      next: { tier: "diamond", missingTotalPoints: 200, missingSourcedPoints: 20 },
    });
    expect(evaluateTier({ totalPoints: 300, sourcedPoints: 30 }, "partner", [])).toEqual({
      tier: null,
      reason: "no_thresholds",
    });
  });

  it("rounds a gap with more than two decimals up, so it is never shown as 0 while unmet", () => {
    const odd = [{ tier: "gold" as const, totalPoints: 100.001, sourcedPoints: 0 }];
    expect(evaluateTier({ totalPoints: 100, sourcedPoints: 0 }, "partner", odd)).toMatchObject({
      next: { missingTotalPoints: 0.01 },
    });
  });

  it("reports every bad argument instead of guessing", () => {
    const bad = evaluateTier({ totalPoints: Number.NaN, sourcedPoints: -1 }, "agency" as never, [
      { tier: "gold", totalPoints: 1, sourcedPoints: 0 },
      { tier: "gold", totalPoints: 2, sourcedPoints: 0 },
      { tier: "bronze", totalPoints: 1, sourcedPoints: 0 } as unknown as TierThreshold,
    ]);
    expect(bad.tier).toBeNull();
    expect("reason" in bad && bad.reason).toBe("invalid_input");
    expect("issues" in bad && bad.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_program", ["program"]],
      ["invalid_points", ["points", "totalPoints"]],
      ["invalid_points", ["points", "sourcedPoints"]],
      ["duplicate_tier", ["thresholds", 1]],
      ["invalid_record", ["thresholds", 2, "tier"]],
    ]);
  });

  it("gives no tier for an unknown program, even with valid points and thresholds", () => {
    expect(
      evaluateTier({ totalPoints: 300, sourcedPoints: 30 }, "agency" as never, thresholds),
    ).toEqual({
      tier: null,
      reason: "invalid_input",
      issues: [
        {
          code: "invalid_program",
          message: 'The program must be "partner" or "provider"; got "agency".',
          path: ["program"],
          input: "agency",
        },
      ],
    });
  });

  it("never throws on odd arguments", () => {
    for (const value of [undefined, null, 1, "x", {}, []]) {
      expect(() => evaluateTier(value as never, value as never, value as never)).not.toThrow();
    }
  });
});

describe("validateTierThresholds", () => {
  it("reports a tier listed twice, with where the first one is", () => {
    const second = { tier: "gold", totalPoints: 1, sourcedPoints: 0 } as const;
    expect(
      validateTierThresholds([{ tier: "gold", totalPoints: 100, sourcedPoints: 10 }, second]),
    ).toEqual({
      ok: false,
      error: {
        code: "invalid_tier_thresholds",
        message: "The tier thresholds have 1 problem; see issues.",
        issues: [
          {
            code: "duplicate_tier",
            message: 'The tier "gold" is listed more than once; keep one threshold per tier.',
            path: ["thresholds", 1],
            input: second,
            firstPath: ["thresholds", 0],
          },
        ],
      },
    });
  });

  it("counts an entry with a bad minimum as no entry of its tier: only its minimum is reported", () => {
    const bad = { tier: "gold", totalPoints: -1, sourcedPoints: 0 } as const;
    const good = { tier: "gold", totalPoints: 100, sourcedPoints: 10 } as const;
    const issue = {
      code: "invalid_points",
      message: "totalPoints must be a finite number ≥ 0; got -1.",
      path: ["thresholds", 0, "totalPoints"],
      input: -1,
    };
    const error = (issues: unknown[]) => ({
      ok: false,
      error: {
        code: "invalid_tier_thresholds",
        message: `The tier thresholds have ${issues.length} problem${issues.length === 1 ? "" : "s"}; see issues.`,
        issues,
      },
    });
    expect(validateTierThresholds([bad, good])).toEqual(error([issue]));
    expect(validateTierThresholds([good, bad])).toEqual(
      error([{ ...issue, path: ["thresholds", 1, "totalPoints"] }]),
    );
  });

  it("sorts valid thresholds from the lowest tier up", () => {
    expect(validateTierThresholds(thresholds)).toEqual({
      ok: true,
      value: [thresholds[1], thresholds[3], thresholds[0], thresholds[2]],
    });
  });

  it("lists every problem", () => {
    const r = validateTierThresholds([
      { tier: "gold", totalPoints: -1, sourcedPoints: 0 },
      { tier: "gold", totalPoints: 1, sourcedPoints: Number.POSITIVE_INFINITY },
    ]);
    expect(r).toMatchObject({ ok: false, error: { code: "invalid_tier_thresholds" } });
    expect(!r.ok && r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_points", ["thresholds", 0, "totalPoints"]],
      ["invalid_points", ["thresholds", 1, "sourcedPoints"]],
    ]);
  });
});

// Found by the hostile-input suite: an array whose prototype is not
// Array.prototype has no forEach, and the thresholds were read with it.
describe("thresholds in an array without Array.prototype", () => {
  it("is read as a list, not a TypeError", () => {
    const bare = Object.setPrototypeOf([...thresholds], null) as TierThreshold[];
    expect(validateTierThresholds(bare).ok).toBe(false);
    expect(() =>
      evaluateTier({ totalPoints: 300, sourcedPoints: 30 }, "partner", bare),
    ).not.toThrow();
    const r = evaluateTier({ totalPoints: 300, sourcedPoints: 30 }, "partner", bare);
    expect(r.tier).toBeNull();
  });
});
