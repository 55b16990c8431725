import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEmailAddress } from "../../src/domain/email-address.js";
import { arbitraries } from "../../src/testing/arbitraries.js";

// Letters whose upper case lower-cases back to themselves (unlike ß, ς or ı),
// so upper-casing an address must not change its key.
const caseStable = fc.string({
  unit: fc.constantFrom(..."abcxyzABCXYZ019.-+_'@", "é", "ü", "ж", "ñ"),
  maxLength: 30,
});

describe("parseEmailAddress properties", () => {
  it("the key does not depend on letter case", () => {
    fc.assert(
      fc.property(fc.oneof(arbitraries.emailAddress(), caseStable, fc.emailAddress()), (x) => {
        const lower = parseEmailAddress(x);
        const upper = parseEmailAddress(x.toUpperCase());
        expect(upper.ok).toBe(lower.ok);
        if (lower.ok && upper.ok) expect(upper.value.key).toBe(lower.value.key);
      }),
    );
  });

  it("accepts what fast-check calls an email address, when its domain is acceptable", () => {
    fc.assert(
      fc.property(arbitraries.emailAddress(), (x) => {
        const r = parseEmailAddress(x);
        expect(r.ok).toBe(true);
      }),
    );
  });

  it("parsing the key again gives the same key", () => {
    fc.assert(
      fc.property(fc.oneof(arbitraries.emailAddress(), caseStable, fc.emailAddress()), (x) => {
        const r = parseEmailAddress(x);
        if (r.ok)
          expect(parseEmailAddress(r.value.key)).toMatchObject({
            ok: true,
            value: { key: r.value.key },
          });
      }),
    );
  });

  it("never throws on anything", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: "binary", maxLength: 5000 })), (x) => {
        expect(typeof parseEmailAddress(x).ok).toBe("boolean");
      }),
    );
  });
});
