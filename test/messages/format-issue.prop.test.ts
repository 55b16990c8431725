import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IssueCode } from "../../src/messages/any-issue.js";
import { formatIssue } from "../../src/messages/format-issue.js";
import { ISSUE_CODES } from "../../src/messages/issue-codes.js";
import { anything } from "../access/garbage.js";
import { FIXTURES } from "./fixtures.js";

const LANGUAGES = ["en", "de", "fr", "it", "pt"] as const;
const locale = fc.oneof(
  fc.constantFrom(...LANGUAGES, "de-AT", "pt-BR", "FR-ca", "xx", "", "not a tag!", undefined),
  fc.string({ maxLength: 12 }),
  anything,
);

// A fixture with some of its fields dropped and others replaced by anything
// (nested issues included): what a caller's corrupted or hand-made issue looks like.
const damaged = fc
  .tuple(fc.constantFrom(...ISSUE_CODES), fc.array(fc.tuple(fc.nat(), anything), { maxLength: 6 }))
  .map(([code, edits]) => {
    const issue: Record<string, unknown> = { ...FIXTURES[code as IssueCode].issue };
    const keys = Object.keys(issue).filter((key) => key !== "code");
    for (const [i, value] of edits) {
      const key = keys[i % Math.max(1, keys.length)];
      if (key === undefined) continue;
      if (i % 3 === 0) delete issue[key];
      else issue[key] = value;
    }
    return issue;
  });

function expectSentence(text: unknown): void {
  expect(typeof text).toBe("string");
  expect(text).not.toBe("");
}

// Values without any text in them: whatever a sentence shows of them was
// written by the formatter, so "undefined" or "[object Object]" would be a bug.
const textless: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.array(fc.oneof(fc.integer(), fc.constant(undefined), fc.constant(null)), { maxLength: 4 }),
  fc.object({
    key: fc.constantFrom("partnerId", "domain", "code", "issue", "path"),
    values: [fc.integer(), fc.constant(undefined)],
  }),
);

describe("formatIssue never throws", () => {
  it("property: on anything, in any locale", () => {
    fc.assert(
      fc.property(anything, locale, (issue, tag) => {
        expectSentence(formatIssue(issue, tag as string));
      }),
      { numRuns: 1000 },
    );
  });

  it("property: on any code with fields of any type", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ISSUE_CODES),
        fc.dictionary(fc.string({ maxLength: 12 }), anything, { maxKeys: 8 }),
        locale,
        (code, fields, tag) => {
          expectSentence(formatIssue({ ...fields, code }, tag as string));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("property: fields of the wrong type never show as undefined or [object …]", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ISSUE_CODES),
        fc.dictionary(
          fc.constantFrom(
            "input",
            "path",
            "domain",
            "label",
            "partnerId",
            "email",
            "holder",
            "issues",
            "issue",
            "emailIssue",
            "suggestion",
            "length",
            "maxLength",
            "expiresAt",
            "reason",
            "action",
          ),
          textless,
          { maxKeys: 8 },
        ),
        fc.constantFrom(...LANGUAGES),
        (code, fields, language) => {
          const text = formatIssue({ ...fields, code }, language);
          expectSentence(text);
          expect(text).not.toMatch(/\bundefined\b|\[object /);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("property: on damaged issues, and still shows what is left of their data", () => {
    fc.assert(
      fc.property(damaged, fc.constantFrom(...LANGUAGES), (issue, language) => {
        const text = formatIssue(issue, language);
        expectSentence(text);
        // A partner id that survived the damage is shown.
        const original = (FIXTURES[issue.code as IssueCode].issue as { partnerId?: unknown })
          .partnerId;
        if (original !== undefined && issue.partnerId === original)
          expect(text).toContain(original);
      }),
      { numRuns: 1000 },
    );
  });
});
