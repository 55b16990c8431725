import { expect, describe as group, it } from "vitest";
import { describe, prototypeIsClean } from "../../src/conflicts/records.js";

group("describe", () => {
  it("names every kind of value", () => {
    expect(describe("jane@acme.com")).toBe('"jane@acme.com"');
    expect(describe(1)).toBe("1");
    expect(describe(undefined)).toBe("undefined");
    expect(describe(null)).toBe("null");
    expect(describe([])).toBe("an array");
    expect(describe({})).toBe("an object");
    expect(describe(Symbol("s"))).toBe("a symbol");
    expect(describe(() => 1)).toBe("a function");
  });
});

group("prototypeIsClean", () => {
  it("is false while Object.prototype holds a field name", () => {
    expect(prototypeIsClean()).toBe(true);
    const proto = Object.prototype as Record<string, unknown>;
    proto.email = "x@evil.com";
    try {
      expect(prototypeIsClean()).toBe(false);
    } finally {
      delete proto.email;
    }
    expect(prototypeIsClean()).toBe(true);
  });
});
