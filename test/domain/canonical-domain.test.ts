import { describe, expect, it } from "vitest";
import { canonicaliseDomain, domainAndAncestors } from "../../src/domain/canonical-domain.js";
import { MAX_RAW_DOMAIN_LENGTH } from "../../src/domain/domain-issue.js";
import { parseEmailDomain } from "../../src/domain/email-domain.js";
import { emailKey, parseEmailIdentity } from "../../src/domain/email-identity.js";

function code(input: unknown): string {
  const r = parseEmailDomain(input);
  return r.ok ? `ok:${r.value}` : r.error.code;
}

// The canonical form is UTS #46 ToASCII with its own Unicode 17 tables, so it
// is the same in every runtime. Node 20's URL parser gives another answer for
// each of these (fass.de, ss.com, or a refusal).
describe("canonical form: the same in every runtime (UTS #46, Unicode 17)", () => {
  it.each([
    ["FAẞ.de", "xn--fa-hia.de"],
    ["ẞ.com", "xn--zca.com"],
    ["faß.de", "xn--fa-hia.de"],
    ["Ⴚ.σ", "xn--ilj.xn--4xa"],
    ["Ӏ.com", "xn--s5a.com"],
    ["Ↄ.com", "xn--r5g.com"],
    ["\u{2F868}.jp", "xn--snl.jp"], // a CJK compatibility ideograph, mapped to U+36FC
  ])("%j → %j", (input, expected) => {
    expect(parseEmailDomain(input)).toEqual({ ok: true, value: expected });
    expect(canonicaliseDomain(input)).toEqual({ ok: true, value: expected });
  });

  it("keys addresses with the same canonicaliser", () => {
    expect(emailKey("Jane@FAẞ.de")).toBe("jane@xn--fa-hia.de");
    expect(emailKey("j@XN--A.com")).toBeUndefined(); // invalid Punycode, in any case
    expect(emailKey("j@-ü.com")).toBeUndefined();
    expect(parseEmailIdentity("a@ẞ.com")).toEqual({
      ok: true,
      value: { local: "a", domain: "xn--zca.com", key: "a@xn--zca.com" },
    });
  });

  it("accepts what UTS #46 accepts and the old pre-filter refused", () => {
    expect(code("col·legi.cat")).toBe("ok:xn--collegi-xma.cat");
    // Persian "mi-khaham": a ZWNJ between two joining letters is in its proper context
    expect(code("می\u200Cخواهم.ir")).toBe("ok:xn--mgbn2ecje63gr19l.ir");
    expect(code("ｍｙ－ｃｏｍｐａｎｙ．ｃｏｍ")).toBe("ok:my-company.com");
    expect(code("XN--BCHER-KVA.de")).toBe("ok:xn--bcher-kva.de");
    expect(code("a\u00ADb.com")).toBe("ok:ab.com"); // a soft hyphen is ignored by UTS #46
  });
});

describe("canonical form: UTS #46 validity rules", () => {
  it.each([
    ["-ü.com", "hyphen_at_label_edge", { label: "-ü" }],
    ["bücher-.de", "hyphen_at_label_edge", { label: "bücher-" }],
    ["xn----eha.com", "hyphen_at_label_edge", { label: "xn----eha" }],
    ["0a.א", "invalid_bidi", { label: "0a" }],
    ["xn--xn--a--gua.pt", "invalid_idn", { label: "xn--xn--a--gua" }],
    ["ab--cd.com", "reserved_hyphens", { label: "ab--cd" }],
    ["xn--a.com", "invalid_idn", { label: "xn--a" }],
    ["xn--abc-.com", "invalid_idn", { label: "xn--abc-" }],
    ["xn--ab-ü.com", "invalid_idn", { label: "xn--ab-ü" }],
    // an ignored soft hyphen or a mapped character in its first four places
    ["\u00ADxn--abc.com", "invalid_idn", { label: "\u00ADxn--abc" }],
    ["x\u00ADn--abc.com", "invalid_idn", { label: "x\u00ADn--abc" }],
    ["ⅹn--abc.com", "invalid_idn", { label: "ⅹn--abc" }],
    ["a\u200Db.com", "invalid_joiner", { label: "a\u200Db", character: "\u200D" }],
    ["a\u200Cb.com", "invalid_joiner", { label: "a\u200Cb", character: "\u200C" }],
    ["a_b.com", "invalid_character", { character: "_", label: "a_b" }],
    ["a＿b.com", "invalid_character", { character: "＿", label: "a＿b" }],
    ["ac me.com", "invalid_character", { character: " ", label: "ac me" }],
    ["\u0301a.com", "invalid_character", { character: "\u0301", label: "\u0301a" }],
  ])("%j → %s", (input, expected, data) => {
    expect(canonicaliseDomain(input)).toMatchObject({
      ok: false,
      error: { code: expected, input, ...data },
    });
    expect(code(input)).toBe(expected);
  });

  it("refuses a raw value longer than four times a domain before reading it", () => {
    const input = "a".repeat(MAX_RAW_DOMAIN_LENGTH + 1);
    expect(canonicaliseDomain(input)).toMatchObject({
      ok: false,
      error: { code: "too_long", input, length: MAX_RAW_DOMAIN_LENGTH + 1 },
    });
  });

  it("says why an xn-- label is refused", () => {
    const message = (input: string) => {
      const r = canonicaliseDomain(input);
      return r.ok ? "" : r.error.message;
    };
    expect(message("xn--xn--a--gua.pt")).toBe(
      '"xn--xn--a--gua" is not a valid xn-- name; check its spelling.',
    );
    expect(message("xn--ab-ü.com")).toMatch(/"xn--ab-ü" is not a valid xn-- name/);
    expect(message("XN--ab-.com")).toMatch(/"XN--ab-" is not a valid xn-- name/);
  });

  it("refuses before any mapping a value with a character only URLs, addresses or IPs have", () => {
    expect(canonicaliseDomain("[1.2.3.4]")).toMatchObject({
      ok: false,
      error: { code: "ip_address" },
    });
    // only a whole bracketed value is an address literal: text after the
    // closing bracket makes it something else
    expect(canonicaliseDomain("[::1]")).toMatchObject({ ok: false, error: { code: "ip_address" } });
    for (const value of ["[::1]]", "[::1]x"]) {
      expect(canonicaliseDomain(value)).toMatchObject({
        ok: false,
        error: { code: "looks_like_url", input: value },
      });
    }
    expect(canonicaliseDomain("a%41.com")).toMatchObject({
      ok: false,
      error: { code: "invalid_character", character: "%", label: "a%41" },
    });
    expect(canonicaliseDomain("a\nb.com")).toMatchObject({
      ok: false,
      error: { code: "invalid_character", character: "\n" },
    });
    expect(canonicaliseDomain("[acme].com")).toMatchObject({
      ok: false,
      error: { code: "invalid_character", character: "[" },
    });
    expect(canonicaliseDomain("acme.com]")).toMatchObject({
      ok: false,
      error: { code: "invalid_character", character: "]" },
    });
    expect(code("acme.com#x")).toBe("looks_like_url");
    expect(code("acme.com?x")).toBe("looks_like_url");
  });

  it("applies the length limits to the canonical ASCII form", () => {
    // 59 "ü" + "a" are 60 characters but 67 once encoded
    expect(canonicaliseDomain(`${"ü".repeat(59)}a.de`)).toMatchObject({
      ok: false,
      error: { code: "label_too_long", maxLength: 63 },
    });
    const r = canonicaliseDomain(`${"ü".repeat(59)}a.de`);
    expect(!r.ok && r.error.code === "label_too_long" && r.error.length).toBeGreaterThan(63);
    // 212 characters, but 10 × 27 + 2 once each label is "xn--" and 22 letters
    const name = `${`${"ü".repeat(20)}.`.repeat(10)}de`;
    expect(canonicaliseDomain(name)).toMatchObject({
      ok: false,
      error: { code: "too_long", length: 10 * 27 + 2, maxLength: 253 },
    });
  });

  it("carries no index or position field, only the label and character", () => {
    for (const input of ["a..b.com", "a_b.com", "-a.com", ".a.com"]) {
      const r = canonicaliseDomain(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).not.toHaveProperty("index");
        expect(r.error).not.toHaveProperty("position");
      }
    }
  });
});

describe("domainAndAncestors", () => {
  it("lists the domain and its ancestors of two labels or more", () => {
    expect(domainAndAncestors("a.b.acme.com")).toEqual(["a.b.acme.com", "b.acme.com", "acme.com"]);
    expect(domainAndAncestors("acme.com")).toEqual(["acme.com"]);
  });

  it("returns an empty list for anything but a string", () => {
    expect(domainAndAncestors(undefined)).toEqual([]);
    expect(domainAndAncestors(42)).toEqual([]);
    expect(domainAndAncestors({ toString: () => "a.com" })).toEqual([]);
  });
});

describe("canonicaliseDomain: each refusal whole, each length limit on both sides", () => {
  it("refuses what is not text", () => {
    for (const input of [42, undefined, null, { toString: () => "acme.com" }]) {
      expect(canonicaliseDomain(input)).toEqual({
        ok: false,
        error: {
          code: "not_a_string",
          message: "Enter the domain as text, for example acme.com.",
          input,
        },
      });
    }
  });

  it("takes a label of 63 characters and refuses one of 64, naming it", () => {
    const label63 = "abcdefghij".repeat(6).concat("abc");
    expect(label63).toHaveLength(63);
    expect(canonicaliseDomain(`${label63}.com`)).toEqual({ ok: true, value: `${label63}.com` });
    const label64 = `${label63}d`;
    const input = `${label64}.com`;
    expect(canonicaliseDomain(input)).toEqual({
      ok: false,
      error: {
        code: "label_too_long",
        message:
          'Each part of a domain has at most 63 characters in ASCII form; "abcdefghijabcdefghij…" has 64.',
        input,
        label: label64,
        length: 64,
        maxLength: 63,
      },
    });
  });

  it("takes a name of 253 characters of 63-character labels, and refuses one of 255 as too long, not its labels", () => {
    const label = "a".repeat(63);
    const name253 = `${label}.${label}.${label}.${"b".repeat(61)}`;
    expect(name253).toHaveLength(253);
    expect(canonicaliseDomain(name253)).toEqual({ ok: true, value: name253 });
    const name255 = `${label}.${label}.${label}.${label}`;
    expect(name255).toHaveLength(255);
    expect(canonicaliseDomain(name255)).toEqual({
      ok: false,
      error: {
        code: "too_long",
        message: "A domain name has at most 253 characters in ASCII form; this one has 255.",
        input: name255,
        length: 255,
        maxLength: 253,
      },
    });
  });

  it("refuses an empty label in the middle", () => {
    expect(canonicaliseDomain("a..acme.com")).toEqual({
      ok: false,
      error: {
        code: "empty_label",
        message:
          "A domain cannot start with a dot or contain two dots in a row; enter it like acme.com.",
        input: "a..acme.com",
      },
    });
  });

  it("refuses a numeric last label, naming that label", () => {
    expect(canonicaliseDomain("Acme.0X7F")).toEqual({
      ok: false,
      error: {
        code: "numeric_top_level_label",
        message:
          'The last part of a domain cannot be a number ("0x7f"); enter a domain such as acme.com.',
        input: "Acme.0X7F",
        label: "0x7f",
      },
    });
  });

  it("refuses an email address, telling the user to enter only the part after the @", () => {
    expect(canonicaliseDomain(" jane@acme.com ")).toEqual({
      ok: false,
      error: {
        code: "looks_like_email",
        message: "Enter only the domain of the address, the part after the @.",
        input: " jane@acme.com ",
      },
    });
  });
});
