// UTS #46 (Unicode IDNA Compatibility Processing) ToASCII, computed by the
// tr46 package with its own Unicode tables, so that a canonical domain is the
// same in every runtime and every Node version. The runtime's WHATWG URL
// parser is never used: its tables differ between Node 20, later Nodes,
// browsers and edge runtimes (Node 20 maps "ẞ.com" to "ss.com").
import tr46 from "tr46";

/**
 * The UTS #46 processing options of the canonical form: non-transitional
 * (so `ß` stays `ß`, as IDNA2008 and every current browser have it), with
 * every check on. Internal.
 *
 * @example
 * ```ts
 * UTS46_OPTIONS.transitionalProcessing; //=> false
 * ```
 */
export const UTS46_OPTIONS = {
  transitionalProcessing: false,
  checkHyphens: true,
  checkBidi: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  verifyDNSLength: true,
} as const;

// A name that UTS #46 ToASCII only lower-cases: ASCII letters, digits and
// hyphens in labels of 1 to 63 characters, 253 at most in all, no hyphen at
// either end of a label or in both its third and fourth places (so no
// "xn--" label either). For such a name the steps of UTS #46 §4 reduce to
// that: mapping lower-cases; NFC changes nothing; nothing is decoded;
// nothing is right-to-left, so the Bidi rule does not apply; there is no
// joiner; every character is valid under UseSTD3ASCIIRules; CheckHyphens and
// VerifyDnsLength hold. Anything else goes to tr46, which decides. A
// property test compares the two on every kind of input.
const LOWER_CASING_ONLY =
  /^(?=.{1,253}$)(?:(?![a-z0-9-]{2}--)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*(?![a-z0-9-]{2}--)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * UTS #46 ToASCII with {@link UTS46_OPTIONS}: the canonical ASCII form of a
 * name, or `null` when UTS #46 refuses it (a disallowed character, a hyphen
 * at an edge or in third and fourth place, a joiner out of context, the Bidi
 * rule, invalid Punycode, an empty label, a label over 63 or a name over 253
 * characters). Internal.
 *
 * @param name - a domain name without its root dot
 * @returns the ASCII form, or `null`
 * @example
 * ```ts
 * toAsciiUts46("FAẞ.de"); //=> "xn--fa-hia.de"
 * toAsciiUts46("-ü.com"); //=> null
 * ```
 */
export function toAsciiUts46(name: string): string | null {
  if (LOWER_CASING_ONLY.test(name)) return name.toLowerCase();
  return tr46.toASCII(name, UTS46_OPTIONS);
}

/**
 * The Unicode form of one canonical label (`xn--bcher-kva` → `bücher`), for
 * the checks that read letters, such as the homograph rule. Internal.
 *
 * @param label - a label of a canonical domain
 * @returns the label in Unicode
 * @example
 * ```ts
 * toUnicodeLabel("xn--bcher-kva"); //=> "bücher"
 * ```
 */
export function toUnicodeLabel(label: string): string {
  return tr46.toUnicode(label).domain;
}
