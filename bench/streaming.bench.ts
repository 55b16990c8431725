/**
 * Benchmark of streaming attribution (issue 8): 10^7 activities over the
 * reference data of 10^5 clients (10^6 assignments), generated on the fly and
 * fed in batches of 10^5 (never all held at once), with the heap sampled
 * after every batch; next to it, `attributeManagedCredit` on the first 10^6
 * of the same activities, scaled to 10^7. The streamed state after those
 * first 10^6 must finish with exactly the one-shot result (checked).
 *
 * Run it with `node scripts/run-ts.mjs bench/streaming.bench.ts` (add
 * `--quick` for 10^6 activities over 10^4 clients). The heap is sampled
 * with `process.memoryUsage().heapUsed`; the retained figure needs a forced
 * collection, which the bench enables itself (as bench/attribution.bench.ts
 * does), so no node flag is needed; `node --expose-gc scripts/run-ts.mjs …`
 * works too.
 *
 * @module
 */

import { attributeManagedCredit } from "../src/attribution/managed-credit.js";
import {
  type AttributionState,
  addActivities,
  finishAttribution,
  startAttribution,
} from "../src/attribution/streaming.js";
import type { Activity, Assignment, PartnerUser } from "../src/model.js";
import { generateAttributionInput } from "./attribution.bench.js";
import { exposeGc, markdownTable, mulberry32 } from "./lib.js";

/**
 * Options of {@link runStreamingBench}.
 *
 * @example
 * ```ts
 * const options: StreamingBenchOptions = { assignments: 100_000, activities: 1_000_000 };
 * ```
 */
export interface StreamingBenchOptions {
  /** Assignments of the reference data (10 per client); default 10^6. */
  readonly assignments?: number;
  /** Activities streamed; default 10^7. */
  readonly activities?: number;
  /** Activities per batch; default 10^5. */
  readonly batch?: number;
  /** Activities of the one-shot run (the first ones of the stream); default a tenth of `activities`. */
  readonly oneShot?: number;
  /** Seed of the generators; default `20_260_101`. */
  readonly seed?: number;
  /** Progress output, e.g. `console.error`; default none. */
  readonly log?: (line: string) => void;
}

/**
 * The result of one streaming run.
 *
 * @example
 * ```ts
 * const [row] = runStreamingBench({ assignments: 10_000, activities: 100_000, batch: 10_000 });
 * row.peakHeapRatio < 2; //=> true
 * ```
 */
export interface StreamingBenchRow {
  readonly assignments: number;
  readonly clients: number;
  readonly activities: number;
  readonly batch: number;
  /** `startAttribution` on the reference data. */
  readonly startMs: number;
  /** All `addActivities` calls (generating the batches excluded). */
  readonly feedMs: number;
  readonly finishMs: number;
  /** `startMs + feedMs + finishMs`. */
  readonly streamMs: number;
  readonly oneShotActivities: number;
  /** `attributeManagedCredit` on the reference data and the first `oneShotActivities` activities. */
  readonly oneShotMs: number;
  /** `oneShotMs` × `activities / oneShotActivities`. */
  readonly oneShotScaledMs: number;
  /** `streamMs / oneShotScaledMs`. */
  readonly ratio: number;
  /** Live heap after loading the reference data and starting the state (after a collection), MiB. */
  readonly heapAfterReferenceMiB: number;
  /** Highest `heapUsed` sampled right after a batch, MiB. */
  readonly peakHeapMiB: number;
  /** `peakHeapMiB / heapAfterReferenceMiB`: must stay within 2. */
  readonly peakHeapRatio: number;
  /** Highest live heap after a batch and a collection, MiB (`null` when GC cannot be exposed). */
  readonly peakRetainedMiB: number | null;
  /** Assignments with evidence in the final state. */
  readonly evidence: number;
  /** JSON size of the final state's evidence, lost credit and issues, MiB (the reference data aside). */
  readonly evidenceJsonMiB: number;
}

const MiB = 1024 * 1024;
const DAY = 86_400_000;

/**
 * Activity batches generated on the fly: mostly an activity of an
 * assignment's address on its client somewhere around the period (as
 * bench/attribution.bench.ts generates them), sometimes a user working on a
 * client they are not assigned to.
 *
 * @param assignments - the reference assignments
 * @param users - the reference users
 * @param clients - number of clients (ids 1…clients)
 * @param period - the period
 * @param total - activities in all
 * @param size - activities per batch
 * @param seed - PRNG seed
 * @returns the batches, one at a time
 * @example
 * ```ts
 * for (const batch of activityBatches(assignments, users, 1000, period, 10_000, 1_000, 1)) batch.length; //=> 1000
 * ```
 */
export function* activityBatches(
  assignments: readonly Assignment[],
  users: readonly PartnerUser[],
  clients: number,
  period: { readonly start: number },
  total: number,
  size: number,
  seed: number,
): Generator<Activity[]> {
  const rand = mulberry32(seed);
  for (let done = 0; done < total; done += size) {
    const batch: Activity[] = [];
    for (let i = 0; i < size && done + i < total; i++) {
      const at = period.start - 5 * DAY + Math.floor(rand() * 41 * DAY);
      if (rand() < 0.95) {
        const a = assignments[Math.floor(rand() * assignments.length)]!;
        batch.push({ clientId: a.clientId, email: a.email, at });
      } else {
        const u = users[Math.floor(rand() * users.length)]!;
        batch.push({ clientId: 1 + Math.floor(rand() * clients), email: u.email, at });
      }
    }
    yield batch;
  }
}

/**
 * Streams `activities` generated activities through `addActivities` in
 * batches, sampling the heap after each, and times `attributeManagedCredit`
 * on the first `oneShot` of them; checks that the streamed state after those
 * gives exactly the one-shot result.
 *
 * @param options - sizes, seed and progress output
 * @returns one row
 * @example
 * ```ts
 * formatStreamingBench(runStreamingBench({ assignments: 100_000, activities: 1_000_000 }));
 * ```
 */
export function runStreamingBench(options: StreamingBenchOptions = {}): StreamingBenchRow[] {
  const n = options.assignments ?? 1_000_000;
  const total = options.activities ?? 10_000_000;
  const size = options.batch ?? 100_000;
  const oneShot = Math.min(total, options.oneShot ?? Math.round(total / 10));
  const seed = options.seed ?? 20_260_101;
  const log = options.log ?? (() => {});
  const gc = exposeGc();

  const { activities: _, ...reference } = generateAttributionInput(n, seed);
  const clients = reference.clients.length;
  const batches = () =>
    activityBatches(
      reference.assignments,
      reference.users,
      clients,
      reference.period,
      total,
      size,
      seed + 1,
    );
  log(
    `streaming bench: ${n} assignments, ${clients} clients; ${total} activities in batches of ${size}`,
  );

  let t = performance.now();
  const started = startAttribution(reference);
  const startMs = performance.now() - t;
  if (!started.ok)
    throw new Error(`benchmark reference refused: ${started.error.issues[0]?.message}`);
  let state: AttributionState = started.value;
  gc?.();
  gc?.();
  const heapAfterReference = process.memoryUsage().heapUsed;

  let feedMs = 0;
  let peakHeap = heapAfterReference;
  let peakRetained = gc === null ? null : heapAfterReference;
  let fed = 0;
  let atOneShot: AttributionState | null = null;
  for (const batch of batches()) {
    t = performance.now();
    state = addActivities(state, batch);
    feedMs += performance.now() - t;
    fed += batch.length;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (gc !== null && peakRetained !== null) {
      gc();
      peakRetained = Math.max(peakRetained, process.memoryUsage().heapUsed);
    }
    if (fed === oneShot) atOneShot = state;
    if (fed % (10 * size) === 0) log(`  ${fed} activities fed, ${(feedMs / 1000).toFixed(1)} s`);
  }
  t = performance.now();
  const finished = finishAttribution(state);
  const finishMs = performance.now() - t;
  if (!finished.ok) throw new Error(`streamed attribution refused: ${finished.error.message}`);
  const evidenceJson = JSON.stringify([state.evidence, state.lostCredit, state.issues]).length;

  // The one-shot run on the first `oneShot` activities of the same stream.
  const first: Activity[] = [];
  for (const batch of batches()) {
    if (first.length >= oneShot) break;
    first.push(...batch.slice(0, oneShot - first.length));
  }
  gc?.();
  log(`streaming bench: one-shot run on ${first.length} activities`);
  t = performance.now();
  const expected = attributeManagedCredit({ ...reference, activities: first });
  const oneShotMs = performance.now() - t;
  if (atOneShot !== null) {
    const streamed = finishAttribution(atOneShot);
    if (JSON.stringify(streamed) !== JSON.stringify(expected))
      throw new Error(
        "the streamed state after the first activities differs from the one-shot result",
      );
  }

  const streamMs = startMs + feedMs + finishMs;
  const oneShotScaledMs = (oneShotMs * total) / Math.max(1, first.length);
  return [
    {
      assignments: n,
      clients,
      activities: total,
      batch: size,
      startMs,
      feedMs,
      finishMs,
      streamMs,
      oneShotActivities: first.length,
      oneShotMs,
      oneShotScaledMs,
      ratio: streamMs / oneShotScaledMs,
      heapAfterReferenceMiB: heapAfterReference / MiB,
      peakHeapMiB: peakHeap / MiB,
      peakHeapRatio: peakHeap / heapAfterReference,
      peakRetainedMiB: peakRetained === null ? null : peakRetained / MiB,
      evidence: state.evidence.assignments.length,
      evidenceJsonMiB: evidenceJson / MiB,
    },
  ];
}

/**
 * Renders the rows as a Markdown table, with the heap figures below.
 *
 * @param rows - rows from {@link runStreamingBench}
 * @returns the table
 * @example
 * ```ts
 * formatStreamingBench(runStreamingBench({ assignments: 10_000, activities: 100_000, batch: 10_000 }));
 * //=> "| activities | batch | start ms | feed ms | …"
 * ```
 */
export function formatStreamingBench(rows: readonly StreamingBenchRow[]): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const table = markdownTable(
    [
      "activities",
      "clients",
      "batch",
      "start s",
      "feed s",
      "finish s",
      "stream s",
      "one-shot s (n)",
      "one-shot scaled s",
      "stream / scaled",
    ],
    rows.map((r) => [
      String(r.activities),
      String(r.clients),
      String(r.batch),
      s(r.startMs),
      s(r.feedMs),
      s(r.finishMs),
      s(r.streamMs),
      `${s(r.oneShotMs)} (${r.oneShotActivities})`,
      s(r.oneShotScaledMs),
      r.ratio.toFixed(2),
    ]),
  );
  const notes = rows.map(
    (r) =>
      `heap after loading the reference data and starting: ${r.heapAfterReferenceMiB.toFixed(0)} MiB; ` +
      `peak heapUsed after a batch: ${r.peakHeapMiB.toFixed(0)} MiB (×${r.peakHeapRatio.toFixed(2)}, limit ×2)` +
      (r.peakRetainedMiB === null
        ? ""
        : `; peak live after a batch: ${r.peakRetainedMiB.toFixed(0)} MiB`) +
      `; final evidence: ${r.evidence} assignments, ${r.evidenceJsonMiB.toFixed(1)} MiB of JSON besides the reference data`,
  );
  return [table, "", ...notes].join("\n");
}

// Run when this file is the entry (scripts/run-ts.mjs puts the .ts path in
// argv[1]), not when a suite imports it.
if (typeof process !== "undefined" && process.argv[1]?.endsWith("streaming.bench.ts") === true) {
  const quick = process.argv.includes("--quick");
  const rows = runStreamingBench({
    ...(quick ? { assignments: 100_000, activities: 1_000_000, batch: 10_000 } : {}),
    log: (line) => console.error(line),
  });
  console.log(formatStreamingBench(rows));
}
