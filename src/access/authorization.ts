/**
 * Who may do what in a partner program (design 2.3): the partner's super
 * admins set the employee domain; super admins and holders of
 * `manage_partner_employees` see the partner-employee list and change
 * assignments; only the client's own admins change who is in the client's
 * portal; nobody acts on another partner's data.
 *
 * @module
 */

import type { ClientId, PartnerId } from "../model.js";
import { err, type IssueBase, ok, type Result } from "../result.js";

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
 * The actions the library authorizes. The first six are design 2.3's;
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
 * English `message`, and the `action` (`null` when it was not a known action).
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
}

const MANAGE: Permission = "manage_partner_employees";

// rule (design 2.3): only the client's own admins decide who is in the
// client's portal; a partner can assign, but access needs the client.
function isClientOnly(action: Action): boolean {
  return action === "delete_portal_user" || action === "grant_portal_access";
}

function isAction(value: unknown): value is Action {
  return typeof value === "string" && (ACTIONS as readonly string[]).includes(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function isClientId(value: unknown): value is ClientId {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The reason to deny, or `null` to allow. Reads its inputs defensively. */
function decide(actor: unknown, action: unknown, target: unknown): ForbiddenReason | null {
  if (typeof actor !== "object" || actor === null || !isNonEmptyString(field(actor, "userId"))) {
    return "invalid_actor";
  }
  const client = field(actor, "kind") === "client";
  if (
    client ? !isClientId(field(actor, "clientId")) : !isNonEmptyString(field(actor, "partnerId"))
  ) {
    return "invalid_actor";
  }
  if (!isAction(action)) return "unknown_action";
  const targetPartner = field(target, "partnerId");
  if (!isNonEmptyString(targetPartner)) return "invalid_target";
  const superAdmin = field(actor, "superAdmin") === true;

  if (client) {
    if (!isClientOnly(action)) return "partner_only";
    const targetClient = field(target, "clientId");
    if (!isClientId(targetClient)) return "invalid_target";
    if (targetClient !== field(actor, "clientId")) return "other_client";
    return superAdmin ? null : "super_admin_required";
  }

  if (isClientOnly(action)) return "client_only";
  // rule (design 2.3): an actor never acts on another partner's data, not
  // even its super admin.
  if (field(actor, "partnerId") !== targetPartner) return "other_partner";
  if (superAdmin) return null;
  // rule (design 1): only a super admin may set or change the employee domain.
  if (action === "update_employee_domain") return "super_admin_required";
  const permissions = field(actor, "permissions");
  return Array.isArray(permissions) && permissions.includes(MANAGE) ? null : "permission_required";
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
 * Nobody acts on another partner's data. Never throws: malformed actors,
 * actions and targets are denied. Only `superAdmin === true` and a
 * `permissions` array holding the exact permission count.
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
 * ```
 */
export function authorize(
  actor: Actor | ClientActor,
  action: Action,
  target: AuthorizationTarget,
): Result<void, ForbiddenError> {
  const reason = decide(actor, action, target);
  if (reason === null) return ok(undefined);
  const known = isAction(action) ? action : null;
  return err({ code: "forbidden", reason, message: MESSAGES[reason](known), action: known });
}

/**
 * Whether an actor may do an action on a target: `authorize(…).ok`, without
 * building the error. Never throws.
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
