import fc from "fast-check";
import { parsePartnerEmployeeDomain } from "partner-access";

// fast-check arbitraries that produce the library's input data, so callers
// can property-test their own code with it. Every value they produce is
// accepted by the library's parsers unless the name says otherwise.

const LABEL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

function label(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...LABEL_CHARS),
      fc.string({ unit: fc.constantFrom(...`${LABEL_CHARS}-`), maxLength: 10 }),
      fc.constantFrom(...LABEL_CHARS),
    )
    .map(([a, mid, b]) => `${a}${mid}${b}`)
    .filter((l) => !l.startsWith("xn--") && !/^\d+$/.test(l));
}

/**
 * Canonical email domains that `parsePartnerEmployeeDomain` accepts: one to
 * three labels under one of a few ordinary top-level domains.
 *
 * @returns an arbitrary of canonical domains
 * @example
 * ```ts
 * fc.sample(arbitraries.emailDomain(), 1); //=> ["k3-x.io"] (for instance)
 * ```
 */
function emailDomain(): fc.Arbitrary<string> {
  return (
    fc
      .tuple(
        fc.array(label(), { minLength: 1, maxLength: 3 }),
        fc.constantFrom("com", "io", "de", "fr", "it", "com.br", "co.uk", "example"),
      )
      .map(([labels, tld]) => `${labels.join(".")}.${tld}`)
      // drop the rare draws that are public suffixes (ao.it) or start with www.
      .filter((d) => parsePartnerEmployeeDomain(d).ok)
  );
}

/**
 * Email addresses whose local part is a simple dot-atom, on domains from
 * {@link emailDomain} or on a given domain arbitrary.
 *
 * @param domain - where the domains come from (default: `emailDomain()`)
 * @returns an arbitrary of addresses
 * @example
 * ```ts
 * fc.sample(arbitraries.emailAddress(), 1); //=> ["jane.x@k3-x.io"] (for instance)
 * ```
 */
function emailAddress(domain: fc.Arbitrary<string> = emailDomain()): fc.Arbitrary<string> {
  const atom = fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789+_-'"),
    minLength: 1,
    maxLength: 12,
  });
  return fc
    .tuple(fc.array(atom, { minLength: 1, maxLength: 2 }), domain)
    .map(([atoms, d]) => `${atoms.join(".")}@${d}`);
}

/**
 * fast-check arbitraries for the library's input types.
 *
 * @example
 * ```ts
 * import fc from "fast-check";
import { parsePartnerEmployeeDomain } from "partner-access";
 * import { arbitraries } from "partner-access/testing";
 * fc.assert(fc.property(arbitraries.emailAddress(), (a) => parseEmailAddress(a).ok));
 * ```
 */
export const arbitraries = { emailDomain, emailAddress };
