import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addFractions,
  decimalFraction,
  roundToHundredths,
  roundToHundredthsSmall,
} from "../../src/attribution/exact.js";

describe("decimalFraction", () => {
  it("reads plain, fractional and exponent forms exactly", () => {
    expect(decimalFraction(0.1)).toEqual({ num: 1n, den: 10n });
    expect(decimalFraction(14400)).toEqual({ num: 14400n, den: 1n });
    expect(decimalFraction(1.5e-7)).toEqual({ num: 3n, den: 20_000_000n });
    expect(decimalFraction(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
  });

  it("refuses what is not a positive finite number", () => {
    for (const value of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(decimalFraction(value)).toBeNull();
    }
  });
});

describe("addFractions", () => {
  it("adds over a shared denominator and reduces", () => {
    expect(addFractions({ num: 1n, den: 6n }, { num: 1n, den: 6n })).toEqual({ num: 1n, den: 3n });
    expect(addFractions({ num: 1n, den: 7n }, { num: 2n, den: 7n })).toEqual({ num: 3n, den: 7n });
  });

  it("adds over different denominators", () => {
    expect(addFractions({ num: 1n, den: 2n }, { num: 1n, den: 3n })).toEqual({ num: 5n, den: 6n });
  });
});

describe("roundToHundredths", () => {
  it("rounds half up", () => {
    expect(roundToHundredths(1n, 8n)).toBe(0.13);
  });

  it("gives the nearest double beyond the safe integers", () => {
    expect(roundToHundredths(10n ** 20n + 1n, 1n)).toBe(1e20);
    expect(roundToHundredths(123_456_789_012_345_678_901n, 100n)).toBe(
      Number("1234567890123456789.01"),
    );
    // Just past 2^53 hundredths a double is still precise to 1/64, so the
    // last two digits, and only they, must become the decimals.
    expect(roundToHundredths(9_007_199_254_740_993n, 100n)).toBe(Number("90071992547409.93"));
  });
});

describe("roundToHundredthsSmall", () => {
  it("agrees with the bigint rounding whenever it answers", () => {
    const safe = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(safe, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (num, den) => {
        const small = roundToHundredthsSmall(num, den);
        if (small !== null) expect(small).toBe(roundToHundredths(BigInt(num), BigInt(den)));
      }),
    );
  });

  it("answers near its bound and refuses beyond it", () => {
    const den = 2 ** 20 + 1;
    const num = Math.floor((Number.MAX_SAFE_INTEGER - 3 * den) / 200);
    expect(roundToHundredthsSmall(num, den)).toBe(roundToHundredths(BigInt(num), BigInt(den)));
    expect(roundToHundredthsSmall(2 ** 52, 1)).toBeNull();
  });

  it("refuses when a large denominator alone takes 200·num + 3·den past the safe integers", () => {
    expect(roundToHundredthsSmall(0, 2 ** 52)).toBeNull();
    expect(roundToHundredthsSmall(1, Number.MAX_SAFE_INTEGER)).toBeNull();
  });
});
