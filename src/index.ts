// partner-access: the public entry point. Explicit named exports only, so
// bundlers can drop what a caller does not import.

export type {
  AssignClientError,
  AssignClientInput,
  AssignClientSuccess,
  AssignClientsInput,
  AssignEmployeesInput,
  AssignmentRecordIssue,
  AssignmentTransitionError,
  BulkAssignError,
  BulkAssignRequestIssue,
  BulkAssignResult,
  ExpireAssignmentError,
  InvalidClientIdIssue,
  InvalidEmailIssue,
  InvalidListIssue,
  InvalidPartnerIdIssue,
  InvalidRecordIssue,
  InvalidTimestampIssue,
  RemoveClientAccessError,
  RemovedEmployee,
  RemoveEmployeeIssue,
  RemoveEmployeeResult,
  ValueIssue,
} from "./access/assignment.js";
export {
  assignClient,
  assignClients,
  assignEmployees,
  expireAssignment,
  grantPortalAccess,
  isAssignmentActiveAt,
  REMOVE_CONFIRMATION,
  removeClientAccess,
  removeEmployee,
} from "./access/assignment.js";
// Assignments and authorization
export type {
  Action,
  Actor,
  AuthorizationTarget,
  ClientActor,
  ForbiddenError,
  ForbiddenReason,
  Permission,
} from "./access/authorization.js";
export { ACTIONS, authorize, can } from "./access/authorization.js";
export type {
  DueRemindersOptions,
  ExpireAssignmentsResult,
  ExpiryReminder,
  ReminderWindow,
} from "./access/expiry-reminders.js";
export {
  DEFAULT_REMINDER_DAYS,
  dueReminders,
  expireAssignments,
} from "./access/expiry-reminders.js";
// Attribution and tiers
export type {
  Attribution,
  AttributionError,
  AttributionInput,
  AttributionIssue,
  ConflictEvidence,
  CreditDecision,
  CreditedClient,
  CreditOutcome,
  InactiveAssignmentReason,
  LostCredit,
  NotTaggedEmployeeReason,
  PartnerCredit,
} from "./attribution/managed-credit.js";
export { attributeManagedCredit } from "./attribution/managed-credit.js";
export type { CurrencyRate, CurrencyTable, MoneyError } from "./attribution/money.js";
export { defaultCurrencyTable } from "./attribution/money.js";
export type { ManagedPointsOptions, SoldPointsOptions } from "./attribution/points.js";
export { managedPoints, soldPoints } from "./attribution/points.js";
export type { AttributionStateValue } from "./attribution/state-value.js";
export type {
  AttributionStartInput,
  AttributionState,
  AttributionStateError,
  AttributionStateIssue,
  AttributionStateOptions,
  AttributionStateRecord,
  AttributionStateReference,
  CompactAttributionState,
} from "./attribution/streaming.js";
export {
  addActivities,
  compactAttributionState,
  finishAttribution,
  mergeAttributionStates,
  startAttribution,
} from "./attribution/streaming.js";
export type {
  TierEvaluation,
  TierGap,
  TierIssue,
  TierPoints,
  TierThresholdsError,
} from "./attribution/tiers.js";
export { evaluateTier, validateTierThresholds } from "./attribution/tiers.js";
// Classification and eligibility
export type {
  Classification,
  ClassificationCounts,
  ClassificationKind,
  ClassifyUserOptions,
  ClassifyUsersResult,
  ClientAccessManagerReason,
} from "./classification/classify-user.js";
export { classifyUser, classifyUsers } from "./classification/classify-user.js";
export type {
  PartnerSeatEligibility,
  PartnerSeatEligibilityOptions,
  PartnerSeatIneligibilityReason,
} from "./classification/partner-seat.js";
export { partnerSeatEligibility } from "./classification/partner-seat.js";
export type {
  DomainChangePreview,
  DomainChangeProblem,
  DomainChangeRefused,
  DomainClaimedIssue,
  PreviewDomainChangeError,
  PreviewDomainChangeOptions,
  UserChange,
} from "./classification/preview-domain-change.js";
export { previewDomainChange } from "./classification/preview-domain-change.js";
export type {
  ClientAccessManagerUser,
  EmployeeDomainStatus,
  EmployeeDomainStatusOptions,
  EmployeeDomainSuggestion,
  EmployeeDomainWarning,
  IgnoredEmployeeDomain,
  InvalidEmailUser,
  SuggestEmployeeDomainOptions,
} from "./classification/suggest-domain.js";
export { employeeDomainStatus, suggestEmployeeDomain } from "./classification/suggest-domain.js";
// Conflicts
export type {
  DetectDomainConflictsOptions,
  DomainClaim,
  DomainConflict,
  DomainConflictParty,
} from "./conflicts/domain-conflicts.js";
export { detectDomainConflicts } from "./conflicts/domain-conflicts.js";
export type {
  AskHolderToRemoveAccessResolution,
  DomainAddressUnavailableReason,
  EmailConflict,
  EmailConflictOptions,
  EmailConflictParty,
  EmailConflictResolution,
  UseDifferentAddressResolution,
  UsePartnerDomainAddressResolution,
} from "./conflicts/email-conflicts.js";
export { checkEmailLink, detectEmailConflicts } from "./conflicts/email-conflicts.js";
export type { ConflictRecordIssue } from "./conflicts/records.js";
// Domains and addresses
export type {
  EmailAddress,
  EmailIssue,
  EmailIssueCode,
} from "./domain/email-address.js";
export {
  emailKey,
  MAX_ADDRESS_OCTETS,
  MAX_LOCAL_PART_OCTETS,
  parseEmailAddress,
  parseEmailAddressOrThrow,
  parseEmailIdentity,
} from "./domain/email-address.js";
export type { DomainIssue, DomainIssueCode, EmailDomain } from "./domain/email-domain.js";
export {
  domainAndAncestors,
  MAX_DOMAIN_LENGTH,
  MAX_LABEL_LENGTH,
  parseEmailDomain,
  parseEmailDomainOrThrow,
} from "./domain/email-domain.js";
export type { ParsePartnerEmployeeDomainOptions } from "./domain/partner-employee-domain.js";
export {
  parsePartnerEmployeeDomain,
  parsePartnerEmployeeDomainOrThrow,
} from "./domain/partner-employee-domain.js";
export type {
  SharedDomainList,
  SharedDomainListOptions,
  SharedDomainOptions,
} from "./domain/shared-domains.js";
export {
  createSharedDomainList,
  defaultSharedDomainList,
  isSharedEmailDomain,
} from "./domain/shared-domains.js";
export {
  isClientId,
  isPartnerId,
  isTimestamp,
  MAX_TIMESTAMP,
} from "./guards.js";
// Messages and money for people
export type { AnyIssue, IssueCode, IssueOf } from "./messages/any-issue.js";
export { formatIssue } from "./messages/format-issue.js";
export type { FormatMoneyOptions } from "./messages/format-money.js";
export { formatMoney } from "./messages/format-money.js";
export { ISSUE_CODES } from "./messages/issue-codes.js";
export type {
  Activity,
  Assignment,
  AssignmentStatus,
  Client,
  ClientId,
  Deal,
  Money,
  Partner,
  PartnerId,
  PartnerUser,
  Period,
  Program,
  Tier,
  TierThreshold,
  Timestamp,
} from "./model.js";
// Domain ownership proof
export type {
  CreateDomainChallengeOptions,
  DomainChallenge,
  DomainChallengeError,
  DomainChallengeInputIssue,
  DomainVerification,
  ResolveTxt,
} from "./ownership/domain-challenge.js";
export {
  createDomainChallenge,
  DEFAULT_DOMAIN_CHALLENGE_TTL_MS,
  verifyDomainChallenge,
} from "./ownership/domain-challenge.js";
// Repository port, service and events
export { domainFamily, findClaimOverlap, isSubdomainOf } from "./ports/domain-claims.js";
export {
  checkActivityRecords,
  checkAssignmentRecord,
  checkAssignmentUpdate,
  checkClientRecord,
  checkDomainClaimRecord,
  checkEmailLinkRecord,
  checkPartnerRecord,
  checkUserRecord,
  MAX_ACTIVITIES_PER_CALL,
} from "./ports/records.js";
export type {
  ActivityPage,
  AssignmentFilter,
  AssignmentRecord,
  ClaimDomainOutcome,
  DeleteUserOutcome,
  DomainClaimInput,
  DomainClaimRecord,
  EmailLinkInput,
  EmailLinkKey,
  EmailLinkRecord,
  InsertAssignmentOutcome,
  InvalidRecord,
  LinkEmailOutcome,
  ListActivitiesOptions,
  LiveAssignmentKey,
  PartnerAccessRepository,
  PutClientOutcome,
  RecordActivitiesOutcome,
  RecordIssue,
  RecordIssueCode,
  ReleaseDomainOutcome,
  RepositoryTransaction,
  UnlinkEmailOutcome,
  UserFilter,
  UserKey,
  UserRecord,
  Versioned,
  VersionedWrite,
} from "./ports/repository.js";
export type { IssueBase, IssuePath, Result } from "./result.js";
export { err, isPartnerAccessError, ok, PartnerAccessError, unwrapOrThrow } from "./result.js";
export { inputSchemas, schemas } from "./schemas.js";
export type {
  AddPartnerUserError,
  AlreadyAssignedError,
  AssignClientServiceError,
  AssignItemError,
  AssignmentNotFoundError,
  AttributeCreditServiceError,
  BulkAssignServiceError,
  CommonServiceError,
  ConfirmationRequiredError,
  DomainConflictRefusal,
  DomainNotVerifiedError,
  DuplicateInRequestError,
  EmailConflictRefusal,
  ExpireDueAssignmentsError,
  GrantPortalAccessServiceError,
  InvalidEmailError,
  InvalidEmployeeDomainsError,
  InvalidRequestError,
  NotInPartnerAccountError,
  PartnerNotFoundError,
  PreviewEmployeeDomainsError,
  ReadPartnerError,
  RemindersDueError,
  RemoveAccessItemError,
  RemoveClientAccessServiceError,
  RemoveEmployeeServiceError,
  RemoveEmployeesAccessError,
  RepositoryFailureError,
  RequestIssue,
  SavePartnerAccountError,
  ServiceError,
  SetEmployeeDomainsError,
  TagEmployeeError,
  UnexpectedError,
  UserAlreadyExistsError,
  UserNotFoundError,
  VersionConflictError,
} from "./service/errors.js";
export type {
  AssignmentExpiredEvent,
  AssignmentExpiryReminderDueEvent,
  ClientAccessRemovedEvent,
  ClientAccessRequestedEvent,
  ClientAssignedEvent,
  DomainClaimRefusedEvent,
  EmailConflictRefusedEvent,
  EmployeeDomainSetEvent,
  EmployeeRemovedEvent,
  EmployeeTaggedEvent,
  EmployeeUntaggedEvent,
  PartnerAccessEvent,
  PartnerAccessEventBase,
  PartnerAccessEventData,
  PartnerAccessEventType,
  PartnerSavedEvent,
  PartnerUserAddedEvent,
  PortalAccessGrantedEvent,
} from "./service/events.js";
export type {
  AddPartnerUserRequest,
  AddPartnerUserSuccess,
  AssignClientRequest,
  AssignClientsRequest,
  AssignEmployeesRequest,
  AssignedClient,
  AssignmentChanged,
  AttributeCreditRequest,
  AttributeCreditSuccess,
  AttributionProgress,
  BulkAssignSuccess,
  EmployeeDomainStatusSuccess,
  EmployeeRequest,
  ExpireDueAssignmentsSuccess,
  GrantPortalAccessRequest,
  ListPartnerEmployeesSuccess,
  PartnerAccessService,
  PartnerAccessServiceOptions,
  PartnerEmployee,
  PartnerRequest,
  PreviewEmployeeDomainsRequest,
  PreviewEmployeeDomainsSuccess,
  RemindersDueRequest,
  RemindersDueSuccess,
  RemoveClientAccessRequest,
  RemoveEmployeeSuccess,
  RemoveEmployeesAccessRequest,
  RemoveEmployeesAccessSuccess,
  SavePartnerAccountRequest,
  SavePartnerAccountSuccess,
  ServiceResult,
  SetEmployeeDomainsRequest,
  SetEmployeeDomainsSuccess,
  TagEmployeeSuccess,
} from "./service/partner-access-service.js";
export { createPartnerAccessService } from "./service/partner-access-service.js";
