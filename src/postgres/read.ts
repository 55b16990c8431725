// Reading what callers pass to the repository's methods, without ever
// throwing: a filter or a key that is not what the port names matches
// nothing, as in the in-memory reference store, and never reaches
// PostgreSQL as a parameter it would refuse (a cast error, a NUL byte).

import type { Period } from "partner-access";
import { isClientId, isRecord, isTimestamp, own } from "../guards.js";

/** A filter value that cannot match any row (garbage, or a getter that threw). */
export const NO_MATCH: unique symbol = Symbol("no match");
export type Read<T> = T | undefined | typeof NO_MATCH;

// rule: PostgreSQL's text and jsonb hold no NUL character, and UTF-8 has no
// encoding for a lone surrogate (the driver would store U+FFFD instead).
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The most UTF-8 bytes of a partner id the store accepts: a B-tree index
 * entry holds at most about 2,700 bytes, and a user's key is the partner id
 * and an address of up to 254 bytes.
 */
export const MAX_PARTNER_ID_BYTES = 1_000;

/** Whether PostgreSQL stores this string exactly as given. */
export function isStorable(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The length of a string in UTF-8 bytes (lone surrogates count 3, as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** A string that can name a stored row, or `null` when none can have it. */
export function keyText(value: unknown): string | null {
  return typeof value === "string" &&
    isStorable(value) &&
    value.length <= MAX_PARTNER_ID_BYTES && // a UTF-8 byte per code unit at least
    utf8Length(value) <= MAX_PARTNER_ID_BYTES
    ? value
    : null;
}

/** An own property of the caller's argument: `undefined` when absent, {@link NO_MATCH} when unreadable. */
export function field(value: unknown, key: string): unknown {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return NO_MATCH;
  try {
    return own(value, key);
  } catch {
    return NO_MATCH;
  }
}

/** An array property, copied; {@link NO_MATCH} when it is anything else. */
export function listField(value: unknown, key: string): Read<unknown[]> {
  const list = field(value, key);
  if (list === undefined || list === NO_MATCH) return list;
  try {
    return Array.isArray(list) ? [...list] : NO_MATCH;
  } catch {
    return NO_MATCH;
  }
}

/** A text filter: absent, a string a row can hold, or nothing matches. */
export function textFilter(value: unknown): Read<string> {
  if (value === undefined || value === NO_MATCH) return value;
  return keyText(value) ?? NO_MATCH;
}

/** A client filter: absent, a HubID, or nothing matches. */
export function clientFilter(value: unknown): Read<number> {
  if (value === undefined || value === NO_MATCH) return value;
  return isClientId(value) ? value : NO_MATCH;
}

/** A period of two timestamps, or nothing matches. */
export function periodFilter(value: unknown): Read<Period> {
  if (value === undefined || value === NO_MATCH) return value;
  const start = field(value, "start");
  const end = field(value, "end");
  return isTimestamp(start) && isTimestamp(end) ? { start, end } : NO_MATCH;
}

/** The elements of a list that can name a row: keys as text, or HubIDs. */
export function keysOf(list: readonly unknown[]): string[] {
  return list.flatMap((v) => keyText(v) ?? []);
}

export function clientIdsOf(list: readonly unknown[]): number[] {
  return list.filter(isClientId);
}

/** The largest version a row holds (the column is a 4-byte integer). */
export const MAX_VERSION = 2_147_483_647;

/** A version a row can have, or `null`. */
export function versionOf(value: unknown): number | null {
  return typeof value === "number" &&
    Number.isSafeInteger(value) &&
    value > 0 &&
    value <= MAX_VERSION
    ? value
    : null;
}
