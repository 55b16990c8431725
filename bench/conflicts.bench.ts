/**
 * Benchmark of {@link detectEmailConflicts} against a bare `Map` group-by
 * over the same data in the same run (issue 4). Run it with
 * `npm run bench:conflicts`; `bench/index.ts` can reuse
 * {@link runConflictsBench}.
 *
 * The data imitates a partner program: employees are each assigned to many
 * clients (so one address string recurs across assignments, as it does in
 * real data), most addresses are on the partner's own domain, some on
 * free-mail domains, and a few freelancers work for two partners under the
 * same address (in different letter case), which makes real conflicts.
 *
 * @module
 */

import { detectEmailConflicts } from "../src/conflicts/email-conflicts.js";
import type { Assignment, AssignmentStatus, Partner } from "../src/model.js";
import { exposeGc, mulberry32, runsFor, sideBySide } from "./lib.js";

/**
 * One line of the benchmark table.
 *
 * @example
 * ```ts
 * const row: ConflictsBenchRow = {
 *   assignments: 10_000, distinctEmails: 500, conflicts: 12,
 *   detectMs: 2.1, baselineMs: 1.4, ratio: 1.5, detectGrowth: null, baselineGrowth: null,
 * };
 * ```
 */
export interface ConflictsBenchRow {
  readonly assignments: number;
  /** Distinct address strings in the data: how many parses the detector needs. */
  readonly distinctEmails: number;
  /** Conflicts found; the baseline must find as many (checked). */
  readonly conflicts: number;
  /** Median wall time of `detectEmailConflicts`, in milliseconds. */
  readonly detectMs: number;
  /** Median wall time of the bare `Map` group-by, in milliseconds. */
  readonly baselineMs: number;
  /** `detectMs / baselineMs`. */
  readonly ratio: number;
  /** `detectMs` over the previous row's: about 10 when linear. `null` on the first row. */
  readonly detectGrowth: number | null;
  /** `baselineMs` over the previous row's. `null` on the first row. */
  readonly baselineGrowth: number | null;
}

/**
 * Options of {@link runConflictsBench}.
 *
 * @example
 * ```ts
 * const options: ConflictsBenchOptions = { sizes: [1_000, 10_000], runs: 3 };
 * ```
 */
export interface ConflictsBenchOptions {
  /** Numbers of assignments; default `[1e4, 1e5, 1e6]`. */
  readonly sizes?: readonly number[];
  /** Timed runs per size after two warm-up runs; the median is reported. Default {@link runsFor} the size. */
  readonly runs?: number;
  /** Seed of the data generator; default `20_240_601`. */
  readonly seed?: number;
  /** Progress output, e.g. `console.error`; default none. */
  readonly log?: (line: string) => void;
}

interface BenchData {
  readonly assignments: Assignment[];
  readonly partners: Partner[];
  readonly distinctEmails: number;
}

const FIRST = ["jane", "max", "lea", "tom", "ana", "li", "omar", "sara", "ivo", "mia"];
const LAST = ["doe", "rossi", "muller", "silva", "martin", "kim", "novak", "haddad"];
const FREE_MAIL = ["gmail.com", "outlook.com", "web.de", "yahoo.fr", "uol.com.br"];
const DAY = 86_400_000;

/**
 * Generates `n` assignments deterministically from `seed`.
 *
 * @param n - number of assignments
 * @param seed - PRNG seed
 * @returns the assignments, the partner records, and the number of distinct address strings
 * @example
 * ```ts
 * generateAssignments(1_000, 1).assignments.length; //=> 1000
 * ```
 */
export function generateAssignments(n: number, seed: number): BenchData {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const partnerCount = Math.max(10, Math.round(n / 1_000));
  const userCount = Math.max(100, Math.round(n / 20)); // ~20 clients per employee
  const clientCount = Math.max(50, Math.round(n / 8));
  const partners: Partner[] = [];
  for (let p = 0; p < partnerCount; p++) {
    partners.push({
      partnerId: `p${p}`,
      program: p % 5 === 0 ? "provider" : "partner",
      employeeDomains: p % 17 === 0 ? [] : [`partner${p}.com`],
    });
  }
  const users: { partnerId: string; email: string }[] = [];
  for (let u = 0; u < userCount; u++) {
    const p = Math.floor(rand() * partnerCount);
    const name = `${pick(FIRST)}.${pick(LAST)}${u}`;
    const domain = rand() < 0.85 ? `partner${p}.com` : pick(FREE_MAIL);
    users.push({ partnerId: `p${p}`, email: `${name}@${domain}` });
  }
  // Freelancers: the same person on a second partner, typed in another case.
  const freelancers: [number, number][] = [];
  for (let f = 0; f < Math.max(5, Math.round(userCount / 50)); f++) {
    const index = Math.floor(rand() * userCount);
    const original = users[index]!;
    const other = `p${(Number(original.partnerId.slice(1)) + 1) % partnerCount}`;
    const email = original.email[0]!.toUpperCase() + original.email.slice(1);
    users.push({ partnerId: other, email });
    freelancers.push([index, users.length - 1]);
  }
  const statusOf = (): AssignmentStatus => {
    const r = rand();
    return r < 0.7 ? "active" : r < 0.85 ? "pending_access" : r < 0.95 ? "removed" : "expired";
  };
  const assignment = (userIndex: number, clientId: number): Assignment => {
    const user = users[userIndex]!;
    const assignedAt = 1_700_000_000_000 + Math.floor(rand() * 1_000) * DAY;
    const status = statusOf();
    // Plain object literals of one shape: objects built with spreads are far
    // slower to read in V8, which would slow both sides and blur the ratio.
    const { partnerId, email } = user;
    const activatedAt = assignedAt + DAY;
    if (status === "active") return { partnerId, clientId, email, status, assignedAt, activatedAt };
    if (status === "removed") {
      return {
        partnerId,
        clientId,
        email,
        status,
        assignedAt,
        activatedAt,
        removedAt: assignedAt + 2 * DAY,
      };
    }
    if (status === "expired") {
      return {
        partnerId,
        clientId,
        email,
        status,
        assignedAt,
        activatedAt,
        expiresAt: assignedAt + 3 * DAY,
      };
    }
    return { partnerId, clientId, email, status, assignedAt };
  };
  const assignments: Assignment[] = [];
  while (assignments.length < n) {
    const clientId = 1 + Math.floor(rand() * clientCount);
    if (rand() < 0.01 && assignments.length + 2 <= n) {
      // Both partners of a freelancer link them to the same client.
      const [a, b] = pick(freelancers);
      assignments.push(assignment(a, clientId), assignment(b, clientId));
    } else {
      assignments.push(assignment(Math.floor(rand() * users.length), clientId));
    }
  }
  const distinctEmails = new Set(assignments.map((a) => a.email)).size;
  return { assignments, partners, distinctEmails };
}

/**
 * The baseline: the least work that answers "which (client, address) pairs
 * do two partners link", with a `Map` keyed by client and lower-cased
 * address and no address parsing at all.
 *
 * @param assignments - the data
 * @returns the number of contested (client, address) pairs
 * @example
 * ```ts
 * baselineGroupBy(generateAssignments(1_000, 1).assignments); //=> a small count
 * ```
 */
export function baselineGroupBy(assignments: readonly Assignment[]): number {
  const firstPartner = new Map<string, string>();
  const contested = new Set<string>();
  for (const a of assignments) {
    if (a.status === "removed" || a.status === "expired") continue;
    const key = `${a.clientId}\u0000${a.email.toLowerCase()}`;
    const first = firstPartner.get(key);
    if (first === undefined) firstPartner.set(key, a.partnerId);
    else if (first !== a.partnerId) contested.add(key);
  }
  return contested.size;
}

/**
 * Times `detectEmailConflicts` and the bare `Map` baseline on 10^4, 10^5
 * and 10^6 generated assignments (by default): two warm-up runs, then the
 * median of several runs, alternating the two so drift hits both alike, each
 * from a collected heap when GC can be exposed.
 *
 * @param options - sizes, runs, seed and progress output
 * @returns one row per size
 * @example
 * ```ts
 * const rows = runConflictsBench({ sizes: [10_000], runs: 3 });
 * rows[0].ratio; //=> e.g. 1.4
 * ```
 */
export function runConflictsBench(options: ConflictsBenchOptions = {}): ConflictsBenchRow[] {
  const sizes = options.sizes ?? [10_000, 100_000, 1_000_000];
  const seed = options.seed ?? 20_240_601;
  const rows: ConflictsBenchRow[] = [];
  // A collection before each timed call, so that neither side pays for the
  // other's garbage (the baseline's string keys are many).
  const gc = exposeGc();
  for (const n of sizes) {
    const data = generateAssignments(n, seed);
    options.log?.(`conflicts bench: ${n} assignments generated`);
    const r = sideBySide(
      () => detectEmailConflicts(data.assignments, data.partners).length,
      () => baselineGroupBy(data.assignments),
      { runs: Math.max(1, options.runs ?? runsFor(n)), gc },
    );
    const conflicts = r.library;
    const baselineConflicts = r.baseline;
    if (conflicts !== baselineConflicts) {
      // The generated addresses are canonical up to letter case, so both
      // must see the same conflicts; a difference means a broken benchmark.
      throw new Error(`detector found ${conflicts} conflicts, baseline ${baselineConflicts}`);
    }
    const detectMs = r.libraryMs;
    const baselineMs = r.baselineMs;
    const previous = rows[rows.length - 1];
    rows.push({
      assignments: n,
      distinctEmails: data.distinctEmails,
      conflicts,
      detectMs,
      baselineMs,
      ratio: detectMs / baselineMs,
      detectGrowth: previous === undefined ? null : detectMs / previous.detectMs,
      baselineGrowth: previous === undefined ? null : baselineMs / previous.baselineMs,
    });
  }
  return rows;
}

/**
 * Renders benchmark rows as a plain-text table.
 *
 * @param rows - rows from {@link runConflictsBench}
 * @returns the table, one line per row under a header
 * @example
 * ```ts
 * formatConflictsBench(runConflictsBench({ sizes: [10_000] }));
 * //=> "assignments  distinct emails  conflicts  detect ms  Map group-by ms  ratio  …"
 * ```
 */
export function formatConflictsBench(rows: readonly ConflictsBenchRow[]): string {
  const header = [
    "assignments",
    "distinct emails",
    "conflicts",
    "detect ms",
    "Map group-by ms",
    "ratio",
    "detect ×/×10",
    "group-by ×/×10",
  ];
  const growth = (g: number | null) => (g === null ? "-" : g.toFixed(2));
  const lines = rows.map((r) => [
    String(r.assignments),
    String(r.distinctEmails),
    String(r.conflicts),
    r.detectMs.toFixed(2),
    r.baselineMs.toFixed(2),
    r.ratio.toFixed(2),
    growth(r.detectGrowth),
    growth(r.baselineGrowth),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  return [header, ...lines]
    .map((cells) => cells.map((c, i) => c.padStart(widths[i]!)).join("  "))
    .join("\n");
}

// Run when this file is the entry (scripts/run-ts.mjs puts the .ts path in
// argv[1]), not when bench/index.ts imports it.
if (typeof process !== "undefined" && process.argv[1]?.endsWith("conflicts.bench.ts") === true) {
  const rows = runConflictsBench({ log: (line) => console.error(line) });
  console.log(formatConflictsBench(rows));
}
