import { describe, expect, it } from "vitest";
import {
  isClientId,
  isIterable,
  isNonEmptyString,
  isPartnerId,
  isRecord,
  isTimestamp,
  MAX_TIMESTAMP,
  normaliseTimestamp,
  own,
} from "../src/guards.js";

describe("guards", () => {
  it("isRecord: non-null objects that are not arrays", () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord(new Map())).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord("x")).toBe(false);
    expect(isRecord(undefined)).toBe(false);
  });

  it("own reads own properties only", () => {
    expect(own({ superAdmin: true }, "superAdmin")).toBe(true);
    expect(own(Object.create({ superAdmin: true }), "superAdmin")).toBeUndefined();
    const copied = Object.assign({}, JSON.parse('{"__proto__":{"superAdmin":true}}'));
    expect((copied as { superAdmin?: unknown }).superAdmin).toBe(true); // the trap
    expect(own(copied, "superAdmin")).toBeUndefined();
    expect(own("text", "length")).toBeUndefined();
    expect(own(null, "a")).toBeUndefined();
    expect(own(undefined, "a")).toBeUndefined();
    expect(own(42, "a")).toBeUndefined();
    const fn = Object.assign(() => 0, { a: 1 });
    expect(own(fn, "a")).toBe(1);
  });

  it("own calls an own getter once", () => {
    let reads = 0;
    const value = {
      get partnerId() {
        reads += 1;
        return "acme";
      },
    };
    expect(own(value, "partnerId")).toBe("acme");
    expect(reads).toBe(1);
  });

  it("partner ids are non-empty strings", () => {
    expect(isPartnerId("acme")).toBe(true);
    expect(isNonEmptyString("acme")).toBe(true);
    for (const bad of ["", 42, null, undefined, {}, ["acme"]]) {
      expect(isPartnerId(bad)).toBe(false);
      expect(isNonEmptyString(bad)).toBe(false);
    }
  });

  it("client ids are positive safe integers", () => {
    expect(isClientId(1)).toBe(true);
    expect(isClientId(Number.MAX_SAFE_INTEGER)).toBe(true);
    for (const bad of [0, -1, 1.5, "42", Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 42n]) {
      expect(isClientId(bad)).toBe(false);
    }
  });

  it("timestamps are safe integers within the range of Date", () => {
    expect(isTimestamp(0)).toBe(true);
    expect(isTimestamp(-0)).toBe(true);
    expect(isTimestamp(MAX_TIMESTAMP)).toBe(true);
    expect(isTimestamp(-MAX_TIMESTAMP)).toBe(true);
    expect(new Date(MAX_TIMESTAMP).getTime()).toBe(MAX_TIMESTAMP);
    expect(Number.isNaN(new Date(MAX_TIMESTAMP + 1).getTime())).toBe(true);
    for (const bad of [1.5, 1e16, 1e300, MAX_TIMESTAMP + 1, -MAX_TIMESTAMP - 1, Number.NaN, "0"]) {
      expect(isTimestamp(bad)).toBe(false);
    }
  });

  it("normaliseTimestamp turns -0 into 0", () => {
    expect(Object.is(normaliseTimestamp(-0), 0)).toBe(true);
    expect(normaliseTimestamp(5)).toBe(5);
  });

  it("iterables are objects with an iterator", () => {
    expect(isIterable([])).toBe(true);
    expect(isIterable(new Set())).toBe(true);
    expect(isIterable((function* () {})())).toBe(true);
    expect(isIterable("ab")).toBe(false);
    expect(isIterable({ length: 1 })).toBe(false);
    expect(isIterable(null)).toBe(false);
    expect(isIterable({ [Symbol.iterator]: 1 })).toBe(false);
  });
});
