/**
 * The moves of an existing assignment: the client grants portal access
 * (`pending_access` → `active`), the partner removes the access with the
 * typed confirmation `REMOVE`, or the expiry comes. `removed` and `expired`
 * are final. Each returns a new object and never mutates its input.
 *
 * @module
 */

import { isRecord, isTimestamp, normaliseTimestamp } from "../guards.js";
import type { Assignment, AssignmentStatus, Timestamp } from "../model.js";
import { err, type IssueBase, type IssuePath, ok, type Result } from "../result.js";
import { type AssignmentRecordIssue, isLive, readAssignment } from "./assignment-record.js";
import { checkTimestamp } from "./issues.js";

/**
 * The text a user must type, exactly, to remove an employee's access to a
 * client.
 *
 * @example
 * ```ts
 * removeClientAccess(assignment, REMOVE_CONFIRMATION, now); // confirmed
 * ```
 */
export const REMOVE_CONFIRMATION: "REMOVE" = "REMOVE";

/**
 * Why a transition of an existing assignment was refused:
 * - a malformed record ({@link AssignmentRecordIssue}: `invalid_record`,
 *   `invalid_partner_id`, `invalid_client_id`, `invalid_email`,
 *   `invalid_timestamp`, with the path under `["assignment"]`), or an
 *   `invalid_timestamp` for `now` (path `["now"]`);
 * - `invalid_transition`: the status does not allow it (`from` → `to`), such
 *   as granting a removed assignment or removing one twice;
 * - `time_out_of_order`: `now` is before the assignment's `earliest` moment
 *   (its activation, or its creation when never activated);
 * - `assignment_expired`: its `expiresAt` has passed, so it already ended
 *   (mark it with {@link expireAssignment}).
 *
 * @example
 * ```ts
 * const e: AssignmentTransitionError = {
 *   code: "invalid_transition", message: "…", path: ["assignment", "status"], input: "removed",
 *   from: "removed", to: "active",
 * };
 * ```
 */
export type AssignmentTransitionError =
  | AssignmentRecordIssue
  | (IssueBase<"invalid_transition"> & {
      readonly path: IssuePath;
      readonly input: unknown;
      readonly from: AssignmentStatus;
      readonly to: AssignmentStatus;
    })
  | (IssueBase<"time_out_of_order"> & {
      readonly path: IssuePath;
      readonly input: unknown;
      readonly now: Timestamp;
      readonly earliest: Timestamp;
    })
  | (IssueBase<"assignment_expired"> & {
      readonly path: IssuePath;
      readonly input: unknown;
      readonly expiresAt: Timestamp;
      readonly now: Timestamp;
    });

/**
 * The errors of {@link removeClientAccess}: a transition error, or
 * `confirmation_required` (path `["confirmation"]`) when the confirmation is
 * not exactly `REMOVE`.
 *
 * @example
 * ```ts
 * const e: RemoveClientAccessError = {
 *   code: "confirmation_required", message: "Type REMOVE to confirm.", path: ["confirmation"],
 *   expected: "REMOVE", input: "remove",
 * };
 * ```
 */
export type RemoveClientAccessError =
  | AssignmentTransitionError
  | (IssueBase<"confirmation_required"> & {
      readonly path: IssuePath;
      readonly expected: typeof REMOVE_CONFIRMATION;
      readonly input: unknown;
    });

/**
 * The errors of {@link expireAssignment}: a transition error, or
 * `not_expired` when the assignment has no expiry (path
 * `["assignment", "expiresAt"]`) or it is still ahead (path `["now"]`).
 *
 * @example
 * ```ts
 * const e: ExpireAssignmentError = {
 *   code: "not_expired", message: "…", path: ["assignment", "expiresAt"], input: undefined, expiresAt: null, now: 0,
 * };
 * ```
 */
export type ExpireAssignmentError =
  | Exclude<AssignmentTransitionError, { code: "assignment_expired" }>
  | (IssueBase<"not_expired"> & {
      readonly path: IssuePath;
      readonly input: unknown;
      readonly expiresAt: Timestamp | null;
      readonly now: Timestamp;
    });

type Refused = { readonly ok: false; readonly error: AssignmentTransitionError };

// The assignment and `now`, checked in that order.
function readMove(
  assignment: unknown,
  now: unknown,
): Result<Assignment, AssignmentTransitionError> {
  const a = readAssignment(assignment, ["assignment"]);
  if (!a.ok) return a;
  const badNow = checkTimestamp(now, ["now"]);
  return badNow === undefined ? a : err(badNow);
}

const WHAT: { readonly [S in AssignmentStatus]: string } = {
  pending_access: "is waiting for portal access",
  active: "is already active",
  removed: "was removed",
  expired: "has expired",
};

function invalidTransition(from: AssignmentStatus, to: AssignmentStatus): Refused {
  return err({
    code: "invalid_transition",
    message: `The assignment ${WHAT[from]}, so it cannot become ${to}.`,
    path: ["assignment", "status"],
    input: from,
    from,
    to,
  });
}

// The earliest moment a later event of the assignment can carry.
function earliestOf(a: Assignment): Timestamp {
  return a.activatedAt ?? a.assignedAt;
}

function outOfOrder(now: Timestamp, earliest: Timestamp): Refused {
  return err({
    code: "time_out_of_order",
    message: "This change is dated before the assignment was made or activated.",
    path: ["now"],
    input: now,
    now,
    earliest,
  });
}

function expired(expiresAt: Timestamp, now: Timestamp): Refused {
  return err({
    code: "assignment_expired",
    message: "The assignment has already expired; mark it expired instead.",
    path: ["now"],
    input: now,
    expiresAt,
    now,
  });
}

// rule: an assignment is active over [activatedAt, removedAt ?? expiresAt ?? ∞).
// A change dated at or after the expiry would stretch that interval, so it is
// refused.
function hasLapsed(a: Assignment, now: Timestamp): boolean {
  return a.expiresAt !== undefined && a.expiresAt <= now;
}

/**
 * Records that the client granted the employee access to its portal: a
 * `pending_access` assignment becomes `active` with `activatedAt = now`.
 * Refused as a value: every other status (`invalid_transition`), a `now`
 * before `assignedAt`, an assignment whose expiry has passed, and a
 * malformed assignment or time (with the `path` of the bad field). Only the
 * record's own properties are read; its extra fields are kept. Never
 * throws (but for what a getter the caller defined on it throws), never
 * mutates.
 *
 * @param assignment - a pending assignment
 * @param now - when the client granted access
 * @returns the active assignment, or why not
 * @example
 * ```ts
 * grantPortalAccess(
 *   { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "pending_access", assignedAt: 1_000 },
 *   2_000,
 * );
 * //=> { ok: true, value: { …, status: "active", activatedAt: 2000 } }
 * ```
 */
export function grantPortalAccess(
  assignment: Assignment,
  now: Timestamp,
): Result<Assignment, AssignmentTransitionError> {
  const read = readMove(assignment, now);
  if (!read.ok) return read;
  const a = read.value;
  const at = normaliseTimestamp(now);
  if (a.status !== "pending_access") return invalidTransition(a.status, "active");
  if (at < a.assignedAt) return outOfOrder(at, a.assignedAt);
  if (hasLapsed(a, at)) return expired(a.expiresAt!, at);
  return ok({ ...a, status: "active", activatedAt: at });
}

/**
 * Removes an employee's access to a client: a `pending_access` or `active`
 * assignment becomes `removed` with `removedAt = now`. It must be confirmed
 * by typing `REMOVE` exactly (no spaces, upper case): anything else is
 * refused with `confirmation_required`, checked first. Also refused: removing
 * twice or removing an expired assignment (`invalid_transition`), a `now`
 * before the assignment's activation (or creation), an assignment whose
 * expiry has passed, and malformed input. Removing the access here does not
 * delete the user from the client's portal: only the client can. Only the
 * record's own properties are read. Never throws (but for what a getter the
 * caller defined on it throws), never mutates.
 *
 * @param assignment - a pending or active assignment
 * @param confirmation - what the user typed to confirm
 * @param now - when the access is removed
 * @returns the removed assignment, or why not
 * @example
 * ```ts
 * const a = { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "active", assignedAt: 1, activatedAt: 1 } as const;
 * removeClientAccess(a, "REMOVE", 5); //=> { ok: true, value: { …, status: "removed", removedAt: 5 } }
 * removeClientAccess(a, "remove", 5); //=> { ok: false, error: { code: "confirmation_required", path: ["confirmation"], … } }
 * ```
 */
export function removeClientAccess(
  assignment: Assignment,
  confirmation: string,
  now: Timestamp,
): Result<Assignment, RemoveClientAccessError> {
  // rule: removing access needs the typed confirmation REMOVE.
  if (confirmation !== REMOVE_CONFIRMATION) {
    return err({
      code: "confirmation_required",
      message: `Type ${REMOVE_CONFIRMATION} (in capitals, nothing else) to confirm removing this access.`,
      path: ["confirmation"],
      expected: REMOVE_CONFIRMATION,
      input: confirmation,
    });
  }
  const read = readMove(assignment, now);
  if (!read.ok) return read;
  const a = read.value;
  const at = normaliseTimestamp(now);
  if (!isLive(a.status)) return invalidTransition(a.status, "removed");
  if (at < earliestOf(a)) return outOfOrder(at, earliestOf(a));
  if (hasLapsed(a, at)) return expired(a.expiresAt!, at);
  return ok({ ...a, status: "removed", removedAt: at });
}

/**
 * Marks a `pending_access` or `active` assignment `expired` once its
 * `expiresAt` has come (`expiresAt ≤ now`). Refused with `not_expired` when it
 * has no expiry or the expiry is still ahead, with `invalid_transition` for a
 * removed or expired one, and for malformed input. Never throws (but for
 * what a getter the caller defined on it throws), never mutates.
 *
 * @param assignment - a pending or active assignment with an expiry
 * @param now - the current time
 * @returns the expired assignment, or why not
 * @example
 * ```ts
 * const a = { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "active", assignedAt: 1, activatedAt: 1, expiresAt: 10 } as const;
 * expireAssignment(a, 10); //=> { ok: true, value: { …, status: "expired", expiresAt: 10 } }
 * expireAssignment(a, 9);  //=> { ok: false, error: { code: "not_expired", path: ["now"], expiresAt: 10, now: 9, … } }
 * ```
 */
export function expireAssignment(
  assignment: Assignment,
  now: Timestamp,
): Result<Assignment, ExpireAssignmentError> {
  const read = readMove(assignment, now);
  if (!read.ok) return read as { ok: false; error: ExpireAssignmentError };
  const a = read.value;
  const at = normaliseTimestamp(now);
  if (!isLive(a.status)) {
    return invalidTransition(a.status, "expired") as { ok: false; error: ExpireAssignmentError };
  }
  if (a.expiresAt === undefined) {
    return err({
      code: "not_expired",
      message: "The assignment has no expiry.",
      path: ["assignment", "expiresAt"],
      input: undefined,
      expiresAt: null,
      now: at,
    });
  }
  if (!hasLapsed(a, at)) {
    return err({
      code: "not_expired",
      message: "The assignment's expiry has not come yet.",
      path: ["now"],
      input: at,
      expiresAt: a.expiresAt,
      now: at,
    });
  }
  return ok({ ...a, status: "expired" });
}

/**
 * Whether an assignment is active at a moment: over
 * `[activatedAt, removedAt ?? expiresAt ?? ∞)`. A `pending_access`
 * assignment is never active, whatever its fields; a removed or expired one
 * was active over its interval. Never throws (but for what a getter the
 * caller defined throws): a moment that is not a timestamp, and a record
 * that the transitions would refuse as malformed, are never active.
 *
 * @param assignment - the assignment
 * @param at - the moment, in epoch milliseconds
 * @returns `true` when active at that moment
 * @example
 * ```ts
 * const a = { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "removed", assignedAt: 0, activatedAt: 10, removedAt: 20 } as const;
 * isAssignmentActiveAt(a, 10);  //=> true
 * isAssignmentActiveAt(a, 20);  //=> false
 * isAssignmentActiveAt(a, 1.5); //=> false
 * ```
 */
export function isAssignmentActiveAt(assignment: Assignment, at: Timestamp): boolean {
  if (!isRecord(assignment) || !isTimestamp(at)) return false;
  const read = readAssignment(assignment, ["assignment"]);
  if (!read.ok) return false;
  const { status, activatedAt, removedAt, expiresAt } = read.value;
  if (status === "pending_access" || activatedAt === undefined || at < activatedAt) return false;
  const end = removedAt ?? expiresAt;
  return end === undefined || at < end;
}
