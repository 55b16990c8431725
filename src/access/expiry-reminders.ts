/**
 * Access that ends by itself: reminders before an assignment's `expiresAt`,
 * and the sweep that marks lapsed assignments `expired`. Both are pure: the
 * caller passes the time and keeps the result.
 *
 * @module
 */

import { emailKey } from "../domain/email-address.js";
import { isClientId, isIterable, isPartnerId, isRecord, isTimestamp, own } from "../guards.js";
import type { Assignment, Timestamp } from "../model.js";
import { expireAssignment } from "./assignment.js";

const DAY_MS = 86_400_000;

/**
 * The reminders {@link dueReminders} gives unless told otherwise: 30, 7 and
 * 1 days before an assignment expires.
 *
 * @example
 * ```ts
 * DEFAULT_REMINDER_DAYS; //=> [30, 7, 1]
 * ```
 */
export const DEFAULT_REMINDER_DAYS: readonly number[] = Object.freeze([30, 7, 1]);

/**
 * A reminder that an assignment's access is about to end: `daysBefore` days
 * before its `expiresAt`, due at `dueAt = expiresAt − daysBefore × 86,400,000`.
 *
 * @example
 * ```ts
 * const r: ExpiryReminder = {
 *   assignment: { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "active", assignedAt: 0, activatedAt: 0, expiresAt: 31 * 86_400_000 },
 *   daysBefore: 30,
 *   dueAt: 86_400_000,
 * };
 * ```
 */
export interface ExpiryReminder {
  readonly assignment: Assignment;
  readonly daysBefore: number;
  readonly dueAt: Timestamp;
}

/**
 * The window of {@link dueReminders}: reminders due after `since` and up to
 * `now`, both timestamps.
 *
 * @example
 * ```ts
 * const window: ReminderWindow = { since: Date.UTC(2026, 0, 1), now: Date.UTC(2026, 0, 2) };
 * ```
 */
export interface ReminderWindow {
  readonly since: Timestamp;
  readonly now: Timestamp;
}

/**
 * Options of {@link dueReminders}.
 *
 * @example
 * ```ts
 * const options: DueRemindersOptions = { daysBefore: [14, 3] };
 * ```
 */
export interface DueRemindersOptions {
  /** How many days before expiry to remind, each a positive whole number; default `[30, 7, 1]`. */
  readonly daysBefore?: readonly number[];
}

function isLive(status: unknown): boolean {
  return status === "pending_access" || status === "active";
}

// A positive whole number of days whose distance in milliseconds is safe.
function isDayCount(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isSafeInteger(value) &&
    value > 0 &&
    value * DAY_MS <= 2 ** 53
  );
}

function reminderDays(options: unknown): number[] | undefined {
  const given = own(options, "daysBefore");
  if (given === undefined) return [...DEFAULT_REMINDER_DAYS];
  if (!Array.isArray(given)) return undefined;
  const days = new Set<number>();
  for (let i = 0; i < given.length; i++) {
    const d: unknown = Object.hasOwn(given, i) ? given[i] : undefined;
    if (!isDayCount(d)) return undefined;
    days.add(d);
  }
  return [...days];
}

interface Due extends ExpiryReminder {
  readonly key: string;
}

// rule: sorted by dueAt, then partnerId, clientId, email key, and the
// earlier reminder (more days before) first. `<` compares UTF-16 code units,
// the same in every locale.
function byDue(a: Due, b: Due): number {
  if (a.dueAt !== b.dueAt) return a.dueAt - b.dueAt;
  const pa = a.assignment.partnerId;
  const pb = b.assignment.partnerId;
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.assignment.clientId !== b.assignment.clientId) {
    return a.assignment.clientId - b.assignment.clientId;
  }
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return b.daysBefore - a.daysBefore;
}

/**
 * The expiry reminders that fall due in a window. A reminder `daysBefore`
 * days before an assignment's `expiresAt` is due at `dueAt = expiresAt −
 * daysBefore × 86,400,000`, and is given when `since < dueAt ≤ now`, the
 * assignment is `pending_access` or `active` (not removed, not expired), and
 * it already existed then (`assignedAt ≤ dueAt`). Calls over consecutive
 * windows (each `since` the previous `now`) therefore give each reminder
 * exactly once, and together the same reminders as one call over the whole
 * span. Sorted by `dueAt`, then `partnerId`, `clientId`, email key, and
 * `daysBefore` descending.
 *
 * Pure and total: records that are not well-formed assignments (validate
 * them with `schemas.assignment` at the boundary) are skipped, and a window
 * or `daysBefore` that is malformed gives no reminders. Only a caller's own
 * throwing iterator or getter can throw through it.
 *
 * @param assignments - the assignments to look at
 * @param window - `since` (exclusive) and `now` (inclusive)
 * @param options - `daysBefore`, default `[30, 7, 1]`
 * @returns the reminders due in the window, in order
 * @example
 * ```ts
 * const DAY = 86_400_000;
 * const a = { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "active", assignedAt: 0, activatedAt: 0, expiresAt: 40 * DAY } as const;
 * dueReminders([a], { since: 0, now: 10 * DAY });
 * //=> [{ assignment: a, daysBefore: 30, dueAt: 10 * DAY }]
 * dueReminders([a], { since: 10 * DAY, now: 40 * DAY }).map((r) => r.daysBefore);
 * //=> [7, 1]
 * ```
 */
export function dueReminders(
  assignments: Iterable<Assignment>,
  window: ReminderWindow,
  options: DueRemindersOptions = {},
): ExpiryReminder[] {
  const since = own(window, "since");
  const now = own(window, "now");
  const days = reminderDays(options);
  if (!isTimestamp(since) || !isTimestamp(now) || days === undefined || !isIterable(assignments)) {
    return [];
  }
  const due: Due[] = [];
  for (const value of assignments) {
    if (!isRecord(value) || !isLive(own(value, "status"))) continue;
    const expiresAt = own(value, "expiresAt");
    const assignedAt = own(value, "assignedAt");
    if (!isTimestamp(expiresAt) || !isTimestamp(assignedAt)) continue;
    if (!isPartnerId(own(value, "partnerId")) || !isClientId(own(value, "clientId"))) continue;
    const email = own(value, "email");
    if (typeof email !== "string") continue;
    const assignment = value as unknown as Assignment;
    for (const daysBefore of days) {
      const dueAt = expiresAt - daysBefore * DAY_MS;
      if (dueAt <= since || dueAt > now || dueAt < assignedAt) continue;
      due.push({ assignment, daysBefore, dueAt, key: emailKey(email) ?? email });
    }
  }
  due.sort(byDue);
  return due.map(({ assignment, daysBefore, dueAt }) => ({ assignment, daysBefore, dueAt }));
}

/**
 * The result of {@link expireAssignments}: the assignments that lapsed, now
 * `expired`, and the whole list with them replaced, in input order.
 *
 * @example
 * ```ts
 * const r: ExpireAssignmentsResult = { expired: [], assignments: [] };
 * ```
 */
export interface ExpireAssignmentsResult {
  readonly expired: Assignment[];
  readonly assignments: Assignment[];
}

/**
 * Marks every `pending_access` or `active` assignment whose `expiresAt` has
 * come (`expiresAt ≤ now`) `expired`, as `expireAssignment` does one. Other
 * assignments, and records that are not well-formed assignments, are kept as
 * they are; a `now` that is not a timestamp expires nothing. Pure and total:
 * inputs are never mutated.
 *
 * @param assignments - the assignments to sweep
 * @param now - the current time
 * @returns the newly expired assignments, and the list with them replaced
 * @example
 * ```ts
 * const a = { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "active", assignedAt: 0, activatedAt: 0, expiresAt: 10 } as const;
 * const b = { ...a, clientId: 43, expiresAt: 99 };
 * expireAssignments([a, b], 10);
 * //=> { expired: [{ …a, status: "expired" }], assignments: [{ …a, status: "expired" }, b] }
 * ```
 */
export function expireAssignments(
  assignments: Iterable<Assignment>,
  now: Timestamp,
): ExpireAssignmentsResult {
  const expired: Assignment[] = [];
  const all: Assignment[] = [];
  if (!isIterable(assignments)) return { expired, assignments: all };
  const sweep = isTimestamp(now);
  for (const value of assignments) {
    const expiresAt = own(value, "expiresAt");
    if (sweep && isLive(own(value, "status")) && isTimestamp(expiresAt) && expiresAt <= now) {
      const r = expireAssignment(value, now);
      if (r.ok) {
        expired.push(r.value);
        all.push(r.value);
        continue;
      }
    }
    all.push(value);
  }
  return { expired, assignments: all };
}
