import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FAST_CHECK_MISSING, lazyFastCheck } from "../../src/testing/fast-check-proxy.js";

describe("lazyFastCheck", () => {
  it("loads fast-check on first use only, and forwards to it", () => {
    let loads = 0;
    const lazy = lazyFastCheck(() => {
      loads += 1;
      return { default: fc };
    });
    expect(loads).toBe(0);
    expect(lazy.integer).toBe(fc.integer);
    expect(lazy.record).toBe(fc.record);
    expect("constant" in lazy).toBe(true);
    expect(loads).toBe(1);
  });

  it("takes a module without a default export as fast-check itself", () => {
    expect(lazyFastCheck(() => fc).nat).toBe(fc.nat);
  });

  it("says what to install when fast-check is missing", () => {
    const lazy = lazyFastCheck(() => undefined);
    expect(() => lazy.integer).toThrow(FAST_CHECK_MISSING);
    expect(FAST_CHECK_MISSING).toContain("npm i -D fast-check");
  });
});
