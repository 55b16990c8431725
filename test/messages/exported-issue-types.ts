// Every type src/index.ts exports whose name ends in Error, Issue, Warning,
// Refused, Refusal or Conflict, or that is a union of codes: each entry only
// compiles when the type is part of AnyIssue (its codes among IssueCode).
// format-issue.test.ts reads src/index.ts and fails when an exported type of
// that kind is missing here, so a new error union cannot be forgotten.
import type * as api from "../../src/index.js";
import type { AnyIssue, IssueCode } from "../../src/messages/any-issue.js";

// Each compiles only when its type argument is an issue, or a union of codes.
const issue = <T extends AnyIssue>(_type?: T): true => true;
const codes = <T extends IssueCode>(_type?: T): true => true;

export const COVERED = {
  AddPartnerUserError: issue<api.AddPartnerUserError>(),
  AlreadyAssignedError: issue<api.AlreadyAssignedError>(),
  AnyIssue: issue<api.AnyIssue>(),
  AssignClientError: issue<api.AssignClientError>(),
  AssignClientServiceError: issue<api.AssignClientServiceError>(),
  AssignItemError: issue<api.AssignItemError>(),
  AssignmentNotFoundError: issue<api.AssignmentNotFoundError>(),
  AssignmentRecordIssue: issue<api.AssignmentRecordIssue>(),
  AssignmentTransitionError: issue<api.AssignmentTransitionError>(),
  AttributeCreditServiceError: issue<api.AttributeCreditServiceError>(),
  AttributionError: issue<api.AttributionError>(),
  AttributionIssue: issue<api.AttributionIssue>(),
  AttributionStateError: issue<api.AttributionStateError>(),
  BulkAssignError: issue<api.BulkAssignError>(),
  BulkAssignRequestIssue: issue<api.BulkAssignRequestIssue>(),
  BulkAssignServiceError: issue<api.BulkAssignServiceError>(),
  CommonServiceError: issue<api.CommonServiceError>(),
  ConfirmationRequiredError: issue<api.ConfirmationRequiredError>(),
  ConflictRecordIssue: issue<api.ConflictRecordIssue>(),
  DomainChallengeError: issue<api.DomainChallengeError>(),
  DomainChallengeInputIssue: issue<api.DomainChallengeInputIssue>(),
  DomainChangeRefused: issue<api.DomainChangeRefused>(),
  DomainClaimedIssue: issue<api.DomainClaimedIssue>(),
  DomainConflict: issue<api.DomainConflict>(),
  DomainConflictRefusal: issue<api.DomainConflictRefusal>(),
  DomainIssue: issue<api.DomainIssue>(),
  DomainIssueCode: codes<api.DomainIssueCode>(),
  DomainNotVerifiedError: issue<api.DomainNotVerifiedError>(),
  DuplicateInRequestError: issue<api.DuplicateInRequestError>(),
  EmailConflict: issue<api.EmailConflict>(),
  EmailConflictRefusal: issue<api.EmailConflictRefusal>(),
  EmailIssue: issue<api.EmailIssue>(),
  EmailIssueCode: codes<api.EmailIssueCode>(),
  EmployeeDomainWarning: issue<api.EmployeeDomainWarning>(),
  ExpireAssignmentError: issue<api.ExpireAssignmentError>(),
  ExpireDueAssignmentsError: issue<api.ExpireDueAssignmentsError>(),
  ForbiddenError: issue<api.ForbiddenError>(),
  GrantPortalAccessServiceError: issue<api.GrantPortalAccessServiceError>(),
  InvalidClientIdIssue: issue<api.InvalidClientIdIssue>(),
  InvalidEmailError: issue<api.InvalidEmailError>(),
  InvalidEmailIssue: issue<api.InvalidEmailIssue>(),
  InvalidEmployeeDomainsError: issue<api.InvalidEmployeeDomainsError>(),
  InvalidListIssue: issue<api.InvalidListIssue>(),
  InvalidPartnerIdIssue: issue<api.InvalidPartnerIdIssue>(),
  InvalidRecordIssue: issue<api.InvalidRecordIssue>(),
  InvalidRequestError: issue<api.InvalidRequestError>(),
  InvalidTimestampIssue: issue<api.InvalidTimestampIssue>(),
  IssueCode: codes<api.IssueCode>(),
  MoneyError: issue<api.MoneyError>(),
  NotInPartnerAccountError: issue<api.NotInPartnerAccountError>(),
  PartnerNotFoundError: issue<api.PartnerNotFoundError>(),
  PreviewDomainChangeError: issue<api.PreviewDomainChangeError>(),
  PreviewEmployeeDomainsError: issue<api.PreviewEmployeeDomainsError>(),
  ReadPartnerError: issue<api.ReadPartnerError>(),
  RecordIssue: issue<api.RecordIssue>(),
  RecordIssueCode: codes<api.RecordIssueCode>(),
  RemindersDueError: issue<api.RemindersDueError>(),
  RemoveAccessItemError: issue<api.RemoveAccessItemError>(),
  RemoveClientAccessError: issue<api.RemoveClientAccessError>(),
  RemoveClientAccessServiceError: issue<api.RemoveClientAccessServiceError>(),
  RemoveEmployeeIssue: issue<api.RemoveEmployeeIssue>(),
  RemoveEmployeeServiceError: issue<api.RemoveEmployeeServiceError>(),
  RemoveEmployeesAccessError: issue<api.RemoveEmployeesAccessError>(),
  RepositoryFailureError: issue<api.RepositoryFailureError>(),
  RequestIssue: issue<api.RequestIssue>(),
  SavePartnerAccountError: issue<api.SavePartnerAccountError>(),
  ServiceError: issue<api.ServiceError>(),
  SetEmployeeDomainsError: issue<api.SetEmployeeDomainsError>(),
  TagEmployeeError: issue<api.TagEmployeeError>(),
  TierIssue: issue<api.TierIssue>(),
  TierThresholdsError: issue<api.TierThresholdsError>(),
  UnexpectedError: issue<api.UnexpectedError>(),
  UserAlreadyExistsError: issue<api.UserAlreadyExistsError>(),
  UserNotFoundError: issue<api.UserNotFoundError>(),
  ValueIssue: issue<api.ValueIssue>(),
  VersionConflictError: issue<api.VersionConflictError>(),
} as const;

// Exported types whose names match but that are no issue, and why.
export const NOT_ISSUES: { readonly [name: string]: string } = {
  // A streaming state's encoded record of an invalid activity; finishAttribution
  // reports it as the AttributionIssue it encodes, which AnyIssue covers.
  AttributionStateIssue: "an encoded AttributionIssue inside a state",
};
