/**
 * Benchmark of {@link attributeManagedCredit} against a bare `Map` group-by
 * that answers the same question ("which partners service each client, and
 * what is each one's share") with the least work, in the same run (issue 5).
 * Run it with `npm run bench:attribution`; a later suite can reuse
 * {@link runAttributionBench}.
 *
 * The data imitates a month of a partner program: clients have 10
 * assignments each, mostly from one partner and sometimes from a second;
 * employees are assigned to about 20 clients each (so one address string
 * recurs, as in real data); most assignments are active, some pending,
 * removed or expired; a few employees are untagged or have left; a few
 * freelancers work for two partners under one address (in another letter
 * case), which makes email conflicts; and there is about one activity per
 * assignment, some outside the period or outside the assignment's window.
 *
 * @module
 */

import { getHeapStatistics } from "node:v8";
import { attributeManagedCredit } from "../src/attribution/managed-credit.js";
import type {
  Activity,
  Assignment,
  AssignmentStatus,
  Client,
  Partner,
  PartnerUser,
  Period,
} from "../src/model.js";
import { exposeGc, mulberry32, runsFor, sideBySide } from "./lib.js";

/**
 * One line of the benchmark table.
 *
 * @example
 * ```ts
 * const row: AttributionBenchRow = {
 *   assignments: 10_000, clients: 1_000, activities: 9_000, servicingPairs: 1_200,
 *   attributionMs: 9.1, baselineMs: 4.2, ratio: 2.2, attributionGrowth: null, baselineGrowth: null,
 *   heap: null,
 * };
 * ```
 */
export interface AttributionBenchRow {
  readonly assignments: number;
  readonly clients: number;
  readonly activities: number;
  /** Credited (partner, client) pairs; the baseline must find the same shares (checked). */
  readonly servicingPairs: number;
  /** Median wall time of `attributeManagedCredit`, in milliseconds. */
  readonly attributionMs: number;
  /** Median wall time of the bare `Map` group-by, in milliseconds. */
  readonly baselineMs: number;
  /** `attributionMs / baselineMs`. */
  readonly ratio: number;
  /** `attributionMs` over the previous row's: about 10 when linear. `null` on the first row. */
  readonly attributionGrowth: number | null;
  /** `baselineMs` over the previous row's. `null` on the first row. */
  readonly baselineGrowth: number | null;
  /** Heap figures of one extra run, for the sizes in `heapFor`; `null` otherwise or when GC cannot be exposed. */
  readonly heap: AttributionHeap | null;
}

/**
 * Heap use of one `attributeManagedCredit` run, in MiB, measured from a
 * collected heap holding the input. V8 does not report a true peak, so
 * `grownMiB` (how much the heap's reserved size grew during the run, which
 * V8 does not give back at once) stands in for it; `retainedMiB` is what the
 * result keeps alive once garbage is collected.
 *
 * @example
 * ```ts
 * const heap: AttributionHeap = { inputMiB: 600, grownMiB: 450, retainedMiB: 260 };
 * ```
 */
export interface AttributionHeap {
  /** Live heap before the run: the generated input, after a collection. */
  readonly inputMiB: number;
  /** Growth of V8's total heap size during the run: an estimate of the peak extra memory. */
  readonly grownMiB: number;
  /** Live heap held by the result after a collection. */
  readonly retainedMiB: number;
}

/**
 * Options of {@link runAttributionBench}.
 *
 * @example
 * ```ts
 * const options: AttributionBenchOptions = { sizes: [10_000, 100_000], runs: 3 };
 * ```
 */
export interface AttributionBenchOptions {
  /** Numbers of assignments; default `[1e4, 1e5, 1e6]`. */
  readonly sizes?: readonly number[];
  /** Timed runs per size after two warm-up runs; the median is reported. Default {@link runsFor} the size. */
  readonly runs?: number;
  /** Seed of the data generator; default `20_260_101`. */
  readonly seed?: number;
  /** Sizes for which heap use is measured; default the largest size. */
  readonly heapFor?: readonly number[];
  /** Progress output, e.g. `console.error`; default none. */
  readonly log?: (line: string) => void;
}

const FIRST = ["jane", "max", "lea", "tom", "ana", "li", "omar", "sara", "ivo", "mia"];
const LAST = ["doe", "rossi", "muller", "silva", "martin", "kim", "novak", "haddad"];
const FREE_MAIL = ["gmail.com", "outlook.com", "web.de", "yahoo.fr", "uol.com.br"];
const CURRENCIES = ["USD", "USD", "USD", "EUR", "GBP", "AUD", "JPY", "CAD"];
const DAY = 86_400_000;
const PERIOD: Period = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };
const ASSIGNMENTS_PER_CLIENT = 10;

/**
 * A generated attribution input.
 *
 * @example
 * ```ts
 * const data: AttributionBenchData = generateAttributionInput(1_000, 1);
 * ```
 */
export interface AttributionBenchData {
  readonly period: Period;
  readonly partners: Partner[];
  readonly clients: Client[];
  readonly users: PartnerUser[];
  readonly assignments: Assignment[];
  readonly activities: Activity[];
}

/**
 * Generates an input with `n` assignments (10 per client) deterministically
 * from `seed`.
 *
 * @param n - number of assignments
 * @param seed - PRNG seed
 * @returns the input of `attributeManagedCredit`
 * @example
 * ```ts
 * generateAttributionInput(1_000, 1).assignments.length; //=> 1000
 * ```
 */
export function generateAttributionInput(n: number, seed: number): AttributionBenchData {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const clientCount = Math.max(1, Math.round(n / ASSIGNMENTS_PER_CLIENT));
  const partnerCount = Math.max(10, Math.round(n / 1_000));
  const userCount = Math.max(100, Math.round(n / 20)); // ~20 clients per employee

  const partners: Partner[] = [];
  for (let p = 0; p < partnerCount; p++) {
    partners.push({
      partnerId: `p${p}`,
      program: p % 5 === 0 ? "provider" : "partner",
      employeeDomains: [`partner${p}.com`],
    });
  }
  const users: PartnerUser[] = [];
  const usersOf: number[][] = partners.map(() => []);
  const addUser = (p: number, email: string) => {
    const r = rand();
    const user: PartnerUser =
      r < 0.9
        ? { partnerId: `p${p}`, email, tagged: true }
        : r < 0.97
          ? { partnerId: `p${p}`, email, tagged: false }
          : { partnerId: `p${p}`, email, tagged: true, inPartnerAccount: false };
    usersOf[p]!.push(users.length);
    users.push(user);
  };
  for (let u = 0; u < userCount; u++) {
    // Every partner gets at least one user.
    const p = u < partnerCount ? u : Math.floor(rand() * partnerCount);
    const domain = rand() < 0.85 ? `partner${p}.com` : pick(FREE_MAIL);
    addUser(p, `${pick(FIRST)}.${pick(LAST)}${u}@${domain}`);
  }
  // Freelancers: the same person on the next partner, typed in another case.
  const freelancers: [number, number][] = [];
  const chosen = new Set<number>();
  for (let f = 0; f < Math.max(5, Math.round(userCount / 100)); f++) {
    const index = Math.floor(rand() * userCount);
    // Once per person, or the next partner would list them twice.
    if (chosen.has(index)) continue;
    chosen.add(index);
    const original = users[index]!;
    const p = (Number(original.partnerId.slice(1)) + 1) % partnerCount;
    addUser(p, original.email[0]!.toUpperCase() + original.email.slice(1));
    freelancers.push([index, users.length - 1]);
  }

  const clients: Client[] = [];
  for (let c = 1; c <= clientCount; c++) {
    const currency = pick(CURRENCIES);
    const amountMinor = Math.floor(rand() * (currency === "JPY" ? 2_000_000 : 500_000));
    clients.push(
      rand() < 0.1
        ? { clientId: c, mrr: { amountMinor, currency }, growthMarket: true }
        : { clientId: c, mrr: { amountMinor, currency } },
    );
  }

  const statusOf = (): AssignmentStatus => {
    const r = rand();
    return r < 0.7 ? "active" : r < 0.8 ? "pending_access" : r < 0.95 ? "removed" : "expired";
  };
  const assignments: Assignment[] = [];
  const activities: Activity[] = [];
  const assign = (userIndex: number, clientId: number) => {
    const user = users[userIndex]!;
    const assignedAt = PERIOD.start - Math.floor(rand() * 60) * DAY;
    const activatedAt = assignedAt + Math.floor(rand() * 40) * DAY;
    const status = statusOf();
    const { partnerId, email } = user;
    // Object literals, not spreads of a shared base: V8 gives spread copies
    // slow, dictionary-like layouts, which no real data source (JSON.parse,
    // a database driver) produces, and they would make both sides of the
    // comparison several times slower than they are on real records.
    if (status === "active") {
      assignments.push({ partnerId, clientId, email, status, assignedAt, activatedAt });
    } else if (status === "removed") {
      const removedAt = activatedAt + 20 * DAY;
      assignments.push({ partnerId, clientId, email, status, assignedAt, activatedAt, removedAt });
    } else if (status === "expired") {
      const expiresAt = activatedAt + 10 * DAY;
      assignments.push({ partnerId, clientId, email, status, assignedAt, activatedAt, expiresAt });
    } else {
      assignments.push({ partnerId, clientId, email, status, assignedAt });
    }
    // About one activity per assignment, some outside the period.
    if (rand() < 0.9) {
      const at = PERIOD.start - 5 * DAY + Math.floor(rand() * 41 * DAY);
      activities.push({ clientId, email: user.email, at });
    }
  };
  for (let c = 1; c <= clientCount && assignments.length < n; c++) {
    const main = Math.floor(rand() * partnerCount);
    const second = rand() < 0.2 ? Math.floor(rand() * partnerCount) : main;
    for (let k = 0; k < ASSIGNMENTS_PER_CLIENT && assignments.length < n; k++) {
      if (k === 0 && rand() < 0.02) {
        // Both partners of a freelancer link them to this client.
        const [a, b] = pick(freelancers);
        assign(a, c);
        if (assignments.length < n) assign(b, c);
        k++;
        continue;
      }
      const partner = rand() < 0.8 ? main : second;
      assign(pick(usersOf[partner]!), c);
    }
  }
  return { period: PERIOD, partners, clients, users, assignments, activities };
}

/**
 * The baseline: the least work that answers "which partners service each
 * client and what is each one's share", with `Map`s keyed by strings and
 * addresses only lower-cased (no parsing, no evidence, no validation, no
 * points): tagged users, activity times per (client, address), the holder of
 * each (client, address), then the servicing partners and an even split.
 *
 * @param data - the generated input
 * @returns partnerId → total share in minor units (all currencies added up,
 *   only to compare with the library)
 * @example
 * ```ts
 * baselineGroupBy(generateAttributionInput(1_000, 1)).size; //=> number of servicing partners
 * ```
 */
export function baselineGroupBy(data: AttributionBenchData): Map<string, number> {
  const { start, end } = data.period;
  const employees = new Set<string>();
  for (const u of data.users) {
    if (u.tagged && u.inPartnerAccount !== false)
      employees.add(`${u.partnerId}\u0000${u.email.toLowerCase()}`);
  }
  const times = new Map<string, number[]>();
  for (const a of data.activities) {
    if (a.at < start || a.at >= end) continue;
    const key = `${a.clientId}\u0000${a.email.toLowerCase()}`;
    const list = times.get(key);
    if (list === undefined) times.set(key, [a.at]);
    else list.push(a.at);
  }
  // Holder of each (client, address): earliest live assignment, ties to the
  // smaller partnerId; every other partner with a live link is a contender
  // (removed and expired assignments link nothing, design 2.4).
  const holder = new Map<string, Assignment>();
  for (const a of data.assignments) {
    if (a.status === "removed" || a.status === "expired") continue;
    const key = `${a.clientId}\u0000${a.email.toLowerCase()}`;
    const h = holder.get(key);
    if (
      h === undefined ||
      a.assignedAt < h.assignedAt ||
      (a.assignedAt === h.assignedAt && a.partnerId < h.partnerId)
    )
      holder.set(key, a);
  }
  const contenders = new Set<string>();
  for (const a of data.assignments) {
    if (a.status === "removed" || a.status === "expired") continue;
    const key = `${a.clientId}\u0000${a.email.toLowerCase()}`;
    if (holder.get(key)!.partnerId !== a.partnerId) contenders.add(`${key}\u0000${a.partnerId}`);
  }
  const servicing = new Map<number, Set<string>>();
  for (const a of data.assignments) {
    if (a.status === "pending_access" || a.activatedAt === undefined) continue;
    const email = a.email.toLowerCase();
    if (!employees.has(`${a.partnerId}\u0000${email}`)) continue;
    const key = `${a.clientId}\u0000${email}`;
    if (contenders.has(`${key}\u0000${a.partnerId}`)) continue;
    const from = Math.max(start, a.activatedAt);
    const until = Math.min(end, a.removedAt ?? a.expiresAt ?? Number.POSITIVE_INFINITY);
    if (!(times.get(key)?.some((t) => t >= from && t < until) ?? false)) continue;
    const set = servicing.get(a.clientId);
    if (set === undefined) servicing.set(a.clientId, new Set([a.partnerId]));
    else set.add(a.partnerId);
  }
  const mrr = new Map(data.clients.map((c) => [c.clientId, c.mrr.amountMinor]));
  const totals = new Map<string, number>();
  for (const [clientId, set] of servicing) {
    const ids = [...set].sort();
    const amount = mrr.get(clientId)!;
    const remainder = amount % ids.length;
    ids.forEach((id, i) => {
      const share = (amount - remainder) / ids.length + (i < remainder ? 1 : 0);
      totals.set(id, (totals.get(id) ?? 0) + share);
    });
  }
  return totals;
}

function runLibrary(data: AttributionBenchData) {
  const result = attributeManagedCredit(data);
  if (!result.ok) throw new Error(`benchmark input refused: ${result.error.issues[0]?.message}`);
  return result.value;
}

// GC exposed at run time (the bench runs through scripts/run-ts.mjs, which
// passes no node flags); null where V8 refuses.

const MiB = 1024 * 1024;

function measureHeap(data: AttributionBenchData, gc: () => void): AttributionHeap {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const totalBefore = getHeapStatistics().total_heap_size;
  const result = runLibrary(data);
  const totalAfter = getHeapStatistics().total_heap_size;
  gc();
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  if (result.partners.length < 0) throw new Error("unreachable: keeps the result alive until here");
  return {
    inputMiB: before / MiB,
    grownMiB: Math.max(0, totalAfter - totalBefore) / MiB,
    retainedMiB: retained / MiB,
  };
}

/**
 * Times `attributeManagedCredit` and the bare `Map` baseline on 10^4, 10^5
 * and 10^6 generated assignments (by default): two warm-up runs, then the
 * median of several runs, alternating the two so drift hits both alike, each
 * from a collected heap when GC can be exposed.
 * Checks that both find the same total share for every partner.
 *
 * @param options - sizes, runs, seed, heap sizes and progress output
 * @returns one row per size
 * @example
 * ```ts
 * const rows = runAttributionBench({ sizes: [10_000], runs: 3 });
 * rows[0].ratio; //=> e.g. 2.1
 * ```
 */
export function runAttributionBench(options: AttributionBenchOptions = {}): AttributionBenchRow[] {
  const sizes = options.sizes ?? [10_000, 100_000, 1_000_000];
  const seed = options.seed ?? 20_260_101;
  const heapFor = new Set(options.heapFor ?? [Math.max(...sizes)]);
  // A collection before each timed call, so that neither side pays for the
  // other's garbage (the baseline's string keys are many).
  const gc = exposeGc();
  const rows: AttributionBenchRow[] = [];
  for (const n of sizes) {
    const runs = Math.max(1, options.runs ?? runsFor(n));
    const data = generateAttributionInput(n, seed);
    options.log?.(
      `attribution bench: ${n} assignments, ${data.clients.length} clients, ${data.activities.length} activities generated`,
    );
    const heap = gc !== null && heapFor.has(n) ? measureHeap(data, gc) : null;
    const r = sideBySide(
      () => runLibrary(data),
      () => baselineGroupBy(data),
      { runs, gc },
    );
    const expected = r.baseline;
    let servicingPairs = 0;
    const actual = new Map<string, number>();
    for (const p of r.library.partners) {
      servicingPairs += p.clients.length;
      if (p.clients.length > 0)
        actual.set(
          p.partnerId,
          p.clients.reduce((sum, c) => sum + c.share.amountMinor, 0),
        );
    }
    // The generated addresses are canonical up to letter case, so both must
    // find the same servicing partners; a difference means a broken benchmark.
    for (const [id, total] of expected) {
      if (actual.get(id) !== total)
        throw new Error(`partner ${id}: library ${actual.get(id)}, baseline ${total}`);
    }
    if (actual.size !== expected.size)
      throw new Error(`library credits ${actual.size} partners, baseline ${expected.size}`);
    const attributionMs = r.libraryMs;
    const baselineMs = r.baselineMs;
    const previous = rows[rows.length - 1];
    rows.push({
      assignments: n,
      clients: data.clients.length,
      activities: data.activities.length,
      servicingPairs,
      attributionMs,
      baselineMs,
      ratio: attributionMs / baselineMs,
      attributionGrowth: previous === undefined ? null : attributionMs / previous.attributionMs,
      baselineGrowth: previous === undefined ? null : baselineMs / previous.baselineMs,
      heap,
    });
  }
  return rows;
}

/**
 * Renders benchmark rows as a plain-text table, with the heap figures below.
 *
 * @param rows - rows from {@link runAttributionBench}
 * @returns the table
 * @example
 * ```ts
 * formatAttributionBench(runAttributionBench({ sizes: [10_000] }));
 * //=> "assignments  clients  activities  credited pairs  attribution ms  Map group-by ms  ratio  …"
 * ```
 */
export function formatAttributionBench(rows: readonly AttributionBenchRow[]): string {
  const header = [
    "assignments",
    "clients",
    "activities",
    "credited pairs",
    "attribution ms",
    "Map group-by ms",
    "ratio",
    "attribution ×/×10",
    "group-by ×/×10",
  ];
  const growth = (g: number | null) => (g === null ? "-" : g.toFixed(2));
  const lines = rows.map((r) => [
    String(r.assignments),
    String(r.clients),
    String(r.activities),
    String(r.servicingPairs),
    r.attributionMs.toFixed(2),
    r.baselineMs.toFixed(2),
    r.ratio.toFixed(2),
    growth(r.attributionGrowth),
    growth(r.baselineGrowth),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const table = [header, ...lines].map((cells) =>
    cells.map((c, i) => c.padStart(widths[i]!)).join("  "),
  );
  for (const r of rows) {
    if (r.heap === null) continue;
    table.push(
      `heap at ${r.assignments} assignments: input ${r.heap.inputMiB.toFixed(0)} MiB live; ` +
        `heap grew ${r.heap.grownMiB.toFixed(0)} MiB during the run (≈ peak extra); ` +
        `result retains ${r.heap.retainedMiB.toFixed(0)} MiB`,
    );
  }
  return table.join("\n");
}

// Run when this file is the entry (scripts/run-ts.mjs puts the .ts path in
// argv[1]), not when a suite imports it.
if (typeof process !== "undefined" && process.argv[1]?.endsWith("attribution.bench.ts") === true) {
  const rows = runAttributionBench({ log: (line) => console.error(line) });
  console.log(formatAttributionBench(rows));
}
