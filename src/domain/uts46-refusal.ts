// Why UTS #46 refused a name. tr46 answers only "null", so the name is taken
// apart label by label, and character by character, with tr46 itself, until
// the rule that fails is found. This runs only for refused names.
import tr46 from "tr46";
import {
  type DomainIssue,
  domainIssue,
  MAX_DOMAIN_LENGTH,
  MAX_LABEL_LENGTH,
} from "./domain-issue.js";
import { UTS46_OPTIONS } from "./uts46.js";

type Refusal = { ok: false; error: DomainIssue };

const LABEL_SEPARATORS = /[.\u3002\uFF0E\uFF61]/;
const WITHOUT_LENGTH = { ...UTS46_OPTIONS, verifyDNSLength: false };
// The Bidi rule applies to every label of a name that has right-to-left
// text, so one label is checked alone without it, and with it beside "א".
const ONE_LABEL = { ...WITHOUT_LENGTH, checkBidi: false };
const RIGHT_TO_LEFT_LABEL = ".xn--4db";
const CHARACTER_ONLY = { useSTD3ASCIIRules: true };
const JOINER_ONLY = { useSTD3ASCIIRules: true, checkJoiners: true };
const JOINER = /[\u200C\u200D]/;
const MARK_FIRST = /^\p{M}/u;
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * The issue behind a name that UTS #46 ToASCII refused: a length or an empty
 * label, a character, a hyphen, a joiner, the Bidi rule or the Punycode of a
 * label, with the label as entered. Internal.
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
    (label) => tr46.toASCII(label + RIGHT_TO_LEFT_LABEL, WITHOUT_LENGTH) === null,
  );
  if (bidi !== undefined) {
    return domainIssue(
      "invalid_bidi",
      input,
      `In a domain with right-to-left text, "${bidi}" breaks the Bidi rule (RFC 5893): each part must start with a letter of its writing direction, and digits and marks may stand only where they cannot be misread; check the spelling.`,
      { label: bidi },
    );
  }
  return invalidIdn(input, "This internationalised domain name is not valid; check its spelling.");
}

// UTS #46 §4.2 step 4 (VerifyDnsLength), on the ASCII form.
function lengthIssue(input: string, ascii: string): Refusal {
  if (ascii === "") return domainIssue("empty", input, "Enter a domain, for example acme.com.");
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
      `Each part of a domain between dots has at most ${MAX_LABEL_LENGTH} characters in its ASCII form; "${long.slice(0, 20)}…" has ${long.length}.`,
      { label: long, length: long.length, maxLength: MAX_LABEL_LENGTH },
    );
  }
  return domainIssue(
    "too_long",
    input,
    `A domain name has at most ${MAX_DOMAIN_LENGTH} characters in its ASCII form; this one has ${ascii.length}.`,
    { length: ascii.length, maxLength: MAX_DOMAIN_LENGTH },
  );
}

function labelIssue(input: string, label: string): Refusal | undefined {
  if (tr46.toASCII(label, ONE_LABEL) !== null) return undefined;
  // UTS #46 maps each character on its own, so mapping one at a time gives
  // the mapped label without decoding it.
  const mapped = [...label]
    .map((ch) => tr46.toUnicode(ch).domain)
    .join("")
    .normalize("NFC");
  if (mapped.startsWith("xn--")) return aLabelIssue(input, label, mapped);
  return (
    unicodeLabelIssue(input, label, mapped, [...label]) ??
    invalidIdn(input, `"${label}" is not a valid part of a domain name; check its spelling.`, label)
  );
}

// UTS #46 §4 step 4: an "xn--" label must be ASCII, valid Punycode, decode
// to something beyond ASCII that is not itself in "xn--" form, and the
// decoded label must pass every check a typed one does.
function aLabelIssue(input: string, label: string, mapped: string): Refusal {
  const say = (why: string) => invalidIdn(input, `"${label}" ${why}`, label);
  if (NON_ASCII.test(mapped)) {
    return say("mixes the encoded xn-- form with other characters; enter the name as typed.");
  }
  const decoded = tr46.toUnicode(mapped).domain;
  if (decoded === mapped) return say("is not valid Punycode; check its spelling.");
  if (!NON_ASCII.test(decoded)) {
    return say("is not a valid encoded name: the xn-- form stands only for non-ASCII names.");
  }
  if (decoded.startsWith("xn--")) {
    return say(`decodes to "${decoded}", itself an encoded name; enter the name it stands for.`);
  }
  if (decoded.normalize("NFC") !== decoded) {
    return say("decodes to a name that is not in Unicode normal form C; check its spelling.");
  }
  const issue = unicodeLabelIssue(input, label, decoded, [...decoded]);
  // A character is reported as typed; the typed label here is all ASCII.
  if (issue?.error.code === "invalid_character") {
    return say(
      `decodes to "${decoded}", with a character a domain cannot have (${JSON.stringify(issue.error.character)}); check its spelling.`,
    );
  }
  return issue ?? say("decodes to a name that is not valid; check its spelling.");
}

// UTS #46 §4.1 for a label in Unicode, mapped: hyphens (V2, V3), a leading
// combining mark (V6), the characters' status (V7), then joiners (ContextJ).
function unicodeLabelIssue(
  input: string,
  label: string,
  unicode: string,
  characters: readonly string[],
): Refusal | undefined {
  if (unicode.startsWith("-") || unicode.endsWith("-")) {
    return domainIssue(
      "hyphen_at_label_edge",
      input,
      `A part of a domain cannot start or end with a hyphen ("${label}").`,
      { label },
    );
  }
  const points = [...unicode];
  if (points[2] === "-" && points[3] === "-") {
    return domainIssue(
      "reserved_hyphens",
      input,
      `A part of a domain cannot have hyphens in both its third and fourth places ("${label}"): that form is reserved for encoded names such as xn--.`,
      { label },
    );
  }
  const character = MARK_FIRST.test(unicode)
    ? points[0]
    : characters.find((ch) => tr46.toASCII(`a${ch}`, CHARACTER_ONLY) === null);
  if (character !== undefined) {
    return domainIssue(
      "invalid_character",
      input,
      MARK_FIRST.test(unicode)
        ? `A part of a domain cannot start with a combining mark; check "${label}".`
        : `A domain has only letters, digits, hyphens and dots; remove ${JSON.stringify(character)} from "${label}".`,
      { character, label },
    );
  }
  const joiner = unicode.match(JOINER)?.[0];
  if (joiner !== undefined && tr46.toASCII(unicode, JOINER_ONLY) === null) {
    return domainIssue(
      "invalid_joiner",
      input,
      `"${label}" has an invisible ${joiner === "\u200C" ? "zero-width non-joiner" : "zero-width joiner"} where its script does not use one (RFC 5892, Appendix A); remove it.`,
      { label, character: joiner },
    );
  }
  return undefined;
}

function invalidIdn(input: string, message: string, label?: string): Refusal {
  return domainIssue("invalid_idn", input, message, label === undefined ? {} : { label });
}
