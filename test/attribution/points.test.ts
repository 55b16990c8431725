import { describe, expect, it } from "vitest";
import { defaultCurrencyTable, type PointRate } from "../../src/attribution/money.js";
import { managedPoints, pointsOfAmount, soldPoints } from "../../src/attribution/points.js";
import type { Deal, Money } from "../../src/model.js";

const usd = (amountMinor: number): Money => ({ amountMinor, currency: "USD" });

describe("defaultCurrencyTable", () => {
  it("holds the published US$100 equivalents with ISO 4217 exponents", () => {
    expect(defaultCurrencyTable).toEqual({
      USD: { per100Usd: 100, exponent: 2 },
      AUD: { per100Usd: 154, exponent: 2 },
      EUR: { per100Usd: 88, exponent: 2 },
      GBP: { per100Usd: 74, exponent: 2 },
      SGD: { per100Usd: 129, exponent: 2 },
      JPY: { per100Usd: 14400, exponent: 0 },
      ZAR: { per100Usd: 1768, exponent: 2 },
      CAD: { per100Usd: 130, exponent: 2 },
      COP: { per100Usd: 408000, exponent: 2 },
    });
  });

  it("is frozen, so no caller can change another's defaults", () => {
    expect(Object.isFrozen(defaultCurrencyTable)).toBe(true);
    expect(Object.isFrozen(defaultCurrencyTable.USD)).toBe(true);
  });
});

describe("managedPoints", () => {
  it("gives 1 point per US$100 and 2 in a growth market", () => {
    expect(managedPoints(usd(100_000))).toEqual({ ok: true, value: 10 });
    expect(managedPoints(usd(100_000), { growthMarket: true })).toEqual({ ok: true, value: 20 });
  });

  it.each([
    ["AUD", 15_400, 1],
    ["EUR", 8_800, 1],
    ["GBP", 7_400, 1],
    ["SGD", 12_900, 1],
    ["JPY", 14_400, 1],
    ["ZAR", 176_800, 1],
    ["CAD", 13_000, 1],
    ["COP", 40_800_000, 1],
    ["EUR", 100_000, 11.36], // 1000 / 88 = 11.3636…
  ])("converts %s %i minor units to %d points", (currency, amountMinor, points) => {
    expect(managedPoints({ amountMinor, currency })).toEqual({ ok: true, value: points });
  });

  it("rounds half up from the exact value, where doubles would round down", () => {
    // 1.005 is 1.00499999999999989… as a double; exactly it is 1.005 → 1.01.
    expect(managedPoints(usd(10_050))).toEqual({ ok: true, value: 1.01 });
    expect(managedPoints(usd(50))).toEqual({ ok: true, value: 0.01 });
    expect(managedPoints(usd(49))).toEqual({ ok: true, value: 0 });
  });

  it("stays exact for the largest safe amount", () => {
    expect(managedPoints(usd(Number.MAX_SAFE_INTEGER), { growthMarket: true })).toEqual({
      ok: true,
      value: 1_801_439_850_948.2,
    });
  });

  it("reads a decimal rate as written: 0.1 is one tenth", () => {
    const table = { BTC: { per100Usd: 0.001, exponent: 8 } };
    // 100,000 satoshi = 0.001 BTC = US$100.
    expect(
      managedPoints({ amountMinor: 100_000, currency: "BTC" }, { currencyTable: table }),
    ).toEqual({
      ok: true,
      value: 1,
    });
  });

  it("refuses what cannot be counted, with a typed error and never NaN", () => {
    const code = (money: unknown, options?: object) => {
      const r = managedPoints(money as Money, options);
      return r.ok ? r.value : r.error.code;
    };
    expect(code(usd(-1))).toBe("invalid_amount");
    expect(code(usd(1.5))).toBe("invalid_amount");
    expect(code(usd(Number.NaN))).toBe("invalid_amount");
    expect(code(usd(2 ** 53))).toBe("invalid_amount");
    expect(code({ amountMinor: 1, currency: "XYZ" })).toBe("unknown_currency");
    expect(code({ amountMinor: 1, currency: "usd" })).toBe("unknown_currency");
    expect(code({ amountMinor: 1, currency: "toString" })).toBe("unknown_currency");
    expect(code({ amountMinor: 1, currency: "__proto__" })).toBe("unknown_currency");
    expect(code({ amountMinor: 1 })).toBe("unknown_currency");
    expect(code(null)).toBe("invalid_record");
    expect(code(usd(1), { currencyTable: "USD" })).toBe("invalid_record");
    expect(code(usd(1), { currencyTable: { USD: { per100Usd: -100, exponent: 2 } } })).toBe(
      "invalid_currency_rate",
    );
    expect(code(usd(1), { currencyTable: { USD: { per100Usd: 100, exponent: 2.5 } } })).toBe(
      "invalid_currency_rate",
    );
    expect(code(usd(1), { currencyTable: { USD: { per100Usd: 100, exponent: 99 } } })).toBe(
      "invalid_currency_rate",
    );
  });

  it("says where the problem is", () => {
    expect(managedPoints({ amountMinor: -3, currency: "USD" })).toEqual({
      ok: false,
      error: {
        code: "invalid_amount",
        message: expect.stringContaining("-3"),
        path: ["mrr", "amountMinor"],
        input: -3,
      },
    });
  });

  it("does not use the defaults once a caller's table is given", () => {
    const table = { CHF: { per100Usd: 80, exponent: 2 } };
    expect(
      managedPoints({ amountMinor: 8_000, currency: "CHF" }, { currencyTable: table }),
    ).toEqual({ ok: true, value: 1 });
    expect(managedPoints(usd(10_000), { currencyTable: table })).toMatchObject({
      ok: false,
      error: { code: "unknown_currency" },
    });
  });
});

describe("soldPoints", () => {
  it("gives 5 points per US$100 of a sourced deal and 3 of an assisted one, doubled in growth markets", () => {
    expect(soldPoints([{ kind: "sourced", mrr: usd(10_000) }])).toEqual({ ok: true, value: 5 });
    expect(soldPoints([{ kind: "assisted", mrr: usd(10_000) }])).toEqual({ ok: true, value: 3 });
    expect(soldPoints([{ kind: "sourced", mrr: usd(10_000), growthMarket: true }])).toEqual({
      ok: true,
      value: 10,
    });
    expect(soldPoints([{ kind: "assisted", mrr: usd(10_000), growthMarket: true }])).toEqual({
      ok: true,
      value: 6,
    });
  });

  it("sums deals of several currencies exactly and rounds once", () => {
    const deals: Deal[] = [
      { kind: "sourced", mrr: usd(20_000) },
      { kind: "assisted", mrr: { amountMinor: 8_800, currency: "EUR" }, growthMarket: true },
      { kind: "sourced", mrr: { amountMinor: 14_400, currency: "JPY" } },
    ];
    expect(soldPoints(deals)).toEqual({ ok: true, value: 21 });
    // Ten 1-cent sourced deals are 0.0005 points each: 0 when rounded one by
    // one, but 0.005 → 0.01 together.
    const cents: Deal[] = Array.from({ length: 10 }, () => ({ kind: "sourced", mrr: usd(1) }));
    expect(soldPoints(cents)).toEqual({ ok: true, value: 0.01 });
  });

  it("accepts any iterable and gives 0 for no deals", () => {
    expect(soldPoints([])).toEqual({ ok: true, value: 0 });
    expect(soldPoints(new Set<Deal>([{ kind: "sourced", mrr: usd(10_000) }]))).toEqual({
      ok: true,
      value: 5,
    });
  });

  it("refuses the first bad deal, with its position", () => {
    const r = soldPoints([
      { kind: "sourced", mrr: usd(10_000) },
      { kind: "sourced", mrr: { amountMinor: 5, currency: "XYZ" } },
      { kind: "resold", mrr: usd(1) } as unknown as Deal,
    ]);
    expect(r).toMatchObject({
      ok: false,
      error: { code: "unknown_currency", path: ["deals", 1, "mrr", "currency"] },
    });
    expect(soldPoints([{ kind: "resold", mrr: usd(1) } as unknown as Deal])).toMatchObject({
      ok: false,
      error: { code: "invalid_record", path: ["deals", 0, "kind"], input: "resold" },
    });
    expect(soldPoints(42 as unknown as Deal[])).toMatchObject({
      ok: false,
      error: { code: "invalid_list", path: ["deals"] },
    });
  });
});

describe("pointsOfAmount", () => {
  it("takes the exact path for a rate whose terms are no safe integers", () => {
    const usd: PointRate = {
      currency: "USD",
      per100Usd: 100,
      exponent: 2,
      num: 1n,
      den: 10_000n,
      numSafe: 1,
      denSafe: 10_000,
    };
    const huge: PointRate = { ...usd, numSafe: null, denSafe: null };
    expect(pointsOfAmount(100_000, 1, huge)).toBe(10);
    expect(pointsOfAmount(100_000, 1, huge)).toBe(pointsOfAmount(100_000, 1, usd));
    expect(pointsOfAmount(123_456, 2, huge)).toBe(pointsOfAmount(123_456, 2, usd));
  });
});
