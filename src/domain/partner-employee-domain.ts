import { err, ok, type Result, unwrapOrThrow } from "../result.js";
import { type DomainIssue, type EmailDomain, parseEmailDomain } from "./email-domain.js";
import { resolveSharedDomainList, type SharedDomainOptions } from "./shared-domains.js";

/**
 * Options of {@link parsePartnerEmployeeDomain}.
 *
 * @example
 * ```ts
 * const options: ParsePartnerEmployeeDomainOptions = {
 *   sharedDomains: { add: ["acme-mail.com"], remove: ["gmx.us"] },
 * };
 * ```
 */
export type ParsePartnerEmployeeDomainOptions = SharedDomainOptions;

/**
 * Parses a partner employee email domain: everything {@link parseEmailDomain}
 * checks, and also refuses shared (free-mail) domains and their subdomains
 * with `code: "shared_domain"`, since a domain anyone can get an address on
 * cannot identify a partner's employees. Never throws.
 *
 * @param input - the value to parse, of any type
 * @param options - `sharedDomains` to replace, add to or remove from the default list
 * @returns the canonical domain, or the reason it was refused
 * @example
 * ```ts
 * parsePartnerEmployeeDomain("Northwind.io"); //=> { ok: true, value: "northwind.io" }
 * parsePartnerEmployeeDomain("gmail.com");
 * //=> { ok: false, error: { code: "shared_domain", domain: "gmail.com", listedAs: "gmail.com", … } }
 * ```
 */
export function parsePartnerEmployeeDomain(
  input: unknown,
  options?: ParsePartnerEmployeeDomainOptions,
): Result<EmailDomain, DomainIssue> {
  const parsed = parseEmailDomain(input);
  if (!parsed.ok) return parsed;
  const domain = parsed.value;
  const listedAs = resolveSharedDomainList(options).match(domain);
  if (listedAs === undefined) return ok(domain);
  return err({
    code: "shared_domain",
    message: `${domain} is a shared email domain that anyone can get an address on${listedAs === domain ? "" : ` (under ${listedAs})`}; enter the domain your client-facing employees use, and add people on other domains through the Client Access Manager.`,
    input,
    domain,
    listedAs,
  });
}

/**
 * Like {@link parsePartnerEmployeeDomain}, but returns the domain or throws a
 * `PartnerAccessError` carrying the {@link DomainIssue}.
 *
 * @param input - the value to parse
 * @param options - `sharedDomains` to replace, add to or remove from the default list
 * @returns the canonical domain
 * @throws PartnerAccessError when the value is refused
 * @example
 * ```ts
 * parsePartnerEmployeeDomainOrThrow("northwind.io"); //=> "northwind.io"
 * ```
 */
export function parsePartnerEmployeeDomainOrThrow(
  input: unknown,
  options?: ParsePartnerEmployeeDomainOptions,
): EmailDomain {
  return unwrapOrThrow(parsePartnerEmployeeDomain(input, options));
}
