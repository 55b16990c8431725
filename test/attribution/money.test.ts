import { describe, expect, it } from "vitest";
import { describeValue } from "../../src/attribution/money.js";
import { soldPoints } from "../../src/attribution/points.js";

describe("describeValue", () => {
  it("names every kind of value", () => {
    expect(describeValue("EUR")).toBe('"EUR"');
    expect(describeValue("x".repeat(50))).toBe(JSON.stringify(`${"x".repeat(40)}…`));
    expect(describeValue(5)).toBe("5");
    expect(describeValue(5n)).toBe("5");
    expect(describeValue(true)).toBe("true");
    expect(describeValue(false)).toBe("false");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue(null)).toBe("null");
    expect(describeValue([])).toBe("an array");
    expect(describeValue({})).toBe("an object");
    expect(describeValue(Symbol("s"))).toBe("a symbol");
    expect(describeValue(() => 1)).toBe("a function");
  });
});

describe("currency rows", () => {
  it("refuses a row whose per100Usd is not a number", () => {
    const currencyTable = { XTS: { per100Usd: "100", exponent: 2 } } as never;
    const r = soldPoints([{ kind: "sourced", mrr: { currency: "XTS", amountMinor: 1 } }], {
      currencyTable,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("invalid_currency_rate");
  });

  it("refuses a row whose exponent is past 18, naming the currency and the rule", () => {
    const row = { per100Usd: 100, exponent: 19 };
    const r = soldPoints([{ kind: "sourced", mrr: { currency: "XTS", amountMinor: 1 } }], {
      currencyTable: { XTS: row },
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: "invalid_currency_rate",
        message:
          "The currency table's row for XTS must be { per100Usd: a positive number, exponent: an integer from 0 to 18 }.",
        input: row,
        currency: "XTS",
      });
  });

  it("stays exact with rates whose fraction leaves the safe integers", () => {
    const sourced = (amountMinor: number, per100Usd: number) =>
      soldPoints([{ kind: "sourced", mrr: { currency: "XTS", amountMinor } }], {
        currencyTable: { XTS: { per100Usd, exponent: 0 } },
      });
    // 10^-20 XTS make US$100: one XTS is 10^20 units of US$100, 5 points each when sourced.
    expect(sourced(1, 1e-20)).toEqual({ ok: true, value: 5e20 });
    // 10^17 XTS make US$100: 9·10^15 XTS are 0.09 units, 0.45 points.
    expect(sourced(9e15, 1e17)).toEqual({ ok: true, value: 0.45 });
  });

  it("refuses a currency table that is not an object", () => {
    expect(soldPoints([], { currencyTable: 5 as never })).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: "invalid_record",
        path: ["options", "currencyTable"],
      }),
    });
  });
});
