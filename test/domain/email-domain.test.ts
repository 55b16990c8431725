import { describe, expect, it } from "vitest";
import { parseEmailDomain, parseEmailDomainOrThrow } from "../../src/domain/email-domain.js";
import { PartnerAccessError } from "../../src/result.js";

function code(input: unknown): string {
  const r = parseEmailDomain(input);
  return r.ok ? `ok:${r.value}` : r.error.code;
}

describe("parseEmailDomain: canonical form", () => {
  it.each([
    ["ACME.com.", "acme.com"],
    ["  acme.com  ", "acme.com"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["BÜCHER.DE", "xn--bcher-kva.de"],
    ["ＡＣＭＥ.com", "acme.com"],
    ["acme。com", "acme.com"],
    ["acme．com", "acme.com"],
    ["acme｡com", "acme.com"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de"],
    ["日本語.jp", "xn--wgv71a119e.jp"],
    ["eu.acme.com", "eu.acme.com"],
    ["www.ck", "www.ck"],
    ["acme.zzz", "acme.zzz"],
    ["a-b--c.com", "a-b--c.com"],
    // UTS #46 accepts symbols such as emoji (status "valid"); no rule of ours refuses them
    ["xn--ls8h.la", "xn--ls8h.la"],
    ["\u{1F4A9}.la", "xn--ls8h.la"],
  ])("%j → %j", (input, expected) => {
    expect(parseEmailDomain(input)).toEqual({ ok: true, value: expected });
  });

  it("accepts shared domains such as gmail.com", () => {
    for (const d of [
      "gmail.com",
      "googlemail.com",
      "mail.yahoo.com",
      "web.de",
      "libero.it",
      "orange.fr",
      "uol.com.br",
    ]) {
      expect(parseEmailDomain(d)).toEqual({ ok: true, value: d });
    }
  });

  it("accepts a 253-character name and a 63-character label", () => {
    const label63 = "a".repeat(63);
    expect(code(`${label63}.com`)).toBe(`ok:${label63}.com`);
    const name253 = `${`${"a".repeat(61)}.`.repeat(4)}abcde`;
    expect(name253).toHaveLength(253);
    expect(code(name253)).toBe(`ok:${name253}`);
  });

  it("accepts script mixes UTS #39 calls highly restrictive", () => {
    expect(code("ひらがな漢字.jp")).toMatch(/^ok:xn--/);
    expect(code("sonyストア.jp")).toMatch(/^ok:xn--/);
    expect(code("한국어漢字.kr")).toMatch(/^ok:xn--/);
  });
});

describe("parseEmailDomain: refusals", () => {
  it.each([
    ["co.uk", "public_suffix"],
    ["com", "public_suffix"],
    ["github.io", "public_suffix"],
    ["COM.", "public_suffix"],
    ["jane@acme.com", "looks_like_email"],
    ["https://acme.com", "looks_like_url"],
    ["acme.com/about", "looks_like_url"],
    ["acme.com:443", "looks_like_url"],
    ["www.acme.com", "starts_with_www"],
    ["ＷＷＷ.acme.com", "starts_with_www"],
    ["192.168.0.1", "ip_address"],
    ["1.2.3", "ip_address"],
    ["0x7f.1", "ip_address"],
    ["::1", "ip_address"],
    ["[2001:db8::1]", "ip_address"],
    ["acme", "single_label"],
    ["-acme.com", "hyphen_at_label_edge"],
    ["acme-.com", "hyphen_at_label_edge"],
    [`${"a".repeat(64)}.com`, "label_too_long"],
    ["acme.123", "numeric_top_level_label"],
    ["acme.0x7f", "numeric_top_level_label"],
    ["acme..com", "empty_label"],
    [".acme.com", "empty_label"],
    ["acme.com..", "empty_label"],
    ["acme_x.com", "invalid_character"],
    ["ac me.com", "invalid_character"],
    ["a\tcme.com", "invalid_character"],
    ["%41cme.com", "invalid_character"],
    ["acme\\.com", "looks_like_url"],
    ["a*b.com", "invalid_character"],
    ["a!b.com", "invalid_character"],
    ["a$b.com", "invalid_character"],
    ["a,b.com", "invalid_character"],
    ["a{b}.com", "invalid_character"],
    ["a~b.com", "invalid_character"],
    ["a=b.com", "invalid_character"],
    ["\u0430cme.com", "mixed_scripts"],
    ["p\u0430ypal.com", "mixed_scripts"],
    ["a\u03b2c.com", "mixed_scripts"],
    ["xn--a.com", "invalid_idn"],
    ["", "empty"],
    ["   ", "empty"],
    [undefined, "not_a_string"],
    [null, "not_a_string"],
    [42, "not_a_string"],
    [{ toString: () => "acme.com" }, "not_a_string"],
  ])("%j → %s", (input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it("refuses a 254-character name as too long", () => {
    const name254 = `${`${"a".repeat(61)}.`.repeat(4)}abcdef`;
    expect(name254).toHaveLength(254);
    expect(parseEmailDomain(name254)).toMatchObject({
      ok: false,
      error: { code: "too_long", length: 254, maxLength: 253 },
    });
  });

  it("applies the length limits to the canonical ASCII form", () => {
    // 20 "ü" are 20 characters but 30 in Punycode, with its "xn--" prefix.
    const ok = `${"ü".repeat(40)}.de`;
    expect(code(ok)).toMatch(/^ok:xn--/);
    const tooLong = `${"ü".repeat(60)}.de`;
    expect(code(tooLong)).toBe("label_too_long");
  });

  it("suggests what to enter for URLs, addresses and www. names", () => {
    expect(parseEmailDomain("https://www.Acme.com/team?x=1")).toMatchObject({
      ok: false,
      error: { code: "looks_like_url", suggestion: "acme.com" },
    });
    expect(parseEmailDomain("jane@ACME.com")).toMatchObject({
      ok: false,
      error: { code: "looks_like_email", suggestion: "acme.com" },
    });
    expect(parseEmailDomain("www.acme.com")).toMatchObject({
      ok: false,
      error: {
        code: "starts_with_www",
        suggestion: "acme.com",
        message: expect.stringContaining("acme.com"),
      },
    });
    const noHint = parseEmailDomain("jane@co.uk");
    expect(noHint.ok === false && "suggestion" in noHint.error).toBe(false);
  });

  it("names the scripts of a homograph", () => {
    expect(parseEmailDomain("\u0430cme.com")).toMatchObject({
      ok: false,
      error: { code: "mixed_scripts", label: "\u0430cme", scripts: ["Cyrillic", "Latin"] },
    });
  });

  it("gives every refusal an English message and the input", () => {
    const r = parseEmailDomain("co.uk");
    expect(r).toMatchObject({ ok: false, error: { input: "co.uk", domain: "co.uk" } });
    expect(r.ok ? "" : r.error.message).toMatch(/public suffix/);
  });
});

describe("parseEmailDomainOrThrow", () => {
  it("returns the canonical domain", () => {
    expect(parseEmailDomainOrThrow("ACME.com")).toBe("acme.com");
  });
  it("throws a PartnerAccessError with the issue", () => {
    try {
      parseEmailDomainOrThrow("acme");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PartnerAccessError);
      expect((e as PartnerAccessError).code).toBe("single_label");
      expect((e as PartnerAccessError).issue).toMatchObject({
        code: "single_label",
        input: "acme",
      });
    }
  });
});
