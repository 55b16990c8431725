import { describe, expect, it } from "vitest";
import { parseEmailDomain } from "../../src/domain/email-domain.js";
import { scriptsOf } from "../../src/domain/scripts.js";

describe("scriptsOf", () => {
  it("names the scripts of a text, ignoring common characters", () => {
    expect(scriptsOf("pаypal-1")).toEqual(new Set(["Latin", "Cyrillic"]));
  });

  it("reports an unassigned code point as Unknown", () => {
    expect(scriptsOf("a\u0378")).toEqual(new Set(["Latin", "Unknown"]));
  });

  // one letter of each script of the list's "Tagalog … Toto" stretch
  it.each([
    ["\u1703", "Tagalog"],
    ["\u1763", "Tagbanwa"],
    ["\u1950", "Tai_Le"],
    ["\u1A20", "Tai_Tham"],
    ["\uAA80", "Tai_Viet"],
    ["\u{11680}", "Takri"],
    ["\u{16A70}", "Tangsa"],
    ["\u{17000}", "Tangut"],
    ["\u2D30", "Tifinagh"],
    ["\u{11480}", "Tirhuta"],
    ["\u{105C0}", "Todhri"],
    ["\u{1E290}", "Toto"],
  ])("names the script of %j as %s, not Unknown", (letter, script) => {
    expect(scriptsOf(letter)).toEqual(new Set([script]));
  });
});

describe("the homograph rule with the less common scripts", () => {
  it("refuses a label mixing two of them, naming both", () => {
    expect(parseEmailDomain("\u1703\u1763.com")).toMatchObject({
      ok: false,
      error: { code: "mixed_scripts", label: "\u1703\u1763", scripts: ["Tagalog", "Tagbanwa"] },
    });
    expect(parseEmailDomain("a\u2D30.com")).toMatchObject({
      ok: false,
      error: { code: "mixed_scripts", scripts: ["Latin", "Tifinagh"] },
    });
  });

  it("accepts a label in one of them alone", () => {
    expect(parseEmailDomain("\u2D30\u2D31.com")).toEqual({ ok: true, value: "xn--4ljc.com" });
  });
});
