/**
 * Benchmark of `service.attributeCredit` at scale: 10^6 activities over the
 * reference data of 10^4 clients (10^5 assignments), stored in the
 * in-memory repository and read back through the port as the service reads
 * them (only what the period touches, activities in pages of 10^4), next to
 * the one-shot `attributeManagedCredit` on the same data (what the store
 * holds) in arrays.
 * The service's credit for the partner must equal the one-shot run's
 * (checked).
 *
 * Run it with `node --expose-gc scripts/run-ts.mjs bench/service.bench.ts`
 * (add `--quick` for 10^5 activities). Heap figures: the heap used is
 * sampled after every page (V8 gives no true peak), and again in a second
 * run that collects garbage at every page (what the service keeps alive);
 * the growth of V8's total heap size during each run stands in for its peak
 * extra memory; the one-shot run also needs every record read out of the
 * store, which the service never holds at once.
 *
 * @module
 */

import { getHeapStatistics } from "node:v8";
import type { Actor } from "../src/access/authorization.js";
import { attributeManagedCredit } from "../src/attribution/managed-credit.js";
import type { Activity } from "../src/model.js";
import { createPartnerAccessService } from "../src/service/partner-access-service.js";
import { createInMemoryRepository, type InMemoryRepository } from "../src/testing/index.js";
import { type AttributionBenchData, generateAttributionInput } from "./attribution.bench.js";
import { exposeGc, markdownTable } from "./lib.js";
import { activityBatches } from "./streaming.bench.js";

const MiB = 1024 * 1024;

/**
 * Options of {@link runServiceBench}.
 *
 * @example
 * ```ts
 * const options: ServiceBenchOptions = { assignments: 100_000, activities: 1_000_000 };
 * ```
 */
export interface ServiceBenchOptions {
  /** Assignments of the reference data (10 per client); default 10^5. */
  readonly assignments?: number;
  /** Activities stored; default 10^6. */
  readonly activities?: number;
  /** Seed of the generators; default `20_260_101`. */
  readonly seed?: number;
  /** Progress output, e.g. `console.error`; default none. */
  readonly log?: (line: string) => void;
}

/**
 * The result of one run.
 *
 * @example
 * ```ts
 * const [row] = runServiceBench({ assignments: 2_000, activities: 10_000 });
 * row.serviceMs > 0; //=> true
 * ```
 */
export interface ServiceBenchRow {
  readonly assignments: number;
  readonly clients: number;
  readonly activities: number;
  /** Pages of activities the service read. */
  readonly pages: number;
  /** `service.attributeCredit` for one partner, reads through the port included. */
  readonly serviceMs: number;
  /** `attributeManagedCredit` on the same data, in arrays. */
  readonly oneShotMs: number;
  readonly ratio: number;
  /** Largest heap used above the loaded repository, sampled after each page (garbage included). */
  readonly servicePeakMiB: number;
  /** Largest live heap above the loaded repository, after a collection at each page (a second run). */
  readonly serviceRetainedMiB: number | null;
  /** What the one-shot run needs in memory besides the store: every record read out of it. */
  readonly oneShotInputMiB: number;
  /** Growth of V8's total heap during the service run. */
  readonly serviceGrownMiB: number;
  /** Growth of V8's total heap during the one-shot run. */
  readonly oneShotGrownMiB: number;
  /** The heap the loaded repository holds (the "database"). */
  readonly repositoryMiB: number;
  /** The credit the partner got (equal in both, checked). */
  readonly points: number;
}

async function load(
  data: AttributionBenchData,
  activities: Activity[],
): Promise<InMemoryRepository> {
  const repository = createInMemoryRepository();
  for (const p of data.partners) await repository.savePartner(p, null);
  for (const c of data.clients) await repository.putClient(c);
  for (const u of data.users) await repository.saveUser(u, null);
  for (const a of data.assignments) await repository.insertAssignment(a);
  // In time order, so the store appends sorted runs.
  activities.sort((a, b) => a.at - b.at);
  for (let i = 0; i < activities.length; i += 100_000) {
    const recorded = await repository.recordActivities(activities.slice(i, i + 100_000));
    if (recorded.status !== "recorded") throw new Error("the benchmark's activities were refused");
  }
  return repository;
}

// A second run of the service, collecting after every page: the most it
// keeps alive at once, above the loaded repository.
async function retainedPeak(
  service: ReturnType<typeof createPartnerAccessService>,
  actor: Actor,
  data: AttributionBenchData,
  loaded: number,
  gc: () => void,
): Promise<number> {
  let peak = loaded;
  await service.attributeCredit({
    actor,
    partnerId: actor.partnerId,
    period: data.period,
    onProgress: () => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });
  return Math.max(0, peak - loaded);
}

/**
 * Loads the generated data into an in-memory repository, then times
 * `service.attributeCredit` for the partner with the most assignments and
 * `attributeManagedCredit` over the same data; checks that the partner's
 * credit is the same.
 *
 * @param options - sizes, seed and progress output
 * @returns one row
 * @example
 * ```ts
 * formatServiceBench(await runServiceBench({ assignments: 10_000, activities: 100_000 }));
 * ```
 */
export async function runServiceBench(
  options: ServiceBenchOptions = {},
): Promise<ServiceBenchRow[]> {
  const n = options.assignments ?? 100_000;
  const total = options.activities ?? 1_000_000;
  const seed = options.seed ?? 20_260_101;
  const log = options.log ?? (() => {});
  const collect = exposeGc();
  const gc = collect ?? (() => {});
  const data = generateAttributionInput(n, seed);
  const activities = [
    ...activityBatches(
      data.assignments,
      data.users,
      data.clients.length,
      data.period,
      total,
      100_000,
      seed + 1,
    ),
  ].flat();
  log(
    `service bench: ${n} assignments, ${data.clients.length} clients, ${total} activities; loading`,
  );
  gc();
  const empty = process.memoryUsage().heapUsed;
  const repository = await load(data, activities);
  gc();
  gc();
  const loaded = process.memoryUsage().heapUsed;
  const counts = new Map<string, number>();
  for (const a of data.assignments) counts.set(a.partnerId, (counts.get(a.partnerId) ?? 0) + 1);
  const partnerId = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const actor: Actor = { userId: "bench", partnerId, superAdmin: true, permissions: [] };
  const service = createPartnerAccessService({ repository, clock: () => data.period.end });

  log("service bench: service.attributeCredit");
  let pages = 0;
  let peak = loaded;
  const heapBefore = getHeapStatistics().total_heap_size;
  let t = performance.now();
  const r = await service.attributeCredit({
    actor,
    partnerId,
    period: data.period,
    onProgress: () => {
      pages++;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });
  const serviceMs = performance.now() - t;
  const serviceGrown = getHeapStatistics().total_heap_size - heapBefore;
  if (!r.ok) throw new Error(`service.attributeCredit refused: ${r.error.message}`);
  const retained =
    collect === null ? null : await retainedPeak(service, actor, data, loaded, collect);

  // The one-shot run over exactly what the store holds: it refuses a second
  // live assignment of one user to one client, which the generator can make.
  log("service bench: attributeManagedCredit");
  gc();
  const beforeInput = process.memoryUsage().heapUsed;
  const stored = repository.snapshot();
  const same = {
    period: data.period,
    partners: stored.partners.map((p) => p.value),
    clients: stored.clients,
    users: stored.users.map((u) => u.value),
    assignments: stored.assignments.map((a) => a.value),
    activities: stored.activities,
  };
  gc();
  gc();
  const oneShotInput = process.memoryUsage().heapUsed - beforeInput;
  const oneShotBefore = getHeapStatistics().total_heap_size;
  t = performance.now();
  const full = attributeManagedCredit(same);
  const oneShotMs = performance.now() - t;
  const oneShotGrown = getHeapStatistics().total_heap_size - oneShotBefore;
  if (!full.ok) throw new Error(`attributeManagedCredit refused: ${full.error.message}`);
  const expected = full.value.partners.find((p) => p.partnerId === partnerId);
  if (JSON.stringify(expected) !== JSON.stringify(r.value.credit)) {
    throw new Error(`the service's credit for ${partnerId} differs from the one-shot run`);
  }
  return [
    {
      assignments: n,
      clients: data.clients.length,
      activities: total,
      pages,
      serviceMs,
      oneShotMs,
      ratio: serviceMs / oneShotMs,
      servicePeakMiB: Math.max(0, peak - loaded) / MiB,
      serviceRetainedMiB: retained === null ? null : retained / MiB,
      oneShotInputMiB: Math.max(0, oneShotInput) / MiB,
      serviceGrownMiB: Math.max(0, serviceGrown) / MiB,
      oneShotGrownMiB: Math.max(0, oneShotGrown) / MiB,
      repositoryMiB: Math.max(0, loaded - empty) / MiB,
      points: r.value.credit.points,
    },
  ];
}

/**
 * Renders the rows as a Markdown table.
 *
 * @param rows - rows from {@link runServiceBench}
 * @returns the table
 * @example
 * ```ts
 * formatServiceBench(await runServiceBench({ assignments: 10_000, activities: 100_000 }));
 * //=> "| activities | assignments | pages | service ms | one-shot ms | …"
 * ```
 */
export function formatServiceBench(rows: readonly ServiceBenchRow[]): string {
  return markdownTable(
    [
      "activities",
      "assignments",
      "pages",
      "service.attributeCredit ms",
      "attributeManagedCredit ms",
      "ratio",
      "service peak heap MiB",
      "service retained peak MiB",
      "service heap growth MiB",
      "one-shot input MiB",
      "one-shot heap growth MiB",
      "repository MiB",
    ],
    rows.map((r) => [
      String(r.activities),
      String(r.assignments),
      String(r.pages),
      r.serviceMs.toFixed(0),
      r.oneShotMs.toFixed(0),
      r.ratio.toFixed(2),
      r.servicePeakMiB.toFixed(1),
      r.serviceRetainedMiB === null ? "-" : r.serviceRetainedMiB.toFixed(1),
      r.serviceGrownMiB.toFixed(1),
      r.oneShotInputMiB.toFixed(0),
      r.oneShotGrownMiB.toFixed(1),
      r.repositoryMiB.toFixed(0),
    ]),
  );
}

if (process.argv[1]?.endsWith("service.bench.ts")) {
  const quick = process.argv.includes("--quick");
  const rows = await runServiceBench({
    ...(quick ? { assignments: 10_000, activities: 100_000 } : {}),
    log: (line) => console.error(line),
  });
  console.log(formatServiceBench(rows));
}
