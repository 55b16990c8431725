/**
 * fast-check for the CommonJS build: `require`d on first use, so that the
 * testing entry loads without the optional peer dependency. The ES module
 * build uses `fast-check.ts` instead (see tsup.config.ts).
 *
 * @module
 */

import type * as FastCheck from "fast-check";
import { lazyFastCheck } from "./fast-check-proxy.js";

declare const require: (id: string) => unknown;

const fc = lazyFastCheck(() => {
  try {
    return require("fast-check");
  } catch {
    return undefined;
  }
});

declare namespace fc {
  type Arbitrary<T> = FastCheck.Arbitrary<T>;
}

export default fc;
