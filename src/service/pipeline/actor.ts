/**
 * The actor of a request, parsed like the request itself: from the copy,
 * own data properties only, each of the right type. A malformed actor is
 * `forbidden` (`invalid_actor`), never `invalid_request`: it says nothing
 * about the request's data, only that nobody valid asked. Internal: not
 * exported from the package.
 *
 * @module
 */

import type {
  Action,
  Actor,
  ClientActor,
  ForbiddenError,
  Permission,
} from "../../access/authorization.js";
import {
  checkClientId,
  checkPartnerId,
  invalidList,
  invalidRecord,
  type ValueIssue,
} from "../../access/issues.js";
import { isClientId, isPartnerId, isRecord } from "../../guards.js";
import { err, ok, type Result } from "../../result.js";

const PERMISSIONS: readonly Permission[] = ["manage_partner_employees"];

function isPermission(value: unknown): value is Permission {
  return PERMISSIONS.some((p) => p === value);
}

type Read<T> = Result<T, ValueIssue>;

function readUserId(value: unknown): Read<string> {
  if (typeof value === "string" && value !== "") return ok(value);
  return err(
    invalidRecord(["actor", "userId"], value, "The actor needs a userId, a non-empty string."),
  );
}

function readFlag(value: unknown): Read<boolean> {
  if (typeof value === "boolean") return ok(value);
  return err(invalidRecord(["actor", "superAdmin"], value, "superAdmin must be true or false."));
}

// rule: the permissions are an array of strings; only known ones are kept.
function readPermissions(value: unknown): Read<Permission[]> {
  if (!Array.isArray(value)) return err(invalidList(["actor", "permissions"], value));
  const known: Permission[] = [];
  for (const [i, p] of value.entries()) {
    if (typeof p !== "string") {
      return err(invalidRecord(["actor", "permissions", i], p, "A permission is a string."));
    }
    if (isPermission(p) && !known.includes(p)) known.push(p);
  }
  return ok(known);
}

function readClientActor(actor: { readonly [key: string]: unknown }): Read<ClientActor> {
  const userId = readUserId(actor.userId);
  if (!userId.ok) return userId;
  const superAdmin = readFlag(actor.superAdmin);
  if (!superAdmin.ok) return superAdmin;
  const clientId = actor.clientId;
  if (!isClientId(clientId)) {
    return err(
      checkClientId(clientId, ["actor", "clientId"]) ?? invalidRecord(["actor"], actor, ""),
    );
  }
  return ok({ kind: "client", userId: userId.value, clientId, superAdmin: superAdmin.value });
}

function readPartnerActor(actor: { readonly [key: string]: unknown }): Read<Actor> {
  const userId = readUserId(actor.userId);
  if (!userId.ok) return userId;
  const superAdmin = readFlag(actor.superAdmin);
  if (!superAdmin.ok) return superAdmin;
  const partnerId = actor.partnerId;
  if (!isPartnerId(partnerId)) {
    return err(
      checkPartnerId(partnerId, ["actor", "partnerId"]) ?? invalidRecord(["actor"], actor, ""),
    );
  }
  const permissions = readPermissions(actor.permissions);
  if (!permissions.ok) return permissions;
  return ok({
    userId: userId.value,
    partnerId,
    superAdmin: superAdmin.value,
    permissions: permissions.value,
  });
}

/**
 * Reads the actor of a copied request: a client's user when its `kind` is
 * `"client"`, a partner account's user otherwise. The copy holds only the
 * caller's own properties, so a right inherited from a prototype is simply
 * missing; `superAdmin` must be a boolean and `permissions` an array of
 * strings. The result is a fresh actor with only its known fields.
 *
 * @param actor - the `actor` field of the copied request
 * @param action - the action asked for, for the error
 * @returns the actor, or `forbidden` with reason `invalid_actor`, the path and the value issue
 * @example
 * ```ts
 * parseActor({ userId: "u1", partnerId: "acme", superAdmin: "true", permissions: [] }, "tag_employee");
 * //=> { ok: false, error: { code: "forbidden", reason: "invalid_actor", path: ["actor", "superAdmin"], … } }
 * ```
 */
export function parseActor(
  actor: unknown,
  action: Action,
): Result<Actor | ClientActor, ForbiddenError> {
  const read: Read<Actor | ClientActor> = !isRecord(actor)
    ? err(invalidRecord(["actor"], actor, "The actor must be an object."))
    : actor.kind === "client"
      ? readClientActor(actor)
      : readPartnerActor(actor);
  if (read.ok) return read;
  const issue = read.error;
  return err({
    code: "forbidden",
    reason: "invalid_actor",
    message:
      "The actor is not valid: it needs a userId, superAdmin, and a partnerId with its permissions (or, for a client's user, a clientId).",
    action,
    path: issue.path ?? ["actor"],
    input: issue.input,
    issue,
  });
}
