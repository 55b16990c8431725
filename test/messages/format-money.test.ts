import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../src/messages/format-money.js";
import type { Money } from "../../src/model.js";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it("writes euros and yen as readers of each locale expect", () => {
    expect(formatMoney({ amountMinor: 50_000, currency: "EUR" })).toBe("€500.00");
    expect(formatMoney({ amountMinor: 50_000, currency: "EUR" }, "en")).toBe("€500.00");
    expect(nbsp(formatMoney({ amountMinor: 50_000, currency: "EUR" }, "de"))).toBe("500,00 €");
    expect(nbsp(formatMoney({ amountMinor: 50_000, currency: "EUR" }, "de-AT"))).toBe("€ 500,00");
    expect(nbsp(formatMoney({ amountMinor: 50_000, currency: "EUR" }, "fr"))).toBe("500,00 €");
    expect(formatMoney({ amountMinor: 14_400, currency: "JPY" })).toBe("¥14,400");
    expect(formatMoney({ amountMinor: 100_000, currency: "USD" })).toBe("$1,000.00");
  });

  it("is exact for the largest safe-integer amount", () => {
    expect(formatMoney({ amountMinor: 9_007_199_254_740_991, currency: "EUR" })).toBe(
      "€90,071,992,547,409.91",
    );
    expect(formatMoney({ amountMinor: -9_007_199_254_740_991, currency: "EUR" })).toBe(
      "-€90,071,992,547,409.91",
    );
    expect(formatMoney({ amountMinor: 9_007_199_254_740_991, currency: "JPY" })).toBe(
      "¥9,007,199,254,740,991",
    );
    expect(formatMoney({ amountMinor: 1, currency: "EUR" })).toBe("€0.01");
    expect(formatMoney({ amountMinor: -0, currency: "EUR" })).toBe("€0.00");
  });

  it("takes the exponent from the currency table, not from Intl", () => {
    // ISO 4217 gives COP two decimals; Intl says none.
    expect(nbsp(formatMoney({ amountMinor: 40_800_000, currency: "COP" }))).toBe("COP 408,000.00");
    const table = { XTS: { per100Usd: 100, exponent: 3 }, EUR: { per100Usd: 88, exponent: 0 } };
    expect(
      nbsp(
        formatMoney({ amountMinor: 1_234_567, currency: "XTS" }, "en", { currencyTable: table }),
      ),
    ).toBe("XTS 1,234.567");
    expect(formatMoney({ amountMinor: 500, currency: "EUR" }, "en", { currencyTable: table })).toBe(
      "€500",
    );
    expect(formatMoney({ amountMinor: 500, currency: "USD" }, "en", { currencyTable: table })).toBe(
      "",
    );
  });

  it("falls back to English for an unknown or ill-formed locale", () => {
    expect(formatMoney({ amountMinor: 50_000, currency: "EUR" }, "xx-unknown")).toBe("€500.00");
    expect(formatMoney({ amountMinor: 50_000, currency: "EUR" }, "not a tag!")).toBe("€500.00");
    expect(formatMoney({ amountMinor: 50_000, currency: "EUR" }, 42 as never)).toBe("€500.00");
  });

  it("gives an empty string for what is not money of the table", () => {
    for (const bad of [
      null,
      42,
      { amountMinor: 1.5, currency: "EUR" },
      { amountMinor: 2 ** 53, currency: "EUR" },
      { amountMinor: "500", currency: "EUR" },
      { amountMinor: 500, currency: "eur" },
      { amountMinor: 500, currency: "XXX" },
      Object.create({ amountMinor: 500, currency: "EUR" }),
    ]) {
      expect(formatMoney(bad as never)).toBe("");
    }
  });

  it("takes only a currency written as three capital letters, whatever the table holds", () => {
    const table = {
      EUR: { per100Usd: 88, exponent: 2 },
      eur: { per100Usd: 88, exponent: 2 },
    };
    const options = { currencyTable: table };
    expect(formatMoney({ amountMinor: 50_000, currency: "EUR" }, "en", options)).toBe("€500.00");
    expect(formatMoney({ amountMinor: 50_000, currency: "eur" }, "en", options)).toBe("");
    const notText = { amountMinor: 50_000, currency: ["EUR"] } as unknown as Money;
    expect(formatMoney(notText, "en", options)).toBe("");
    expect(formatMoney(notText)).toBe("");
  });

  it("writes English without a locale, whatever the machine's own locale", () => {
    // A machine whose default locale is German: Intl picks it for an empty
    // list of locales. A currency and exponent no other test formats, so
    // the formatter is built while the machine is German.
    const RealNumberFormat = Intl.NumberFormat;
    class MachineGerman extends RealNumberFormat {
      constructor(locales?: Intl.LocalesArgument, options?: Intl.NumberFormatOptions) {
        const none = locales === undefined || (Array.isArray(locales) && locales.length === 0);
        super(none ? ["de"] : locales, options);
      }
    }
    Object.defineProperty(Intl, "NumberFormat", { value: MachineGerman });
    try {
      expect(new Intl.NumberFormat([]).format(1234.5)).toBe("1.234,5");
      const table = { CHF: { per100Usd: 90, exponent: 3 } };
      expect(
        nbsp(
          formatMoney({ amountMinor: 1_234_567, currency: "CHF" }, undefined, {
            currencyTable: table,
          }),
        ),
      ).toBe("CHF 1,234.567");
    } finally {
      Object.defineProperty(Intl, "NumberFormat", { value: RealNumberFormat });
    }
  });

  it("property: the digits written are the digits of the amount, exactly", () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.constantFrom("USD", "EUR", "JPY", "COP", "GBP"),
        fc.constantFrom("en", "de", "fr", "it", "pt"),
        (amountMinor, currency, locale) => {
          const text = formatMoney({ amountMinor, currency }, locale);
          const exponent = currency === "JPY" ? 0 : 2;
          const expected = String(Math.abs(amountMinor)).padStart(exponent + 1, "0");
          expect(text.replace(/\D/g, "")).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (money, locale, options) => {
        expect(typeof formatMoney(money as never, locale as never, options as never)).toBe(
          "string",
        );
      }),
      { numRuns: 1000 },
    );
  });
});
