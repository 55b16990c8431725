/**
 * neverthrow's `safeTry`, for the service's plain `Result` values: a use
 * case is an async generator that unwraps each step with `yield* take(r)`;
 * the first failure ends it and becomes its result, so `if (!r.ok) return r`
 * never has to be written. Internal: not exported from the package.
 *
 * @module
 */

import type { Result } from "../../result.js";

/**
 * A failed result, as a step yields it.
 *
 * @example
 * ```ts
 * const f: Failure<{ code: "partner_not_found" }> = { ok: false, error: { code: "partner_not_found" } };
 * ```
 */
export type Failure<E> = { readonly ok: false; readonly error: E };

/**
 * The steps of a use case: yields at most one failure, returns its result.
 *
 * @example
 * ```ts
 * async function* steps(): Steps<number, { code: "none" }> { return ok(1); }
 * ```
 */
export type Steps<T, E> = AsyncGenerator<Failure<E>, Result<T, E>, unknown>;

/**
 * Unwraps a result inside a use case's generator: `const x = yield* take(r)`
 * is `r.value`, or ends the use case with `r`'s failure.
 *
 * @param result - a step's result
 * @returns the value (through `yield*`)
 * @example
 * ```ts
 * const partner = yield* take(await findPartner(tx, "acme"));
 * ```
 */
export function* take<T, E>(result: Result<T, E>): Generator<Failure<E>, T, unknown> {
  // `fold` never resumes a generator after a failure, so this yields once;
  // the loop is what lets the compiler see `result.ok` afterwards.
  while (!result.ok) yield result;
  return result.value;
}

/**
 * Runs a use case's generator to its result: its return value, or the
 * first failure it yielded (the generator is then dropped, without running
 * any further step).
 *
 * @param steps - the started generator
 * @returns the result
 * @example
 * ```ts
 * await fold((async function* () { const a = yield* take(ok(1)); return ok(a + 1); })()); //=> { ok: true, value: 2 }
 * ```
 */
export async function fold<Y extends Failure<unknown>, R extends Result<unknown, unknown>>(
  steps: AsyncGenerator<Y, R, unknown>,
): Promise<R | Y> {
  const first = await steps.next();
  if (first.done === true) return first.value;
  // The generator stays suspended at the failure and is dropped: none of its
  // steps runs again (the use cases hold no `finally` to run).
  return first.value;
}
