/**
 * Assigning a client to a partner employee (the first step of an
 * assignment's life): the assignment waits for the client to add the user
 * to its portal, unless the user is already in it.
 *
 * @module
 */

import { isRecord, normaliseTimestamp, own } from "../guards.js";
import type { Assignment, ClientId, PartnerId, PartnerUser, Timestamp } from "../model.js";
import { err, type IssueBase, type IssuePath, ok, type Result } from "../result.js";
import {
  checkClientId,
  checkEmail,
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
 * (`invalid_record` for an input or user that is not an object, or a
 * `tagged`, `inPartnerAccount` or `hasPortalAccess` that is not a boolean;
 * `invalid_partner_id`, `invalid_email`, `invalid_client_id`,
 * `invalid_timestamp`, `expiry_not_after_now`), then the rules
 * (`not_in_partner_account`, `not_tagged`). Each has the `path` of the field
 * it is about (`["user", "email"]`, `["now"]`) and its `input`.
 *
 * @example
 * ```ts
 * const e: AssignClientError = {
 *   code: "not_tagged", message: "…", path: ["user", "tagged"], input: false,
 *   partnerId: "acme", email: "li@acme.com",
 * };
 * ```
 */
export type AssignClientError =
  | InvalidRecordIssue
  | InvalidPartnerIdIssue
  | InvalidEmailIssue
  | InvalidClientIdIssue
  | InvalidTimestampIssue
  | (IssueBase<"expiry_not_after_now"> & {
      readonly path: IssuePath;
      readonly input: unknown;
      readonly expiresAt: Timestamp;
      readonly now: Timestamp;
    })
  | (IssueBase<"not_in_partner_account"> & {
      readonly path: IssuePath;
      readonly input: unknown;
      readonly partnerId: PartnerId;
      readonly email: string;
    })
  | (IssueBase<"not_tagged"> & {
      readonly path: IssuePath;
      readonly input: unknown;
      readonly partnerId: PartnerId;
      readonly email: string;
    });

interface CheckedUser {
  readonly partnerId: PartnerId;
  readonly email: string;
  readonly tagged: boolean;
  readonly inPartnerAccount: boolean;
}

function checkFlag(value: unknown, path: IssuePath, optional: boolean) {
  if (typeof value === "boolean" || (optional && value === undefined)) return undefined;
  const name = String(path[path.length - 1]);
  return invalidRecord(path, value, `${name} must be true or false.`);
}

function readUser(user: unknown): Result<CheckedUser, AssignClientError> {
  if (!isRecord(user)) {
    return err(
      invalidRecord(
        ["user"],
        user,
        "The user must be an object with a partnerId, an email and tagged.",
      ),
    );
  }
  const partnerId = own(user, "partnerId");
  const email = own(user, "email");
  const tagged = own(user, "tagged");
  const inPartnerAccount = own(user, "inPartnerAccount");
  const issue =
    checkPartnerId(partnerId, ["user", "partnerId"]) ??
    checkEmail(email, ["user", "email"]) ??
    checkFlag(tagged, ["user", "tagged"], false) ??
    checkFlag(inPartnerAccount, ["user", "inPartnerAccount"], true);
  if (issue !== undefined) return err(issue);
  return ok({
    partnerId: partnerId as PartnerId,
    // the assignment keeps the address as entered, without surrounding spaces
    email: (email as string).trim(),
    tagged: tagged as boolean,
    inPartnerAccount: inPartnerAccount !== false,
  });
}

interface CheckedRequest {
  readonly user: CheckedUser;
  readonly clientId: ClientId;
  readonly now: Timestamp;
  readonly expiresAt: Timestamp | undefined;
  readonly hasPortalAccess: boolean;
}

function readRequest(input: unknown): Result<CheckedRequest, AssignClientError> {
  if (!isRecord(input)) {
    return err(
      invalidRecord(undefined, input, "The input must be an object with user, clientId and now."),
    );
  }
  const user = readUser(own(input, "user"));
  if (!user.ok) return user;
  const clientId = own(input, "clientId");
  const now = own(input, "now");
  const expiresAt = own(input, "expiresAt");
  const hasPortalAccess = own(input, "hasPortalAccess");
  const issue =
    checkClientId(clientId, ["clientId"]) ??
    checkTimestamp(now, ["now"]) ??
    (expiresAt === undefined ? undefined : checkTimestamp(expiresAt, ["expiresAt"])) ??
    checkFlag(hasPortalAccess, ["hasPortalAccess"], true);
  if (issue !== undefined) return err(issue);
  return ok({
    user: user.value,
    clientId: clientId as ClientId,
    now: normaliseTimestamp(now as Timestamp),
    expiresAt: expiresAt === undefined ? undefined : normaliseTimestamp(expiresAt as Timestamp),
    hasPortalAccess: hasPortalAccess === true,
  });
}

// rule: assigning needs a tagged user of the partner account, and an expiry
// (when there is one) after the assignment is made.
function checkRules(r: CheckedRequest): AssignClientError | undefined {
  const { partnerId, email } = r.user;
  if (r.expiresAt !== undefined && r.expiresAt <= r.now) {
    return {
      code: "expiry_not_after_now",
      message: "An assignment's expiry must be later than the time it is made.",
      path: ["expiresAt"],
      input: r.expiresAt,
      expiresAt: r.expiresAt,
      now: r.now,
    };
  }
  if (!r.user.inPartnerAccount) {
    return {
      code: "not_in_partner_account",
      message: `${email} is no longer a user of the partner account, so it cannot be assigned to clients.`,
      path: ["user", "inPartnerAccount"],
      input: false,
      partnerId,
      email,
    };
  }
  // rule: only tagged users earn managed credit, so only they are assigned.
  if (!r.user.tagged) {
    return {
      code: "not_tagged",
      message: `${email} is not tagged as a partner employee; tag the user before assigning clients.`,
      path: ["user", "tagged"],
      input: false,
      partnerId,
      email,
    };
  }
  return undefined;
}

/**
 * Creates a client assignment for a partner employee. It starts
 * `pending_access` with `clientAccessRequested: true`, because assigning does
 * not grant access to the client's portal: the client must add the user.
 * When the user already has portal access it starts `active` at `now`, and no
 * request goes to the client. Refused, as a value with the `path` of the
 * field: a user who is not tagged (only tagged employees earn managed
 * credit) or no longer in the partner account, an invalid address, a
 * `clientId` that is not a positive safe integer, a `now` or `expiresAt`
 * that is not a timestamp (a safe integer within ±8.64e15), and an
 * `expiresAt` not after `now`. Users on any domain can be assigned: this is
 * the Client Access Manager. The assignment's `email` is the user's,
 * trimmed; its times are normalised (`-0` is `0`). Only the input's own
 * properties are read. Checking for an existing or conflicting link is the
 * caller's (see `checkEmailLink`). Never throws, except what a getter the
 * caller defined on the input throws.
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
 * assignClient({ user, clientId: 42, now: 1.5 });
 * //=> { ok: false, error: { code: "invalid_timestamp", path: ["now"], input: 1.5, message: "…" } }
 * assignClient({ user: { ...user, tagged: false }, clientId: 42, now: 1_000 });
 * //=> { ok: false, error: { code: "not_tagged", path: ["user", "tagged"], partnerId: "acme", email: "jane@acme.com", … } }
 * ```
 */
export function assignClient(
  input: AssignClientInput,
): Result<AssignClientSuccess, AssignClientError> {
  const request = readRequest(input);
  if (!request.ok) return request;
  const r = request.value;
  const refused = checkRules(r);
  if (refused !== undefined) return err(refused);
  // rule: assigning does not grant portal access; the client must add the
  // user, unless the user is already in the client's portal.
  const assignment: Assignment = {
    partnerId: r.user.partnerId,
    clientId: r.clientId,
    email: r.user.email,
    status: r.hasPortalAccess ? "active" : "pending_access",
    assignedAt: r.now,
    ...(r.hasPortalAccess ? { activatedAt: r.now } : {}),
    ...(r.expiresAt === undefined ? {} : { expiresAt: r.expiresAt }),
  };
  return ok({ assignment, clientAccessRequested: !r.hasPortalAccess });
}
