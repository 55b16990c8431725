// Why UTS #46 refused a name. tr46 answers only "null", so each check is run
// again on its own (UTS #46 lets every check be turned off), label by label,
// until the one that fails is found. This runs only for refused names.
import tr46 from "tr46";
import {
  type DomainIssue,
  domainIssue,
  invalidCharacter,
  MAX_LABEL_LENGTH,
  tooLong,
} from "./domain-issue.js";
import { UTS46_OPTIONS } from "./uts46.js";

type Refusal = { ok: false; error: DomainIssue };

const LABEL_SEPARATORS = /[.\u3002\uFF0E\uFF61]/;
const WITHOUT_LENGTH = { ...UTS46_OPTIONS, verifyDNSLength: false };
// The Bidi rule applies to every label of a name that has right-to-left
// text, so a label is checked alone without it, then beside "א" with it.
const ONE_LABEL = { ...WITHOUT_LENGTH, checkBidi: false };
const NEXT_TO_RIGHT_TO_LEFT = ".xn--4db";
const HYPHENS = { checkHyphens: true };
const STD3 = { useSTD3ASCIIRules: true };
const JOINERS = { checkJoiners: true };
const MARK_FIRST = /^\p{M}/u;

/**
 * The issue behind a name that UTS #46 ToASCII refused: a length or an empty
 * label, a character, a hyphen, a joiner, the Bidi rule or an `xn--` label
 * that is not valid Punycode, with the label as entered. Internal.
 *
 * @param input - the value as given
 * @param name - the trimmed name without its root dot, as passed to ToASCII
 * @returns the refusal
 * @example
 * ```ts
 * explainRefusal("-ü.com", "-ü.com"); //=> { ok: false, error: { code: "hyphen_at_label_edge", label: "-ü", … } }
 * ```
 */
export function explainRefusal(input: string, name: string): Refusal {
  const ascii = tr46.toASCII(name, WITHOUT_LENGTH);
  if (ascii !== null) return lengthIssue(input, ascii);
  const labels = name.split(LABEL_SEPARATORS).filter((label) => label !== "");
  for (const label of labels) {
    const issue = labelIssue(input, label);
    if (issue !== undefined) return issue;
  }
  const bidi = labels.find(
    (label) => tr46.toASCII(label + NEXT_TO_RIGHT_TO_LEFT, WITHOUT_LENGTH) === null,
  );
  // Unreachable with tr46 6: it maps and normalises character by character
  // (only ".", "。", "．" and "｡" become dots, the separators split on here)
  // and checks each label on its own but for one flag of the whole name,
  // "is a Bidi domain name". Every label passed alone (labelIssue), so the
  // name fails the Bidi rule on a label that fails it in a Bidi domain name,
  // which it is beside "א". Kept so that a rule a later tr46 adds still gets
  // a typed refusal.
  /* v8 ignore next 8 -- @preserve */
  if (bidi === undefined) {
    return domainIssue(
      "invalid_idn",
      input,
      `"${name}" is not a valid internationalised name; check its spelling.`,
      {},
    );
  }
  return domainIssue(
    "invalid_bidi",
    input,
    `"${bidi}" breaks the Bidi rule for right-to-left text (RFC 5893); check its spelling.`,
    { label: bidi },
  );
}

// UTS #46 §4.2 step 4 (VerifyDnsLength), on the ASCII form (a name of
// characters that UTS #46 ignores has one empty label).
function lengthIssue(input: string, ascii: string): Refusal {
  const labels = ascii.split(".");
  if (labels.includes("")) {
    return domainIssue(
      "empty_label",
      input,
      "A domain cannot start with a dot or contain two dots in a row; enter it like acme.com.",
    );
  }
  const long = labels.find((label) => label.length > MAX_LABEL_LENGTH);
  if (long !== undefined) {
    return domainIssue(
      "label_too_long",
      input,
      `Each part of a domain has at most ${MAX_LABEL_LENGTH} characters in ASCII form; "${long.slice(0, 20)}…" has ${long.length}.`,
      { label: long, length: long.length, maxLength: MAX_LABEL_LENGTH },
    );
  }
  return tooLong(input, ascii.length);
}

// The checks of UTS #46 §4 for one label, each on its own, in this order:
// mapping, Punycode and the status of each character (always on), then
// CheckHyphens (V2, V3), UseSTD3ASCIIRules, CheckJoiners (ContextJ).
function labelIssue(input: string, label: string): Refusal | undefined {
  if (tr46.toASCII(label, ONE_LABEL) !== null) return undefined;
  const fails = (options: object) => tr46.toASCII(label, options) === null;
  // mapped, and decoded when it is an "xn--" label that decodes
  const unicode = tr46.toUnicode(label).domain;
  if (fails({})) {
    // an "xn--" label after mapping ("XN--", or with an ignored soft hyphen,
    // too); the "a" keeps it from being decoded
    const aLabel = tr46.toUnicode(`a${label}`).domain.startsWith("axn--");
    if (aLabel) return invalidIdn(input, label);
    return invalidCharacter(input, characterOf(label, unicode), label);
  }
  if (fails(HYPHENS)) {
    if (unicode.startsWith("-") || unicode.endsWith("-")) {
      return domainIssue(
        "hyphen_at_label_edge",
        input,
        `A part of a domain cannot start or end with a hyphen ("${label}").`,
        { label },
      );
    }
    return domainIssue(
      "reserved_hyphens",
      input,
      `A part of a domain cannot have hyphens in its third and fourth places, as xn-- names do ("${label}").`,
      { label },
    );
  }
  if (fails(STD3)) return invalidCharacter(input, characterOf(label, unicode), label);
  // Unreachable: each check tr46 makes with all the options on is made again
  // with one of them alone (only "no xn-- prefix" is made alone and not with
  // CheckHyphens, so alone is stricter), so a label refused here and not by
  // mapping, hyphens or STD3 is refused by CheckJoiners.
  /* v8 ignore next -- @preserve */
  if (!fails(JOINERS)) return undefined;
  return domainIssue(
    "invalid_joiner",
    input,
    `"${label}" has a zero-width joiner where its script does not use one (RFC 5892); remove it.`,
    // CheckJoiners fails only on a ZWNJ or ZWJ, which mapping keeps (they are
    // deviations, kept by nontransitional processing): the "" is never taken
    /* v8 ignore next -- @preserve */
    { label, character: unicode.match(/[\u200C\u200D]/)?.[0] ?? "" },
  );
}

// The character to name: a leading combining mark (V6), or the first typed
// character that UTS #46 disallows on its own; each distinct character is
// tried once, so a long run of one character costs one call.
function characterOf(label: string, unicode: string): string {
  const mark = MARK_FIRST.test(unicode) ? [...unicode][0] : undefined;
  // "label" is never taken: a label that is no "xn--" one, begins with no
  // mark and is refused for its characters has one that tr46 refuses after
  // "a" too, with the strictest check (UseSTD3ASCIIRules): mapping goes
  // character by character and normalisation composes valid characters
  // only into valid ones (checked for every code point and its decomposition).
  /* v8 ignore next -- @preserve */
  return mark ?? [...new Set(label)].find((ch) => tr46.toASCII(`a${ch}`, STD3) === null) ?? label;
}

// An "xn--" label must be valid Punycode for a non-ASCII name in normal form
// C that is not itself in "xn--" form (UTS #46 §4 step 4, §4.1 V1, V4).
function invalidIdn(input: string, label: string): Refusal {
  return domainIssue(
    "invalid_idn",
    input,
    `"${label}" is not a valid xn-- name; check its spelling.`,
    { label },
  );
}
