import { err, type IssueBase } from "../result.js";

declare const emailDomainBrand: unique symbol;

/**
 * A domain name in canonical form: UTS #46 ToASCII of the trimmed name
 * without its root dot (`bücher.de` → `xn--bcher-kva.de`, full-width letters
 * folded, lower case), the same in every runtime. Only
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
 * Longest domain name, in characters of its canonical ASCII form
 * (RFC 1035 §2.3.4).
 *
 * @example
 * ```ts
 * "a".repeat(MAX_DOMAIN_LENGTH); // the longest a canonical domain can be
 * ```
 */
export const MAX_DOMAIN_LENGTH = 253;
/**
 * Longest label (part between dots), in characters of its canonical ASCII
 * form (RFC 1035 §2.3.4).
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
 * characters cannot be this long, apart from characters that UTS #46 deletes,
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
 * data behind the decision: `label` and `character` name the part of the
 * name, and the character, that the issue is about (the label as entered,
 * except where noted); `length` and `maxLength` count characters of the
 * canonical ASCII form.
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
  | DomainIssueOf<"empty_label">
  | (DomainIssueOf<"label_too_long"> & {
      /** The label in canonical ASCII form, whose length counts. */
      readonly label: string;
      readonly length: number;
      readonly maxLength: number;
    })
  | (DomainIssueOf<"invalid_character"> & { readonly character: string; readonly label: string })
  | (DomainIssueOf<"hyphen_at_label_edge"> & { readonly label: string })
  | (DomainIssueOf<"reserved_hyphens"> & { readonly label: string })
  | (DomainIssueOf<"invalid_joiner"> & { readonly label: string; readonly character: string })
  | (DomainIssueOf<"invalid_bidi"> & { readonly label: string })
  | (DomainIssueOf<"single_label"> & {
      /** The name in canonical ASCII form. */
      readonly label: string;
    })
  | DomainIssueOf<"ip_address">
  | (DomainIssueOf<"numeric_top_level_label"> & {
      /** The last label in canonical ASCII form. */
      readonly label: string;
    })
  | (DomainIssueOf<"looks_like_url"> & { readonly suggestion?: EmailDomain })
  | (DomainIssueOf<"looks_like_email"> & { readonly suggestion?: EmailDomain })
  | (DomainIssueOf<"starts_with_www"> & { readonly suggestion: EmailDomain })
  | (DomainIssueOf<"mixed_scripts"> & {
      /** The label in Unicode form, decoded from its `xn--` form. */
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
 * The `invalid_character` refusal, one message wherever it is found. Internal.
 *
 * @param input - the refused value
 * @param character - the character, as typed
 * @param label - the label it is in, as typed
 * @returns `{ ok: false, error }`
 * @example
 * ```ts
 * invalidCharacter("a_b.com", "_", "a_b").error.code; //=> "invalid_character"
 * ```
 */
export function invalidCharacter(
  input: unknown,
  character: string,
  label: string,
): { ok: false; error: DomainIssue } {
  return domainIssue(
    "invalid_character",
    input,
    `A domain has only letters, digits, hyphens and dots; remove ${JSON.stringify(character)} from "${label}".`,
    { character, label },
  );
}

/**
 * The `too_long` refusal: a name over 253 characters in its ASCII form (or a
 * raw value longer than any such name can be). Internal.
 *
 * @param input - the refused value
 * @param length - its length, in characters
 * @returns `{ ok: false, error }`
 * @example
 * ```ts
 * tooLong("…", 300).error; //=> { code: "too_long", length: 300, maxLength: 253, … }
 * ```
 */
export function tooLong(input: unknown, length: number): { ok: false; error: DomainIssue } {
  return domainIssue(
    "too_long",
    input,
    `A domain name has at most ${MAX_DOMAIN_LENGTH} characters in ASCII form; this one has ${length}.`,
    { length, maxLength: MAX_DOMAIN_LENGTH },
  );
}

/**
 * The `ip_address` refusal. Internal.
 *
 * @param input - the refused value
 * @returns `{ ok: false, error }`
 * @example
 * ```ts
 * ipAddress("1.2.3.4").error.code; //=> "ip_address"
 * ```
 */
export function ipAddress(input: unknown): { ok: false; error: DomainIssue } {
  return domainIssue(
    "ip_address",
    input,
    "An IP address is not an email domain; enter the domain name your addresses end with, such as acme.com.",
  );
}

/**
 * The `empty` refusal. Internal.
 *
 * @param input - the refused value
 * @returns `{ ok: false, error }`
 * @example
 * ```ts
 * empty("  ").error.code; //=> "empty"
 * ```
 */
export function empty(input: unknown): { ok: false; error: DomainIssue } {
  return domainIssue("empty", input, "Enter a domain, for example acme.com.");
}
