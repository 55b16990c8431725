/**
 * The audit trail of the service: every change a use case makes,
 * and every refusal worth recording, is reported as an event. Events are
 * plain JSON values the caller can store as they are.
 *
 * @module
 */

import type { Actor, ClientActor } from "../access/authorization.js";
import type { EmailConflictParty } from "../conflicts/email-conflicts.js";
import type { Assignment, ClientId, PartnerId, Program, Timestamp } from "../model.js";
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
 * address to the client (an address can be linked to a given client by one
 * partner only).
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
 * A partner account was created, or its program or subdomain matching
 * changed; `claimsUpdated` lists the domains whose claim now carries the new
 * `matchSubdomains`.
 *
 * @example
 * ```ts
 * const e: PartnerSavedEvent = {
 *   type: "partner_saved", at, actor, partnerId: "acme", program: "partner",
 *   matchSubdomains: false, created: true, claimsUpdated: [],
 * };
 * ```
 */
export interface PartnerSavedEvent extends PartnerAccessEventBase<"partner_saved"> {
  readonly partnerId: PartnerId;
  readonly program: Program;
  readonly matchSubdomains: boolean;
  readonly created: boolean;
  readonly claimsUpdated: readonly string[];
}

/**
 * A user was added to a partner account (or came back to it:
 * `readmitted`).
 *
 * @example
 * ```ts
 * const e: PartnerUserAddedEvent = {
 *   type: "partner_user_added", at, actor, partnerId: "acme", email: "jo@acme.com", tagged: false, readmitted: false,
 * };
 * ```
 */
export interface PartnerUserAddedEvent extends PartnerAccessEventBase<"partner_user_added"> {
  readonly partnerId: PartnerId;
  /** The address as stored on the user. */
  readonly email: string;
  readonly tagged: boolean;
  readonly readmitted: boolean;
}

/**
 * An assignment reached its `expiresAt` and is now `expired`; its address
 * is unlinked from the client.
 *
 * @example
 * ```ts
 * const e: AssignmentExpiredEvent = { type: "assignment_expired", at, actor, assignmentId: "7", assignment };
 * ```
 */
export interface AssignmentExpiredEvent extends PartnerAccessEventBase<"assignment_expired"> {
  readonly assignmentId: string;
  readonly assignment: Assignment;
}

/**
 * A reminder that an assignment's access ends soon fell due: `daysBefore`
 * days before its `expiresAt`, at `dueAt`.
 *
 * @example
 * ```ts
 * const e: AssignmentExpiryReminderDueEvent = {
 *   type: "assignment_expiry_reminder_due", at, actor, assignmentId: "7", assignment, daysBefore: 7, dueAt,
 * };
 * ```
 */
export interface AssignmentExpiryReminderDueEvent
  extends PartnerAccessEventBase<"assignment_expiry_reminder_due"> {
  readonly assignmentId: string;
  readonly assignment: Assignment;
  readonly daysBefore: number;
  readonly dueAt: Timestamp;
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
  | EmailConflictRefusedEvent
  | PartnerSavedEvent
  | PartnerUserAddedEvent
  | AssignmentExpiredEvent
  | AssignmentExpiryReminderDueEvent;

/**
 * The `type` of every {@link PartnerAccessEvent}.
 *
 * @example
 * ```ts
 * const t: PartnerAccessEventType = "portal_access_granted";
 * ```
 */
export type PartnerAccessEventType = PartnerAccessEvent["type"];

/**
 * An event without its `at` and `actor`: what a use case describes, and
 * the pipeline stamps with the use case's time and actor.
 *
 * @example
 * ```ts
 * const data: PartnerAccessEventData = { type: "employee_tagged", partnerId: "acme", email: "jane@acme.com" };
 * ```
 */
export type PartnerAccessEventData = PartnerAccessEvent extends infer E
  ? E extends PartnerAccessEvent
    ? Omit<E, "at" | "actor">
    : never
  : never;
