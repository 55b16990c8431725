// Reading what callers pass to the repository's methods, without ever
// throwing: a filter or a key that is not what the port names matches
// nothing, as in the in-memory reference store, and never reaches
// PostgreSQL as a parameter it would refuse (a cast error, a NUL byte).

import type { Period } from "partner-access";
import { isClientId, isRecord, isTimestamp, own } from "../guards.js";

/**
 * A filter value that cannot match any row: garbage, or a getter that threw.
 *
 * @example
 * ```ts
 * field(42, "partnerId") === NO_MATCH; //=> true
 * ```
 */
export const NO_MATCH: unique symbol = Symbol("no match");

/**
 * A filter as read: a value, absent (`undefined`), or {@link NO_MATCH}.
 *
 * @example
 * ```ts
 * const partnerId: Read<string> = textFilter("acme"); //=> "acme"
 * ```
 */
export type Read<T> = T | undefined | typeof NO_MATCH;

// rule: PostgreSQL's text and jsonb hold no NUL character, and UTF-8 has no
// encoding for a lone surrogate (the driver would store U+FFFD instead).
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The most UTF-8 bytes of a partner id the store accepts: a B-tree index
 * entry holds at most about 2,700 bytes, and a user's key is the partner id
 * and an address of up to 254 bytes.
 *
 * @example
 * ```ts
 * MAX_PARTNER_ID_BYTES; //=> 1000
 * ```
 */
export const MAX_PARTNER_ID_BYTES = 1_000;

/**
 * Whether PostgreSQL stores a string exactly as given: no NUL character,
 * no lone surrogate.
 *
 * @param text - any string
 * @returns `true` when it round-trips through a text or jsonb column
 * @example
 * ```ts
 * isStorable("Bücher 😀"); //=> true
 * isStorable("a\u0000b");  //=> false
 * isStorable("\uD800");    //=> false
 * ```
 */
export function isStorable(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The length of a string in UTF-8 bytes (a lone surrogate counts 3, as the
 * U+FFFD an encoder writes for it).
 *
 * @param text - any string
 * @returns its UTF-8 length
 * @example
 * ```ts
 * utf8Length("é😀"); //=> 6
 * ```
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * A value that can name a stored row by a text key (a partner id, an email
 * key, a domain), or `null` when no row can have it.
 *
 * @param value - any value
 * @returns the string, or `null`
 * @example
 * ```ts
 * keyText("acme");  //=> "acme"
 * keyText(42);      //=> null
 * keyText("a\u0000"); //=> null
 * ```
 */
export function keyText(value: unknown): string | null {
  return typeof value === "string" &&
    value.length <= MAX_PARTNER_ID_BYTES && // a UTF-8 byte per code unit at least
    isStorable(value) &&
    utf8Length(value) <= MAX_PARTNER_ID_BYTES
    ? value
    : null;
}

/**
 * An own property of the caller's argument, read without throwing.
 *
 * @param value - the argument (`undefined` when it was left out)
 * @param key - the property
 * @returns its value; `undefined` when absent; {@link NO_MATCH} when the argument is no object or the read threw
 * @example
 * ```ts
 * field({ partnerId: "acme" }, "partnerId"); //=> "acme"
 * field(undefined, "partnerId");             //=> undefined
 * field("acme", "partnerId");                //=> NO_MATCH
 * ```
 */
export function field(value: unknown, key: string): unknown {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return NO_MATCH;
  try {
    return own(value, key);
  } catch {
    return NO_MATCH;
  }
}

/**
 * An array property of the caller's argument, copied.
 *
 * @param value - the argument
 * @param key - the property
 * @returns a copy of the array, `undefined` when absent, {@link NO_MATCH} for anything else
 * @example
 * ```ts
 * listField({ clientIds: [42] }, "clientIds"); //=> [42]
 * listField({ clientIds: 42 }, "clientIds");   //=> NO_MATCH
 * ```
 */
export function listField(value: unknown, key: string): Read<unknown[]> {
  const list = field(value, key);
  if (list === undefined || list === NO_MATCH) return list;
  try {
    return Array.isArray(list) ? [...list] : NO_MATCH;
  } catch {
    return NO_MATCH;
  }
}

/**
 * A text filter as read.
 *
 * @param value - a filter field as {@link field} read it
 * @returns the text, `undefined` when absent, {@link NO_MATCH} when no row can have it
 * @example
 * ```ts
 * textFilter("acme"); //=> "acme"
 * textFilter(7);      //=> NO_MATCH
 * ```
 */
export function textFilter(value: unknown): Read<string> {
  if (value === undefined || value === NO_MATCH) return value;
  return keyText(value) ?? NO_MATCH;
}

/**
 * A client filter as read.
 *
 * @param value - a filter field as {@link field} read it
 * @returns the HubID, `undefined` when absent, {@link NO_MATCH} when it is no HubID
 * @example
 * ```ts
 * clientFilter(42);   //=> 42
 * clientFilter("42"); //=> NO_MATCH
 * ```
 */
export function clientFilter(value: unknown): Read<number> {
  if (value === undefined || value === NO_MATCH) return value;
  return isClientId(value) ? value : NO_MATCH;
}

/**
 * A period filter as read: two timestamps.
 *
 * @param value - a filter field as {@link field} read it
 * @returns the period, `undefined` when absent, {@link NO_MATCH} otherwise
 * @example
 * ```ts
 * periodFilter({ start: 0, end: 10 }); //=> { start: 0, end: 10 }
 * periodFilter({ start: 0 });          //=> NO_MATCH
 * ```
 */
export function periodFilter(value: unknown): Read<Period> {
  if (value === undefined || value === NO_MATCH) return value;
  const start = field(value, "start");
  const end = field(value, "end");
  return isTimestamp(start) && isTimestamp(end) ? { start, end } : NO_MATCH;
}

/**
 * The elements of a list that can name a row by a text key.
 *
 * @param list - a list as {@link listField} read it
 * @returns those elements, in order
 * @example
 * ```ts
 * keysOf(["acme", 7, "rival"]); //=> ["acme", "rival"]
 * ```
 */
export function keysOf(list: readonly unknown[]): string[] {
  return list.flatMap((v) => keyText(v) ?? []);
}

/**
 * The elements of a list that are HubIDs.
 *
 * @param list - a list as {@link listField} read it
 * @returns those elements, in order
 * @example
 * ```ts
 * clientIdsOf([42, "43", 0]); //=> [42]
 * ```
 */
export function clientIdsOf(list: readonly unknown[]): number[] {
  return list.filter(isClientId);
}

/**
 * The largest version a row holds: the column is a 4-byte integer.
 *
 * @example
 * ```ts
 * MAX_VERSION; //=> 2147483647
 * ```
 */
export const MAX_VERSION = 2_147_483_647;

/**
 * An expected version a row can have.
 *
 * @param value - the caller's expected version
 * @returns the version, or `null` when no row can have it
 * @example
 * ```ts
 * versionOf(3);       //=> 3
 * versionOf(1.5);     //=> null
 * versionOf(2 ** 40); //=> null
 * ```
 */
export function versionOf(value: unknown): number | null {
  return typeof value === "number" &&
    Number.isSafeInteger(value) &&
    value > 0 &&
    value <= MAX_VERSION
    ? value
    : null;
}
