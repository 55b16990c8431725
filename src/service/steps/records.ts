/**
 * Reading and writing one record through a transaction, as results: a
 * record that is not there, a stale version and a refused record each
 * become their error. Reads by key are the port's locking reads, so what a
 * use case decides on cannot change before it commits. Internal: not
 * exported from the package.
 *
 * @module
 */

import type { Assignment, ClientId, Partner, PartnerId, PartnerUser } from "../../model.js";
import type {
  AssignmentRecord,
  RepositoryTransaction,
  UserRecord,
  Versioned,
  VersionedWrite,
} from "../../ports/repository.js";
import { err, ok, type Result } from "../../result.js";
import type {
  AssignmentNotFoundError,
  PartnerNotFoundError,
  UnexpectedError,
  UserNotFoundError,
  VersionConflictError,
} from "../errors.js";
import {
  assignmentNotFound,
  partnerNotFound,
  refusedRecord,
  userNotFound,
  versionConflict,
} from "./failures.js";

type WriteError = VersionConflictError | UnexpectedError;

function written<R>(
  outcome: VersionedWrite<R>,
  record: VersionConflictError["record"],
  key: string,
): Result<R, WriteError> {
  if (outcome.status === "written") return ok(outcome.record);
  if (outcome.status === "version_conflict") return err(versionConflict(record, key));
  return err(refusedRecord(outcome));
}

/**
 * Reads (and locks) a partner.
 *
 * @param tx - the transaction
 * @param partnerId - the partner
 * @returns the partner, or `partner_not_found`
 * @example
 * ```ts
 * const partner = yield* take(await findPartner(tx, "acme"));
 * ```
 */
export async function findPartner(
  tx: RepositoryTransaction,
  partnerId: PartnerId,
): Promise<Result<Versioned<Partner>, PartnerNotFoundError>> {
  const found = await tx.getPartner(partnerId);
  return found === null ? err(partnerNotFound(partnerId)) : ok(found);
}

/**
 * Reads (and locks) a user of a partner account.
 *
 * @param tx - the transaction
 * @param partnerId - the partner
 * @param key - the address's key
 * @returns the user, or `user_not_found`
 * @example
 * ```ts
 * const user = yield* take(await findUser(tx, "acme", "jane@acme.com"));
 * ```
 */
export async function findUser(
  tx: RepositoryTransaction,
  partnerId: PartnerId,
  key: string,
): Promise<Result<UserRecord, UserNotFoundError>> {
  const found = await tx.getUser(partnerId, key);
  return found === null ? err(userNotFound(partnerId, key)) : ok(found);
}

/**
 * Reads (and locks) the live assignment of a partner, client and address.
 *
 * @param tx - the transaction
 * @param partnerId - the partner
 * @param clientId - the client
 * @param key - the address's key
 * @returns the assignment, or `assignment_not_found`
 * @example
 * ```ts
 * const current = yield* take(await findLiveAssignment(tx, "acme", 42, "jane@acme.com"));
 * ```
 */
export async function findLiveAssignment(
  tx: RepositoryTransaction,
  partnerId: PartnerId,
  clientId: ClientId,
  key: string,
): Promise<Result<AssignmentRecord, AssignmentNotFoundError>> {
  const found = await tx.getLiveAssignment({ partnerId, clientId, emailKey: key });
  return found === null ? err(assignmentNotFound(partnerId, clientId, key)) : ok(found);
}

/**
 * Writes a partner at the version it was read at (`null` to create it).
 *
 * @param tx - the transaction
 * @param partner - the whole new partner
 * @param version - the version read, or `null`
 * @returns the partner as stored, or why not
 * @example
 * ```ts
 * const saved = yield* take(await writePartner(tx, { ...partner.value, program: "provider" }, partner.version));
 * ```
 */
export async function writePartner(
  tx: RepositoryTransaction,
  partner: Partner,
  version: number | null,
): Promise<Result<Versioned<Partner>, WriteError>> {
  return written(await tx.savePartner(partner, version), "partner", partner.partnerId);
}

/**
 * Writes a user at the version it was read at (`null` to create it).
 *
 * @param tx - the transaction
 * @param user - the whole new user
 * @param version - the version read, or `null`
 * @param key - the address's key, for the error
 * @returns the user as stored, or why not
 * @example
 * ```ts
 * const saved = yield* take(await writeUser(tx, { ...user.value, tagged: true }, user.version, user.emailKey));
 * ```
 */
export async function writeUser(
  tx: RepositoryTransaction,
  user: PartnerUser,
  version: number | null,
  key: string,
): Promise<Result<UserRecord, WriteError>> {
  return written(await tx.saveUser(user, version), "user", `${user.partnerId}/${key}`);
}

/**
 * Writes a changed assignment at the version it was read at.
 *
 * @param tx - the transaction
 * @param current - the assignment as read
 * @param next - the whole new assignment
 * @returns the assignment as stored, or why not
 * @example
 * ```ts
 * const saved = yield* take(await writeAssignment(tx, current, granted));
 * ```
 */
export async function writeAssignment(
  tx: RepositoryTransaction,
  current: AssignmentRecord,
  next: Assignment,
): Promise<Result<AssignmentRecord, WriteError>> {
  const outcome = await tx.updateAssignment(current.id, next, current.version);
  return written(outcome, "assignment", current.id);
}

/**
 * Reads a partner without locking it, for use cases that only read.
 *
 * @param tx - the transaction
 * @param partnerId - the partner
 * @returns the partner, or `partner_not_found`
 * @example
 * ```ts
 * const partner = yield* take(await readPartner(tx, "acme"));
 * ```
 */
export async function readPartner(
  tx: RepositoryTransaction,
  partnerId: PartnerId,
): Promise<Result<Versioned<Partner>, PartnerNotFoundError>> {
  const [found] = await tx.listPartners({ partnerIds: [partnerId] });
  return found === undefined || found.value.partnerId !== partnerId
    ? err(partnerNotFound(partnerId))
    : ok(found);
}

/**
 * Reads the users of a partner that are still in its account, by key.
 *
 * @param tx - the transaction
 * @param partnerId - the partner
 * @returns the users
 * @example
 * ```ts
 * (await accountUsers(tx, "acme")).map((u) => u.emailKey); //=> ["jane@acme.com"]
 * ```
 */
export async function accountUsers(
  tx: RepositoryTransaction,
  partnerId: PartnerId,
): Promise<UserRecord[]> {
  const users = await tx.listUsers({ partnerId });
  return users.filter((u) => u.value.inPartnerAccount !== false);
}
