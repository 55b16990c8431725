/**
 * Money for people: an amount in minor units written the way a reader of a
 * locale expects, with the currency's ISO 4217 exponent from the currency
 * table (never from `Intl`, which says 0 for COP, HUF and IDR).
 *
 * @module
 */

import { type CurrencyTable, defaultCurrencyTable } from "../attribution/money.js";
import { isRecord, own } from "../guards.js";
import type { Money } from "../model.js";

/**
 * Options of {@link formatMoney}.
 *
 * @example
 * ```ts
 * const options: FormatMoneyOptions = { currencyTable: { XTS: { per100Usd: 100, exponent: 3 } } };
 * ```
 */
export interface FormatMoneyOptions {
  /** Where the exponent of each currency comes from; default `defaultCurrencyTable`. */
  readonly currencyTable?: CurrencyTable;
}

const MAX_EXPONENT = 18;
const formatters = new Map<string, Intl.NumberFormat>();
const FORMATTER_LIMIT = 256;

// Intl picks the first locale of the list it supports; English comes last so
// that an unsupported locale never falls back to the machine's own.
function formatter(
  locale: string | undefined,
  currency: string,
  exponent: number,
): Intl.NumberFormat {
  const key = `${locale ?? ""}\u0000${currency}\u0000${exponent}`;
  let f = formatters.get(key);
  if (f === undefined) {
    const locales = locale === undefined ? ["en"] : [locale, "en"];
    const options: Intl.NumberFormatOptions = {
      style: "currency",
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    };
    try {
      f = new Intl.NumberFormat(locales, options);
    } catch {
      // An ill-formed language tag is a RangeError; read it as no locale.
      f = new Intl.NumberFormat(["en"], options);
    }
    if (formatters.size >= FORMATTER_LIMIT) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

// The exact decimal of amountMinor / 10^exponent as a string: Intl formats a
// decimal string without going through a binary float, so every safe-integer
// amount prints exactly.
function decimalString(amountMinor: number, exponent: number): string {
  const sign = amountMinor < 0 ? "-" : "";
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, "0");
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function exponentOf(table: unknown, currency: string): number | undefined {
  const rate = own(table, currency);
  const exponent = own(rate, "exponent");
  return typeof exponent === "number" &&
    Number.isInteger(exponent) &&
    exponent >= 0 &&
    exponent <= MAX_EXPONENT
    ? exponent
    : undefined;
}

/**
 * Writes an amount of money for people, through `Intl.NumberFormat` in the
 * given locale (English when none is given or the locale is unknown), with
 * the currency table's exponent as the number of fraction digits. Exact for
 * every safe-integer amount: the amount is formatted as a decimal string,
 * never as `amountMinor / 10 ** exponent` in floating point. Total: a value
 * that is not a `Money` with a safe-integer `amountMinor` and a currency of
 * the table gives `""`.
 *
 * @param money - the amount, in minor units, and its currency
 * @param locale - a BCP 47 language tag such as `"de"` or `"pt-BR"`
 * @param options - `currencyTable`, when the caller replaced the defaults
 * @returns the amount as a reader of the locale writes it, or `""`
 * @example
 * ```ts
 * formatMoney({ amountMinor: 50_000, currency: "EUR" });        //=> "€500.00"
 * formatMoney({ amountMinor: 50_000, currency: "EUR" }, "de");  //=> "500,00 €"
 * formatMoney({ amountMinor: 14_400, currency: "JPY" });        //=> "¥14,400"
 * formatMoney({ amountMinor: 9_007_199_254_740_991, currency: "EUR" }); //=> "€90,071,992,547,409.91"
 * ```
 */
export function formatMoney(
  money: Money,
  locale?: string,
  options: FormatMoneyOptions = {},
): string {
  if (!isRecord(money)) return "";
  const amountMinor = own(money, "amountMinor");
  const currency = own(money, "currency");
  if (typeof amountMinor !== "number" || !Number.isSafeInteger(amountMinor)) return "";
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) return "";
  const table = own(options, "currencyTable") ?? defaultCurrencyTable;
  const exponent = exponentOf(table, currency);
  if (exponent === undefined) return "";
  const tag = typeof locale === "string" && locale !== "" ? locale : undefined;
  // Intl accepts a decimal string where its types say number (ECMA-402 NumberFormat v3).
  return formatter(tag, currency, exponent).format(
    decimalString(amountMinor, exponent) as unknown as number,
  );
}
