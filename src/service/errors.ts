/**
 * The errors of the service (design 2.6): each use case returns a union of
 * these, all plain objects with a `code` and an English `message`, like every
 * other error of the library. {@link ServiceError} is the union of all.
 *
 * @module
 */

import type {
  AssignClientError,
  AssignmentTransitionError,
  BulkAssignError,
  RemoveClientAccessError,
} from "../access/assignment.js";
import type { ForbiddenError } from "../access/authorization.js";
import type { AttributionError } from "../attribution/managed-credit.js";
import type { DomainConflict } from "../conflicts/domain-conflicts.js";
import type { EmailConflict } from "../conflicts/email-conflicts.js";
import type { EmailIssue } from "../domain/email-address.js";
import type { DomainIssue } from "../domain/email-domain.js";
import type { ClientId, PartnerId } from "../model.js";
import type { AssignmentRecord } from "../ports/repository.js";
import type { IssueBase } from "../result.js";
import type { PartnerAccessEvent } from "./events.js";

/**
 * The request is not an object, or one of its fields is not of the right
 * type (`field` names it).
 *
 * @example
 * ```ts
 * const e: InvalidRequestError = { code: "invalid_request", message: "…", field: "clientId", input: "42" };
 * ```
 */
export interface InvalidRequestError extends IssueBase<"invalid_request"> {
  /** The field that is wrong, or `""` for the request itself. */
  readonly field: string;
  readonly input: unknown;
}

/**
 * The request's email address is not valid.
 *
 * @example
 * ```ts
 * const e: InvalidEmailError = { code: "invalid_email", message: "…", input: "jane@", emailIssue };
 * ```
 */
export interface InvalidEmailError extends IssueBase<"invalid_email"> {
  readonly input: unknown;
  readonly emailIssue: EmailIssue;
}

/**
 * Some of the requested employee domains are refused (shared, a public
 * suffix, not a domain…): every one of them, with its position.
 *
 * @example
 * ```ts
 * const e: InvalidEmployeeDomainsError = {
 *   code: "invalid_employee_domains", message: "…",
 *   issues: [{ index: 1, input: "gmail.com", issue: { code: "shared_domain", … } }],
 * };
 * ```
 */
export interface InvalidEmployeeDomainsError extends IssueBase<"invalid_employee_domains"> {
  readonly issues: readonly {
    readonly index: number;
    readonly input: unknown;
    readonly issue: DomainIssue;
  }[];
}

/**
 * The partner is not in the repository.
 *
 * @example
 * ```ts
 * const e: PartnerNotFoundError = { code: "partner_not_found", message: "…", partnerId: "acme" };
 * ```
 */
export interface PartnerNotFoundError extends IssueBase<"partner_not_found"> {
  readonly partnerId: PartnerId;
}

/**
 * The partner has no user with this address (compared by key).
 *
 * @example
 * ```ts
 * const e: UserNotFoundError = { code: "user_not_found", message: "…", partnerId: "acme", email: "jane@acme.com" };
 * ```
 */
export interface UserNotFoundError extends IssueBase<"user_not_found"> {
  readonly partnerId: PartnerId;
  /** The address's key. */
  readonly email: string;
}

/**
 * The partner has no live (pending or active) assignment of this address
 * to this client.
 *
 * @example
 * ```ts
 * const e: AssignmentNotFoundError = {
 *   code: "assignment_not_found", message: "…", partnerId: "acme", clientId: 42, email: "jane@acme.com",
 * };
 * ```
 */
export interface AssignmentNotFoundError extends IssueBase<"assignment_not_found"> {
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  /** The address's key. */
  readonly email: string;
}

/**
 * The partner already has a live assignment of this address to this client.
 *
 * @example
 * ```ts
 * const e: AlreadyAssignedError = { code: "already_assigned", message: "…", assignment: record };
 * ```
 */
export interface AlreadyAssignedError extends IssueBase<"already_assigned"> {
  readonly assignment: AssignmentRecord;
}

/**
 * A user outside the partner account cannot be tagged.
 *
 * @example
 * ```ts
 * const e: NotInPartnerAccountError = {
 *   code: "not_in_partner_account", message: "…", partnerId: "acme", email: "jane@acme.com",
 * };
 * ```
 */
export interface NotInPartnerAccountError extends IssueBase<"not_in_partner_account"> {
  readonly partnerId: PartnerId;
  readonly email: string;
}

/**
 * Someone else changed the record between this call's read and its write;
 * nothing of this call was kept. Read again and retry.
 *
 * @example
 * ```ts
 * const e: VersionConflictError = { code: "version_conflict", message: "…", record: "partner", key: "acme" };
 * ```
 */
export interface VersionConflictError extends IssueBase<"version_conflict"> {
  readonly record: "partner" | "user" | "assignment";
  /** The record's identity: a partnerId, `partnerId/emailKey`, or an assignment id. */
  readonly key: string;
}

/**
 * The repository threw or rejected. The use case ran in one transaction,
 * so nothing of the call was kept; `rollbackFailures` is always empty (it
 * listed the failures of writes undone by hand, which no longer happen).
 *
 * @example
 * ```ts
 * const e: RepositoryFailureError = {
 *   code: "repository_failure", message: "…", cause: new Error("connection reset"), rollbackFailures: [],
 * };
 * ```
 */
export interface RepositoryFailureError extends IssueBase<"repository_failure"> {
  /** What the repository threw. */
  readonly cause: unknown;
  readonly rollbackFailures: readonly unknown[];
}

/**
 * A function the caller supplied other than the repository (the clock, a
 * shared-domain list) threw or returned something unusable, or the library
 * has a bug. Nothing was kept.
 *
 * @example
 * ```ts
 * const e: UnexpectedError = { code: "unexpected_error", message: "…", cause: new Error("clock skew") };
 * ```
 */
export interface UnexpectedError extends IssueBase<"unexpected_error"> {
  readonly cause: unknown;
}

/**
 * An assignment refused because another partner links the address to the
 * client: the conflict, and the `email_conflict_refused` event to record.
 *
 * @example
 * ```ts
 * if (!r.ok && r.error.code === "email_linked_to_another_partner") r.error.holder.partnerId; //=> "acme"
 * ```
 */
export type EmailConflictRefusal = EmailConflict & { readonly events: PartnerAccessEvent[] };

/**
 * A domain refused because another partner holds it (or a domain above it
 * that matches subdomains): the conflict, and the `domain_claim_refused`
 * event to record.
 *
 * @example
 * ```ts
 * if (!r.ok && r.error.code === "domain_claimed_by_another_partner") r.error.holder.partnerId; //=> "acme"
 * ```
 */
export type DomainConflictRefusal = DomainConflict & { readonly events: PartnerAccessEvent[] };

/**
 * The failures every use case can return besides its own: a forbidden
 * actor, a malformed request, a stale record, the repository failing, or
 * something unexpected.
 *
 * @example
 * ```ts
 * const e: CommonServiceError = { code: "forbidden", reason: "other_partner", action: "tag_employee", message: "…" };
 * ```
 */
export type CommonServiceError =
  | ForbiddenError
  | InvalidRequestError
  | RepositoryFailureError
  | UnexpectedError;

/**
 * The errors of `setEmployeeDomains`.
 *
 * @example
 * ```ts
 * const code: SetEmployeeDomainsError["code"] = "domain_claimed_by_another_partner";
 * ```
 */
export type SetEmployeeDomainsError =
  | CommonServiceError
  | InvalidEmployeeDomainsError
  | PartnerNotFoundError
  | DomainConflictRefusal
  | VersionConflictError;

/**
 * The errors of `tagEmployee` and `untagEmployee`.
 *
 * @example
 * ```ts
 * const code: TagEmployeeError["code"] = "user_not_found";
 * ```
 */
export type TagEmployeeError =
  | CommonServiceError
  | InvalidEmailError
  | UserNotFoundError
  | NotInPartnerAccountError
  | VersionConflictError;

/**
 * Why one assignment (alone or in a bulk request) was refused.
 *
 * @example
 * ```ts
 * const code: AssignItemError["code"] = "email_linked_to_another_partner";
 * ```
 */
export type AssignItemError =
  | BulkAssignError
  | InvalidEmailError
  | UserNotFoundError
  | AlreadyAssignedError
  | EmailConflict;

/**
 * The errors of `assignClient`.
 *
 * @example
 * ```ts
 * const code: AssignClientServiceError["code"] = "not_tagged";
 * ```
 */
export type AssignClientServiceError =
  | CommonServiceError
  | AssignClientError
  | InvalidEmailError
  | PartnerNotFoundError
  | UserNotFoundError
  | AlreadyAssignedError
  | EmailConflictRefusal;

/**
 * The errors of `assignClients` and `assignEmployees` as a whole (each item
 * has its own result too).
 *
 * @example
 * ```ts
 * const code: BulkAssignServiceError["code"] = "partner_not_found";
 * ```
 */
export type BulkAssignServiceError =
  | CommonServiceError
  | InvalidEmailError
  | PartnerNotFoundError
  | UserNotFoundError;

/**
 * The errors of `grantPortalAccess`.
 *
 * @example
 * ```ts
 * const code: GrantPortalAccessServiceError["code"] = "assignment_not_found";
 * ```
 */
export type GrantPortalAccessServiceError =
  | CommonServiceError
  | InvalidEmailError
  | AssignmentNotFoundError
  | AssignmentTransitionError
  | VersionConflictError;

/**
 * The errors of `removeClientAccess`.
 *
 * @example
 * ```ts
 * const code: RemoveClientAccessServiceError["code"] = "confirmation_required";
 * ```
 */
export type RemoveClientAccessServiceError =
  | CommonServiceError
  | InvalidEmailError
  | AssignmentNotFoundError
  | RemoveClientAccessError
  | VersionConflictError;

/**
 * The errors of `removeEmployee`.
 *
 * @example
 * ```ts
 * const code: RemoveEmployeeServiceError["code"] = "user_not_found";
 * ```
 */
export type RemoveEmployeeServiceError =
  | CommonServiceError
  | InvalidEmailError
  | UserNotFoundError
  | VersionConflictError;

/**
 * The errors of `attributeCredit`.
 *
 * @example
 * ```ts
 * const code: AttributeCreditServiceError["code"] = "invalid_attribution_input";
 * ```
 */
export type AttributeCreditServiceError =
  | CommonServiceError
  | PartnerNotFoundError
  | AttributionError;

/**
 * Every error of the service, keyed by `code`.
 *
 * @example
 * ```ts
 * function retryable(e: ServiceError): boolean {
 *   return e.code === "version_conflict" || e.code === "repository_failure";
 * }
 * ```
 */
export type ServiceError =
  | SetEmployeeDomainsError
  | TagEmployeeError
  | AssignClientServiceError
  | AssignItemError
  | BulkAssignServiceError
  | GrantPortalAccessServiceError
  | RemoveClientAccessServiceError
  | RemoveEmployeeServiceError
  | AttributeCreditServiceError;
