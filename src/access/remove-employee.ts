/**
 * Removing an employee from the partner account, which revokes every one of
 * their client assignments at once.
 *
 * @module
 */

import { emailKey } from "../domain/email-address.js";
import { isIterable, isRecord, normaliseTimestamp, own } from "../guards.js";
import type { Assignment, PartnerId, Timestamp } from "../model.js";
import { type AssignmentRecordIssue, isLive, readAssignment } from "./assignment-record.js";
import {
  checkEmailIdentity,
  checkPartnerId,
  checkTimestamp,
  type InvalidEmailIssue,
  type InvalidListIssue,
  type InvalidPartnerIdIssue,
  type InvalidRecordIssue,
  type InvalidTimestampIssue,
  invalidList,
  invalidRecord,
} from "./issues.js";

/**
 * Who leaves the partner account, for {@link removeEmployee}.
 *
 * @example
 * ```ts
 * const who: RemovedEmployee = { partnerId: "acme", email: "jane@acme.com" };
 * ```
 */
export interface RemovedEmployee {
  readonly partnerId: PartnerId;
  readonly email: string;
}

/**
 * What {@link removeEmployee} could not use: the request's own fields
 * (`["employee"]`, `["employee", "partnerId"]`, `["employee", "email"]`,
 * `["assignments"]`, `["now"]`), or an assignment of that employee that is
 * malformed (`["assignments", 3, "activatedAt"]`).
 *
 * @example
 * ```ts
 * const issue: RemoveEmployeeIssue = { code: "invalid_timestamp", message: "…", path: ["now"], input: 1.5 };
 * ```
 */
export type RemoveEmployeeIssue =
  | InvalidRecordIssue
  | InvalidPartnerIdIssue
  | InvalidEmailIssue
  | InvalidListIssue
  | InvalidTimestampIssue
  | AssignmentRecordIssue;

/**
 * The result of {@link removeEmployee}. `issues` is present only when
 * something was refused: a bad request revokes nothing; a malformed
 * assignment of the employee is left as it is.
 *
 * @example
 * ```ts
 * const r: RemoveEmployeeResult = { revoked: [], assignments: [] };
 * ```
 */
export interface RemoveEmployeeResult {
  /** The assignments this call ended, as they are now, in input order. */
  revoked: Assignment[];
  /** All the assignments, in input order, ended ones replaced. */
  assignments: Assignment[];
  /** What was refused, when anything was. */
  issues?: readonly RemoveEmployeeIssue[];
}

interface Employee {
  readonly partnerId: PartnerId;
  readonly key: string;
}

function readEmployee(
  employee: unknown,
  assignments: unknown,
  now: unknown,
): Employee | RemoveEmployeeIssue[] {
  const issues: RemoveEmployeeIssue[] = [];
  const partnerId = own(employee, "partnerId");
  const email = own(employee, "email");
  const who = isRecord(employee)
    ? (checkPartnerId(partnerId, ["employee", "partnerId"]) ??
      checkEmailIdentity(email, ["employee", "email"]))
    : invalidRecord(
        ["employee"],
        employee,
        "The employee must be an object with a partnerId and an email.",
      );
  if (who !== undefined) issues.push(who);
  if (!isIterable(assignments)) issues.push(invalidList(["assignments"], assignments));
  const badNow = checkTimestamp(now, ["now"]);
  if (badNow !== undefined) issues.push(badNow);
  return issues.length > 0 ? issues : { partnerId: partnerId as PartnerId, key: emailKey(email)! };
}

// The revoked form of a live assignment. rule: an assignment is active over
// [activatedAt, removedAt ?? expiresAt ?? ∞); one whose expiry had passed had
// already ended, so it becomes expired, and a removal is never dated before
// the assignment began (a guard against clock skew between servers).
function endAssignment(a: Assignment, now: Timestamp): Assignment {
  if (a.expiresAt !== undefined && a.expiresAt <= now) return { ...a, status: "expired" };
  const removedAt = Math.max(now, a.assignedAt, a.activatedAt ?? a.assignedAt);
  return { ...a, status: "removed", removedAt };
}

/**
 * Removes an employee from the partner account: every assignment of that
 * user (same `partnerId`, same email key) that is `pending_access` or
 * `active` is revoked at once, as access is revoked in every client account.
 * A revoked assignment becomes `removed` with `removedAt = now`, except one
 * whose `expiresAt` had already passed, which becomes `expired` (it had
 * ended; dating a removal after its expiry would stretch its active
 * interval). `removedAt` is never set before the assignment's activation or
 * creation. Other assignments are returned as the very same objects, in the
 * same order. Only own properties are read.
 *
 * Nothing is revoked when the employee, the list or `now` is unusable (an
 * invalid address or partnerId, `assignments` that is not iterable, a `now`
 * that is not a timestamp): `issues` says why, each with its path. An
 * assignment of the employee that is malformed is kept as it is and
 * reported in `issues` too. Never throws, except what the caller's own
 * getters or iterator throw.
 *
 * @param employee - the partner and the employee's address, in any letter case
 * @param assignments - the assignments to update
 * @param now - when the employee was removed
 * @returns the revoked assignments, the updated list, and `issues` when something was refused
 * @example
 * ```ts
 * const a = (clientId: number) => ({ partnerId: "acme", clientId, email: "jane@acme.com", status: "active", assignedAt: 1, activatedAt: 1 }) as const;
 * const r = removeEmployee({ partnerId: "acme", email: "Jane@ACME.com" }, [a(1), a(2), a(3)], 9);
 * r.revoked.map((x) => [x.clientId, x.status, x.removedAt]);
 * //=> [[1, "removed", 9], [2, "removed", 9], [3, "removed", 9]]
 * removeEmployee({ partnerId: "acme", email: "jane@acme.com" }, [a(1)], 1.5).issues;
 * //=> [{ code: "invalid_timestamp", path: ["now"], input: 1.5, message: "…" }]
 * ```
 */
export function removeEmployee(
  employee: RemovedEmployee,
  assignments: Iterable<Assignment>,
  now: Timestamp,
): RemoveEmployeeResult {
  const list: Assignment[] = isIterable(assignments) ? [...assignments] : [];
  const who = readEmployee(employee, assignments, now);
  if (Array.isArray(who)) return { revoked: [], assignments: list, issues: who };
  const revoked: Assignment[] = [];
  const issues: RemoveEmployeeIssue[] = [];
  // An employee is usually on many clients: key each stored address once.
  const keys = new Map<string, string | undefined>();
  const out = list.map((a, index) => {
    if (!isRecord(a) || own(a, "partnerId") !== who.partnerId || !isLive(own(a, "status"))) {
      return a;
    }
    const raw = own(a, "email");
    if (typeof raw !== "string") return a;
    if (!keys.has(raw)) keys.set(raw, emailKey(raw));
    if (keys.get(raw) !== who.key) return a;
    const read = readAssignment(a, ["assignments", index]);
    if (!read.ok) {
      issues.push(read.error);
      return a;
    }
    const ended = endAssignment(read.value, normaliseTimestamp(now));
    revoked.push(ended);
    return ended;
  });
  return issues.length > 0 ? { revoked, assignments: out, issues } : { revoked, assignments: out };
}
