/**
 * The life of a client assignment (design 1 and 2.3), as pure transitions:
 * a partner assigns a client to a tagged employee; the assignment waits for
 * the client to grant portal access (`pending_access`), is `active` once it
 * does, and ends `removed` (by the partner, with the typed confirmation
 * `REMOVE`, or when the employee leaves the partner account) or `expired`.
 * Every function returns new objects and never mutates its inputs.
 *
 * @module
 */

import { type EmailIssue, emailKey, parseEmailAddress } from "../domain/email-address.js";
import type {
  Assignment,
  AssignmentStatus,
  ClientId,
  PartnerId,
  PartnerUser,
  Timestamp,
} from "../model.js";
import { err, type IssueBase, ok, type Result } from "../result.js";

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
 * The input of {@link assignClient}.
 *
 * @example
 * ```ts
 * const input: AssignClientInput = {
 *   user: { partnerId: "acme", email: "jane@acme.com", tagged: true },
 *   clientId: 42, now: Date.UTC(2026, 0, 1), hasPortalAccess: false,
 * };
 * ```
 */
export interface AssignClientInput {
  readonly user: PartnerUser;
  /** The client's HubID. */
  readonly clientId: ClientId;
  /** When the assignment is made: its `assignedAt`. */
  readonly now: Timestamp;
  /** Whether the user already is a user of the client's portal; default `false`. */
  readonly hasPortalAccess?: boolean;
  /** When the assignment ends by itself; after `now`. */
  readonly expiresAt?: Timestamp;
}

/**
 * A new assignment, and whether the client must be asked to add the user to
 * its portal (it must unless the user already has access).
 *
 * @example
 * ```ts
 * const s: AssignClientSuccess = {
 *   assignment: { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "pending_access", assignedAt: 0 },
 *   clientAccessRequested: true,
 * };
 * ```
 */
export interface AssignClientSuccess {
  readonly assignment: Assignment;
  readonly clientAccessRequested: boolean;
}

/**
 * Why {@link assignClient} refused, checked in this order: the input's shape
 * (`invalid_user`, `invalid_email`, `invalid_client_id`, `invalid_timestamp`,
 * `expiry_not_after_now`), then the rules (`not_in_partner_account`,
 * `not_tagged`).
 *
 * @example
 * ```ts
 * const e: AssignClientError = {
 *   code: "not_tagged", message: "…", partnerId: "acme", email: "li@acme.com",
 * };
 * ```
 */
export type AssignClientError =
  | (IssueBase<"invalid_user"> & { readonly input: unknown })
  | (IssueBase<"invalid_email"> & { readonly input: unknown; readonly emailIssue: EmailIssue })
  | (IssueBase<"invalid_client_id"> & { readonly input: unknown })
  | (IssueBase<"invalid_timestamp"> & {
      readonly field: "now" | "expiresAt";
      readonly input: unknown;
    })
  | (IssueBase<"expiry_not_after_now"> & {
      readonly expiresAt: Timestamp;
      readonly now: Timestamp;
    })
  | (IssueBase<"not_in_partner_account"> & {
      readonly partnerId: PartnerId;
      readonly email: string;
    })
  | (IssueBase<"not_tagged"> & { readonly partnerId: PartnerId; readonly email: string });

/**
 * Why a transition of an existing assignment was refused:
 * - `invalid_assignment`: the record is malformed (`field` says where);
 * - `invalid_timestamp`: `now` is not a finite number;
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
 *   code: "invalid_transition", message: "…", from: "removed", to: "active",
 * };
 * ```
 */
export type AssignmentTransitionError =
  | (IssueBase<"invalid_assignment"> & { readonly field: string; readonly input: unknown })
  | (IssueBase<"invalid_timestamp"> & { readonly field: "now"; readonly input: unknown })
  | (IssueBase<"invalid_transition"> & {
      readonly from: AssignmentStatus;
      readonly to: AssignmentStatus;
    })
  | (IssueBase<"time_out_of_order"> & { readonly now: Timestamp; readonly earliest: Timestamp })
  | (IssueBase<"assignment_expired"> & {
      readonly expiresAt: Timestamp;
      readonly now: Timestamp;
    });

/**
 * The errors of {@link removeClientAccess}: a transition error, or
 * `confirmation_required` when the confirmation is not exactly `REMOVE`.
 *
 * @example
 * ```ts
 * const e: RemoveClientAccessError = {
 *   code: "confirmation_required", message: "Type REMOVE to confirm.", expected: "REMOVE", input: "remove",
 * };
 * ```
 */
export type RemoveClientAccessError =
  | AssignmentTransitionError
  | (IssueBase<"confirmation_required"> & {
      readonly expected: typeof REMOVE_CONFIRMATION;
      readonly input: unknown;
    });

/**
 * The errors of {@link expireAssignment}: a transition error, or
 * `not_expired` when the assignment has no expiry or it is still ahead.
 *
 * @example
 * ```ts
 * const e: ExpireAssignmentError = { code: "not_expired", message: "…", expiresAt: null, now: 0 };
 * ```
 */
export type ExpireAssignmentError =
  | Exclude<AssignmentTransitionError, { code: "assignment_expired" }>
  | (IssueBase<"not_expired"> & { readonly expiresAt: Timestamp | null; readonly now: Timestamp });

const STATUSES: readonly AssignmentStatus[] = ["pending_access", "active", "removed", "expired"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function isClientId(value: unknown): value is ClientId {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function isTimestamp(value: unknown): value is Timestamp {
  return typeof value === "number" && Number.isFinite(value);
}

function isLive(status: unknown): boolean {
  return status === "pending_access" || status === "active";
}

// `+ 0` turns -0 into 0, so equal instants always print the same.
function time(t: Timestamp): Timestamp {
  return t + 0;
}

/**
 * Creates a client assignment for a partner employee. It starts
 * `pending_access` with `clientAccessRequested: true`, because assigning does
 * not grant access to the client's portal: the client must add the user.
 * When the user already has portal access it starts `active` at `now`, and no
 * request goes to the client. Refused, as a value: a user who is not tagged
 * (only tagged employees earn managed credit) or no longer in the partner
 * account, an invalid address, a clientId that is not a positive safe
 * integer, a `now` or `expiresAt` that is not a finite number, and an
 * `expiresAt` not after `now`. Users on any domain can be assigned: this is
 * the Client Access Manager. The assignment's `email` is the user's, trimmed.
 * Checking for an existing or conflicting link is the caller's (see
 * `checkEmailLink`). Never throws.
 *
 * @param input - the user, client, time, and optionally portal access and expiry
 * @returns the assignment and whether to request access, or why not
 * @example
 * ```ts
 * const user = { partnerId: "acme", email: "jane@acme.com", tagged: true };
 * assignClient({ user, clientId: 42, now: 1_000 });
 * //=> { ok: true, value: { assignment: { partnerId: "acme", clientId: 42, email: "jane@acme.com",
 * //     status: "pending_access", assignedAt: 1000 }, clientAccessRequested: true } }
 * assignClient({ user, clientId: 42, now: 1_000, hasPortalAccess: true });
 * //=> { ok: true, value: { assignment: { …, status: "active", activatedAt: 1000 }, clientAccessRequested: false } }
 * assignClient({ user: { ...user, tagged: false }, clientId: 42, now: 1_000 });
 * //=> { ok: false, error: { code: "not_tagged", partnerId: "acme", email: "jane@acme.com", message: "…" } }
 * ```
 */
export function assignClient(
  input: AssignClientInput,
): Result<AssignClientSuccess, AssignClientError> {
  const i: Record<string, unknown> = isRecord(input) ? input : {};
  const user = i.user;
  if (!isRecord(user) || !isNonEmptyString(user.partnerId)) {
    return err({
      code: "invalid_user",
      message: "The user needs a partnerId and an email address.",
      input: user,
    });
  }
  const partnerId = user.partnerId;
  const parsed = parseEmailAddress(user.email);
  if (!parsed.ok) {
    return err({
      code: "invalid_email",
      message: `The user's email address is not valid: ${parsed.error.message}`,
      input: user.email,
      emailIssue: parsed.error,
    });
  }
  const email = (user.email as string).trim();
  if (!isClientId(i.clientId)) {
    return err({
      code: "invalid_client_id",
      message: "A client is identified by its HubID, a positive whole number.",
      input: i.clientId,
    });
  }
  const clientId = i.clientId;
  if (!isTimestamp(i.now)) {
    return err({
      code: "invalid_timestamp",
      message: "now must be a time in epoch milliseconds.",
      field: "now",
      input: i.now,
    });
  }
  const now = time(i.now);
  const expiresAt = i.expiresAt;
  if (expiresAt !== undefined && !isTimestamp(expiresAt)) {
    return err({
      code: "invalid_timestamp",
      message: "expiresAt must be a time in epoch milliseconds.",
      field: "expiresAt",
      input: expiresAt,
    });
  }
  if (expiresAt !== undefined && expiresAt <= now) {
    return err({
      code: "expiry_not_after_now",
      message: "An assignment's expiry must be later than the time it is made.",
      expiresAt: time(expiresAt),
      now,
    });
  }
  // rule (design 2.3): a user outside the partner account cannot be assigned.
  if (user.inPartnerAccount === false) {
    return err({
      code: "not_in_partner_account",
      message: `${email} is no longer a user of the partner account, so it cannot be assigned to clients.`,
      partnerId,
      email,
    });
  }
  // rule (design 1): only tagged users earn managed credit, so only they are assigned.
  if (user.tagged !== true) {
    return err({
      code: "not_tagged",
      message: `${email} is not tagged as a partner employee; tag the user before assigning clients.`,
      partnerId,
      email,
    });
  }
  // rule (design 1): assigning does not grant portal access; the client must
  // add the user, unless the user is already in the client's portal.
  const hasAccess = i.hasPortalAccess === true;
  const assignment: Assignment = {
    partnerId,
    clientId,
    email,
    status: hasAccess ? "active" : "pending_access",
    assignedAt: now,
    ...(hasAccess ? { activatedAt: now } : {}),
    ...(expiresAt === undefined ? {} : { expiresAt: time(expiresAt) }),
  };
  return ok({ assignment, clientAccessRequested: !hasAccess });
}

type Invalid = { ok: false; error: AssignmentTransitionError };

function invalidAssignment(field: string, input: unknown, message: string): Invalid {
  return err({ code: "invalid_assignment", message, field, input });
}

/**
 * Checks an existing assignment against the shape and invariants of design
 * 2.0a (the same ones `schemas.assignment` enforces), so that no transition
 * builds on a record that is already inconsistent.
 */
function checkAssignment(value: unknown): Assignment | Invalid {
  if (!isRecord(value)) return invalidAssignment("", value, "The assignment is not an object.");
  const a = value;
  if (!isNonEmptyString(a.partnerId)) {
    return invalidAssignment("partnerId", value, "The assignment needs a partnerId.");
  }
  if (!isClientId(a.clientId)) {
    return invalidAssignment("clientId", value, "The assignment's clientId is not a HubID.");
  }
  if (typeof a.email !== "string") {
    return invalidAssignment("email", value, "The assignment needs an email address.");
  }
  if (!(STATUSES as readonly unknown[]).includes(a.status)) {
    return invalidAssignment("status", value, "The assignment's status is unknown.");
  }
  for (const key of ["assignedAt", "activatedAt", "removedAt", "expiresAt"] as const) {
    const t = a[key];
    if ((key === "assignedAt" || t !== undefined) && !isTimestamp(t)) {
      return invalidAssignment(key, value, `The assignment's ${key} is not a time.`);
    }
  }
  const status = a.status as AssignmentStatus;
  if (status === "active" && a.activatedAt === undefined) {
    return invalidAssignment("activatedAt", value, "An active assignment needs activatedAt.");
  }
  if (status === "removed" && a.removedAt === undefined) {
    return invalidAssignment("removedAt", value, "A removed assignment needs removedAt.");
  }
  if (status === "expired" && a.expiresAt === undefined) {
    return invalidAssignment("expiresAt", value, "An expired assignment needs expiresAt.");
  }
  if (a.activatedAt !== undefined && (a.activatedAt as number) < (a.assignedAt as number)) {
    return invalidAssignment("activatedAt", value, "activatedAt cannot be before assignedAt.");
  }
  return value as unknown as Assignment;
}

function isInvalid(value: Assignment | Invalid): value is Invalid {
  return (value as Partial<Invalid>).ok === false;
}

function checkNow(now: unknown): Invalid | undefined {
  if (isTimestamp(now)) return undefined;
  return err({
    code: "invalid_timestamp",
    message: "now must be a time in epoch milliseconds.",
    field: "now",
    input: now,
  });
}

function invalidTransition(from: AssignmentStatus, to: AssignmentStatus): Invalid {
  const what: Record<AssignmentStatus, string> = {
    pending_access: "is waiting for portal access",
    active: "is already active",
    removed: "was removed",
    expired: "has expired",
  };
  return err({
    code: "invalid_transition",
    message: `The assignment ${what[from]}, so it cannot become ${to}.`,
    from,
    to,
  });
}

// The earliest moment a later event of the assignment can carry.
function earliestOf(a: Assignment): Timestamp {
  return a.activatedAt ?? a.assignedAt;
}

function outOfOrder(now: Timestamp, earliest: Timestamp): Invalid {
  return err({
    code: "time_out_of_order",
    message: "This change is dated before the assignment was made or activated.",
    now,
    earliest,
  });
}

function expired(expiresAt: Timestamp, now: Timestamp): Invalid {
  return err({
    code: "assignment_expired",
    message: "The assignment has already expired; mark it expired instead.",
    expiresAt,
    now,
  });
}

// rule (design 2.0a): an assignment is active over
// [activatedAt, removedAt ?? expiresAt ?? ∞). A change dated at or after the
// expiry would stretch that interval, so it is refused.
function hasLapsed(a: Assignment, now: Timestamp): boolean {
  return a.expiresAt !== undefined && a.expiresAt <= now;
}

/**
 * Records that the client granted the employee access to its portal: a
 * `pending_access` assignment becomes `active` with `activatedAt = now`.
 * Refused as a value: every other status (`invalid_transition`), a `now`
 * before `assignedAt`, an assignment whose expiry has passed, and a
 * malformed assignment or time. Extra fields of the caller's record are
 * kept. Never throws, never mutates.
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
  const a = checkAssignment(assignment);
  if (isInvalid(a)) return a;
  const badNow = checkNow(now);
  if (badNow !== undefined) return badNow;
  if (a.status !== "pending_access") return invalidTransition(a.status, "active");
  if (now < a.assignedAt) return outOfOrder(time(now), a.assignedAt);
  if (hasLapsed(a, now)) return expired(a.expiresAt!, time(now));
  return ok({ ...a, status: "active", activatedAt: time(now) });
}

/**
 * Removes an employee's access to a client: a `pending_access` or `active`
 * assignment becomes `removed` with `removedAt = now`. It must be confirmed
 * by typing `REMOVE` exactly (no spaces, upper case): anything else is
 * refused with `confirmation_required`, checked first. Also refused: removing
 * twice or removing an expired assignment (`invalid_transition`), a `now`
 * before the assignment's activation (or creation), an assignment whose
 * expiry has passed, and malformed input. Removing the access here does not
 * delete the user from the client's portal: only the client can. Never
 * throws, never mutates.
 *
 * @param assignment - a pending or active assignment
 * @param confirmation - what the user typed to confirm
 * @param now - when the access is removed
 * @returns the removed assignment, or why not
 * @example
 * ```ts
 * const a = { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "active", assignedAt: 1, activatedAt: 1 } as const;
 * removeClientAccess(a, "REMOVE", 5); //=> { ok: true, value: { …, status: "removed", removedAt: 5 } }
 * removeClientAccess(a, "remove", 5); //=> { ok: false, error: { code: "confirmation_required", … } }
 * ```
 */
export function removeClientAccess(
  assignment: Assignment,
  confirmation: string,
  now: Timestamp,
): Result<Assignment, RemoveClientAccessError> {
  // rule (design 1): removing access needs the typed confirmation REMOVE.
  if (confirmation !== REMOVE_CONFIRMATION) {
    return err({
      code: "confirmation_required",
      message: `Type ${REMOVE_CONFIRMATION} (in capitals, nothing else) to confirm removing this access.`,
      expected: REMOVE_CONFIRMATION,
      input: confirmation,
    });
  }
  const a = checkAssignment(assignment);
  if (isInvalid(a)) return a;
  const badNow = checkNow(now);
  if (badNow !== undefined) return badNow;
  if (!isLive(a.status)) return invalidTransition(a.status, "removed");
  if (now < earliestOf(a)) return outOfOrder(time(now), earliestOf(a));
  if (hasLapsed(a, now)) return expired(a.expiresAt!, time(now));
  return ok({ ...a, status: "removed", removedAt: time(now) });
}

/**
 * Marks a `pending_access` or `active` assignment `expired` once its
 * `expiresAt` has come (`expiresAt ≤ now`). Refused with `not_expired` when it
 * has no expiry or the expiry is still ahead, and with `invalid_transition`
 * for a removed or expired one. Never throws, never mutates.
 *
 * @param assignment - a pending or active assignment with an expiry
 * @param now - the current time
 * @returns the expired assignment, or why not
 * @example
 * ```ts
 * const a = { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "active", assignedAt: 1, activatedAt: 1, expiresAt: 10 } as const;
 * expireAssignment(a, 10); //=> { ok: true, value: { …, status: "expired", expiresAt: 10 } }
 * expireAssignment(a, 9);  //=> { ok: false, error: { code: "not_expired", expiresAt: 10, now: 9, … } }
 * ```
 */
export function expireAssignment(
  assignment: Assignment,
  now: Timestamp,
): Result<Assignment, ExpireAssignmentError> {
  const a = checkAssignment(assignment);
  if (isInvalid(a)) return a as { ok: false; error: ExpireAssignmentError };
  const badNow = checkNow(now);
  if (badNow !== undefined) return badNow as { ok: false; error: ExpireAssignmentError };
  if (!isLive(a.status)) {
    return invalidTransition(a.status, "expired") as { ok: false; error: ExpireAssignmentError };
  }
  if (!hasLapsed(a, now)) {
    return err({
      code: "not_expired",
      message:
        a.expiresAt === undefined
          ? "The assignment has no expiry."
          : "The assignment's expiry has not come yet.",
      expiresAt: a.expiresAt ?? null,
      now: time(now),
    });
  }
  return ok({ ...a, status: "expired" });
}

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
 * The result of {@link removeEmployee}.
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
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    value !== null &&
    value !== undefined &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"
  );
}

/**
 * Removes an employee from the partner account: every assignment of that
 * user (same `partnerId`, same email key) that is `pending_access` or
 * `active` is revoked at once, as the help articles say access is revoked in
 * every client account. A revoked assignment becomes `removed` with
 * `removedAt = now`, except one whose `expiresAt` had already passed, which
 * becomes `expired` (it had ended; dating a removal after its expiry would
 * stretch its active interval). `removedAt` is never set before the
 * assignment's activation or creation (a guard against clock skew between
 * the caller's servers). Other assignments are returned as the very same
 * objects, in the same order. Never throws: an invalid address, partnerId or
 * time revokes nothing, and `assignments` that is not iterable is empty;
 * validate the request first when that must be reported.
 *
 * @param employee - the partner and the employee's address, in any letter case
 * @param assignments - the assignments to update
 * @param now - when the employee was removed
 * @returns the revoked assignments and the updated list
 * @example
 * ```ts
 * const a = (clientId: number) => ({ partnerId: "acme", clientId, email: "jane@acme.com", status: "active", assignedAt: 1, activatedAt: 1 }) as const;
 * const r = removeEmployee({ partnerId: "acme", email: "Jane@ACME.com" }, [a(1), a(2), a(3)], 9);
 * r.revoked.map((x) => [x.clientId, x.status, x.removedAt]);
 * //=> [[1, "removed", 9], [2, "removed", 9], [3, "removed", 9]]
 * ```
 */
export function removeEmployee(
  employee: RemovedEmployee,
  assignments: Iterable<Assignment>,
  now: Timestamp,
): RemoveEmployeeResult {
  const list: Assignment[] = isIterable(assignments)
    ? [...(assignments as Iterable<Assignment>)]
    : [];
  const partnerId: unknown = isRecord(employee) ? employee.partnerId : undefined;
  const key = isRecord(employee) ? emailKey(employee.email) : undefined;
  if (!isNonEmptyString(partnerId) || key === undefined || !isTimestamp(now)) {
    return { revoked: [], assignments: list };
  }
  const revoked: Assignment[] = [];
  // An employee is usually on many clients: parse each stored string once.
  const keys = new Map<string, string | undefined>();
  const out = list.map((a) => {
    if (!isRecord(a) || a.partnerId !== partnerId || !isLive(a.status)) return a;
    const raw = a.email;
    if (typeof raw !== "string") return a;
    let k = keys.get(raw);
    if (!keys.has(raw)) {
      k = emailKey(raw);
      keys.set(raw, k);
    }
    if (k !== key) return a;
    const ended = endAssignment(a, now);
    revoked.push(ended);
    return ended;
  });
  return { revoked, assignments: out };
}

function endAssignment(a: Assignment, now: Timestamp): Assignment {
  if (isTimestamp(a.expiresAt) && a.expiresAt <= now) return { ...a, status: "expired" };
  let removedAt = time(now);
  for (const t of [a.assignedAt, a.activatedAt]) {
    if (isTimestamp(t) && t > removedAt) removedAt = time(t);
  }
  return { ...a, status: "removed", removedAt };
}

/**
 * The input of {@link assignClients}: one employee, many clients.
 *
 * @example
 * ```ts
 * const input: AssignClientsInput = { user, clientIds: [42, 43], now, clientsWithPortalAccess: [43] };
 * ```
 */
export interface AssignClientsInput {
  readonly user: PartnerUser;
  readonly clientIds: Iterable<ClientId>;
  readonly now: Timestamp;
  /** The clients whose portal the user is already in: those start `active`. */
  readonly clientsWithPortalAccess?: Iterable<ClientId>;
  readonly expiresAt?: Timestamp;
}

/**
 * The input of {@link assignEmployees}: many employees, one client.
 *
 * @example
 * ```ts
 * const input: AssignEmployeesInput = { users, clientId: 42, now, usersWithPortalAccess: ["max@acme.com"] };
 * ```
 */
export interface AssignEmployeesInput {
  readonly users: Iterable<PartnerUser>;
  readonly clientId: ClientId;
  readonly now: Timestamp;
  /** Addresses (any letter case) of users already in the client's portal: those start `active`. */
  readonly usersWithPortalAccess?: Iterable<string>;
  readonly expiresAt?: Timestamp;
}

/**
 * The error of an item of a bulk assignment: what {@link assignClient}
 * returns, or `duplicate_in_request` when the same client (or the same user,
 * by partner and email key) already came earlier in the request, at
 * `firstIndex`.
 *
 * @example
 * ```ts
 * const e: BulkAssignError = { code: "duplicate_in_request", message: "…", index: 2, firstIndex: 0 };
 * ```
 */
export type BulkAssignError =
  | AssignClientError
  | (IssueBase<"duplicate_in_request"> & { readonly index: number; readonly firstIndex: number });

/**
 * The result of a bulk assignment: one `result` per item, in request order,
 * and the assignments made.
 *
 * @example
 * ```ts
 * const r: BulkAssignResult<{ clientId: ClientId }> = { results: [], assignments: [] };
 * ```
 */
export interface BulkAssignResult<Item> {
  readonly results: ReadonlyArray<
    Item & { readonly result: Result<AssignClientSuccess, BulkAssignError> }
  >;
  readonly assignments: readonly Assignment[];
}

function duplicate(index: number, firstIndex: number, what: string) {
  return err<BulkAssignError>({
    code: "duplicate_in_request",
    message: `${what} appears more than once in this request; it was assigned at its first appearance.`,
    index,
    firstIndex,
  });
}

function keySet(values: unknown, toKey: (v: unknown) => unknown): Set<unknown> {
  const set = new Set<unknown>();
  if (isIterable(values)) for (const v of values) set.add(toKey(v));
  return set;
}

/**
 * Assigns many clients to one employee in one call, from the employee's
 * side: each client goes through {@link assignClient}, with its own result in
 * request order. A client repeated in the request is assigned once; later
 * copies get `duplicate_in_request`. Clients listed in
 * `clientsWithPortalAccess` start `active`. Never throws; a missing or
 * non-iterable list of clients is empty.
 *
 * @param input - the employee, the clients, the time, and options
 * @returns a result per client and the assignments made
 * @example
 * ```ts
 * const user = { partnerId: "acme", email: "jane@acme.com", tagged: true };
 * const r = assignClients({ user, clientIds: [1, 2, 1], now: 5, clientsWithPortalAccess: [2] });
 * r.results.map((x) => x.result.ok);              //=> [true, true, false]
 * r.assignments.map((a) => a.status);             //=> ["pending_access", "active"]
 * ```
 */
export function assignClients(input: AssignClientsInput): BulkAssignResult<{
  readonly clientId: ClientId;
}> {
  const i: Record<string, unknown> = isRecord(input) ? input : {};
  const withAccess = keySet(i.clientsWithPortalAccess, (v) => v);
  const seen = new Map<unknown, number>();
  const results: Array<{
    clientId: ClientId;
    result: Result<AssignClientSuccess, BulkAssignError>;
  }> = [];
  const assignments: Assignment[] = [];
  const clientIds = isIterable(i.clientIds) ? i.clientIds : [];
  let index = 0;
  for (const clientId of clientIds) {
    const first = isClientId(clientId) ? seen.get(clientId) : undefined;
    let result: Result<AssignClientSuccess, BulkAssignError>;
    if (first !== undefined) {
      result = duplicate(index, first, `Client ${clientId as number}`);
    } else {
      result = assignClient({
        ...(i as unknown as AssignClientInput),
        clientId: clientId as ClientId,
        hasPortalAccess: withAccess.has(clientId),
      });
      if (result.ok) {
        seen.set(clientId, index);
        assignments.push(result.value.assignment);
      }
    }
    results.push({ clientId: clientId as ClientId, result });
    index++;
  }
  return { results, assignments };
}

/**
 * Assigns many employees to one client in one call, from the client's side:
 * each user goes through {@link assignClient}, with its own result in request
 * order. A user repeated in the request (same partner and email key) is
 * assigned once; later copies get `duplicate_in_request`. Users whose address
 * is in `usersWithPortalAccess` (compared by key) start `active`. Never
 * throws; a missing or non-iterable list of users is empty.
 *
 * @param input - the employees, the client, the time, and options
 * @returns a result per user and the assignments made
 * @example
 * ```ts
 * const r = assignEmployees({
 *   users: [
 *     { partnerId: "acme", email: "jane@acme.com", tagged: true },
 *     { partnerId: "acme", email: "li@acme.com", tagged: false },
 *   ],
 *   clientId: 42,
 *   now: 5,
 * });
 * r.results.map((x) => (x.result.ok ? "ok" : x.result.error.code)); //=> ["ok", "not_tagged"]
 * ```
 */
export function assignEmployees(input: AssignEmployeesInput): BulkAssignResult<{
  readonly user: PartnerUser;
}> {
  const i: Record<string, unknown> = isRecord(input) ? input : {};
  const withAccess = keySet(i.usersWithPortalAccess, (v) => emailKey(v));
  withAccess.delete(undefined);
  const seen = new Map<string, number>();
  const results: Array<{
    user: PartnerUser;
    result: Result<AssignClientSuccess, BulkAssignError>;
  }> = [];
  const assignments: Assignment[] = [];
  const users = isIterable(i.users) ? i.users : [];
  let index = 0;
  for (const user of users) {
    const partnerId = isRecord(user) ? user.partnerId : undefined;
    const key = isRecord(user) ? emailKey(user.email) : undefined;
    // JSON of the pair cannot collide the way "a" + "|" + "b" could. A user
    // without a string partnerId is refused by assignClient anyway.
    const identity =
      key === undefined || typeof partnerId !== "string"
        ? undefined
        : JSON.stringify([partnerId, key]);
    const first = identity === undefined ? undefined : seen.get(identity);
    let result: Result<AssignClientSuccess, BulkAssignError>;
    if (first !== undefined) {
      result = duplicate(index, first, `User ${key}`);
    } else {
      result = assignClient({
        ...(i as unknown as AssignEmployeesInput),
        user: user as PartnerUser,
        hasPortalAccess: key !== undefined && withAccess.has(key),
      } as unknown as AssignClientInput);
      if (result.ok) {
        seen.set(identity!, index);
        assignments.push(result.value.assignment);
      }
    }
    results.push({ user: user as PartnerUser, result });
    index++;
  }
  return { results, assignments };
}

/**
 * Whether an assignment is active at a moment: over
 * `[activatedAt, removedAt ?? expiresAt ?? ∞)` (design 2.0a). A
 * `pending_access` assignment is never active, whatever its fields; a removed
 * or expired one was active over its interval. Never throws: anything
 * malformed is not active.
 *
 * @param assignment - the assignment
 * @param at - the moment, in epoch milliseconds
 * @returns `true` when active at that moment
 * @example
 * ```ts
 * const a = { partnerId: "acme", clientId: 42, email: "jane@acme.com", status: "removed", assignedAt: 0, activatedAt: 10, removedAt: 20 } as const;
 * isAssignmentActiveAt(a, 10); //=> true
 * isAssignmentActiveAt(a, 20); //=> false
 * ```
 */
export function isAssignmentActiveAt(assignment: Assignment, at: Timestamp): boolean {
  if (!isRecord(assignment) || !isTimestamp(at)) return false;
  const { status, activatedAt, removedAt, expiresAt } = assignment as Record<string, unknown>;
  if (status !== "active" && status !== "removed" && status !== "expired") return false;
  if (!isTimestamp(activatedAt) || at < activatedAt) return false;
  const end = removedAt ?? expiresAt;
  if (end === undefined) return true;
  return isTimestamp(end) && at < end;
}
