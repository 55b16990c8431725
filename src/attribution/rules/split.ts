/**
 * The even split: rule (when several partners service the same client, the
 * managed MRR is split evenly between them) in integer minor units by the
 * largest-remainder method, the leftover units going to the smaller
 * `partnerId` first, so the shares sum exactly to the client's MRR.
 *
 * @module
 */

/**
 * The share of the servicing partner at `position` (0 for the smallest
 * `partnerId`) of `amountMinor` split `count` ways.
 *
 * @param amountMinor - the client's MRR, a non-negative safe integer
 * @param count - how many partners service the client (≥ 1)
 * @param position - the partner's place among them by `partnerId`
 * @returns its share in minor units
 * @example
 * ```ts
 * [0, 1, 2].map((p) => evenShare(100, 3, p)); //=> [34, 33, 33]
 * ```
 */
export function evenShare(amountMinor: number, count: number, position: number): number {
  const remainder = amountMinor % count;
  return (amountMinor - remainder) / count + (position < remainder ? 1 : 0);
}
