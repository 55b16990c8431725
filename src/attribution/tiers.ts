/**
 * Tiers: a Solutions Partner reaches the highest tier whose
 * every minimum it meets; a Solutions Provider accumulates points but has no
 * tier. Thresholds change over time, so the caller supplies them.
 *
 * @module
 */

import { isRecord, own } from "../guards.js";
import type { Program, Tier, TierThreshold } from "../model.js";
import { err, type IssueBase, ok, type Result } from "../result.js";
import { decimalFraction, type Fraction } from "./exact.js";
import { describeValue, type IssuePath } from "./money.js";
import { toList } from "./points.js";

/**
 * The points {@link evaluateTier} compares with the thresholds.
 *
 * @example
 * ```ts
 * const points: TierPoints = { totalPoints: 120, sourcedPoints: 15 };
 * ```
 */
export interface TierPoints {
  readonly totalPoints: number;
  readonly sourcedPoints: number;
}

/**
 * What a partner still needs for a tier; each figure is ≥ 0, in hundredths
 * of a point rounded up (so a gap is never shown as 0 while it is not met).
 *
 * @example
 * ```ts
 * const gap: TierGap = { tier: "platinum", missingTotalPoints: 30, missingSourcedPoints: 0 };
 * ```
 */
export interface TierGap {
  readonly tier: Tier;
  readonly missingTotalPoints: number;
  readonly missingSourcedPoints: number;
}

/**
 * One problem with the arguments of {@link evaluateTier} or
 * {@link validateTierThresholds}:
 * - `invalid_points`: a points figure (of the points, or a threshold's
 *   minimum) that is not a finite number ≥ 0;
 * - `invalid_program`: a program other than `"partner"` or `"provider"`;
 * - `invalid_list`: the thresholds are not an array or another iterable;
 * - `invalid_record`: the points or a threshold is not an object, or a
 *   threshold's `tier` is not `"gold"`, `"platinum"`, `"diamond"` or
 *   `"elite"` (at `path` ending in `"tier"`);
 * - `duplicate_tier`: two entries for one tier (which one holds would be a
 *   guess); `firstPath` is where the first one is.
 *
 * @example
 * ```ts
 * const issue: TierIssue = {
 *   code: "duplicate_tier", message: "…", path: ["thresholds", 2],
 *   input: { tier: "gold", totalPoints: 1, sourcedPoints: 0 }, firstPath: ["thresholds", 0],
 * };
 * ```
 */
export interface TierIssue
  extends IssueBase<
    "invalid_points" | "invalid_program" | "invalid_list" | "invalid_record" | "duplicate_tier"
  > {
  readonly path: IssuePath;
  readonly input: unknown;
  /** For `duplicate_tier`: where the first entry of that tier is. */
  readonly firstPath?: IssuePath;
}

/**
 * The refusal of {@link validateTierThresholds}: every problem at once.
 *
 * @example
 * ```ts
 * const e: TierThresholdsError = { code: "invalid_tier_thresholds", message: "…", issues: [] };
 * ```
 */
export interface TierThresholdsError extends IssueBase<"invalid_tier_thresholds"> {
  readonly issues: readonly TierIssue[];
}

/**
 * The result of {@link evaluateTier}:
 * `{ tier: Tier | null, reason?, next? }`, with a `reason` whenever `tier` is
 * `null`:
 * - a tier, and `next` unless no higher tier is among the thresholds;
 * - `provider_program_has_no_tiers`;
 * - `below_lowest_tier`, with what is missing for the lowest tier;
 * - `no_thresholds`: the list is empty;
 * - `invalid_input`, with every problem found: the function is total and
 *   never guesses around a bad threshold.
 *
 * @example
 * ```ts
 * const e: TierEvaluation = { tier: "gold", next: { tier: "platinum", missingTotalPoints: 30, missingSourcedPoints: 0 } };
 * ```
 */
export type TierEvaluation =
  | { readonly tier: Tier; readonly next?: TierGap }
  | { readonly tier: null; readonly reason: "provider_program_has_no_tiers" }
  | { readonly tier: null; readonly reason: "below_lowest_tier"; readonly next: TierGap }
  | { readonly tier: null; readonly reason: "no_thresholds" }
  | {
      readonly tier: null;
      readonly reason: "invalid_input";
      readonly issues: readonly TierIssue[];
    };

// rule: tiers rank Gold < Platinum < Diamond < Elite.
const TIER_ORDER: readonly Tier[] = ["gold", "platinum", "diamond", "elite"];

function isTier(value: unknown): value is Tier {
  return typeof value === "string" && (TIER_ORDER as readonly string[]).includes(value);
}

function isPointFigure(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * Checks a list of tier thresholds: every entry a known tier with finite,
 * non-negative minimums, each tier at most once.
 *
 * @param thresholds - the caller's thresholds, in any order
 * @returns the thresholds sorted from the lowest tier up, or every problem found
 * @example
 * ```ts
 * validateTierThresholds([
 *   { tier: "platinum", totalPoints: 150, sourcedPoints: 20 },
 *   { tier: "gold", totalPoints: 100, sourcedPoints: 10 },
 * ]);
 * //=> { ok: true, value: [{ tier: "gold", … }, { tier: "platinum", … }] }
 * validateTierThresholds([{ tier: "bronze", totalPoints: 1, sourcedPoints: 0 }]).ok; //=> false
 * ```
 */
export function validateTierThresholds(
  thresholds: Iterable<TierThreshold>,
): Result<readonly TierThreshold[], TierThresholdsError> {
  const issues: TierIssue[] = [];
  const sorted = readThresholds(thresholds, ["thresholds"], issues);
  if (sorted === null) {
    return err({
      code: "invalid_tier_thresholds",
      message: `The tier thresholds have ${issues.length} problem${issues.length === 1 ? "" : "s"}; see issues.`,
      issues,
    });
  }
  return ok(sorted);
}

function readThresholds(
  thresholds: unknown,
  path: IssuePath,
  issues: TierIssue[],
): TierThreshold[] | null {
  const list = toList(thresholds);
  if (list === null) {
    issues.push({
      code: "invalid_list",
      message: `The thresholds must be a list of { tier, totalPoints, sourcedPoints }; got ${describeValue(thresholds)}.`,
      path,
      input: thresholds,
    });
    return null;
  }
  const before = issues.length;
  const byTier = new Map<Tier, { readonly threshold: TierThreshold; readonly index: number }>();
  list.forEach((entry, index) => {
    const at = [...path, index];
    if (!isRecord(entry)) {
      issues.push({
        code: "invalid_record",
        message: `A tier threshold must be an object { tier, totalPoints, sourcedPoints }; entry ${index} is ${describeValue(entry)}.`,
        path: at,
        input: entry,
      });
      return;
    }
    const tier = own(entry, "tier");
    const totalPoints = checkPoints(issues, own(entry, "totalPoints"), [...at, "totalPoints"]);
    const sourcedPoints = checkPoints(issues, own(entry, "sourcedPoints"), [
      ...at,
      "sourcedPoints",
    ]);
    if (!isTier(tier)) {
      issues.push({
        code: "invalid_record",
        message: `A threshold's tier must be "gold", "platinum", "diamond" or "elite"; got ${describeValue(tier)}.`,
        path: [...at, "tier"],
        input: tier,
      });
      return;
    }
    if (totalPoints === null || sourcedPoints === null) return;
    const first = byTier.get(tier);
    if (first !== undefined) {
      issues.push({
        code: "duplicate_tier",
        message: `The tier "${tier}" is listed more than once; keep one threshold per tier.`,
        path: at,
        input: entry,
        firstPath: [...path, first.index],
      });
      return;
    }
    byTier.set(tier, { threshold: { tier, totalPoints, sourcedPoints }, index });
  });
  if (issues.length > before) return null;
  return TIER_ORDER.flatMap((tier) => {
    const found = byTier.get(tier);
    return found === undefined ? [] : [found.threshold];
  });
}

// A points figure, or `null` after reporting `invalid_points` at `path`.
function checkPoints(issues: TierIssue[], value: unknown, path: IssuePath): number | null {
  if (isPointFigure(value)) return value;
  issues.push({
    code: "invalid_points",
    message: `${path[path.length - 1]} must be a finite number ≥ 0; got ${describeValue(value)}.`,
    path,
    input: value,
  });
  return null;
}

function fractionOf(value: number): Fraction {
  return value === 0 ? { num: 0n, den: 1n } : decimalFraction(value)!;
}

// The exact decimal difference `minimum − have`, rounded up to hundredths, or
// 0 when met: subtracting doubles would report 100 − 99.99 as 0.010000000000005116.
function missing(minimum: number, have: number): number {
  if (have >= minimum) return 0;
  const a = fractionOf(minimum);
  const b = fractionOf(have);
  const num = (a.num * b.den - b.num * a.den) * 100n;
  const den = a.den * b.den;
  const hundredths = (num + den - 1n) / den;
  return Number(hundredths) / 100;
}

function gap(threshold: TierThreshold, points: TierPoints): TierGap {
  return {
    tier: threshold.tier,
    missingTotalPoints: missing(threshold.totalPoints, points.totalPoints),
    missingSourcedPoints: missing(threshold.sourcedPoints, points.sourcedPoints),
  };
}

/**
 * The tier a partner reaches with its points. A Solutions Provider gets no
 * tier (rule: providers accumulate managed points, but tiers do not apply
 * to them). A Solutions Partner gets the highest tier whose every minimum it
 * meets, `null` below the lowest, and what is missing for the next tier among
 * the thresholds. Never throws: bad arguments give `reason: "invalid_input"`
 * with every problem.
 *
 * @param points - the partner's total and sourced points
 * @param program - `"partner"` or `"provider"`
 * @param thresholds - the minimums per tier, in any order, each tier at most once
 * @returns the tier and the gap to the next one
 * @example
 * ```ts
 * const thresholds = [
 *   { tier: "gold", totalPoints: 100, sourcedPoints: 10 },
 *   { tier: "platinum", totalPoints: 150, sourcedPoints: 20 },
 * ];
 * evaluateTier({ totalPoints: 120, sourcedPoints: 25 }, "partner", thresholds);
 * //=> { tier: "gold", next: { tier: "platinum", missingTotalPoints: 30, missingSourcedPoints: 0 } }
 * evaluateTier({ totalPoints: 120, sourcedPoints: 25 }, "provider", thresholds);
 * //=> { tier: null, reason: "provider_program_has_no_tiers" }
 * ```
 */
export function evaluateTier(
  points: TierPoints,
  program: Program,
  thresholds: Iterable<TierThreshold>,
): TierEvaluation {
  const issues: TierIssue[] = [];
  if (program !== "partner" && program !== "provider") {
    issues.push({
      code: "invalid_program",
      message: `The program must be "partner" or "provider"; got ${describeValue(program)}.`,
      path: ["program"],
      input: program,
    });
  } else if (program === "provider") {
    return { tier: null, reason: "provider_program_has_no_tiers" };
  }
  let have: TierPoints | null = null;
  if (isRecord(points)) {
    const totalPoints = checkPoints(issues, own(points, "totalPoints"), ["points", "totalPoints"]);
    const sourcedPoints = checkPoints(issues, own(points, "sourcedPoints"), [
      "points",
      "sourcedPoints",
    ]);
    if (totalPoints !== null && sourcedPoints !== null) have = { totalPoints, sourcedPoints };
  } else {
    issues.push({
      code: "invalid_record",
      message: `The points must be an object { totalPoints, sourcedPoints }; got ${describeValue(points)}.`,
      path: ["points"],
      input: points,
    });
  }
  const sorted = readThresholds(thresholds, ["thresholds"], issues);
  if (issues.length > 0 || sorted === null || have === null)
    return { tier: null, reason: "invalid_input", issues };
  if (sorted.length === 0) return { tier: null, reason: "no_thresholds" };
  let reached = -1;
  sorted.forEach((threshold, index) => {
    if (have.totalPoints >= threshold.totalPoints && have.sourcedPoints >= threshold.sourcedPoints)
      reached = index;
  });
  const next = sorted[reached + 1];
  if (reached < 0) return { tier: null, reason: "below_lowest_tier", next: gap(next!, have) };
  const tier = sorted[reached]!.tier;
  return next === undefined ? { tier } : { tier, next: gap(next, have) };
}
