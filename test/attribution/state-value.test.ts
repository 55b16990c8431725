import { describe, expect, it } from "vitest";
import {
  decodeValue,
  encodeFields,
  encodeValue,
  fingerprintOf,
  INVALID,
  isJsonSafe,
} from "../../src/attribution/state-value.js";

const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);

describe("isJsonSafe", () => {
  it("accepts what JSON keeps", () => {
    expect(isJsonSafe({ a: [1, "x", true, null, { b: 2 }] })).toBe(true);
    expect(isJsonSafe(Object.create(null))).toBe(true);
  });

  it("refuses what JSON would change or drop", () => {
    expect(isJsonSafe(undefined)).toBe(false);
    expect(isJsonSafe(() => 1)).toBe(false);
    expect(isJsonSafe(-0)).toBe(false);
    expect(isJsonSafe(Number.NaN)).toBe(false);
    expect(isJsonSafe([1, undefined])).toBe(false);
    expect(isJsonSafe({ a: undefined })).toBe(false);
    expect(isJsonSafe(new Date(0))).toBe(false);
    expect(isJsonSafe(nested(40))).toBe(false);
  });

  it("refuses an object that inherits an enumerable field", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 1;
    try {
      expect(isJsonSafe({ a: 1 })).toBe(false);
    } finally {
      delete proto.polluted;
    }
    expect(isJsonSafe({ a: 1 })).toBe(true);
  });
});

describe("encodeValue and decodeValue", () => {
  it("describe a function or a value nested too deep", () => {
    expect(encodeValue(() => 1)).toEqual(["d", "a function"]);
    expect(encodeValue(nested(40))).toEqual(expect.arrayContaining(["a"]));
    expect(JSON.stringify(encodeValue(nested(40)))).toContain('["d","an array"]');
  });

  it("round-trip values JSON cannot hold", () => {
    for (const value of [undefined, Number.NaN, -0, 12n, { at: [1, "x"] }]) {
      expect(decodeValue(encodeValue(value))).toStrictEqual(value);
    }
  });

  it("refuse what no encoding gives", () => {
    expect(decodeValue(Number.POSITIVE_INFINITY)).toBe(INVALID);
    expect(decodeValue(["a", 1, ["x"]])).toBe(INVALID);
    expect(decodeValue(["o", 1, 2])).toBe(INVALID);
    expect(decodeValue(["o", "at", ["x"]])).toBe(INVALID);
    expect(decodeValue(["o", "at"])).toBe(INVALID);
    expect(decodeValue({})).toBe(INVALID);
  });
});

describe("encodeFields", () => {
  it("encodes the named own fields once each, in key order, and skips the absent ones", () => {
    const record = Object.assign(Object.create({ inherited: 1 }), { b: 1, a: 2 });
    expect(encodeFields(record, ["b", "missing", "a", "b", "inherited"])).toEqual([
      "o",
      "a",
      2,
      "b",
      1,
    ]);
  });
});

describe("fingerprintOf", () => {
  it("tells apart values that differ only by a null", () => {
    const pairs: readonly (readonly [unknown, unknown])[] = [
      [
        [null, 1],
        [1, null],
      ],
      [{ tags: [null, "x"] }, { tags: ["x", null] }],
      [[null], []],
      [{ a: null }, {}],
      // The encodings of { a: "b", c: null } and { a: null, b: "c" }.
      [
        ["o", "a", "b", "c", null],
        ["o", "a", null, "b", "c"],
      ],
    ];
    for (const [a, b] of pairs) {
      expect(fingerprintOf(a)).toMatch(/^[0-9a-f]{16}$/);
      expect(fingerprintOf(a)).not.toBe(fingerprintOf(b));
    }
  });
});
