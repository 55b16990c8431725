/**
 * Money and the currency table: amounts are
 * integers in a currency's smallest unit, and the table says how many major
 * units of each currency equal US$100 and how many decimals the currency has.
 *
 * @module
 */

import { isRecord, own } from "../guards.js";
import type { IssueBase, IssuePath } from "../result.js";
import { decimalFraction, type Fraction, gcd } from "./exact.js";

export type { IssuePath } from "../result.js";

/**
 * One row of a {@link CurrencyTable}.
 *
 * @example
 * ```ts
 * const yen: CurrencyRate = { per100Usd: 14400, exponent: 0 };
 * ```
 */
export interface CurrencyRate {
  /** The amount, in major units, that equals US$100; a positive finite number. */
  per100Usd: number;
  /** The ISO 4217 minor-unit exponent: 2 for cents, 0 for yen; an integer 0–18. */
  exponent: number;
}

/**
 * Currency code → {@link CurrencyRate}. Codes are compared exactly, so
 * `"usd"` is not `"USD"`. A caller's table replaces {@link defaultCurrencyTable}
 * entirely: a currency missing from it is `unknown_currency`.
 *
 * @example
 * ```ts
 * const table: CurrencyTable = { USD: { per100Usd: 100, exponent: 2 }, CHF: { per100Usd: 80, exponent: 2 } };
 * ```
 */
export type CurrencyTable = Readonly<Record<string, CurrencyRate>>;

function row(per100Usd: number, exponent: number): CurrencyRate {
  return Object.freeze({ per100Usd, exponent });
}

/**
 * The published US$100 equivalents of the partner program, with ISO 4217 exponents.
 * Exponents are written out rather than taken from `Intl`, which says 0 for
 * COP where ISO 4217 says 2.
 *
 * @example
 * ```ts
 * defaultCurrencyTable.JPY; //=> { per100Usd: 14400, exponent: 0 }
 * defaultCurrencyTable.COP; //=> { per100Usd: 408000, exponent: 2 }
 * ```
 */
export const defaultCurrencyTable: CurrencyTable = Object.freeze({
  USD: row(100, 2),
  AUD: row(154, 2),
  EUR: row(88, 2),
  GBP: row(74, 2),
  SGD: row(129, 2),
  JPY: row(14400, 0),
  ZAR: row(1768, 2),
  CAD: row(130, 2),
  COP: row(408000, 2),
});

interface MoneyIssueOf<C extends string> extends IssueBase<C> {
  /** Where the bad value is. */
  readonly path: IssuePath;
  /** The refused value, exactly as given. */
  readonly input: unknown;
}

/**
 * Why an amount of money, a currency table or a deal could not be turned into
 * points:
 * - `invalid_record`: an amount of money, a deal or the currency table that
 *   is not an object, or a deal whose `kind` is not `"sourced"` or
 *   `"assisted"` (at `path` ending in `"kind"`);
 * - `invalid_list` (only from `soldPoints`): the deals are not an array or
 *   another iterable;
 * - `invalid_amount`: `amountMinor` is not an integer from 0 to
 *   `Number.MAX_SAFE_INTEGER` (negative MRR, fractions of a cent, `NaN`);
 * - `unknown_currency`: the currency is not a key of the table in use;
 * - `invalid_currency_rate`: the table's row for the currency is not a
 *   positive finite `per100Usd` with an integer `exponent` from 0 to 18.
 *
 * Only own properties are read: an inherited `amountMinor` or table row
 * does not count.
 *
 * @example
 * ```ts
 * const r = managedPoints({ amountMinor: 100, currency: "XYZ" });
 * if (!r.ok && r.error.code === "unknown_currency") r.error.currency; //=> "XYZ"
 * ```
 */
export type MoneyError =
  | MoneyIssueOf<"invalid_record">
  | MoneyIssueOf<"invalid_list">
  | MoneyIssueOf<"invalid_amount">
  | (MoneyIssueOf<"unknown_currency"> & { readonly currency: unknown })
  | (MoneyIssueOf<"invalid_currency_rate"> & { readonly currency: string });

/**
 * A currency's conversion to points as an exact fraction: an amount of
 * `amountMinor` is worth `amountMinor · num / den` US$100 units. `numSafe`
 * and `denSafe` are the same as numbers when both are safe integers, for the
 * fast path. Internal.
 *
 * @example
 * ```ts
 * const usd: PointRate = { currency: "USD", per100Usd: 100, exponent: 2, num: 1n, den: 10000n, numSafe: 1, denSafe: 10000 };
 * ```
 */
export interface PointRate extends Fraction {
  readonly currency: string;
  /** The table row's `per100Usd`, as given (a streaming state carries the row). */
  readonly per100Usd: number;
  readonly exponent: number;
  readonly numSafe: number | null;
  readonly denSafe: number | null;
}

const MAX_EXPONENT = 18;
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Describes a value for a message without calling its `toString` (which an
 * object without a prototype does not have).
 *
 * @param value - any value
 * @returns a short, safe description
 * @example
 * ```ts
 * describeValue("EUR"); //=> '"EUR"'
 * describeValue(Object.create(null)); //=> "an object"
 * ```
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "undefined";
    case "object":
      return value === null ? "null" : Array.isArray(value) ? "an array" : "an object";
    default:
      return `a ${typeof value}`;
  }
}

/**
 * Looks up currencies in one table, validating each row once. Internal: the
 * points and attribution functions build one per call.
 *
 * @example
 * ```ts
 * const rates = createRateLookup(undefined);
 * if (rates.ok) rates.value("JPY", ["mrr"]); //=> { ok: true, value: { currency: "JPY", num: 1n, den: 14400n, … } }
 * ```
 */
export type RateLookup = (
  currency: unknown,
  path: IssuePath,
) => { ok: true; value: PointRate } | { ok: false; error: MoneyError };

/**
 * Builds a {@link RateLookup} over a caller's table, or over
 * {@link defaultCurrencyTable} when `table` is `undefined`.
 *
 * @param table - the caller's table, or `undefined`
 * @param path - where the table sits in the caller's input, for the error
 * @returns the lookup, or `invalid_record` when `table` is not an object
 * @example
 * ```ts
 * createRateLookup(42).ok; //=> false
 * ```
 */
export function createRateLookup(
  table: unknown,
  path: IssuePath = ["currencyTable"],
): { ok: true; value: RateLookup } | { ok: false; error: MoneyError } {
  if (table === undefined) return { ok: true, value: lookupIn(defaultCurrencyTable) };
  if (!isRecord(table)) {
    return {
      ok: false,
      error: {
        code: "invalid_record",
        message: `The currency table must be an object mapping currency codes to { per100Usd, exponent }; got ${describeValue(table)}.`,
        path,
        input: table,
      },
    };
  }
  return { ok: true, value: lookupIn(table) };
}

function lookupIn(table: object): RateLookup {
  const cache = new Map<
    string,
    { ok: true; value: PointRate } | { ok: false; error: MoneyError }
  >();
  return (currency, path) => {
    if (typeof currency !== "string") return unknownCurrency(currency, path);
    let found = cache.get(currency);
    if (found === undefined) {
      found = readRate(table, currency, path);
      cache.set(currency, found);
    }
    // A cached refusal carries the path of its first use; report this one.
    return found.ok ? found : { ok: false, error: { ...found.error, path } };
  };
}

function unknownCurrency(currency: unknown, path: IssuePath): { ok: false; error: MoneyError } {
  return {
    ok: false,
    error: {
      code: "unknown_currency",
      message: `The currency ${describeValue(currency)} is not in the currency table; add it with its US$100 equivalent and ISO 4217 exponent.`,
      path,
      input: currency,
      currency,
    },
  };
}

function readRate(
  table: object,
  currency: string,
  path: IssuePath,
): { ok: true; value: PointRate } | { ok: false; error: MoneyError } {
  // Own keys only: "toString" or "__proto__" must not resolve to Object.prototype.
  if (!Object.hasOwn(table, currency)) return unknownCurrency(currency, path);
  const entry = own(table, currency);
  const per100Usd = own(entry, "per100Usd");
  const exponent = own(entry, "exponent");
  const per100 = typeof per100Usd === "number" ? decimalFraction(per100Usd) : null;
  if (
    per100 === null ||
    typeof exponent !== "number" ||
    !Number.isInteger(exponent) ||
    exponent < 0 ||
    exponent > MAX_EXPONENT
  ) {
    return {
      ok: false,
      error: {
        code: "invalid_currency_rate",
        message: `The currency table's row for ${currency} must be { per100Usd: a positive number, exponent: an integer from 0 to ${MAX_EXPONENT} }.`,
        path,
        input: entry,
        currency,
      },
    };
  }
  // amountMinor / 10^exponent major units, per100Usd = P/Q of them make one
  // US$100 unit: amountMinor · Q / (10^exponent · P) units.
  let num = per100.den;
  let den = 10n ** BigInt(exponent) * per100.num;
  const divisor = gcd(num, den);
  num /= divisor;
  den /= divisor;
  return {
    ok: true,
    value: {
      currency,
      per100Usd: per100Usd as number,
      exponent,
      num,
      den,
      numSafe: num <= MAX_SAFE_BIG ? Number(num) : null,
      denSafe: den <= MAX_SAFE_BIG ? Number(den) : null,
    },
  };
}

/**
 * Validates an amount of money against a table. Internal: the error is
 * reported at `path`.
 *
 * @param value - the value that should be a {@link Money}
 * @param rates - the table lookup
 * @param path - where `value` is, for the errors
 * @param issues - where to append every problem found (both an amount and a currency problem are reported)
 * @returns the money and its rate, or `null` when anything was appended
 * @example
 * ```ts
 * const issues: MoneyError[] = [];
 * checkMoney({ amountMinor: -1, currency: "USD" }, lookup, ["mrr"], issues); //=> null
 * issues[0].code; //=> "invalid_amount"
 * ```
 */
export function checkMoney(
  value: unknown,
  rates: RateLookup,
  path: IssuePath,
  issues: MoneyError[],
): { readonly amountMinor: number; readonly rate: PointRate } | null {
  if (!isRecord(value)) {
    issues.push({
      code: "invalid_record",
      message: `An amount of money must be an object { amountMinor, currency }; got ${describeValue(value)}.`,
      path,
      input: value,
    });
    return null;
  }
  const amountMinor = own(value, "amountMinor");
  const currency = own(value, "currency");
  let ok = true;
  if (typeof amountMinor !== "number" || !Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    ok = false;
    issues.push({
      code: "invalid_amount",
      message: `amountMinor must be a whole number of the currency's smallest unit, from 0 to ${Number.MAX_SAFE_INTEGER}; got ${describeValue(amountMinor)}.`,
      path: [...path, "amountMinor"],
      input: amountMinor,
    });
  }
  const rate = rates(currency, [...path, "currency"]);
  if (!rate.ok) {
    issues.push(rate.error);
    return null;
  }
  // `+ 0` turns -0 into 0.
  return ok ? { amountMinor: (amountMinor as number) + 0, rate: rate.value } : null;
}
