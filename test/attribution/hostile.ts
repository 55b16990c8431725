import fc from "fast-check";
import { expect } from "vitest";

/**
 * Any value fast-check can make, the odd ones included: null prototypes,
 * bigints, Maps, Sets, typed arrays, sparse arrays, boxed values, dates,
 * and objects with a `__proto__` key.
 */
export const hostile: fc.Arbitrary<unknown> = fc.anything({
  key: fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "toString")),
  maxDepth: 3,
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

/** `__proto__` as an own key, the way JSON.parse makes it. */
export const protoKeyed = (value: unknown): unknown =>
  JSON.parse(`{"__proto__": ${JSON.stringify({ polluted: true, value: typeof value })}}`);

// Everything Object.prototype holds, to tell whether a call changed it.
function snapshot(): string {
  return JSON.stringify(
    Reflect.ownKeys(Object.prototype).map((key) => {
      const d = Object.getOwnPropertyDescriptor(Object.prototype, key)!;
      return [String(key), typeof d.value, d.writable, d.enumerable, d.configurable];
    }),
  );
}

const before = snapshot();

/** Fails unless Object.prototype is as it was when the tests started. */
export function expectPrototypeIntact(): void {
  expect(snapshot()).toBe(before);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
}

/** Values to put in a state's or a record's fields: anything, or a field removed. */
export const fieldChange = fc.record({
  path: fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 3 }),
  value: fc.option(hostile, { nil: undefined }),
  remove: fc.boolean(),
});

/**
 * A copy of `value` with one field deleted or replaced: the path picks,
 * level by level, one of the keys there (the first level from `keys`).
 */
export function changed(
  value: unknown,
  change: { path: readonly string[]; value: unknown; remove: boolean },
  keys: readonly string[],
): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (let i = 0; i < change.path.length; i++) {
    const step = change.path[i]!;
    const here = i === 0 ? keys : Object.keys(target);
    const key = here.length > 0 ? here[step.length % here.length]! : step;
    const next = target[key];
    const last = i === change.path.length - 1 || typeof next !== "object" || next === null;
    if (last) {
      // An array's length cannot be deleted, nor set to a non-length: such a
      // change is skipped (this helper must not throw; the library must not).
      try {
        if (change.remove) Reflect.deleteProperty(target, key);
        else Reflect.set(target, key, change.value);
      } catch {
        // the value stays as it was
      }
      break;
    }
    target = next as Record<string, unknown>;
  }
  return copy;
}
