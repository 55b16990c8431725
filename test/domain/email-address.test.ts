import { describe, expect, it } from "vitest";
import {
  emailKey,
  parseEmailAddress,
  parseEmailAddressOrThrow,
  parseEmailIdentity,
} from "../../src/domain/email-address.js";
import { PartnerAccessError } from "../../src/result.js";

function code(input: unknown): string {
  const r = parseEmailAddress(input);
  return r.ok ? `ok:${r.value.key}` : r.error.code;
}

describe("parseEmailAddress", () => {
  it("splits at the last @ and keys by lower-case local part and canonical domain", () => {
    expect(parseEmailAddress(" Jane.Doe@ACME.com. ")).toEqual({
      ok: true,
      value: { local: "Jane.Doe", domain: "acme.com", key: "jane.doe@acme.com" },
    });
    expect(parseEmailAddress('"a@b"@acme.com')).toEqual({
      ok: true,
      value: { local: '"a@b"', domain: "acme.com", key: '"a@b"@acme.com' },
    });
  });

  it.each([
    ["o'brien@acme.com", "o'brien@acme.com"],
    ["a+tag@acme.com", "a+tag@acme.com"],
    ["a&b/c=d{e}@acme.com", "a&b/c=d{e}@acme.com"],
    ["jöhn@bücher.de", "jöhn@xn--bcher-kva.de"],
    ['"john doe"@acme.com', '"john doe"@acme.com'],
    ['"a\\"b"@acme.com', '"a\\"b"@acme.com'],
    ["JANE@GMAIL.COM", "jane@gmail.com"],
  ])("accepts %j", (input, key) => {
    expect(code(input)).toBe(`ok:${key}`);
  });

  it.each([
    // RFC 5321 §4.1.2: a quoted string whose content is a dot-atom names the
    // same mailbox as the dot-atom, and a quoted pair stands for its character
    ['"free"@gmail.com', "free@gmail.com"],
    ['"Free"@GMAIL.com', "free@gmail.com"],
    ['"a.b"@acme.com', "a.b@acme.com"],
    ['"a\\bc"@acme.com', "abc@acme.com"],
    ['"jöhn"@bücher.de', "jöhn@xn--bcher-kva.de"],
    ['"o\'brien+x"@acme.com', "o'brien+x@acme.com"],
    // other quoted strings keep their quotes, with only " and \ escaped
    ['"a\\"b"@acme.com', '"a\\"b"@acme.com'],
    ['"a\\\\b"@acme.com', '"a\\\\b"@acme.com'],
    ['"john\\ doe"@acme.com', '"john doe"@acme.com'],
    ['"a..b"@acme.com', '"a..b"@acme.com'],
    ['".a"@acme.com', '".a"@acme.com'],
    ['""@acme.com', '""@acme.com'],
  ])("keys the quoted local part of %j as %j", (input, key) => {
    expect(emailKey(input)).toBe(key);
    expect(parseEmailAddress(input)).toMatchObject({ ok: true, value: { key } });
  });

  it("reads a quoted dot-atom as the dot-atom, so key = local.toLowerCase() + @ + domain holds", () => {
    expect(emailKey('"free"@gmail.com')).toBe(emailKey("free@gmail.com"));
    expect(parseEmailAddress('"Free"@gmail.com')).toEqual({
      ok: true,
      value: { local: "Free", domain: "gmail.com", key: "free@gmail.com" },
    });
    expect(parseEmailAddress('"a\\"b"@x.com')).toMatchObject({ value: { local: '"a\\"b"' } });
    expect(parseEmailAddress('"a\\ b"@x.com')).toMatchObject({
      value: { local: '"a b"', key: '"a b"@x.com' },
    });
    expect(parseEmailAddress('"a@b"@acme.com')).toMatchObject({
      value: { local: '"a@b"', key: '"a@b"@acme.com' },
    });
  });

  it("keeps plus tags and dots: no provider-specific folding", () => {
    expect(emailKey("jane+x@gmail.com")).not.toBe(emailKey("jane@gmail.com"));
    expect(emailKey("j.ane@gmail.com")).not.toBe(emailKey("jane@gmail.com"));
  });

  it.each([
    [undefined, "not_a_string"],
    [123, "not_a_string"],
    ["", "empty"],
    ["  ", "empty"],
    ["jane", "missing_at"],
    ["@acme.com", "empty_local_part"],
    [".jane@acme.com", "invalid_local_part"],
    ["jane.@acme.com", "invalid_local_part"],
    ["ja..ne@acme.com", "invalid_local_part"],
    ["ja ne@acme.com", "invalid_local_part"],
    ["ja(ne)@acme.com", "invalid_local_part"],
    ['"unclosed@acme.com', "invalid_local_part"],
    [`${"a".repeat(65)}@acme.com`, "local_part_too_long"],
    [`${"ü".repeat(33)}@acme.com`, "local_part_too_long"],
    ["jane@", "invalid_domain"],
    ["jane@acme", "invalid_domain"],
    ["jane@co.uk", "invalid_domain"],
    ["jane@\u0430cme.com", "invalid_domain"],
  ])("refuses %j with %s", (input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it("states length limits as length and maxLength, in UTF-8 octets", () => {
    const local = parseEmailAddress(`${"ü".repeat(33)}@acme.com`);
    expect(local).toMatchObject({
      ok: false,
      error: { code: "local_part_too_long", length: 66, maxLength: 64 },
    });
    expect(local.ok ? "" : local.error.message).toMatch(/octets/);
    const domain = `${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(60)}.com`;
    const whole = parseEmailAddress(`${"a".repeat(7)}@${domain}`);
    expect(whole).toMatchObject({
      ok: false,
      error: { code: "address_too_long", length: 255, maxLength: 254 },
    });
    expect(whole.ok ? "" : whole.error.message).toMatch(/octets/);
    expect(whole.ok ? {} : whole.error).not.toHaveProperty("octets");
    const huge = parseEmailAddress(`${"é".repeat(2000)}@acme.com`);
    expect(huge).toMatchObject({
      ok: false,
      error: { code: "address_too_long", length: 4009, maxLength: 254 },
    });
  });

  it("accepts a 64-octet local part and refuses an address over 254 octets", () => {
    expect(code(`${"a".repeat(64)}@acme.com`)).toBe(`ok:${"a".repeat(64)}@acme.com`);
    const domain = `${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(60)}.com`;
    expect(domain).toHaveLength(247);
    expect(code(`${"a".repeat(7)}@${domain}`)).toBe("address_too_long"); // 255
    expect(code(`${"a".repeat(6)}@${domain}`)).toMatch(/^ok:/); // 254
  });

  it("carries the domain's own issue", () => {
    expect(parseEmailAddress("jane@www.acme.com")).toMatchObject({
      ok: false,
      error: {
        code: "invalid_domain",
        domainIssue: { code: "starts_with_www", suggestion: "acme.com" },
      },
    });
  });

  it("accepts shared domains", () => {
    expect(code("jane@gmail.com")).toBe("ok:jane@gmail.com");
  });
});

// Found by the hostile-input suite: an opening quote without its closing
// one made the quoted-string pattern backtrack exponentially (an ASCII
// letter matched two of its alternatives), so this call never returned.
describe("a quoted local part without its closing quote", () => {
  it("is refused as invalid_local_part, at once", () => {
    const local = `"${"a".repeat(60)}`;
    expect(parseEmailAddress(`${local}@acme.com`)).toMatchObject({
      ok: false,
      error: { code: "invalid_local_part", local },
    });
    expect(parseEmailAddress(`"${"é".repeat(30)}"@acme.com`).ok).toBe(true);
  });
});

// RFC 6531 widens a quoted string with non-ASCII letters, marks and digits,
// and with nothing else: no non-ASCII symbol or punctuation.
describe("the non-ASCII characters of a quoted local part", () => {
  it.each([
    ['"a b\u0663"', '"a b\u0663"@acme.com'], // ARABIC-INDIC DIGIT THREE (Nd)
    ['"a b\u2460"', '"a b\u2460"@acme.com'], // CIRCLED DIGIT ONE (No)
    ['"a b\u00e9"', '"a b\u00e9"@acme.com'], // a letter
  ])("accepts the non-ASCII digit or letter of the local part %j", (local, key) => {
    expect(emailKey(`${local}@acme.com`)).toBe(key);
    expect(parseEmailIdentity(`${local}@acme.com`)).toEqual({
      ok: true,
      value: { local, domain: "acme.com", key },
    });
  });

  it.each([
    ['"a \u20ac"@acme.com', '"a \u20ac"'], // EURO SIGN (Sc)
    ['"a \u00a7"@acme.com', '"a \u00a7"'], // SECTION SIGN (Po)
    ['"a\u00a0b"@acme.com', '"a\u00a0b"'], // NO-BREAK SPACE (Zs)
  ])("refuses the non-ASCII symbol, punctuation or space of %j", (input, local) => {
    expect(emailKey(input)).toBeUndefined();
    expect(parseEmailIdentity(input)).toMatchObject({
      ok: false,
      error: { code: "invalid_local_part", local },
    });
  });
});

describe("parseEmailAddressOrThrow and emailKey", () => {
  it("returns or throws", () => {
    expect(parseEmailAddressOrThrow("Jane@Acme.com").key).toBe("jane@acme.com");
    expect(() => parseEmailAddressOrThrow("nope")).toThrow(PartnerAccessError);
  });
  it("emailKey is undefined for invalid addresses", () => {
    expect(emailKey("Jane@ACME.com")).toBe("jane@acme.com");
    expect(emailKey("not an address")).toBeUndefined();
    expect(emailKey(null)).toBeUndefined();
  });
});

describe("parseEmailIdentity", () => {
  it("keys like parseEmailAddress for valid addresses", () => {
    for (const a of ["Jane@ACME.com", '"a@b"@acme.com', "jöhn@Bücher.de", "x+y@gmail.com"]) {
      expect(parseEmailIdentity(a)).toEqual(parseEmailAddress(a));
    }
  });

  it("does not consult the Public Suffix List, but still refuses malformed input", () => {
    expect(parseEmailIdentity("jane@co.uk")).toEqual({
      ok: true,
      value: { local: "jane", domain: "co.uk", key: "jane@co.uk" },
    });
    expect(parseEmailAddress("jane@co.uk")).toMatchObject({
      ok: false,
      error: { code: "invalid_domain" },
    });
    expect(parseEmailIdentity("jane@acme")).toMatchObject({
      ok: false,
      error: { code: "invalid_domain", domainIssue: { code: "single_label" } },
    });
    expect(parseEmailIdentity("ja..ne@acme.com")).toMatchObject({
      ok: false,
      error: { code: "invalid_local_part" },
    });
  });
});
