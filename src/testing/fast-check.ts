/**
 * fast-check, loaded only when an arbitrary is first used, so that
 * `createInMemoryRepository` and `repositoryContract` work in projects
 * without the optional peer dependency `fast-check`. This is the ES module
 * variant: the package is imported once, with a top-level `await` that never
 * rejects; the CommonJS build swaps in `fast-check.cjs.ts`, which `require`s
 * it on first use.
 *
 * @module
 */

import type * as FastCheck from "fast-check";
import { lazyFastCheck } from "./fast-check-proxy.js";

let loaded: typeof FastCheck | undefined;
try {
  loaded = await import("fast-check");
} catch {
  loaded = undefined;
}

const fc = lazyFastCheck(() => loaded);

// The types of fast-check under the same name as the value, so that
// `fc.Arbitrary<T>` reads as it does with `import fc from "fast-check"`.
declare namespace fc {
  type Arbitrary<T> = FastCheck.Arbitrary<T>;
}

export default fc;
