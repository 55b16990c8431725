/**
 * The overlap rule of employee domain claims, for stores: which claims can
 * never coexist, and the lock key that makes checking it atomic. A store
 * reads the claims of one family under that family's lock, asks
 * {@link findClaimOverlap}, and writes only when it answers `null`.
 *
 * @module
 */

import { isIterable, isRecord, own } from "../guards.js";
import type { DomainClaimRecord } from "./repository.js";

/**
 * The family of a canonical domain: its last two labels (`eu.acme.com` →
 * `acme.com`). Every claimed domain has at least two labels, so a domain
 * and any domain under it share their family: locking the family before
 * reading and writing the claims in it serialises exactly the claims that
 * could overlap (two claims under one public suffix such as `co.uk` share
 * a family too; they wait for each other, which is harmless).
 *
 * @param domain - a canonical domain
 * @returns its last two labels (the domain itself when it has two); `""` for a non-string
 * @example
 * ```ts
 * domainFamily("a.eu.acme.com"); //=> "acme.com"
 * domainFamily("acme.com");      //=> "acme.com"
 * ```
 */
export function domainFamily(domain: string): string {
  if (typeof domain !== "string") return "";
  const last = domain.lastIndexOf(".");
  const before = last <= 0 ? -1 : domain.lastIndexOf(".", last - 1);
  return domain.slice(before + 1);
}

/**
 * Whether `descendant` lies strictly under `ancestor` (`eu.acme.com` under
 * `acme.com`; `acme.com.evil.io` and `notacme.com` do not).
 *
 * @param descendant - a canonical domain
 * @param ancestor - a canonical domain
 * @returns `true` when `descendant` ends with `.` + `ancestor`; `false` when either is not a string
 * @example
 * ```ts
 * isSubdomainOf("eu.acme.com", "acme.com"); //=> true
 * isSubdomainOf("notacme.com", "acme.com"); //=> false
 * ```
 */
export function isSubdomainOf(descendant: string, ancestor: string): boolean {
  return (
    typeof descendant === "string" &&
    typeof ancestor === "string" &&
    descendant.length > ancestor.length + 1 &&
    descendant.endsWith(ancestor) &&
    descendant.charCodeAt(descendant.length - ancestor.length - 1) === 0x2e
  );
}

/**
 * The stored claim of another partner that a new claim overlaps, or
 * `null`. rule: two partners' claims overlap when they are on the same
 * domain, or when one lies under the other and the upper one matches
 * subdomains. When several overlap, the one reported is the claim on the
 * same domain, else the closest ancestor, else the first descendant in
 * binary order, so every store answers alike.
 *
 * @param claim - the new claim: its domain, its partner, whether it matches subdomains
 * @param claims - stored claims (at least those of the claim's family); others are ignored
 * @returns the overlapping claim, or `null` when the new claim may be stored (or when
 *   `claim` is not a claim or `claims` not a list; stored claims that are not records are skipped)
 * @example
 * ```ts
 * const held = [{ domain: "eu.acme.com", partnerId: "b", claimedAt: 1, matchSubdomains: false }];
 * findClaimOverlap({ domain: "acme.com", partnerId: "a", matchSubdomains: true }, held)?.partnerId; //=> "b"
 * findClaimOverlap({ domain: "acme.com", partnerId: "a", matchSubdomains: false }, held); //=> null
 * ```
 */
export function findClaimOverlap(
  claim: {
    readonly domain: string;
    readonly partnerId: string;
    readonly matchSubdomains: boolean;
  },
  claims: Iterable<DomainClaimRecord>,
): DomainClaimRecord | null {
  const domain = own(claim, "domain");
  const partnerId = own(claim, "partnerId");
  if (typeof domain !== "string" || typeof partnerId !== "string" || !isIterable(claims)) {
    return null;
  }
  const matchSubdomains = own(claim, "matchSubdomains") === true;
  let ancestor: DomainClaimRecord | null = null;
  let descendant: DomainClaimRecord | null = null;
  for (const other of claims) {
    if (!isRecord(other) || typeof other.domain !== "string") continue;
    if (other.partnerId === partnerId) continue;
    if (other.domain === domain) return other;
    if (other.matchSubdomains === true && isSubdomainOf(domain, other.domain)) {
      if (ancestor === null || other.domain.length > ancestor.domain.length) ancestor = other;
    } else if (matchSubdomains && isSubdomainOf(other.domain, domain)) {
      // canonical domains are ASCII, so `<` is binary (code point) order
      if (descendant === null || other.domain < descendant.domain) descendant = other;
    }
  }
  return ancestor ?? descendant;
}
