/**
 * The points formula: rule (managed credit) 1 managed point per US$100
 * equivalent of managed MRR, 2 for a customer in a growth market; sold
 * points 5 per US$100 for a sourced deal, 3 for an assisted one, doubled in
 * growth markets. The US$100 equivalent comes from the currency table
 * (../money.ts); points are exact until each reported number is rounded to
 * two decimals, half up (../points.ts).
 *
 * @module
 */

/**
 * Managed points per US$100 of managed MRR.
 *
 * @example
 * ```ts
 * MANAGED_POINTS_PER_100_USD; //=> 1
 * ```
 */
export const MANAGED_POINTS_PER_100_USD = 1;

/**
 * What a growth market multiplies points by (managed and sold alike).
 *
 * @example
 * ```ts
 * GROWTH_MARKET_MULTIPLIER; //=> 2
 * ```
 */
export const GROWTH_MARKET_MULTIPLIER = 2;

/**
 * Sold points per US$100 of a deal's MRR, by kind.
 *
 * @example
 * ```ts
 * SOLD_POINTS_PER_100_USD.sourced; //=> 5
 * ```
 */
export const SOLD_POINTS_PER_100_USD = { sourced: 5, assisted: 3 } as const;

/**
 * Managed points per US$100 for a client.
 *
 * @param growthMarket - whether the client is in a growth market (only `true` counts)
 * @returns 1, or 2 in a growth market
 * @example
 * ```ts
 * managedMultiplier(true); //=> 2
 * ```
 */
export function managedMultiplier(growthMarket: unknown): number {
  return MANAGED_POINTS_PER_100_USD * (growthMarket === true ? GROWTH_MARKET_MULTIPLIER : 1);
}

/**
 * Sold points per US$100 for a deal.
 *
 * @param kind - `"sourced"` or `"assisted"`
 * @param growthMarket - whether the deal is in a growth market (only `true` counts)
 * @returns 5 or 3, doubled in a growth market
 * @example
 * ```ts
 * soldMultiplier("assisted", true); //=> 6
 * ```
 */
export function soldMultiplier(kind: "sourced" | "assisted", growthMarket: unknown): number {
  return SOLD_POINTS_PER_100_USD[kind] * (growthMarket === true ? GROWTH_MARKET_MULTIPLIER : 1);
}
