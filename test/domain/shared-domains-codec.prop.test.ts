import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeSharedDomains, encodeSharedDomains } from "../../src/domain/shared-domains-codec.js";
import { arbitraries } from "../../src/testing/arbitraries.js";

describe("shared-domain codec", () => {
  it("decodes what it encodes, as a set", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(arbitraries.emailDomain(), fc.domain()), { maxLength: 60 }),
        (domains) => {
          const decoded = decodeSharedDomains(encodeSharedDomains(domains));
          expect(new Set(decoded)).toEqual(new Set(domains));
          expect(decoded).toHaveLength(domains.length);
        },
      ),
    );
  });

  it("front-codes long shared prefixes and groups by last label", () => {
    const domains = [
      "gmail.com",
      "gmx.com",
      "web.de",
      `${"a".repeat(50)}1.com`,
      `${"a".repeat(50)}2.com`,
    ];
    const text = encodeSharedDomains(domains);
    expect(text).toBe(`comA${"a".repeat(50)}1Z${"a".repeat(25)}2AgmailCx\ndeAweb`);
    expect(new Set(decodeSharedDomains(text))).toEqual(new Set(domains));
    expect(decodeSharedDomains("")).toEqual([]);
  });
});
