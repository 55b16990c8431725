import { err, type IssueBase, ok, type Result } from "../result.js";
import { canonicaliseDomain, type DomainIssue, type EmailDomain } from "./canonical-domain.js";

/**
 * A parsed email address. `key` is the identity used everywhere two addresses
 * are compared: `local.toLowerCase() + "@" + domain`. `local` is the local
 * part in its canonical form, which names the mailbox the same way however it
 * was quoted (RFC 5321 §4.1.2, RFC 5322 §3.2.4): quoted pairs stand for their
 * characters (`\x` is `x`), and a quoted string whose content is then a
 * dot-atom is that dot-atom (`"free"@gmail.com` has the local part `free`);
 * any other quoted string keeps its quotes, with only `"` and `\` escaped.
 * Plus tags and dots are kept: `jane+x@acme.com` and `jane@acme.com` differ.
 *
 * @example
 * ```ts
 * const r = parseEmailAddress(" Jane.Doe@ACME.com ");
 * if (r.ok) r.value; //=> { local: "Jane.Doe", domain: "acme.com", key: "jane.doe@acme.com" }
 * ```
 */
export interface EmailAddress {
  /** The local part in canonical form (Unicode in NFC; quoted only where it must be). */
  readonly local: string;
  /** The canonical domain. */
  readonly domain: EmailDomain;
  /** `local.toLowerCase() + "@" + domain`. */
  readonly key: string;
}

/**
 * Longest local part, in UTF-8 octets (RFC 5321 §4.5.3.1.1).
 *
 * @example
 * ```ts
 * parseEmailAddress(`${"a".repeat(MAX_LOCAL_PART_OCTETS + 1)}@acme.com`).ok; //=> false
 * ```
 */
export const MAX_LOCAL_PART_OCTETS = 64;
/**
 * Longest address, in UTF-8 octets (RFC 5321 §4.5.3.1.3 path limit less the brackets).
 *
 * @example
 * ```ts
 * MAX_ADDRESS_OCTETS; //=> 254
 * ```
 */
export const MAX_ADDRESS_OCTETS = 254;
const MAX_RAW_LENGTH = 4 * MAX_ADDRESS_OCTETS;

interface EmailIssueOf<C extends string> extends IssueBase<C> {
  /** The value that was refused, exactly as given. */
  readonly input: unknown;
}

/**
 * Why a value is not an acceptable email address. `length` and `maxLength`
 * count UTF-8 octets (bytes), as the SMTP limits do.
 *
 * @example
 * ```ts
 * const r = parseEmailAddress("jane@acme");
 * if (!r.ok && r.error.code === "invalid_domain") r.error.domainIssue.code; //=> "single_label"
 * ```
 */
export type EmailIssue =
  | EmailIssueOf<"not_a_string">
  | EmailIssueOf<"empty">
  | EmailIssueOf<"missing_at">
  | EmailIssueOf<"empty_local_part">
  | (EmailIssueOf<"local_part_too_long"> & { readonly length: number; readonly maxLength: number })
  | (EmailIssueOf<"invalid_local_part"> & { readonly local: string })
  | (EmailIssueOf<"address_too_long"> & { readonly length: number; readonly maxLength: number })
  | (EmailIssueOf<"invalid_domain"> & { readonly domainIssue: DomainIssue });

/**
 * The codes of {@link EmailIssue}, for exhaustive handling.
 *
 * @example
 * ```ts
 * const code: EmailIssueCode = "missing_at";
 * ```
 */
export type EmailIssueCode = EmailIssue["code"];

// RFC 5322 §3.2.3 atext, plus any non-ASCII letter, mark or digit (RFC 6531).
const DOT_ATOM =
  /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\p{L}\p{M}\p{N}]+(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\p{L}\p{M}\p{N}]+)*$/u;
// RFC 5322 §3.2.4 quoted-string: printable ASCII but " and \ (space allowed),
// quoted pairs, and non-ASCII letters (RFC 6531). The three alternatives
// match disjoint characters (the last one non-ASCII only): with ASCII letters
// in two of them, a quoted local part without its closing quote
// (`"aaaa…@acme.com`) backtracked exponentially.
const QUOTED =
  /^"(?:[\x20\x21\x23-\x5B\x5D-\x7E]|\\[\x20-\x7E]|(?!\p{ASCII})[\p{L}\p{M}\p{N}])*"$/u;
// A quoted pair (RFC 5322 §3.2.1) and the characters a quoted string must escape.
const QUOTED_PAIR = /\\([\x20-\x7E])/g;
const MUST_ESCAPE = /["\\]/g;

const NON_ASCII = /[^\p{ASCII}]/u;
let encoder: TextEncoder | undefined;

// The length of a string in UTF-8 octets (a lone surrogate counts as the
// three octets of the U+FFFD that replaces it).
function octets(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  encoder ??= new TextEncoder();
  return encoder.encode(text).length;
}

/**
 * The canonical form of a local part: RFC 5321 §4.1.2 says a quoted string
 * and its content name the same mailbox, and that `\x` (a quoted pair, RFC
 * 5322 §3.2.4) is `x`. So a quoted local part is unescaped; when that leaves a
 * dot-atom, the dot-atom is the local part (`"free"` → `free`); otherwise the
 * content is quoted again with only `"` and `\` escaped (`"a\ b"` →
 * `"a b"`).
 */
function canonicalLocal(local: string): string {
  if (!local.startsWith('"')) return local;
  const content = local.slice(1, -1).replace(QUOTED_PAIR, "$1");
  if (DOT_ATOM.test(content)) return content;
  return `"${content.replace(MUST_ESCAPE, "\\$&")}"`;
}

function issue<C extends EmailIssue["code"]>(
  code: C,
  input: unknown,
  message: string,
  extra?: Omit<Extract<EmailIssue, { code: C }>, "code" | "input" | "message">,
): { ok: false; error: EmailIssue } {
  return err({ code, message, input, ...extra } as EmailIssue);
}

function addressTooLong(input: unknown, length: number): { ok: false; error: EmailIssue } {
  return issue(
    "address_too_long",
    input,
    `An email address has at most ${MAX_ADDRESS_OCTETS} octets (bytes of UTF-8); this one has ${length}.`,
    { length, maxLength: MAX_ADDRESS_OCTETS },
  );
}

/**
 * Reads an address with a given domain parser: the shared body of
 * `parseEmailAddress` (full domain rules) and `parseEmailIdentity` (no PSL).
 * Internal.
 *
 * @param input - the value to read
 * @param parseDomain - the domain parser to apply to the part after the last `@`
 * @returns the address, or why it was refused
 * @example
 * ```ts
 * readEmailAddress("Jane@acme.com", parseEmailDomain).ok; //=> true
 * ```
 */
export function readEmailAddress(
  input: unknown,
  parseDomain: (domain: string) => Result<EmailDomain, DomainIssue>,
): Result<EmailAddress, EmailIssue> {
  if (typeof input !== "string") {
    return issue("not_a_string", input, "Enter the email address as text, such as jane@acme.com.");
  }
  if (input.length > MAX_RAW_LENGTH) {
    return addressTooLong(input, octets(input));
  }
  const trimmed = input.trim();
  if (trimmed === "")
    return issue("empty", input, "Enter an email address, such as jane@acme.com.");
  const at = trimmed.lastIndexOf("@");
  if (at < 0) {
    return issue(
      "missing_at",
      input,
      "An email address needs an @ between the name and the domain, as in jane@acme.com.",
    );
  }
  const local = trimmed.slice(0, at).normalize("NFC");
  if (local === "") {
    return issue("empty_local_part", input, "Enter the part before the @, as in jane@acme.com.");
  }
  const localOctets = octets(local);
  if (localOctets > MAX_LOCAL_PART_OCTETS) {
    return issue(
      "local_part_too_long",
      input,
      `The part before the @ has at most ${MAX_LOCAL_PART_OCTETS} octets (bytes of UTF-8); this one has ${localOctets}.`,
      { length: localOctets, maxLength: MAX_LOCAL_PART_OCTETS },
    );
  }
  if (!DOT_ATOM.test(local) && !QUOTED.test(local)) {
    return issue(
      "invalid_local_part",
      input,
      `"${local}" is not a valid name before the @: use letters, digits and . _ + - ' and the like, without spaces or a leading, trailing or double dot.`,
      { local },
    );
  }
  const domain = parseDomain(trimmed.slice(at + 1));
  if (!domain.ok) {
    return issue(
      "invalid_domain",
      input,
      `The domain after the @ is not valid: ${domain.error.message}`,
      {
        domainIssue: domain.error,
      },
    );
  }
  const total = localOctets + 1 + domain.value.length;
  if (total > MAX_ADDRESS_OCTETS) {
    return addressTooLong(input, total);
  }
  const canonical = canonicalLocal(local);
  return ok({
    local: canonical,
    domain: domain.value,
    key: `${canonical.toLowerCase()}@${domain.value}`,
  });
}

/**
 * The identity of an address: the same reading as `parseEmailAddress`, but
 * the domain is only canonicalised, not checked against the Public Suffix
 * List (so `jane@co.uk` has an identity though it is no valid address). Code
 * that only compares addresses (conflicts, attribution) uses it, which keeps
 * the PSL out of its bundle. Never throws.
 *
 * @param input - the value to read, of any type
 * @returns the address, or the reason it has no identity
 * @example
 * ```ts
 * parseEmailIdentity("Jane@ACME.com");
 * //=> { ok: true, value: { local: "Jane", domain: "acme.com", key: "jane@acme.com" } }
 * ```
 */
export function parseEmailIdentity(input: unknown): Result<EmailAddress, EmailIssue> {
  return readEmailAddress(input, canonicalDomainOf);
}

const canonicalDomainOf = (domain: string) => canonicaliseDomain(domain);

/**
 * The comparison key of an address, or `undefined` when it has none: a
 * shortcut for `parseEmailIdentity(input)` when only the identity matters.
 * The local part is lower-cased, and a quoted one keyed by what it names
 * (RFC 5321 §4.1.2, RFC 5322 §3.2.4: `"free"` is `free`, `"a\ b"` is
 * `"a b"`); the domain is canonical. It does not consult the Public Suffix
 * List; validate with `parseEmailAddress`.
 *
 * @param input - an email address
 * @returns the local part's key + `@` + the canonical domain, or `undefined`
 * @example
 * ```ts
 * emailKey("Jane@ACME.com");      //=> "jane@acme.com"
 * emailKey('"free"@gmail.com');   //=> "free@gmail.com"
 * emailKey("not an address");     //=> undefined
 * ```
 */
export function emailKey(input: unknown): string | undefined {
  const parsed = parseEmailIdentity(input);
  return parsed.ok ? parsed.value.key : undefined;
}
