/**
 * Choosing and checking a partner's employee domain: a
 * partner with employees on several domains sets the one most of its
 * client-facing employees use, adds the others by hand through the Client
 * Access Manager, and keeps getting reminders while no domain is set.
 *
 * @module
 */

import { type EmailIssue, parseEmailAddress } from "../domain/email-address.js";
import type { DomainIssue, EmailDomain } from "../domain/email-domain.js";
import { resolveSharedDomainList, type SharedDomainOptions } from "../domain/shared-domains.js";
import { isIterable, isPartnerId, own } from "../guards.js";
import type { Partner, PartnerUser } from "../model.js";
import type { IssueBase } from "../result.js";
import {
  type ClassifyUserOptions,
  type ClientAccessManagerReason,
  classifyUsers,
  matchDomain,
  partnerContext,
} from "./classify-user.js";

/**
 * The domain most addresses are on: `count` addresses, a `share` of all the
 * valid addresses (shared ones included) between 0 and 1.
 *
 * @example
 * ```ts
 * const s: EmployeeDomainSuggestion = { domain: "acme.com" as EmailDomain, count: 2, share: 0.5 };
 * ```
 */
export interface EmployeeDomainSuggestion {
  readonly domain: EmailDomain;
  readonly count: number;
  readonly share: number;
}

/**
 * Options of {@link suggestEmployeeDomain}: `sharedDomains` to add to or
 * replace the default shared-domain list.
 *
 * @example
 * ```ts
 * const options: SuggestEmployeeDomainOptions = { sharedDomains: { add: ["acme-mail.com"] } };
 * ```
 */
export type SuggestEmployeeDomainOptions = SharedDomainOptions;

/**
 * Suggests an employee domain from a list of addresses: the most common
 * canonical domain among the valid addresses that is not shared (a free-mail
 * domain cannot be an employee domain). `share` is its count over the number
 * of valid addresses, shared ones included, so it tells how many users the
 * domain would recognise. Ties go to the alphabetically first domain (plain
 * code-unit order of the canonical ASCII form). Each canonical domain counts
 * on its own: `eu.acme.com` is not `acme.com`. Invalid addresses are
 * skipped; `emails` that is not iterable (a string is not a list) counts as
 * empty; only the options' own `sharedDomains` counts. Never throws, except
 * what the caller's own iterator throws.
 *
 * @param emails - addresses, of any type
 * @param options - `sharedDomains` to add to or replace the default list
 * @returns the suggestion, or `null` when no valid address is on a non-shared domain
 * @example
 * ```ts
 * suggestEmployeeDomain(["jane@acme.com", "max@ACME.com", "li@gmail.com", "tom@acme.io"]);
 * //=> { domain: "acme.com", count: 2, share: 0.5 }
 * suggestEmployeeDomain(["jane@gmail.com"]); //=> null
 * ```
 */
export function suggestEmployeeDomain(
  emails: Iterable<unknown>,
  options?: SuggestEmployeeDomainOptions,
): EmployeeDomainSuggestion | null {
  if (!isIterable(emails)) return null;
  const sharedDomains = own(options, "sharedDomains");
  const shared = resolveSharedDomainList(
    sharedDomains === undefined ? undefined : ({ sharedDomains } as SharedDomainOptions),
  );
  const counts = new Map<EmailDomain, number>();
  const isShared = new Map<EmailDomain, boolean>();
  let valid = 0;
  for (const email of emails) {
    const parsed = parseEmailAddress(email);
    if (!parsed.ok) continue;
    valid++;
    const domain = parsed.value.domain;
    let sharedDomain = isShared.get(domain);
    if (sharedDomain === undefined) {
      sharedDomain = shared.match(domain) !== undefined;
      isShared.set(domain, sharedDomain);
    }
    if (!sharedDomain) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  let best: EmailDomain | undefined;
  let bestCount = 0;
  for (const [domain, count] of counts) {
    // rule: ties are broken by the domain's alphabetical order
    if (count > bestCount || (count === bestCount && best !== undefined && domain < best)) {
      best = domain;
      bestCount = count;
    }
  }
  return best === undefined ? null : { domain: best, count: bestCount, share: bestCount / valid };
}

/**
 * A user who is not recognised by the email domain and must be assigned to
 * clients by hand through the Client Access Manager, with the reason.
 *
 * @example
 * ```ts
 * const u: ClientAccessManagerUser = {
 *   user: { partnerId: "acme", email: "lea@gmail.com", tagged: true },
 *   reason: "shared_domain",
 * };
 * ```
 */
export interface ClientAccessManagerUser {
  readonly user: PartnerUser;
  readonly reason: ClientAccessManagerReason;
}

/**
 * A user whose address is refused, so it can be neither recognised nor
 * assigned until it is corrected.
 *
 * @example
 * ```ts
 * const u: InvalidEmailUser = { user, error: { code: "missing_at", message: "…", input: "jane" } };
 * ```
 */
export interface InvalidEmailUser {
  readonly user: PartnerUser;
  readonly error: EmailIssue;
}

/**
 * An entry of the partner's `employeeDomains` that is not a usable employee
 * domain (invalid, a public suffix, or shared), with the reason. It is
 * ignored by classification.
 *
 * @example
 * ```ts
 * const d: IgnoredEmployeeDomain = { input: "gmail.com", issue: { code: "shared_domain", … } };
 * ```
 */
export interface IgnoredEmployeeDomain {
  readonly input: unknown;
  readonly issue: DomainIssue;
}

/**
 * The warning of {@link employeeDomainStatus} when the domain most
 * client-facing users are on is not covered by the partner's employee
 * domains: the rule is to set the domain most of them use.
 *
 * @example
 * ```ts
 * const w: EmployeeDomainWarning = {
 *   code: "suggested_domain_not_set",
 *   message: "The most common domain of the client-facing users is acme.io (2 of them, 67% …",
 *   suggestion: { domain: "acme.io" as EmailDomain, count: 2, share: 2 / 3 },
 *   employeeDomains: ["acme.com" as EmailDomain],
 * };
 * ```
 */
export interface EmployeeDomainWarning extends IssueBase<"suggested_domain_not_set"> {
  readonly suggestion: EmployeeDomainSuggestion;
  readonly employeeDomains: readonly EmailDomain[];
}

interface EmployeeDomainStatusBase {
  /** The usable employee domains, canonical, in the partner's order (primary first). */
  readonly employeeDomains: readonly EmailDomain[];
  /** Entries of `employeeDomains` that were ignored, with the reason. */
  readonly ignoredDomains: readonly IgnoredEmployeeDomain[];
  /** The most common non-shared domain of the client-facing users (tagged, in the account). */
  readonly suggestion: EmployeeDomainSuggestion | null;
  /** Users of the account not recognised by domain, in input order. */
  readonly clientAccessManagerUsers: readonly ClientAccessManagerUser[];
  /** Users of the account whose address is refused, in input order. */
  readonly invalidEmailUsers: readonly InvalidEmailUser[];
}

/**
 * Where a partner stands with its employee domain:
 * - `missing`: no usable employee domain is set, so the partner keeps getting
 *   reminders (`remindersContinue: true`) and every user goes through the
 *   Client Access Manager; `suggestion` says what to set;
 * - `set`: at least one usable domain; `warning` is non-null when the domain
 *   most client-facing users are on is not covered by it.
 * Both list the users who must go through the Client Access Manager, the
 * users with refused addresses, and ignored domain entries. Plain JSON data.
 *
 * @example
 * ```ts
 * const s: EmployeeDomainStatus = employeeDomainStatus(acme, users);
 * if (s.status === "missing") s.remindersContinue; //=> true
 * ```
 */
export type EmployeeDomainStatus =
  | (EmployeeDomainStatusBase & {
      readonly status: "missing";
      readonly remindersContinue: true;
      readonly warning: null;
    })
  | (EmployeeDomainStatusBase & {
      readonly status: "set";
      readonly remindersContinue: false;
      readonly warning: EmployeeDomainWarning | null;
    });

/**
 * Options of {@link employeeDomainStatus}: `sharedDomains`, as for `classifyUser`.
 *
 * @example
 * ```ts
 * const options: EmployeeDomainStatusOptions = { sharedDomains: { add: ["acme-mail.com"] } };
 * ```
 */
export type EmployeeDomainStatusOptions = ClassifyUserOptions;

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Reports where a partner stands with its employee domain: `missing` (no
 * usable domain, so reminders continue) or `set`; the users of the account
 * who must go through the Client Access Manager (with the reason) and those
 * whose address is refused; and, when set, a warning if the domain most
 * client-facing users are on is not covered by the partner's domains (rule:
 * set the domain most client-facing employees use).
 *
 * Only users of this partner that are still in the account are read
 * (`partnerId` equal to the partner's, `inPartnerAccount` not `false`); the
 * client-facing ones, for the suggestion, are those among them that are
 * tagged. Employee domains are read as `classifyUser` reads them: invalid,
 * public-suffix and shared entries are ignored and listed in
 * `ignoredDomains`. Only own properties of the partner and the users count.
 * Never throws (but for what the caller's own getters or iterator throw): a
 * partner that is not an object is a partner with no domain, and `users`
 * that is not iterable is empty.
 *
 * @param partner - the partner account
 * @param users - the partner's users
 * @param options - `sharedDomains`, as for `classifyUser`
 * @returns the status
 * @example
 * ```ts
 * const acme = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] } as const;
 * const s = employeeDomainStatus(acme, [
 *   { partnerId: "acme", email: "jane@acme.io", tagged: true },
 *   { partnerId: "acme", email: "max@acme.io", tagged: true },
 *   { partnerId: "acme", email: "lea@acme.com", tagged: true },
 * ]);
 * s.status;                  //=> "set"
 * s.warning?.suggestion;     //=> { domain: "acme.io", count: 2, share: 0.6666666666666666 }
 * s.clientAccessManagerUsers.map((u) => u.reason); //=> ["different_domain", "different_domain"]
 * ```
 */
export function employeeDomainStatus(
  partner: Partner,
  users: Iterable<PartnerUser>,
  options?: EmployeeDomainStatusOptions,
): EmployeeDomainStatus {
  const context = partnerContext(partner, options);
  const partnerId = own(partner, "partnerId");
  const members: PartnerUser[] = [];
  if (isIterable(users)) {
    for (const user of users) {
      const p = own(user, "partnerId");
      if (!isPartnerId(p) || p !== partnerId || own(user, "inPartnerAccount") === false) continue;
      members.push(user as PartnerUser);
    }
  }

  const { classifications } = classifyUsers(members, partner, { sharedDomains: context.shared });
  const clientAccessManagerUsers: ClientAccessManagerUser[] = [];
  const invalidEmailUsers: InvalidEmailUser[] = [];
  const clientFacing: unknown[] = [];
  for (let i = 0; i < members.length; i++) {
    const user = members[i]!;
    const c = classifications[i]!;
    if (c.kind === "client_access_manager")
      clientAccessManagerUsers.push({ user, reason: c.reason });
    else if (c.kind === "invalid_email") invalidEmailUsers.push({ user, error: c.error });
    // rule: the domain to set is the one most client-facing employees use;
    // only tagged users work in client accounts.
    if (own(user, "tagged") === true) clientFacing.push(own(user, "email"));
  }

  const suggestion = suggestEmployeeDomain(clientFacing, { sharedDomains: context.shared });
  const employeeDomains = [...context.domains.keys()] as EmailDomain[];
  const base: EmployeeDomainStatusBase = {
    employeeDomains,
    ignoredDomains: [...context.ignored],
    suggestion,
    clientAccessManagerUsers,
    invalidEmailUsers,
  };
  if (employeeDomains.length === 0) {
    return { status: "missing", remindersContinue: true, ...base, warning: null };
  }
  const covered = suggestion === null || matchDomain(suggestion.domain, context) !== undefined;
  const warning: EmployeeDomainWarning | null = covered
    ? null
    : {
        code: "suggested_domain_not_set",
        message: `The most common domain of the client-facing users is ${suggestion.domain} (${suggestion.count} of them, ${percent(suggestion.share)} of those with a valid address), and it is not among the partner's employee domains (${employeeDomains.join(", ")}); set the domain most of them use, and add the others through the Client Access Manager.`,
        suggestion,
        employeeDomains,
      };
  return { status: "set", remindersContinue: false, ...base, warning };
}
