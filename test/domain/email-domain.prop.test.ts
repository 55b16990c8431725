import fc from "fast-check";
import { getPublicSuffix } from "tldts";
import { describe, expect, it } from "vitest";
import { parseEmailDomain } from "../../src/domain/email-domain.js";
import { parsePartnerEmployeeDomain } from "../../src/domain/partner-employee-domain.js";

const isPublicSuffix = (d: string) => getPublicSuffix(d, { allowPrivateDomains: true }) === d;

// Strings that look like domains: letters of several scripts, digits, dots,
// hyphens, full-width and ideographic forms, and a few hostile characters.
const domainish = fc.string({
  unit: fc.constantFrom(
    ..."abcxyzACMEW0129-..-",
    "ü",
    "ß",
    "é",
    "а",
    "β",
    "日",
    "本",
    "ア",
    "ひ",
    "한",
    "Ａ",
    "Ｗ",
    "。",
    "．",
    "@",
    "/",
    ":",
    "_",
    " ",
    "\t",
  ),
  maxLength: 40,
});

describe("parseEmailDomain properties", () => {
  it("canonicalisation is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(domainish, fc.domain(), fc.webUrl()), (input) => {
        const once = parseEmailDomain(input);
        if (!once.ok) return;
        expect(parseEmailDomain(once.value)).toEqual(once);
      }),
    );
  });

  it("never throws on anything", () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (input) => {
        const r = parseEmailDomain(input);
        expect(typeof r.ok).toBe("boolean");
      }),
    );
  });

  it("never throws on strings up to 100,000 characters", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 100_000 }),
        fc.string({ unit: fc.constantFrom("a", ".", "-", "ü"), maxLength: 100_000 }),
        (a, b) => {
          expect(typeof parseEmailDomain(a).ok).toBe("boolean");
          expect(typeof parseEmailDomain(b).ok).toBe("boolean");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("accepts every fc.domain() that is not a public suffix, as itself in lower case", () => {
    fc.assert(
      fc.property(
        fc
          .domain()
          // UTS #46 (CheckHyphens) refuses hyphens in a label's third and fourth places
          .filter((d) => !isPublicSuffix(d) && !d.startsWith("www.") && !/(?:^|\.)..--/.test(d)),
        (domain) => {
          expect(parseEmailDomain(domain)).toEqual({ ok: true, value: domain.toLowerCase() });
        },
      ),
    );
  });

  it("canonical domains are lower-case ASCII within the length limits", () => {
    fc.assert(
      fc.property(fc.oneof(domainish, fc.domain()), (input) => {
        const r = parseEmailDomain(input);
        if (!r.ok) return;
        expect(r.value).toMatch(/^[a-z0-9.-]+$/);
        expect(r.value.length).toBeLessThanOrEqual(253);
        for (const label of r.value.split(".")) {
          expect(label.length).toBeGreaterThan(0);
          expect(label.length).toBeLessThanOrEqual(63);
        }
      }),
    );
  });

  it("a partner employee domain is always a valid email domain", () => {
    fc.assert(
      fc.property(fc.oneof(domainish, fc.domain()), (input) => {
        const partner = parsePartnerEmployeeDomain(input);
        if (partner.ok) expect(parseEmailDomain(input)).toEqual(partner);
      }),
    );
  });
});
