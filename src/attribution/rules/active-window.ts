/**
 * The active window of an assignment: rule (the data shapes of the library)
 * an assignment counts as active over `[activatedAt, removedAt ?? expiresAt
 * ?? ∞)`, and a `pending_access` one is never active. For managed credit
 * only the part inside the half-open period `[start, end)` counts: check 2
 * ("it was active during the period") passes when that part is not empty.
 *
 * @module
 */

import type { Assignment, Period } from "../../model.js";

/**
 * Why an assignment was not active during the period, as the engine numbers
 * it (the names are {@link INACTIVE_REASONS}).
 *
 * @example
 * ```ts
 * INACTIVE_REASONS[InactiveReason.PendingAccess]; //=> "pending_access"
 * ```
 */
export enum InactiveReason {
  /** Assigned, waiting for the client to grant access: never active. */
  PendingAccess = 0,
  /** No `activatedAt`: the client never granted access. */
  NotActivated = 1,
  /** Its active interval misses the period. */
  OutsidePeriod = 2,
}

/**
 * The names of {@link InactiveReason}, by number.
 *
 * @example
 * ```ts
 * INACTIVE_REASONS[2]; //=> "outside_period"
 * ```
 */
export const INACTIVE_REASONS = ["pending_access", "not_activated", "outside_period"] as const;

/**
 * Where the active window starts inside the period: the later of the
 * period's start and `activatedAt` (no `activatedAt`: never, which reads as
 * the period's end, an empty window).
 *
 * @param activatedAt - the assignment's `activatedAt`
 * @param period - the period
 * @returns the window's start
 * @example
 * ```ts
 * windowStart(5, { start: 0, end: 10 }); //=> 5
 * ```
 */
export function windowStart(activatedAt: number | undefined, period: Period): number {
  return Math.max(period.start, activatedAt ?? period.end);
}

/**
 * Where the active window ends inside the period: the earlier of the
 * period's end and `removedAt ?? expiresAt` (neither: it is still active).
 *
 * @param removedAt - the assignment's `removedAt`
 * @param expiresAt - the assignment's `expiresAt`
 * @param period - the period
 * @returns the window's end (exclusive)
 * @example
 * ```ts
 * windowEnd(undefined, 8, { start: 0, end: 10 }); //=> 8
 * ```
 */
export function windowEnd(
  removedAt: number | undefined,
  expiresAt: number | undefined,
  period: Period,
): number {
  return Math.min(period.end, removedAt ?? expiresAt ?? period.end);
}

/**
 * Check 2's verdict: why the assignment was not active during the period,
 * or `-1` when it was (its window `[from, until)` is not empty).
 *
 * @param status - the assignment's status
 * @param activatedAt - its `activatedAt`
 * @param from - {@link windowStart}
 * @param until - {@link windowEnd}
 * @returns an {@link InactiveReason}, or -1
 * @example
 * ```ts
 * inactiveReason("pending_access", 5, 5, 10); //=> InactiveReason.PendingAccess
 * inactiveReason("active", 5, 5, 10); //=> -1
 * ```
 */
export function inactiveReason(
  status: unknown,
  activatedAt: number | undefined,
  from: number,
  until: number,
): InactiveReason | -1 {
  if (status === "pending_access") return InactiveReason.PendingAccess;
  if (activatedAt === undefined) return InactiveReason.NotActivated;
  return from < until ? -1 : InactiveReason.OutsidePeriod;
}

/**
 * The active window of an assignment inside a period, or why it has none.
 *
 * @param assignment - the assignment
 * @param period - the half-open period
 * @returns `{ start, end }` (non-empty), or `{ reason }`
 * @example
 * ```ts
 * activeWindow({ status: "active", activatedAt: 5 }, { start: 0, end: 10 }); //=> { start: 5, end: 10 }
 * activeWindow({ status: "pending_access" }, { start: 0, end: 10 }); //=> { reason: "pending_access" }
 * ```
 */
export function activeWindow(
  assignment: Pick<Assignment, "status" | "activatedAt" | "removedAt" | "expiresAt">,
  period: Period,
):
  | { readonly start: number; readonly end: number }
  | { readonly reason: (typeof INACTIVE_REASONS)[number] } {
  const start = windowStart(assignment.activatedAt, period);
  const end = windowEnd(assignment.removedAt, assignment.expiresAt, period);
  const reason = inactiveReason(assignment.status, assignment.activatedAt, start, end);
  return reason === -1 ? { start, end } : { reason: INACTIVE_REASONS[reason] };
}
