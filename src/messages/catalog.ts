/**
 * What a language file of {@link formatIssue} is made of: a {@link Catalog},
 * one sentence builder per issue code, and the {@link Fields} each builder
 * reads the issue through. Builders never touch the issue itself: every read
 * goes through `own` (own properties only) and comes back as display text or
 * `undefined`, so a builder cannot throw on a malformed or hostile issue, and
 * a field a builder names must exist on that code's issue type (a renamed
 * field is a compile error in every language).
 *
 * @module
 */

import { isTimestamp, own } from "../guards.js";
import type { IssueCode, IssueOf } from "./any-issue.js";

/** The field names of any variant of an issue type. */
type Keys<I> = I extends unknown ? Extract<keyof I, string> : never;
/** The type of field `K` in any variant of `I`, without `undefined` and `null`. */
type At<I, K> = I extends unknown
  ? K extends keyof I
    ? Exclude<I[K], undefined | null>
    : never
  : never;
/** The element type of an array field. */
type Item<T> = T extends readonly (infer E)[] ? E : never;

/**
 * A table of display names, one for every string value a field can take
 * (every `reason` of a `forbidden` error, every assignment status…).
 *
 * @example
 * ```ts
 * const statuses: Names<AssignmentStatus> = {
 *   pending_access: "waiting for portal access", active: "active", removed: "removed", expired: "expired",
 * };
 * ```
 */
export type Names<T> = { readonly [V in Extract<T, string>]: string };

/**
 * The summary of a list of issues inside an envelope (`invalid_request`,
 * `invalid_attribution_input`, `domain_change_refused`…): how many there are
 * and the first one, formatted in the same language.
 *
 * @example
 * ```ts
 * const e: Envelope = { count: 2, first: "gmail.com is a shared email domain …" };
 * ```
 */
export interface Envelope {
  readonly count: number;
  readonly first: string | undefined;
}

/**
 * The fields of an issue as display text, for the sentence builders of a
 * {@link Catalog}. Every method answers `undefined` when the field is
 * missing or not of the expected kind, so a builder writes its sentence
 * with and without each piece (see {@link opt}). Field names are checked
 * against the issue type `I`; `sub` names a field inside an object field
 * (`s("holder", "partnerId")`) or of each element of a list field
 * (`join("contenders", "partnerId")`).
 *
 * @example
 * ```ts
 * const sentence = (x: Fields<IssueOf<"shared_domain">>) => `${x.s("domain") ?? "This domain"} is shared.`;
 * ```
 */
export interface Fields<I> {
  /** A text or number field (an id, a domain, an address), cleaned for display; up to three keys deep. */
  s<K extends Keys<I>, S extends Keys<At<I, K>>>(
    key: K,
    sub?: S,
    deep?: Keys<At<At<I, K>, S>>,
  ): string | undefined;
  /** A number field (a count, a limit), in the reader's notation (`1,024`, `1.024`). */
  n<K extends Keys<I>>(key: K, sub?: Keys<At<I, K>>): string | undefined;
  /** A timestamp field as a date and time, in UTC. */
  t<K extends Keys<I>>(key: K, sub?: Keys<At<I, K>>): string | undefined;
  /** A share from 0 to 1 as a percentage (`67%`, `67 %`). */
  pct<K extends Keys<I>>(key: K, sub?: Keys<At<I, K>>): string | undefined;
  /** A refused value (by default `input`): text in straight quotes, a number, `true`, `null`; nothing for objects. */
  v(key?: Keys<I>): string | undefined;
  /** A path field (by default `path`) as `assignments[3].clientId`. */
  p(key?: Keys<I>): string | undefined;
  /** A list of texts, or of one field of each element, joined with commas (at most five). */
  join<K extends Keys<I>>(key: K, sub?: Keys<Item<At<I, K>>>): string | undefined;
  /** The first element of a list field that has the text field `field`: that text. */
  find<K extends Keys<I>>(key: K, field: Keys<Item<At<I, K>>>): string | undefined;
  /** A nested issue (`emailIssue`, `domainIssue`, `issue`), formatted in the same language. */
  sub(key: Keys<I>): string | undefined;
  /** A list of issues (or of `{ issue }` problems): their number and the first, formatted. */
  list(key: Keys<I> | "issues"): Envelope | undefined;
  /** The display name of a field's value, from a table that names every value it can take. */
  pick<K extends Keys<I>>(key: K, names: Names<At<I, K>>): string | undefined;
}

/**
 * One language's sentences: a builder for every issue code, typed with that
 * code's issue, so a code missing from a language is a compile error.
 *
 * @example
 * ```ts
 * const en: Catalog = { shared_domain: (x) => `${x.s("domain")} is a shared email domain.`, … };
 * ```
 */
export type Catalog = {
  readonly [C in IssueCode]: (x: Fields<IssueOf<C>>) => string;
};

/**
 * A language of {@link formatIssue}: its catalog, and the sentence for what
 * is no issue at all (not an object, or an unknown code without a message).
 *
 * @example
 * ```ts
 * const language: Language = { fallback: "Something went wrong.", issues: en };
 * ```
 */
export interface Language {
  readonly fallback: string;
  readonly issues: Catalog;
}

/**
 * An optional piece of a sentence: `before + value + after` when there is a
 * value, nothing otherwise (`undefined` or `""`), so that `The domain${opt(d)} is shared.` reads
 * well with and without the domain.
 *
 * @param value - the piece's data, or `undefined`
 * @param before - what comes before it (default a space)
 * @param after - what comes after it
 * @returns the piece, or `""`
 * @example
 * ```ts
 * opt("gmail.com");       //=> " gmail.com"
 * opt(undefined);         //=> ""
 * opt("42", " (", ")");   //=> " (42)"
 * ```
 */
export function opt(value: string | undefined, before = " ", after = ""): string {
  return value === undefined || value === "" ? "" : before + value + after;
}

/**
 * Where a field is, in parentheses after a space, or nothing.
 *
 * @param x - the issue's fields
 * @returns `" (path)"` or `""`
 * @example
 * ```ts
 * at(fields); //=> " (users[2].email)"
 * ```
 */
export const at = <I>(x: Fields<I>): string => opt(x.p(), " (", ")");

/**
 * A further sentence after a space, or nothing.
 *
 * @param v - the sentence, or `undefined`
 * @returns `" sentence"` or `""`
 * @example
 * ```ts
 * nextSentence("Try again."); //=> " Try again."
 * ```
 */
export const nextSentence = (v: string | undefined): string => opt(v, " ");

/**
 * A language's sentence for a store's refusal of several problems: the lead,
 * the count (one problem, or `count` problems), then the first problem.
 *
 * @param colon - the language's colon (French puts a space before it)
 * @param firstIs - how the first of several problems is introduced
 * @returns the sentence maker
 * @example
 * ```ts
 * envelopeIn(":", " The first problem: ")("Refused", { count: 2, first: "x." }, "one", "problems");
 * //=> "Refused: 2 problems. The first problem: x."
 * ```
 */
export function envelopeIn(colon: string, firstIs: string) {
  return (lead: string, e: Envelope | undefined, one: string, many: string): string =>
    e === undefined || e.count === 0
      ? `${lead}.`
      : `${lead}${colon} ${e.count === 1 ? one : `${e.count} ${many}`}.${opt(e.first, e.count === 1 ? " " : firstIs)}`;
}

/**
 * A language's "(at A and at B)", "(at A)" or nothing, for a value listed
 * twice.
 *
 * @param prep - the preposition before each place
 * @param and - the conjunction between the two
 * @returns the phrase maker
 * @example
 * ```ts
 * twiceIn("at", "and")("[0]", "[3]"); //=> " (at [0] and at [3])"
 * ```
 */
export function twiceIn(prep: string, and: string) {
  return (first: string | undefined, later: string | undefined): string =>
    first && later
      ? ` (${prep} ${first} ${and} ${prep} ${later})`
      : opt(first ?? later, ` (${prep} `, ")");
}

/**
 * The pieces there are, in parentheses: `" (2, 67%)"`, `" (2)"`, or nothing.
 *
 * @param parts - the pieces, some of them `undefined`
 * @returns the parenthesis, with a leading space, or `""`
 * @example
 * ```ts
 * paren("2", "67%");      //=> " (2, 67%)"
 * paren(undefined, "67%"); //=> " (67%)"
 * ```
 */
export function paren(...parts: readonly (string | undefined)[]): string {
  const shown = parts.filter((part) => part !== undefined && part !== "");
  return shown.length === 0 ? "" : ` (${shown.join(", ")})`;
}

/**
 * Where a refused value is and what it was, in parentheses: `" (clientId:
 * "42")"`, or only the place, or only the value after the language's word
 * for "received", or nothing.
 *
 * @param path - the place, as {@link Fields.p} gives it
 * @param value - the value, as {@link Fields.v} gives it
 * @param received - the word that introduces a value without a place
 * @param colon - the colon, with the space French puts before it
 * @returns the parenthesis, with a leading space, or `""`
 * @example
 * ```ts
 * placed("clientId", '"42"', "received");  //=> ' (clientId: "42")'
 * placed(undefined, "5", "reçu", "\u00a0:"); //=> " (reçu\u00a0: 5)"
 * ```
 */
export function placed(
  path: string | undefined,
  value: string | undefined,
  received: string,
  colon = ":",
): string {
  if (path !== undefined) return value === undefined ? ` (${path})` : ` (${path}${colon} ${value})`;
  return value === undefined ? "" : ` (${received}${colon} ${value})`;
}

// Control characters and the invisible marks that reorder text (a value
// could otherwise make a sentence read backwards, as a spoofed name does).
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text from an issue made safe to show: controls and bidirectional
 * overrides become spaces, runs of spaces one, and anything beyond `max`
 * characters is cut with `…`. Internal.
 *
 * @param text - any string
 * @param max - the most characters kept
 * @returns the cleaned text, or `undefined` when nothing is left
 * @example
 * ```ts
 * clean("  acme\u202e.com ");  //=> "acme .com"
 * clean("a".repeat(100), 5);   //=> "aaaaa…"
 * ```
 */
export function clean(text: string, max = 80): string | undefined {
  const head = text.length > max * 2 ? text.slice(0, max * 2) : text;
  const flat = head.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  const out = chars.length > max ? `${chars.slice(0, max).join("")}…` : flat;
  return out === "" ? undefined : out;
}

function pathText(path: unknown): string | undefined {
  if (!Array.isArray(path) || path.length === 0 || path.length > 16) return undefined;
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const key: unknown = own(path, String(i));
    if (typeof key === "number" && Number.isSafeInteger(key) && key >= 0) out += `[${key}]`;
    else if (typeof key === "string" && key !== "") out += out === "" ? key : `.${key}`;
    else return undefined;
  }
  return clean(out, 120);
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return clean(value);
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

// Text is quoted so that the string "42" and the number 42 read differently.
function describe(value: unknown): string | undefined {
  if (typeof value === "string") return opt(clean(value), '"', '"') || undefined;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  return value === null ? "null" : undefined;
}

/**
 * What the fields need from the formatter: the locales for numbers and
 * dates, and how to format a nested issue in the same language. Internal.
 *
 * @example
 * ```ts
 * const env: FieldsEnv = { locales: ["de-AT", "de"], nest: (issue) => undefined };
 * ```
 */
export interface FieldsEnv {
  readonly locales: readonly string[];
  readonly nest: (issue: unknown) => string | undefined;
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formats.get(key) as F | undefined;
  if (f === undefined) {
    f = make();
    if (formats.size >= 64) formats.clear();
    formats.set(key, f);
  }
  return f;
}

const DATE: Intl.DateTimeFormatOptions = {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
};

function numberFormat(locales: readonly string[], percent: boolean): Intl.NumberFormat {
  const options: Intl.NumberFormatOptions = percent
    ? { style: "percent", maximumFractionDigits: 0 }
    : { maximumFractionDigits: 2 };
  return cached(`${locales.join()}|${percent}`, () => new Intl.NumberFormat([...locales], options));
}

function dateFormat(locales: readonly string[]): Intl.DateTimeFormat {
  return cached(`${locales.join()}|date`, () => new Intl.DateTimeFormat([...locales], DATE));
}

function read(issue: unknown, key: string, sub: string | undefined): unknown {
  const value = own(issue, key);
  return sub === undefined ? value : own(value, sub);
}

function items(issue: unknown, key: string): unknown[] {
  const list = own(issue, key);
  if (!Array.isArray(list)) return [];
  const out: unknown[] = [];
  for (let i = 0; i < list.length && i < 64; i++) out.push(own(list, String(i)));
  return out;
}

function nestedIssue(item: unknown): unknown {
  return typeof own(item, "code") === "string" ? item : own(item, "issue");
}

/**
 * The {@link Fields} of one issue. Internal: {@link formatIssue} builds one
 * per issue it formats.
 *
 * @param issue - the issue, of any shape
 * @param env - the locales and the nested formatter
 * @returns the fields, for a catalog's builder of any code
 * @example
 * ```ts
 * fieldsOf({ code: "shared_domain", domain: "gmail.com" }, env).s("domain"); //=> "gmail.com"
 * ```
 */
export function fieldsOf(issue: unknown, env: FieldsEnv): Fields<never> {
  const x: Fields<{ readonly [key: string]: unknown }> = {
    s: (key, sub, deep) =>
      text(deep === undefined ? read(issue, key, sub) : own(read(issue, key, sub), deep)),
    n: (key, sub) => {
      const value = read(issue, key, sub);
      return typeof value === "number" && Number.isFinite(value)
        ? numberFormat(env.locales, false).format(value)
        : undefined;
    },
    t: (key, sub) => {
      const value = read(issue, key, sub);
      return isTimestamp(value) ? `${dateFormat(env.locales).format(value)} UTC` : undefined;
    },
    pct: (key, sub) => {
      const value = read(issue, key, sub);
      return typeof value === "number" && value >= 0 && value <= 1
        ? numberFormat(env.locales, true).format(value)
        : undefined;
    },
    v: (key = "input") => describe(own(issue, key)),
    p: (key = "path") => pathText(own(issue, key)),
    join: (key, sub) => {
      const all = items(issue, key);
      const parts = all.map((item) => text(sub === undefined ? item : own(item, sub)));
      const shown = parts.filter((part) => part !== undefined).slice(0, 5);
      if (shown.length === 0) return undefined;
      return shown.join(", ") + (all.length > 5 ? ", …" : "");
    },
    find: (key, field) => {
      for (const item of items(issue, key)) {
        const found = text(own(item, field));
        if (found !== undefined) return found;
      }
      return undefined;
    },
    sub: (key) => env.nest(own(issue, key)),
    list: (key) => {
      const list = own(issue, key);
      if (!Array.isArray(list) || !Number.isSafeInteger(list.length)) return undefined;
      const first = list.length > 0 ? env.nest(nestedIssue(own(list, "0"))) : undefined;
      return { count: list.length, first };
    },
    pick: (key, names) => {
      const value = own(issue, key);
      const name = typeof value === "string" ? own(names, value) : undefined;
      return typeof name === "string" ? name : undefined;
    },
  };
  return x as unknown as Fields<never>;
}
