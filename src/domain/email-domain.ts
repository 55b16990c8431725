import punycode from "punycode/punycode.js";
import { getPublicSuffix, parse as parseWithPsl } from "tldts";
import { err, type IssueBase, ok, type Result, unwrapOrThrow } from "../result.js";
import { isAllowedScriptMix, scriptsOf } from "./scripts.js";

declare const emailDomainBrand: unique symbol;

/**
 * A domain name in canonical form: trimmed, without a trailing dot, mapped to
 * ASCII per IDNA/UTS #46 (`bücher.de` → `xn--bcher-kva.de`), lower case. Only
 * {@link parseEmailDomain} and the functions built on it produce one.
 *
 * @example
 * ```ts
 * const r = parseEmailDomain("Bücher.DE.");
 * if (r.ok) {
 *   const d: EmailDomain = r.value; //=> "xn--bcher-kva.de"
 * }
 * ```
 */
export type EmailDomain = string & { readonly [emailDomainBrand]: "EmailDomain" };

/** Longest domain name, in octets of its ASCII form (RFC 1035 §2.3.4). */
export const MAX_DOMAIN_LENGTH = 253;
/** Longest label, in octets of its ASCII form (RFC 1035 §2.3.4). */
export const MAX_LABEL_LENGTH = 63;
// Guard against absurd inputs before any per-character work: a name whose
// canonical form fits in 253 octets cannot be this long, apart from characters
// that UTS #46 deletes, and nobody types thousands of those into a form.
const MAX_RAW_LENGTH = 4 * MAX_DOMAIN_LENGTH;

interface DomainIssueOf<C extends string> extends IssueBase<C> {
  /** The value that was refused, exactly as given. */
  readonly input: unknown;
}

/**
 * Why a value is not an acceptable email domain. Every variant carries the
 * refused `input`, an English `message` saying what to enter instead, and the
 * data behind the decision.
 *
 * @example
 * ```ts
 * const r = parseEmailDomain("https://acme.com/team");
 * if (!r.ok && r.error.code === "looks_like_url") r.error.suggestion; //=> "acme.com"
 * ```
 */
export type DomainIssue =
  | DomainIssueOf<"not_a_string">
  | DomainIssueOf<"empty">
  | (DomainIssueOf<"too_long"> & { readonly length: number; readonly maxLength: number })
  | (DomainIssueOf<"empty_label"> & { readonly position: number })
  | (DomainIssueOf<"label_too_long"> & {
      readonly label: string;
      readonly length: number;
      readonly maxLength: number;
    })
  | (DomainIssueOf<"invalid_character"> & { readonly character: string; readonly index: number })
  | (DomainIssueOf<"hyphen_at_label_edge"> & { readonly label: string })
  | DomainIssueOf<"single_label">
  | DomainIssueOf<"ip_address">
  | (DomainIssueOf<"numeric_top_level_label"> & { readonly label: string })
  | (DomainIssueOf<"looks_like_url"> & { readonly suggestion?: EmailDomain })
  | (DomainIssueOf<"looks_like_email"> & { readonly suggestion?: EmailDomain })
  | (DomainIssueOf<"starts_with_www"> & { readonly suggestion: EmailDomain })
  | (DomainIssueOf<"mixed_scripts"> & {
      readonly label: string;
      readonly scripts: readonly string[];
    })
  | (DomainIssueOf<"invalid_idn"> & { readonly label?: string })
  | (DomainIssueOf<"public_suffix"> & { readonly domain: EmailDomain })
  | (DomainIssueOf<"shared_domain"> & { readonly domain: EmailDomain; readonly listedAs: string });

/**
 * The codes of {@link DomainIssue}, for exhaustive handling.
 *
 * @example
 * ```ts
 * const code: DomainIssueCode = "public_suffix";
 * ```
 */
export type DomainIssueCode = DomainIssue["code"];

// Letters of any script (with their combining marks), decimal digits, hyphens
// and the four full stops UTS #46 maps to ".". Anything else is refused
// before the WHATWG URL parser sees it, because the parser would silently
// strip, decode or reinterpret it (tabs, "%41", "\\", "_", "*", …).
const ALLOWED_RAW = /^[\p{L}\p{M}\p{Nd}\-.\u3002\uFF0E\uFF61]*$/u;
const ALLOWED_RAW_CHAR = /[\p{L}\p{M}\p{Nd}\-.\u3002\uFF0E\uFF61]/u;
const IDEOGRAPHIC_STOPS = /[\u3002\uFF0E\uFF61]/g;
const PLAIN_ASCII = /^[a-z0-9.-]*$/i;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
// The WHATWG URL parser reads such labels as numbers (decimal, 0x hex, octal).
const NUMERIC_LABEL = /^(?:0x[0-9a-f]*|[0-9]+)$/i;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:|[/\\?#]/i;
const IPV6_LIKE = /^\[?[0-9a-f:.]*:[0-9a-f:.]*\]?$/i;

function issue<C extends DomainIssue["code"]>(
  code: C,
  input: unknown,
  message: string,
  extra?: Omit<Extract<DomainIssue, { code: C }>, "code" | "input" | "message">,
): { ok: false; error: DomainIssue } {
  return err({ code, message, input, ...extra } as DomainIssue);
}

// Parsing is pure, and rosters repeat a handful of domains millions of times,
// so results are memoised by input string. The cache is bounded and simply
// emptied when full: that keeps memory flat under adversarial input.
const CACHE_LIMIT = 4096;
const cache = new Map<string, Result<EmailDomain, DomainIssue>>();

/**
 * Parses any email domain into its canonical form, shared (free-mail) domains
 * included. Never throws.
 *
 * Refused, each with its own `code`: a non-string, an empty value, a name over
 * 253 octets or a label over 63 (in canonical ASCII), an empty label, a
 * character other than letters, digits, hyphens and dots, a hyphen at either
 * end of a label, a single label, an IP address, a numeric last label,
 * something that looks like a URL or an email address or starts with `www.`
 * (each with a `suggestion` when one can be made), a label mixing scripts
 * (a homograph such as Latin with Cyrillic), an invalid IDN, and a public
 * suffix itself (ICANN and private sections of the Public Suffix List).
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
  if (typeof input !== "string") {
    return issue("not_a_string", input, "Enter the domain as text, for example acme.com.");
  }
  const cached = cache.get(input);
  if (cached !== undefined) return cached;
  const result = parseUncached(input);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, result);
  return result;
}

function parseUncached(input: string): Result<EmailDomain, DomainIssue> {
  const mapped = canonicalise(input);
  if (!mapped.ok) return mapped;
  const domain = mapped.value;
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

// rule (design 2.1): "www." is refused only when what follows is acceptable
// on its own (so "www.ck", a registrable name, stays valid).
function wwwSuggestion(domain: EmailDomain): EmailDomain | undefined {
  if (!domain.startsWith("www.")) return undefined;
  const rest = domain.slice(4) as EmailDomain;
  if (!rest.includes(".") || isPublicSuffix(rest)) return undefined;
  return wwwSuggestion(rest) ?? rest;
}

// Everything up to the canonical form: the checks that do not need the PSL.
function canonicalise(input: string): Result<EmailDomain, DomainIssue> {
  if (input.length > MAX_RAW_LENGTH) {
    return issue(
      "too_long",
      input,
      `A domain name has at most ${MAX_DOMAIN_LENGTH} characters; this value has ${input.length}.`,
      { length: input.length, maxLength: MAX_DOMAIN_LENGTH },
    );
  }
  const trimmed = input.trim();
  if (trimmed === "") return issue("empty", input, "Enter a domain, for example acme.com.");

  const shape = refuseOtherShapes(input, trimmed);
  if (shape !== undefined) return shape;

  if (!ALLOWED_RAW.test(trimmed)) {
    const index = [...trimmed].findIndex((ch) => !ALLOWED_RAW_CHAR.test(ch));
    const character = [...trimmed][index] ?? "";
    return issue(
      "invalid_character",
      input,
      `A domain may contain only letters, digits, hyphens and dots; remove ${JSON.stringify(character)}.`,
      { character, index },
    );
  }
  let name = trimmed.replace(IDEOGRAPHIC_STOPS, ".");
  if (name.endsWith(".")) name = name.slice(0, -1); // the root's dot: "acme.com." is "acme.com"

  const labels = name.split(".");
  const emptyAt = labels.indexOf("");
  if (emptyAt >= 0) {
    return issue(
      "empty_label",
      input,
      "A domain cannot start with a dot or contain two dots in a row; enter it like acme.com.",
      { position: emptyAt },
    );
  }
  const last = labels[labels.length - 1] ?? "";
  if (labels.every((l) => NUMERIC_LABEL.test(l))) {
    return issue(
      "ip_address",
      input,
      "An IP address is not an email domain; enter the domain name your addresses end with, such as acme.com.",
    );
  }
  if (NUMERIC_LABEL.test(last)) {
    return issue(
      "numeric_top_level_label",
      input,
      `The last part of a domain cannot be a number ("${last}"); enter a domain such as acme.com.`,
      { label: last },
    );
  }

  const ascii =
    PLAIN_ASCII.test(name) && !name.includes("xn--") ? name.toLowerCase() : toAscii(name);
  if (ascii === undefined) {
    return issue(
      "invalid_idn",
      input,
      "This internationalised domain name is not valid; check its spelling.",
    );
  }
  return checkCanonical(input, ascii);
}

// IDNA/UTS #46 mapping (case folding, full-width forms, NFC, Punycode) by the
// WHATWG URL parser, present in Node, browsers and edge runtimes. The input
// has already been reduced to letters, digits, hyphens and dots.
function toAscii(name: string): string | undefined {
  try {
    return new URL(`http://${name}/`).hostname;
  } catch {
    return undefined;
  }
}

function checkCanonical(input: string, ascii: string): Result<EmailDomain, DomainIssue> {
  const labels = ascii.split(".");
  for (const label of labels) {
    if (label === "") {
      return issue("empty_label", input, "A domain cannot contain an empty part between dots.", {
        position: labels.indexOf(label),
      });
    }
    if (label.length > MAX_LABEL_LENGTH) {
      return issue(
        "label_too_long",
        input,
        `Each part of a domain between dots has at most ${MAX_LABEL_LENGTH} characters; "${label.slice(0, 20)}…" has ${label.length}.`,
        { label, length: label.length, maxLength: MAX_LABEL_LENGTH },
      );
    }
  }
  if (ascii.length > MAX_DOMAIN_LENGTH) {
    return issue(
      "too_long",
      input,
      `A domain name has at most ${MAX_DOMAIN_LENGTH} characters; this one has ${ascii.length}.`,
      { length: ascii.length, maxLength: MAX_DOMAIN_LENGTH },
    );
  }
  for (const label of labels) {
    if (LDH_LABEL.test(label)) continue;
    if (label.startsWith("-") || label.endsWith("-")) {
      return issue(
        "hyphen_at_label_edge",
        input,
        `A part of a domain cannot start or end with a hyphen ("${label}").`,
        { label },
      );
    }
    const index = [...label].findIndex((ch) => !/[a-z0-9-]/.test(ch));
    const character = [...label][index] ?? "";
    return issue(
      "invalid_character",
      input,
      `A domain may contain only letters, digits, hyphens and dots; remove ${JSON.stringify(character)}.`,
      { character, index },
    );
  }
  if (labels.length < 2) {
    if (isListedSuffix(ascii)) return publicSuffixIssue(input, ascii as EmailDomain);
    return issue(
      "single_label",
      input,
      `"${ascii}" is a single name, not a full domain; enter it with its ending, such as ${ascii}.com.`,
    );
  }
  const last = labels[labels.length - 1] ?? "";
  if (NUMERIC_LABEL.test(last)) {
    return issue(
      "numeric_top_level_label",
      input,
      `The last part of a domain cannot be a number ("${last}"); enter a domain such as acme.com.`,
      { label: last },
    );
  }
  for (const label of labels) {
    if (!label.startsWith("xn--")) continue;
    const unicode = decodeLabel(label);
    if (unicode === undefined || !/^[\p{L}\p{M}\p{Nd}-]+$/u.test(unicode)) {
      return issue(
        "invalid_idn",
        input,
        `The internationalised part "${label}" is not a valid name; check its spelling.`,
        { label },
      );
    }
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
  return ok(ascii as EmailDomain);
}

function decodeLabel(label: string): string | undefined {
  try {
    return punycode.decode(label.slice(4));
  } catch {
    return undefined;
  }
}

// URLs, email addresses and IP addresses contain characters a domain cannot,
// so they are recognised first, to say what to enter instead.
function refuseOtherShapes(input: string, trimmed: string): Result<never, DomainIssue> | undefined {
  if (trimmed.includes("@")) {
    const suggestion = suggest(trimmed.slice(trimmed.lastIndexOf("@") + 1));
    return issue(
      "looks_like_email",
      input,
      suggestion === undefined
        ? "Enter only the domain of the address, the part after the @."
        : `Enter only the domain of the address: ${suggestion}.`,
      suggestion === undefined ? {} : { suggestion },
    );
  }
  if (IPV6_LIKE.test(trimmed)) {
    return issue(
      "ip_address",
      input,
      "An IP address is not an email domain; enter the domain name your addresses end with, such as acme.com.",
    );
  }
  if (URL_LIKE.test(trimmed)) {
    const suggestion = suggest(hostOf(trimmed));
    return issue(
      "looks_like_url",
      input,
      suggestion === undefined
        ? "Enter only the domain, without http://, a path or a port."
        : `Enter only the domain: ${suggestion}.`,
      suggestion === undefined ? {} : { suggestion },
    );
  }
  return undefined;
}

function hostOf(text: string): string {
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/)?/i, "");
  const host = withoutScheme.split(/[/\\?#]/, 1)[0] ?? "";
  const withoutUser = host.slice(host.lastIndexOf("@") + 1);
  return withoutUser.replace(/:\d*$/, "");
}

// A suggestion is offered only when it is itself acceptable, without "www.".
function suggest(candidate: string): EmailDomain | undefined {
  if (candidate === "" || candidate.length > MAX_RAW_LENGTH) return undefined;
  const c = canonicalise(candidate);
  if (!c.ok) return undefined;
  const domain = wwwSuggestion(c.value) ?? c.value;
  return isPublicSuffix(domain) ? undefined : domain;
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

/**
 * The domain and each of its ancestors that has at least two labels,
 * longest first: `a.b.acme.com` → `a.b.acme.com`, `b.acme.com`, `acme.com`.
 *
 * @param domain - a canonical domain
 * @returns the domain and its ancestors
 * @example
 * ```ts
 * domainAndAncestors("eu.acme.com"); //=> ["eu.acme.com", "acme.com"]
 * ```
 */
export function domainAndAncestors(domain: string): string[] {
  const out = [domain];
  let at = domain.indexOf(".");
  while (at >= 0) {
    const rest = domain.slice(at + 1);
    if (!rest.includes(".")) break;
    out.push(rest);
    at = domain.indexOf(".", at + 1);
  }
  return out;
}
