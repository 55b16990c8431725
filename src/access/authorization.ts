/**
 * Who may do what in a partner program: the partner's super
 * admins set the employee domain; super admins and holders of
 * `manage_partner_employees` see the partner-employee list and change
 * assignments; only the client's own admins change who is in the client's
 * portal; nobody acts on another partner's data.
 *
 * @module
 */

import { isRecord, own } from "../guards.js";
import type { ClientId, PartnerId } from "../model.js";
import { err, type IssueBase, type IssuePath, ok, type Result } from "../result.js";
import {
  checkClientId,
  checkPartnerId,
  invalidList,
  invalidRecord,
  type ValueIssue,
} from "./issues.js";

/**
 * A permission a partner-account user can hold besides being a super admin.
 *
 * @example
 * ```ts
 * const p: Permission = "manage_partner_employees";
 * ```
 */
export type Permission = "manage_partner_employees";

/**
 * A user of a partner account acting through the library.
 *
 * @example
 * ```ts
 * const actor: Actor = {
 *   userId: "u-17", partnerId: "acme", superAdmin: false,
 *   permissions: ["manage_partner_employees"],
 * };
 * ```
 */
export interface Actor {
  readonly userId: string;
  readonly partnerId: PartnerId;
  readonly superAdmin: boolean;
  readonly permissions: readonly Permission[];
}

/**
 * A user of a client's own portal (not of any partner account), marked by
 * `kind: "client"`. Only such users decide who is in their portal: they grant
 * a partner employee access and delete users from it.
 *
 * @example
 * ```ts
 * const owner: ClientActor = { kind: "client", userId: "c-1", clientId: 42, superAdmin: true };
 * ```
 */
export interface ClientActor {
  readonly kind: "client";
  readonly userId: string;
  readonly clientId: ClientId;
  /** Whether the user is a super admin of the client's portal. */
  readonly superAdmin: boolean;
}

/**
 * The actions the library authorizes. The first six are the program's own;
 * `remove_employee` (removing a user from the partner account, which revokes
 * their assignments) and `grant_portal_access` (the client adding a partner
 * employee to its portal) complete the assignment life cycle.
 *
 * @example
 * ```ts
 * const action: Action = "assign_client";
 * ```
 */
export type Action =
  | "update_employee_domain"
  | "view_partner_employees"
  | "tag_employee"
  | "assign_client"
  | "remove_client_access"
  | "delete_portal_user"
  | "remove_employee"
  | "grant_portal_access";

/**
 * Every {@link Action}, in a fixed order: for authorization matrices and
 * exhaustive checks.
 *
 * @example
 * ```ts
 * ACTIONS.includes("tag_employee"); //=> true
 * ```
 */
export const ACTIONS: readonly Action[] = /* @__PURE__ */ Object.freeze([
  "update_employee_domain",
  "view_partner_employees",
  "tag_employee",
  "assign_client",
  "remove_client_access",
  "delete_portal_user",
  "remove_employee",
  "grant_portal_access",
] as const);

/**
 * What an action is done to: the partner whose data it touches and, for
 * actions in a client's portal, the client.
 *
 * @example
 * ```ts
 * const target: AuthorizationTarget = { partnerId: "acme", clientId: 42 };
 * ```
 */
export interface AuthorizationTarget {
  readonly partnerId: PartnerId;
  /** Required by the client-only actions (`delete_portal_user`, `grant_portal_access`). */
  readonly clientId?: ClientId;
}

/**
 * Why an action is denied:
 * - `invalid_actor`, `unknown_action`, `invalid_target`: the input is not
 *   what the types promise (denied rather than thrown);
 * - `other_partner`: the actor belongs to another partner;
 * - `super_admin_required`: only super admins may do it;
 * - `permission_required`: it needs super admin or `manage_partner_employees`;
 * - `client_only`: only the client's own admins may do it, never a partner;
 * - `partner_only`: a client's user cannot act in a partner account;
 * - `other_client`: a client's user acting on another client's portal.
 *
 * @example
 * ```ts
 * const reason: ForbiddenReason = "other_partner";
 * ```
 */
export type ForbiddenReason =
  | "invalid_actor"
  | "unknown_action"
  | "invalid_target"
  | "other_partner"
  | "super_admin_required"
  | "permission_required"
  | "client_only"
  | "partner_only"
  | "other_client";

/**
 * The error of {@link authorize}: `code: "forbidden"`, the `reason`, an
 * English `message`, and the `action` (`null` when it was not a known
 * action). When the actor, action or target itself is malformed
 * (`invalid_actor`, `unknown_action`, `invalid_target`), `path` and `input`
 * say which part (`["actor", "superAdmin"]`, `["target", "clientId"]`), and
 * for the actor and target `issue` carries the value issue that every other
 * function reports for the same value (`invalid_record`, `invalid_list`,
 * `invalid_partner_id`, `invalid_client_id`).
 *
 * @example
 * ```ts
 * const e: ForbiddenError = {
 *   code: "forbidden", reason: "super_admin_required", action: "update_employee_domain",
 *   message: "Only a super admin of the partner account can change its employee email domain.",
 * };
 * ```
 */
export interface ForbiddenError extends IssueBase<"forbidden"> {
  readonly reason: ForbiddenReason;
  readonly action: Action | null;
  /** The value issue behind `invalid_actor` and `invalid_target`. */
  readonly issue?: ValueIssue;
}

const MANAGE: Permission = "manage_partner_employees";

// rule: only the client's own admins decide who is in the client's portal;
// a partner can assign, but access needs the client.
function isClientOnly(action: Action): boolean {
  return action === "delete_portal_user" || action === "grant_portal_access";
}

function isAction(value: unknown): value is Action {
  return typeof value === "string" && (ACTIONS as readonly string[]).includes(value);
}

// A value issue about a part of the actor or the target: it always has a path.
type LocatedIssue = ValueIssue & { readonly path: IssuePath };

// Why a request is denied: the reason, with the value issue when the actor
// or the target is malformed.
type Denial =
  | ForbiddenReason
  | { readonly reason: "invalid_actor" | "invalid_target"; readonly issue: LocatedIssue };

function checkFlag(value: unknown, path: IssuePath): LocatedIssue | undefined {
  if (typeof value === "boolean") return undefined;
  return invalidRecord(path, value, "superAdmin must be true or false.");
}

// A userId is a non-empty string; it has no code of its own.
function checkUserId(value: unknown, path: IssuePath): LocatedIssue | undefined {
  if (typeof value === "string" && value !== "") return undefined;
  return invalidRecord(path, value, "The actor needs a userId, a non-empty string.");
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

// rule: only an own array of strings counts as the permissions, and only its
// own elements (never an inherited index, never an overridden `includes`).
function readPermissions(value: unknown): LocatedIssue | boolean {
  if (!Array.isArray(value)) return invalidList(["actor", "permissions"], value);
  let manage = false;
  // Own keys rather than 0..length: a sparse array may claim a huge length.
  for (const key of Object.keys(value)) {
    if (!ARRAY_INDEX.test(key)) continue;
    const p: unknown = value[Number(key)];
    if (typeof p !== "string") {
      return invalidRecord(["actor", "permissions", Number(key)], p, "A permission is a string.");
    }
    if (p === MANAGE) manage = true;
  }
  return manage;
}

type ReadActor =
  | LocatedIssue
  | { readonly client: ClientId; readonly superAdmin: boolean }
  | { readonly partner: PartnerId; readonly superAdmin: boolean; readonly manage: boolean };

// Reads an actor from its own properties only: a client's user when its own
// `kind` is "client", a partner account's user otherwise.
function readActor(actor: unknown): ReadActor {
  if (!isRecord(actor)) return invalidRecord(["actor"], actor, "The actor must be an object.");
  const superAdmin = own(actor, "superAdmin") === true;
  const common =
    checkUserId(own(actor, "userId"), ["actor", "userId"]) ??
    checkFlag(own(actor, "superAdmin"), ["actor", "superAdmin"]);
  if (own(actor, "kind") === "client") {
    const client = own(actor, "clientId");
    return (
      common ??
      checkClientId(client, ["actor", "clientId"]) ?? { client: client as ClientId, superAdmin }
    );
  }
  const partner = own(actor, "partnerId");
  const bad = common ?? checkPartnerId(partner, ["actor", "partnerId"]);
  if (bad !== undefined) return bad;
  const manage = readPermissions(own(actor, "permissions"));
  if (typeof manage !== "boolean") return manage;
  return { partner: partner as PartnerId, superAdmin, manage };
}

function readTarget(
  target: unknown,
  needsClient: boolean,
): LocatedIssue | { readonly partnerId: PartnerId; readonly clientId: unknown } {
  if (!isRecord(target)) return invalidRecord(["target"], target, "The target must be an object.");
  const partnerId = own(target, "partnerId");
  const clientId = own(target, "clientId");
  return (
    checkPartnerId(partnerId, ["target", "partnerId"]) ??
    (needsClient ? checkClientId(clientId, ["target", "clientId"]) : undefined) ?? {
      partnerId: partnerId as PartnerId,
      clientId,
    }
  );
}

/** Why to deny, or `null` to allow. Reads only own properties of its inputs. */
function decide(actor: unknown, action: unknown, target: unknown): Denial | null {
  const who = readActor(actor);
  if ("code" in who) return { reason: "invalid_actor", issue: who };
  if (!isAction(action)) return "unknown_action";
  const what = readTarget(target, "client" in who && isClientOnly(action));
  if ("code" in what) return { reason: "invalid_target", issue: what };
  if ("client" in who) {
    if (!isClientOnly(action)) return "partner_only";
    if (what.clientId !== who.client) return "other_client";
    return who.superAdmin ? null : "super_admin_required";
  }
  if (isClientOnly(action)) return "client_only";
  // rule: an actor never acts on another partner's data, not even its super admin.
  if (who.partner !== what.partnerId) return "other_partner";
  if (who.superAdmin) return null;
  // rule: only a super admin may set or change the employee domain.
  if (action === "update_employee_domain") return "super_admin_required";
  return who.manage ? null : "permission_required";
}

const MESSAGES: { readonly [R in ForbiddenReason]: (action: Action | null) => string } = {
  invalid_actor: () =>
    "The actor is not valid: it needs a userId and a partnerId (or, for a client's user, a clientId).",
  unknown_action: () => "This action is unknown, so it is not allowed.",
  invalid_target: (action) =>
    action !== null && isClientOnly(action)
      ? "The target needs a partnerId and the clientId of the client's portal."
      : "The target needs the partnerId of the partner account whose data is concerned.",
  other_partner: () => "A user of one partner account cannot act on another partner's data.",
  super_admin_required: (action) =>
    action === "update_employee_domain"
      ? "Only a super admin of the partner account can change its employee email domain."
      : "Only a super admin of the client's portal can change who has access to it.",
  permission_required: () =>
    `Only super admins and users with the ${MANAGE} permission can see partner employees or change their client assignments.`,
  client_only: () =>
    "Only the client's own admins can change who is a user of the client's portal; ask the client.",
  partner_only: () => "A user of a client's portal cannot act in a partner account.",
  other_client: () => "A user of one client's portal cannot act on another client's portal.",
};

/**
 * Authorizes an action and says why when it is denied. Partner actors:
 * `update_employee_domain` needs a super admin; `view_partner_employees`,
 * `tag_employee`, `assign_client`, `remove_client_access` and
 * `remove_employee` need a super admin or `manage_partner_employees`;
 * `delete_portal_user` and `grant_portal_access` are never theirs. Client
 * actors may only do those two, on their own portal, as its super admin.
 * Nobody acts on another partner's data. Only the actor's and the target's
 * own properties count: `superAdmin` must be an own `true`, `permissions` an
 * own array whose own elements are strings, one of them exactly
 * `manage_partner_employees` (an overridden `includes` is never called).
 * A field that is only inherited from a prototype is missing: an actor
 * without its own `superAdmin` boolean and `permissions` array, or with a
 * field of the wrong type (`superAdmin: "true"`,
 * `permissions: "manage_partner_employees"`), is `invalid_actor`, denied
 * every action. Never throws (but for what
 * a getter the caller defined throws): malformed actors, actions and targets
 * are denied, with the `path` of the bad part.
 *
 * @param actor - who acts: a partner account's user, or a client's
 * @param action - what they want to do
 * @param target - whose data: the partner, and the client for portal actions
 * @returns `ok(undefined)`, or a `forbidden` error with the reason
 * @example
 * ```ts
 * const manager = { userId: "u2", partnerId: "acme", superAdmin: false, permissions: ["manage_partner_employees"] } as const;
 * authorize(manager, "assign_client", { partnerId: "acme" }); //=> { ok: true, value: undefined }
 * authorize(manager, "update_employee_domain", { partnerId: "acme" });
 * //=> { ok: false, error: { code: "forbidden", reason: "super_admin_required", action: "update_employee_domain", message: "…" } }
 * authorize(manager, "assign_client", { partnerId: "northwind" });
 * //=> { ok: false, error: { code: "forbidden", reason: "other_partner", … } }
 * const copied = Object.assign({}, JSON.parse('{"userId":"u3","partnerId":"acme","permissions":[],"__proto__":{"superAdmin":true}}'));
 * authorize(copied, "update_employee_domain", { partnerId: "acme" });
 * //=> { ok: false, error: { code: "forbidden", reason: "invalid_actor", path: ["actor", "superAdmin"], … } }
 * ```
 */
export function authorize(
  actor: Actor | ClientActor,
  action: Action,
  target: AuthorizationTarget,
): Result<void, ForbiddenError> {
  const denial = decide(actor, action, target);
  if (denial === null) return ok(undefined);
  const known = isAction(action) ? action : null;
  const reason = typeof denial === "string" ? denial : denial.reason;
  const issue = typeof denial === "string" ? undefined : denial.issue;
  const error: ForbiddenError = {
    code: "forbidden",
    reason,
    message: MESSAGES[reason](known),
    action: known,
  };
  if (issue !== undefined) return err({ ...error, path: issue.path, input: issue.input, issue });
  if (reason === "unknown_action") return err({ ...error, path: ["action"], input: action });
  return err(error);
}

/**
 * Whether an actor may do an action on a target: `authorize(…).ok`, without
 * building the error. Reads only own properties, as `authorize` does. Never
 * throws (but for what a getter the caller defined throws).
 *
 * @param actor - who acts: a partner account's user, or a client's
 * @param action - what they want to do
 * @param target - whose data: the partner, and the client for portal actions
 * @returns `true` when allowed
 * @example
 * ```ts
 * const admin = { userId: "u1", partnerId: "acme", superAdmin: true, permissions: [] } as const;
 * can(admin, "update_employee_domain", { partnerId: "acme" });        //=> true
 * can(admin, "delete_portal_user", { partnerId: "acme", clientId: 42 }); //=> false
 * can({ kind: "client", userId: "c1", clientId: 42, superAdmin: true }, "delete_portal_user", { partnerId: "acme", clientId: 42 });
 * //=> true
 * ```
 */
export function can(
  actor: Actor | ClientActor,
  action: Action,
  target: AuthorizationTarget,
): boolean {
  return decide(actor, action, target) === null;
}
