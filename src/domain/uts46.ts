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

// Letters, digits, hyphens and dots only, with no label in "xn--" form: the
// names most input is made of, and the ones for which ToASCII reduces to
// lower-casing and the hyphen and length checks (see toAsciiPlain).
const PLAIN = /^[A-Za-z0-9.-]*$/;
const A_LABEL = /(?:^|\.)xn--/i;

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
  if (PLAIN.test(name) && !A_LABEL.test(name)) return toAsciiPlain(name);
  return tr46.toASCII(name, UTS46_OPTIONS);
}

// ToASCII of a name of ASCII letters, digits, hyphens and dots without an
// A-label, step by step as UTS #46 §4 has it for such a name: mapping only
// lower-cases; NFC changes nothing; no label is decoded; no character is
// right-to-left, so the Bidi rule does not apply, and there is no joiner;
// every character is valid under UseSTD3ASCIIRules. What is left:
// CheckHyphens (§4.1 V2, V3) and VerifyDnsLength (§4.2 step 4). A property
// test compares it with tr46 on every kind of input.
function toAsciiPlain(name: string): string | null {
  if (name.length === 0 || name.length > 253) return null;
  const lower = name.toLowerCase();
  let start = 0;
  while (start <= lower.length) {
    let end = lower.indexOf(".", start);
    if (end < 0) end = lower.length;
    const size = end - start;
    if (size === 0 || size > 63) return null;
    if (lower.charCodeAt(start) === 45 || lower.charCodeAt(end - 1) === 45) return null;
    if (lower.charCodeAt(start + 2) === 45 && lower.charCodeAt(start + 3) === 45 && size >= 4) {
      return null;
    }
    start = end + 1;
  }
  return lower;
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
