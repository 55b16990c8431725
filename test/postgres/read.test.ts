import { describe, expect, it } from "vitest";
import {
  clientFilter,
  clientIdsOf,
  field,
  isStorable,
  keysOf,
  keyText,
  listField,
  MAX_PARTNER_ID_BYTES,
  MAX_VERSION,
  NO_MATCH,
  periodFilter,
  textFilter,
  utf8Length,
  versionOf,
} from "../../src/postgres/read.js";

// How the PostgreSQL store reads what callers pass: byte lengths as UTF-8
// counts them, text PostgreSQL can store, and filters that match nothing
// (NO_MATCH) instead of reaching the database as a parameter it refuses.

const encoded = (text: string) => new TextEncoder().encode(text).length;

describe("postgres: utf8Length", () => {
  it("counts each code point at the boundaries of the 1, 2, 3 and 4 byte encodings", () => {
    const cases: [string, number][] = [
      ["", 0],
      ["\u0000", 1],
      ["\u007F", 1],
      ["\u0080", 2],
      ["\u07FF", 2],
      ["\u0800", 3],
      ["\uFFFF", 3],
      ["\u{10000}", 4],
      ["\u{10FFFF}", 4],
      ["é😀", 6],
      ["aé€😀", 1 + 2 + 3 + 4],
    ];
    for (const [text, bytes] of cases) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(bytes);
      expect(encoded(text)).toBe(bytes);
    }
  });

  it("counts a lone surrogate 3, as the U+FFFD an encoder writes for it", () => {
    expect(utf8Length("\uD800")).toBe(3);
    expect(utf8Length("\uDFFF")).toBe(3);
    expect(utf8Length("a\uD83Db")).toBe(5);
    expect(encoded("a\uD83Db")).toBe(5);
  });
});

describe("postgres: isStorable", () => {
  it("refuses a NUL character and a lone surrogate of either half, accepts pairs", () => {
    expect(isStorable("Bücher 😀")).toBe(true);
    expect(isStorable("")).toBe(true);
    expect(isStorable("\u{10000}\u{10FFFF}")).toBe(true);
    expect(isStorable("a\u0000b")).toBe(false);
    expect(isStorable("\uD800")).toBe(false);
    expect(isStorable("\uDBFFa")).toBe(false);
    expect(isStorable("\uDC00")).toBe(false);
    expect(isStorable("a\uDFFF")).toBe(false);
    expect(isStorable("\uDC00\uD800")).toBe(false);
  });
});

describe("postgres: keyText", () => {
  it("keeps a storable string of at most 1000 UTF-8 bytes, and nothing else", () => {
    expect(MAX_PARTNER_ID_BYTES).toBe(1000);
    expect(keyText("acme")).toBe("acme");
    expect(keyText("")).toBe("");
    for (const v of [42, null, undefined, {}, ["acme"], new String("acme")]) {
      expect(keyText(v)).toBeNull();
    }
    expect(keyText("a\u0000")).toBeNull();
    expect(keyText("\uD800")).toBeNull();
  });

  it("measures the limit in bytes: each side of 1000 in 1, 2, 3 and 4 byte characters", () => {
    for (const [ch, size] of [
      ["a", 1],
      ["\u0080", 2],
      ["\u0800", 3],
      ["\u{10000}", 4],
    ] as const) {
      const fits = ch.repeat(Math.floor(1000 / size));
      const over = fits + ch;
      expect(utf8Length(fits)).toBeLessThanOrEqual(1000);
      expect(keyText(fits), `${size}-byte characters that fit`).toBe(fits);
      expect(keyText(over), `${size}-byte characters over the limit`).toBeNull();
    }
    // 999 ASCII bytes and one 2-byte character: 1001 bytes in 1000 code units
    expect(keyText(`${"a".repeat(998)}\u0080`)).toBe(`${"a".repeat(998)}\u0080`);
    expect(keyText(`${"a".repeat(999)}\u0080`)).toBeNull();
    expect(keyText(`${"a".repeat(999)}\u007F`)).toBe(`${"a".repeat(999)}\u007F`);
  });
});

describe("postgres: field and listField", () => {
  it("reads an own property; undefined when the argument is absent; NO_MATCH when it is no object", () => {
    expect(field({ partnerId: "acme" }, "partnerId")).toBe("acme");
    expect(field({}, "partnerId")).toBeUndefined();
    expect(field(undefined, "partnerId")).toBeUndefined();
    expect(field("acme", "partnerId")).toBe(NO_MATCH);
    expect(field(null, "partnerId")).toBe(NO_MATCH);
    expect(field(42, "partnerId")).toBe(NO_MATCH);
    expect(field(Object.create({ partnerId: "acme" }), "partnerId")).toBeUndefined();
  });

  it("answers NO_MATCH when reading the property throws", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(field(hostile, "partnerId")).toBe(NO_MATCH);
    expect(listField(hostile, "clientIds")).toBe(NO_MATCH);
  });

  it("copies an array property; undefined when absent; NO_MATCH for anything else", () => {
    const ids = [42, 43];
    const copy = listField({ clientIds: ids }, "clientIds");
    expect(copy).toEqual([42, 43]);
    expect(copy).not.toBe(ids);
    expect(listField({}, "clientIds")).toBeUndefined();
    expect(listField(undefined, "clientIds")).toBeUndefined();
    expect(listField({ clientIds: 42 }, "clientIds")).toBe(NO_MATCH);
    expect(listField({ clientIds: "42" }, "clientIds")).toBe(NO_MATCH);
    expect(listField({ clientIds: new Set([42]) }, "clientIds")).toBe(NO_MATCH);
    expect(listField(7, "clientIds")).toBe(NO_MATCH);
  });
});

describe("postgres: filters", () => {
  it("textFilter: the key text, undefined when absent, NO_MATCH when no row can have it", () => {
    expect(textFilter("acme")).toBe("acme");
    expect(textFilter(undefined)).toBeUndefined();
    expect(textFilter(NO_MATCH)).toBe(NO_MATCH);
    expect(textFilter(7)).toBe(NO_MATCH);
    expect(textFilter(null)).toBe(NO_MATCH);
    expect(textFilter("a\u0000")).toBe(NO_MATCH);
    expect(textFilter("a".repeat(1001))).toBe(NO_MATCH);
  });

  it("clientFilter: the HubID, undefined when absent, NO_MATCH when it is no HubID", () => {
    expect(clientFilter(42)).toBe(42);
    expect(clientFilter(undefined)).toBeUndefined();
    expect(clientFilter(NO_MATCH)).toBe(NO_MATCH);
    for (const v of ["42", 0, -1, 1.5, null, Number.NaN, 2 ** 53, {}]) {
      expect(clientFilter(v)).toBe(NO_MATCH);
    }
  });

  it("periodFilter: two timestamps, undefined when absent, NO_MATCH otherwise", () => {
    expect(periodFilter({ start: 0, end: 10 })).toEqual({ start: 0, end: 10 });
    expect(periodFilter({ start: 0, end: 10, extra: 1 })).toEqual({ start: 0, end: 10 });
    expect(periodFilter(undefined)).toBeUndefined();
    expect(periodFilter(NO_MATCH)).toBe(NO_MATCH);
    expect(periodFilter({ start: 0 })).toBe(NO_MATCH);
    expect(periodFilter({ end: 10 })).toBe(NO_MATCH);
    expect(periodFilter({ start: "0", end: 10 })).toBe(NO_MATCH);
    expect(periodFilter({ start: 0, end: 1.5 })).toBe(NO_MATCH);
    expect(periodFilter(42)).toBe(NO_MATCH);
  });

  it("keysOf and clientIdsOf keep the elements that can name a row, in order", () => {
    expect(keysOf(["acme", 7, "rival", "a\u0000", "b".repeat(1001), ""])).toEqual([
      "acme",
      "rival",
      "",
    ]);
    expect(clientIdsOf([42, "43", 0, 7, -1, 1.5])).toEqual([42, 7]);
  });
});

describe("postgres: versionOf", () => {
  it("keeps a version a 4-byte integer column can hold, from 1 to 2^31 - 1", () => {
    expect(MAX_VERSION).toBe(2 ** 31 - 1);
    expect(versionOf(1)).toBe(1);
    expect(versionOf(3)).toBe(3);
    expect(versionOf(MAX_VERSION)).toBe(MAX_VERSION);
    for (const v of [0, -1, 1.5, MAX_VERSION + 1, 2 ** 40, 2 ** 53, "3", null, Number.NaN]) {
      expect(versionOf(v), String(v)).toBeNull();
    }
  });
});
