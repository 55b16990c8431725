// What is refused before any mapping: a value with a character that no domain
// name has but URLs, email addresses and IP addresses do. Each is recognised
// for what it is, to say what to enter instead.
import { type DomainIssue, domainIssue, invalidCharacter, ipAddress } from "./domain-issue.js";

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
 * The hints name no domain: `parseEmailDomain` adds a `suggestion`, since
 * only with the Public Suffix List can it tell one worth suggesting.
 *
 * @param input - the value as given
 * @param trimmed - the value without surrounding white space
 * @returns the refusal, or `undefined` when none of these characters occurs
 * @example
 * ```ts
 * refuseBeforeMapping("[1.2.3.4]", "[1.2.3.4]"); //=> { ok: false, error: { code: "ip_address", … } }
 * refuseBeforeMapping("acme.com", "acme.com");   //=> undefined
 * ```
 */
export function refuseBeforeMapping(
  input: string,
  trimmed: string,
): { ok: false; error: DomainIssue } | undefined {
  if (!BEFORE_MAPPING.test(trimmed)) return undefined;
  if (trimmed.includes("@")) {
    return domainIssue(
      "looks_like_email",
      input,
      "Enter only the domain of the address, the part after the @.",
    );
  }
  if (IPV6_LIKE.test(trimmed) || (BRACKETED.test(trimmed) && isIpLike(trimmed.slice(1, -1)))) {
    return ipAddress(input);
  }
  if (URL_LIKE.test(trimmed)) {
    return domainIssue(
      "looks_like_url",
      input,
      "Enter only the domain, without http://, a path or a port.",
    );
  }
  // BEFORE_MAPPING matched above, and none of its characters separates labels.
  const character = trimmed.match(BEFORE_MAPPING)![0];
  const label = trimmed.split(LABEL_SEPARATORS).find((l) => l.includes(character))!;
  return invalidCharacter(input, character, label);
}

function isIpLike(text: string): boolean {
  return /^[0-9.]+$/.test(text) || IPV6_LIKE.test(text);
}
