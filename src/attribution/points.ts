/**
 * Managed and sold points: 1 managed point per US$100 of managed MRR (2 in
 * growth markets); 5 sold points per US$100 of a sourced deal, 3 of an
 * assisted one, doubled in growth markets (the rates are in
 * ./rules/points.ts). Exact arithmetic, rounded once per reported number.
 *
 * @module
 */

import { isIterable, isRecord, own } from "../guards.js";
import type { Deal, Money } from "../model.js";
import { err, ok, type Result } from "../result.js";
import { addFractions, type Fraction, roundToHundredths, roundToHundredthsSmall } from "./exact.js";
import {
  type CurrencyTable,
  checkMoney,
  createRateLookup,
  describeValue,
  type MoneyError,
  type PointRate,
} from "./money.js";
import { managedMultiplier, soldMultiplier } from "./rules/points.js";

/**
 * Options of {@link managedPoints}.
 *
 * @example
 * ```ts
 * const options: ManagedPointsOptions = { growthMarket: true };
 * ```
 */
export interface ManagedPointsOptions {
  /** Whether the client is in a growth market: points are doubled. Only `true` doubles. */
  readonly growthMarket?: boolean;
  /** Replaces {@link defaultCurrencyTable} entirely. */
  readonly currencyTable?: CurrencyTable;
}

/**
 * Options of {@link soldPoints}.
 *
 * @example
 * ```ts
 * const options: SoldPointsOptions = { currencyTable: { USD: { per100Usd: 100, exponent: 2 } } };
 * ```
 */
export interface SoldPointsOptions {
  /** Replaces {@link defaultCurrencyTable} entirely. */
  readonly currencyTable?: CurrencyTable;
}

/**
 * The managed points of `multiplier` × `amountMinor` in `rate`'s currency,
 * rounded to two decimals half up from its exact value. Internal.
 *
 * @param amountMinor - a non-negative safe integer
 * @param multiplier - a small positive integer (points per US$100)
 * @param rate - the currency's rate
 * @returns the rounded points
 * @example
 * ```ts
 * pointsOfAmount(100_000, 1, usd); //=> 10
 * ```
 */
export function pointsOfAmount(amountMinor: number, multiplier: number, rate: PointRate): number {
  const { numSafe, denSafe } = rate;
  if (numSafe !== null && denSafe !== null) {
    const num = amountMinor * multiplier * numSafe;
    if (Number.isSafeInteger(num)) {
      const fast = roundToHundredthsSmall(num, denSafe);
      if (fast !== null) return fast;
    }
  }
  return roundToHundredths(BigInt(amountMinor) * BigInt(multiplier) * rate.num, rate.den);
}

/**
 * Sums `weightedMinor · rate` over currencies exactly and rounds once.
 * Internal: a partner's total and the sold points of many deals are each
 * rounded from their own exact value (rule: each reported number is
 * rounded once, to two decimals, half up), never summed from rounded parts.
 *
 * @param weighted - per currency, the sum of amount × points-per-US$100
 * @returns the rounded total
 * @example
 * ```ts
 * pointsOfWeightedSums([[usd, 100_000n], [eur, 8_800n]]); //=> 11
 * ```
 */
export function pointsOfWeightedSums(weighted: Iterable<readonly [PointRate, bigint]>): number {
  let total: Fraction = { num: 0n, den: 1n };
  for (const [rate, units] of weighted) {
    if (units === 0n) continue;
    total = addFractions(total, { num: units * rate.num, den: rate.den });
  }
  return roundToHundredths(total.num, total.den);
}

// Options are read by own property; anything that is not an object reads as
// no options at all.
function readOption(options: unknown, name: "growthMarket" | "currencyTable"): unknown {
  return own(options, name);
}

/**
 * The managed points that an amount of managed MRR earns: 1 per US$100
 * equivalent, 2 for a client in a growth market, rounded to two decimals
 * half up.
 *
 * @param mrr - the managed MRR, in the currency's smallest unit
 * @param options - `growthMarket` and a replacement `currencyTable`
 * @returns the points, or why the amount or currency was refused (never
 *   `NaN`); the issue's `path` starts with `"mrr"`, or `"options"` for the table
 * @example
 * ```ts
 * managedPoints({ amountMinor: 100_000, currency: "USD" }); //=> { ok: true, value: 10 }
 * managedPoints({ amountMinor: 100_000, currency: "USD" }, { growthMarket: true }); //=> { ok: true, value: 20 }
 * managedPoints({ amountMinor: 14_400, currency: "JPY" }); //=> { ok: true, value: 1 }
 * managedPoints({ amountMinor: -5, currency: "USD" }).ok; //=> false (code "invalid_amount")
 * ```
 */
export function managedPoints(
  mrr: Money,
  options?: ManagedPointsOptions,
): Result<number, MoneyError> {
  const rates = createRateLookup(readOption(options, "currencyTable"), [
    "options",
    "currencyTable",
  ]);
  if (!rates.ok) return rates;
  const issues: MoneyError[] = [];
  const money = checkMoney(mrr, rates.value, ["mrr"], issues);
  if (money === null) return err(issues[0]!);
  const multiplier = managedMultiplier(readOption(options, "growthMarket"));
  return ok(pointsOfAmount(money.amountMinor, multiplier, money.rate));
}

/**
 * The sold points of a set of deals: 5 per US$100 equivalent of a sourced
 * deal's MRR, 3 of an assisted one, doubled in growth markets. The total is
 * exact until it is rounded once, to two decimals half up. For the sourced
 * points a tier asks for, pass only the sourced deals.
 *
 * @param deals - the deals, of any currencies in the table
 * @param options - a replacement `currencyTable`
 * @returns the points, or the first refused deal's error (its `path` is
 *   `["deals", position, …]`)
 * @example
 * ```ts
 * soldPoints([
 *   { kind: "sourced", mrr: { amountMinor: 20_000, currency: "USD" } },
 *   { kind: "assisted", mrr: { amountMinor: 8_800, currency: "EUR" }, growthMarket: true },
 * ]); //=> { ok: true, value: 16 }
 * soldPoints([{ kind: "resold", mrr: { amountMinor: 1, currency: "USD" } }]).ok; //=> false (code "invalid_record", path ["deals", 0, "kind"])
 * ```
 */
export function soldPoints(
  deals: Iterable<Deal>,
  options?: SoldPointsOptions,
): Result<number, MoneyError> {
  const rates = createRateLookup(readOption(options, "currencyTable"), [
    "options",
    "currencyTable",
  ]);
  if (!rates.ok) return rates;
  const list = toList(deals);
  if (list === null) {
    return err({
      code: "invalid_list",
      message: `The deals must be an array (or another iterable) of deals; got ${describeValue(deals)}.`,
      path: ["deals"],
      input: deals,
    });
  }
  const weighted = new Map<PointRate, bigint>();
  const issues: MoneyError[] = [];
  for (let index = 0; index < list.length; index++) {
    const deal: unknown = list[index];
    if (!isRecord(deal)) {
      return err({
        code: "invalid_record",
        message: `A deal must be an object { kind, mrr, growthMarket? }; got ${describeValue(deal)}.`,
        path: ["deals", index],
        input: deal,
      });
    }
    const kind = own(deal, "kind");
    if (kind !== "sourced" && kind !== "assisted") {
      return err({
        code: "invalid_record",
        message: `A deal's kind must be "sourced" or "assisted"; got ${describeValue(kind)}.`,
        path: ["deals", index, "kind"],
        input: kind,
      });
    }
    const growthMarket = own(deal, "growthMarket");
    const money = checkMoney(own(deal, "mrr"), rates.value, ["deals", index, "mrr"], issues);
    if (money === null) return err(issues[0]!);
    const multiplier = soldMultiplier(kind, growthMarket);
    const units = BigInt(money.amountMinor) * BigInt(multiplier);
    weighted.set(money.rate, (weighted.get(money.rate) ?? 0n) + units);
  }
  return ok(pointsOfWeightedSums(weighted));
}

/**
 * Reads an array or other iterable into an array; `null` for anything else
 * (including strings, which are iterable but never a list of records).
 * Internal.
 *
 * @param value - any value
 * @returns the items, or `null`
 * @example
 * ```ts
 * toList(new Set([1, 2])); //=> [1, 2]
 * toList("ab"); //=> null
 * ```
 */
export function toList(value: unknown): readonly unknown[] | null {
  // An array with another prototype (`Object.setPrototypeOf([], null)`)
  // may lack the methods callers use on the list: read it like any iterable.
  if (Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype) return value;
  return isIterable(value) ? Array.from(value) : null;
}
