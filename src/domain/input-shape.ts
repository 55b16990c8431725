// What is refused before any mapping: a value with a character that no domain
// name has but URLs, email addresses and IP addresses do. Each is recognised
// for what it is, to say what to enter instead.
import { type DomainIssue, domainIssue, type EmailDomain } from "./domain-issue.js";

/**
 * Proposes what to enter instead of a URL or an address: the canonical form
 * of a candidate, when it is acceptable. Internal.
 *
 * @example
 * ```ts
 * const none: Suggest = () => undefined;
 * ```
 */
export type Suggest = (candidate: string) => EmailDomain | undefined;

// A tab, a newline, "%", "\", "/", ":", "@", "?", "#", "[" or "]".
const BEFORE_MAPPING = /[\t\n\r%\\/:@?#[\]]/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:|[/\\?#:]/i;
const IPV6_LIKE = /^\[?[0-9a-f:.]*:[0-9a-f:.]*\]?$/i;
const BRACKETED = /^\[[^\]]*\]$/;
const LABEL_SEPARATORS = /[.\u3002\uFF0E\uFF61]/;

/**
 * Refuses a trimmed value with one of the characters a domain name never
 * has: `@` (an email address), an IPv6 or bracketed address (`[1.2.3.4]`),
 * a URL (a scheme, a port, `/`, `\`, `?`, `#`), and otherwise a tab, a
 * newline, `%`, `[` or `]` as an invalid character. Internal.
 *
 * @param input - the value as given
 * @param trimmed - the value without surrounding white space
 * @param suggest - how to propose a domain for URL- or address-like input
 * @returns the refusal, or `undefined` when none of these characters occurs
 * @example
 * ```ts
 * refuseBeforeMapping("[1.2.3.4]", "[1.2.3.4]", () => undefined); //=> { ok: false, error: { code: "ip_address", … } }
 * refuseBeforeMapping("acme.com", "acme.com", () => undefined);   //=> undefined
 * ```
 */
export function refuseBeforeMapping(
  input: string,
  trimmed: string,
  suggest: Suggest,
): { ok: false; error: DomainIssue } | undefined {
  if (!BEFORE_MAPPING.test(trimmed)) return undefined;
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
  if (IPV6_LIKE.test(trimmed) || (BRACKETED.test(trimmed) && isIpLike(trimmed.slice(1, -1)))) {
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
  const character = trimmed.match(BEFORE_MAPPING)?.[0] ?? "";
  const label = trimmed.split(LABEL_SEPARATORS).find((l) => l.includes(character)) ?? trimmed;
  return domainIssue(
    "invalid_character",
    input,
    `A domain has only letters, digits, hyphens and dots; remove ${JSON.stringify(character)} from "${label}".`,
    { character, label },
  );
}

function isIpLike(text: string): boolean {
  return /^[0-9.]+$/.test(text) || IPV6_LIKE.test(text);
}

function hostOf(text: string): string {
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/)?/i, "");
  const host = withoutScheme.split(/[/\\?#]/, 1)[0] ?? "";
  const withoutUser = host.slice(host.lastIndexOf("@") + 1);
  return withoutUser.replace(/:\d*$/, "");
}
