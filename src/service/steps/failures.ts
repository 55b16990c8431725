/**
 * The refusals the use cases share, built in one place so that each code
 * always has the same message and data. Internal: not exported from the
 * package.
 *
 * @module
 */

import type { ClientId, PartnerId } from "../../model.js";
import type { AssignmentRecord, InvalidRecord } from "../../ports/repository.js";
import type {
  AlreadyAssignedError,
  AssignmentNotFoundError,
  PartnerNotFoundError,
  UnexpectedError,
  UserNotFoundError,
  VersionConflictError,
} from "../errors.js";
import { unexpectedError } from "../unit-of-work.js";

/**
 * `partner_not_found`.
 *
 * @param partnerId - the partner asked for
 * @returns the error
 * @example
 * ```ts
 * partnerNotFound("acme").code; //=> "partner_not_found"
 * ```
 */
export function partnerNotFound(partnerId: PartnerId): PartnerNotFoundError {
  return {
    code: "partner_not_found",
    message: `There is no partner ${JSON.stringify(partnerId)}.`,
    partnerId,
  };
}

/**
 * `user_not_found`.
 *
 * @param partnerId - the partner
 * @param email - the address's key
 * @returns the error
 * @example
 * ```ts
 * userNotFound("acme", "jane@acme.com").code; //=> "user_not_found"
 * ```
 */
export function userNotFound(partnerId: PartnerId, email: string): UserNotFoundError {
  return {
    code: "user_not_found",
    message: `${email} is not a user of partner ${JSON.stringify(partnerId)}.`,
    partnerId,
    email,
  };
}

/**
 * `assignment_not_found`.
 *
 * @param partnerId - the partner
 * @param clientId - the client
 * @param email - the address's key
 * @returns the error
 * @example
 * ```ts
 * assignmentNotFound("acme", 42, "jane@acme.com").code; //=> "assignment_not_found"
 * ```
 */
export function assignmentNotFound(
  partnerId: PartnerId,
  clientId: ClientId,
  email: string,
): AssignmentNotFoundError {
  return {
    code: "assignment_not_found",
    message: `Partner ${JSON.stringify(partnerId)} has no pending or active assignment of ${email} to client ${clientId}.`,
    partnerId,
    clientId,
    email,
  };
}

/**
 * `already_assigned`, with the live assignment.
 *
 * @param assignment - the partner's live assignment of that address and client
 * @returns the error
 * @example
 * ```ts
 * alreadyAssigned(record).code; //=> "already_assigned"
 * ```
 */
export function alreadyAssigned(assignment: AssignmentRecord): AlreadyAssignedError {
  const a = assignment.value;
  return {
    code: "already_assigned",
    message: `${a.email} is already assigned to client ${a.clientId} (${a.status}).`,
    assignment,
  };
}

/**
 * `version_conflict`: someone changed the record between this call's read
 * and its write.
 *
 * @param record - which kind of record
 * @param key - its identity
 * @returns the error
 * @example
 * ```ts
 * versionConflict("user", "acme/jane@acme.com").code; //=> "version_conflict"
 * ```
 */
export function versionConflict(
  record: VersionConflictError["record"],
  key: string,
): VersionConflictError {
  return {
    code: "version_conflict",
    message: `The ${record} ${JSON.stringify(key)} was changed by someone else meanwhile; nothing was changed. Read it again and retry.`,
    record,
    key,
  };
}

/**
 * The service checks every record before it writes it, so a store that
 * refuses one (`invalid_record`) points at a bug on one side or the other:
 * `unexpected_error`, with the store's issues as the cause.
 *
 * @param refusal - the store's answer
 * @returns the error
 * @example
 * ```ts
 * refusedRecord({ status: "invalid_record", issues }).code; //=> "unexpected_error"
 * ```
 */
export function refusedRecord(refusal: InvalidRecord): UnexpectedError {
  const detail = refusal.issues.map((i) => i.message).join(" ");
  return unexpectedError(new TypeError(`The repository refused a record: ${detail}`));
}
