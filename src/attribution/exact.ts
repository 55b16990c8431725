/**
 * Exact arithmetic for points (rule: points are exact until the final
 * rounding to two decimals, half up). Amounts are integers and rates are
 * decimal fractions, so every point value is a fraction of two integers; it is
 * kept as one (`bigint` numerator and denominator) and rounded only when it is
 * reported. Internal to the attribution folder.
 *
 * @module
 */

/**
 * A non-negative fraction `num / den` with `den > 0`.
 *
 * @example
 * ```ts
 * const half: Fraction = { num: 1n, den: 2n };
 * ```
 */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
// Shortest round-trip decimal form, as `String(number)` prints it.
const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The greatest common divisor of two non-negative integers.
 *
 * @param a - a non-negative integer
 * @param b - a non-negative integer
 * @returns `gcd(a, b)`; `gcd(0, 0)` is `0`
 * @example
 * ```ts
 * gcd(12n, 18n); //=> 6n
 * ```
 */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * Reads a positive finite number as the decimal fraction it is written as:
 * `0.1` is exactly 1/10 (its shortest round-trip form), not the binary double
 * nearest to it. This is how a rate such as `88.5` in a caller's currency
 * table is meant.
 *
 * @param value - a positive finite number
 * @returns the reduced fraction, or `null` when the value is not a positive finite number
 * @example
 * ```ts
 * decimalFraction(0.1); //=> { num: 1n, den: 10n }
 * decimalFraction(14400); //=> { num: 14400n, den: 1n }
 * ```
 */
export function decimalFraction(value: number): Fraction | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  // Number#toString writes every positive finite number in this form.
  const match = DECIMAL.exec(String(value))!;
  const fraction = match[2] ?? "";
  const exponent = Number(match[3] ?? "0") - fraction.length;
  let num = BigInt(`${match[1]}${fraction}`);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  const divisor = gcd(num, den);
  return { num: num / divisor, den: den / divisor };
}

/**
 * Adds two fractions exactly.
 *
 * @param a - a fraction
 * @param b - a fraction
 * @returns `a + b`, reduced
 * @example
 * ```ts
 * addFractions({ num: 1n, den: 2n }, { num: 1n, den: 3n }); //=> { num: 5n, den: 6n }
 * ```
 */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  if (a.den === b.den) return reduce(a.num + b.num, a.den);
  return reduce(a.num * b.den + b.num * a.den, a.den * b.den);
}

function reduce(num: bigint, den: bigint): Fraction {
  const divisor = gcd(num, den);
  return divisor <= 1n ? { num, den } : { num: num / divisor, den: den / divisor };
}

/**
 * Rounds a non-negative fraction to two decimals, half up, and returns it as
 * the double nearest to that two-decimal value (what `Number("12.35")`
 * gives).
 *
 * @param num - the numerator, ≥ 0
 * @param den - the denominator, > 0
 * @returns the rounded value
 * @example
 * ```ts
 * roundToHundredths(1n, 8n); //=> 0.13 (0.125 rounds half up)
 * ```
 */
export function roundToHundredths(num: bigint, den: bigint): number {
  // round half up of x = floor(x + 1/2); in hundredths: floor((200·num + den) / (2·den)).
  return hundredthsToNumber((200n * num + den) / (2n * den));
}

/**
 * {@link roundToHundredths} on plain numbers, exact as long as every
 * intermediate value is a safe integer; returns `null` otherwise so the
 * caller falls back to `bigint`. It exists because attribution rounds one
 * value per (partner, client) pair, and `bigint` arithmetic is an order of
 * magnitude slower than integer arithmetic on doubles.
 *
 * @param num - a non-negative safe integer
 * @param den - a positive safe integer
 * @returns the rounded value, or `null` when it cannot be computed exactly here
 * @example
 * ```ts
 * roundToHundredthsSmall(1, 8); //=> 0.13
 * roundToHundredthsSmall(2 ** 52, 1); //=> null
 * ```
 */
export function roundToHundredthsSmall(num: number, den: number): number | null {
  const x = 200 * num + den;
  const y = 2 * den;
  if (x + y > MAX_SAFE) return null;
  // Integer division on doubles: the quotient of two exact integers may round
  // to the neighbouring integer, so correct it with the exact remainder.
  let q = Math.floor(x / y);
  const r = x - q * y;
  // Unreachable while x + y ≤ 2^53 − 1: a correctly rounded quotient then never
  // crosses an integer (the property test compares with the bigint rounding).
  // Kept as the guard should the bound above ever be loosened.
  /* v8 ignore next 2 -- @preserve */
  if (r < 0) q -= 1;
  else if (r >= y) q += 1;
  return q / 100;
}

function hundredthsToNumber(hundredths: bigint): number {
  // Both operands are exact doubles and IEEE division rounds correctly, so
  // this is the double nearest to the two-decimal value.
  if (hundredths <= MAX_SAFE_BIG) return Number(hundredths) / 100;
  const digits = hundredths.toString();
  return Number(`${digits.slice(0, -2)}.${digits.slice(-2)}`);
}
