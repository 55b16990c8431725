/**
 * Domain conflicts: an employee email domain belongs to one
 * partner only, and a partner that matches subdomains owns the whole tree
 * below its domain.
 *
 * @module
 */

import { parseEmailDomain } from "../domain/email-domain.js";
import { isIterable, isPartnerId, isRecord, isTimestamp, own } from "../guards.js";
import type { PartnerId, Timestamp } from "../model.js";
import type { IssueBase, IssuePath } from "../result.js";
import {
  type ConflictRecordIssue,
  type ConflictRecordReporter,
  recordIssue,
  reporterOf,
} from "./records.js";

/**
 * Options of {@link detectDomainConflicts}.
 *
 * @example
 * ```ts
 * const skipped: ConflictRecordIssue[] = [];
 * const options: DetectDomainConflictsOptions = { onInvalidRecord: (issue) => skipped.push(issue) };
 * ```
 */
export interface DetectDomainConflictsOptions {
  /**
   * Called once for each bad field of each claim that is skipped (and for
   * claims that are not a list), in input order; the result is the same
   * with or without it.
   */
  readonly onInvalidRecord?: (issue: ConflictRecordIssue) => void;
}

/**
 * A partner's claim on an employee email domain.
 *
 * @example
 * ```ts
 * const claim: DomainClaim = { partnerId: "acme", domain: "acme.com", claimedAt: 1_000, matchSubdomains: true };
 * ```
 */
export interface DomainClaim {
  readonly partnerId: PartnerId;
  /** The domain as entered; compared in its canonical form (`parseEmailDomain`). */
  readonly domain: string;
  readonly claimedAt: Timestamp;
  /** Whether the claim covers every subdomain too; default `false`. */
  readonly matchSubdomains?: boolean;
}

/**
 * One side of a domain conflict: a partner and its earliest claim involved.
 *
 * @example
 * ```ts
 * const party: DomainConflictParty = { partnerId: "acme", domain: "acme.com", claimedAt: 1_000, matchSubdomains: true };
 * ```
 */
export interface DomainConflictParty {
  readonly partnerId: PartnerId;
  /** The claimed domain in canonical form: the conflict's domain or one under it. */
  readonly domain: string;
  readonly claimedAt: Timestamp;
  readonly matchSubdomains: boolean;
}

/**
 * A domain claimed by two or more partners, directly or through a claim on a
 * subdomain of a claim that matches subdomains. The holder keeps it.
 *
 * @example
 * ```ts
 * const conflict: DomainConflict = {
 *   code: "domain_claimed_by_another_partner",
 *   message: 'acme.com is already claimed by partner "acme"; partner "rival" cannot claim it or a domain under it.',
 *   domain: "acme.com",
 *   holder: { partnerId: "acme", domain: "acme.com", claimedAt: 1, matchSubdomains: true },
 *   contenders: [{ partnerId: "rival", domain: "eu.acme.com", claimedAt: 2, matchSubdomains: false }],
 * };
 * ```
 */
export interface DomainConflict extends IssueBase<"domain_claimed_by_another_partner"> {
  /** The contested domain in canonical form: the ancestor, for an overlap. */
  readonly domain: string;
  /** The partner that claimed first (ties: smaller `partnerId`). */
  readonly holder: DomainConflictParty;
  /** Every other partner, one entry each, ordered by `claimedAt` then `partnerId`. */
  readonly contenders: readonly DomainConflictParty[];
}

interface Entry {
  // Claims on exactly this domain, then claims on domains under it when
  // some claim on this domain matches subdomains.
  readonly parties: DomainConflictParty[];
  wildcard: boolean;
}

// Skips what is not a well-formed claim, including a domain that
// parseEmailDomain refuses: an invalid domain cannot be held, so it cannot
// collide either; validating claims is the job of the boundary. Every bad
// field of a skipped claim is reported when the caller asks. Own
// properties only.
function readClaim(
  value: unknown,
  path: IssuePath,
  cache: Map<string, string | null>,
  report: ConflictRecordReporter | undefined,
): DomainConflictParty | null {
  if (!isRecord(value)) {
    report?.(recordIssue("invalid_record", path, value, "a claim object"));
    return null;
  }
  const partnerId = own(value, "partnerId");
  const claimedAt = own(value, "claimedAt");
  const raw = own(value, "domain");
  const matchSubdomains = own(value, "matchSubdomains");
  let domain = typeof raw === "string" ? cache.get(raw) : null;
  if (domain === undefined) {
    const parsed = parseEmailDomain(raw);
    domain = parsed.ok ? parsed.value : null;
    cache.set(raw as string, domain);
  }
  const valid =
    isPartnerId(partnerId) &&
    isTimestamp(claimedAt) &&
    domain !== null &&
    (matchSubdomains === undefined || typeof matchSubdomains === "boolean");
  if (!valid && report !== undefined)
    diagnoseClaim(path, partnerId, claimedAt, raw, matchSubdomains, report);
  if (!valid) return null;
  // `+ 0` turns -0 into 0, so equal instants always print the same.
  return {
    partnerId: partnerId as PartnerId,
    domain: domain as string,
    claimedAt: (claimedAt as number) + 0,
    matchSubdomains: matchSubdomains === true,
  };
}

function diagnoseClaim(
  path: IssuePath,
  partnerId: unknown,
  claimedAt: unknown,
  raw: unknown,
  matchSubdomains: unknown,
  report: ConflictRecordReporter,
): void {
  if (!isPartnerId(partnerId))
    report(
      recordIssue("invalid_partner_id", [...path, "partnerId"], partnerId, "a non-empty string"),
    );
  const parsed = parseEmailDomain(raw);
  if (!parsed.ok)
    report({
      code: "invalid_domain",
      message: `Not a valid domain: ${parsed.error.message}`,
      path: [...path, "domain"],
      input: raw,
      domainIssue: parsed.error,
    });
  if (!isTimestamp(claimedAt))
    report(
      recordIssue(
        "invalid_timestamp",
        [...path, "claimedAt"],
        claimedAt,
        "a timestamp: a whole number of milliseconds within ±8.64e15",
      ),
    );
  if (matchSubdomains !== undefined && typeof matchSubdomains !== "boolean")
    report(
      recordIssue("invalid_record", [...path, "matchSubdomains"], matchSubdomains, "a boolean"),
    );
}

// rule: the holder is the earliest claimedAt, ties to the smaller partnerId.
// Between two claims of one partner, the shorter-sorting domain and then a
// subdomain-matching claim win, so the reported party never depends on
// input order. Plain `<` compares UTF-16 code units, locale-independent.
function precedes(a: DomainConflictParty, b: DomainConflictParty): boolean {
  if (a.claimedAt !== b.claimedAt) return a.claimedAt < b.claimedAt;
  if (a.partnerId !== b.partnerId) return a.partnerId < b.partnerId;
  if (a.domain !== b.domain) return a.domain < b.domain;
  return a.matchSubdomains && !b.matchSubdomains;
}

/**
 * Finds every domain claimed by two or more partners: the same canonical
 * domain claimed twice, or a domain under another partner's domain when that
 * ancestor's claim matches subdomains (then the conflict reports the
 * ancestor's domain). A claim under a subdomain-matching claim of a domain
 * that is itself under another such claim appears in the conflict of each of
 * them. A claim that matches subdomains does not collide with a claim on its
 * parent that does not: no address is matched by both.
 *
 * Linear in the number of claims: one map keyed by canonical domain, and each
 * claim walks its own ancestor chain (at most 127 labels). Each distinct
 * domain string is parsed once. Claims that are not well-formed (a
 * `claimedAt` that is not a timestamp, a domain `parseEmailDomain` refuses,
 * …) are skipped, and each bad field is reported to
 * `options.onInvalidRecord` when given (`["claims", 2, "domain"]`, with the
 * parser's refusal in `domainIssue`). Only own properties are read. Nothing
 * throws on any input (errors thrown by a caller's own iterator, getters or
 * `onInvalidRecord` do propagate).
 *
 * @param claims - every partner's domain claims
 * @param options - `onInvalidRecord`, told of every claim skipped
 * @returns the conflicts, sorted by `domain`; within one, each partner is
 *   represented by its earliest claim involved, the holder is the earliest
 *   `claimedAt` (ties: smaller `partnerId`), and contenders follow in that order
 * @example
 * ```ts
 * const conflicts = detectDomainConflicts([
 *   { partnerId: "acme", domain: "Acme.com", claimedAt: 1, matchSubdomains: true },
 *   { partnerId: "rival", domain: "eu.acme.com", claimedAt: 2 },
 *   { partnerId: "other", domain: "acme.com.evil.io", claimedAt: 3 },
 * ]);
 * conflicts.map((c) => [c.domain, c.holder.partnerId, c.contenders.map((p) => p.domain)]);
 * //=> [["acme.com", "acme", ["eu.acme.com"]]]
 * ```
 */
export function detectDomainConflicts(
  claims: Iterable<DomainClaim>,
  options?: DetectDomainConflictsOptions,
): DomainConflict[] {
  const report = reporterOf(options);
  if (!isIterable(claims)) {
    report?.(recordIssue("invalid_list", ["claims"], claims, "an array or another iterable"));
    return [];
  }
  const cache = new Map<string, string | null>();
  const entries = new Map<string, Entry>();
  const read: DomainConflictParty[] = [];
  let anyWildcard = false;
  let index = -1;
  for (const item of claims) {
    index++;
    const claim = readClaim(item, ["claims", index], cache, report);
    if (claim === null) continue;
    read.push(claim);
    const entry = entries.get(claim.domain);
    if (entry === undefined) {
      entries.set(claim.domain, { parties: [claim], wildcard: claim.matchSubdomains });
    } else {
      entry.parties.push(claim);
      if (claim.matchSubdomains) entry.wildcard = true;
    }
    if (claim.matchSubdomains) anyWildcard = true;
  }
  if (anyWildcard) {
    for (const claim of read) {
      // Proper ancestors only: "a.b.c" → "b.c" → "c". A canonical domain has
      // at most 127 labels (253 characters), so this is bounded per claim.
      const domain = claim.domain;
      for (let dot = domain.indexOf("."); dot !== -1; dot = domain.indexOf(".", dot + 1)) {
        const ancestor = entries.get(domain.slice(dot + 1));
        if (ancestor?.wildcard === true) ancestor.parties.push(claim);
      }
    }
  }

  const conflicts: DomainConflict[] = [];
  for (const [domain, entry] of entries) {
    const byPartner = new Map<PartnerId, DomainConflictParty>();
    for (const party of entry.parties) {
      const seen = byPartner.get(party.partnerId);
      if (seen === undefined || precedes(party, seen)) byPartner.set(party.partnerId, party);
    }
    if (byPartner.size < 2) continue;
    // One party per partner, so no two tie (precedes compares partnerIds).
    const [holder, ...contenders] = [...byPartner.values()].sort((a, b) =>
      precedes(a, b) ? -1 : 1,
    );
    const names = contenders.map((c) => JSON.stringify(c.partnerId)).join(", ");
    const subject = contenders.length === 1 ? `partner ${names}` : `partners ${names}`;
    const scope = entry.wildcard ? " or a domain under it" : "";
    conflicts.push({
      code: "domain_claimed_by_another_partner",
      message: `${domain} is already claimed by partner ${JSON.stringify(holder!.partnerId)}; ${subject} cannot claim it${scope}.`,
      domain,
      holder: holder!,
      contenders,
    });
  }
  return conflicts.sort((a, b) => (a.domain < b.domain ? -1 : 1));
}
