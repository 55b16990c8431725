/**
 * Parsers on adversarial strings: every string-parsing export timed on
 * inputs of 10^5 and 10^6 characters of shapes that trip a careless parser
 * (all dots, all hyphens, one long label, many labels, many `@`, a long
 * quoted local part, a long run of combining marks, mixed scripts, lone
 * surrogates), with the growth per ×10. A parser that refuses an oversized
 * input after reading it once grows ×10 at most; the goal is at most ×12.
 *
 * Each cell is the median time per call over batches of at least 5 ms, so
 * that fast refusals (microseconds) are not lost in timer noise.
 *
 * ```sh
 * node --expose-gc scripts/run-ts.mjs bench/parsers.bench.ts [sizes…]
 * ```
 *
 * @module
 */

import { canonicaliseDomain, domainAndAncestors } from "../src/domain/canonical-domain.js";
import { parseEmailAddress } from "../src/domain/email-address.js";
import { parseEmailDomain } from "../src/domain/email-domain.js";
import { emailKey, parseEmailIdentity } from "../src/domain/email-identity.js";
import { parsePartnerEmployeeDomain } from "../src/domain/partner-employee-domain.js";
import { isSharedEmailDomain } from "../src/domain/shared-domains.js";
import { createDomainChallenge } from "../src/ownership/domain-challenge.js";
import { schemas } from "../src/schemas.js";
import { exposeGc, growth, markdownTable, median } from "./lib.js";

/** The adversarial shapes, each a string of exactly `n` characters (UTF-16 units). */
export const PARSER_SHAPES = {
  dots: (n: number) => ".".repeat(n),
  hyphens: (n: number) => `a${"-".repeat(n - 6)}a.com`,
  "long-label": (n: number) => `${"a".repeat(n - 4)}.com`,
  "many-labels": (n: number) => `${"a.".repeat((n - 3) >> 1)}${n % 2 === 0 ? "c" : ""}com`,
  "many-at": (n: number) => "@".repeat(n),
  "long-quoted-local": (n: number) => `"${"a".repeat(n - 11)}"@acme.com`,
  "combining-marks": (n: number) => `a${"\u0301".repeat(n - 5)}.com`,
  "mixed-scripts": (n: number) => `${"aа".repeat((n - 4) >> 1)}.com`,
  "lone-surrogates": (n: number) => `${"\uD800".repeat(n - 4)}.com`,
} as const;
export type ParserShape = keyof typeof PARSER_SHAPES;

/** Every string-parsing export (and the internal canonicaliser they share). */
export const PARSERS = {
  parseEmailDomain: (s: string) => parseEmailDomain(s),
  canonicaliseDomain: (s: string) => canonicaliseDomain(s),
  parsePartnerEmployeeDomain: (s: string) => parsePartnerEmployeeDomain(s),
  parseEmailAddress: (s: string) => parseEmailAddress(s),
  parseEmailIdentity: (s: string) => parseEmailIdentity(s),
  emailKey: (s: string) => emailKey(s),
  isSharedEmailDomain: (s: string) => isSharedEmailDomain(s),
  domainAndAncestors: (s: string) => domainAndAncestors(s),
  createDomainChallenge: (s: string) => createDomainChallenge(s, { now: 0 }),
  "schemas.timestamp": (s: string) => schemas.timestamp.safeParse(s),
  "schemas.emailDomain": (s: string) => schemas.emailDomain.safeParse(s),
} as const;
export type Parser = keyof typeof PARSERS;

/** One timed row. */
export interface ParserRow {
  readonly parser: Parser;
  readonly shape: ParserShape;
  readonly n: number;
  /** Median milliseconds per call. */
  readonly ms: number;
  readonly growth: string;
  /** The growth per ×10 as a number (NaN for the first size). */
  readonly factor: number;
}

/** Milliseconds per call of `f`: the median over `batches` batches of at least `minMs` each. */
function perCall(f: () => unknown, batches: number, minMs: number): number {
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    let calls = 0;
    const t = performance.now();
    let elapsed = 0;
    do {
      f();
      calls++;
      elapsed = performance.now() - t;
    } while (elapsed < minMs);
    times.push(elapsed / calls);
  }
  return median(times);
}

/**
 * Times every parser on every shape at every size.
 *
 * @param options - sizes (default 10^5 and 10^6), batches per cell, and a log
 * @returns the rows, sizes ascending within each (parser, shape)
 */
export function runParsersBench(
  options: {
    sizes?: readonly number[];
    batches?: number;
    minMs?: number;
    log?: (line: string) => void;
  } = {},
): ParserRow[] {
  const { sizes = [100_000, 1_000_000], batches = 5, minMs = 5 } = options;
  const gc = exposeGc();
  const rows: ParserRow[] = [];
  for (const shape of Object.keys(PARSER_SHAPES) as ParserShape[]) {
    const inputs = sizes.map((n) => PARSER_SHAPES[shape](n));
    for (const parser of Object.keys(PARSERS) as Parser[]) {
      let previous: number | undefined;
      sizes.forEach((n, i) => {
        const input = inputs[i]!;
        PARSERS[parser](input); // warm up
        gc?.();
        const ms = perCall(() => PARSERS[parser](input), batches, minMs);
        const factor = previous === undefined ? Number.NaN : ms / previous;
        rows.push({ parser, shape, n, ms, growth: growth(ms, previous), factor });
        options.log?.(`${parser} ${shape} ${n}: ${ms.toFixed(4)} ms`);
        previous = ms;
      });
    }
  }
  return rows;
}

/**
 * Renders the rows as a Markdown table, one line per (parser, shape), with
 * the time at each size and the growth; a growth over ×12 is marked.
 *
 * @param rows - from {@link runParsersBench}
 * @returns the table
 */
export function formatParsersBench(rows: readonly ParserRow[]): string {
  const sizes = [...new Set(rows.map((r) => r.n))];
  const lines = new Map<string, ParserRow[]>();
  for (const r of rows) {
    const k = `${r.parser}\u0000${r.shape}`;
    lines.set(k, [...(lines.get(k) ?? []), r]);
  }
  return markdownTable(
    ["parser", "shape", ...sizes.map((n) => `ms at ${n}`), "growth per ×10"],
    [...lines.values()].map((cells) => {
      const last = cells[cells.length - 1]!;
      const mark = last.factor > 12 ? " (over ×12)" : "";
      return [
        last.parser,
        last.shape,
        ...cells.map((c) => c.ms.toFixed(4)),
        `${cells
          .map((c) => c.growth)
          .filter((g) => g !== "-")
          .join(", ")}${mark}`,
      ];
    }),
  );
}

// Run when this file is the entry (scripts/run-ts.mjs puts the .ts path in
// argv[1]), not when bench/index.ts imports it.
if (process.argv[1]?.endsWith("parsers.bench.ts") === true) {
  const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
  const rows = runParsersBench({
    ...(sizes.length > 0 ? { sizes } : {}),
    log: (line) => console.error(`  … ${line}`),
  });
  console.log(formatParsersBench(rows));
}
