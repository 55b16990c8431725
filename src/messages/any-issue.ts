/**
 * Every error, warning and refusal of the library in one union, so that the
 * message catalogs can be checked for completeness at compile time: a code
 * added to any of these unions is a compile error in every catalog until it
 * has a sentence in every language.
 *
 * @module
 */

import type {
  AssignClientError,
  AssignmentRecordIssue,
  AssignmentTransitionError,
  BulkAssignError,
  BulkAssignRequestIssue,
  ExpireAssignmentError,
  RemoveClientAccessError,
  RemoveEmployeeIssue,
  ValueIssue,
} from "../access/assignment.js";
import type { ForbiddenError } from "../access/authorization.js";
import type { AttributionError, AttributionIssue } from "../attribution/managed-credit.js";
import type { MoneyError } from "../attribution/money.js";
import type { AttributionStateError } from "../attribution/streaming.js";
import type { TierIssue, TierThresholdsError } from "../attribution/tiers.js";
import type {
  DomainChangeRefused,
  DomainClaimedIssue,
  PreviewDomainChangeError,
} from "../classification/preview-domain-change.js";
import type { EmployeeDomainWarning } from "../classification/suggest-domain.js";
import type { DomainConflict } from "../conflicts/domain-conflicts.js";
import type { EmailConflict } from "../conflicts/email-conflicts.js";
import type { ConflictRecordIssue } from "../conflicts/records.js";
import type { EmailIssue } from "../domain/email-address.js";
import type { DomainIssue } from "../domain/email-domain.js";
import type {
  DomainChallengeError,
  DomainChallengeInputIssue,
} from "../ownership/domain-challenge.js";
import type { RecordIssue } from "../ports/repository.js";
import type { PostgresSchemaTooNew } from "../postgres/migrate.js";
import type { PostgresOptionsError } from "../postgres/tables.js";
import type { ServiceError } from "../service/errors.js";

/**
 * Any error, warning or refusal the library or its service returns: the
 * union of every exported error, issue, warning, refusal and conflict type,
 * nested ones included (the value issues, the issues inside an attribution
 * or tier-threshold refusal, the problems of a domain change, the records a
 * store or a conflict detector refuses). {@link formatIssue} has a sentence
 * for every `code` of it in every language.
 *
 * @example
 * ```ts
 * const issue: AnyIssue = {
 *   code: "not_tagged", message: "…", path: ["user", "tagged"], input: false,
 *   partnerId: "acme", email: "li@acme.com",
 * };
 * ```
 */
export type AnyIssue =
  | DomainIssue
  | EmailIssue
  | ValueIssue
  | AssignmentRecordIssue
  | AssignClientError
  | BulkAssignError
  | BulkAssignRequestIssue
  | RemoveEmployeeIssue
  | AssignmentTransitionError
  | RemoveClientAccessError
  | ExpireAssignmentError
  | ForbiddenError
  | MoneyError
  | AttributionIssue
  | AttributionError
  | AttributionStateError
  | TierIssue
  | TierThresholdsError
  | PreviewDomainChangeError
  | DomainChangeRefused
  | DomainClaimedIssue
  | EmployeeDomainWarning
  | DomainConflict
  | EmailConflict
  | ConflictRecordIssue
  | DomainChallengeError
  | DomainChallengeInputIssue
  | RecordIssue
  | PostgresOptionsError
  | PostgresSchemaTooNew
  | ServiceError;

/**
 * Every `code` of {@link AnyIssue}; {@link ISSUE_CODES} lists them.
 *
 * @example
 * ```ts
 * const code: IssueCode = "shared_domain";
 * ```
 */
export type IssueCode = AnyIssue["code"];

/**
 * The variants of {@link AnyIssue} that can carry a given code (a code used
 * by several functions, such as `invalid_record`, has several shapes; an
 * issue type whose `code` is itself a union, such as `TierIssue`, counts for
 * each of its codes).
 *
 * @example
 * ```ts
 * type Shared = IssueOf<"shared_domain">; // the DomainIssue variant with domain and listedAs
 * ```
 */
export type IssueOf<C extends IssueCode> = AnyIssue extends infer I
  ? I extends { readonly code: infer K }
    ? C extends K
      ? I
      : never
    : never
  : never;
