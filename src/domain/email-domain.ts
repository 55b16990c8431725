import { getPublicSuffix, parse as parseWithPsl } from "tldts";
import { ok, type Result, unwrapOrThrow } from "../result.js";
import {
  canonicaliseDomain,
  type DomainIssue,
  type EmailDomain,
  domainIssue as issue,
  MAX_RAW_DOMAIN_LENGTH,
} from "./canonical-domain.js";
import { isAllowedScriptMix, scriptsOf } from "./scripts.js";
import { toUnicodeLabel } from "./uts46.js";

export type { DomainIssue, DomainIssueCode, EmailDomain } from "./canonical-domain.js";
export { domainAndAncestors, MAX_DOMAIN_LENGTH, MAX_LABEL_LENGTH } from "./canonical-domain.js";

// Parsing is pure, and rosters repeat a handful of domains millions of times,
// so results are memoised by input string. The cache is bounded and simply
// emptied when full: that keeps memory flat under adversarial input.
const CACHE_LIMIT = 4096;
const cache = new Map<string, Result<EmailDomain, DomainIssue>>();

/**
 * Parses any email domain into its canonical form, shared (free-mail) domains
 * included. Never throws.
 *
 * The canonical form is UTS #46 ToASCII (non-transitional, with
 * CheckHyphens, CheckBidi, CheckJoiners, UseSTD3ASCIIRules and
 * VerifyDnsLength) of the trimmed name without its root dot, computed with
 * its own Unicode tables, so it is the same in every runtime. What UTS #46
 * accepts is accepted unless one of these rules refuses it, each with its
 * own `code`: a non-string, an empty value, a value with a tab, newline,
 * `%`, `\`, `/`, `:`, `@`, `?`, `#`, `[` or `]` (refused before any mapping,
 * as a URL, an email or an IP address where it looks like one, each with a
 * `suggestion` when one can be made), a single label, an IP address, a
 * numeric last label, a name starting with `www.` when what follows is
 * acceptable, a label mixing scripts (a homograph such as Latin with
 * Cyrillic, per UTS #39), and a public suffix itself (ICANN and private
 * sections of the Public Suffix List). What UTS #46 refuses is refused with
 * the reason: a name over 253 or a label over 63 characters in ASCII form,
 * an empty label, a character, a hyphen at either end of a label or in its
 * third and fourth places, a joiner out of context, the Bidi rule, or an
 * invalid `xn--` label.
 *
 * @param input - the value to parse, of any type
 * @returns the canonical domain, or the reason it was refused
 * @example
 * ```ts
 * parseEmailDomain("ACME.com.");  //=> { ok: true, value: "acme.com" }
 * parseEmailDomain("bücher.de");  //=> { ok: true, value: "xn--bcher-kva.de" }
 * parseEmailDomain("co.uk");      //=> { ok: false, error: { code: "public_suffix", … } }
 * ```
 */
export function parseEmailDomain(input: unknown): Result<EmailDomain, DomainIssue> {
  if (typeof input !== "string") return canonicaliseDomain(input);
  const cached = cache.get(input);
  if (cached !== undefined) return cached;
  const result = parseUncached(input);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, result);
  return result;
}

function parseUncached(input: string): Result<EmailDomain, DomainIssue> {
  const mapped = canonicaliseDomain(input);
  if (!mapped.ok) {
    const e = mapped.error;
    if (e.code === "looks_like_email" || e.code === "looks_like_url") {
      return withSuggestion(input, e.code);
    }
    if (e.code === "single_label" && isListedSuffix(e.label)) {
      return publicSuffixIssue(input, e.label as EmailDomain);
    }
    return mapped;
  }
  const domain = mapped.value;
  for (const label of domain.split(".")) {
    if (!label.startsWith("xn--")) continue;
    const unicode = toUnicodeLabel(label);
    const scripts = scriptsOf(unicode);
    if (!isAllowedScriptMix(scripts)) {
      return issue(
        "mixed_scripts",
        input,
        `"${unicode}" mixes letters of different alphabets (${[...scripts].join(", ")}), as look-alike domains do; type the domain again in one alphabet.`,
        { label: unicode, scripts: [...scripts] },
      );
    }
  }
  const www = wwwSuggestion(domain);
  if (www !== undefined) {
    return issue(
      "starts_with_www",
      input,
      `Enter the domain without "www.": ${www} instead of ${domain}.`,
      { suggestion: www },
    );
  }
  if (isPublicSuffix(domain)) return publicSuffixIssue(input, domain);
  return ok(domain);
}

function publicSuffixIssue(input: unknown, domain: EmailDomain): { ok: false; error: DomainIssue } {
  return issue(
    "public_suffix",
    input,
    `${domain} is a public suffix that anyone can register names under; enter your organisation's own domain, such as yourcompany.${domain}.`,
    { domain },
  );
}

// A single label is a public suffix only when the list names it ("com",
// "uk"); the list's implicit "*" rule would make every word one.
function isListedSuffix(label: string): boolean {
  const parsed = parseWithPsl(label, PSL_OPTIONS);
  return parsed.isIcann === true || parsed.isPrivate === true;
}

// Both sections of the Public Suffix List count: "github.io" (private) is as
// public as "co.uk" (ICANN). The input is already a validated hostname.
const PSL_OPTIONS = { allowPrivateDomains: true, extractHostname: false, validateHostname: false };

function isPublicSuffix(domain: string): boolean {
  return getPublicSuffix(domain, PSL_OPTIONS) === domain;
}

// rule: "www." is refused only when what follows is acceptable
// on its own (so "www.ck", a registrable name, stays valid).
function wwwSuggestion(domain: EmailDomain): EmailDomain | undefined {
  if (!domain.startsWith("www.")) return undefined;
  const rest = domain.slice(4) as EmailDomain;
  if (!rest.includes(".") || isPublicSuffix(rest)) return undefined;
  return wwwSuggestion(rest) ?? rest;
}

// A suggestion is offered only when it is itself acceptable, without "www.".
function suggest(candidate: string): EmailDomain | undefined {
  if (candidate === "" || candidate.length > MAX_RAW_DOMAIN_LENGTH) return undefined;
  const c = canonicaliseDomain(candidate);
  if (!c.ok) return undefined;
  const domain = wwwSuggestion(c.value) ?? c.value;
  return isPublicSuffix(domain) ? undefined : domain;
}

// An address or a URL: the domain in it, when it is acceptable, is what to
// enter instead.
function withSuggestion(
  input: string,
  code: "looks_like_email" | "looks_like_url",
): { ok: false; error: DomainIssue } {
  const trimmed = input.trim();
  const email = code === "looks_like_email";
  const suggestion = suggest(email ? trimmed.slice(trimmed.lastIndexOf("@") + 1) : hostOf(trimmed));
  if (suggestion === undefined) {
    return issue(
      code,
      input,
      email
        ? "Enter only the domain of the address, the part after the @."
        : "Enter only the domain, without http://, a path or a port.",
    );
  }
  return issue(
    code,
    input,
    email
      ? `Enter only the domain of the address: ${suggestion}.`
      : `Enter only the domain: ${suggestion}.`,
    { suggestion },
  );
}

// The host of a URL: without its scheme, user, port, path, query or fragment.
function hostOf(text: string): string {
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/)?/i, "");
  // a split with limit 1 always gives one element
  const host = withoutScheme.split(/[/\\?#]/, 1)[0]!;
  const withoutUser = host.slice(host.lastIndexOf("@") + 1);
  return withoutUser.replace(/:\d*$/, "");
}

/**
 * Like {@link parseEmailDomain}, but returns the domain or throws a
 * `PartnerAccessError` carrying the {@link DomainIssue}.
 *
 * @param input - the value to parse
 * @returns the canonical domain
 * @throws PartnerAccessError when the value is refused
 * @example
 * ```ts
 * parseEmailDomainOrThrow("ACME.com"); //=> "acme.com"
 * ```
 */
export function parseEmailDomainOrThrow(input: unknown): EmailDomain {
  return unwrapOrThrow(parseEmailDomain(input));
}
