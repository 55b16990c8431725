/**
 * What a change of a partner's employee domains would do, before it is made:
 * which domains come and go, who gains or loses automatic recognition and a
 * Partner Seat, and every reason the change would be refused, all at once.
 *
 * @module
 */

import type { DomainConflictParty } from "../conflicts/domain-conflicts.js";
import type { DomainIssue, EmailDomain } from "../domain/email-domain.js";
import { domainAndAncestors, parseEmailDomain } from "../domain/email-domain.js";
import { parsePartnerEmployeeDomain } from "../domain/partner-employee-domain.js";
import {
  resolveSharedDomainList,
  type SharedDomainList,
  type SharedDomainListOptions,
} from "../domain/shared-domains.js";
import { isIterable, isPartnerId, isRecord, isTimestamp, own } from "../guards.js";
import type { Partner, PartnerUser, Timestamp } from "../model.js";
import { err, type IssueBase, type IssuePath, ok, type Result } from "../result.js";
import { type Classification, classifyUser } from "./classify-user.js";
import { partnerSeatEligibility } from "./partner-seat.js";
import { type EmployeeDomainWarning, employeeDomainStatus } from "./suggest-domain.js";

/**
 * A user whose recognition a domain change would change, with the
 * classification before and after.
 *
 * @example
 * ```ts
 * const change: UserChange = {
 *   user: { partnerId: "acme", email: "jo@acme.io", tagged: true },
 *   before: { kind: "client_access_manager", reason: "different_domain" },
 *   after: { kind: "domain_match", matchedDomain: "acme.io" as EmailDomain },
 * };
 * ```
 */
export interface UserChange {
  readonly user: PartnerUser;
  readonly before: Classification;
  readonly after: Classification;
}

/**
 * What {@link previewDomainChange} found the change would do.
 *
 * @example
 * ```ts
 * const p: DomainChangePreview = {
 *   domains: { added: [], removed: [], kept: ["acme.com" as EmailDomain] },
 *   recognitionGained: [], recognitionLost: [], seatsGained: [], seatsLost: [],
 *   unchanged: 3, warning: null,
 * };
 * ```
 */
export interface DomainChangePreview {
  /** The canonical domains the change adds, removes and keeps (next order; removed in current order). */
  readonly domains: {
    readonly added: EmailDomain[];
    readonly removed: EmailDomain[];
    readonly kept: EmailDomain[];
  };
  /** Users who go from `client_access_manager` to `domain_match`, in input order. */
  readonly recognitionGained: UserChange[];
  /** Users who go from `domain_match` to `client_access_manager`, in input order. */
  readonly recognitionLost: UserChange[];
  /** Users who become eligible for a Partner Seat, in input order. */
  readonly seatsGained: PartnerUser[];
  /** Users who stop being eligible for a Partner Seat, in input order. */
  readonly seatsLost: PartnerUser[];
  /** How many users keep their recognition (recognised before and after, or neither). */
  readonly unchanged: number;
  /** The warning `employeeDomainStatus` gives for the next domains, or `null`. */
  readonly warning: EmployeeDomainWarning | null;
}

/**
 * One next domain that cannot be set, with why: what
 * `parsePartnerEmployeeDomain` refuses, or another partner's claim.
 *
 * @example
 * ```ts
 * const problem: DomainChangeProblem = {
 *   index: 0, path: ["nextDomains", 0], input: "gmail.com",
 *   issue: { code: "shared_domain", message: "…", input: "gmail.com", domain: "gmail.com" as EmailDomain, listedAs: "gmail.com" },
 * };
 * ```
 */
export interface DomainChangeProblem {
  /** The position of the domain in `nextDomains`. */
  readonly index: number;
  /** `["nextDomains", index]`. */
  readonly path: IssuePath;
  readonly input: unknown;
  readonly issue: DomainIssue | DomainClaimedIssue;
}

/**
 * A next domain that another partner holds: the same domain, or one its
 * claim covers through subdomain matching (then `domain` is the other
 * partner's, the ancestor), or, when this partner matches subdomains, one
 * under it (then `holder.domain` is the other partner's domain).
 *
 * @example
 * ```ts
 * const issue: DomainClaimedIssue = {
 *   code: "domain_claimed_by_another_partner",
 *   message: 'acme.com is already claimed by partner "rival"; partner "acme" cannot claim eu.acme.com.',
 *   domain: "acme.com",
 *   holder: { partnerId: "rival", domain: "acme.com", claimedAt: 0, matchSubdomains: true },
 *   input: "eu.acme.com",
 * };
 * ```
 */
export interface DomainClaimedIssue extends IssueBase<"domain_claimed_by_another_partner"> {
  /** The contested domain in canonical form: the ancestor, for an overlap. */
  readonly domain: string;
  /** The other partner and its claim. */
  readonly holder: DomainConflictParty;
  readonly input: unknown;
}

/**
 * The refusal of {@link previewDomainChange}: every next domain that cannot
 * be set, at once.
 *
 * @example
 * ```ts
 * const refused: DomainChangeRefused = { code: "domain_change_refused", message: "…", problems: [] };
 * ```
 */
export interface DomainChangeRefused extends IssueBase<"domain_change_refused"> {
  readonly problems: readonly DomainChangeProblem[];
}

/**
 * Why {@link previewDomainChange} could not preview: the change is refused,
 * or an argument is malformed (`path` says which).
 *
 * @example
 * ```ts
 * const e: PreviewDomainChangeError = { code: "invalid_list", message: "…", path: ["users"], input: 42 };
 * ```
 */
export type PreviewDomainChangeError =
  | DomainChangeRefused
  | (IssueBase<"invalid_record"> & { readonly path: IssuePath; readonly input: unknown })
  | (IssueBase<"invalid_partner_id"> & { readonly path: IssuePath; readonly input: unknown })
  | (IssueBase<"invalid_list"> & { readonly path: IssuePath; readonly input: unknown });

/**
 * Options of {@link previewDomainChange}: the partners' domain claims (the
 * shape `detectDomainConflicts` takes) and the shared-domain list.
 *
 * @example
 * ```ts
 * const options: PreviewDomainChangeOptions = {
 *   claims: [{ partnerId: "rival", domain: "rival.io", claimedAt: 0 }],
 * };
 * ```
 */
export interface PreviewDomainChangeOptions {
  readonly claims?: Iterable<{
    readonly partnerId: string;
    readonly domain: string;
    readonly claimedAt: Timestamp;
    readonly matchSubdomains?: boolean;
  }>;
  readonly sharedDomains?: SharedDomainList | SharedDomainListOptions;
}

interface OtherClaims {
  /** Other partners' claims by canonical domain. */
  readonly exact: Map<string, DomainConflictParty>;
  /** For each domain, an other partner's claim strictly under it (the first seen). */
  readonly under: Map<string, DomainConflictParty>;
}

function readOtherClaims(claims: unknown, partnerId: string): OtherClaims {
  const exact = new Map<string, DomainConflictParty>();
  const under = new Map<string, DomainConflictParty>();
  if (!isIterable(claims)) return { exact, under };
  for (const claim of claims) {
    const owner = own(claim, "partnerId");
    const claimedAt = own(claim, "claimedAt");
    if (!isPartnerId(owner) || owner === partnerId || !isTimestamp(claimedAt)) continue;
    const parsed = parseEmailDomain(own(claim, "domain"));
    if (!parsed.ok) continue;
    const party: DomainConflictParty = {
      partnerId: owner,
      domain: parsed.value,
      claimedAt: claimedAt + 0,
      matchSubdomains: own(claim, "matchSubdomains") === true,
    };
    if (!exact.has(party.domain)) exact.set(party.domain, party);
    for (const ancestor of domainAndAncestors(party.domain).slice(1)) {
      if (!under.has(ancestor)) under.set(ancestor, party);
    }
  }
  return { exact, under };
}

// rule: a domain can be held by one partner only, and a claim that matches
// subdomains covers every domain under it, for either side.
function heldBy(domain: EmailDomain, others: OtherClaims, matchSubdomains: boolean) {
  const same = others.exact.get(domain);
  if (same !== undefined) return { contested: domain, holder: same };
  for (const ancestor of domainAndAncestors(domain).slice(1)) {
    const above = others.exact.get(ancestor);
    if (above?.matchSubdomains === true) return { contested: ancestor, holder: above };
  }
  const below = matchSubdomains ? others.under.get(domain) : undefined;
  return below === undefined ? undefined : { contested: domain, holder: below };
}

function claimedIssue(
  domain: EmailDomain,
  partnerId: string,
  input: unknown,
  held: { contested: string; holder: DomainConflictParty },
): DomainClaimedIssue {
  return {
    code: "domain_claimed_by_another_partner",
    message: `${held.contested} is already claimed by partner "${held.holder.partnerId}"; partner "${partnerId}" cannot claim ${domain}.`,
    domain: held.contested,
    holder: held.holder,
    input,
  };
}

function canonicalDomains(list: unknown): EmailDomain[] {
  const out: EmailDomain[] = [];
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length; i++) {
    const parsed = parseEmailDomain(Object.hasOwn(list, i) ? list[i] : undefined);
    if (parsed.ok && !out.includes(parsed.value)) out.push(parsed.value);
  }
  return out;
}

type Checked = Result<EmailDomain[], PreviewDomainChangeError>;

function checkNextDomains(
  nextDomains: unknown,
  partner: { partnerId: string; matchSubdomains: boolean },
  shared: SharedDomainList,
  claims: unknown,
): Checked {
  if (!Array.isArray(nextDomains)) {
    return err({
      code: "invalid_list",
      message: "The next employee domains must be a list (an empty one removes every domain).",
      path: ["nextDomains"],
      input: nextDomains,
    });
  }
  const others = readOtherClaims(claims, partner.partnerId);
  const next: EmailDomain[] = [];
  const problems: DomainChangeProblem[] = [];
  for (let index = 0; index < nextDomains.length; index++) {
    const input: unknown = Object.hasOwn(nextDomains, index) ? nextDomains[index] : undefined;
    const parsed = parsePartnerEmployeeDomain(input, { sharedDomains: shared });
    const path = ["nextDomains", index];
    if (!parsed.ok) {
      problems.push({ index, path, input, issue: parsed.error });
      continue;
    }
    const held = heldBy(parsed.value, others, partner.matchSubdomains);
    if (held !== undefined) {
      const issue = claimedIssue(parsed.value, partner.partnerId, input, held);
      problems.push({ index, path, input, issue });
      continue;
    }
    if (!next.includes(parsed.value)) next.push(parsed.value);
  }
  if (problems.length > 0) {
    const n = problems.length;
    return err({
      code: "domain_change_refused",
      message: `${n} of the next employee domains cannot be set; see problems.`,
      problems,
    });
  }
  return ok(next);
}

function isRecognised(c: Classification): boolean {
  return c.kind === "domain_match";
}

/**
 * Previews setting a partner's employee domains to `nextDomains`, without
 * changing anything. Every next domain goes through
 * `parsePartnerEmployeeDomain`; one held by another partner in `claims` (the
 * same domain, a domain under another partner's claim that matches
 * subdomains, or, when this partner matches subdomains, another partner's
 * domain under it) is a problem with the `domain_claimed_by_another_partner`
 * issue. All problems are reported at once, as `domain_change_refused`.
 * Otherwise the preview lists the domains added, removed and kept; the
 * users who gain and lose automatic recognition, with their classification
 * before and after; the users who gain and lose a Partner Seat; how many
 * keep their recognition; and the warning `employeeDomainStatus` would give
 * for the next domains. Previewing the partner's own domains reports no
 * change. Pure; never throws.
 *
 * @param partner - the partner whose domains would change
 * @param nextDomains - the domains it would hold, primary first
 * @param users - the partner's users
 * @param options - other partners' `claims`, and `sharedDomains`
 * @returns the preview, or every reason the change would be refused
 * @example
 * ```ts
 * const acme = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] } as const;
 * const users = [
 *   { partnerId: "acme", email: "jane@acme.com", tagged: true },
 *   { partnerId: "acme", email: "jo@acme.io", tagged: true },
 * ];
 * const r = previewDomainChange(acme, ["acme.io"], users);
 * if (r.ok) {
 *   r.value.domains; //=> { added: ["acme.io"], removed: ["acme.com"], kept: [] }
 *   r.value.recognitionLost.map((c) => c.user.email);   //=> ["jane@acme.com"]
 *   r.value.recognitionGained.map((c) => c.user.email); //=> ["jo@acme.io"]
 * }
 * previewDomainChange(acme, ["gmail.com"], users);
 * //=> { ok: false, error: { code: "domain_change_refused", problems: [{ index: 0, issue: { code: "shared_domain", … }, … }], … } }
 * ```
 */
export function previewDomainChange(
  partner: Partner,
  nextDomains: readonly unknown[],
  users: Iterable<PartnerUser>,
  options: PreviewDomainChangeOptions = {},
): Result<DomainChangePreview, PreviewDomainChangeError> {
  if (!isRecord(partner)) {
    return err({
      code: "invalid_record",
      message: "The partner must be an object.",
      path: ["partner"],
      input: partner,
    });
  }
  const partnerId = own(partner, "partnerId");
  if (!isPartnerId(partnerId)) {
    return err({
      code: "invalid_partner_id",
      message: "A partnerId is a non-empty string.",
      path: ["partner", "partnerId"],
      input: partnerId,
    });
  }
  if (!isIterable(users)) {
    return err({
      code: "invalid_list",
      message: "The users must be a list.",
      path: ["users"],
      input: users,
    });
  }
  const sharedOption = own(options, "sharedDomains");
  const shared = resolveSharedDomainList(
    sharedOption === undefined ? undefined : { sharedDomains: sharedOption as SharedDomainList },
  );
  const matchSubdomains = own(partner, "matchSubdomains") === true;
  const checked = checkNextDomains(
    nextDomains,
    { partnerId, matchSubdomains },
    shared,
    own(options, "claims"),
  );
  if (!checked.ok) return checked;
  return ok(compare(partner, checked.value, [...users], shared));
}

function compare(
  partner: Partner,
  next: EmailDomain[],
  users: unknown[],
  shared: SharedDomainList,
): DomainChangePreview {
  const current = canonicalDomains(own(partner, "employeeDomains"));
  const nextPartner: Partner = { ...partner, employeeDomains: next };
  const opts = { sharedDomains: shared };
  const preview = {
    domains: {
      added: next.filter((d) => !current.includes(d)),
      removed: current.filter((d) => !next.includes(d)),
      kept: next.filter((d) => current.includes(d)),
    },
    recognitionGained: [] as UserChange[],
    recognitionLost: [] as UserChange[],
    seatsGained: [] as PartnerUser[],
    seatsLost: [] as PartnerUser[],
    unchanged: 0,
  };
  for (const value of users) {
    const user = value as PartnerUser;
    const email = own(value, "email");
    const before = classifyUser(email, partner, opts);
    const after = classifyUser(email, nextPartner, opts);
    if (isRecognised(before) === isRecognised(after)) preview.unchanged += 1;
    else if (isRecognised(after)) preview.recognitionGained.push({ user, before, after });
    else preview.recognitionLost.push({ user, before, after });
    const seatBefore = partnerSeatEligibility(user, partner, opts).eligible;
    const seatAfter = partnerSeatEligibility(user, nextPartner, opts).eligible;
    if (seatAfter && !seatBefore) preview.seatsGained.push(user);
    if (seatBefore && !seatAfter) preview.seatsLost.push(user);
  }
  const status = employeeDomainStatus(nextPartner, users as PartnerUser[], opts);
  return { ...preview, warning: status.warning };
}
