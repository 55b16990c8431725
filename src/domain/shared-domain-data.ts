import { type DomainIssue, domainAndAncestors, parseEmailDomain } from "./email-domain.js";

/**
 * The result of canonicalising a raw list of shared domains: the kept
 * domains, sorted, and what was dropped and why.
 *
 * @example
 * ```ts
 * const data: SharedDomainData = buildSharedDomainData(["gmail.com", "com.ar"]);
 * data.dropped.refused[0]?.error.code; //=> "public_suffix"
 * ```
 */
export interface SharedDomainData {
  readonly domains: string[];
  readonly dropped: {
    readonly refused: ReadonlyArray<{ readonly entry: unknown; readonly error: DomainIssue }>;
    readonly covered: ReadonlyArray<{ readonly entry: string; readonly by: string }>;
  };
}

/**
 * Canonicalises raw list entries through `parseEmailDomain`, drops the ones it
 * refuses (public suffixes, addresses, malformed names) and the ones under
 * another kept entry (subdomain matching covers those).
 *
 * @param entries - raw domain strings
 * @returns the kept domains and the dropped entries
 * @example
 * ```ts
 * buildSharedDomainData(["Gmail.com", "mail.gmail.com"]).domains; //=> ["gmail.com"]
 * ```
 */
export function buildSharedDomainData(entries: Iterable<unknown>): SharedDomainData {
  const refused: Array<{ entry: unknown; error: DomainIssue }> = [];
  const canonical = new Set<string>();
  for (const entry of entries) {
    const parsed = parseEmailDomain(entry);
    if (parsed.ok) canonical.add(parsed.value);
    else refused.push({ entry, error: parsed.error });
  }
  const covered: Array<{ entry: string; by: string }> = [];
  const domains: string[] = [];
  for (const domain of canonical) {
    const by = domainAndAncestors(domain)
      .slice(1)
      .find((ancestor) => canonical.has(ancestor));
    if (by === undefined) domains.push(domain);
    else covered.push({ entry: domain, by });
  }
  domains.sort();
  return { domains, dropped: { refused, covered } };
}
