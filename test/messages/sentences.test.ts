// Every sentence formatIssue writes, in every language, pinned in one file
// per language under test/messages/sentences/. The other tests of this
// folder check that a sentence is readable and shows its data; this one
// checks its words, so a changed word shows in review as a changed line, and
// a sentence cannot lose a piece unnoticed (mutation testing found message
// pieces no test read). After a deliberate change of wording, regenerate the
// files with `npx vitest run test/messages/sentences.test.ts -u` and read the diff.
//
// For each code, the variants are: the fixture; the code alone; the fixture
// without each of its fields in turn; each list field twice as long (for
// plurals); and each value of the fields whose display name comes from a
// table (statuses, actions, reasons), alone and in pairs. A variant is written only when its
// sentence differs from those above it.
//
// Then, after all of those (so that they only add lines): the fields some
// sentence reads that no fixture has; each list cut to its first element
// and emptied (the singular of "2 domains are refused"); each table value
// without the other table fields (the words for a missing action); and each
// text or number field whose removal leaves the sentence as it was, given
// another value (a fixture value that equals the sentence's default, such as
// a limit of 254 or the word REMOVE, would hide that the field is read).
import { describe, expect, it } from "vitest";
import { ACTIONS, type ForbiddenReason } from "../../src/access/authorization.js";
import type { IssueCode } from "../../src/messages/any-issue.js";
import { formatIssue } from "../../src/messages/format-issue.js";
import type { AssignmentStatus } from "../../src/model.js";
import { FIXTURES } from "./fixtures.js";

const LANGUAGES = ["en", "de", "fr", "it", "pt"] as const;
const CODES = Object.keys(FIXTURES).sort() as IssueCode[];

const STATUSES: readonly AssignmentStatus[] = ["pending_access", "active", "removed", "expired"];
const FORBIDDEN: readonly ForbiddenReason[] = [
  "invalid_actor",
  "unknown_action",
  "invalid_target",
  "other_partner",
  "super_admin_required",
  "permission_required",
  "client_only",
  "partner_only",
  "other_client",
];
const STATE_REASONS = [
  "not_a_state",
  "unsupported_version",
  "malformed",
  "fingerprint_mismatch",
  "reference_required",
];
// The fields a sentence names from a table, and every value each can take.
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  from: STATUSES,
  to: STATUSES,
  status: STATUSES,
  action: ACTIONS,
  reason: [...FORBIDDEN, ...STATE_REASONS],
  state: ["first", "second"],
  record: ["partner", "user", "assignment"],
};

// Every field of every fixture, with the value of the first fixture that has it.
const FIELDS = new Map<string, unknown>();
for (const code of CODES) {
  for (const [key, value] of Object.entries(FIXTURES[code].issue)) {
    if (key !== "code" && key !== "message" && !FIELDS.has(key)) FIELDS.set(key, value);
  }
}
// Fields a sentence reads that no fixture has: the canonical form of a
// domain that is valid but not stored canonically.
const UNSEEN: readonly [string, unknown][] = [["canonical", "acme.com"]];

function variants(code: IssueCode): [string, Record<string, unknown>][] {
  const issue = FIXTURES[code].issue as unknown as Record<string, unknown>;
  const keys = Object.keys(issue).filter((key) => key !== "code" && key !== "message");
  const out: [string, Record<string, unknown>][] = [
    ["fixture", issue],
    ["code alone", { code }],
  ];
  for (const key of keys) {
    const { [key]: _dropped, ...rest } = issue;
    out.push([`without ${key}`, rest]);
  }
  // A field that another code's fixture has, added to this one (a limit
  // turns "a list was expected" into "the list is too long").
  for (const [key, value] of FIELDS) {
    if (!(key in issue)) out.push([`with ${key}`, { ...issue, [key]: value }]);
  }
  out.push(["with every field", { ...Object.fromEntries(FIELDS), ...issue }]);
  for (const key of keys) {
    const value = issue[key];
    if (Array.isArray(value) && value.length > 0 && key !== "path" && !key.endsWith("Path")) {
      out.push([`${key} twice`, { ...issue, [key]: [...value, ...value] }]);
    }
  }
  const choices = Object.entries(CHOICES);
  for (const [key, values] of choices) {
    for (const value of values) out.push([`${key} ${value}`, { ...issue, [key]: value }]);
  }
  // Two table fields together (a reason that names the action, say).
  for (const [i, [key, values]] of choices.entries()) {
    for (const [other, others] of choices.slice(i + 1)) {
      for (const value of values) {
        for (const second of others) {
          out.push([
            `${key} ${value}, ${other} ${second}`,
            { ...issue, [key]: value, [other]: second },
          ]);
        }
      }
    }
  }
  for (const [key, value] of UNSEEN) {
    if (!(key in issue)) out.push([`with ${key}`, { ...issue, [key]: value }]);
  }
  for (const key of keys) {
    const value = issue[key];
    if (Array.isArray(value) && value.length > 1 && key !== "path" && !key.endsWith("Path")) {
      out.push([`${key} first only`, { ...issue, [key]: value.slice(0, 1) }]);
    }
    if (Array.isArray(value) && value.length > 0) {
      out.push([`${key} empty`, { ...issue, [key]: [] }]);
    }
  }
  const others = (key: string) =>
    Object.fromEntries(Object.entries(issue).filter(([k]) => k === key || !(k in CHOICES)));
  for (const [key, values] of choices) {
    for (const value of values) {
      out.push([`${key} ${value}, no other table field`, { ...others(key), [key]: value }]);
    }
  }
  return out;
}

// A different value of a text or number field: one more, or a suffix.
function otherValue(value: unknown): unknown {
  if (typeof value === "number") return value + 1;
  return typeof value === "string" ? `${value}-2` : undefined;
}

// The fixture with each text or number field changed that its sentence, in
// this language, reads the same without (see the top of the file).
function unchangedWithout(
  code: IssueCode,
  language: (typeof LANGUAGES)[number],
): [string, Record<string, unknown>][] {
  const issue = FIXTURES[code].issue as unknown as Record<string, unknown>;
  const sentence = formatIssue(issue, language);
  const out: [string, Record<string, unknown>][] = [];
  for (const [key, value] of Object.entries(issue)) {
    const other = otherValue(value);
    if (key === "code" || key === "message" || key in CHOICES || other === undefined) continue;
    const { [key]: _dropped, ...rest } = issue;
    if (formatIssue(rest, language) === sentence) {
      out.push([`${key} other than its default`, { ...issue, [key]: other }]);
    }
  }
  return out;
}

function sentences(language: (typeof LANGUAGES)[number]): string {
  const lines: string[] = [];
  for (const code of CODES) {
    lines.push(`## ${code}`);
    const seen = new Set<string>();
    for (const [name, issue] of [...variants(code), ...unchangedWithout(code, language)]) {
      const text = formatIssue(issue, language);
      if (seen.has(text)) continue;
      seen.add(text);
      lines.push(`${name}: ${text}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

describe("formatIssue: every sentence, word for word", () => {
  for (const language of LANGUAGES) {
    it(language, async () => {
      await expect(sentences(language)).toMatchFileSnapshot(`./sentences/${language}.txt`);
    });
  }

  it("writes a variant for each field that changes the sentence", () => {
    const english = sentences("en");
    expect(english).toContain("reason other_partner: ");
    expect(english).toContain("without partnerId: ");
    expect(english).toContain("with canonical: ");
    expect(english).toContain("problems first only: ");
    expect(english).toContain("reason super_admin_required, no other table field: ");
    expect(english).toContain("expected other than its default: ");
    expect(english.split("\n").length).toBeGreaterThan(CODES.length * 3);
  });
});
