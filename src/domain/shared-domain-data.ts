import { type DomainIssue, domainAndAncestors, parseEmailDomain } from "./email-domain.js";

/**
 * An entry of a shared-domain list that `parseEmailDomain` refused, with why.
 *
 * @example
 * ```ts
 * const r: RefusedSharedDomain = { entry: 7, error: { code: "not_a_string", message: "…", input: 7 } };
 * ```
 */
export interface RefusedSharedDomain {
  readonly entry: unknown;
  readonly error: DomainIssue;
}

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
    readonly refused: ReadonlyArray<RefusedSharedDomain>;
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
  const refused: RefusedSharedDomain[] = [];
  const canonical = canonicalEntries(entries, refused);
  const { domains, covered } = withoutCovered(canonical);
  return { domains, dropped: { refused, covered } };
}

/**
 * The canonical forms of list entries that `parseEmailDomain` accepts; the
 * others are pushed to `refused`. Internal.
 *
 * @param entries - raw entries
 * @param refused - where refused entries go
 * @returns the canonical domains, in first-seen order
 * @example
 * ```ts
 * canonicalEntries(["Gmail.com", 7], []); //=> Set { "gmail.com" }
 * ```
 */
export function canonicalEntries(
  entries: Iterable<unknown>,
  refused: RefusedSharedDomain[],
): Set<string> {
  const canonical = new Set<string>();
  for (const entry of entries) {
    const parsed = parseEmailDomain(entry);
    if (parsed.ok) canonical.add(parsed.value);
    else refused.push({ entry, error: parsed.error });
  }
  return canonical;
}

/**
 * Canonical domains without those under another of them, sorted. Internal.
 *
 * @param canonical - canonical domains
 * @returns the kept domains and the covered ones with the entry covering each
 * @example
 * ```ts
 * withoutCovered(new Set(["mail.gmail.com", "gmail.com"])).domains; //=> ["gmail.com"]
 * ```
 */
export function withoutCovered(canonical: ReadonlySet<string>): {
  domains: string[];
  covered: Array<{ entry: string; by: string }>;
} {
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
  return { domains, covered };
}
