import { err, type IssueBase, ok, type Result } from "../result.js";

// The canonical form of a domain and the checks of its shape. The checks that
// need data (the Public Suffix List) or decoding (Punycode, for the homograph
// rule) live in email-domain.ts, so that code which only compares addresses
// (conflicts, attribution) can key them with a few kilobytes of code.

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

/**
 * Longest domain name, in octets of its ASCII form (RFC 1035 §2.3.4).
 *
 * @example
 * ```ts
 * "a".repeat(MAX_DOMAIN_LENGTH); // the longest a canonical domain can be
 * ```
 */
export const MAX_DOMAIN_LENGTH = 253;
/**
 * Longest label (part between dots), in octets of its ASCII form (RFC 1035 §2.3.4).
 *
 * @example
 * ```ts
 * parseEmailDomain(`${"a".repeat(MAX_LABEL_LENGTH + 1)}.com`).ok; //=> false
 * ```
 */
export const MAX_LABEL_LENGTH = 63;
/**
 * Longest raw input looked at, in UTF-16 units: a guard against absurd input
 * before any per-character work. A name whose canonical form fits in 253
 * octets cannot be this long, apart from characters that UTS #46 deletes,
 * and nobody types hundreds of those into a form. Internal.
 *
 * @example
 * ```ts
 * parseEmailDomain("a".repeat(MAX_RAW_DOMAIN_LENGTH + 1)); //=> { ok: false, error: { code: "too_long", … } }
 * ```
 */
export const MAX_RAW_DOMAIN_LENGTH = 4 * MAX_DOMAIN_LENGTH;

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
  | (DomainIssueOf<"single_label"> & { readonly label: string })
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

/**
 * Builds a refused {@link Result} carrying a {@link DomainIssue}. Internal.
 *
 * @param code - the issue's code
 * @param input - the refused value
 * @param message - what to enter instead, in English
 * @param extra - the data of that code
 * @returns `{ ok: false, error }`
 * @example
 * ```ts
 * domainIssue("empty", "", "Enter a domain."); //=> { ok: false, error: { code: "empty", message: "Enter a domain.", input: "" } }
 * ```
 */
export function domainIssue<C extends DomainIssue["code"]>(
  code: C,
  input: unknown,
  message: string,
  extra?: Omit<Extract<DomainIssue, { code: C }>, "code" | "input" | "message">,
): { ok: false; error: DomainIssue } {
  return err({ code, message, input, ...extra } as DomainIssue);
}

/**
 * Proposes what to enter instead of a URL or an address; see `canonicaliseDomain`.
 *
 * @example
 * ```ts
 * const none: Suggest = () => undefined;
 * ```
 */
export type Suggest = (candidate: string) => EmailDomain | undefined;

// Without the PSL, a suggestion is the candidate's canonical form without a
// leading "www." (when something with a dot is left).
const syntacticSuggest: Suggest = (candidate) => {
  if (candidate === "" || candidate.length > MAX_RAW_DOMAIN_LENGTH) return undefined;
  const c = canonicalise(candidate, () => undefined);
  if (!c.ok) return undefined;
  let domain: string = c.value;
  while (domain.startsWith("www.") && domain.indexOf(".", 4) > 0) domain = domain.slice(4);
  return domain as EmailDomain;
};

const CACHE_LIMIT = 4096;
const cache = new Map<string, Result<EmailDomain, DomainIssue>>();

/**
 * The canonical form of a domain, with every check of `parseEmailDomain` but
 * `public_suffix`, `starts_with_www`, `mixed_scripts` and the decoding of
 * `xn--` labels (`invalid_idn` for Punycode that decodes to non-letters).
 * Use it where only identity matters; use `parseEmailDomain` to validate.
 *
 * @param input - the value to canonicalise
 * @param suggest - how to propose a domain for URL- or address-like input
 * @returns the canonical domain, or the reason it cannot have one
 * @example
 * ```ts
 * canonicaliseDomain("Bücher.DE."); //=> { ok: true, value: "xn--bcher-kva.de" }
 * canonicaliseDomain("co.uk");      //=> { ok: true, value: "co.uk" }
 * ```
 */
export function canonicaliseDomain(
  input: unknown,
  suggest: Suggest = syntacticSuggest,
): Result<EmailDomain, DomainIssue> {
  if (typeof input !== "string") {
    return domainIssue("not_a_string", input, "Enter the domain as text, for example acme.com.");
  }
  if (suggest !== syntacticSuggest) return canonicalise(input, suggest);
  const cached = cache.get(input);
  if (cached !== undefined) return cached;
  const result = canonicalise(input, suggest);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, result);
  return result;
}

function canonicalise(input: string, suggest: Suggest): Result<EmailDomain, DomainIssue> {
  if (input.length > MAX_RAW_DOMAIN_LENGTH) {
    return domainIssue(
      "too_long",
      input,
      `A domain name has at most ${MAX_DOMAIN_LENGTH} characters; this value has ${input.length}.`,
      { length: input.length, maxLength: MAX_DOMAIN_LENGTH },
    );
  }
  const trimmed = input.trim();
  if (trimmed === "") return domainIssue("empty", input, "Enter a domain, for example acme.com.");

  const shape = refuseOtherShapes(input, trimmed, suggest);
  if (shape !== undefined) return shape;

  if (!ALLOWED_RAW.test(trimmed)) {
    const index = [...trimmed].findIndex((ch) => !ALLOWED_RAW_CHAR.test(ch));
    const character = [...trimmed][index] ?? "";
    return domainIssue(
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
    return domainIssue(
      "empty_label",
      input,
      "A domain cannot start with a dot or contain two dots in a row; enter it like acme.com.",
      { position: emptyAt },
    );
  }
  const last = labels[labels.length - 1] ?? "";
  if (labels.every((l) => NUMERIC_LABEL.test(l))) {
    return domainIssue(
      "ip_address",
      input,
      "An IP address is not an email domain; enter the domain name your addresses end with, such as acme.com.",
    );
  }
  if (NUMERIC_LABEL.test(last)) {
    return domainIssue(
      "numeric_top_level_label",
      input,
      `The last part of a domain cannot be a number ("${last}"); enter a domain such as acme.com.`,
      { label: last },
    );
  }

  const ascii =
    PLAIN_ASCII.test(name) && !name.includes("xn--") ? name.toLowerCase() : toAscii(name);
  if (ascii === undefined) {
    return domainIssue(
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
      return domainIssue(
        "empty_label",
        input,
        "A domain cannot contain an empty part between dots.",
        {
          position: labels.indexOf(label),
        },
      );
    }
    if (label.length > MAX_LABEL_LENGTH) {
      return domainIssue(
        "label_too_long",
        input,
        `Each part of a domain between dots has at most ${MAX_LABEL_LENGTH} characters; "${label.slice(0, 20)}…" has ${label.length}.`,
        { label, length: label.length, maxLength: MAX_LABEL_LENGTH },
      );
    }
  }
  if (ascii.length > MAX_DOMAIN_LENGTH) {
    return domainIssue(
      "too_long",
      input,
      `A domain name has at most ${MAX_DOMAIN_LENGTH} characters; this one has ${ascii.length}.`,
      { length: ascii.length, maxLength: MAX_DOMAIN_LENGTH },
    );
  }
  for (const label of labels) {
    if (LDH_LABEL.test(label)) continue;
    if (label.startsWith("-") || label.endsWith("-")) {
      return domainIssue(
        "hyphen_at_label_edge",
        input,
        `A part of a domain cannot start or end with a hyphen ("${label}").`,
        { label },
      );
    }
    const index = [...label].findIndex((ch) => !/[a-z0-9-]/.test(ch));
    const character = [...label][index] ?? "";
    return domainIssue(
      "invalid_character",
      input,
      `A domain may contain only letters, digits, hyphens and dots; remove ${JSON.stringify(character)}.`,
      { character, index },
    );
  }
  if (labels.length < 2) {
    return domainIssue(
      "single_label",
      input,
      `"${ascii}" is a single name, not a full domain; enter it with its ending, such as ${ascii}.com.`,
      { label: ascii },
    );
  }
  const last = labels[labels.length - 1] ?? "";
  if (NUMERIC_LABEL.test(last)) {
    return domainIssue(
      "numeric_top_level_label",
      input,
      `The last part of a domain cannot be a number ("${last}"); enter a domain such as acme.com.`,
      { label: last },
    );
  }
  return ok(ascii as EmailDomain);
}

// URLs, email addresses and IP addresses contain characters a domain cannot,
// so they are recognised first, to say what to enter instead.
function refuseOtherShapes(
  input: string,
  trimmed: string,
  suggest: Suggest,
): Result<never, DomainIssue> | undefined {
  if (trimmed.includes("@")) {
    const suggestion = suggest(trimmed.slice(trimmed.lastIndexOf("@") + 1));
    return domainIssue(
      "looks_like_email",
      input,
      suggestion === undefined
        ? "Enter only the domain of the address, the part after the @."
        : `Enter only the domain of the address: ${suggestion}.`,
      suggestion === undefined ? {} : { suggestion },
    );
  }
  if (IPV6_LIKE.test(trimmed)) {
    return domainIssue(
      "ip_address",
      input,
      "An IP address is not an email domain; enter the domain name your addresses end with, such as acme.com.",
    );
  }
  if (URL_LIKE.test(trimmed)) {
    const suggestion = suggest(hostOf(trimmed));
    return domainIssue(
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
