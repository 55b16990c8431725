// The canonical form of a domain and the checks of its shape. The checks that
// need data (the Public Suffix List) or letters (the homograph rule) live in
// email-domain.ts, so that code which only compares addresses (conflicts,
// attribution) can key them without the Public Suffix List.
import { ok, type Result } from "../result.js";
import {
  type DomainIssue,
  domainIssue,
  type EmailDomain,
  empty,
  ipAddress,
  MAX_RAW_DOMAIN_LENGTH,
  tooLong,
} from "./domain-issue.js";
import { refuseBeforeMapping } from "./input-shape.js";
import { toAsciiUts46 } from "./uts46.js";
import { explainRefusal } from "./uts46-refusal.js";

export type { DomainIssue, DomainIssueCode, EmailDomain } from "./domain-issue.js";
export {
  domainIssue,
  MAX_DOMAIN_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_RAW_DOMAIN_LENGTH,
} from "./domain-issue.js";

// The root of the DNS is written as a dot at the end (RFC 1034 §3.1), in
// any of the four full stops UTS #46 maps to ".".
const ROOT_DOT = /[.\u3002\uFF0E\uFF61]$/;
// The WHATWG URL parser reads such labels as numbers (decimal, 0x hex, octal).
const NUMERIC_LABEL = /^(?:0x[0-9a-f]*|[0-9]+)$/i;

const CACHE_LIMIT = 4096;
const cache = new Map<string, Result<EmailDomain, DomainIssue>>();

/**
 * The canonical form of a domain: trimmed, one root dot removed, then UTS #46
 * ToASCII, non-transitional, with CheckHyphens, CheckBidi, CheckJoiners,
 * UseSTD3ASCIIRules and VerifyDnsLength, computed with its own Unicode tables
 * so that it is the same in every runtime. It refuses what UTS #46 refuses,
 * and also a value with a character only URLs, addresses and IP addresses
 * have, a single label, an IP address and a numeric last label. It does not
 * check the Public Suffix List, `www.` or mixed scripts, and suggests nothing
 * for a URL or an address: use it where only identity matters; use
 * `parseEmailDomain` to validate.
 *
 * @param input - the value to canonicalise
 * @returns the canonical domain, or the reason it cannot have one
 * @example
 * ```ts
 * canonicaliseDomain("Bücher.DE."); //=> { ok: true, value: "xn--bcher-kva.de" }
 * canonicaliseDomain("FAẞ.de");     //=> { ok: true, value: "xn--fa-hia.de" }
 * canonicaliseDomain("co.uk");      //=> { ok: true, value: "co.uk" }
 * ```
 */
export function canonicaliseDomain(input: unknown): Result<EmailDomain, DomainIssue> {
  if (typeof input !== "string") {
    return domainIssue("not_a_string", input, "Enter the domain as text, for example acme.com.");
  }
  const cached = cache.get(input);
  if (cached !== undefined) return cached;
  const result = canonicalise(input);
  // Bounded, and simply emptied when full: memory stays flat under any input.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, result);
  return result;
}

function canonicalise(input: string): Result<EmailDomain, DomainIssue> {
  if (input.length > MAX_RAW_DOMAIN_LENGTH) return tooLong(input, input.length);
  const trimmed = input.trim();
  if (trimmed === "") return empty(input);
  const shape = refuseBeforeMapping(input, trimmed);
  if (shape !== undefined) return shape;
  const name = ROOT_DOT.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
  const ascii = toAsciiUts46(name);
  if (ascii === null) return explainRefusal(input, name);
  return checkShape(input, ascii);
}

// Our own rules on the canonical form: a domain has two labels or more, and
// is neither an IP address nor a name whose last label is a number (which
// the URL parsers of browsers and servers would read as one).
function checkShape(input: string, ascii: string): Result<EmailDomain, DomainIssue> {
  const labels = ascii.split(".");
  if (labels.every((l) => NUMERIC_LABEL.test(l))) {
    return ipAddress(input);
  }
  // split always gives at least one label
  const last = labels[labels.length - 1]!;
  if (NUMERIC_LABEL.test(last)) {
    return domainIssue(
      "numeric_top_level_label",
      input,
      `The last part of a domain cannot be a number ("${last}"); enter a domain such as acme.com.`,
      { label: last },
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
  return ok(ascii as EmailDomain);
}

/**
 * The domain and each of its ancestors that has at least two labels,
 * longest first: `a.b.acme.com` → `a.b.acme.com`, `b.acme.com`, `acme.com`.
 * Anything but a string gives an empty list.
 *
 * @param domain - a canonical domain
 * @returns the domain and its ancestors
 * @example
 * ```ts
 * domainAndAncestors("eu.acme.com"); //=> ["eu.acme.com", "acme.com"]
 * domainAndAncestors(undefined);     //=> []
 * ```
 */
export function domainAndAncestors(domain: unknown): string[] {
  if (typeof domain !== "string") return [];
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
