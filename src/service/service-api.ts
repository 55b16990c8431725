/**
 * The shape of the service: its options and its use cases, one method
 * each. `createPartnerAccessService` builds one.
 *
 * @module
 */

import type { SharedDomainList, SharedDomainListOptions } from "../domain/shared-domains.js";
import type { ClientId, Timestamp } from "../model.js";
import type { PartnerAccessRepository } from "../ports/repository.js";
import type {
  AddPartnerUserError,
  AssignClientServiceError,
  AttributeCreditServiceError,
  BulkAssignServiceError,
  ExpireDueAssignmentsError,
  GrantPortalAccessServiceError,
  PreviewEmployeeDomainsError,
  ReadPartnerError,
  RemindersDueError,
  RemoveClientAccessServiceError,
  RemoveEmployeeServiceError,
  RemoveEmployeesAccessError,
  SavePartnerAccountError,
  SetEmployeeDomainsError,
  TagEmployeeError,
} from "./errors.js";
import type { TagEmployeeSuccess } from "./steps/set-tag.js";
import type {
  AssignedClient,
  AssignmentChanged,
  BulkAssignSuccess,
  ServiceResult,
} from "./types.js";
import type { AddPartnerUserRequest, AddPartnerUserSuccess } from "./use-cases/add-partner-user.js";
import type { AssignClientRequest } from "./use-cases/assign-client.js";
import type { AssignClientsRequest } from "./use-cases/assign-clients.js";
import type { AssignEmployeesRequest } from "./use-cases/assign-employees.js";
import type {
  AttributeCreditRequest,
  AttributeCreditSuccess,
} from "./use-cases/attribute-credit.js";
import type { ExpireDueAssignmentsSuccess } from "./use-cases/expire-due-assignments.js";
import type { EmployeeDomainStatusSuccess } from "./use-cases/get-employee-domain-status.js";
import type { GrantPortalAccessRequest } from "./use-cases/grant-portal-access.js";
import type {
  ListPartnerEmployeesSuccess,
  PartnerRequest,
} from "./use-cases/list-partner-employees.js";
import type {
  PreviewEmployeeDomainsRequest,
  PreviewEmployeeDomainsSuccess,
} from "./use-cases/preview-employee-domains.js";
import type { RemindersDueRequest, RemindersDueSuccess } from "./use-cases/reminders-due.js";
import type { RemoveClientAccessRequest } from "./use-cases/remove-client-access.js";
import type { EmployeeRequest, RemoveEmployeeSuccess } from "./use-cases/remove-employee.js";
import type {
  RemoveEmployeesAccessRequest,
  RemoveEmployeesAccessSuccess,
} from "./use-cases/remove-employees-access.js";
import type {
  SavePartnerAccountRequest,
  SavePartnerAccountSuccess,
} from "./use-cases/save-partner-account.js";
import type {
  SetEmployeeDomainsRequest,
  SetEmployeeDomainsSuccess,
} from "./use-cases/set-employee-domains.js";

/**
 * Options of `createPartnerAccessService`.
 *
 * @example
 * ```ts
 * const options: PartnerAccessServiceOptions = {
 *   repository: createInMemoryRepository(),
 *   clock: () => Date.UTC(2026, 0, 1),
 *   sharedDomains: { add: ["acme-mail.com"] },
 *   requireDomainProof: true,
 * };
 * ```
 */
export interface PartnerAccessServiceOptions {
  /** Where everything is stored. */
  readonly repository: PartnerAccessRepository;
  /** The time of each use case, in epoch milliseconds; default `Date.now`. The only clock read. */
  readonly clock?: () => Timestamp;
  /** Shared (free-mail) domains refused as employee domains: a list, or how to build one. */
  readonly sharedDomains?: SharedDomainList | SharedDomainListOptions;
  /**
   * When `true`, `setEmployeeDomains` refuses (`domain_not_verified`) every
   * domain of the new list that no `verified` verification in the request
   * proves for that partner. Default `false`.
   */
  readonly requireDomainProof?: boolean;
}

type Reply<T, E> = Promise<ServiceResult<T, E>>;

/**
 * The use cases of a partner program over a repository; make one with
 * `createPartnerAccessService`. Every method takes one request object,
 * copies it (its own data properties, each read once), validates the copy
 * (`invalid_request` with every bad field), authorizes its `actor`
 * (`forbidden`), and runs in one repository transaction; it resolves, never
 * rejects, to a result with the events to record. docs/service.md lists
 * who may call each one, what it writes and what it can answer.
 *
 * @example
 * ```ts
 * const service: PartnerAccessService = createPartnerAccessService({ repository });
 * ```
 */
export interface PartnerAccessService {
  /**
   * Sets a partner's employee email domains (super admins only): each is
   * parsed with `parsePartnerEmployeeDomain` (every refusal reported at
   * once, duplicates dropped), proved when the service requires domain
   * proof, and claimed atomically, so no two partners hold overlapping
   * domains even when they race; domains the partner no longer lists are
   * released.
   *
   * @param request - the actor, the partner, the new list, optionally the verifications
   * @returns the partner as stored and the claims made and released, or why not
   * @example
   * ```ts
   * await service.setEmployeeDomains({ actor: superAdmin, partnerId: "acme", domains: ["Acme.com"] });
   * //=> { ok: true, value: { partner: { value: { …, employeeDomains: ["acme.com"] }, version: 2 }, claimed: ["acme.com"], released: [], events: [{ type: "employee_domain_set", … }] } }
   * ```
   */
  setEmployeeDomains(
    request: SetEmployeeDomainsRequest,
  ): Reply<SetEmployeeDomainsSuccess, SetEmployeeDomainsError>;

  /**
   * Tags a user as a partner employee (super admins and holders of
   * `manage_partner_employees`): only tagged users earn managed credit.
   *
   * @param request - the actor, the partner, the user's address
   * @returns the user as stored and whether it changed, or why not
   * @example
   * ```ts
   * await service.tagEmployee({ actor: manager, partnerId: "acme", email: "sam@acme.com" });
   * //=> { ok: true, value: { user: { …, value: { …, tagged: true } }, changed: true, events: [{ type: "employee_tagged", … }] } }
   * ```
   */
  tagEmployee(request: EmployeeRequest): Reply<TagEmployeeSuccess, TagEmployeeError>;

  /**
   * Removes a user's partner-employee tag (same permissions as tagging).
   *
   * @param request - the actor, the partner, the user's address
   * @returns the user as stored and whether it changed, or why not
   * @example
   * ```ts
   * await service.untagEmployee({ actor: manager, partnerId: "acme", email: "sam@acme.com" });
   * //=> { ok: true, value: { …, changed: true, events: [{ type: "employee_untagged", … }] } }
   * ```
   */
  untagEmployee(request: EmployeeRequest): Reply<TagEmployeeSuccess, TagEmployeeError>;

  /**
   * Assigns a client to a tagged employee; the address is linked to the
   * client atomically, and a link another partner holds refuses it with the
   * conflict and an `email_conflict_refused` event.
   *
   * @param request - the actor, the partner, the user's address, the client
   * @returns the assignment as stored and whether access was requested, or why not
   * @example
   * ```ts
   * await service.assignClient({ actor: manager, partnerId: "acme", email: "jane@acme.com", clientId: 42 });
   * //=> { ok: true, value: { assignment: { id: "1", …, value: { status: "pending_access", … } }, clientAccessRequested: true, events: [{ type: "client_assigned", … }, { type: "client_access_requested", … }] } }
   * ```
   */
  assignClient(request: AssignClientRequest): Reply<AssignedClient, AssignClientServiceError>;

  /**
   * Assigns many clients to one employee, a result per client in request
   * order; refused items do not stop the others.
   *
   * @param request - the actor, the partner, the user's address, the clients
   * @returns a result per client, or why the whole request was refused
   * @example
   * ```ts
   * const r = await service.assignClients({ actor: manager, partnerId: "acme", email: "jane@acme.com", clientIds: [42, 43] });
   * r.ok && r.value.results.map((x) => x.result.ok); //=> [true, true]
   * ```
   */
  assignClients(
    request: AssignClientsRequest,
  ): Reply<BulkAssignSuccess<{ readonly clientId: ClientId }>, BulkAssignServiceError>;

  /**
   * Assigns many employees to one client, a result per address in request
   * order; refused items do not stop the others.
   *
   * @param request - the actor, the partner, the client, the addresses
   * @returns a result per address, or why the whole request was refused
   * @example
   * ```ts
   * const r = await service.assignEmployees({ actor: manager, partnerId: "acme", clientId: 42, emails: ["jane@acme.com", "x@acme.com"] });
   * r.ok && r.value.results.map((x) => (x.result.ok ? "ok" : x.result.error.code)); //=> ["ok", "user_not_found"]
   * ```
   */
  assignEmployees(
    request: AssignEmployeesRequest,
  ): Reply<BulkAssignSuccess<{ readonly email: string }>, BulkAssignServiceError>;

  /**
   * Records that the client's admin added the employee to its portal: the
   * pending assignment becomes active. Only a super admin of that client's
   * portal may do it.
   *
   * @param request - the client's actor, the partner, the client, the user's address
   * @returns the assignment as stored, or why not
   * @example
   * ```ts
   * await service.grantPortalAccess({ actor: clientAdmin, partnerId: "acme", clientId: 42, email: "jane@acme.com" });
   * //=> { ok: true, value: { assignment: { …, value: { status: "active", … } }, events: [{ type: "portal_access_granted", … }] } }
   * ```
   */
  grantPortalAccess(
    request: GrantPortalAccessRequest,
  ): Reply<AssignmentChanged, GrantPortalAccessServiceError>;

  /**
   * Removes an employee's access to a client, confirmed by typing `REMOVE`;
   * the address is unlinked from the client.
   *
   * @param request - the actor, the partner, the client, the user's address, the confirmation
   * @returns the assignment as stored, or why not
   * @example
   * ```ts
   * await service.removeClientAccess({ actor: manager, partnerId: "acme", clientId: 42, email: "jane@acme.com", confirmation: "REMOVE" });
   * //=> { ok: true, value: { assignment: { …, value: { status: "removed", … } }, events: [{ type: "client_access_removed", … }] } }
   * ```
   */
  removeClientAccess(
    request: RemoveClientAccessRequest,
  ): Reply<AssignmentChanged, RemoveClientAccessServiceError>;

  /**
   * Removes several employees' access to one client, confirmed once by
   * typing `REMOVE`, a result per address in request order.
   *
   * @param request - the actor, the partner, the client, the addresses, the confirmation
   * @returns a result per address, or why the whole request was refused
   * @example
   * ```ts
   * const r = await service.removeEmployeesAccess({ actor: manager, partnerId: "acme", clientId: 42, emails: ["jane@acme.com"], confirmation: "REMOVE" });
   * r.ok && r.value.results[0].result.ok; //=> true
   * ```
   */
  removeEmployeesAccess(
    request: RemoveEmployeesAccessRequest,
  ): Reply<RemoveEmployeesAccessSuccess, RemoveEmployeesAccessError>;

  /**
   * Removes a user from the partner account: every pending or active
   * assignment of theirs is revoked at once and their addresses unlinked;
   * the user is kept with `inPartnerAccount: false`.
   *
   * @param request - the actor, the partner, the user's address
   * @returns the user as stored and the revoked assignments, or why not
   * @example
   * ```ts
   * const r = await service.removeEmployee({ actor: manager, partnerId: "acme", email: "jane@acme.com" });
   * r.ok && r.value.revoked.length; //=> 2
   * ```
   */
  removeEmployee(
    request: EmployeeRequest,
  ): Reply<RemoveEmployeeSuccess, RemoveEmployeeServiceError>;

  /**
   * The same use case as `removeEmployee`, under the name of account
   * management: the user leaves the partner account, which revokes every
   * assignment of theirs at once.
   *
   * @param request - the actor, the partner, the user's address
   * @returns the user as stored and the revoked assignments, or why not
   * @example
   * ```ts
   * const r = await service.removePartnerUser({ actor: manager, partnerId: "acme", email: "jo@acme.com" });
   * r.ok && r.value.user.value.inPartnerAccount; //=> false
   * ```
   */
  removePartnerUser(
    request: EmployeeRequest,
  ): Reply<RemoveEmployeeSuccess, RemoveEmployeeServiceError>;

  /**
   * Adds a user to a partner account under the key the store computes from
   * the address, or brings back one who left.
   *
   * @param request - the actor, the partner, the address, optionally `tagged`
   * @returns the user as stored, or why not
   * @example
   * ```ts
   * await service.addPartnerUser({ actor: manager, partnerId: "acme", email: "Jo@Acme.com" });
   * //=> { ok: true, value: { user: { emailKey: "jo@acme.com", … }, readmitted: false, events: [{ type: "partner_user_added", … }] } }
   * ```
   */
  addPartnerUser(request: AddPartnerUserRequest): Reply<AddPartnerUserSuccess, AddPartnerUserError>;

  /**
   * Creates a partner account record, or changes its program or subdomain
   * matching (a super admin of that partner id).
   *
   * @param request - the actor, the partner, the program, optionally `matchSubdomains`
   * @returns the partner as stored, or why not
   * @example
   * ```ts
   * await service.savePartnerAccount({ actor: superAdmin, partnerId: "acme", program: "partner" });
   * //=> { ok: true, value: { partner: { value: { partnerId: "acme", program: "partner", employeeDomains: [] }, version: 1 }, created: true, … } }
   * ```
   */
  savePartnerAccount(
    request: SavePartnerAccountRequest,
  ): Reply<SavePartnerAccountSuccess, SavePartnerAccountError>;

  /**
   * Lists the users of a partner account with their classification and
   * Partner Seat eligibility (`view_partner_employees`).
   *
   * @param request - the actor, the partner
   * @returns the list, or why not
   * @example
   * ```ts
   * const r = await service.listPartnerEmployees({ actor: manager, partnerId: "acme" });
   * r.ok && r.value.counts.byKind.domain_match; //=> 1
   * ```
   */
  listPartnerEmployees(
    request: PartnerRequest,
  ): Reply<ListPartnerEmployeesSuccess, ReadPartnerError>;

  /**
   * A partner's domain status and Partner Seats (`view_partner_employees`).
   *
   * @param request - the actor, the partner
   * @returns the status and the seats, or why not
   * @example
   * ```ts
   * const r = await service.getEmployeeDomainStatus({ actor: manager, partnerId: "acme" });
   * r.ok && r.value.domainStatus.status; //=> "set"
   * ```
   */
  getEmployeeDomainStatus(
    request: PartnerRequest,
  ): Reply<EmployeeDomainStatusSuccess, ReadPartnerError>;

  /**
   * What setting new employee domains would do (`view_partner_employees`).
   *
   * @param request - the actor, the partner, the domains it would hold
   * @returns the preview, or why not
   * @example
   * ```ts
   * const r = await service.previewEmployeeDomains({ actor: manager, partnerId: "acme", domains: ["acme.io"] });
   * r.ok && r.value.preview.recognitionLost.length; //=> 1
   * ```
   */
  previewEmployeeDomains(
    request: PreviewEmployeeDomainsRequest,
  ): Reply<PreviewEmployeeDomainsSuccess, PreviewEmployeeDomainsError>;

  /**
   * Marks the partner's assignments whose `expiresAt` has come `expired`
   * and unlinks their addresses.
   *
   * @param request - the actor, the partner
   * @returns the expired assignments, or why not
   * @example
   * ```ts
   * const r = await service.expireDueAssignments({ actor: admin, partnerId: "acme" });
   * r.ok && r.value.expired.length; //=> 1
   * ```
   */
  expireDueAssignments(
    request: PartnerRequest,
  ): Reply<ExpireDueAssignmentsSuccess, ExpireDueAssignmentsError>;

  /**
   * The expiry reminders due in `(since, now]`, as
   * `assignment_expiry_reminder_due` events.
   *
   * @param request - the actor, the partner, the window
   * @returns the reminders, or why not
   * @example
   * ```ts
   * const r = await service.remindersDue({ actor: manager, partnerId: "acme", since: lastRun });
   * r.ok && r.value.window.now; //=> the time to pass as the next `since`
   * ```
   */
  remindersDue(request: RemindersDueRequest): Reply<RemindersDueSuccess, RemindersDueError>;

  /**
   * The partner's managed credit for a period, streamed from the
   * repository page by page, reading only what the period touches
   * (`view_partner_employees`).
   *
   * @param request - the actor, the partner, the period, optionally a currency table and `onProgress`
   * @returns the partner's credit, decisions and lost credit, or why not
   * @example
   * ```ts
   * const r = await service.attributeCredit({ actor: manager, partnerId: "acme", period: january });
   * r.ok && r.value.credit.points; //=> 5
   * ```
   */
  attributeCredit(
    request: AttributeCreditRequest,
  ): Reply<AttributeCreditSuccess, AttributeCreditServiceError>;
}
