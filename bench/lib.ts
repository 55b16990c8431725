// Shared pieces of the benchmarks: a seeded PRNG, side-by-side timing with a
// median, a plain-text table, and garbage collection on demand. Benchmarks
// measure; unit tests never time.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * mulberry32: a tiny, fast, seeded PRNG, so every run uses the same data.
 *
 * @param seed - any 32-bit integer
 * @returns a function giving numbers in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * How many timed runs to take the median of, by input size: a run on 10^4
 * records lasts a few milliseconds, where one hiccup of a shared machine or
 * of the JIT moves a median of five, so small sizes get more runs. Warm-up
 * runs (two, untimed) come on top.
 *
 * @param n - the input size
 * @returns 25 up to 10^4, 9 up to 10^5, 3 above
 * @example
 * ```ts
 * runsFor(1_000_000); //=> 3
 * ```
 */
export function runsFor(n: number): number {
  return n <= 10_000 ? 25 : n <= 100_000 ? 9 : 3;
}

/** Median times of two functions run alternately (so drift hits both alike). */
export interface SideBySide<A, B> {
  readonly libraryMs: number;
  readonly baselineMs: number;
  /** Median CPU time of the process (user + system) per call: steadier than wall time on a busy machine. */
  readonly libraryCpuMs: number;
  readonly baselineCpuMs: number;
  readonly library: A;
  readonly baseline: B;
}

/**
 * Runs `library` and `baseline` alternately, `warmup` times untimed and then
 * `runs` times timed, and returns the median times and the last results.
 * With `gc`, each call starts from a collected heap, so that neither side
 * pays for the other's garbage.
 */
export function sideBySide<A, B>(
  library: () => A,
  baseline: () => B,
  {
    runs = 5,
    warmup = 2,
    gc = null,
  }: { runs?: number; warmup?: number; gc?: (() => void) | null } = {},
): SideBySide<A, B> {
  const libraryTimes: number[] = [];
  const baselineTimes: number[] = [];
  const libraryCpu: number[] = [];
  const baselineCpu: number[] = [];
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let a!: A;
  let b!: B;
  for (let run = -warmup; run < runs; run++) {
    gc?.();
    let c = cpu();
    let t = performance.now();
    a = library();
    const libraryMs = performance.now() - t;
    const libraryCpuMs = cpu() - c;
    gc?.();
    c = cpu();
    t = performance.now();
    b = baseline();
    const baselineMs = performance.now() - t;
    const baselineCpuMs = cpu() - c;
    if (run >= 0) {
      libraryTimes.push(libraryMs);
      baselineTimes.push(baselineMs);
      libraryCpu.push(libraryCpuMs);
      baselineCpu.push(baselineCpuMs);
    }
  }
  return {
    libraryMs: median(libraryTimes),
    baselineMs: median(baselineTimes),
    libraryCpuMs: median(libraryCpu),
    baselineCpuMs: median(baselineCpu),
    library: a,
    baseline: b,
  };
}

/** Renders rows of cells as a Markdown table (right-aligned numbers). */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(" | ")} |`;
  return [
    line(header),
    `| ${widths.map((w) => `${"-".repeat(w - 1)}:`).join(" | ")} |`,
    ...rows.map(line),
  ].join("\n");
}

/** `value / previous`, or "-" when there is no previous row. */
export function growth(value: number, previous: number | undefined): string {
  return previous === undefined ? "-" : `×${(value / previous).toFixed(1)}`;
}

/**
 * A function that runs a full garbage collection: `globalThis.gc` when node
 * ran with --expose-gc, otherwise exposed at run time (scripts/run-ts.mjs
 * passes no node flags); null where V8 refuses.
 */
export function exposeGc(): (() => void) | null {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === "function") return () => (existing as () => void)();
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? () => (gc as () => void)() : null;
  } catch {
    return null;
  }
}
