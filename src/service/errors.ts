/**
 * The errors of the service: each use case returns a union of
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
import type { InvalidEmailIssue, ValueIssue } from "../access/issues.js";
import type { AttributionError } from "../attribution/managed-credit.js";
import type { PreviewDomainChangeError } from "../classification/preview-domain-change.js";
import type { DomainConflict } from "../conflicts/domain-conflicts.js";
import type { EmailConflict } from "../conflicts/email-conflicts.js";
import type { DomainIssue } from "../domain/email-domain.js";
import type { ClientId, PartnerId } from "../model.js";
import type { AssignmentRecord, UserRecord } from "../ports/repository.js";
import type { IssueBase, IssuePath } from "../result.js";
import type { PartnerAccessEvent } from "./events.js";

/**
 * An issue of an `invalid_request`: a value issue (`invalid_record`,
 * `invalid_list`, `invalid_partner_id`, `invalid_client_id`,
 * `invalid_timestamp`, `invalid_email`, the codes every function of the
 * library uses for the same bad value), or `invalid_period` for a period
 * that ends before it starts. `path` runs from the request's root
 * (`["clientId"]`, `["period", "start"]`); an issue about the request
 * itself (not an object) has none.
 *
 * @example
 * ```ts
 * const issue: RequestIssue = { code: "invalid_client_id", message: "…", path: ["clientId"], input: "42" };
 * ```
 */
export type RequestIssue =
  | ValueIssue
  | (IssueBase<"invalid_period"> & { readonly path: IssuePath; readonly input: unknown });

/**
 * The request is not an object, or some of its fields are not values of
 * the right kind: every such field at once, in `issues`. Checked before
 * authorization, on a copy of the request.
 *
 * @example
 * ```ts
 * const e: InvalidRequestError = {
 *   code: "invalid_request", message: "…",
 *   issues: [{ code: "invalid_client_id", message: "…", path: ["clientId"], input: "42" }],
 * };
 * ```
 */
export interface InvalidRequestError extends IssueBase<"invalid_request"> {
  readonly issues: readonly RequestIssue[];
}

/**
 * An address in a list of a bulk request that is not valid: the item's own
 * result, with its `path` (`["emails", 3]`). The same shape as every other
 * `invalid_email` issue.
 *
 * @example
 * ```ts
 * const e: InvalidEmailError = {
 *   code: "invalid_email", message: "…", path: ["emails", 3], input: "jane@", emailIssue,
 * };
 * ```
 */
export type InvalidEmailError = InvalidEmailIssue;

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
    /** `["domains", index]`. */
    readonly path: IssuePath;
    readonly input: unknown;
    readonly issue: DomainIssue;
  }[];
}

/**
 * With `requireDomainProof`, domains of the new list that no `verified`
 * verification in the request proves for this partner: every one of them.
 *
 * @example
 * ```ts
 * const e: DomainNotVerifiedError = {
 *   code: "domain_not_verified", message: "…", path: ["verifications"], domains: ["acme.de"],
 * };
 * ```
 */
export interface DomainNotVerifiedError extends IssueBase<"domain_not_verified"> {
  readonly path: IssuePath;
  /** The canonical domains without a proof, in the order of the request. */
  readonly domains: readonly string[];
}

/**
 * The partner account already has a user with this address (compared by
 * key), still in the account.
 *
 * @example
 * ```ts
 * const e: UserAlreadyExistsError = { code: "user_already_exists", message: "…", user: record };
 * ```
 */
export interface UserAlreadyExistsError extends IssueBase<"user_already_exists"> {
  readonly user: UserRecord;
}

/**
 * A removal that was not confirmed by typing exactly `REMOVE`.
 *
 * @example
 * ```ts
 * const e: ConfirmationRequiredError = {
 *   code: "confirmation_required", message: "…", path: ["confirmation"], expected: "REMOVE", input: "remove",
 * };
 * ```
 */
export type ConfirmationRequiredError = Extract<
  RemoveClientAccessError,
  { readonly code: "confirmation_required" }
>;

/**
 * An address repeated in a bulk request (compared by key): `firstPath` is
 * the first occurrence, `path` the later one.
 *
 * @example
 * ```ts
 * const e: DuplicateInRequestError = {
 *   code: "duplicate_in_request", message: "…", path: ["emails", 2], firstPath: ["emails", 0], input: "JANE@acme.com",
 * };
 * ```
 */
export type DuplicateInRequestError = Extract<
  BulkAssignError,
  { readonly code: "duplicate_in_request" }
>;

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
  | DomainNotVerifiedError
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
export type BulkAssignServiceError = CommonServiceError | PartnerNotFoundError | UserNotFoundError;

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
  | AssignmentNotFoundError
  | RemoveClientAccessError
  | VersionConflictError;

/**
 * Why one employee's access was not removed by `removeEmployeesAccess`.
 *
 * @example
 * ```ts
 * const code: RemoveAccessItemError["code"] = "assignment_not_found";
 * ```
 */
export type RemoveAccessItemError =
  | DuplicateInRequestError
  | AssignmentNotFoundError
  | RemoveClientAccessError
  | VersionConflictError;

/**
 * The errors of `removeEmployeesAccess` as a whole (each employee has its
 * own result too).
 *
 * @example
 * ```ts
 * const code: RemoveEmployeesAccessError["code"] = "confirmation_required";
 * ```
 */
export type RemoveEmployeesAccessError = CommonServiceError | ConfirmationRequiredError;

/**
 * The errors of `removeEmployee` (and `removePartnerUser`).
 *
 * @example
 * ```ts
 * const code: RemoveEmployeeServiceError["code"] = "user_not_found";
 * ```
 */
export type RemoveEmployeeServiceError =
  | CommonServiceError
  | UserNotFoundError
  | VersionConflictError;

/**
 * The errors of `addPartnerUser`.
 *
 * @example
 * ```ts
 * const code: AddPartnerUserError["code"] = "user_already_exists";
 * ```
 */
export type AddPartnerUserError =
  | CommonServiceError
  | PartnerNotFoundError
  | UserAlreadyExistsError
  | VersionConflictError;

/**
 * The errors of `savePartnerAccount`.
 *
 * @example
 * ```ts
 * const code: SavePartnerAccountError["code"] = "domain_claimed_by_another_partner";
 * ```
 */
export type SavePartnerAccountError =
  | CommonServiceError
  | DomainConflictRefusal
  | VersionConflictError;

/**
 * The errors of the use cases that only read a partner's data
 * (`listPartnerEmployees`, `getEmployeeDomainStatus`).
 *
 * @example
 * ```ts
 * const code: ReadPartnerError["code"] = "partner_not_found";
 * ```
 */
export type ReadPartnerError = CommonServiceError | PartnerNotFoundError;

/**
 * The errors of `previewEmployeeDomains`: those of `previewDomainChange`
 * (`domain_change_refused` with every problem), or a partner that does not
 * exist.
 *
 * @example
 * ```ts
 * const code: PreviewEmployeeDomainsError["code"] = "domain_change_refused";
 * ```
 */
export type PreviewEmployeeDomainsError =
  | CommonServiceError
  | PartnerNotFoundError
  | PreviewDomainChangeError;

/**
 * The errors of `expireDueAssignments`.
 *
 * @example
 * ```ts
 * const code: ExpireDueAssignmentsError["code"] = "version_conflict";
 * ```
 */
export type ExpireDueAssignmentsError = CommonServiceError | VersionConflictError;

/**
 * The errors of `remindersDue`.
 *
 * @example
 * ```ts
 * const code: RemindersDueError["code"] = "invalid_request";
 * ```
 */
export type RemindersDueError = CommonServiceError;

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
  | RemoveAccessItemError
  | RemoveEmployeesAccessError
  | RemoveEmployeeServiceError
  | AddPartnerUserError
  | SavePartnerAccountError
  | ReadPartnerError
  | PreviewEmployeeDomainsError
  | ExpireDueAssignmentsError
  | RemindersDueError
  | AttributeCreditServiceError;
