/**
 * The repository port (design 2.6): what the library needs from the caller's
 * database. The library stores nothing itself; a caller implements
 * {@link PartnerAccessRepository} over PostgreSQL, DynamoDB, a key-value
 * store… and hands it to `createPartnerAccessService`. Interfaces only: no
 * behaviour lives here.
 *
 * Three kinds of writes keep the data consistent when several servers act at
 * once:
 * - **atomic claims**: claiming an employee domain and linking an email
 *   address to a client either succeed or return the current holder, even
 *   when two processes race (a unique constraint in SQL, a conditional put in
 *   a key-value store);
 * - **versioned writes**: every partner, user and assignment record carries
 *   a version; a write names the version it read, and a stale write is
 *   refused with the current record, so no update is ever lost;
 * - an optional **transaction**, for stores that have one.
 *
 * Every method returns a value for every expected outcome. A method throws
 * (or rejects) only when the store itself fails; the service turns that into
 * a `repository_failure` and undoes what it had written.
 *
 * `repositoryContract` in `partner-access/testing` checks every rule written
 * on the methods below.
 *
 * @module
 */

import type {
  Activity,
  Assignment,
  Client,
  ClientId,
  Partner,
  PartnerId,
  PartnerUser,
  Period,
  Timestamp,
} from "../model.js";

/**
 * A stored record and its version. Versions are positive integers: 1 when
 * the record is created, then one more on every write. A version never goes
 * back, not even when a write is undone, because a writer still holding the
 * undone version must be refused (the ABA problem).
 *
 * @example
 * ```ts
 * const stored: Versioned<Partner> = {
 *   value: { partnerId: "northwind", program: "partner", employeeDomains: ["northwind.io"] },
 *   version: 3,
 * };
 * ```
 */
export interface Versioned<T> {
  readonly value: T;
  readonly version: number;
}

/**
 * The outcome of a versioned write: `written` with the stored record and its
 * new version, or `version_conflict` when the record's version was not the
 * expected one, with the record as it is now (`null`: it does not exist).
 * Nothing was written in the second case. `R` is the stored record type
 * (`Versioned<Partner>`, {@link UserRecord}, {@link AssignmentRecord}).
 *
 * @example
 * ```ts
 * const r: VersionedWrite<Versioned<Partner>> = await repository.savePartner(partner, 2);
 * if (r.status === "version_conflict") r.current?.version; //=> 3 (someone wrote first)
 * ```
 */
export type VersionedWrite<R> =
  | { readonly status: "written"; readonly record: R }
  | { readonly status: "version_conflict"; readonly current: R | null };

/**
 * A partner's claim on an employee email domain: the domain belongs to that
 * partner alone. `domain` is canonical (as `parsePartnerEmployeeDomain`
 * returns it); the repository compares it as an exact string.
 *
 * @example
 * ```ts
 * const claim: DomainClaimRecord = { domain: "northwind.io", partnerId: "northwind", claimedAt: 1_700_000_000_000 };
 * ```
 */
export interface DomainClaimRecord {
  readonly domain: string;
  readonly partnerId: PartnerId;
  readonly claimedAt: Timestamp;
}

/**
 * The outcome of {@link PartnerAccessRepository.claimDomain}:
 * - `claimed`: the domain was free and is now the claimant's (`claim` is what
 *   was stored);
 * - `already_ours`: the claimant already held it (`claim` is the stored
 *   claim, with its original `claimedAt`; nothing was written);
 * - `held_by_other`: another partner holds it (`holder`; nothing was written).
 *
 * @example
 * ```ts
 * const r: ClaimDomainOutcome = await repository.claimDomain(claim);
 * if (r.status === "held_by_other") r.holder.partnerId; //=> "acme"
 * ```
 */
export type ClaimDomainOutcome =
  | { readonly status: "claimed"; readonly claim: DomainClaimRecord }
  | { readonly status: "already_ours"; readonly claim: DomainClaimRecord }
  | { readonly status: "held_by_other"; readonly holder: DomainClaimRecord };

/**
 * The outcome of {@link PartnerAccessRepository.releaseDomain}: `released`,
 * or `not_held` when the partner did not hold the domain (`holder` is whoever
 * does, or `null`; nothing was written).
 *
 * @example
 * ```ts
 * const r: ReleaseDomainOutcome = await repository.releaseDomain("northwind.io", "northwind");
 * r.status; //=> "released"
 * ```
 */
export type ReleaseDomainOutcome =
  | { readonly status: "released" }
  | { readonly status: "not_held"; readonly holder: DomainClaimRecord | null };

/**
 * The link of an email address to a client by one partner (design 1 "Email
 * conflict": an address can be linked to a given client by one partner only).
 * It is the atomic half of an assignment: the partner holds the link while it
 * has a pending or active assignment of that address on that client.
 *
 * @example
 * ```ts
 * const link: EmailLinkRecord = {
 *   clientId: 42, emailKey: "jane@gmail.com", partnerId: "acme",
 *   email: "Jane@Gmail.com", linkedAt: 1_700_000_000_000,
 * };
 * ```
 */
export interface EmailLinkRecord {
  readonly clientId: ClientId;
  /** The address's key (`parseEmailAddress(…).value.key`): what the uniqueness is on. */
  readonly emailKey: string;
  readonly partnerId: PartnerId;
  /** The address as entered on the assignment. */
  readonly email: string;
  /** When the link was made: the `assignedAt` of the assignment that made it. */
  readonly linkedAt: Timestamp;
}

/**
 * The outcome of {@link PartnerAccessRepository.linkEmail}:
 * - `linked`: nobody held `(clientId, emailKey)`; now the partner does;
 * - `already_ours`: the partner already held it (`link` is the stored one;
 *   nothing was written);
 * - `held_by_other`: another partner holds it (`holder`; nothing was written).
 *   This is the email-conflict refusal, decided atomically.
 *
 * @example
 * ```ts
 * const r: LinkEmailOutcome = await repository.linkEmail(link);
 * if (r.status === "held_by_other") r.holder.partnerId; //=> "acme"
 * ```
 */
export type LinkEmailOutcome =
  | { readonly status: "linked"; readonly link: EmailLinkRecord }
  | { readonly status: "already_ours"; readonly link: EmailLinkRecord }
  | { readonly status: "held_by_other"; readonly holder: EmailLinkRecord };

/**
 * The outcome of {@link PartnerAccessRepository.unlinkEmail}: `unlinked`, or
 * `not_held` when the partner did not hold the link (`holder` is whoever
 * does, or `null`; nothing was written).
 *
 * @example
 * ```ts
 * const r: UnlinkEmailOutcome = await repository.unlinkEmail({ clientId: 42, emailKey: "jane@gmail.com", partnerId: "acme" });
 * r.status; //=> "unlinked"
 * ```
 */
export type UnlinkEmailOutcome =
  | { readonly status: "unlinked" }
  | { readonly status: "not_held"; readonly holder: EmailLinkRecord | null };

/**
 * A stored partner user: the user, the key of its address (the identity,
 * with `partnerId`), and its version.
 *
 * @example
 * ```ts
 * const r: UserRecord = {
 *   emailKey: "jane@northwind.io", version: 1,
 *   value: { partnerId: "northwind", email: "Jane@Northwind.io", tagged: true },
 * };
 * ```
 */
export interface UserRecord extends Versioned<PartnerUser> {
  readonly emailKey: string;
}

/**
 * A stored assignment: the assignment, an identifier the repository gave it,
 * the key of its address, and its version. Assignments are kept after they
 * are removed or expire: attribution reads their history.
 *
 * @example
 * ```ts
 * const r: AssignmentRecord = {
 *   id: "17", emailKey: "jane@northwind.io", version: 1,
 *   value: { partnerId: "northwind", clientId: 42, email: "jane@northwind.io", status: "pending_access", assignedAt: 1 },
 * };
 * ```
 */
export interface AssignmentRecord extends Versioned<Assignment> {
  /** Unique among all assignments the repository ever stored; never reused. */
  readonly id: string;
  readonly emailKey: string;
}

/**
 * The outcome of {@link PartnerAccessRepository.insertAssignment}:
 * `inserted` with the stored record, or `duplicate` when the new assignment
 * is live (pending or active) and the same partner already has a live one
 * for the same client and email key (`existing`; nothing was written).
 *
 * @example
 * ```ts
 * const r: InsertAssignmentOutcome = await repository.insertAssignment("jane@northwind.io", assignment);
 * if (r.status === "inserted") r.record.version; //=> 1
 * ```
 */
export type InsertAssignmentOutcome =
  | { readonly status: "inserted"; readonly record: AssignmentRecord }
  | { readonly status: "duplicate"; readonly existing: AssignmentRecord };

/**
 * The outcome of {@link PartnerAccessRepository.deleteAssignment}: `deleted`,
 * or `version_conflict` with the record as it is now (`null`: no such
 * record); nothing was deleted in the second case.
 *
 * @example
 * ```ts
 * const r: DeleteAssignmentOutcome = await repository.deleteAssignment("17", 1);
 * r.status; //=> "deleted"
 * ```
 */
export type DeleteAssignmentOutcome =
  | { readonly status: "deleted" }
  | { readonly status: "version_conflict"; readonly current: AssignmentRecord | null };

/**
 * Which assignments {@link PartnerAccessRepository.listAssignments} returns:
 * every given field must match; `live: true` keeps pending and active ones,
 * `live: false` removed and expired ones.
 *
 * @example
 * ```ts
 * const filter: AssignmentFilter = { partnerId: "northwind", emailKey: "jane@northwind.io", live: true };
 * ```
 */
export interface AssignmentFilter {
  readonly partnerId?: PartnerId;
  readonly clientId?: ClientId;
  readonly emailKey?: string;
  readonly live?: boolean;
}

/**
 * The storage the library needs, implemented by the caller. All methods are
 * async. Records go in and come out as plain data: an implementation must not
 * keep references to the objects it is given, nor hand out references to what
 * it stores (a caller mutating either must not change the stored state).
 *
 * Expected outcomes are values (`status` fields). A method throws or rejects
 * only when the store fails; it must then have written nothing, or
 * everything, for that call (each method is atomic on its own).
 *
 * @example
 * ```ts
 * import { createInMemoryRepository } from "partner-access/testing";
 * const repository: PartnerAccessRepository = createInMemoryRepository();
 * await repository.savePartner({ partnerId: "northwind", program: "partner", employeeDomains: [] }, null);
 * //=> { status: "written", record: { value: { partnerId: "northwind", … }, version: 1 } }
 * ```
 */
export interface PartnerAccessRepository {
  // ---- partners ---------------------------------------------------------

  /**
   * Reads a partner.
   *
   * @param partnerId - the partner's identifier
   * @returns the partner and its version, or `null` when there is none
   * @example
   * ```ts
   * await repository.getPartner("northwind"); //=> { value: { partnerId: "northwind", … }, version: 1 }
   * ```
   */
  getPartner(partnerId: PartnerId): Promise<Versioned<Partner> | null>;

  /**
   * Reads every partner.
   *
   * @returns the partners with their versions, sorted by `partnerId`; every
   *   string order in this port is binary, by code point (SQL: `COLLATE "C"`)
   * @example
   * ```ts
   * (await repository.listPartners()).map((p) => p.value.partnerId); //=> ["acme", "northwind"]
   * ```
   */
  listPartners(): Promise<Versioned<Partner>[]>;

  /**
   * Creates or replaces a partner, keyed by `partner.partnerId`, if its
   * version is the expected one. With `expectedVersion: null` the partner
   * must not exist yet (create, version 1); with a number, the stored version
   * must equal it (replace, version + 1). Otherwise nothing is written and
   * the outcome is `version_conflict` with the current record. Of two writes
   * naming the same version, at most one succeeds.
   *
   * @param partner - the whole new partner record
   * @param expectedVersion - the version read before, or `null` to create
   * @returns `written` with the new version, or `version_conflict`
   * @example
   * ```ts
   * await repository.savePartner(northwind, null); //=> { status: "written", record: { value: northwind, version: 1 } }
   * await repository.savePartner(northwind, null); //=> { status: "version_conflict", current: { value: northwind, version: 1 } }
   * ```
   */
  savePartner(
    partner: Partner,
    expectedVersion: number | null,
  ): Promise<VersionedWrite<Versioned<Partner>>>;

  // ---- employee domain claims --------------------------------------------

  /**
   * Claims an employee domain for a partner, atomically: if no partner holds
   * `claim.domain`, stores the claim (`claimed`); if the same partner holds
   * it, writes nothing (`already_ours`, with the stored claim); if another
   * partner holds it, writes nothing (`held_by_other`, with the holder). Of
   * any number of concurrent claims of one free domain, from any number of
   * processes, exactly one is `claimed` and every other call sees the winner
   * (SQL: a primary key on the domain and `INSERT … ON CONFLICT DO NOTHING`).
   *
   * @param claim - the canonical domain, the claimant, and when it claims
   * @returns `claimed`, `already_ours` or `held_by_other`
   * @example
   * ```ts
   * await repository.claimDomain({ domain: "acme.com", partnerId: "acme", claimedAt: 1 }); //=> { status: "claimed", claim: … }
   * await repository.claimDomain({ domain: "acme.com", partnerId: "rival", claimedAt: 2 });
   * //=> { status: "held_by_other", holder: { domain: "acme.com", partnerId: "acme", claimedAt: 1 } }
   * ```
   */
  claimDomain(claim: DomainClaimRecord): Promise<ClaimDomainOutcome>;

  /**
   * Releases a domain, only if `partnerId` holds it (a conditional delete:
   * one partner can never release another's claim).
   *
   * @param domain - the canonical domain
   * @param partnerId - the partner that holds it
   * @returns `released`, or `not_held` with the actual holder (or `null`)
   * @example
   * ```ts
   * await repository.releaseDomain("acme.com", "rival"); //=> { status: "not_held", holder: { partnerId: "acme", … } }
   * await repository.releaseDomain("acme.com", "acme");  //=> { status: "released" }
   * ```
   */
  releaseDomain(domain: string, partnerId: PartnerId): Promise<ReleaseDomainOutcome>;

  /**
   * Reads the claim on one domain (exact string match).
   *
   * @param domain - the canonical domain
   * @returns the claim, or `null` when nobody holds the domain
   * @example
   * ```ts
   * await repository.getDomainClaim("acme.com"); //=> { domain: "acme.com", partnerId: "acme", claimedAt: 1 }
   * ```
   */
  getDomainClaim(domain: string): Promise<DomainClaimRecord | null>;

  /**
   * Reads the domain claims, of one partner or of all.
   *
   * @param partnerId - only this partner's claims, when given
   * @returns the claims, sorted by `domain`
   * @example
   * ```ts
   * (await repository.listDomainClaims("acme")).map((c) => c.domain); //=> ["acme.com", "acme.de"]
   * ```
   */
  listDomainClaims(partnerId?: PartnerId): Promise<DomainClaimRecord[]>;

  // ---- email links --------------------------------------------------------

  /**
   * Links an email address (by key) to a client for a partner, atomically:
   * if nobody holds `(clientId, emailKey)`, stores the link (`linked`); if
   * the same partner holds it, writes nothing (`already_ours`, with the
   * stored link); if another partner holds it, writes nothing
   * (`held_by_other`, with the holder). Of any number of concurrent links of
   * one free pair, from any number of processes, exactly one is `linked` and
   * every other call sees the winner (SQL: a primary key on
   * `(client_id, email_key)` and `INSERT … ON CONFLICT DO NOTHING`).
   *
   * @param link - the client, the address and its key, the partner, and when
   * @returns `linked`, `already_ours` or `held_by_other`
   * @example
   * ```ts
   * await repository.linkEmail({ clientId: 42, emailKey: "jane@gmail.com", partnerId: "acme", email: "jane@gmail.com", linkedAt: 1 });
   * //=> { status: "linked", link: … }
   * ```
   */
  linkEmail(link: EmailLinkRecord): Promise<LinkEmailOutcome>;

  /**
   * Removes a link, only if `partnerId` holds it (a conditional delete).
   *
   * @param link - the client, the email key, and the partner that holds it
   * @returns `unlinked`, or `not_held` with the actual holder (or `null`)
   * @example
   * ```ts
   * await repository.unlinkEmail({ clientId: 42, emailKey: "jane@gmail.com", partnerId: "acme" }); //=> { status: "unlinked" }
   * ```
   */
  unlinkEmail(link: {
    readonly clientId: ClientId;
    readonly emailKey: string;
    readonly partnerId: PartnerId;
  }): Promise<UnlinkEmailOutcome>;

  /**
   * Reads the link of one address to one client.
   *
   * @param clientId - the client
   * @param emailKey - the address's key
   * @returns the link, or `null` when nobody holds it
   * @example
   * ```ts
   * (await repository.getEmailLink(42, "jane@gmail.com"))?.partnerId; //=> "acme"
   * ```
   */
  getEmailLink(clientId: ClientId, emailKey: string): Promise<EmailLinkRecord | null>;

  /**
   * Reads links; every given filter field must match.
   *
   * @param filter - `clientId` and/or `partnerId` to match
   * @returns the links, sorted by `clientId`, then `emailKey`
   * @example
   * ```ts
   * (await repository.listEmailLinks({ partnerId: "acme" })).length; //=> 3
   * ```
   */
  listEmailLinks(filter?: {
    readonly clientId?: ClientId;
    readonly partnerId?: PartnerId;
  }): Promise<EmailLinkRecord[]>;

  // ---- users ----------------------------------------------------------------

  /**
   * Reads one user of a partner account.
   *
   * @param partnerId - the partner
   * @param emailKey - the user's address key
   * @returns the user with its key and version, or `null`
   * @example
   * ```ts
   * (await repository.getUser("northwind", "jane@northwind.io"))?.value.tagged; //=> true
   * ```
   */
  getUser(partnerId: PartnerId, emailKey: string): Promise<UserRecord | null>;

  /**
   * Reads users, of one partner or of all.
   *
   * @param filter - `partnerId` to match
   * @returns the users, sorted by `partnerId`, then `emailKey`
   * @example
   * ```ts
   * (await repository.listUsers({ partnerId: "northwind" })).map((u) => u.emailKey); //=> ["jane@northwind.io"]
   * ```
   */
  listUsers(filter?: { readonly partnerId?: PartnerId }): Promise<UserRecord[]>;

  /**
   * Creates or replaces a user, keyed by `(user.partnerId, emailKey)`, if its
   * version is the expected one; the same rules as
   * {@link PartnerAccessRepository.savePartner}. `emailKey` is given by the
   * caller (the repository never parses addresses) and must be the key of
   * `user.email`.
   *
   * @param emailKey - the key of `user.email`
   * @param user - the whole new user record
   * @param expectedVersion - the version read before, or `null` to create
   * @returns `written` with the new version, or `version_conflict`
   * @example
   * ```ts
   * await repository.saveUser("jane@northwind.io", { ...jane, tagged: true }, 1);
   * //=> { status: "written", record: { emailKey: "jane@northwind.io", version: 2, value: … } }
   * ```
   */
  saveUser(
    emailKey: string,
    user: PartnerUser,
    expectedVersion: number | null,
  ): Promise<VersionedWrite<UserRecord>>;

  // ---- assignments ------------------------------------------------------------

  /**
   * Stores a new assignment with a fresh identifier and version 1. Refused
   * with `duplicate` (nothing written) when the new assignment is live
   * (`pending_access` or `active`) and the same partner already has a live
   * assignment for the same `clientId` and `emailKey`: of concurrent inserts
   * of one live triple, exactly one succeeds (SQL: a partial unique index
   * `WHERE status IN ('pending_access', 'active')`). Removed and expired
   * assignments are history and never collide. Live assignments of different
   * partners do not collide here: the email link decides between partners.
   *
   * @param emailKey - the key of `assignment.email`
   * @param assignment - the assignment
   * @returns `inserted` with the record, or `duplicate` with the live one
   * @example
   * ```ts
   * const r = await repository.insertAssignment("jane@northwind.io", assignment);
   * r.status === "inserted" && r.record.id; //=> "1"
   * ```
   */
  insertAssignment(emailKey: string, assignment: Assignment): Promise<InsertAssignmentOutcome>;

  /**
   * Reads one assignment.
   *
   * @param id - the identifier the repository gave it
   * @returns the record, or `null`
   * @example
   * ```ts
   * (await repository.getAssignment("1"))?.value.status; //=> "pending_access"
   * ```
   */
  getAssignment(id: string): Promise<AssignmentRecord | null>;

  /**
   * Reads assignments; every given filter field must match.
   *
   * @param filter - `partnerId`, `clientId`, `emailKey`, `live`
   * @returns the records, sorted by `id` in insertion order
   * @example
   * ```ts
   * (await repository.listAssignments({ clientId: 42, live: true })).length; //=> 1
   * ```
   */
  listAssignments(filter?: AssignmentFilter): Promise<AssignmentRecord[]>;

  /**
   * Replaces an assignment if its version is the expected one (version + 1);
   * otherwise writes nothing and returns `version_conflict` with the current
   * record (`null`: no such id). The caller never changes `partnerId`,
   * `clientId` or the email key. Any status change is stored as given (the
   * service writes a removed assignment back as it was when it undoes a
   * removal), except one that would leave two live assignments of one
   * partner, client and key: that must be refused by throwing (SQL: the
   * partial unique index of `insertAssignment` does it).
   *
   * @param id - the assignment's identifier
   * @param assignment - the whole new assignment
   * @param expectedVersion - the version read before
   * @returns `written` with the new version, or `version_conflict`
   * @example
   * ```ts
   * await repository.updateAssignment("1", { ...a, status: "active", activatedAt: 5 }, 1);
   * //=> { status: "written", record: { id: "1", version: 2, … } }
   * ```
   */
  updateAssignment(
    id: string,
    assignment: Assignment,
    expectedVersion: number,
  ): Promise<VersionedWrite<AssignmentRecord>>;

  /**
   * Deletes an assignment if its version is the expected one. The service
   * calls it only to undo an insert of its own after a later failure:
   * assignments are otherwise kept as history.
   *
   * @param id - the assignment's identifier
   * @param expectedVersion - the version it was inserted with
   * @returns `deleted`, or `version_conflict` with the current record
   * @example
   * ```ts
   * await repository.deleteAssignment("1", 1); //=> { status: "deleted" }
   * ```
   */
  deleteAssignment(id: string, expectedVersion: number): Promise<DeleteAssignmentOutcome>;

  // ---- reference data for attribution ------------------------------------------

  /**
   * Creates or replaces a client (its MRR changes over time; the caller's
   * billing data is the source, so the write is not versioned).
   *
   * @param client - the client
   * @returns nothing
   * @example
   * ```ts
   * await repository.putClient({ clientId: 42, mrr: { amountMinor: 100_000, currency: "USD" } });
   * ```
   */
  putClient(client: Client): Promise<void>;

  /**
   * Reads every client.
   *
   * @returns the clients, sorted by `clientId`
   * @example
   * ```ts
   * (await repository.listClients()).map((c) => c.clientId); //=> [42, 43]
   * ```
   */
  listClients(): Promise<Client[]>;

  /**
   * Appends qualifying activities (all of them, or none on failure).
   * Recording the same activity twice stores it twice: attribution only asks
   * whether there was one.
   *
   * @param activities - the activities
   * @returns nothing
   * @example
   * ```ts
   * await repository.recordActivities([{ clientId: 42, email: "jane@northwind.io", at: Date.UTC(2026, 0, 20) }]);
   * ```
   */
  recordActivities(activities: readonly Activity[]): Promise<void>;

  /**
   * Reads the activities inside a half-open period `[start, end)`.
   *
   * @param period - the period
   * @returns the activities, sorted by `at`, then `clientId`, then `email`
   * @example
   * ```ts
   * (await repository.listActivities({ start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) })).length; //=> 1
   * ```
   */
  listActivities(period: Period): Promise<Activity[]>;

  // ---- transactions --------------------------------------------------------------

  /**
   * Optional. Runs `fn` with a repository bound to one transaction: when the
   * promise `fn` returns resolves, every write `fn` made through `tx` is
   * committed and the value is returned; when it rejects, none of them is
   * kept and the same reason is rethrown. While it runs, other callers see
   * either none or (after commit) all of its writes, and the atomic claims
   * keep their meaning. Inside `fn`, use only `tx`. A repository without
   * transactions omits this method; the service then undoes its own writes
   * on failure instead.
   *
   * @param fn - the unit of work
   * @returns what `fn` resolved to
   * @example
   * ```ts
   * await repository.transaction?.(async (tx) => {
   *   await tx.claimDomain({ domain: "northwind.io", partnerId: "northwind", claimedAt: 1 });
   *   await tx.savePartner({ ...northwind, employeeDomains: ["northwind.io"] }, 1);
   * });
   * ```
   */
  transaction?<T>(fn: (tx: PartnerAccessRepository) => Promise<T>): Promise<T>;
}
