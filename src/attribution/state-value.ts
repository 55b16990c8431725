/**
 * Plain-JSON values for streaming states: a lossless encoding of the values a
 * caller's records and refused inputs may hold, and an order-independent
 * fingerprint of a JSON value. Internal to the attribution folder.
 *
 * A value JSON can carry as it is (a string, a boolean, `null`, a finite
 * number other than -0) is stored as it is. Anything else is an array whose
 * first element says what it is, so a plain object or array never needs
 * escaping: `["u"]` undefined, `["n", "NaN" | "Infinity" | "-Infinity" | "-0"]`
 * a number JSON cannot write, `["b", digits]` a bigint, `["a", ...items]` an
 * array, `["o", key, value, …]` a plain object (keys sorted), and
 * `["d", description]` a value that is not data (a function, a symbol, a
 * `Map`, a class instance, or anything nested deeper than 16 levels), which
 * comes back as its description.
 *
 * @module
 */

import { own } from "../guards.js";
import { describeValue } from "./money.js";

/**
 * A JSON value, as `JSON.parse` returns it.
 *
 * @example
 * ```ts
 * const value: AttributionStateValue = { partnerId: "acme", tags: ["a", 1, null] };
 * ```
 */
export type AttributionStateValue =
  | null
  | boolean
  | number
  | string
  | readonly AttributionStateValue[]
  | { readonly [key: string]: AttributionStateValue };

const MAX_DEPTH = 16;

/**
 * What {@link decodeValue} returns for something that is no encoding.
 *
 * @example
 * ```ts
 * decodeValue(["x"]) === INVALID; //=> true
 * ```
 */
export const INVALID: unique symbol = Symbol("invalid");

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether JSON carries a value unchanged: strings, booleans, `null`, finite
 * numbers other than -0, and dense arrays and plain objects of those.
 *
 * @param value - any value
 * @param depth - how deep `value` already is
 * @returns `true` when `JSON.parse(JSON.stringify(value))` equals it
 * @example
 * ```ts
 * isJsonSafe({ a: [1, "x"] }); //=> true
 * isJsonSafe({ a: undefined }); //=> false
 * ```
 */
export function isJsonSafe(value: unknown, depth = 0): boolean {
  if (typeof value === "string" || typeof value === "boolean" || value === null) return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== "object" || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isJsonSafe(value[i], depth + 1)) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false; // an inherited enumerable property
    if (!isJsonSafe((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * Encodes any value as a JSON value (see the module comment).
 *
 * @param value - any value
 * @param depth - how deep `value` already is
 * @returns its encoding
 * @example
 * ```ts
 * encodeValue({ at: Number.NaN }); //=> ["o", "at", ["n", "NaN"]]
 * encodeValue("x"); //=> "x"
 * ```
 */
export function encodeValue(value: unknown, depth = 0): AttributionStateValue {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0)
        ? value
        : ["n", Object.is(value, -0) ? "-0" : String(value)];
    case "undefined":
      return ["u"];
    case "bigint":
      return ["b", String(value)];
  }
  if (value === null) return null;
  if (typeof value !== "object" || depth >= MAX_DEPTH) return ["d", describeValue(value)];
  if (Array.isArray(value)) {
    const items: AttributionStateValue[] = ["a"];
    for (let i = 0; i < value.length; i++) items.push(encodeValue(value[i], depth + 1));
    return items;
  }
  if (!isPlainObject(value)) return ["d", describeValue(value)];
  return encodeFields(value as Record<string, unknown>, Object.keys(value), depth);
}

/**
 * Encodes the given own fields of an object as `["o", key, value, …]`, keys
 * sorted; a field that is not an own property is left out.
 *
 * @param record - the object
 * @param keys - the fields to encode
 * @param depth - how deep `record` already is
 * @returns the encoding
 * @example
 * ```ts
 * encodeFields({ b: 1, a: 2 }, ["b", "a"]); //=> ["o", "a", 2, "b", 1]
 * ```
 */
export function encodeFields(
  record: Record<string, unknown>,
  keys: readonly string[],
  depth = 0,
): AttributionStateValue {
  const fields: AttributionStateValue[] = ["o"];
  for (const key of [...new Set(keys)].sort()) {
    if (Object.hasOwn(record, key)) fields.push(key, encodeValue(own(record, key), depth + 1));
  }
  return fields;
}

/**
 * Decodes what {@link encodeValue} made; anything else is {@link INVALID}.
 * Never throws (nesting deeper than 64 levels is invalid).
 *
 * @param value - an encoding, usually from `JSON.parse`
 * @param depth - how deep `value` already is
 * @returns the value, or `INVALID`
 * @example
 * ```ts
 * decodeValue(["o", "at", ["n", "NaN"]]); //=> { at: NaN }
 * ```
 */
export function decodeValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : INVALID;
  if (!Array.isArray(value) || depth > 4 * MAX_DEPTH) return INVALID;
  const [tag, first] = value as unknown[];
  const n = value.length;
  if (tag === "u" && n === 1) return undefined;
  if (tag === "n" && n === 2 && ["NaN", "Infinity", "-Infinity", "-0"].includes(first as string))
    return Number(first);
  if (tag === "b" && n === 2 && typeof first === "string" && /^-?\d{1,400}$/.test(first))
    return BigInt(first);
  if (tag === "d" && n === 2 && typeof first === "string") return first;
  if (tag === "a") {
    const items: unknown[] = [];
    for (let i = 1; i < n; i++) {
      const item = decodeValue(value[i], depth + 1);
      if (item === INVALID) return INVALID;
      items.push(item);
    }
    return items;
  }
  if (tag !== "o" || n % 2 === 0) return INVALID;
  const record: Record<string, unknown> = {};
  for (let i = 1; i < n; i += 2) {
    const key: unknown = value[i];
    const field = decodeValue(value[i + 1], depth + 1);
    if (typeof key !== "string" || field === INVALID) return INVALID;
    // defineProperty, so that a "__proto__" key is an own field as JSON.parse makes it.
    Object.defineProperty(record, key, {
      value: field,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return record;
}

const view = new Float64Array(1);
const words = new Uint32Array(view.buffer);
let lane1 = 0;
let lane2 = 0;

function mix(x: number): void {
  // FNV-1a in one lane, a multiply-xorshift in the other: 64 bits in all.
  lane1 = Math.imul(lane1 ^ x, 0x01000193);
  lane2 = Math.imul(lane2 ^ x, 0x5bd1e995);
  lane2 ^= lane2 >>> 15;
}

function walk(value: unknown, depth: number): boolean {
  if (typeof value === "string") {
    mix(0x73);
    mix(value.length);
    // Two UTF-16 code units per step.
    let i = 1;
    for (; i < value.length; i += 2) mix((value.charCodeAt(i - 1) << 16) | value.charCodeAt(i));
    if (i === value.length) mix(value.charCodeAt(i - 1));
  } else if (typeof value === "number") {
    view[0] = value;
    mix(0x64);
    mix(words[0]!);
    mix(words[1]!);
  } else if (typeof value === "boolean") {
    mix(value ? 0x74 : 0x66);
  } else if (value === null) {
    mix(0x6e);
  } else if (typeof value !== "object" || depth > 4 * MAX_DEPTH) {
    return false;
  } else if (Array.isArray(value)) {
    mix(0x5b);
    mix(value.length);
    for (const item of value) if (!walk(item, depth + 1)) return false;
  } else {
    // An object's fields in any order hash alike (a JSONB column sorts
    // them): each (key, value) is hashed on its own and the hashes added.
    const keys = Object.keys(value);
    const saved1 = lane1;
    const saved2 = lane2;
    let sum1 = 0;
    let sum2 = 0;
    for (const key of keys) {
      lane1 = 0x811c9dc5;
      lane2 = 0x2545f491;
      walk(key, depth);
      if (!walk((value as Record<string, unknown>)[key], depth + 1)) return false;
      sum1 = (sum1 + lane1) | 0;
      sum2 = (sum2 + lane2) | 0;
    }
    lane1 = saved1;
    lane2 = saved2;
    mix(0x7b);
    mix(keys.length);
    mix(sum1);
    mix(sum2);
  }
  return true;
}

/**
 * A deterministic 64-bit fingerprint of a JSON value, as 16 hex digits: the
 * same for equal values, whatever the order of their objects' fields (array
 * order counts). Not cryptographic: it tells states of different reference
 * data apart and catches corruption, it does not resist forgery.
 *
 * @param value - a JSON value
 * @returns the fingerprint, or `null` for something that is not JSON
 * @example
 * ```ts
 * fingerprintOf({ a: 1, b: [2] }) === fingerprintOf({ b: [2], a: 1 }); //=> true
 * ```
 */
export function fingerprintOf(value: unknown): string | null {
  lane1 = 0x811c9dc5;
  lane2 = 0x2545f491;
  if (!walk(value, 0)) return null;
  return (lane1 >>> 0).toString(16).padStart(8, "0") + (lane2 >>> 0).toString(16).padStart(8, "0");
}
