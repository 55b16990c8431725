import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailKey, parseEmailAddress } from "../../src/domain/email-address.js";
import { arbitraries } from "../../src/testing/arbitraries.js";

// Letters whose upper case lower-cases back to themselves (unlike ß, ς or ı),
// so upper-casing an address must not change its key.
const caseStable = fc.string({
  unit: fc.constantFrom(..."abcxyzABCXYZ019.-+_'@", "é", "ü", "ж", "ñ"),
  maxLength: 30,
});

// Dot-atom local parts: RFC 5322 atext (and a few non-ASCII letters) in
// atoms joined by single dots.
const dotAtom = fc
  .array(
    fc.string({
      unit: fc.constantFrom(..."aZ09!#$%&'*+-/=?^_`{|}~", "é", "ж"),
      minLength: 1,
      maxLength: 8,
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((atoms) => atoms.join("."));

// The same content as a quoted string, with some ASCII characters written
// as quoted pairs (a backslash before them), which RFC 5321 §4.1.2 reads as
// the characters themselves.
function quoted(content: string, pairs: readonly boolean[]): string {
  const chars = [...content].map((ch, i) =>
    pairs[i % Math.max(pairs.length, 1)] === true && ch < "\x7f" ? `\\${ch}` : ch,
  );
  return `"${chars.join("")}"`;
}

describe("parseEmailAddress properties", () => {
  it("key is local.toLowerCase() + @ + domain for every address it accepts", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.emailAddress(),
          fc
            .tuple(
              fc.string({ unit: fc.constantFrom(...'aB. @\\"', "é"), maxLength: 10 }),
              arbitraries.emailDomain(),
            )
            .map(([content, domain]) => `"${content}"@${domain}`),
        ),
        (address) => {
          const r = parseEmailAddress(address);
          if (r.ok) expect(r.value.key).toBe(`${r.value.local.toLowerCase()}@${r.value.domain}`);
        },
      ),
    );
  });

  it("quoting a dot-atom local part, with or without quoted pairs, never changes the key", () => {
    fc.assert(
      fc.property(
        dotAtom,
        arbitraries.emailDomain(),
        fc.array(fc.boolean()),
        (local, domain, pairs) => {
          const plain = emailKey(`${local}@${domain}`);
          expect(plain).toBeDefined();
          const asQuoted = quoted(local, pairs);
          const key = emailKey(`${asQuoted}@${domain}`);
          // the quoted form is longer and may pass the 64-octet limit; below it, same key
          if (new TextEncoder().encode(asQuoted).length <= 64) expect(key).toBe(plain);
          else expect(key).toBeUndefined();
        },
      ),
    );
  });

  it("the key of a quoted local part is unquoted exactly when its content is a dot-atom", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ab. @\\"', "é"), maxLength: 10 }),
        (content) => {
          const escaped = content.replace(/["\\]/g, "\\$&");
          const r = parseEmailAddress(`"${escaped}"@acme.com`);
          if (!r.ok) return;
          const local = r.value.key.slice(0, r.value.key.lastIndexOf("@"));
          const isDotAtom = /^[^."\\ @]+(?:\.[^."\\ @]+)*$/u.test(content);
          expect(local).toBe(isDotAtom ? content : `"${escaped}"`);
        },
      ),
    );
  });

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
