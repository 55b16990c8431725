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

interface Timing<A, B> {
  readonly times: readonly [number, number, number, number];
  readonly library: A;
  readonly baseline: B;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// One call of each, each from a collected heap (with `gc`): wall and CPU
// time of the library and of the baseline, the baseline first when
// `baselineFirst`.
function timeBoth<A, B>(
  library: () => A,
  baseline: () => B,
  gc: (() => void) | null,
  baselineFirst = false,
): Timing<A, B> {
  const time = <T>(f: () => T): [T, number, number] => {
    gc?.();
    const c = cpuMs();
    const t = performance.now();
    const value = f();
    return [value, performance.now() - t, cpuMs() - c];
  };
  let b: [B, number, number] | undefined;
  if (baselineFirst) b = time(baseline);
  const a = time(library);
  b ??= time(baseline);
  return { times: [a[1], b[1], a[2], b[2]], library: a[0], baseline: b[0] };
}

function summary<A, B>(
  times: readonly (readonly number[])[],
  library: A,
  baseline: B,
): SideBySide<A, B> {
  const at = (k: number) => median(times.map((t) => t[k]!));
  return {
    libraryMs: at(0),
    baselineMs: at(1),
    libraryCpuMs: at(2),
    baselineCpuMs: at(3),
    library,
    baseline,
  };
}

/** How many runs, untimed and timed, and a collector to start each call from a collected heap. */
export interface SideBySideOptions {
  readonly runs?: number;
  readonly warmup?: number;
  readonly gc?: (() => void) | null;
  /**
   * Time the baseline first in every other run, so that neither side always
   * runs on the heap the other just left (for two versions of one function).
   */
  readonly alternate?: boolean;
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
  { runs = 5, warmup = 2, gc = null, alternate = false }: SideBySideOptions = {},
): SideBySide<A, B> {
  const times: (readonly number[])[] = [];
  let last!: Timing<A, B>;
  for (let run = -warmup; run < runs; run++) {
    last = timeBoth(library, baseline, gc, alternate && (run & 1) === 1);
    if (run >= 0) times.push(last.times);
  }
  return summary(times, last.library, last.baseline);
}

/**
 * {@link sideBySide}, returning to the event loop before each pair of
 * calls and dropping the last results first. A `WeakRef` keeps its target
 * alive until the synchronous job that made it ends, so a synchronous loop
 * of calls that memoise weakly (startAttribution) would keep every call's
 * ledger alive, and a later call would pay the collections of them all, or
 * find the last call's ledger in the memo.
 */
export async function sideBySideAsync<A, B>(
  library: () => A,
  baseline: () => B,
  { runs = 5, warmup = 2, gc = null, alternate = false }: SideBySideOptions = {},
): Promise<SideBySide<A, B>> {
  const times: (readonly number[])[] = [];
  let last: Timing<A, B> | undefined;
  for (let run = -warmup; run < runs; run++) {
    last = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    last = timeBoth(library, baseline, gc, alternate && (run & 1) === 1);
    if (run >= 0) times.push(last.times);
  }
  return summary(times, last!.library, last!.baseline);
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
