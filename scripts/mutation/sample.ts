// A uniform random sample of the mutants of src/, and the mutation score
// estimated from it. A full run of every mutant takes many hours on a small
// machine (docs/quality.md); a sample of a few hundred mutants, drawn with a
// fixed seed, gives the score of the whole population within a stated
// interval in well under an hour, and the same seed on the same code draws
// the same sample again.
//
// The pure parts live here, and test/scripts/mutation-sample.test.ts checks
// them; scripts/mutation-sample.ts enumerates, runs Stryker and reports.

/** A position as Stryker's instrumenter gives it: line and column from 0. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where a mutant is, with 0-based lines and columns. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/** One mutant, identified as Stryker's instrumenter enumerates it. */
export interface SampledMutant {
  readonly fileName: string;
  readonly mutatorName: string;
  readonly replacement: string;
  readonly location: Span;
}

/** What `reports/mutation-sample/sample.json` holds. */
export interface SampleFile {
  readonly seed: number;
  readonly population: number;
  /** The `--mutate` ranges that bring the sampled nodes into the run. */
  readonly mutate: readonly string[];
  readonly mutants: readonly SampledMutant[];
}

/** A mutant's result, as Stryker's JSON report gives it (1-based positions). */
export interface ReportedMutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: Span;
  readonly status: string;
}

/** The `files` member of Stryker's JSON report. */
export type ReportFiles = Readonly<Record<string, { readonly mutants: readonly ReportedMutant[] }>>;

/** mulberry32: a small, fast generator whose whole state is one 32-bit number. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const compareSpan = (a: Span, b: Span) =>
  a.start.line - b.start.line ||
  a.start.column - b.start.column ||
  a.end.line - b.end.line ||
  a.end.column - b.end.column;

/** A total order on mutants, so the draw does not hang on enumeration order. */
export function compareMutants(a: SampledMutant, b: SampledMutant): number {
  if (a.fileName !== b.fileName) return a.fileName < b.fileName ? -1 : 1;
  const bySpan = compareSpan(a.location, b.location);
  if (bySpan !== 0) return bySpan;
  if (a.mutatorName !== b.mutatorName) return a.mutatorName < b.mutatorName ? -1 : 1;
  return a.replacement < b.replacement ? -1 : a.replacement > b.replacement ? 1 : 0;
}

/**
 * Draws `size` mutants without replacement, each subset equally likely
 * (a partial Fisher–Yates shuffle), and returns them in file order.
 */
export function drawSample(
  population: readonly SampledMutant[],
  size: number,
  seed: number,
): SampledMutant[] {
  const pool = [...population].sort(compareMutants);
  const random = generator(seed);
  const n = Math.min(size, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as SampledMutant, pool[i] as SampledMutant];
  }
  return pool.slice(0, n).sort(compareMutants);
}

/**
 * The `--mutate` range of a mutant: Stryker reads lines from 1 and columns
 * from 0, and mutates every node that lies wholly inside the range.
 */
export function mutateRange(mutant: SampledMutant): string {
  const { start, end } = mutant.location;
  return `${mutant.fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
}

const spanKey = ({ start, end }: Span) => `${start.line}:${start.column}-${end.line}:${end.column}`;

/** The key of a sampled mutant in the instrumenter's 0-based positions. */
export function sampledKey(mutant: SampledMutant): string {
  return `${mutant.fileName}|${mutant.mutatorName}|${mutant.replacement}|${spanKey(mutant.location)}`;
}

/** The same key for a mutant of the JSON report, whose positions count from 1. */
export function reportedKey(fileName: string, mutant: ReportedMutant): string {
  const { start, end } = mutant.location;
  const zeroBased = {
    start: { line: start.line - 1, column: start.column - 1 },
    end: { line: end.line - 1, column: end.column - 1 },
  };
  return `${fileName}|${mutant.mutatorName}|${mutant.replacement ?? ""}|${spanKey(zeroBased)}`;
}

/** The statuses that count as detected, and those that count at all (Stryker's definition). */
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/** A Wilson score interval for a proportion, at about 95% (z = 1.96). */
export function wilson(detected: number, valid: number, z = 1.96): { low: number; high: number } {
  if (valid === 0) return { low: 0, high: 1 };
  const p = detected / valid;
  const z2 = z * z;
  const centre = (p + z2 / (2 * valid)) / (1 + z2 / valid);
  const half = (z / (1 + z2 / valid)) * Math.sqrt((p * (1 - p)) / valid + z2 / (4 * valid * valid));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The sample's result: counts by status, the score and its interval, the survivors. */
export interface SampleScore {
  readonly statuses: Readonly<Record<string, number>>;
  readonly detected: number;
  readonly valid: number;
  readonly score: number;
  readonly low: number;
  readonly high: number;
  readonly undetected: readonly (SampledMutant & { readonly status: string })[];
  readonly missing: readonly SampledMutant[];
}

/**
 * Scores the sampled mutants from a Stryker JSON report. Mutants the report
 * holds beside them (other mutators on the same node) are not counted, so
 * the estimate stays one of a uniform sample. Ignored mutants, compile and
 * runtime errors do not count, as in Stryker's own score.
 */
export function scoreSample(sample: readonly SampledMutant[], files: ReportFiles): SampleScore {
  const byKey = new Map<string, string>();
  for (const [fileName, file] of Object.entries(files)) {
    for (const mutant of file.mutants) byKey.set(reportedKey(fileName, mutant), mutant.status);
  }
  const statuses: Record<string, number> = {};
  const undetected: (SampledMutant & { status: string })[] = [];
  const missing: SampledMutant[] = [];
  let detected = 0;
  let valid = 0;
  for (const mutant of sample) {
    const status = byKey.get(sampledKey(mutant));
    if (status === undefined) {
      missing.push(mutant);
      continue;
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (DETECTED.has(status)) {
      detected++;
      valid++;
    } else if (UNDETECTED.has(status)) {
      valid++;
      undetected.push({ ...mutant, status });
    }
  }
  const { low, high } = wilson(detected, valid);
  return {
    statuses,
    detected,
    valid,
    score: valid === 0 ? 1 : detected / valid,
    low,
    high,
    undetected,
    missing,
  };
}

/** Whether a node's span holds a sampled mutant's span (or is it). */
export function spanContains(outer: Span, inner: Span): boolean {
  const startsBefore =
    outer.start.line < inner.start.line ||
    (outer.start.line === inner.start.line && outer.start.column <= inner.start.column);
  const endsAfter =
    outer.end.line > inner.end.line ||
    (outer.end.line === inner.end.line && outer.end.column >= inner.end.column);
  return startsBefore && endsAfter;
}
