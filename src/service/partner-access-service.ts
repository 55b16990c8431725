/**
 * The application service (design 2.6): the use cases of a partner program
 * over the caller's repository. Each one authorizes the actor (design 2.3),
 * validates the request, applies the pure rules of `access/`, `conflicts/`
 * and `attribution/`, writes through the repository all or nothing, and
 * returns the outcome with the events to record (design 2.7). Nothing here
 * throws: every failure is a value.
 *
 * @module
 */

import {
  type AssignClientSuccess,
  assignClient as assignClientRule,
  assignClients as assignClientsRule,
  assignEmployees as assignEmployeesRule,
  type BulkAssignError,
  grantPortalAccess as grantPortalAccessRule,
  removeClientAccess as removeClientAccessRule,
  removeEmployee as removeEmployeeRule,
} from "../access/assignment.js";
import {
  type Action,
  type Actor,
  authorize,
  type ClientActor,
  type ForbiddenError,
} from "../access/authorization.js";
import {
  attributeManagedCredit,
  type CreditDecision,
  type LostCredit,
  type PartnerCredit,
} from "../attribution/managed-credit.js";
import type { CurrencyTable } from "../attribution/money.js";
import { type DomainConflict, detectDomainConflicts } from "../conflicts/domain-conflicts.js";
import { checkEmailLink, type EmailConflict } from "../conflicts/email-conflicts.js";
import { parseEmailAddress } from "../domain/email-address.js";
import type { DomainIssue } from "../domain/email-domain.js";
import { parsePartnerEmployeeDomain } from "../domain/partner-employee-domain.js";
import type { SharedDomainList, SharedDomainListOptions } from "../domain/shared-domains.js";
import type {
  Activity,
  Assignment,
  ClientId,
  Partner,
  PartnerId,
  PartnerUser,
  Period,
  Timestamp,
} from "../model.js";
import type {
  AssignmentRecord,
  InvalidRecord,
  PartnerAccessRepository,
  RepositoryTransaction,
  UserRecord,
  Versioned,
} from "../ports/repository.js";
import { err, type IssuePath, ok, type Result } from "../result.js";
import type {
  AlreadyAssignedError,
  AssignClientServiceError,
  AssignItemError,
  AssignmentNotFoundError,
  AttributeCreditServiceError,
  BulkAssignServiceError,
  DomainConflictRefusal,
  EmailConflictRefusal,
  GrantPortalAccessServiceError,
  InvalidEmailError,
  InvalidRequestError,
  PartnerNotFoundError,
  RemoveClientAccessServiceError,
  RemoveEmployeeServiceError,
  SetEmployeeDomainsError,
  TagEmployeeError,
  UnexpectedError,
  UserNotFoundError,
  VersionConflictError,
} from "./errors.js";
import type { PartnerAccessEvent } from "./events.js";
import { inUnitOfWork, unexpectedError, type Work } from "./unit-of-work.js";

// ---- public types --------------------------------------------------------------

/**
 * Options of {@link createPartnerAccessService}.
 *
 * @example
 * ```ts
 * const options: PartnerAccessServiceOptions = {
 *   repository: createInMemoryRepository(),
 *   clock: () => Date.UTC(2026, 0, 1),
 *   sharedDomains: { add: ["acme-mail.com"] },
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
}

/**
 * The outcome of a use case: its value and the events to record, or an
 * error.
 *
 * @example
 * ```ts
 * const r: ServiceResult<{ changed: boolean }, TagEmployeeError> = ok({ changed: false, events: [] });
 * ```
 */
export type ServiceResult<T, E> = Result<T & { readonly events: PartnerAccessEvent[] }, E>;

/**
 * The request of `setEmployeeDomains`: the partner's new list of employee
 * domains, first is primary (an empty list removes them all).
 *
 * @example
 * ```ts
 * const request: SetEmployeeDomainsRequest = { actor, partnerId: "acme", domains: ["acme.com", "acme.de"] };
 * ```
 */
export interface SetEmployeeDomainsRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly domains: readonly string[];
}

/**
 * What `setEmployeeDomains` did: the partner as stored, and the domains it
 * claimed and released.
 *
 * @example
 * ```ts
 * const s: SetEmployeeDomainsSuccess = { partner, claimed: ["acme.de"], released: [] };
 * ```
 */
export interface SetEmployeeDomainsSuccess {
  readonly partner: Versioned<Partner>;
  readonly claimed: readonly string[];
  readonly released: readonly string[];
}

/**
 * A request about one user of a partner account.
 *
 * @example
 * ```ts
 * const request: EmployeeRequest = { actor, partnerId: "acme", email: "jane@acme.com" };
 * ```
 */
export interface EmployeeRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  /** The user's address, in any letter case. */
  readonly email: string;
}

/**
 * What `tagEmployee` and `untagEmployee` did: the user as stored, and
 * whether it changed (tagging a tagged user changes nothing).
 *
 * @example
 * ```ts
 * const s: TagEmployeeSuccess = { user, changed: true };
 * ```
 */
export interface TagEmployeeSuccess {
  readonly user: UserRecord;
  readonly changed: boolean;
}

/**
 * The request of `assignClient`: one employee, one client.
 *
 * @example
 * ```ts
 * const request: AssignClientRequest = { actor, partnerId: "acme", email: "jane@acme.com", clientId: 42 };
 * ```
 */
export interface AssignClientRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly email: string;
  readonly clientId: ClientId;
  /** Whether the user already is in the client's portal (then no request goes to the client). */
  readonly hasPortalAccess?: boolean;
  readonly expiresAt?: Timestamp;
}

/**
 * One assignment made: as stored, and whether the client was asked to add
 * the user to its portal.
 *
 * @example
 * ```ts
 * const s: AssignedClient = { assignment: record, clientAccessRequested: true };
 * ```
 */
export interface AssignedClient {
  readonly assignment: AssignmentRecord;
  readonly clientAccessRequested: boolean;
}

/**
 * The request of `assignClients`: one employee, many clients (from the
 * employee's side).
 *
 * @example
 * ```ts
 * const request: AssignClientsRequest = { actor, partnerId: "acme", email: "jane@acme.com", clientIds: [42, 43] };
 * ```
 */
export interface AssignClientsRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly email: string;
  readonly clientIds: readonly ClientId[];
  /** The clients whose portal the user is already in: those start active. */
  readonly clientsWithPortalAccess?: readonly ClientId[];
  readonly expiresAt?: Timestamp;
}

/**
 * The request of `assignEmployees`: many employees, one client (from the
 * client's side).
 *
 * @example
 * ```ts
 * const request: AssignEmployeesRequest = { actor, partnerId: "acme", clientId: 42, emails: ["jane@acme.com"] };
 * ```
 */
export interface AssignEmployeesRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly emails: readonly string[];
  /** Addresses of users already in the client's portal: those start active. */
  readonly usersWithPortalAccess?: readonly string[];
  readonly expiresAt?: Timestamp;
}

/**
 * What a bulk assignment did: one result per item, in request order.
 *
 * @example
 * ```ts
 * const s: BulkAssignSuccess<{ readonly clientId: ClientId }> = { results: [{ clientId: 42, result: ok(assigned) }] };
 * ```
 */
export interface BulkAssignSuccess<Item> {
  readonly results: readonly (Item & {
    readonly result: Result<AssignedClient, AssignItemError>;
  })[];
}

/**
 * The request of `grantPortalAccess`: the client's admin adds the partner's
 * employee to its portal.
 *
 * @example
 * ```ts
 * const request: GrantPortalAccessRequest = {
 *   actor: { kind: "client", userId: "c-1", clientId: 42, superAdmin: true },
 *   partnerId: "acme", clientId: 42, email: "jane@acme.com",
 * };
 * ```
 */
export interface GrantPortalAccessRequest {
  readonly actor: ClientActor;
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly email: string;
}

/**
 * The request of `removeClientAccess`, confirmed by typing `REMOVE`.
 *
 * @example
 * ```ts
 * const request: RemoveClientAccessRequest = {
 *   actor, partnerId: "acme", clientId: 42, email: "jane@acme.com", confirmation: "REMOVE",
 * };
 * ```
 */
export interface RemoveClientAccessRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly email: string;
  readonly confirmation: string;
}

/**
 * One assignment changed, as stored.
 *
 * @example
 * ```ts
 * const s: AssignmentChanged = { assignment: record };
 * ```
 */
export interface AssignmentChanged {
  readonly assignment: AssignmentRecord;
}

/**
 * What `removeEmployee` did: the user as stored (out of the partner
 * account) and the assignments it revoked.
 *
 * @example
 * ```ts
 * const s: RemoveEmployeeSuccess = { user, revoked: [] };
 * ```
 */
export interface RemoveEmployeeSuccess {
  readonly user: UserRecord;
  readonly revoked: readonly AssignmentRecord[];
}

/**
 * The request of `attributeCredit`.
 *
 * @example
 * ```ts
 * const request: AttributeCreditRequest = {
 *   actor, partnerId: "acme", period: { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) },
 * };
 * ```
 */
export interface AttributeCreditRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly period: Period;
  readonly currencyTable?: CurrencyTable;
}

/**
 * The partner's managed credit for the period, with the decisions and lost
 * credit that concern it.
 *
 * @example
 * ```ts
 * const s: AttributeCreditSuccess = {
 *   credit: { partnerId: "acme", points: 0, managedMrr: [], clients: [] }, decisions: [], lostCredit: [],
 * };
 * ```
 */
export interface AttributeCreditSuccess {
  readonly credit: PartnerCredit;
  readonly decisions: readonly CreditDecision[];
  readonly lostCredit: readonly LostCredit[];
}

/**
 * The use cases of a partner program over a repository; make one with
 * {@link createPartnerAccessService}. Every method resolves (never rejects)
 * to a {@link ServiceResult}.
 *
 * @example
 * ```ts
 * const service: PartnerAccessService = createPartnerAccessService({ repository });
 * ```
 */
export interface PartnerAccessService {
  /**
   * Sets a partner's employee email domains (super admins only). Each is
   * parsed with `parsePartnerEmployeeDomain` (shared domains refused), every
   * refusal reported at once; duplicates after canonicalisation are dropped.
   * Each domain is claimed atomically, so no two partners hold one domain
   * even when they race; a domain under another partner's subdomain-matching
   * domain (or the other way round) is refused too, as `detectDomainConflicts`
   * sees it. Domains the partner held and no longer lists are released.
   *
   * @param request - the actor, the partner, the new list
   * @returns the partner as stored and the claims made and released, or why not
   * @example
   * ```ts
   * await service.setEmployeeDomains({ actor: superAdmin, partnerId: "acme", domains: ["Acme.com"] });
   * //=> { ok: true, value: { partner: { value: { …, employeeDomains: ["acme.com"] }, version: 2 }, claimed: ["acme.com"], released: [], events: [{ type: "employee_domain_set", … }] } }
   * ```
   */
  setEmployeeDomains(
    request: SetEmployeeDomainsRequest,
  ): Promise<ServiceResult<SetEmployeeDomainsSuccess, SetEmployeeDomainsError>>;

  /**
   * Tags a user as a partner employee (super admins and holders of
   * `manage_partner_employees`): only tagged users earn managed credit. A
   * user outside the partner account cannot be tagged; tagging a tagged user
   * changes nothing.
   *
   * @param request - the actor, the partner, the user's address
   * @returns the user as stored and whether it changed, or why not
   * @example
   * ```ts
   * await service.tagEmployee({ actor: manager, partnerId: "acme", email: "sam@acme.com" });
   * //=> { ok: true, value: { user: { …, value: { …, tagged: true } }, changed: true, events: [{ type: "employee_tagged", … }] } }
   * ```
   */
  tagEmployee(
    request: EmployeeRequest,
  ): Promise<ServiceResult<TagEmployeeSuccess, TagEmployeeError>>;

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
  untagEmployee(
    request: EmployeeRequest,
  ): Promise<ServiceResult<TagEmployeeSuccess, TagEmployeeError>>;

  /**
   * Assigns a client to a tagged employee (`assignClient` of design 2.3).
   * The address is linked to the client atomically: when another partner
   * already links it, the assignment is refused with the conflict (its
   * holder and the ways out) and an `email_conflict_refused` event, even when
   * both partners assign at the same moment from different servers.
   *
   * @param request - the actor, the partner, the user's address, the client
   * @returns the assignment as stored and whether access was requested, or why not
   * @example
   * ```ts
   * await service.assignClient({ actor: manager, partnerId: "acme", email: "jane@acme.com", clientId: 42 });
   * //=> { ok: true, value: { assignment: { id: "1", …, value: { status: "pending_access", … } }, clientAccessRequested: true, events: [{ type: "client_assigned", … }, { type: "client_access_requested", … }] } }
   * ```
   */
  assignClient(
    request: AssignClientRequest,
  ): Promise<ServiceResult<AssignedClient, AssignClientServiceError>>;

  /**
   * Assigns many clients to one employee, a result per client in request
   * order (`assignClients` of design 2.3: repeated clients are refused as
   * `duplicate_in_request`). Refused items do not stop the others; a
   * repository failure undoes the whole call.
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
  ): Promise<
    ServiceResult<BulkAssignSuccess<{ readonly clientId: ClientId }>, BulkAssignServiceError>
  >;

  /**
   * Assigns many employees to one client, a result per address in request
   * order (`assignEmployees` of design 2.3). Addresses that are invalid or
   * not users of the partner get their own refusal.
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
  ): Promise<ServiceResult<BulkAssignSuccess<{ readonly email: string }>, BulkAssignServiceError>>;

  /**
   * Records that the client's admin added the employee to its portal: the
   * pending assignment becomes active. Only a super admin of that client's
   * portal may do it (design 2.3: only the client decides who is in its
   * portal).
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
  ): Promise<ServiceResult<AssignmentChanged, GrantPortalAccessServiceError>>;

  /**
   * Removes an employee's access to a client, confirmed by typing `REMOVE`;
   * the address is unlinked from the client, so another partner may link it.
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
  ): Promise<ServiceResult<AssignmentChanged, RemoveClientAccessServiceError>>;

  /**
   * Removes a user from the partner account: every pending or active
   * assignment of theirs is revoked at once (`removeEmployee` of design
   * 2.3), their addresses unlinked, and the user marked outside the account.
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
  ): Promise<ServiceResult<RemoveEmployeeSuccess, RemoveEmployeeServiceError>>;

  /**
   * Computes the partner's managed credit for a period with
   * `attributeManagedCredit`, over every partner, client, user and
   * assignment in the repository and the period's activities (credit is
   * split between all servicing partners, so all are read). Needs
   * `view_partner_employees`; returns only what concerns the actor's partner.
   * Writes nothing.
   *
   * @param request - the actor, the partner, the period, optionally a currency table
   * @returns the partner's credit, decisions and lost credit, or why not
   * @example
   * ```ts
   * const r = await service.attributeCredit({ actor: manager, partnerId: "acme", period: january });
   * r.ok && r.value.credit.points; //=> 5
   * ```
   */
  attributeCredit(
    request: AttributeCreditRequest,
  ): Promise<ServiceResult<AttributeCreditSuccess, AttributeCreditServiceError>>;
}

// ---- helpers ------------------------------------------------------------------------

type Request = Record<string, unknown>;

function isRecord(value: unknown): value is Request {
  return typeof value === "object" && value !== null;
}

function invalidRequest(field: string, input: unknown, message: string): InvalidRequestError {
  return { code: "invalid_request", message, field, input };
}

// A plain copy of the (authorized) actor for events: JSON-friendly, and safe
// from later mutation of the caller's object.
function actorOf(actor: Actor | ClientActor): Actor | ClientActor {
  if ("kind" in actor && actor.kind === "client") {
    return {
      kind: "client",
      userId: actor.userId,
      clientId: actor.clientId,
      superAdmin: actor.superAdmin,
    };
  }
  const a = actor as Actor;
  return {
    userId: a.userId,
    partnerId: a.partnerId,
    superAdmin: a.superAdmin === true,
    permissions: Array.isArray(a.permissions) ? [...a.permissions] : [],
  };
}

function parseKey(input: unknown): Result<string, InvalidEmailError> {
  const parsed = parseEmailAddress(input);
  if (parsed.ok) return ok(parsed.value.key);
  return err({
    code: "invalid_email",
    message: `The email address is not valid: ${parsed.error.message}`,
    input,
    emailIssue: parsed.error,
  });
}

function isClientId(value: unknown): value is ClientId {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function partnerNotFound(partnerId: PartnerId): PartnerNotFoundError {
  return {
    code: "partner_not_found",
    message: `There is no partner ${JSON.stringify(partnerId)}.`,
    partnerId,
  };
}

function userNotFound(partnerId: PartnerId, email: string): UserNotFoundError {
  return {
    code: "user_not_found",
    message: `${email} is not a user of partner ${JSON.stringify(partnerId)}.`,
    partnerId,
    email,
  };
}

function assignmentNotFound(
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

function alreadyAssigned(assignment: AssignmentRecord): AlreadyAssignedError {
  const a = assignment.value;
  return {
    code: "already_assigned",
    message: `${a.email} is already assigned to client ${a.clientId} (${a.status}).`,
    assignment,
  };
}

function versionConflict(
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

// The service checks every record before it writes it, so a store that
// refuses one points at a bug: the use case ends as unexpected_error.
function accepted<O extends { readonly status: string }>(outcome: O): Exclude<O, InvalidRecord> {
  if (outcome.status === "invalid_record") {
    const issues = (outcome as unknown as InvalidRecord).issues;
    throw new TypeError(
      `The repository refused a record: ${issues.map((i) => i.message).join(" ")}`,
    );
  }
  return outcome as Exclude<O, InvalidRecord>;
}

// Every activity of a period, page after page.
async function activitiesOf(repo: RepositoryTransaction, period: Period): Promise<Activity[]> {
  const all: Activity[] = [];
  let after: string | null = null;
  do {
    const page = await repo.listActivities(period, { after, limit: 10_000 });
    if (page.status !== "page") throw new TypeError("The repository refused its own cursor.");
    all.push(...page.activities);
    after = page.next;
  } while (after !== null);
  return all;
}

/**
 * Creates the service over a repository. The clock is read once per use
 * case, and nowhere else.
 *
 * @param options - the repository, and optionally the clock and the shared-domain list
 * @returns the service
 * @example
 * ```ts
 * import { createInMemoryRepository } from "partner-access/testing";
 * const service = createPartnerAccessService({ repository: createInMemoryRepository() });
 * const r = await service.tagEmployee({ actor, partnerId: "acme", email: "jane@acme.com" });
 * if (!r.ok) r.error.code; //=> "user_not_found" (the repository is empty)
 * ```
 */
export function createPartnerAccessService(
  options: PartnerAccessServiceOptions,
): PartnerAccessService {
  const repository = (
    isRecord(options) ? options.repository : undefined
  ) as PartnerAccessRepository;
  const clock = isRecord(options) && typeof options.clock === "function" ? options.clock : Date.now;
  const sharedDomains = isRecord(options) ? options.sharedDomains : undefined;
  const domainOptions = sharedDomains === undefined ? undefined : { sharedDomains };

  // The common start of a use case: the request is an object, the actor may
  // do `action` on the target, and the clock gives a usable time.
  function begin(
    request: unknown,
    action: Action,
    target: (r: Request) => { partnerId: PartnerId; clientId?: ClientId },
  ): Result<{ r: Request; actor: Actor | ClientActor; now: Timestamp }, CommonError> {
    if (!isRecord(request)) {
      return err(invalidRequest("", request, "The request must be an object."));
    }
    const actor = request.actor as Actor | ClientActor;
    const allowed = authorize(actor, action, target(request));
    if (!allowed.ok) return allowed;
    const now = clock();
    if (!Number.isSafeInteger(now)) {
      return err(unexpectedError(new TypeError(`The clock returned ${String(now)}, not a time.`)));
    }
    return ok({ r: request, actor: actorOf(actor), now });
  }

  // Catches what escapes a use case (a caller's getter, a bug): nothing throws.
  async function safely<R>(run: () => Promise<R>): Promise<R | Result<never, UnexpectedError>> {
    try {
      return await run();
    } catch (cause) {
      return err(unexpectedError(cause));
    }
  }

  // ---- assign: one assignment that the pure rule accepted ----

  async function persist(
    work: Work,
    partner: Partner,
    emailKey: string,
    made: AssignClientSuccess,
    context: { actor: Actor | ClientActor; now: Timestamp; events: PartnerAccessEvent[] },
  ): Promise<Result<AssignedClient, AlreadyAssignedError | EmailConflict>> {
    const repo = work.repository;
    const candidate = made.assignment;
    const { clientId, partnerId } = candidate;
    const refuse = (conflict: EmailConflict) => {
      context.events.push({
        type: "email_conflict_refused",
        at: context.now,
        actor: context.actor,
        partnerId,
        clientId,
        email: conflict.email,
        holder: conflict.holder,
      });
      return err(conflict);
    };
    // What is stored first: the partner's own live assignment, or another
    // partner's live one even when its link is missing (imported data).
    const live = await repo.listAssignments({ clientId, emailKey, live: true });
    const own = live.find((a) => a.value.partnerId === partnerId);
    if (own !== undefined) return err(alreadyAssigned(own));
    const stored = checkEmailLink(
      live.map((a) => a.value),
      candidate,
      partner,
    );
    if (!stored.ok) return refuse(stored.error);

    // The atomic link decides between partners that race.
    const link = {
      clientId,
      emailKey,
      partnerId,
      email: candidate.email,
      linkedAt: candidate.assignedAt,
    };
    const linked = await repo.linkEmail(link);
    if (linked.status === "held_by_other") {
      const h = linked.holder;
      const holder: Assignment = {
        partnerId: h.partnerId,
        clientId,
        email: h.email,
        status: "pending_access",
        assignedAt: h.linkedAt,
      };
      // checkEmailLink reports the conflict; the holder's address as stored
      // is normally valid, else the candidate's (same key) stands in for it.
      let conflict = checkEmailLink([holder], candidate, partner);
      if (conflict.ok)
        conflict = checkEmailLink([{ ...holder, email: candidate.email }], candidate, partner);
      if (!conflict.ok) return refuse(conflict.error);
      throw new Error(`checkEmailLink found no conflict with the holder of ${emailKey}`);
    }
    const inserted = accepted(await repo.insertAssignment(candidate));
    if (inserted.status === "duplicate") return err(alreadyAssigned(inserted.existing));
    const record = inserted.record;
    const at = context.now;
    const actor = context.actor;
    context.events.push({
      type: "client_assigned",
      at,
      actor,
      assignmentId: record.id,
      assignment: record.value,
    });
    if (made.clientAccessRequested) {
      context.events.push({
        type: "client_access_requested",
        at,
        actor,
        assignmentId: record.id,
        partnerId,
        clientId,
        email: candidate.email,
      });
    }
    return ok({ assignment: record, clientAccessRequested: made.clientAccessRequested });
  }

  // Unlinks an address from a client when this partner holds the link.
  async function unlink(work: Work, a: AssignmentRecord): Promise<void> {
    const repo = work.repository;
    const link = await repo.getEmailLink(a.value.clientId, a.emailKey);
    if (link === null || link.partnerId !== a.value.partnerId) return;
    await repo.unlinkEmail(link);
  }

  // Writes a changed assignment.
  async function update(
    work: Work,
    previous: AssignmentRecord,
    next: Assignment,
  ): Promise<Result<AssignmentRecord, VersionConflictError>> {
    const repo = work.repository;
    const written = accepted(await repo.updateAssignment(previous.id, next, previous.version));
    if (written.status === "version_conflict")
      return err(versionConflict("assignment", previous.id));
    return ok(written.record);
  }

  // The live assignment of one partner, client and address (at most one).
  async function liveAssignment(
    work: Work,
    partnerId: PartnerId,
    clientId: ClientId,
    emailKey: string,
  ): Promise<AssignmentRecord | undefined> {
    const live = await work.repository.listAssignments({
      partnerId,
      clientId,
      emailKey,
      live: true,
    });
    return live[0];
  }

  const partnerTarget = (r: Request) => ({ partnerId: r.partnerId as PartnerId });

  async function tag(
    request: EmployeeRequest,
    tagged: boolean,
  ): Promise<ServiceResult<TagEmployeeSuccess, TagEmployeeError>> {
    return safely(async () => {
      const started = begin(request, "tag_employee", partnerTarget);
      if (!started.ok) return started;
      const { r, actor, now } = started.value;
      const partnerId = r.partnerId as PartnerId;
      const key = parseKey(r.email);
      if (!key.ok) return key;
      return inUnitOfWork(repository, async (work) => {
        const found = await work.repository.getUser(partnerId, key.value);
        if (found === null) return err(userNotFound(partnerId, key.value));
        const user = found.value;
        if (tagged && user.inPartnerAccount === false) {
          return err({
            code: "not_in_partner_account",
            message: `${user.email} is no longer a user of the partner account, so it cannot be tagged.`,
            partnerId,
            email: user.email,
          } as const);
        }
        if (user.tagged === tagged) return ok({ user: found, changed: false, events: [] });
        const saved = accepted(await work.repository.saveUser({ ...user, tagged }, found.version));
        if (saved.status === "version_conflict") {
          return err(versionConflict("user", `${partnerId}/${key.value}`));
        }
        const type = tagged ? "employee_tagged" : "employee_untagged";
        return ok({
          user: saved.record,
          changed: true,
          events: [{ type, at: now, actor, partnerId, email: user.email }],
        });
      });
    });
  }

  // Reads the partner and the user for an assignment.
  async function partnerAndUser(
    work: Work,
    partnerId: PartnerId,
    emailKey: string,
  ): Promise<
    Result<{ partner: Partner; user: PartnerUser }, PartnerNotFoundError | UserNotFoundError>
  > {
    const partner = await work.repository.getPartner(partnerId);
    if (partner === null) return err(partnerNotFound(partnerId));
    const user = await work.repository.getUser(partnerId, emailKey);
    if (user === null) return err(userNotFound(partnerId, emailKey));
    return ok({ partner: partner.value, user: user.value });
  }

  // ---- the use cases ----

  return {
    setEmployeeDomains: (request) =>
      safely(async () => {
        const started = begin(request, "update_employee_domain", partnerTarget);
        if (!started.ok) return started;
        const { r, actor, now } = started.value;
        const partnerId = r.partnerId as PartnerId;
        if (!Array.isArray(r.domains)) {
          return err(
            invalidRequest("domains", r.domains, "domains must be an array of domain names."),
          );
        }
        const domains: string[] = [];
        const issues: { index: number; input: unknown; issue: DomainIssue }[] = [];
        (r.domains as unknown[]).forEach((input, index) => {
          const parsed = parsePartnerEmployeeDomain(input, domainOptions);
          if (!parsed.ok) issues.push({ index, input, issue: parsed.error });
          else if (!domains.includes(parsed.value)) domains.push(parsed.value);
        });
        if (issues.length > 0) {
          return err({
            code: "invalid_employee_domains",
            message: `${issues.length === 1 ? "A domain is" : `${issues.length} domains are`} not acceptable as employee domains; see issues.`,
            issues,
          } as const);
        }
        return inUnitOfWork(repository, async (work) => {
          const repo = work.repository;
          const stored = await repo.getPartner(partnerId);
          if (stored === null) return err(partnerNotFound(partnerId));
          const claims = await repo.listDomainClaims();
          const partners = await repo.listPartners();
          const held = claims.filter((c) => c.partnerId === partnerId);
          const refuse = (conflict: DomainConflict) => {
            const h = conflict.holder;
            const refusal: DomainConflictRefusal = {
              ...conflict,
              events: [
                {
                  type: "domain_claim_refused",
                  at: now,
                  actor,
                  partnerId,
                  domain: conflict.domain,
                  holder: {
                    domain: h.domain,
                    partnerId: h.partnerId,
                    claimedAt: h.claimedAt,
                    matchSubdomains: h.matchSubdomains === true,
                  },
                },
              ],
            };
            return err(refusal);
          };

          // rule (design 2.4): checked on what is stored, including
          // overlaps through subdomain matching …
          const matches = new Map(
            partners.map((p) => [p.value.partnerId, p.value.matchSubdomains === true]),
          );
          matches.set(partnerId, stored.value.matchSubdomains === true);
          const heldAt = new Map(held.map((c) => [c.domain, c.claimedAt]));
          const proposed = [
            ...claims.filter((c) => c.partnerId !== partnerId),
            ...domains.map((domain) => ({
              domain,
              partnerId,
              claimedAt: heldAt.get(domain) ?? now,
            })),
          ].map((c) => ({ ...c, matchSubdomains: matches.get(c.partnerId) === true }));
          const overlap = detectDomainConflicts(proposed).find((c) =>
            c.contenders.some((p) => p.partnerId === partnerId),
          );
          if (overlap !== undefined) return refuse(overlap);

          // … and decided atomically by the claims, between partners that race.
          const claimed: string[] = [];
          for (const domain of domains) {
            const outcome = accepted(
              await repo.claimDomain({
                domain,
                partnerId,
                claimedAt: now,
                matchSubdomains: matches.get(partnerId) === true,
              }),
            );
            if (outcome.status === "held_by_other") {
              const h = outcome.holder;
              return refuse({
                code: "domain_claimed_by_another_partner",
                message: `${domain} is already claimed by partner ${JSON.stringify(h.partnerId)}; partner ${JSON.stringify(partnerId)} cannot claim it.`,
                domain,
                holder: h,
                contenders: [
                  {
                    domain,
                    partnerId,
                    claimedAt: now,
                    matchSubdomains: matches.get(partnerId) === true,
                  },
                ],
              });
            }
            if (outcome.status === "claimed") claimed.push(domain);
          }
          const released: string[] = [];
          for (const claim of held) {
            if (domains.includes(claim.domain)) continue;
            const outcome = await repo.releaseDomain(claim.domain, partnerId);
            if (outcome.status !== "released") continue;
            released.push(claim.domain);
          }
          const previousDomains = stored.value.employeeDomains;
          let partner = stored;
          if (!sameList(previousDomains, domains)) {
            const saved = accepted(
              await repo.savePartner({ ...stored.value, employeeDomains: domains }, stored.version),
            );
            if (saved.status === "version_conflict")
              return err(versionConflict("partner", partnerId));
            partner = saved.record;
          } else if (claimed.length === 0 && released.length === 0) {
            return ok({ partner, claimed, released, events: [] });
          }
          return ok({
            partner,
            claimed,
            released,
            events: [
              {
                type: "employee_domain_set",
                at: now,
                actor,
                partnerId,
                domains,
                previousDomains: [...previousDomains],
                claimed,
                released,
              },
            ],
          });
        });
      }),

    tagEmployee: (request) => tag(request, true),
    untagEmployee: (request) => tag(request, false),

    assignClient: (request) =>
      safely(async () => {
        const started = begin(request, "assign_client", partnerTarget);
        if (!started.ok) return started;
        const { r, actor, now } = started.value;
        const partnerId = r.partnerId as PartnerId;
        const key = parseKey(r.email);
        if (!key.ok) return key;
        return inUnitOfWork(repository, async (work) => {
          const found = await partnerAndUser(work, partnerId, key.value);
          if (!found.ok) return found;
          const made = assignClientRule({
            user: found.value.user,
            clientId: r.clientId as ClientId,
            now,
            hasPortalAccess: r.hasPortalAccess === true,
            ...(r.expiresAt === undefined ? {} : { expiresAt: r.expiresAt as Timestamp }),
          });
          if (!made.ok) return made;
          const events: PartnerAccessEvent[] = [];
          const result = await persist(work, found.value.partner, key.value, made.value, {
            actor,
            now,
            events,
          });
          if (!result.ok) {
            const error = result.error;
            if (error.code === "email_linked_to_another_partner") {
              const refusal: EmailConflictRefusal = { ...error, events };
              return err(refusal);
            }
            return err(error);
          }
          return ok({ ...result.value, events });
        });
      }),

    assignClients: (request) =>
      safely(async () => {
        const started = begin(request, "assign_client", partnerTarget);
        if (!started.ok) return started;
        const { r, actor, now } = started.value;
        const partnerId = r.partnerId as PartnerId;
        if (!Array.isArray(r.clientIds)) {
          return err(
            invalidRequest("clientIds", r.clientIds, "clientIds must be an array of HubIDs."),
          );
        }
        const key = parseKey(r.email);
        if (!key.ok) return key;
        return inUnitOfWork(repository, async (work) => {
          const found = await partnerAndUser(work, partnerId, key.value);
          if (!found.ok) return found;
          const planned = assignClientsRule({
            user: found.value.user,
            clientIds: r.clientIds as ClientId[],
            now,
            ...(Array.isArray(r.clientsWithPortalAccess)
              ? { clientsWithPortalAccess: r.clientsWithPortalAccess as ClientId[] }
              : {}),
            ...(r.expiresAt === undefined ? {} : { expiresAt: r.expiresAt as Timestamp }),
          });
          const events: PartnerAccessEvent[] = [];
          const results: { clientId: ClientId; result: Result<AssignedClient, AssignItemError> }[] =
            [];
          for (const item of planned.results) {
            const result: Result<AssignedClient, AssignItemError> = item.result.ok
              ? await persist(work, found.value.partner, key.value, item.result.value, {
                  actor,
                  now,
                  events,
                })
              : item.result;
            results.push({ clientId: item.clientId, result });
          }
          return ok({ results, events });
        });
      }),

    assignEmployees: (request) =>
      safely(async () => {
        const started = begin(request, "assign_client", partnerTarget);
        if (!started.ok) return started;
        const { r, actor, now } = started.value;
        const partnerId = r.partnerId as PartnerId;
        if (!Array.isArray(r.emails)) {
          return err(invalidRequest("emails", r.emails, "emails must be an array of addresses."));
        }
        if (!isClientId(r.clientId)) {
          return err(
            invalidRequest("clientId", r.clientId, "clientId must be a HubID, a positive integer."),
          );
        }
        const clientId = r.clientId;
        const emails = r.emails as unknown[];
        return inUnitOfWork(repository, async (work) => {
          const partner = await work.repository.getPartner(partnerId);
          if (partner === null) return err(partnerNotFound(partnerId));
          const users = new Map(
            (await work.repository.listUsers({ partnerId })).map((u) => [u.emailKey, u.value]),
          );
          // Items the pure rule cannot see (bad address, unknown user) are
          // answered here; the others go through assignEmployees together.
          const early: (Result<never, AssignItemError> | undefined)[] = [];
          const known: { index: number; user: PartnerUser; key: string }[] = [];
          emails.forEach((email, index) => {
            const key = parseKey(email);
            if (!key.ok) early[index] = key;
            else {
              const user = users.get(key.value);
              if (user === undefined) early[index] = err(userNotFound(partnerId, key.value));
              else known.push({ index, user, key: key.value });
            }
          });
          const planned = assignEmployeesRule({
            users: known.map((k) => k.user),
            clientId,
            now,
            ...(Array.isArray(r.usersWithPortalAccess)
              ? { usersWithPortalAccess: r.usersWithPortalAccess as string[] }
              : {}),
            ...(r.expiresAt === undefined ? {} : { expiresAt: r.expiresAt as Timestamp }),
          });
          const events: PartnerAccessEvent[] = [];
          const late = new Map<number, Result<AssignedClient, AssignItemError>>();
          for (const [i, item] of planned.results.entries()) {
            const k = known[i]!;
            const result = item.result;
            late.set(
              k.index,
              result.ok
                ? await persist(work, partner.value, k.key, result.value, { actor, now, events })
                : (renumber(result.error, known) as Result<never, AssignItemError>),
            );
          }
          const results = emails.map((email, index) => ({
            email: email as string,
            result: (early[index] ?? late.get(index))!,
          }));
          return ok({ results, events });
        });
      }),

    grantPortalAccess: (request) =>
      safely(async () => {
        const started = begin(request, "grant_portal_access", (r) => ({
          partnerId: r.partnerId as PartnerId,
          clientId: r.clientId as ClientId,
        }));
        if (!started.ok) return started;
        const { r, actor, now } = started.value;
        const partnerId = r.partnerId as PartnerId;
        const clientId = r.clientId as ClientId;
        const key = parseKey(r.email);
        if (!key.ok) return key;
        return inUnitOfWork(repository, async (work) => {
          const current = await liveAssignment(work, partnerId, clientId, key.value);
          if (current === undefined) return err(assignmentNotFound(partnerId, clientId, key.value));
          const next = grantPortalAccessRule(current.value, now);
          if (!next.ok) return next;
          const written = await update(work, current, next.value);
          if (!written.ok) return written;
          const assignment = written.value;
          return ok({
            assignment,
            events: [
              {
                type: "portal_access_granted",
                at: now,
                actor,
                assignmentId: assignment.id,
                assignment: assignment.value,
              },
            ],
          });
        });
      }),

    removeClientAccess: (request) =>
      safely(async () => {
        const started = begin(request, "remove_client_access", partnerTarget);
        if (!started.ok) return started;
        const { r, actor, now } = started.value;
        const partnerId = r.partnerId as PartnerId;
        if (!isClientId(r.clientId)) {
          return err(
            invalidRequest("clientId", r.clientId, "clientId must be a HubID, a positive integer."),
          );
        }
        const clientId = r.clientId;
        const key = parseKey(r.email);
        if (!key.ok) return key;
        return inUnitOfWork(repository, async (work) => {
          const current = await liveAssignment(work, partnerId, clientId, key.value);
          if (current === undefined) return err(assignmentNotFound(partnerId, clientId, key.value));
          const next = removeClientAccessRule(current.value, r.confirmation as string, now);
          if (!next.ok) return next;
          // Unlink first: a crash in between leaves a live assignment, which
          // still refuses other partners, rather than a link nobody can free.
          await unlink(work, current);
          const written = await update(work, current, next.value);
          if (!written.ok) return written;
          const assignment = written.value;
          return ok({
            assignment,
            events: [
              {
                type: "client_access_removed",
                at: now,
                actor,
                assignmentId: assignment.id,
                assignment: assignment.value,
              },
            ],
          });
        });
      }),

    removeEmployee: (request) =>
      safely(async () => {
        const started = begin(request, "remove_employee", partnerTarget);
        if (!started.ok) return started;
        const { r, actor, now } = started.value;
        const partnerId = r.partnerId as PartnerId;
        const key = parseKey(r.email);
        if (!key.ok) return key;
        return inUnitOfWork(repository, async (work) => {
          const repo = work.repository;
          const found = await repo.getUser(partnerId, key.value);
          if (found === null) return err(userNotFound(partnerId, key.value));
          const live = await repo.listAssignments({ partnerId, emailKey: key.value, live: true });
          const { assignments } = removeEmployeeRule(
            { partnerId, email: found.value.email },
            live.map((a) => a.value),
            now,
          );
          const events: PartnerAccessEvent[] = [];
          const revoked: AssignmentRecord[] = [];
          for (const [i, current] of live.entries()) {
            const next = assignments[i]!;
            if (next === current.value) continue;
            await unlink(work, current);
            const written = await update(work, current, next);
            if (!written.ok) return written;
            revoked.push(written.value);
            events.push({
              type: "client_access_removed",
              at: now,
              actor,
              assignmentId: written.value.id,
              assignment: written.value.value,
            });
          }
          let user = found;
          if (found.value.inPartnerAccount !== false) {
            const saved = accepted(
              await repo.saveUser({ ...found.value, inPartnerAccount: false }, found.version),
            );
            if (saved.status === "version_conflict") {
              return err(versionConflict("user", `${partnerId}/${key.value}`));
            }
            user = saved.record;
          } else if (revoked.length === 0) {
            return ok({ user, revoked, events: [] });
          }
          events.push({
            type: "employee_removed",
            at: now,
            actor,
            partnerId,
            email: found.value.email,
            revokedAssignmentIds: revoked.map((a) => a.id),
          });
          return ok({ user, revoked, events });
        });
      }),

    attributeCredit: (request) =>
      safely(async () => {
        const started = begin(request, "view_partner_employees", partnerTarget);
        if (!started.ok) return started;
        const { r } = started.value;
        const partnerId = r.partnerId as PartnerId;
        const period = r.period as Period;
        const table =
          r.currencyTable === undefined ? {} : { currencyTable: r.currencyTable as CurrencyTable };
        // The period and the currency table are checked first, on no data,
        // so an invalid period never reaches the repository.
        const checked = attributeManagedCredit({
          period,
          partners: [],
          clients: [],
          users: [],
          assignments: [],
          activities: [],
          ...table,
        });
        if (!checked.ok) return checked;
        return inUnitOfWork(repository, async (work) => {
          const repo = work.repository;
          const partners = await repo.listPartners();
          if (!partners.some((p) => p.value.partnerId === partnerId))
            return err(partnerNotFound(partnerId));
          const attribution = attributeManagedCredit({
            period,
            partners: partners.map((p) => p.value),
            clients: await repo.listClients(),
            users: (await repo.listUsers()).map((u) => u.value),
            assignments: (await repo.listAssignments()).map((a) => a.value),
            activities: await activitiesOf(repo, period),
            ...table,
          });
          if (!attribution.ok) return attribution;
          const a = attribution.value;
          return ok({
            credit: a.partners.find((p) => p.partnerId === partnerId)!,
            decisions: a.decisions.filter((d) => d.partnerId === partnerId),
            lostCredit: a.lostCredit.filter((l) => l.partnerId === partnerId),
            events: [],
          });
        });
      }),
  };
}

type CommonError = InvalidRequestError | ForbiddenError | UnexpectedError;

// The pure bulk rule numbers items among the users it was given
// (["users", k]); the request's numbering counts every address (["emails", i]).
function renumber(
  error: BulkAssignError,
  known: readonly { index: number }[],
): Result<never, BulkAssignError> {
  if (error.code !== "duplicate_in_request") return err(error);
  const inRequest = (path: IssuePath): IssuePath => {
    const k = path[1];
    return typeof k === "number" ? ["emails", known[k]?.index ?? k] : path;
  };
  return err({ ...error, path: inRequest(error.path), firstPath: inRequest(error.firstPath) });
}
