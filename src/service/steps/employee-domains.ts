/**
 * Reading a requested list of employee domains: each through
 * `parsePartnerEmployeeDomain`, and, when the service requires it, each
 * proved by a verification of the partner's. Internal: not exported from
 * the package.
 *
 * @module
 */

import type { DomainIssue } from "../../domain/email-domain.js";
import { parsePartnerEmployeeDomain } from "../../domain/partner-employee-domain.js";
import type { SharedDomainOptions } from "../../domain/shared-domains.js";
import { isRecord, isTimestamp } from "../../guards.js";
import type { PartnerId, Timestamp } from "../../model.js";
import { err, ok, type Result } from "../../result.js";
import type { DomainNotVerifiedError, InvalidEmployeeDomainsError } from "../errors.js";

/**
 * Parses each requested domain; duplicates after canonicalisation are
 * dropped, every refusal is reported at once.
 *
 * @param inputs - the request's `domains`
 * @param options - the service's shared-domain list
 * @returns the canonical domains in request order, or `invalid_employee_domains`
 * @example
 * ```ts
 * parseDomains(["Acme.com", "acme.com."], {}); //=> { ok: true, value: ["acme.com"] }
 * ```
 */
export function parseDomains(
  inputs: readonly unknown[],
  options: SharedDomainOptions,
): Result<string[], InvalidEmployeeDomainsError> {
  const domains: string[] = [];
  const issues: { index: number; path: (string | number)[]; input: unknown; issue: DomainIssue }[] =
    [];
  inputs.forEach((input, index) => {
    const parsed = parsePartnerEmployeeDomain(input, options);
    if (!parsed.ok) issues.push({ index, path: ["domains", index], input, issue: parsed.error });
    else if (!domains.includes(parsed.value)) domains.push(parsed.value);
  });
  if (issues.length === 0) return ok(domains);
  const what = issues.length === 1 ? "A domain is" : `${issues.length} domains are`;
  return err({
    code: "invalid_employee_domains",
    message: `${what} not acceptable as employee domains; see issues.`,
    issues,
  });
}

// rule: a proof binds a domain to a partner. Only a `verified` outcome for
// exactly this canonical domain, issued to this partner, verified no later
// than now, counts; anything else in the list proves nothing.
function proves(v: unknown, domain: string, partnerId: PartnerId, now: Timestamp): boolean {
  return (
    isRecord(v) &&
    v.status === "verified" &&
    v.domain === domain &&
    v.partnerId === partnerId &&
    isTimestamp(v.verifiedAt) &&
    v.verifiedAt <= now
  );
}

/**
 * Checks that every domain has a proof among the verifications.
 *
 * @param domains - canonical domains
 * @param verifications - the request's `verifications` (absent: none)
 * @param partnerId - the partner setting its domains
 * @param now - the time of the use case
 * @returns nothing, or `domain_not_verified` with every domain lacking a proof
 * @example
 * ```ts
 * requireProofs(["acme.com"], [], "acme", now); //=> { ok: false, error: { code: "domain_not_verified", domains: ["acme.com"], … } }
 * ```
 */
export function requireProofs(
  domains: readonly string[],
  verifications: readonly unknown[] | undefined,
  partnerId: PartnerId,
  now: Timestamp,
): Result<void, DomainNotVerifiedError> {
  const given = verifications ?? [];
  const missing = domains.filter((d) => !given.some((v) => proves(v, d, partnerId, now)));
  if (missing.length === 0) return ok(undefined);
  return err({
    code: "domain_not_verified",
    message: `Prove that partner ${JSON.stringify(partnerId)} controls ${missing.join(", ")} with a DNS TXT challenge first.`,
    path: ["verifications"],
    domains: missing,
  });
}
