// The checks every hostile call goes through: it returns (or its promise
// resolves), the built-in prototypes are exactly as they were, and every
// failure found in what it returned is a typed error with a string `code`
// and `message`. Counts the calls and properties for the summary line.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";

/** The seed of every property: `HOSTILE_SEED` from the environment, or a random one. */
export const SEED: number =
  process.env.HOSTILE_SEED !== undefined && process.env.HOSTILE_SEED !== ""
    ? Number(process.env.HOSTILE_SEED)
    : Math.floor(Math.random() * 2 ** 31);

export const stats = { properties: 0, calls: 0 };

/** The built package's entry files; the suite runs after `npm run build`. */
export function distEntry(entry: "index" | "testing/index" | "postgres/index"): string {
  const file = fileURLToPath(new URL(`../../dist/${entry}.js`, import.meta.url));
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  return file;
}

function snapshot(target: object): unknown[] {
  return Reflect.ownKeys(target).map((k) => {
    const d = Object.getOwnPropertyDescriptor(target, k)!;
    return [k, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable];
  });
}

const PROTOTYPES = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Map.prototype,
  Set.prototype,
  Promise.prototype,
] as const;
const PRISTINE = PROTOTYPES.map(snapshot);

function sameDescriptors(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((entry, i) => {
    const other = b[i] as unknown[];
    return (entry as unknown[]).every((x, j) => Object.is(x, other[j]));
  });
}

/** Throws when a built-in prototype gained, lost or changed a property. */
export function assertPrototypesUnchanged(label: string): void {
  PROTOTYPES.forEach((p, i) => {
    if (!sameDescriptors(snapshot(p), PRISTINE[i]!)) {
      throw new Error(`${label} changed a built-in prototype (${i === 0 ? "Object" : i})`);
    }
  });
  if (Object.getPrototypeOf(Object.prototype) !== null) {
    throw new Error(`${label} set the prototype of Object.prototype`);
  }
}

// The repository port's refusal of a malformed record (`InvalidRecord`,
// returned by the `check…Record` functions too) is `{ status:
// "invalid_record", issues }` without a code of its own: accepted when every
// issue is typed.
function isRecordEnvelope(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { status, issues } = error as { status?: unknown; issues?: unknown };
  return (
    status === "invalid_record" &&
    Array.isArray(issues) &&
    issues.length > 0 &&
    issues.every(isTypedError)
  );
}

function isTypedError(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** What the caller passed in: objects reachable from the arguments, and the primitive arguments. */
export interface Owned {
  readonly objects: WeakSet<object>;
  readonly primitives: Set<unknown>;
}

const isOwned = (value: unknown, owned: Owned) =>
  typeof value === "object" && value !== null
    ? owned.objects.has(value)
    : owned.primitives.has(value);

/** Every object reachable from the arguments (a few levels down): what the caller owns. */
export function ownedBy(args: readonly unknown[]): Owned {
  const owned = { objects: new WeakSet<object>(), primitives: new Set<unknown>() };
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== "object" || value === null) {
      if (depth === 0) owned.primitives.add(value);
      return;
    }
    if (depth > 4 || owned.objects.has(value)) return;
    owned.objects.add(value);
    if (ArrayBuffer.isView(value)) return;
    for (const child of childrenOf(value)) visit(child, depth + 1);
  };
  for (const a of args) visit(a, 0);
  return owned;
}

// Arrays with a null prototype have no `slice`: go through Array.prototype.
function childrenOf(value: object): unknown[] {
  if (Array.isArray(value)) return Array.prototype.slice.call(value, 0, 20);
  if (value instanceof Map) return [...Map.prototype.values.call(value)].slice(0, 20);
  if (value instanceof Set) return [...Set.prototype.values.call(value)].slice(0, 20);
  return Object.values(value).slice(0, 20);
}

/**
 * Walks what a call returned (a few levels, a few items per list) and
 * throws when a failed Result's error lacks a string `code` or `message`.
 * Objects the caller passed in are the caller's own and are not judged
 * (`err(x)` returns `x` as it was given).
 */
export function assertTypedFailures(label: string, value: unknown, owned: Owned, depth = 0): void {
  if (depth > 3 || typeof value !== "object" || value === null || isOwned(value, owned)) return;
  if (ArrayBuffer.isView(value)) return;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === false && Object.hasOwn(v, "error")) {
    const e = v.error;
    if (!isOwned(e, owned) && !isTypedError(e) && !isRecordEnvelope(e)) {
      throw new Error(`${label} failed without a typed error: ${describe(e)}`);
    }
  }
  for (const child of childrenOf(value)) assertTypedFailures(label, child, owned, depth + 1);
}

function describe(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))?.slice(
        0,
        300,
      ) ?? safeString(value)
    );
  } catch {
    return safeString(value);
  }
}

export function safeString(value: unknown): string {
  try {
    return String(value).slice(0, 200);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Runs one hostile call: no exception escapes, a returned promise resolves
 * (or rejects only as `allowRejection` says), the prototypes are unchanged
 * and failures are typed.
 */
export async function hostileCall(
  label: string,
  args: readonly unknown[],
  call: () => unknown,
  allowRejection: (reason: unknown) => boolean = () => false,
): Promise<void> {
  stats.calls++;
  const owned = ownedBy(args);
  let value: unknown;
  try {
    value = call();
  } catch (error) {
    throw new Error(`${label} threw ${safeString(error)}`, { cause: error });
  }
  if (value instanceof Promise) {
    try {
      value = await value;
    } catch (reason) {
      if (!allowRejection(reason)) {
        throw new Error(`${label} rejected with ${safeString(reason)}`, { cause: reason });
      }
      value = undefined;
    }
  }
  assertPrototypesUnchanged(label);
  assertTypedFailures(label, value, owned);
}

/** Runs an async property with the suite's seed and counts it. */
export async function check<T>(
  numRuns: number,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
): Promise<void> {
  stats.properties++;
  await fc.assert(fc.asyncProperty(arbitrary, predicate), { seed: SEED, numRuns });
}
