// Arbitraries of hostile input, shared by the "never throws" properties of
// the access and classification modules: anything fast-check can build (null
// prototypes, bigints, Maps, Sets, typed arrays, sparse arrays, boxed values,
// Dates), objects keyed by `__proto__`, `constructor` and `prototype`, the
// fields of our records holding values of the wrong type, and iterables that
// yield any of these.
import fc from "fast-check";
import { expect } from "vitest";

const FIELDS = [
  "partnerId",
  "clientId",
  "email",
  "status",
  "assignedAt",
  "activatedAt",
  "removedAt",
  "expiresAt",
  "user",
  "users",
  "clientIds",
  "now",
  "tagged",
  "inPartnerAccount",
  "hasPortalAccess",
  "employeeDomains",
  "matchSubdomains",
  "sharedDomains",
  "userId",
  "superAdmin",
  "permissions",
  "kind",
] as const;

const key = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", ...FIELDS),
  fc.string({ maxLength: 4 }),
);

/** Anything at all, with every option fast-check has for odd values. */
export const anything: fc.Arbitrary<unknown> = fc.anything({
  key,
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** A value of a plausible type, or of any other. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "acme",
    "",
    "42",
    42,
    0,
    -0,
    1.5,
    1e16,
    1e300,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "jane@acme.com",
    "jane",
    true,
    "true",
    "pending_access",
    "active",
    "removed",
    "expired",
    "REMOVE",
    "manage_partner_employees",
    ["manage_partner_employees"],
    ["acme.com"],
    "client",
    null,
    undefined,
  ),
  fc.integer({ min: 0, max: 2_000 }),
  anything,
);

/** Objects whose keys are our field names (or `__proto__` & co.) and whose values are anything. */
export const record: fc.Arbitrary<unknown> = fc
  .dictionary(key, fieldValue, { maxKeys: 10 })
  .chain((d) =>
    fc.constantFrom(
      d,
      Object.assign(Object.create(null) as object, d),
      // a `__proto__` key copied the usual way becomes the prototype
      Object.assign({}, jsonCopy(d)),
      Object.create(d) as object,
    ),
  );

// JSON.parse keeps a `__proto__` key as an own property; Object.assign then
// sets the copy's prototype through it. Bigints become strings.
function jsonCopy(value: object): object {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
  return JSON.parse(text ?? "{}") as object;
}

/** Iterables that yield anything: arrays, Sets, generators, hand-made iterators. */
export const iterable: fc.Arbitrary<unknown> = fc
  .array(fc.oneof(record, fieldValue), { maxLength: 5 })
  .chain((items) =>
    fc.constantFrom<unknown>(
      items,
      new Set(items),
      (function* () {
        yield* items;
      })(),
      { [Symbol.iterator]: () => items[Symbol.iterator]() },
    ),
  );

/** Any argument at all: anything, a hostile record, or a hostile iterable. */
export const argument: fc.Arbitrary<unknown> = fc.oneof(anything, record, iterable, fieldValue);

function snapshot(target: object): unknown[] {
  return Reflect.ownKeys(target).map((k) => {
    const d = Object.getOwnPropertyDescriptor(target, k)!;
    return [k, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable];
  });
}

const PROTOTYPES = [Object.prototype, Array.prototype] as const;
const PRISTINE = PROTOTYPES.map(snapshot);

/**
 * Calls `f` and asserts that it returned (did not throw) and that
 * `Object.prototype` and `Array.prototype` are exactly as they were.
 */
export function returns<T>(f: () => T): T {
  let value: T;
  try {
    value = f();
  } catch (error) {
    expect.fail(`threw ${String(error)}`);
  }
  PROTOTYPES.forEach((p, i) => {
    expect(snapshot(p)).toEqual(PRISTINE[i]);
  });
  expect(Object.getPrototypeOf(Object.prototype)).toBe(null);
  return value;
}
