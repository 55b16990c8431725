import fc from "fast-check";
import tr46 from "tr46";
import { describe, expect, it } from "vitest";
import { canonicaliseDomain } from "../../src/domain/canonical-domain.js";
import { parseEmailDomain } from "../../src/domain/email-domain.js";
import { toAsciiUts46, UTS46_OPTIONS } from "../../src/domain/uts46.js";

const reference = (name: string) => tr46.toASCII(name, UTS46_OPTIONS);

// The host of a web URL as fast-check writes it: after "//", before the
// path, query or fragment, without user info or port.
function hostOf(url: string): string {
  const authority = url.slice(url.indexOf("//") + 2).split(/[/?#]/, 1)[0] ?? "";
  return authority.slice(authority.lastIndexOf("@") + 1).replace(/:\d*$/, "");
}

const webHost = fc
  .webUrl({ authoritySettings: { withPort: true, withUserInfo: true } })
  .map(hostOf);

// Names near the edges of the rules: ASCII letters in both cases, digits,
// hyphens (so "--" in third and fourth place), "xn--" prefixes, the four
// full stops, and non-ASCII characters that map, are deviations, joiners,
// right-to-left, combining marks or ignored, in labels that are mostly
// letters so that many names pass.
const edgy = fc.constantFrom(
  "-",
  "xn--",
  "0",
  "ß",
  "ẞ",
  "ü",
  "Ａ",
  "－",
  "\u200C",
  "\u200D",
  "\u05D0",
  "\u0627",
  "\u0660",
  "\u0301",
  "·",
  "\u00AD",
  "ς",
  "日",
);
const label = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(..."abxnAB9") }, edgy), {
    minLength: 1,
    maxLength: 10,
  })
  .map((units) => units.join(""));
const tricky = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 4 }),
    fc.constantFrom(".", "。", "．", "｡"),
    fc.constantFrom("", ".", "。"),
  )
  .map(([labels, dot, root]) => labels.join(dot) + root);
const graphemeName = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 8 })
  .map((text) => `${text}.com`);

// Not vacuous: most of the generated names were compared, in however many
// runs the suite makes (fewer under mutation testing, test/setup.ts).
const runs = fc.readConfigureGlobal().numRuns ?? 100;

describe("the canonical form is UTS #46 ToASCII", () => {
  it("for every fc.domain() our rules accept, it equals tr46's ToASCII", () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        const ours = canonicaliseDomain(domain);
        if (ours.ok) {
          expect(ours.value).toBe(reference(domain));
          compared++;
        } else if (reference(domain) !== null) {
          // fc.domain() writes LDH names; the rules of ours that refuse a
          // name UTS #46 accepts are the numeric top-level label and the IP
          expect(["numeric_top_level_label", "ip_address"]).toContain(ours.error.code);
        }
        const full = parseEmailDomain(domain);
        if (full.ok) expect(full.value).toBe(reference(domain));
      }),
    );
    expect(compared).toBeGreaterThanOrEqual(0.9 * runs);
  });

  it("for every host of fc.webUrl() our rules accept, it equals tr46's ToASCII", () => {
    let compared = 0;
    fc.assert(
      fc.property(webHost, (host) => {
        const ours = canonicaliseDomain(host);
        if (ours.ok) {
          expect(ours.value).toBe(reference(host));
          compared++;
        }
      }),
    );
    expect(compared).toBeGreaterThanOrEqual(0.9 * runs);
  });

  it("for any string our rules accept, it is ToASCII of the trimmed name without its root dot", () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.oneof(tricky, graphemeName), (input) => {
        const ours = canonicaliseDomain(input);
        if (!ours.ok) return;
        compared++;
        const trimmed = input.trim();
        const name = /[.\u3002\uFF0E\uFF61]$/u.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
        expect(ours.value).toBe(reference(name));
      }),
    );
    console.log(`strings accepted and compared with tr46: ${compared} of ${runs}`);
    expect(compared).toBeGreaterThanOrEqual(0.2 * runs);
  });

  it("the plain-ASCII fast path agrees with tr46 on every input", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.domain(), fc.string({ maxLength: 20 })), (name) => {
        expect(toAsciiUts46(name)).toBe(reference(name));
      }),
    );
  });

  it("what UTS #46 refuses, we refuse", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.domain(), webHost), (input) => {
        const trimmed = input.trim();
        const name = /[.\u3002\uFF0E\uFF61]$/u.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
        if (reference(name) === null) expect(canonicaliseDomain(input).ok).toBe(false);
      }),
    );
  });
});
