import { type Result, unwrapOrThrow } from "../result.js";
import { parseEmailDomain } from "./email-domain.js";
import { type EmailAddress, type EmailIssue, readEmailAddress } from "./email-identity.js";

export type { EmailAddress, EmailIssue, EmailIssueCode } from "./email-identity.js";
export {
  emailKey,
  MAX_ADDRESS_OCTETS,
  MAX_LOCAL_PART_OCTETS,
  parseEmailIdentity,
} from "./email-identity.js";

/**
 * Parses an email address: trims it, splits it at the last `@`, checks the
 * local part (an RFC 5322 dot-atom or quoted string, non-ASCII letters
 * allowed per RFC 6531, 1–64 octets) and the whole (at most 254 octets), and
 * canonicalises the domain with `parseEmailDomain` (shared domains allowed).
 * Never throws.
 *
 * @param input - the value to parse, of any type
 * @returns the address, or the reason it was refused
 * @example
 * ```ts
 * parseEmailAddress("Jane@ACME.com");
 * //=> { ok: true, value: { local: "Jane", domain: "acme.com", key: "jane@acme.com" } }
 * parseEmailAddress('"a@b"@acme.com');
 * //=> { ok: true, value: { local: '"a@b"', domain: "acme.com", key: '"a@b"@acme.com' } }
 * ```
 */
export function parseEmailAddress(input: unknown): Result<EmailAddress, EmailIssue> {
  return readEmailAddress(input, parseEmailDomain);
}

/**
 * Like {@link parseEmailAddress}, but returns the address or throws a
 * `PartnerAccessError` carrying the {@link EmailIssue}.
 *
 * @param input - the value to parse
 * @returns the address
 * @throws PartnerAccessError when the value is refused
 * @example
 * ```ts
 * parseEmailAddressOrThrow("jane@acme.com").key; //=> "jane@acme.com"
 * ```
 */
export function parseEmailAddressOrThrow(input: unknown): EmailAddress {
  return unwrapOrThrow(parseEmailAddress(input));
}
