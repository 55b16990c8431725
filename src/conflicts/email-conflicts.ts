/**
 * Email conflicts (design 2.4): an email address can be linked to a given
 * client by one partner only. The first partner to link it holds it; any
 * other partner that links the same address to the same client is a
 * contender, is refused, and earns no managed credit for that user there.
 *
 * @module
 */

import { parseEmailIdentity } from "../domain/email-identity.js";
import { isClientId, isIterable, isPartnerId, isRecord, isTimestamp, own } from "../guards.js";
import type { Assignment, ClientId, Partner, PartnerId, Timestamp } from "../model.js";
import { err, type IssueBase, type IssuePath, ok, type Result } from "../result.js";
import {
  claimGroupCell,
  clientSlot,
  createGroupTable,
  type GroupTable,
  groupCell,
  type Link,
  parties,
  precedes,
} from "./kernel.js";
import {
  type ConflictRecordIssue,
  type ConflictRecordReporter,
  ownView,
  prototypeIsClean,
  recordIssue,
  reporterOf,
} from "./records.js";

/**
 * Options of {@link detectEmailConflicts} and {@link checkEmailLink}.
 *
 * @example
 * ```ts
 * const skipped: ConflictRecordIssue[] = [];
 * const options: EmailConflictOptions = { onInvalidRecord: (issue) => skipped.push(issue) };
 * ```
 */
export interface EmailConflictOptions {
  /**
   * Called once for each bad field of each record that is skipped (and for
   * a collection that is not a list), in input order; the result is the
   * same with or without it.
   */
  readonly onInvalidRecord?: (issue: ConflictRecordIssue) => void;
}

/**
 * One side of an email conflict: a partner and its earliest live assignment
 * that links the address to the client.
 *
 * @example
 * ```ts
 * const holder: EmailConflictParty = { partnerId: "acme", email: "Jane@Gmail.com", assignedAt: 1_000 };
 * ```
 */
export interface EmailConflictParty {
  readonly partnerId: PartnerId;
  /** The address as entered on that assignment (the conflict's `email` is its key). */
  readonly email: string;
  readonly assignedAt: Timestamp;
}

/**
 * Resolution (1): the holder removes its user's access to the client, which
 * frees the address for the contenders.
 *
 * @example
 * ```ts
 * const r: AskHolderToRemoveAccessResolution = {
 *   kind: "ask_holder_to_remove_access",
 *   message: 'Ask partner "acme" to remove the access of jane@gmail.com to client 42.',
 *   partnerId: "acme",
 * };
 * ```
 */
export interface AskHolderToRemoveAccessResolution {
  readonly kind: "ask_holder_to_remove_access";
  readonly message: string;
  /** The holder: the only partner that can remove the link. */
  readonly partnerId: PartnerId;
}

/**
 * Why {@link UsePartnerDomainAddressResolution} has no address to suggest:
 * - `partner_unknown`: the contender's {@link Partner} record was not given;
 * - `partner_has_no_domain`: the contender has no employee domain set;
 * - `already_on_partner_domain`: the contended address already is on the
 *   contender's primary domain, so moving it there changes nothing;
 * - `invalid_suggested_address`: the local part on the primary domain does
 *   not make a valid address (too long, or the stored domain is not valid).
 *
 * @example
 * ```ts
 * const reason: DomainAddressUnavailableReason = "partner_has_no_domain";
 * ```
 */
export type DomainAddressUnavailableReason =
  | "partner_unknown"
  | "partner_has_no_domain"
  | "already_on_partner_domain"
  | "invalid_suggested_address";

/**
 * Resolution (2), one per contender: give the user a new address on the
 * contender's primary employee domain. `suggestedAddress` is that address
 * (same local part), or `null` with the `reason` there is none to offer.
 *
 * @example
 * ```ts
 * const r: UsePartnerDomainAddressResolution = {
 *   kind: "use_partner_domain_address",
 *   message: 'Give the user an address on the employee domain of partner "northwind": jane@northwind.io.',
 *   partnerId: "northwind",
 *   suggestedAddress: "jane@northwind.io",
 * };
 * ```
 */
export type UsePartnerDomainAddressResolution =
  | {
      readonly kind: "use_partner_domain_address";
      readonly message: string;
      /** The contender this suggestion is for. */
      readonly partnerId: PartnerId;
      readonly suggestedAddress: string;
    }
  | {
      readonly kind: "use_partner_domain_address";
      readonly message: string;
      /** The contender this suggestion is for. */
      readonly partnerId: PartnerId;
      readonly suggestedAddress: null;
      readonly reason: DomainAddressUnavailableReason;
    };

/**
 * Resolution (3): link another of the user's addresses instead.
 *
 * @example
 * ```ts
 * const r: UseDifferentAddressResolution = {
 *   kind: "use_different_address",
 *   message: "Link another address of the user that no other partner has linked to client 42.",
 * };
 * ```
 */
export interface UseDifferentAddressResolution {
  readonly kind: "use_different_address";
  readonly message: string;
}

/**
 * A way out of an email conflict, keyed by `kind`. A conflict lists, in this
 * order: one `ask_holder_to_remove_access`, one `use_partner_domain_address`
 * per contender (in contender order), one `use_different_address`.
 *
 * @example
 * ```ts
 * const kinds = conflict.resolutions.map((r) => r.kind);
 * //=> ["ask_holder_to_remove_access", "use_partner_domain_address", "use_different_address"]
 * ```
 */
export type EmailConflictResolution =
  | AskHolderToRemoveAccessResolution
  | UsePartnerDomainAddressResolution
  | UseDifferentAddressResolution;

/**
 * An email address (by its key) linked to one client by two or more
 * partners: the holder keeps it, the contenders are refused.
 *
 * @example
 * ```ts
 * const conflict: EmailConflict = {
 *   code: "email_linked_to_another_partner",
 *   message: 'jane@gmail.com is already linked to client 42 by partner "acme"; partner "northwind" cannot link it too.',
 *   clientId: 42,
 *   email: "jane@gmail.com",
 *   holder: { partnerId: "acme", email: "jane@gmail.com", assignedAt: 1_000 },
 *   contenders: [{ partnerId: "northwind", email: "Jane@Gmail.com", assignedAt: 2_000 }],
 *   resolutions: [askHolder, useNorthwindAddress, useDifferentAddress], // see EmailConflictResolution
 * };
 * ```
 */
export interface EmailConflict extends IssueBase<"email_linked_to_another_partner"> {
  readonly clientId: ClientId;
  /** The address's key (`parseEmailIdentity(…).value.key`), shared by every party. */
  readonly email: string;
  /** The partner that linked the address first (ties: smaller `partnerId`). */
  readonly holder: EmailConflictParty;
  /** Every other partner, one entry each, ordered by `assignedAt` then `partnerId`. */
  readonly contenders: readonly EmailConflictParty[];
  readonly resolutions: readonly EmailConflictResolution[];
}

// Parsed addresses by raw string, within one call: an employee is usually
// assigned to many clients, so the same string comes back again and again
// and parsing it (IDNA, canonical form) is the expensive part. `id` numbers
// the distinct keys of the call.
interface Parsed {
  readonly local: string;
  readonly key: string;
  readonly id: number;
}
type AddressCache = Map<string, Parsed | null>;

function parseCached(raw: string, cache: AddressCache, ids: Map<string, number>): Parsed | null {
  let parsed = cache.get(raw);
  if (parsed === undefined) {
    const result = parseEmailIdentity(raw);
    if (result.ok) {
      const { local, key } = result.value;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      parsed = { local, key, id };
    } else {
      parsed = null;
    }
    cache.set(raw, parsed);
  }
  return parsed;
}

// An assignment whose fields let it link an address (its email still has to parse).
interface Linking {
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly email: string;
  readonly assignedAt: Timestamp;
}

const STATUSES: readonly unknown[] = ["pending_access", "active", "removed", "expired"];

/**
 * The fields of a value that can link an address: an object with status
 * `pending_access` or `active` (rule: removed and expired assignments no
 * longer link anything), a partnerId, a clientId, an assignedAt timestamp and
 * a string email, all its own properties; `null` for any other value.
 * Records that cannot link are skipped rather than refused (validating them
 * is the job of the schemas at the boundary), and reported by
 * {@link diagnose} when the caller asks. Returns a plain object itself, so
 * the hot loop allocates nothing.
 */
function linkingOf(value: unknown, clean: boolean): Linking | null {
  if (!isRecord(value)) return null;
  const a = ownView(value, clean) as Partial<Record<keyof Assignment, unknown>>;
  const status = a.status;
  return (status === "active" || status === "pending_access") &&
    isClientId(a.clientId) &&
    isPartnerId(a.partnerId) &&
    isTimestamp(a.assignedAt) &&
    typeof a.email === "string"
    ? (a as Linking)
    : null;
}

/**
 * Every reason a record cannot link an address, in the vocabulary of
 * {@link ConflictRecordIssue}, at `path`: none for a well-formed removed
 * or expired assignment, which is skipped without an issue.
 */
function diagnose(value: unknown, path: IssuePath, report: ConflictRecordReporter): void {
  if (!isRecord(value)) {
    report(recordIssue("invalid_record", path, value, "an assignment object"));
    return;
  }
  const partnerId = own(value, "partnerId");
  const clientId = own(value, "clientId");
  const email = own(value, "email");
  const status = own(value, "status");
  const assignedAt = own(value, "assignedAt");
  if (!isPartnerId(partnerId))
    report(
      recordIssue("invalid_partner_id", [...path, "partnerId"], partnerId, "a non-empty string"),
    );
  if (!isClientId(clientId))
    report(
      recordIssue(
        "invalid_client_id",
        [...path, "clientId"],
        clientId,
        "a positive whole number (HubID)",
      ),
    );
  const parsed = parseEmailIdentity(email);
  if (!parsed.ok)
    report({
      code: "invalid_email",
      message: `Not a valid email address: ${parsed.error.message}`,
      path: [...path, "email"],
      input: email,
      emailIssue: parsed.error,
    });
  if (!STATUSES.includes(status))
    report(
      recordIssue(
        "invalid_record",
        [...path, "status"],
        status,
        '"pending_access", "active", "removed" or "expired"',
      ),
    );
  if (!isTimestamp(assignedAt))
    report(
      recordIssue(
        "invalid_timestamp",
        [...path, "assignedAt"],
        assignedAt,
        "a timestamp: a whole number of milliseconds within ±8.64e15",
      ),
    );
}

function toLink(a: Linking, parsed: Parsed): Link {
  // `+ 0` turns -0 into 0, so equal instants always print the same.
  const { partnerId, clientId, email, assignedAt } = a;
  return {
    partnerId,
    clientId,
    email,
    local: parsed.local,
    key: parsed.key,
    assignedAt: assignedAt + 0,
  };
}

// How one call reads records: its address cache, and where skipped records go.
interface Reader {
  readonly cache: AddressCache;
  readonly ids: Map<string, number>;
  readonly clean: boolean;
  readonly report: ConflictRecordReporter | undefined;
}

function readerOf(options: unknown): Reader {
  return {
    cache: new Map(),
    ids: new Map(),
    clean: prototypeIsClean(),
    report: reporterOf(options),
  };
}

// Reads one assignment as a link, or `null` when it cannot link an address
// (see linkingOf) or its email has no identity; a malformed one is reported.
function readLink(
  value: unknown,
  path: IssuePath,
  reader: Reader,
  onlyClient?: ClientId,
): Link | null {
  const a = linkingOf(value, reader.clean);
  const { cache, ids, report } = reader;
  if (a === null) {
    if (report !== undefined) diagnose(value, path, report);
    return null;
  }
  // Cheap filter before parsing: checkEmailLink only cares about one client.
  if (onlyClient !== undefined && a.clientId !== onlyClient) {
    if (report !== undefined && parseCached(a.email, cache, ids) === null)
      diagnose(value, path, report);
    return null;
  }
  const parsed = parseCached(a.email, cache, ids);
  if (parsed === null && report !== undefined) diagnose(value, path, report);
  return parsed === null ? null : toLink(a, parsed);
}

// Reports a collection that is not a list; returns whether it is one.
function isList(value: unknown, name: string, report: ConflictRecordReporter | undefined) {
  if (isIterable(value)) return true;
  report?.(recordIssue("invalid_list", [name], value, "an array or another iterable"));
  return false;
}

function quote(partnerId: PartnerId): string {
  return JSON.stringify(partnerId);
}

function toParty(link: Link): EmailConflictParty {
  return { partnerId: link.partnerId, email: link.email, assignedAt: link.assignedAt };
}

function readPrimaryDomain(partner: unknown): string | null {
  const domains = own(partner, "employeeDomains");
  if (!Array.isArray(domains)) return null;
  const primary: unknown = own(domains, "0");
  return typeof primary === "string" && primary !== "" ? primary : null;
}

function suggestDomainAddress(
  contender: Link,
  partner: unknown,
): UsePartnerDomainAddressResolution {
  const kind = "use_partner_domain_address";
  const partnerId = contender.partnerId;
  const who = `partner ${quote(partnerId)}`;
  if (partner === undefined) {
    return {
      kind,
      message: `Give the user an address on the employee domain of ${who} (no address can be suggested: that partner's record was not provided).`,
      partnerId,
      suggestedAddress: null,
      reason: "partner_unknown",
    };
  }
  const primary = readPrimaryDomain(partner);
  if (primary === null) {
    return {
      kind,
      message: `Partner ${quote(partnerId)} has no employee domain, so there is no partner address to offer; set its employee domain first.`,
      partnerId,
      suggestedAddress: null,
      reason: "partner_has_no_domain",
    };
  }
  // Parsed again so the suggestion is canonical and provably valid.
  const suggestion = parseEmailIdentity(`${contender.local}@${primary}`);
  if (!suggestion.ok) {
    return {
      kind,
      message: `The local part ${quote(contender.local)} on the employee domain of ${who} (${primary}) is not a valid address; choose another local part there.`,
      partnerId,
      suggestedAddress: null,
      reason: "invalid_suggested_address",
    };
  }
  if (suggestion.value.key === contender.key) {
    return {
      kind,
      message: `The address is already on the employee domain of ${who}; use another address there.`,
      partnerId,
      suggestedAddress: null,
      reason: "already_on_partner_domain",
    };
  }
  const suggestedAddress = `${suggestion.value.local}@${suggestion.value.domain}`;
  return {
    kind,
    message: `Give the user an address on the employee domain of ${who}: ${suggestedAddress}.`,
    partnerId,
    suggestedAddress,
  };
}

/**
 * The conflict of one group, with its message and its three kinds of
 * resolution. Internal: the reference detector builds its conflicts with it.
 *
 * @param parties - the group's parties, sorted: holder first, then contenders
 * @param partnerOf - the partner record of an id, for suggested addresses
 * @returns the conflict
 * @example
 * ```ts
 * buildConflict([acmeLink, northwindLink], () => undefined).holder.partnerId; //=> "acme"
 * ```
 */
export function buildConflict(
  parties: readonly Link[],
  partnerOf: (partnerId: PartnerId) => unknown,
): EmailConflict {
  const holder = parties[0]!;
  const contenders = parties.slice(1);
  const { clientId, key } = holder;
  const names = contenders.map((c) => quote(c.partnerId)).join(", ");
  const subject = contenders.length === 1 ? `partner ${names}` : `partners ${names}`;
  const resolutions: EmailConflictResolution[] = [
    {
      kind: "ask_holder_to_remove_access",
      message: `Ask partner ${quote(holder.partnerId)} to remove the access of ${holder.email} to client ${clientId}.`,
      partnerId: holder.partnerId,
    },
  ];
  for (const contender of contenders) {
    resolutions.push(suggestDomainAddress(contender, partnerOf(contender.partnerId)));
  }
  resolutions.push({
    kind: "use_different_address",
    message: `Link another address of the user that no other partner has linked to client ${clientId}.`,
  });
  return {
    code: "email_linked_to_another_partner",
    message: `${key} is already linked to client ${clientId} by partner ${quote(holder.partnerId)}; ${subject} cannot link it too.`,
    clientId,
    email: key,
    holder: toParty(holder),
    contenders: contenders.map(toParty),
    resolutions,
  };
}

// The (client, key) groups of one call, in the kernel's group table. Per
// group the detector keeps only the earliest link of the first partner seen,
// in parallel arrays; a group gets a Map of each partner's earliest link only
// once a second partner shows up, which is rare. So a record costs no
// allocation, no composite string key and no nested Map per client.
interface Groups {
  readonly table: GroupTable;
  /** Slots of client ids of 2^31 and more. */
  readonly large: Map<number, number>;
  readonly firstPartner: PartnerId[];
  readonly firstEmail: string[];
  readonly firstAt: number[];
  readonly firstLocal: string[];
  /** Per contested group: each partner's earliest link. */
  readonly contested: Map<number, Map<PartnerId, Link>>;
}

function createGroups(expected: number): Groups {
  return {
    table: createGroupTable(expected, true),
    large: new Map(),
    firstPartner: [],
    firstEmail: [],
    firstAt: [],
    firstLocal: [],
    contested: new Map(),
  };
}

// Adds one live link to its (client, key) group.
function addLink(groups: Groups, item: Linking, parsed: Parsed): void {
  const { table, firstPartner, firstEmail, firstAt, firstLocal } = groups;
  const { partnerId, clientId, email } = item;
  const at = item.assignedAt + 0;
  const slot = clientSlot(clientId, groups.large);
  const cell = groupCell(table, slot, parsed.id);
  if (table.cells[cell + 2] === 0) {
    claimGroupCell(table, cell, slot, parsed.id, firstPartner.length);
    firstPartner.push(partnerId);
    firstEmail.push(email);
    firstAt.push(at);
    firstLocal.push(parsed.local);
    return;
  }
  const g = table.cells[cell + 2]! - 1;
  const byPartner = groups.contested.get(g);
  if (byPartner !== undefined) {
    const seen = byPartner.get(partnerId);
    const link = toLink(item, parsed);
    if (seen === undefined || precedes(link, seen)) byPartner.set(partnerId, link);
  } else if (partnerId !== firstPartner[g]) {
    // A second partner: the group is contested from now on.
    const first: Link = {
      partnerId: firstPartner[g]!,
      clientId,
      email: firstEmail[g]!,
      local: firstLocal[g]!,
      key: parsed.key,
      assignedAt: firstAt[g]!,
    };
    groups.contested.set(
      g,
      new Map([
        [first.partnerId, first],
        [partnerId, toLink(item, parsed)],
      ]),
    );
  } else if (
    // The partner's earliest link, by the link order (one partner: its
    // assignedAt, then the email as entered).
    precedes(
      { partnerId, email, assignedAt: at },
      { partnerId, email: firstEmail[g]!, assignedAt: firstAt[g]! },
    )
  ) {
    firstEmail[g] = email;
    firstAt[g] = at;
    firstLocal[g] = parsed.local;
  }
}

/**
 * Finds every email conflict in a data set: each (client, email key) that two
 * or more distinct partners link through assignments that are neither
 * removed nor expired. Runs in linear time (hash maps keyed by client and
 * address key) and parses each distinct email string once. The result does
 * not depend on input order: conflicts come sorted by `clientId`, then
 * `email`; within one, each partner is represented by its earliest
 * assignment, the holder is the earliest `assignedAt` (ties: smaller
 * `partnerId`), and contenders follow in that same order.
 *
 * Records that are not well-formed assignments (a `clientId` that is not a
 * positive safe integer, an `assignedAt` that is not a timestamp, an email
 * `parseEmailIdentity` refuses, …) are skipped, and each bad field is
 * reported to `options.onInvalidRecord` when given, at its path
 * (`["assignments", 3, "clientId"]`). Only own properties are read. Nothing
 * throws on any input (errors thrown by a caller's own iterator, getters or
 * `onInvalidRecord` do propagate).
 *
 * @param assignments - the assignments to examine, of any partners and clients
 * @param partners - optional partner records, read only to suggest an address
 *   on each contender's primary employee domain (the first record of a
 *   `partnerId` counts)
 * @param options - `onInvalidRecord`, told of every record skipped
 * @returns the conflicts, sorted by `clientId`, then `email` (the key)
 * @example
 * ```ts
 * const conflicts = detectEmailConflicts(
 *   [
 *     { partnerId: "acme", clientId: 42, email: "jane@gmail.com", status: "active", assignedAt: 1, activatedAt: 1 },
 *     { partnerId: "northwind", clientId: 42, email: "Jane@Gmail.com", status: "pending_access", assignedAt: 2 },
 *     { partnerId: "northwind", clientId: 42, email: "jane+x@gmail.com", status: "pending_access", assignedAt: 3 },
 *   ],
 *   [{ partnerId: "northwind", program: "partner", employeeDomains: ["northwind.io"] }],
 * );
 * conflicts.map((c) => [c.clientId, c.email, c.holder.partnerId, c.contenders.map((p) => p.partnerId)]);
 * //=> [[42, "jane@gmail.com", "acme", ["northwind"]]]
 * conflicts[0].resolutions[1];
 * //=> { kind: "use_partner_domain_address", partnerId: "northwind", suggestedAddress: "Jane@northwind.io", message: "…" }
 * ```
 */
export function detectEmailConflicts(
  assignments: Iterable<Assignment>,
  partners?: Iterable<Partner>,
  options?: EmailConflictOptions,
): EmailConflict[] {
  const reader = readerOf(options);
  const { cache, ids, clean, report } = reader;
  if (!isList(assignments, "assignments", report)) return [];
  const groups = createGroups(Array.isArray(assignments) ? assignments.length : 0);
  let index = -1;
  for (const value of assignments) {
    index++;
    const item = linkingOf(value, clean);
    const parsed = item === null ? null : parseCached(item.email, cache, ids);
    if (item === null || parsed === null) {
      if (report !== undefined) diagnose(value, ["assignments", index], report);
      continue;
    }
    addLink(groups, item, parsed);
  }
  const { contested } = groups;
  // The partners are read only to suggest addresses (or to report them).
  if (contested.size === 0 && report === undefined) return [];
  const partnerById = readPartners(partners, report);
  if (contested.size === 0) return [];
  const partnerOf = (id: PartnerId) => partnerById.get(id);

  const conflicts = [...contested.values()].map((byPartner) =>
    buildConflict(parties(byPartner.values()), partnerOf),
  );
  return conflicts.sort((a, b) =>
    a.clientId !== b.clientId ? a.clientId - b.clientId : a.email < b.email ? -1 : 1,
  );
}

/**
 * The check a service runs before linking an address to a client: refuses
 * the candidate assignment when another partner already holds a live link of
 * the same address key to the same client.
 *
 * The holder is taken from `existing` by the rule of
 * {@link detectEmailConflicts} (earliest `assignedAt`, ties to the smaller
 * `partnerId`); a candidate never displaces it, whatever its own
 * `assignedAt`. The candidate's partner linking again an address it already
 * holds is fine. A candidate that cannot link anything (removed or expired,
 * not a well-formed assignment, or an email `parseEmailIdentity` refuses)
 * passes (validating it is the job of the schemas and of
 * `parseEmailAddress`), and `options.onInvalidRecord` is told why, as are
 * the malformed records of `existing` (`["candidate", "clientId"]`,
 * `["existing", 3, "email"]`). Only own properties are read. Never throws.
 *
 * @param existing - the assignments already stored (any clients; others are ignored)
 * @param candidate - the assignment about to be linked
 * @param contender - the candidate's partner, to suggest an address on its
 *   primary employee domain; ignored unless its `partnerId` is the candidate's
 * @param options - `onInvalidRecord`, told of every record skipped
 * @returns `ok(undefined)`, or the conflict with the holder, the candidate's
 *   partner as the single contender, and the three resolutions
 * @example
 * ```ts
 * const existing = [
 *   { partnerId: "acme", clientId: 42, email: "jane@gmail.com", status: "active", assignedAt: 1, activatedAt: 1 },
 * ];
 * const candidate = { partnerId: "northwind", clientId: 42, email: "jane@gmail.com", status: "pending_access", assignedAt: 2 };
 * const northwind = { partnerId: "northwind", program: "partner", employeeDomains: ["northwind.io"] };
 * const r = checkEmailLink(existing, candidate, northwind);
 * r.ok; //=> false
 * r.error.holder.partnerId; //=> "acme"
 * r.error.resolutions.map((x) => x.kind);
 * //=> ["ask_holder_to_remove_access", "use_partner_domain_address", "use_different_address"]
 * r.error.resolutions[1].suggestedAddress; //=> "jane@northwind.io"
 * checkEmailLink(existing, { ...candidate, clientId: 43 }); //=> { ok: true, value: undefined }
 * ```
 */
export function checkEmailLink(
  existing: Iterable<Assignment>,
  candidate: Assignment,
  contender?: Partner,
  options?: EmailConflictOptions,
): Result<void, EmailConflict> {
  const reader = readerOf(options);
  const report = reader.report;
  const link = readLink(candidate, ["candidate"], reader);
  if (contender !== undefined && report !== undefined)
    readPartner(contender, ["contender"], report);
  const list = isList(existing, "existing", report);
  // Without a candidate that links, nothing is refused: existing records
  // are then only read to report them.
  if ((link === null && report === undefined) || !list) return ok(undefined);
  let holder: Link | null = null;
  let index = -1;
  for (const item of existing) {
    index++;
    if (link === null) {
      readLink(item, ["existing", index], reader);
      continue;
    }
    const other = readLink(item, ["existing", index], reader, link.clientId);
    if (other === null || other.key !== link.key) continue;
    if (holder === null || precedes(other, holder)) holder = other;
  }
  if (link === null || holder === null || holder.partnerId === link.partnerId) return ok(undefined);
  const partner = own(contender, "partnerId") === link.partnerId ? contender : undefined;
  return err(buildConflict([holder, link], () => partner));
}

// Reads a partner record for its suggestions: `partnerId` and
// `employeeDomains`, own properties only; reports it when it is no partner.
function readPartner(
  partner: unknown,
  path: IssuePath,
  report: ConflictRecordReporter | undefined,
): PartnerId | null {
  if (!isRecord(partner)) {
    report?.(recordIssue("invalid_record", path, partner, "a partner object"));
    return null;
  }
  const id = own(partner, "partnerId");
  if (isPartnerId(id)) return id;
  report?.(recordIssue("invalid_partner_id", [...path, "partnerId"], id, "a non-empty string"));
  return null;
}

// partnerId → the first partner record of that id.
function readPartners(
  partners: unknown,
  report: ConflictRecordReporter | undefined,
): Map<PartnerId, unknown> {
  const byId = new Map<PartnerId, unknown>();
  if (partners === undefined || !isList(partners, "partners", report)) return byId;
  let index = -1;
  for (const partner of partners as Iterable<unknown>) {
    index++;
    const id = readPartner(partner, ["partners", index], report);
    if (id !== null && !byId.has(id)) byId.set(id, partner);
  }
  return byId;
}
