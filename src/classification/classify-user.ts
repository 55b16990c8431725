/**
 * Classification of a partner's users: who is recognised
 * automatically as one of the partner's employees by the email domain, and
 * who must be assigned by hand through the Client Access Manager.
 *
 * @module
 */

import { type EmailIssue, MAX_ADDRESS_OCTETS, parseEmailAddress } from "../domain/email-address.js";
import {
  type DomainIssue,
  domainAndAncestors,
  type EmailDomain,
  parseEmailDomain,
} from "../domain/email-domain.js";
import { parsePartnerEmployeeDomain } from "../domain/partner-employee-domain.js";
import {
  resolveSharedDomainList,
  type SharedDomainList,
  type SharedDomainOptions,
} from "../domain/shared-domains.js";
import { isIterable, isRecord, own } from "../guards.js";
import type { Partner, PartnerUser } from "../model.js";

/**
 * Why a user is not recognised by the email domain and must go through the
 * Client Access Manager, in the order the reasons are checked:
 * - `partner_has_no_domain`: the partner has no (usable) employee domain, so
 *   nobody is recognised;
 * - `shared_domain`: the address is on a shared (free-mail) domain such as
 *   `gmail.com`, which can never identify a partner's employees;
 * - `different_domain`: the address is on some other domain.
 *
 * @example
 * ```ts
 * const reason: ClientAccessManagerReason = "shared_domain";
 * ```
 */
export type ClientAccessManagerReason =
  | "partner_has_no_domain"
  | "shared_domain"
  | "different_domain";

/**
 * How a user's email address stands towards a partner:
 * - `domain_match`: on one of the partner's employee domains (`matchedDomain`,
 *   canonical), so recognised automatically as an employee;
 * - `client_access_manager`: anyone else, with the `reason`; such users can
 *   still work on client accounts once assigned by hand;
 * - `invalid_email`: the address itself is refused, with the parser's `error`.
 *
 * Classifications are frozen: `classifyUsers` hands out one shared object per
 * outcome instead of allocating one per user.
 *
 * @example
 * ```ts
 * const c: Classification = classifyUser("jane@acme.com", acme);
 * if (c.kind === "domain_match") c.matchedDomain; //=> "acme.com"
 * ```
 */
export type Classification =
  | { readonly kind: "domain_match"; readonly matchedDomain: EmailDomain }
  | { readonly kind: "client_access_manager"; readonly reason: ClientAccessManagerReason }
  | { readonly kind: "invalid_email"; readonly error: EmailIssue };

/**
 * The `kind`s of {@link Classification}.
 *
 * @example
 * ```ts
 * const kind: ClassificationKind = "client_access_manager";
 * ```
 */
export type ClassificationKind = Classification["kind"];

/**
 * Options of {@link classifyUser} and {@link classifyUsers}: `sharedDomains`
 * to add to or replace the default shared-domain list.
 *
 * @example
 * ```ts
 * const options: ClassifyUserOptions = { sharedDomains: { add: ["acme-mail.com"] } };
 * ```
 */
export type ClassifyUserOptions = SharedDomainOptions;

/**
 * How many users of a roster got each outcome; `byReason` splits
 * `byKind.client_access_manager`.
 *
 * @example
 * ```ts
 * const counts: ClassificationCounts = {
 *   total: 3,
 *   byKind: { domain_match: 1, client_access_manager: 2, invalid_email: 0 },
 *   byReason: { partner_has_no_domain: 0, shared_domain: 1, different_domain: 1 },
 * };
 * ```
 */
export interface ClassificationCounts {
  readonly total: number;
  readonly byKind: { readonly [K in ClassificationKind]: number };
  readonly byReason: { readonly [R in ClientAccessManagerReason]: number };
}

/**
 * The result of {@link classifyUsers}: `classifications[i]` is the
 * classification of the i-th user given.
 *
 * @example
 * ```ts
 * const r: ClassifyUsersResult = classifyUsers(roster, acme);
 * r.counts.byKind.client_access_manager; //=> 2
 * ```
 */
export interface ClassifyUsersResult {
  readonly classifications: readonly Classification[];
  readonly counts: ClassificationCounts;
}

type DomainMatch = Extract<Classification, { kind: "domain_match" }>;

// One frozen object per reason, shared by every classification that has it
// (marked pure so a bundle that does not classify drops them).
const PARTNER_HAS_NO_DOMAIN: Classification = /* @__PURE__ */ Object.freeze({
  kind: "client_access_manager",
  reason: "partner_has_no_domain",
});
const SHARED_DOMAIN: Classification = /* @__PURE__ */ Object.freeze({
  kind: "client_access_manager",
  reason: "shared_domain",
});
const DIFFERENT_DOMAIN: Classification = /* @__PURE__ */ Object.freeze({
  kind: "client_access_manager",
  reason: "different_domain",
});

/**
 * What classification needs of a partner: its usable employee domains
 * (canonical, in the partner's order) with the shared `domain_match` result
 * of each, whether it matches subdomains, the shared-domain list in force,
 * the entries that were ignored, and a bounded cache of what each raw domain
 * part of an address classifies as.
 *
 * @internal Shared by the classification modules; not exported by the package.
 * @example
 * ```ts
 * const context: PartnerContext = partnerContext(acme, undefined);
 * [...context.domains.keys()]; //=> ["acme.com"]
 * ```
 */
export interface PartnerContext {
  readonly domains: ReadonlyMap<string, DomainMatch>;
  readonly matchSubdomains: boolean;
  readonly shared: SharedDomainList;
  /** Employee-domain entries that were not usable, with the reason. */
  readonly ignored: ReadonlyArray<{ readonly input: unknown; readonly issue: DomainIssue }>;
  /** Raw domain part → verdict, for the fast path of `classifyUser`. */
  readonly verdicts: Map<string, DomainVerdict>;
}

// Contexts by partner object, so that classifying user after user of one
// partner does not re-read its domains each time. An entry is reused only
// while the partner still holds the very same domain entries, subdomain flag
// and shared list, so a caller that mutates a partner in place (it is typed
// readonly, but JavaScript allows it) still gets a correct answer.
const contexts = new WeakMap<
  object,
  { readonly entries: readonly unknown[] | null; readonly context: PartnerContext }
>();

// Whether the partner's entries (any value) are still the remembered own
// elements, checked without copying them: classifying user after user of
// one partner stays cheap. A list with holes never matches, and is re-read.
function sameEntries(remembered: readonly unknown[] | null, raw: unknown): boolean {
  if (!Array.isArray(raw)) return remembered === null;
  if (remembered === null || raw.length !== remembered.length) return false;
  for (let i = 0; i < raw.length; i++) {
    if (!Object.hasOwn(raw, i) || raw[i] !== remembered[i]) return false;
  }
  return true;
}

/**
 * Reads a partner defensively. Callers may hold domains in non-canonical
 * form, so each goes through `parsePartnerEmployeeDomain`; a value it refuses
 * is ignored rather than trusted, because
 * - an invalid name matches no address anyway;
 * - a public suffix (`com`) with subdomain matching would match everyone;
 * - a shared domain (`gmail.com`) cannot be an employee domain (a free-mail
 *   address says nothing about an employer): honouring it would hand anyone
 *   with a free-mail address a Partner Seat.
 * Only the partner's own properties are read, and only the own elements of
 * its `employeeDomains`: anything that is not an object with an own
 * `employeeDomains` array reads as a partner with no domain, and only an own
 * `matchSubdomains === true` opts in. The result is remembered per partner
 * object while its entries stay the same.
 *
 * @internal Shared by the classification modules; not exported by the package.
 * @param partner - the partner, of any type
 * @param options - the caller's options, of any type
 * @returns the partner's classification context
 * @example
 * ```ts
 * partnerContext({ employeeDomains: ["ACME.com", "gmail.com"] }, undefined).ignored.length; //=> 1
 * ```
 */
export function partnerContext(partner: unknown, options: unknown): PartnerContext {
  const shared = resolveSharedDomainList(readOptions(options));
  if (!isRecord(partner)) return buildContext(null, false, shared);
  // Object.hasOwn and a named read rather than own(): this runs once per
  // classifyUser call, and a named read stays fast where own()'s keyed one
  // sees every shape of the library.
  const p = partner as { readonly employeeDomains?: unknown; readonly matchSubdomains?: unknown };
  const raw = Object.hasOwn(p, "employeeDomains") ? p.employeeDomains : undefined;
  const matchSubdomains = Object.hasOwn(p, "matchSubdomains") && p.matchSubdomains === true;
  const cached = contexts.get(partner);
  if (
    cached !== undefined &&
    cached.context.shared === shared &&
    cached.context.matchSubdomains === matchSubdomains &&
    sameEntries(cached.entries, raw)
  ) {
    return cached.context;
  }
  const entries: readonly unknown[] | null = Array.isArray(raw) ? ownElements(raw) : null;
  const context = buildContext(entries, matchSubdomains, shared);
  contexts.set(partner, { entries, context });
  return context;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
// Up to this length the indexes are walked; longer arrays by their own keys.
const WALK_LIMIT = 1024;

// The own elements of an array, in order: holes and elements inherited from
// a prototype are not the caller's data. A long array goes by its own keys,
// so that a sparse array claiming a huge length costs only what it holds.
function ownElements(array: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  if (array.length <= WALK_LIMIT) {
    for (let i = 0; i < array.length; i++) if (Object.hasOwn(array, i)) out.push(array[i]);
    return out;
  }
  for (const key of Object.keys(array)) {
    if (ARRAY_INDEX.test(key)) out.push(array[Number(key)]);
  }
  return out;
}

function buildContext(
  entries: readonly unknown[] | null,
  matchSubdomains: boolean,
  shared: SharedDomainList,
): PartnerContext {
  const domains = new Map<string, DomainMatch>();
  const ignored: { input: unknown; issue: DomainIssue }[] = [];
  if (entries !== null) {
    const sharedOption = { sharedDomains: shared };
    for (let i = 0; i < entries.length; i++) {
      const input: unknown = entries[i];
      const parsed = parsePartnerEmployeeDomain(input, sharedOption);
      if (!parsed.ok) ignored.push(Object.freeze({ input, issue: parsed.error }));
      else if (!domains.has(parsed.value)) {
        domains.set(
          parsed.value,
          Object.freeze({ kind: "domain_match", matchedDomain: parsed.value }),
        );
      }
    }
  }
  return { domains, matchSubdomains, shared, ignored: Object.freeze(ignored), verdicts: new Map() };
}

// Only the options' own `sharedDomains` counts: an inherited one must not
// replace the shared-domain list.
function readOptions(options: unknown): SharedDomainOptions | undefined {
  const sharedDomains = own(options, "sharedDomains");
  return sharedDomains === undefined ? undefined : ({ sharedDomains } as SharedDomainOptions);
}

/**
 * The partner's `domain_match` result for a canonical address domain, if one
 * of its employee domains covers it. Exact match only, unless the partner
 * opted into subdomains; then the address domain's own ancestors are looked
 * up, longest first, so the most specific employee domain wins. Walking the
 * ancestors of the address (and never testing "ends with") is what keeps
 * `acme.com.evil.io` away from `acme.com`.
 *
 * @internal Shared by the classification modules; not exported by the package.
 * @param domain - a canonical domain
 * @param context - the partner's context
 * @returns the match, or `undefined`
 * @example
 * ```ts
 * matchDomain("eu.acme.com", partnerContext({ employeeDomains: ["acme.com"], matchSubdomains: true }, undefined));
 * //=> { kind: "domain_match", matchedDomain: "acme.com" }
 * ```
 */
export function matchDomain(domain: string, context: PartnerContext): DomainMatch | undefined {
  const exact = context.domains.get(domain);
  if (exact !== undefined || !context.matchSubdomains) return exact;
  const chain = domainAndAncestors(domain);
  for (let i = 1; i < chain.length; i++) {
    const found = context.domains.get(chain[i]!);
    if (found !== undefined) return found;
  }
  return undefined;
}

// rule: partner_has_no_domain, then shared_domain, then
// different_domain. The shared check may come before the match because a
// shared domain is never among the usable employee domains; under subdomain
// matching it also keeps a shared subdomain of an employee domain (a
// caller-listed mail.acme.com) out of automatic recognition.
function classifyDomain(domain: string, context: PartnerContext): Classification {
  if (context.domains.size === 0) return PARTNER_HAS_NO_DOMAIN;
  if (context.shared.match(domain) !== undefined) return SHARED_DOMAIN;
  return matchDomain(domain, context) ?? DIFFERENT_DOMAIN;
}

function classifyParsed(email: unknown, context: PartnerContext): Classification {
  const parsed = parseEmailAddress(email);
  if (!parsed.ok) return Object.freeze({ kind: "invalid_email", error: parsed.error });
  return classifyDomain(parsed.value.domain, context);
}

/**
 * Classifies one user's email address for a partner: `domain_match` when it
 * is on one of the partner's employee domains, `client_access_manager` with
 * the reason otherwise, `invalid_email` when the address is refused. Only
 * `employeeDomains` and `matchSubdomains` of the partner are read; domains
 * are compared in canonical form, and only the partner's and the options'
 * own properties count. Never throws (but for what a getter the caller
 * defined throws): a partner that is not an object with an own
 * `employeeDomains` array counts as a partner with no domain, and employee
 * domains that are invalid, public suffixes or shared are ignored. To
 * classify many users, use {@link classifyUsers}.
 *
 * @param email - the user's address, of any type
 * @param partner - the partner account
 * @param options - `sharedDomains` to add to or replace the default list
 * @returns the classification (frozen)
 * @example
 * ```ts
 * const acme = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] } as const;
 * classifyUser("jane@ACME.com", acme);    //=> { kind: "domain_match", matchedDomain: "acme.com" }
 * classifyUser("jane@eu.acme.com", acme); //=> { kind: "client_access_manager", reason: "different_domain" }
 * classifyUser("jane@gmail.com", acme);   //=> { kind: "client_access_manager", reason: "shared_domain" }
 * classifyUser("jane@gmail.com", { ...acme, employeeDomains: [] });
 * //=> { kind: "client_access_manager", reason: "partner_has_no_domain" }
 * classifyUser("jane", acme);             //=> { kind: "invalid_email", error: { code: "missing_at", … } }
 * ```
 */
export function classifyUser(
  email: unknown,
  partner: Partner,
  options?: ClassifyUserOptions,
): Classification {
  const context = partnerContext(partner, options);
  return (
    (typeof email === "string" ? classifyFast(email, context, context.verdicts) : undefined) ??
    classifyParsed(email, context)
  );
}

// RFC 5322 §3.2.3 atext in ASCII: letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~
// Marked pure so a bundle that does not classify drops it.
const ATEXT = /* @__PURE__ */ atextTable();

function atextTable(): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~") {
    table[ch.charCodeAt(0)] = 1;
  }
  return table;
}

/**
 * Whether `email.slice(0, end)` is a plain ASCII dot-atom: atext characters
 * and single dots, no dot at either end. For such a local part,
 * `parseEmailAddress` changes nothing (NFC is the identity on ASCII) and
 * accepts it, which is what lets the roster fast path skip the parser.
 */
function isAsciiDotAtom(email: string, end: number): boolean {
  let previousDot = true; // a leading dot is refused like a doubled one
  for (let i = 0; i < end; i++) {
    const c = email.charCodeAt(i);
    if (c === 46) {
      if (previousDot) return false;
      previousDot = true;
    } else if (c < 128 && ATEXT[c] === 1) {
      previousDot = false;
    } else {
      return false;
    }
  }
  return !previousDot;
}

// What one raw domain part classifies as, with its canonical length (for the
// 254-octet limit), or null when parseEmailDomain refuses it.
const VERDICT_LIMIT = 4096;
type DomainVerdict = { readonly classification: Classification; readonly length: number } | null;

/**
 * The roster fast path: classifies an address without `parseEmailAddress`
 * when that provably gives the same answer, or returns `undefined` to send
 * it to the parser. It accepts only addresses at most 254 characters long,
 * with an ASCII dot-atom local part of 1–64 characters starting the string
 * and a printable ASCII last character (so trimming is the identity), whose
 * domain part the parser accepts and whose canonical length fits. Every
 * refusal and every unusual address takes the full parser, so results and
 * error objects are the same as `classifyUser`'s.
 */
function classifyFast(
  email: string,
  context: PartnerContext,
  verdicts: Map<string, DomainVerdict>,
): Classification | undefined {
  const length = email.length;
  if (length > MAX_ADDRESS_OCTETS) return undefined;
  const at = email.lastIndexOf("@");
  if (at < 1 || at > 64) return undefined;
  const last = email.charCodeAt(length - 1);
  if (last <= 0x20 || last >= 0x7f) return undefined;
  if (!isAsciiDotAtom(email, at)) return undefined;
  const raw = email.slice(at + 1);
  let verdict = verdicts.get(raw);
  if (verdict === undefined) {
    const domain = parseEmailDomain(raw);
    verdict = domain.ok
      ? { classification: classifyDomain(domain.value, context), length: domain.value.length }
      : null;
    // Bounded like parseEmailDomain's cache: flat memory under any input.
    if (verdicts.size >= VERDICT_LIMIT) verdicts.clear();
    verdicts.set(raw, verdict);
  }
  if (verdict === null || at + 1 + verdict.length > MAX_ADDRESS_OCTETS) return undefined;
  return verdict.classification;
}

// Once per user of a roster: a named read after Object.hasOwn stays fast
// where own()'s keyed read would not.
function emailOf(user: unknown): unknown {
  if (typeof user !== "object" || user === null) return user;
  return Object.hasOwn(user, "email") ? (user as { readonly email?: unknown }).email : undefined;
}

/**
 * Classifies a whole roster in one pass, as {@link classifyUser} would each
 * user, and counts the outcomes: the bulk view of "which of my users need the
 * Client Access Manager?". The partner's domains are read once per call, each
 * distinct domain part is classified once, and classifications are shared
 * frozen objects, so a large roster costs little beyond the result array.
 * A user's own `email` is read; a user that is not an object is classified
 * by itself as an email (so it is `invalid_email`); `users` that is not
 * iterable (a string is not a list of users) counts as empty. Never throws,
 * except what the caller's own getters or iterator throw.
 *
 * @param users - the partner's users, in any order; read once
 * @param partner - the partner account
 * @param options - `sharedDomains` to add to or replace the default list
 * @returns the classification of each user in input order, and the counts
 * @example
 * ```ts
 * const r = classifyUsers(
 *   [
 *     { partnerId: "acme", email: "jane@acme.com", tagged: true },
 *     { partnerId: "acme", email: "max@gmail.com", tagged: true },
 *   ],
 *   { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] },
 * );
 * r.classifications.map((c) => c.kind); //=> ["domain_match", "client_access_manager"]
 * r.counts.byReason.shared_domain;      //=> 1
 * ```
 */
export function classifyUsers(
  users: Iterable<PartnerUser>,
  partner: Partner,
  options?: ClassifyUserOptions,
): ClassifyUsersResult {
  const context = partnerContext(partner, options);
  const verdicts = new Map<string, DomainVerdict>();
  const classifications: Classification[] = [];
  let domainMatch = 0;
  let invalidEmail = 0;
  let noDomain = 0;
  let shared = 0;
  let different = 0;
  if (isIterable(users)) {
    for (const user of users) {
      const email = emailOf(user);
      const c =
        (typeof email === "string" ? classifyFast(email, context, verdicts) : undefined) ??
        classifyParsed(email, context);
      classifications.push(c);
      if (c.kind === "domain_match") domainMatch++;
      else if (c.kind === "invalid_email") invalidEmail++;
      else if (c === PARTNER_HAS_NO_DOMAIN) noDomain++;
      else if (c === SHARED_DOMAIN) shared++;
      else different++;
    }
  }
  const clientAccessManager = noDomain + shared + different;
  return {
    classifications,
    counts: {
      total: classifications.length,
      byKind: {
        domain_match: domainMatch,
        client_access_manager: clientAccessManager,
        invalid_email: invalidEmail,
      },
      byReason: {
        partner_has_no_domain: noDomain,
        shared_domain: shared,
        different_domain: different,
      },
    },
  };
}
