/**
 * The one set of guards every function of the library uses to decide what it
 * accepts, so that what one function produces every other accepts: a record,
 * an iterable, a timestamp, a client id, a partner id. They read only a
 * value's own properties, so nothing inherited from a prototype (a
 * `__proto__` key of parsed JSON, `Object.create({ superAdmin: true })`)
 * counts as data.
 *
 * @module
 */

import type { ClientId, PartnerId, Timestamp } from "./model.js";

/**
 * The largest distance from the epoch, in milliseconds, that a JavaScript
 * `Date` can hold (ECMA-262 §21.4.1.1): 100,000,000 days. A
 * {@link Timestamp} lies in `[-MAX_TIMESTAMP, MAX_TIMESTAMP]`.
 *
 * @example
 * ```ts
 * new Date(MAX_TIMESTAMP).toISOString(); //=> "+275760-09-13T00:00:00.000Z"
 * isTimestamp(MAX_TIMESTAMP + 1);        //=> false
 * ```
 */
export const MAX_TIMESTAMP = 8_640_000_000_000_000;

/**
 * Whether a value is a record: an object that is not `null` and not an
 * array. Functions, Maps and class instances are records too; what matters
 * is which own properties they have.
 *
 * @param value - any value
 * @returns `true` for a non-null, non-array object
 * @example
 * ```ts
 * isRecord({ a: 1 });           //=> true
 * isRecord(Object.create(null)); //=> true
 * isRecord([1]);                //=> false
 * isRecord(null);               //=> false
 * ```
 */
export function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A property of a value if it is the value's own, `undefined` otherwise:
 * inherited properties, properties of non-objects and missing keys all read
 * as absent. A getter the caller defined on the object itself is called, once.
 *
 * @param value - any value
 * @param key - the property to read
 * @returns the own property's value, or `undefined`
 * @example
 * ```ts
 * own({ superAdmin: true }, "superAdmin");                 //=> true
 * own(Object.create({ superAdmin: true }), "superAdmin");  //=> undefined
 * own("text", "length");                                   //=> undefined
 * ```
 */
export function own(value: unknown, key: string): unknown {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) {
    return undefined;
  }
  return Object.hasOwn(value, key) ? (value as { readonly [k: string]: unknown })[key] : undefined;
}

/**
 * Whether a value is a non-empty string.
 *
 * @param value - any value
 * @returns `true` for a string of at least one character
 * @example
 * ```ts
 * isNonEmptyString("acme"); //=> true
 * isNonEmptyString("");     //=> false
 * ```
 */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/**
 * Whether a value is a {@link PartnerId}: a non-empty string.
 *
 * @param value - any value
 * @returns `true` for a non-empty string
 * @example
 * ```ts
 * isPartnerId("acme"); //=> true
 * isPartnerId("");     //=> false
 * isPartnerId(42);     //=> false
 * ```
 */
export function isPartnerId(value: unknown): value is PartnerId {
  return typeof value === "string" && value !== "";
}

/**
 * Whether a value is a {@link ClientId}: a client's HubID, a positive safe
 * integer. A numeric string such as `"42"` is not one.
 *
 * @param value - any value
 * @returns `true` for an integer in `[1, 2^53 - 1]`
 * @example
 * ```ts
 * isClientId(42);   //=> true
 * isClientId("42"); //=> false
 * isClientId(0);    //=> false
 * ```
 */
export function isClientId(value: unknown): value is ClientId {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

/**
 * Whether a value is a {@link Timestamp}: a whole number of milliseconds
 * since the epoch that a `Date` can hold, that is a safe integer within
 * ±{@link MAX_TIMESTAMP}. Fractions, `NaN`, infinities and strings are not.
 *
 * @param value - any value
 * @returns `true` for an integer in `[-MAX_TIMESTAMP, MAX_TIMESTAMP]`
 * @example
 * ```ts
 * isTimestamp(Date.UTC(2026, 0, 1)); //=> true
 * isTimestamp(1.5);                  //=> false
 * isTimestamp(1e16);                 //=> false
 * ```
 */
export function isTimestamp(value: unknown): value is Timestamp {
  return (
    typeof value === "number" &&
    Number.isSafeInteger(value) &&
    value <= MAX_TIMESTAMP &&
    value >= -MAX_TIMESTAMP
  );
}

/**
 * Whether a value can be iterated with `for…of` as a list of records: an
 * object (an array, a Set, a generator…) whose `Symbol.iterator` is a
 * function. Strings are not lists of records, so they are refused.
 *
 * @param value - any value
 * @returns `true` for a non-null object with an iterator
 * @example
 * ```ts
 * isIterable([1, 2]);       //=> true
 * isIterable(new Set([1])); //=> true
 * isIterable("ab");         //=> false
 * isIterable({ length: 1 }); //=> false
 * ```
 */
export function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"
  );
}

/**
 * Turns `-0` into `0` so that equal instants print and compare the same;
 * any other timestamp is returned as it is.
 *
 * @param t - a timestamp
 * @returns `t`, with `-0` as `0`
 * @example
 * ```ts
 * Object.is(normaliseTimestamp(-0), 0); //=> true
 * ```
 */
export function normaliseTimestamp(t: Timestamp): Timestamp {
  return t + 0;
}
