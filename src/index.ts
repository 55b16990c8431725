// partner-access: the public entry point. Explicit named exports only, so
// bundlers can drop what a caller does not import.

// Domains and addresses (design 2.1)
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
export type { IssueBase, Result } from "./result.js";
export { err, ok, PartnerAccessError, unwrapOrThrow } from "./result.js";
export { schemas } from "./schemas.js";
