/**
 * The audit trail of the service (design 2.7): every change a use case makes,
 * and every refusal worth recording, is reported as an event. Events are
 * plain JSON values the caller can store as they are.
 *
 * @module
 */

import type { Actor, ClientActor } from "../access/authorization.js";
import type { EmailConflictParty } from "../conflicts/email-conflicts.js";
import type { Assignment, ClientId, PartnerId, Timestamp } from "../model.js";
import type { DomainClaimRecord } from "../ports/repository.js";

/**
 * What every event carries: its `type`, when it happened (`at`, from the
 * service's clock) and who did it (`actor`: a partner account's user, or a
 * client's for portal access).
 *
 * @example
 * ```ts
 * const base: PartnerAccessEventBase<"employee_tagged"> = {
 *   type: "employee_tagged", at: 1_767_225_600_000,
 *   actor: { userId: "u-1", partnerId: "acme", superAdmin: true, permissions: [] },
 * };
 * ```
 */
export interface PartnerAccessEventBase<T extends string> {
  readonly type: T;
  readonly at: Timestamp;
  readonly actor: Actor | ClientActor;
}

/**
 * A partner's employee email domains were set: the new list (first is
 * primary), the previous one, and the claims made and released.
 *
 * @example
 * ```ts
 * const e: EmployeeDomainSetEvent = {
 *   type: "employee_domain_set", at, actor, partnerId: "acme",
 *   domains: ["acme.com"], previousDomains: [], claimed: ["acme.com"], released: [],
 * };
 * ```
 */
export interface EmployeeDomainSetEvent extends PartnerAccessEventBase<"employee_domain_set"> {
  readonly partnerId: PartnerId;
  readonly domains: readonly string[];
  readonly previousDomains: readonly string[];
  /** Domains this change claimed (they were free). */
  readonly claimed: readonly string[];
  /** Domains this change gave up (now free for other partners). */
  readonly released: readonly string[];
}

/**
 * A domain could not be set because another partner holds it.
 *
 * @example
 * ```ts
 * const e: DomainClaimRefusedEvent = {
 *   type: "domain_claim_refused", at, actor, partnerId: "rival", domain: "acme.com",
 *   holder: { domain: "acme.com", partnerId: "acme", claimedAt: 1, matchSubdomains: false },
 * };
 * ```
 */
export interface DomainClaimRefusedEvent extends PartnerAccessEventBase<"domain_claim_refused"> {
  /** The partner that was refused. */
  readonly partnerId: PartnerId;
  readonly domain: string;
  readonly holder: DomainClaimRecord;
}

/**
 * A user was tagged as a partner employee, or untagged.
 *
 * @example
 * ```ts
 * const e: EmployeeTaggedEvent = { type: "employee_tagged", at, actor, partnerId: "acme", email: "jane@acme.com" };
 * ```
 */
export interface EmployeeTaggedEvent extends PartnerAccessEventBase<"employee_tagged"> {
  readonly partnerId: PartnerId;
  /** The address as stored on the user. */
  readonly email: string;
}

/**
 * A user's partner-employee tag was removed: their activity no longer earns
 * managed credit.
 *
 * @example
 * ```ts
 * const e: EmployeeUntaggedEvent = { type: "employee_untagged", at, actor, partnerId: "acme", email: "jane@acme.com" };
 * ```
 */
export interface EmployeeUntaggedEvent extends PartnerAccessEventBase<"employee_untagged"> {
  readonly partnerId: PartnerId;
  readonly email: string;
}

/**
 * A client was assigned to an employee; `assignment` is as stored.
 *
 * @example
 * ```ts
 * const e: ClientAssignedEvent = { type: "client_assigned", at, actor, assignmentId: "7", assignment };
 * ```
 */
export interface ClientAssignedEvent extends PartnerAccessEventBase<"client_assigned"> {
  readonly assignmentId: string;
  readonly assignment: Assignment;
}

/**
 * The client must add the employee to its portal (the assignment is
 * `pending_access` until it does).
 *
 * @example
 * ```ts
 * const e: ClientAccessRequestedEvent = {
 *   type: "client_access_requested", at, actor, assignmentId: "7",
 *   partnerId: "acme", clientId: 42, email: "jane@acme.com",
 * };
 * ```
 */
export interface ClientAccessRequestedEvent
  extends PartnerAccessEventBase<"client_access_requested"> {
  readonly assignmentId: string;
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly email: string;
}

/**
 * The client granted the employee access to its portal: the assignment is
 * now active.
 *
 * @example
 * ```ts
 * const e: PortalAccessGrantedEvent = { type: "portal_access_granted", at, actor, assignmentId: "7", assignment };
 * ```
 */
export interface PortalAccessGrantedEvent extends PartnerAccessEventBase<"portal_access_granted"> {
  readonly assignmentId: string;
  readonly assignment: Assignment;
}

/**
 * An employee's access to a client was removed (with the `REMOVE`
 * confirmation, or because the employee left the partner account).
 *
 * @example
 * ```ts
 * const e: ClientAccessRemovedEvent = { type: "client_access_removed", at, actor, assignmentId: "7", assignment };
 * ```
 */
export interface ClientAccessRemovedEvent extends PartnerAccessEventBase<"client_access_removed"> {
  readonly assignmentId: string;
  readonly assignment: Assignment;
}

/**
 * A user was removed from the partner account; every assignment they held
 * was revoked (each also has its own `client_access_removed` event).
 *
 * @example
 * ```ts
 * const e: EmployeeRemovedEvent = {
 *   type: "employee_removed", at, actor, partnerId: "acme", email: "jane@acme.com", revokedAssignmentIds: ["7", "9"],
 * };
 * ```
 */
export interface EmployeeRemovedEvent extends PartnerAccessEventBase<"employee_removed"> {
  readonly partnerId: PartnerId;
  readonly email: string;
  readonly revokedAssignmentIds: readonly string[];
}

/**
 * An assignment was refused because another partner already links the
 * address to the client (design 1 "Email conflict").
 *
 * @example
 * ```ts
 * const e: EmailConflictRefusedEvent = {
 *   type: "email_conflict_refused", at, actor, partnerId: "rival", clientId: 42,
 *   email: "jane@gmail.com", holder: { partnerId: "acme", email: "jane@gmail.com", assignedAt: 1 },
 * };
 * ```
 */
export interface EmailConflictRefusedEvent
  extends PartnerAccessEventBase<"email_conflict_refused"> {
  /** The partner that was refused (the contender). */
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  /** The address's key. */
  readonly email: string;
  readonly holder: EmailConflictParty;
}

/**
 * Every event of the service, keyed by `type`.
 *
 * @example
 * ```ts
 * function describe(e: PartnerAccessEvent): string {
 *   switch (e.type) {
 *     case "client_assigned": return `assigned ${e.assignment.email} to ${e.assignment.clientId}`;
 *     default: return e.type;
 *   }
 * }
 * ```
 */
export type PartnerAccessEvent =
  | EmployeeDomainSetEvent
  | DomainClaimRefusedEvent
  | EmployeeTaggedEvent
  | EmployeeUntaggedEvent
  | ClientAssignedEvent
  | ClientAccessRequestedEvent
  | PortalAccessGrantedEvent
  | ClientAccessRemovedEvent
  | EmployeeRemovedEvent
  | EmailConflictRefusedEvent;

/**
 * The `type` of every {@link PartnerAccessEvent}.
 *
 * @example
 * ```ts
 * const t: PartnerAccessEventType = "portal_access_granted";
 * ```
 */
export type PartnerAccessEventType = PartnerAccessEvent["type"];
