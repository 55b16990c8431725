/**
 * Which evidence is reported: rule (managed credit needs a qualifying
 * activity) the earliest activity is the evidence, and of two at the same
 * instant the one with the smaller email as entered (compared by UTF-16 code
 * units, so the same in every locale). Keeping the earliest is commutative
 * and associative, which is what lets streaming states be fed in any order
 * and merged in any grouping. The engine, the streaming merge and the lost
 * credit all choose with this one function.
 *
 * @module
 */

/**
 * Whether an activity at `at` with `email` is earlier evidence than the one
 * seen so far (`seenAt`, `seenEmail`); `seenAt` is `NaN` when there is none
 * yet, and then any activity is earlier.
 *
 * @param at - the new activity's time
 * @param email - its email, as entered
 * @param seenAt - the time of the evidence so far, or `NaN` for none
 * @param seenEmail - its email, as entered
 * @returns `true` when the new activity replaces the evidence
 * @example
 * ```ts
 * isEarlierEvidence(1, "b@x.io", 2, "a@x.io");      //=> true
 * isEarlierEvidence(2, "a@x.io", 2, "b@x.io");      //=> true (same instant, smaller email)
 * isEarlierEvidence(2, "a@x.io", Number.NaN, "");   //=> true (no evidence yet)
 * ```
 */
export function isEarlierEvidence(
  at: number,
  email: string,
  seenAt: number,
  seenEmail: string | undefined,
): boolean {
  // `!(seenAt <= at)` also holds when seenAt is NaN.
  return !(seenAt <= at) || (at === seenAt && email < (seenEmail as string));
}
