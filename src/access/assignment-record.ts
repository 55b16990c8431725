/**
 * Reading an assignment record that a caller hands to a transition: the
 * shape and invariants `schemas.assignment` enforces, checked on the
 * record's own properties only, so that no transition builds on a record
 * that is already inconsistent. The address must have an identity (what
 * `parseEmailIdentity` reads); unlike the schema it is not checked against
 * the Public Suffix List again, since a stored record was validated when it
 * was made, and the list would otherwise weigh on every transition's bundle.
 *
 * @module
 */

import { isRecord, normaliseTimestamp, own } from "../guards.js";
import type { Assignment, AssignmentStatus, Timestamp } from "../model.js";
import { err, type IssuePath, ok, type Result } from "../result.js";
import {
  checkClientId,
  checkEmailIdentity,
  checkPartnerId,
  checkTimestamp,
  type InvalidClientIdIssue,
  type InvalidEmailIssue,
  type InvalidPartnerIdIssue,
  type InvalidRecordIssue,
  type InvalidTimestampIssue,
  invalidRecord,
} from "./issues.js";

/**
 * Why an assignment record is malformed, with the `path` to the bad field:
 * `invalid_record` (not an object, an unknown `status`, `activatedAt`
 * before `assignedAt`), `invalid_partner_id`, `invalid_client_id`,
 * `invalid_email`, or `invalid_timestamp` (a time that is not a timestamp,
 * or one that the status requires and is missing).
 *
 * @example
 * ```ts
 * const e: AssignmentRecordIssue = {
 *   code: "invalid_client_id", message: "…", path: ["assignment", "clientId"], input: "42",
 * };
 * ```
 */
export type AssignmentRecordIssue =
  | InvalidRecordIssue
  | InvalidPartnerIdIssue
  | InvalidClientIdIssue
  | InvalidEmailIssue
  | InvalidTimestampIssue;

const STATUSES: readonly AssignmentStatus[] = ["pending_access", "active", "removed", "expired"];
const OPTIONAL_TIMES = ["activatedAt", "removedAt", "expiresAt"] as const;
// rule: each status but pending carries the time it began (the schemas refuse otherwise).
const REQUIRED_TIME: { readonly [S in AssignmentStatus]?: (typeof OPTIONAL_TIMES)[number] } = {
  active: "activatedAt",
  removed: "removedAt",
  expired: "expiresAt",
};

/**
 * Whether a status is one in which the assignment is still live: waiting
 * for portal access or active.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param status - any value
 * @returns `true` for `pending_access` and `active`
 * @example
 * ```ts
 * isLive("active");  //=> true
 * isLive("removed"); //=> false
 * ```
 */
export function isLive(status: unknown): status is "pending_access" | "active" {
  return status === "pending_access" || status === "active";
}

type Fields = { [key: string]: unknown };

function checkStatus(status: unknown, path: IssuePath): InvalidRecordIssue | undefined {
  if ((STATUSES as readonly unknown[]).includes(status)) return undefined;
  return invalidRecord(
    path,
    status,
    `The assignment's status must be one of ${STATUSES.join(", ")}.`,
  );
}

function checkFields(a: Fields, path: IssuePath): AssignmentRecordIssue | undefined {
  const at = (key: string): IssuePath => [...path, key];
  const issue =
    checkPartnerId(own(a, "partnerId"), at("partnerId")) ??
    checkClientId(own(a, "clientId"), at("clientId")) ??
    checkEmailIdentity(own(a, "email"), at("email")) ??
    checkStatus(own(a, "status"), at("status")) ??
    checkTimestamp(own(a, "assignedAt"), at("assignedAt"));
  if (issue !== undefined) return issue;
  for (const key of OPTIONAL_TIMES) {
    const t = own(a, key);
    if (t !== undefined) {
      const bad = checkTimestamp(t, at(key));
      if (bad !== undefined) return bad;
    }
  }
  return checkInvariants(a, own(a, "status") as AssignmentStatus, at);
}

function checkInvariants(
  a: Fields,
  status: AssignmentStatus,
  at: (key: string) => IssuePath,
): AssignmentRecordIssue | undefined {
  const required = REQUIRED_TIME[status];
  if (required !== undefined && own(a, required) === undefined) {
    return {
      code: "invalid_timestamp",
      message: `An assignment that is ${status} needs ${required}.`,
      path: at(required),
      input: undefined,
    };
  }
  const activatedAt = own(a, "activatedAt") as Timestamp | undefined;
  if (activatedAt !== undefined && activatedAt < (own(a, "assignedAt") as Timestamp)) {
    return invalidRecord(
      at("activatedAt"),
      activatedAt,
      "activatedAt cannot be before assignedAt.",
    );
  }
  return undefined;
}

/**
 * Reads an assignment record: a copy of its own enumerable properties (a
 * getter of the record is called once), checked against the shape and
 * invariants of an {@link Assignment}, with its times normalised (`-0` is
 * `0`). Extra fields of the caller's record are kept.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param value - any value
 * @param path - where the record is, such as `["assignment"]` or `["assignments", 3]`
 * @returns the assignment, or the first issue found
 * @example
 * ```ts
 * readAssignment({ partnerId: "acme", clientId: "42", email: "jane@acme.com", status: "pending_access", assignedAt: 0 }, ["assignment"]);
 * //=> { ok: false, error: { code: "invalid_client_id", path: ["assignment", "clientId"], input: "42", … } }
 * ```
 */
export function readAssignment(
  value: unknown,
  path: IssuePath,
): Result<Assignment, AssignmentRecordIssue> {
  if (!isRecord(value)) {
    return err(invalidRecord(path, value, "The assignment must be an object."));
  }
  const copy: Fields = { ...value };
  const issue = checkFields(copy, path);
  if (issue !== undefined) return err(issue);
  copy.assignedAt = normaliseTimestamp(copy.assignedAt as Timestamp);
  for (const key of OPTIONAL_TIMES) {
    const t = own(copy, key);
    if (t !== undefined) copy[key] = normaliseTimestamp(t as Timestamp);
  }
  return ok(copy as unknown as Assignment);
}
