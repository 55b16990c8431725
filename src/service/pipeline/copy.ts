/**
 * The first step of every use case: a fresh copy of the caller's request
 * made of plain data, so that everything after it (validation,
 * authorization, the work itself) reads one value that cannot change under
 * it. Internal: not exported from the package.
 *
 * @module
 */

import { invalidList, invalidRecord, type ValueIssue } from "../../access/issues.js";
import { err, type IssuePath, ok, type Result } from "../../result.js";

/** How deep a request may nest (a currency table entry is three levels down). */
const MAX_DEPTH = 8;

/**
 * The longest list a request may hold.
 *
 * @example
 * ```ts
 * MAX_REQUEST_LIST; //=> 100000
 * ```
 */
export const MAX_REQUEST_LIST = 100_000;

// Thrown inside the copy only, and caught by `copyRequest`: where the copy
// stopped and why.
class Unreadable {
  constructor(readonly issue: ValueIssue) {}
}

// One read of the caller's value; a getter or a Proxy trap that throws
// stops the copy with an issue at `path`.
function read<T>(path: IssuePath, get: () => T): T {
  try {
    return get();
  } catch {
    const message = "This part of the request could not be read.";
    throw new Unreadable(invalidRecord(path.length === 0 ? undefined : path, undefined, message));
  }
}

function copyList(value: readonly unknown[], path: IssuePath, depth: number): unknown[] {
  const length = read(path, () => value.length);
  if (!Number.isSafeInteger(length) || length > MAX_REQUEST_LIST) {
    const issue = invalidList(path, value);
    const message = `A list in a request holds at most ${MAX_REQUEST_LIST} items.`;
    throw new Unreadable({ ...issue, message });
  }
  const out: unknown[] = [];
  // Own elements only: an index inherited from Array.prototype is a hole.
  for (let i = 0; i < length; i++) {
    const at = [...path, i];
    const item: unknown = read(at, () => (Object.hasOwn(value, i) ? value[i] : undefined));
    out.push(copyValue(item, at, depth + 1));
  }
  return out;
}

function copyRecord(value: object, path: IssuePath, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of read(path, () => Object.keys(value))) {
    const at = [...path, key];
    const field: unknown = read(at, () => Reflect.get(value, key));
    // defineProperty, so that a key named "__proto__" stays a plain own
    // property of the copy instead of setting its prototype.
    Object.defineProperty(out, key, {
      value: copyValue(field, at, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function copyValue(value: unknown, path: IssuePath, depth: number): unknown {
  if (typeof value !== "object" || value === null) return value; // functions stay opaque
  if (depth > MAX_DEPTH) {
    throw new Unreadable(invalidRecord(path, undefined, "The request nests too deeply."));
  }
  // Array.isArray sees through a Proxy (and throws for a revoked one).
  if (read(path, () => Array.isArray(value)) && Array.isArray(value)) {
    return copyList(value, path, depth);
  }
  return copyRecord(value, path, depth);
}

/**
 * Copies a request into fresh plain data: each object becomes a plain
 * object of its own enumerable string-keyed properties (inherited ones,
 * symbols and the prototype are left behind), each array a plain array of
 * its own elements, and every property is read exactly once (a getter is
 * called once; a Proxy's traps run once per key). Functions are kept as
 * they are, unread. A request that cannot be read (a getter or a trap
 * throws, a list of more than {@link MAX_REQUEST_LIST} items, nesting deeper
 * than 8 levels) is refused with an issue at the path where reading stopped.
 *
 * @param request - the caller's request, of any type
 * @returns the copy, or why it could not be made
 * @example
 * ```ts
 * let reads = 0;
 * const tricky = { get partnerId() { return reads++ === 0 ? "acme" : "rival"; } };
 * copyRequest(tricky); //=> { ok: true, value: { partnerId: "acme" } }
 * copyRequest(Object.create({ partnerId: "acme" })); //=> { ok: true, value: {} }
 * ```
 */
export function copyRequest(request: unknown): Result<unknown, ValueIssue> {
  try {
    return ok(copyValue(request, [], 0));
  } catch (thrown) {
    // Only `read` and the limits throw, and only an Unreadable.
    if (thrown instanceof Unreadable) return err(thrown.issue);
    return err(invalidRecord(undefined, undefined, "The request could not be read."));
  }
}
