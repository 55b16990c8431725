/**
 * The object the arbitraries call fast-check through: each property is read
 * from the loaded package when it is first needed, and a missing package is
 * reported with what to install.
 *
 * @module
 */

import type * as FastCheck from "fast-check";

/**
 * The message of the error thrown when an arbitrary is used and the optional
 * peer dependency `fast-check` is not installed.
 *
 * @example
 * ```ts
 * FAST_CHECK_MISSING; //=> "partner-access/testing: the arbitraries need fast-check; install it (npm i -D fast-check)."
 * ```
 */
export const FAST_CHECK_MISSING =
  "partner-access/testing: the arbitraries need fast-check; install it (npm i -D fast-check).";

/**
 * fast-check's default export, resolved on first use by `load`.
 *
 * @param load - returns the loaded package, or `undefined` when it is missing
 * @returns an object that forwards every property to fast-check
 * @example
 * ```ts
 * const fc = lazyFastCheck(() => require("fast-check"));
 * fc.integer(); // fast-check's own arbitrary
 * ```
 */
export function lazyFastCheck(load: () => unknown): typeof FastCheck.default {
  let module: Record<PropertyKey, unknown> | undefined;
  const resolve = () => {
    if (module === undefined) {
      const loaded = load() as { default?: unknown } | undefined;
      if (loaded === undefined || loaded === null) throw new Error(FAST_CHECK_MISSING);
      module = ((loaded.default as object | undefined) ?? loaded) as Record<PropertyKey, unknown>;
    }
    return module;
  };
  return new Proxy({} as typeof FastCheck.default, {
    get: (_, key) => resolve()[key],
    has: (_, key) => key in resolve(),
  });
}
