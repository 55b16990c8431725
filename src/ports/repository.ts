/**
 * The repository port: what the library needs from the caller's database.
 * The library stores nothing itself; a caller implements
 * {@link PartnerAccessRepository} over PostgreSQL, DynamoDB, a key-value
 * store… and hands it to `createPartnerAccessService`. Types only: the
 * checks a store runs on what it is given (`checkPartnerRecord` and its
 * siblings) and the claim-overlap rule (`findClaimOverlap`, `domainFamily`)
 * are functions of their own.
 *
 * Four rules keep the data consistent when several servers act at once:
 * - **transactions**: `transaction(fn)` runs `fn` against a transactional
 *   view of the repository; everything `fn` wrote is committed when it
 *   resolves, nothing when it rejects. What `fn` read with a `get…` method
 *   stays as it read it until the end (a row lock, or a version checked at
 *   commit), so use cases that touch the same partner, user, (client, email
 *   key) or domain family run one after the other;
 * - **atomic claims**: claiming an employee domain, linking an email address
 *   to a client and inserting a live assignment either succeed or return
 *   the current holder, whichever process came first (a unique constraint
 *   in SQL, a conditional write in a key-value store);
 * - **versioned writes**: partners, users and assignments carry a version; a
 *   write names the version it read, and a stale write is refused with the
 *   current record, so no update is ever lost;
 * - **keys computed by the store**: an email address's key is always
 *   `emailKey(email)`, computed by the store from the record, never taken
 *   from the caller; a record whose address has no key is refused.
 *
 * Every method returns a value for every expected outcome, bad input
 * included (`invalid_record`). A method rejects only when the store itself
 * fails. `docs/repository.md` explains how SQL and key-value stores meet
 * these rules; `repositoryContract` in `partner-access/testing` checks them.
 *
 * @module
 */

import type { DomainIssue } from "../domain/canonical-domain.js";
import type { EmailIssue } from "../domain/email-identity.js";
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
import type { IssueBase, IssuePath } from "../result.js";

// ---- records, versions and refusals --------------------------------------------

/**
 * A stored record and its version. Versions are positive integers: 1 when
 * the record is created, then one more on every write. A version never goes
 * back, so a writer holding an old version is always refused.
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
 * The codes of a {@link RecordIssue}: the value codes every function of the
 * library uses (`invalid_record` for a record, or a field with no code of
 * its own, that is malformed), and `invalid_domain` for a domain that is not
 * a valid canonical domain name.
 *
 * @example
 * ```ts
 * const code: RecordIssueCode = "invalid_email";
 * ```
 */
export type RecordIssueCode =
  | "invalid_record"
  | "invalid_partner_id"
  | "invalid_client_id"
  | "invalid_timestamp"
  | "invalid_email"
  | "invalid_domain";

/**
 * Why a store refused part of a record. `path` starts at the parameter's
 * name (`["user", "email"]`, `["activities", 3, "at"]`); `input` is the
 * refused value as given.
 *
 * @example
 * ```ts
 * const issue: RecordIssue = {
 *   code: "invalid_email", message: "The email address has no key: …",
 *   path: ["user", "email"], input: "jane", emailIssue: { code: "missing_at", message: "…", input: "jane" },
 * };
 * ```
 */
export interface RecordIssue extends IssueBase<RecordIssueCode> {
  readonly path: IssuePath;
  readonly input: unknown;
  /** For `invalid_email`: why the address has no key. */
  readonly emailIssue?: EmailIssue;
  /** For `invalid_domain`: why the domain was refused, when it is no domain at all. */
  readonly domainIssue?: DomainIssue;
  /** For `invalid_domain`: the canonical form, when the domain is valid but not canonical. */
  readonly canonical?: string;
}

/**
 * The refusal of a write whose record is malformed (see `checkPartnerRecord`
 * and its siblings for what each record must be): nothing was written.
 * `issues` lists every problem found, at least one.
 *
 * @example
 * ```ts
 * const r = await repository.saveUser({ partnerId: "acme", email: "jane", tagged: true }, null);
 * if (r.status === "invalid_record") r.issues[0]?.path; //=> ["user", "email"]
 * ```
 */
export interface InvalidRecord {
  readonly status: "invalid_record";
  readonly issues: readonly RecordIssue[];
}

/**
 * The outcome of a versioned write: `written` with the stored record and its
 * new version; `version_conflict` when the record's version was not the
 * expected one, with the record as it is now (`null`: it does not exist);
 * `invalid_record` when the record is malformed. Nothing was written in the
 * last two cases. `R` is the stored record type (`Versioned<Partner>`,
 * {@link UserRecord}, {@link AssignmentRecord}).
 *
 * @example
 * ```ts
 * const r: VersionedWrite<Versioned<Partner>> = await repository.savePartner(partner, 2);
 * if (r.status === "version_conflict") r.current?.version; //=> 3 (someone wrote first)
 * ```
 */
export type VersionedWrite<R> =
  | { readonly status: "written"; readonly record: R }
  | { readonly status: "version_conflict"; readonly current: R | null }
  | InvalidRecord;

// ---- domain claims -----------------------------------------------------------------

/**
 * A partner's claim on an employee email domain, as stored. `domain` is
 * canonical (as `parseEmailDomain` returns it) and compared as an exact
 * string; `matchSubdomains` says whether the claim also covers every
 * subdomain (`eu.acme.com` under `acme.com`), which no other partner may
 * then claim.
 *
 * @example
 * ```ts
 * const claim: DomainClaimRecord = {
 *   domain: "northwind.io", partnerId: "northwind", claimedAt: 1_700_000_000_000, matchSubdomains: false,
 * };
 * ```
 */
export interface DomainClaimRecord {
  readonly domain: string;
  readonly partnerId: PartnerId;
  readonly claimedAt: Timestamp;
  readonly matchSubdomains: boolean;
}

/**
 * What {@link RepositoryTransaction.claimDomain} takes: a claim whose
 * `matchSubdomains` defaults to `false`.
 *
 * @example
 * ```ts
 * const input: DomainClaimInput = { domain: "acme.com", partnerId: "acme", claimedAt: 1, matchSubdomains: true };
 * ```
 */
export interface DomainClaimInput {
  readonly domain: string;
  readonly partnerId: PartnerId;
  readonly claimedAt: Timestamp;
  readonly matchSubdomains?: boolean;
}

/**
 * The outcome of {@link RepositoryTransaction.claimDomain}:
 * - `claimed`: nothing overlapped; the claim is stored (`claim`);
 * - `updated`: the partner already held the domain with the other
 *   `matchSubdomains`; the claim now has the new one and keeps its
 *   `claimedAt` (`claim`, and the `previous` claim);
 * - `already_ours`: the partner already held the domain with the same
 *   `matchSubdomains` (`claim` is the stored claim; nothing was written);
 * - `held_by_other`: another partner's claim overlaps (`holder`; nothing was
 *   written);
 * - `invalid_record`: the claim is malformed (nothing was written).
 *
 * @example
 * ```ts
 * const r: ClaimDomainOutcome = await repository.claimDomain(claim);
 * if (r.status === "held_by_other") r.holder.partnerId; //=> "acme"
 * ```
 */
export type ClaimDomainOutcome =
  | { readonly status: "claimed"; readonly claim: DomainClaimRecord }
  | {
      readonly status: "updated";
      readonly claim: DomainClaimRecord;
      readonly previous: DomainClaimRecord;
    }
  | { readonly status: "already_ours"; readonly claim: DomainClaimRecord }
  | { readonly status: "held_by_other"; readonly holder: DomainClaimRecord }
  | InvalidRecord;

/**
 * The outcome of {@link RepositoryTransaction.releaseDomain}: `released`
 * with the claim that was deleted, or `not_held` when the partner did not
 * hold the domain (`holder` is whoever does, or `null`; nothing was written).
 *
 * @example
 * ```ts
 * const r: ReleaseDomainOutcome = await repository.releaseDomain("northwind.io", "northwind");
 * r.status; //=> "released"
 * ```
 */
export type ReleaseDomainOutcome =
  | { readonly status: "released"; readonly claim: DomainClaimRecord }
  | { readonly status: "not_held"; readonly holder: DomainClaimRecord | null };

// ---- email links ------------------------------------------------------------------------

/**
 * The link of an email address to a client by one partner: an address can
 * be linked to a given client by one partner only. It is the atomic half of
 * an assignment: the partner holds the link while it has a pending or
 * active assignment of that address on that client.
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
  /** `emailKey(email)`, computed by the store: what the uniqueness is on. */
  readonly emailKey: string;
  readonly partnerId: PartnerId;
  /** The address as entered on the assignment. */
  readonly email: string;
  /** When the link was made: the `assignedAt` of the assignment that made it. */
  readonly linkedAt: Timestamp;
}

/**
 * What {@link RepositoryTransaction.linkEmail} takes: a link without its
 * key, which the store computes as `emailKey(email)`.
 *
 * @example
 * ```ts
 * const input: EmailLinkInput = { clientId: 42, partnerId: "acme", email: "Jane@Gmail.com", linkedAt: 1 };
 * ```
 */
export interface EmailLinkInput {
  readonly clientId: ClientId;
  readonly partnerId: PartnerId;
  readonly email: string;
  readonly linkedAt: Timestamp;
}

/**
 * Names one link and the partner expected to hold it.
 *
 * @example
 * ```ts
 * const key: EmailLinkKey = { clientId: 42, emailKey: "jane@gmail.com", partnerId: "acme" };
 * ```
 */
export interface EmailLinkKey {
  readonly clientId: ClientId;
  readonly emailKey: string;
  readonly partnerId: PartnerId;
}

/**
 * The outcome of {@link RepositoryTransaction.linkEmail}:
 * - `linked`: nobody held `(clientId, emailKey)`; now the partner does;
 * - `already_ours`: the partner already held it (`link` is the stored one;
 *   nothing was written);
 * - `held_by_other`: another partner holds it (`holder`; nothing was
 *   written): the email-conflict refusal, decided atomically;
 * - `invalid_record`: the link is malformed (nothing was written).
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
  | { readonly status: "held_by_other"; readonly holder: EmailLinkRecord }
  | InvalidRecord;

/**
 * The outcome of {@link RepositoryTransaction.unlinkEmail}: `unlinked` with
 * the link that was deleted, or `not_held` when the partner did not hold
 * the link (`holder` is whoever does, or `null`; nothing was written).
 *
 * @example
 * ```ts
 * const r: UnlinkEmailOutcome = await repository.unlinkEmail({ clientId: 42, emailKey: "jane@gmail.com", partnerId: "acme" });
 * r.status; //=> "unlinked"
 * ```
 */
export type UnlinkEmailOutcome =
  | { readonly status: "unlinked"; readonly link: EmailLinkRecord }
  | { readonly status: "not_held"; readonly holder: EmailLinkRecord | null };

// ---- users --------------------------------------------------------------------------------

/**
 * A stored partner user: the user, the key of its address (with
 * `partnerId`, the user's identity; always `emailKey(value.email)`), and its
 * version.
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
 * The identity of a partner user: its partner and the key of its address.
 *
 * @example
 * ```ts
 * const key: UserKey = { partnerId: "northwind", emailKey: "jane@northwind.io" };
 * ```
 */
export interface UserKey {
  readonly partnerId: PartnerId;
  readonly emailKey: string;
}

/**
 * The outcome of {@link RepositoryTransaction.deleteUser}: `deleted` with
 * the record that was deleted, or `version_conflict` with the record as it
 * is now (`null`: no such user); nothing was deleted in the second case.
 *
 * @example
 * ```ts
 * const r: DeleteUserOutcome = await repository.deleteUser("northwind", "jane@northwind.io", 2);
 * r.status; //=> "deleted"
 * ```
 */
export type DeleteUserOutcome =
  | { readonly status: "deleted"; readonly user: UserRecord }
  | { readonly status: "version_conflict"; readonly current: UserRecord | null };

/**
 * Which users {@link RepositoryTransaction.listUsers} returns: every given
 * field must match; `keys` keeps the users with one of those identities.
 *
 * @example
 * ```ts
 * const filter: UserFilter = { keys: [{ partnerId: "northwind", emailKey: "jane@northwind.io" }] };
 * ```
 */
export interface UserFilter {
  readonly partnerId?: PartnerId;
  readonly keys?: readonly UserKey[];
}

// ---- assignments --------------------------------------------------------------------------

/**
 * A stored assignment: the assignment, an identifier the store gave it, the
 * key of its address (always `emailKey(value.email)`), and its version.
 * Assignments are kept after they are removed or expire: attribution reads
 * their history.
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
  /** Unique among all assignments the store ever stored; never reused. */
  readonly id: string;
  readonly emailKey: string;
}

/**
 * Names the live (pending or active) assignment of one partner, client and
 * address key: there is at most one.
 *
 * @example
 * ```ts
 * const key: LiveAssignmentKey = { partnerId: "northwind", clientId: 42, emailKey: "jane@northwind.io" };
 * ```
 */
export interface LiveAssignmentKey {
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly emailKey: string;
}

/**
 * The outcome of {@link RepositoryTransaction.insertAssignment}: `inserted`
 * with the stored record; `duplicate` when the new assignment is live and
 * the same partner already has a live one for the same client and key
 * (`existing`); `invalid_record` when the assignment is malformed. Nothing
 * was written in the last two cases.
 *
 * @example
 * ```ts
 * const r: InsertAssignmentOutcome = await repository.insertAssignment(assignment);
 * if (r.status === "inserted") r.record.version; //=> 1
 * ```
 */
export type InsertAssignmentOutcome =
  | { readonly status: "inserted"; readonly record: AssignmentRecord }
  | { readonly status: "duplicate"; readonly existing: AssignmentRecord }
  | InvalidRecord;

/**
 * Which assignments {@link RepositoryTransaction.listAssignments} returns:
 * every given field must match.
 * - `live: true` keeps pending and active ones, `live: false` removed and
 *   expired ones;
 * - `clientIds` keeps those of any of the given clients;
 * - `activeIn` keeps those that are active at some instant of the period:
 *   status `active`, `removed` or `expired`, with `activatedAt` set, and
 *   `[activatedAt, removedAt ?? expiresAt ?? ∞)` meeting `[start, end)`.
 *
 * @example
 * ```ts
 * const filter: AssignmentFilter = { partnerId: "northwind", emailKey: "jane@northwind.io", live: true };
 * ```
 */
export interface AssignmentFilter {
  readonly partnerId?: PartnerId;
  readonly clientId?: ClientId;
  readonly clientIds?: readonly ClientId[];
  readonly emailKey?: string;
  readonly live?: boolean;
  readonly activeIn?: Period;
}

// ---- clients and activities -----------------------------------------------------------------

/**
 * The outcome of {@link RepositoryTransaction.putClient}: `written` with the
 * stored client, or `invalid_record` (nothing written).
 *
 * @example
 * ```ts
 * const r: PutClientOutcome = await repository.putClient({ clientId: 42, mrr: { amountMinor: 100, currency: "USD" } });
 * r.status; //=> "written"
 * ```
 */
export type PutClientOutcome =
  | { readonly status: "written"; readonly client: Client }
  | InvalidRecord;

/**
 * The outcome of {@link RepositoryTransaction.recordActivities}: `recorded`
 * with how many were stored (all of them), or `invalid_record` when any is
 * malformed (none stored).
 *
 * @example
 * ```ts
 * const r: RecordActivitiesOutcome = await repository.recordActivities([activity]);
 * r.status === "recorded" && r.count; //=> 1
 * ```
 */
export type RecordActivitiesOutcome =
  | { readonly status: "recorded"; readonly count: number }
  | InvalidRecord;

/**
 * How {@link RepositoryTransaction.listActivities} pages:
 * - `after`: the `next` cursor of the previous page (`null` or absent: from
 *   the start);
 * - `limit`: the most activities on one page, a positive integer (a store
 *   may return fewer, and may cap it; anything else means the store's
 *   default);
 * - `clientIds`: only activities on these clients.
 *
 * @example
 * ```ts
 * const options: ListActivitiesOptions = { after: page.next, limit: 10_000, clientIds: [42, 43] };
 * ```
 */
export interface ListActivitiesOptions {
  readonly after?: string | null;
  readonly limit?: number;
  readonly clientIds?: readonly ClientId[];
}

/**
 * One page of activities: `page` with the activities and the cursor of the
 * next page (`null` when this page ends the list; a page with a cursor is
 * never empty), or `invalid_cursor` when `after` is not a cursor this store
 * gave.
 *
 * @example
 * ```ts
 * const r: ActivityPage = await repository.listActivities(january, { limit: 2 });
 * r.status === "page" && r.activities.length; //=> 2
 * ```
 */
export type ActivityPage =
  | { readonly status: "page"; readonly activities: Activity[]; readonly next: string | null }
  | { readonly status: "invalid_cursor"; readonly cursor: unknown };

// ---- the port -------------------------------------------------------------------------------

/**
 * Everything a use case can read and write, all async. `transaction` hands
 * `fn` one of these, bound to the transaction; the repository itself has
 * the same methods, where each call is a transaction of its own.
 *
 * **Locking reads.** Inside a transaction, every `get…` method (one record
 * by its key) is a locking read: the record it found cannot be changed by
 * anyone else until the transaction ends (SQL: `SELECT … FOR UPDATE`; a
 * key-value store: the version read is checked when the transaction
 * commits). A record it did not find may still be created meanwhile; the
 * unique rules of the writes refuse a second one. `list…` methods are plain
 * reads, without locks: decide on what a `get…` returned, or under a lock
 * a `get…` took on the parent record (the user, the partner).
 *
 * **Copies.** Records go in and come out as plain data: a store keeps no
 * reference to the objects it is given and hands out none to what it
 * stores. It stores the fields of the library's shapes (others are
 * dropped), and string orders are binary, by code point (SQL:
 * `COLLATE "C"`).
 *
 * @example
 * ```ts
 * await repository.transaction(async (tx) => {
 *   const partner = await tx.getPartner("northwind"); // locked until commit
 *   if (partner) await tx.savePartner({ ...partner.value, matchSubdomains: true }, partner.version);
 * });
 * ```
 */
export interface RepositoryTransaction {
  // ---- partners ---------------------------------------------------------

  /**
   * Reads a partner; a locking read inside a transaction.
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
   * Reads partners: all of them, or those named in `partnerIds` (ids with
   * no partner are skipped).
   *
   * @param filter - `partnerIds` to read only those
   * @returns the partners with their versions, sorted by `partnerId`
   * @example
   * ```ts
   * (await repository.listPartners({ partnerIds: ["northwind", "acme"] })).map((p) => p.value.partnerId);
   * //=> ["acme", "northwind"]
   * ```
   */
  listPartners(filter?: {
    readonly partnerIds?: readonly PartnerId[];
  }): Promise<Versioned<Partner>[]>;

  /**
   * Creates or replaces a partner, keyed by `partner.partnerId`, if its
   * version is the expected one. With `expectedVersion: null` the partner
   * must not exist yet (create, version 1); with a number, the stored version
   * must equal it (replace, version + 1). Otherwise nothing is written and
   * the outcome is `version_conflict` with the current record. Of two writes
   * naming the same version, at most one succeeds.
   *
   * @param partner - the whole new partner record (`checkPartnerRecord` says what is valid)
   * @param expectedVersion - the version read before, or `null` to create
   * @returns `written` with the new version, `version_conflict`, or `invalid_record`
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
   * Claims an employee domain for a partner, atomically and whoever came
   * first: the claim is refused (`held_by_other`, with the overlapping
   * claim) when another partner holds the same domain, or an ancestor of it
   * with `matchSubdomains`, or — when this claim matches subdomains — any
   * domain under it. Claims of one partner never overlap each other. The
   * holder reported is the claim on the same domain if any, else the
   * closest ancestor, else the first descendant in binary order (the rule
   * is `findClaimOverlap`). `claimedAt` never decides: of two overlapping
   * claims, the one stored first wins, whatever the clocks say.
   *
   * A store makes this atomic by serialising every claim and release of one
   * domain family, the domain's last two labels (`domainFamily`): every
   * overlapping pair shares it (SQL: `pg_advisory_xact_lock` on the family,
   * or a locked row of a families table, then the check and the insert).
   *
   * @param claim - the canonical domain, the claimant, when, and whether it matches subdomains
   * @returns `claimed`, `updated`, `already_ours`, `held_by_other` or `invalid_record`
   * @example
   * ```ts
   * await repository.claimDomain({ domain: "eu.acme.com", partnerId: "b", claimedAt: 2 }); //=> { status: "claimed", … }
   * await repository.claimDomain({ domain: "acme.com", partnerId: "a", claimedAt: 1, matchSubdomains: true });
   * //=> { status: "held_by_other", holder: { domain: "eu.acme.com", partnerId: "b", claimedAt: 2, matchSubdomains: false } }
   * ```
   */
  claimDomain(claim: DomainClaimInput): Promise<ClaimDomainOutcome>;

  /**
   * Releases a domain, only if `partnerId` holds it (a conditional delete:
   * one partner can never release another's claim).
   *
   * @param domain - the canonical domain
   * @param partnerId - the partner that holds it
   * @returns `released` with the claim, or `not_held` with the actual holder (or `null`)
   * @example
   * ```ts
   * await repository.releaseDomain("acme.com", "rival"); //=> { status: "not_held", holder: { partnerId: "acme", … } }
   * await repository.releaseDomain("acme.com", "acme");  //=> { status: "released", claim: { domain: "acme.com", … } }
   * ```
   */
  releaseDomain(domain: string, partnerId: PartnerId): Promise<ReleaseDomainOutcome>;

  /**
   * Reads the claim on one domain (exact string match); a locking read
   * inside a transaction.
   *
   * @param domain - the canonical domain
   * @returns the claim, or `null` when nobody holds exactly this domain
   * @example
   * ```ts
   * await repository.getDomainClaim("acme.com"); //=> { domain: "acme.com", partnerId: "acme", claimedAt: 1, matchSubdomains: false }
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
   * Links an email address to a client for a partner, atomically, keyed by
   * `(clientId, emailKey(email))`: if nobody holds the pair, stores the link
   * (`linked`); if the same partner holds it, writes nothing
   * (`already_ours`, with the stored link); if another partner holds it,
   * writes nothing (`held_by_other`, with the holder). Of any number of
   * concurrent links of one free pair, exactly one is `linked` and every
   * other call sees the winner (SQL: a primary key on
   * `(client_id, email_key)` and `INSERT … ON CONFLICT DO NOTHING`).
   *
   * @param link - the client, the partner, the address, and when
   * @returns `linked`, `already_ours`, `held_by_other` or `invalid_record`
   * @example
   * ```ts
   * await repository.linkEmail({ clientId: 42, partnerId: "acme", email: "Jane@Gmail.com", linkedAt: 1 });
   * //=> { status: "linked", link: { clientId: 42, emailKey: "jane@gmail.com", … } }
   * ```
   */
  linkEmail(link: EmailLinkInput): Promise<LinkEmailOutcome>;

  /**
   * Removes a link, only if `partnerId` holds it (a conditional delete).
   *
   * @param link - the client, the email key, and the partner that holds it
   * @returns `unlinked` with the link, or `not_held` with the actual holder (or `null`)
   * @example
   * ```ts
   * await repository.unlinkEmail({ clientId: 42, emailKey: "jane@gmail.com", partnerId: "acme" });
   * //=> { status: "unlinked", link: { … } }
   * ```
   */
  unlinkEmail(link: EmailLinkKey): Promise<UnlinkEmailOutcome>;

  /**
   * Reads the link of one address to one client; a locking read inside a
   * transaction.
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
   * Reads one user of a partner account; a locking read inside a
   * transaction (so a use case that decides on the user — tagged, still in
   * the account — runs alone against whoever changes or removes it).
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
   * Reads users: of one partner, with given identities, or all.
   *
   * @param filter - `partnerId` and/or `keys` to match
   * @returns the users, sorted by `partnerId`, then `emailKey`
   * @example
   * ```ts
   * (await repository.listUsers({ partnerId: "northwind" })).map((u) => u.emailKey); //=> ["jane@northwind.io"]
   * ```
   */
  listUsers(filter?: UserFilter): Promise<UserRecord[]>;

  /**
   * Creates or replaces a user, keyed by `(user.partnerId, emailKey(user.email))`
   * — the store computes the key — if its version is the expected one; the
   * same rules as {@link RepositoryTransaction.savePartner}. A user whose
   * address has no key is `invalid_record`.
   *
   * @param user - the whole new user record (`checkUserRecord` says what is valid)
   * @param expectedVersion - the version read before, or `null` to create
   * @returns `written` with the new version, `version_conflict`, or `invalid_record`
   * @example
   * ```ts
   * await repository.saveUser({ partnerId: "northwind", email: "Jane@Northwind.io", tagged: true }, null);
   * //=> { status: "written", record: { emailKey: "jane@northwind.io", version: 1, value: … } }
   * ```
   */
  saveUser(user: PartnerUser, expectedVersion: number | null): Promise<VersionedWrite<UserRecord>>;

  /**
   * Deletes a user from the store if its version is the expected one. Its
   * assignments are history and stay; revoke the live ones first.
   *
   * @param partnerId - the partner
   * @param emailKey - the user's address key
   * @param expectedVersion - the version read before
   * @returns `deleted` with the record, or `version_conflict` with the current one
   * @example
   * ```ts
   * await repository.deleteUser("northwind", "jane@northwind.io", 1); //=> { status: "deleted", user: { … } }
   * ```
   */
  deleteUser(
    partnerId: PartnerId,
    emailKey: string,
    expectedVersion: number,
  ): Promise<DeleteUserOutcome>;

  // ---- assignments ------------------------------------------------------------

  /**
   * Stores a new assignment with a fresh identifier, version 1, and the key
   * `emailKey(assignment.email)`. Refused with `duplicate` (nothing written)
   * when the new assignment is live (`pending_access` or `active`) and the
   * same partner already has a live assignment for the same client and key:
   * of concurrent inserts of one live triple, exactly one succeeds (SQL: a
   * partial unique index `WHERE status IN ('pending_access', 'active')`).
   * Removed and expired assignments are history and never collide. Live
   * assignments of different partners do not collide here: the email link
   * decides between partners.
   *
   * @param assignment - the assignment (`checkAssignmentRecord` says what is valid)
   * @returns `inserted` with the record, `duplicate` with the live one, or `invalid_record`
   * @example
   * ```ts
   * const r = await repository.insertAssignment(assignment);
   * r.status === "inserted" && r.record.id; //=> "1"
   * ```
   */
  insertAssignment(assignment: Assignment): Promise<InsertAssignmentOutcome>;

  /**
   * Reads one assignment; a locking read inside a transaction.
   *
   * @param id - the identifier the store gave it
   * @returns the record, or `null`
   * @example
   * ```ts
   * (await repository.getAssignment("1"))?.value.status; //=> "pending_access"
   * ```
   */
  getAssignment(id: string): Promise<AssignmentRecord | null>;

  /**
   * Reads the live (pending or active) assignment of one partner, client
   * and key; a locking read inside a transaction.
   *
   * @param key - the partner, the client and the address key
   * @returns the record, or `null` when there is no live one
   * @example
   * ```ts
   * (await repository.getLiveAssignment({ partnerId: "northwind", clientId: 42, emailKey: "jane@northwind.io" }))?.id; //=> "1"
   * ```
   */
  getLiveAssignment(key: LiveAssignmentKey): Promise<AssignmentRecord | null>;

  /**
   * Reads assignments; every given filter field must match.
   *
   * @param filter - `partnerId`, `clientId`, `clientIds`, `emailKey`, `live`, `activeIn`
   * @returns the records, in the order they were inserted
   * @example
   * ```ts
   * (await repository.listAssignments({ clientId: 42, live: true })).length; //=> 1
   * ```
   */
  listAssignments(filter?: AssignmentFilter): Promise<AssignmentRecord[]>;

  /**
   * Replaces an assignment if its version is the expected one (version + 1);
   * otherwise writes nothing and returns `version_conflict` with the current
   * record (`null`: no such id). An assignment keeps its partner, client and
   * key, and a removed or expired one keeps its status: a write that changes
   * either is `invalid_record` (`checkAssignmentUpdate` is the check), so
   * the one-live rule of `insertAssignment` cannot be broken by an update.
   *
   * @param id - the assignment's identifier
   * @param assignment - the whole new assignment
   * @param expectedVersion - the version read before
   * @returns `written` with the new version, `version_conflict`, or `invalid_record`
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

  // ---- reference data for attribution ------------------------------------------

  /**
   * Creates or replaces a client (its MRR changes over time; the caller's
   * billing data is the source, so the write is not versioned).
   *
   * @param client - the client (`checkClientRecord` says what is valid)
   * @returns `written` with the stored client, or `invalid_record`
   * @example
   * ```ts
   * await repository.putClient({ clientId: 42, mrr: { amountMinor: 100_000, currency: "USD" } });
   * //=> { status: "written", client: { clientId: 42, … } }
   * ```
   */
  putClient(client: Client): Promise<PutClientOutcome>;

  /**
   * Reads clients: all of them, or those named in `clientIds`.
   *
   * @param filter - `clientIds` to read only those
   * @returns the clients, sorted by `clientId`
   * @example
   * ```ts
   * (await repository.listClients({ clientIds: [43, 42, 7] })).map((c) => c.clientId); //=> [42, 43]
   * ```
   */
  listClients(filter?: { readonly clientIds?: readonly ClientId[] }): Promise<Client[]>;

  /**
   * Appends qualifying activities: all of them, or none when any is
   * malformed. Recording the same activity twice stores it twice:
   * attribution only asks whether there was one.
   *
   * @param activities - the activities (`checkActivityRecords` says what is valid)
   * @returns `recorded` with the count, or `invalid_record`
   * @example
   * ```ts
   * await repository.recordActivities([{ clientId: 42, email: "jane@northwind.io", at: Date.UTC(2026, 0, 20) }]);
   * //=> { status: "recorded", count: 1 }
   * ```
   */
  recordActivities(activities: readonly Activity[]): Promise<RecordActivitiesOutcome>;

  /**
   * Reads the activities inside a half-open period `[start, end)`, one page
   * at a time, sorted by `at` (activities at one instant in an order the
   * store keeps from page to page). Following `next` from the first page to
   * the last returns every activity that was stored before the first page
   * and is inside the period exactly once, even when others are recorded
   * meanwhile (SQL: keyset paging on `(at, id)`, never `OFFSET`). The cursor
   * is opaque; a store may refuse one it did not give (`invalid_cursor`).
   *
   * @param period - the period
   * @param options - `after` (the previous page's `next`), `limit`, `clientIds`
   * @returns a page and the next cursor, or `invalid_cursor`
   * @example
   * ```ts
   * const first = await repository.listActivities(january, { limit: 1_000 });
   * if (first.status === "page" && first.next !== null) await repository.listActivities(january, { after: first.next });
   * ```
   */
  listActivities(period: Period, options?: ListActivitiesOptions): Promise<ActivityPage>;
}

/**
 * The storage the library needs, implemented by the caller: the methods of
 * {@link RepositoryTransaction}, each atomic on its own (a store can run a
 * call as `transaction((tx) => tx.method(…))`), and `transaction`.
 *
 * **Transactions.** `transaction(fn)` runs `fn` with a view of the
 * repository bound to one transaction. When the promise `fn` returns
 * resolves, every write `fn` made through the view is committed and the
 * value is returned; when it rejects, none of them is kept and the same
 * reason is rethrown. Other callers see none of its writes before the
 * commit. Inside `fn`, use only the view (the repository itself may wait
 * for the transaction to end); the view has no `transaction`, so
 * transactions do not nest.
 *
 * **Isolation.** What `fn` reads with a `get…` method cannot change until
 * the transaction ends, the writes' rules (one holder per domain family
 * overlap, per `(client, email key)`, one live assignment per partner,
 * client and key, the expected versions) are checked against the committed
 * state under a lock, and the commit makes all writes visible at once.
 *
 * **Retries.** A store that cannot serialise a transaction (a deadlock, a
 * serialization failure, a version check failing at commit) may roll it
 * back and run `fn` again from the start, on a fresh view, any number of
 * times before it resolves or rejects. So `fn` must be safe to rerun: it
 * does nothing outside the view that a rerun would repeat (no message sent,
 * no counter bumped), and builds its result from what it read in the run
 * that committed.
 *
 * @example
 * ```ts
 * import { createInMemoryRepository } from "partner-access/testing";
 * const repository: PartnerAccessRepository = createInMemoryRepository();
 * await repository.transaction(async (tx) => {
 *   await tx.savePartner({ partnerId: "northwind", program: "partner", employeeDomains: ["northwind.io"] }, null);
 *   await tx.claimDomain({ domain: "northwind.io", partnerId: "northwind", claimedAt: 1 });
 * });
 * ```
 */
export interface PartnerAccessRepository extends RepositoryTransaction {
  /**
   * Runs `fn` in one transaction: all of its writes or none (see
   * {@link PartnerAccessRepository} for the isolation and the retries).
   *
   * @param fn - the unit of work; may run more than once, so it must be safe to rerun
   * @returns what `fn` resolved to, in the run that committed
   * @example
   * ```ts
   * await repository.transaction(async (tx) => {
   *   const user = await tx.getUser("northwind", "jane@northwind.io");
   *   return user?.value.tagged ?? false;
   * }); //=> true
   * ```
   */
  transaction<T>(fn: (tx: RepositoryTransaction) => Promise<T>): Promise<T>;
}
