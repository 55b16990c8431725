/**
 * Adversarial shapes: the inputs where a lookup that walks a chain (every
 * user of one address, every partner of one client) would make attribution
 * or conflict detection quadratic. Each shape is timed at growing sizes and
 * the growth per ×10 is reported: linear is ×10, n log n a little more; the
 * goal is at most ×12.
 *
 * - `shared-address`: one client and one address (`office@gmail.com`, a
 *   shared freelancer) assigned by n distinct partners: one conflict with
 *   n − 1 contenders.
 * - `users-one-address`: n partners each with a user on that one address,
 *   each assigned to its own client, and an activity on each client.
 * - `one-client`: one client serviced by n partners, each with its own
 *   employee and an activity: an even split n ways.
 *
 * Domain claims follow the same shapes: n partners holding one domain
 * (`shared-address`), one partner's domain with subdomain matching and the
 * n − 1 others each holding a subdomain of it (`users-one-address`), and n
 * partners each on a domain of its own (`one-client`). `classifyUsers`
 * classifies all n users against one partner.
 *
 * ```sh
 * node --expose-gc scripts/run-ts.mjs bench/adversarial.bench.ts [sizes…] [functions…]
 * ```
 *
 * @module
 */

import { attributeManagedCredit } from "../src/attribution/managed-credit.js";
import { clearAttributionStateMemo } from "../src/attribution/state-memo.js";
import { startAttribution } from "../src/attribution/streaming.js";
import type { PartnerCredit } from "../src/attribution/types.js";
import { classifyUsers } from "../src/classification/classify-user.js";
import { type DomainClaim, detectDomainConflicts } from "../src/conflicts/domain-conflicts.js";
import { detectEmailConflicts } from "../src/conflicts/email-conflicts.js";
import type { Activity, Assignment, Client, Partner, PartnerUser, Period } from "../src/model.js";
import { baselineGroupBy as attributionBaseline } from "./attribution.bench.js";
import { exposeGc, growth, markdownTable, type SideBySide, sideBySideAsync } from "./lib.js";

const PERIOD: Period = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };
const DAY = 86_400_000;

/** The input of one adversarial shape. */
export interface AdversarialInput {
  readonly period: Period;
  readonly partners: Partner[];
  readonly clients: Client[];
  readonly users: PartnerUser[];
  readonly assignments: Assignment[];
  readonly activities: Activity[];
  /** The partners' domain claims, in the same shape. */
  readonly claims: DomainClaim[];
}

/** The adversarial shapes, by name. */
export const SHAPES = ["shared-address", "users-one-address", "one-client"] as const;
export type Shape = (typeof SHAPES)[number];

const id = (i: number) => `p${String(i).padStart(7, "0")}`;

/**
 * Generates one shape with n partners (and n assignments).
 *
 * @param shape - which shape
 * @param n - the number of partners and assignments
 * @returns the attribution input
 */
export function generateAdversarial(shape: Shape, n: number): AdversarialInput {
  const partners: Partner[] = [];
  const users: PartnerUser[] = [];
  const assignments: Assignment[] = [];
  const activities: Activity[] = [];
  const clients: Client[] = [];
  const claims: DomainClaim[] = [];
  const clientCount = shape === "users-one-address" ? n : 1;
  for (let c = 1; c <= clientCount; c++)
    clients.push({ clientId: c, mrr: { amountMinor: 100_000 + c, currency: "USD" } });
  for (let i = 0; i < n; i++) {
    const partnerId = id(i);
    // One address for all, or one per partner (on one domain, so that the
    // time is not spent canonicalising n domain names).
    const email = shape === "one-client" ? `jane.${i}@agency.io` : "office@gmail.com";
    const clientId = shape === "users-one-address" ? i + 1 : 1;
    partners.push({ partnerId, program: "partner", employeeDomains: [`${partnerId}.io`] });
    // A few untagged users, so that lost credit is computed too (a bounded
    // number: each of them loses credit on every client the address works on).
    users.push({ partnerId, email, tagged: i % Math.max(1, Math.floor(n / 4)) !== 1 });
    assignments.push({
      partnerId,
      clientId,
      email,
      status: "active",
      assignedAt: PERIOD.start - DAY + (i % 1000),
      activatedAt: PERIOD.start - DAY + (i % 1000),
    });
    activities.push({ clientId, email, at: PERIOD.start + (i % 28) * DAY });
    claims.push(claimOf(shape, partnerId, i));
  }
  return { period: PERIOD, partners, clients, users, assignments, activities, claims };
}

/** Partner i's claim in a shape: one domain for all, subdomains of partner 0's, or its own. */
function claimOf(shape: Shape, partnerId: string, i: number): DomainClaim {
  const claimedAt = PERIOD.start - DAY + (i % 1000);
  if (shape === "shared-address") return { partnerId, domain: "agency.io", claimedAt };
  if (shape === "one-client") return { partnerId, domain: `${partnerId}.io`, claimedAt };
  return i === 0
    ? { partnerId, domain: "agency.io", claimedAt, matchSubdomains: true }
    : { partnerId, domain: `${partnerId}.agency.io`, claimedAt };
}

/** What each function is timed on. */
export const SUBJECTS = {
  attributeManagedCredit: (input: AdversarialInput) => attributeManagedCredit(input),
  startAttribution: (input: AdversarialInput) => {
    // Each call as a first call: not the ledger a previous run left in the
    // memo (a state's reference is memoised by its fingerprint).
    clearAttributionStateMemo();
    const { activities: _, ...reference } = input;
    return startAttribution(reference);
  },
  detectEmailConflicts: (input: AdversarialInput) =>
    detectEmailConflicts(input.assignments, input.partners),
  detectDomainConflicts: (input: AdversarialInput) => detectDomainConflicts(input.claims),
  classifyUsers: (input: AdversarialInput) => classifyUsers(input.users, input.partners[0]!),
} as const;
export type Subject = keyof typeof SUBJECTS;

/**
 * The bare baseline of conflict detection on these shapes: the least work
 * that answers "which (client, address) pairs do two partners link, by
 * whom, holder first", with `Map`s keyed by client and lower-cased address
 * and by partnerId, no address parsing, no validation and no resolutions:
 * each partner's earliest live link per group, then the parties of every
 * contested group sorted by the link order.
 *
 * @param input - the shape's data
 * @returns the number of contenders over all conflicts
 * @example
 * ```ts
 * conflictsBaseline(generateAdversarial("shared-address", 100)); //=> 99
 * ```
 */
export function conflictsBaseline(input: AdversarialInput): number {
  const groups = new Map<string, Map<string, Assignment>>();
  for (const a of input.assignments) {
    if (a.status === "removed" || a.status === "expired") continue;
    const key = `${a.clientId}\u0000${a.email.toLowerCase()}`;
    let byPartner = groups.get(key);
    if (byPartner === undefined) {
      byPartner = new Map();
      groups.set(key, byPartner);
    }
    const seen = byPartner.get(a.partnerId);
    if (seen === undefined || a.assignedAt < seen.assignedAt) byPartner.set(a.partnerId, a);
  }
  let contenders = 0;
  for (const byPartner of groups.values()) {
    if (byPartner.size < 2) continue;
    const parties = [...byPartner.values()].sort((a, b) =>
      a.assignedAt !== b.assignedAt
        ? a.assignedAt - b.assignedAt
        : a.partnerId < b.partnerId
          ? -1
          : 1,
    );
    contenders += parties.length - 1;
  }
  return contenders;
}

/**
 * The bare baseline of domain-conflict detection on these shapes: claims
 * grouped by lower-cased domain in a `Map`, and each claim's ancestors
 * looked up among the domains claimed with subdomain matching; no
 * canonicalisation, no validation.
 *
 * @param input - the shape's data
 * @returns the number of contenders over all conflicts
 * @example
 * ```ts
 * domainConflictsBaseline(generateAdversarial("shared-address", 100)); //=> 99
 * ```
 */
export function domainConflictsBaseline(input: AdversarialInput): number {
  const byDomain = new Map<string, Set<string>>();
  const wildcard = new Set<string>();
  for (const c of input.claims) {
    const domain = c.domain.toLowerCase();
    const partners = byDomain.get(domain) ?? new Set<string>();
    byDomain.set(domain, partners);
    partners.add(c.partnerId);
    if (c.matchSubdomains === true) wildcard.add(domain);
  }
  // Each ancestor with subdomain matching gathers the partners under it.
  const under = new Map<string, Set<string>>();
  for (const [domain, partners] of byDomain) {
    for (let dot = domain.indexOf("."); dot >= 0; dot = domain.indexOf(".", dot + 1)) {
      const ancestor = domain.slice(dot + 1);
      if (!wildcard.has(ancestor)) continue;
      const all = under.get(ancestor) ?? new Set(byDomain.get(ancestor));
      under.set(ancestor, all);
      for (const p of partners) all.add(p);
    }
  }
  let contenders = 0;
  for (const [domain, partners] of byDomain)
    if (!under.has(domain) && partners.size > 1) contenders += partners.size - 1;
  for (const partners of under.values()) contenders += partners.size - 1;
  return contenders;
}

/**
 * The bare baseline of classification: each user's domain (after the last
 * `@`, lower-cased) looked up in a `Set` of the partner's domains.
 *
 * @param input - the shape's data
 * @returns how many users match the first partner's domains
 * @example
 * ```ts
 * classifyBaseline(generateAdversarial("one-client", 100)); //=> 0
 * ```
 */
export function classifyBaseline(input: AdversarialInput): number {
  const domains = new Set(input.partners[0]!.employeeDomains.map((d) => d.toLowerCase()));
  let matches = 0;
  for (const u of input.users)
    if (domains.has(u.email.slice(u.email.lastIndexOf("@") + 1).toLowerCase())) matches++;
  return matches;
}

/**
 * The bare baseline of each function, on the same input: the attribution
 * bench's `Map` group-by (tagged users, activity times per client and
 * address, holders, contenders, servicing partners and an even split), for
 * `startAttribution` the same without activities,
 * {@link conflictsBaseline} and {@link domainConflictsBaseline} for conflict
 * detection, {@link classifyBaseline} for classification.
 */
export const BASELINES: Record<Subject, (input: AdversarialInput) => unknown> = {
  attributeManagedCredit: (input) => attributionBaseline(input),
  startAttribution: (input) => attributionBaseline({ ...input, activities: [] }),
  detectEmailConflicts: (input) => conflictsBaseline(input),
  detectDomainConflicts: (input) => domainConflictsBaseline(input),
  classifyUsers: (input) => classifyBaseline(input),
};

/** One timed row: a function on a shape at one size, next to its baseline. */
export interface AdversarialRow {
  readonly subject: Subject;
  readonly shape: Shape;
  readonly n: number;
  /** Median wall time of the function, ms. */
  readonly ms: number;
  /** Median CPU time (user + system) of the function, ms. */
  readonly cpuMs: number;
  /** Median wall and CPU time of the bare baseline, ms. */
  readonly baselineMs: number;
  readonly baselineCpuMs: number;
  /** Wall time over the previous size's ("-" on the first size). */
  readonly growth: string;
  /** CPU time over the previous size's. */
  readonly cpuGrowth: string;
  /** The baseline's CPU time over the previous size's. */
  readonly baselineCpuGrowth: string;
  /**
   * The CPU growth over the baseline's: how much faster than a bare `Map`
   * loop on the same data the function grows. Where the data leaves the
   * processor's caches (10^5 → 10^6 records here), a linear loop grows by
   * more than ×10, and this ratio tells the algorithm from the machine.
   */
  readonly relativeGrowth: string;
}

// The library's answer in the baseline's terms, so that a benchmark whose
// two sides stop answering the same question fails (as the others do).
function agree(subject: Subject, result: unknown, baseline: unknown): void {
  if (subject === "classifyUsers") {
    const matches = (result as { counts: { byKind: { domain_match: number } } }).counts.byKind
      .domain_match;
    if (matches !== baseline)
      throw new Error(`classifyUsers matched ${matches} users, baseline ${String(baseline)}`);
    return;
  }
  if (subject === "detectEmailConflicts" || subject === "detectDomainConflicts") {
    const contenders = (result as { contenders: unknown[] }[]).reduce(
      (sum, c) => sum + c.contenders.length,
      0,
    );
    if (contenders !== baseline)
      throw new Error(`detector found ${contenders} contenders, baseline ${String(baseline)}`);
    return;
  }
  const r = result as { ok: boolean; value?: { partners?: PartnerCredit[] } };
  if (!r.ok) throw new Error(`${subject} refused the benchmark input`);
  if (subject === "startAttribution") return;
  const totals = new Map<string, number>();
  for (const p of r.value!.partners!)
    if (p.clients.length > 0)
      totals.set(
        p.partnerId,
        p.clients.reduce((sum, c) => sum + c.share.amountMinor, 0),
      );
  const expected = baseline as Map<string, number>;
  if (totals.size !== expected.size || [...expected].some(([id, t]) => totals.get(id) !== t))
    throw new Error(`${subject}: the library's shares differ from the baseline's`);
}

/**
 * Times every function on every shape at every size, side by side with its
 * bare baseline (median of `runs`: 9 at 10^4, 3 at 10^5, 1 at 10^6; after
 * two untimed runs below 10^6 and one at 10^6, so that every size is timed
 * warm: the first call on an input also hashes its strings for the first
 * time and grows the heap). Sizes are timed in ascending order, each with
 * only its own input live, and every call comes from the event loop with
 * the previous results dropped (see `sideBySideAsync`).
 *
 * @param options - sizes, runs, a log for progress, and a check of each result
 * @returns the rows, sizes ascending within each (function, shape)
 * @example
 * ```ts
 * const rows = await runAdversarialBench({ sizes: [1_000, 10_000] });
 * rows[1].cpuGrowth; //=> e.g. "×10.4"
 * ```
 */
export async function runAdversarialBench(
  options: {
    sizes?: readonly number[];
    /** Which functions to time (default: all). */
    subjects?: readonly Subject[];
    runs?: (n: number) => number;
    log?: (line: string) => void;
    check?: (subject: Subject, shape: Shape, result: unknown) => void;
  } = {},
): Promise<AdversarialRow[]> {
  const {
    sizes = [10_000, 100_000, 1_000_000],
    subjects = Object.keys(SUBJECTS) as Subject[],
    runs = (n: number) => (n >= 1_000_000 ? 1 : n >= 100_000 ? 3 : 9),
  } = options;
  const gc = exposeGc();
  const timed = new Map<string, SideBySide<unknown, unknown>>();
  for (const shape of SHAPES) {
    for (const n of sizes) {
      // Only this size's input is live while it is timed, so that a
      // collection during a small run does not walk the largest input.
      const input = generateAdversarial(shape, n);
      for (const subject of subjects) {
        const r = await sideBySideAsync(
          () => SUBJECTS[subject](input),
          () => BASELINES[subject](input),
          { runs: runs(n), warmup: n < 1_000_000 ? 2 : 1, gc },
        );
        options.check?.(subject, shape, r.library);
        agree(subject, r.library, r.baseline);
        options.log?.(
          `${subject} ${shape} ${n}: ${r.libraryMs.toFixed(1)} ms wall, ${r.libraryCpuMs.toFixed(1)} ms CPU; baseline ${r.baselineMs.toFixed(1)} / ${r.baselineCpuMs.toFixed(1)} ms`,
        );
        // Only the times are kept: the results would keep the input alive.
        timed.set(`${subject} ${shape} ${n}`, { ...r, library: null, baseline: null });
      }
    }
  }
  const rows: AdversarialRow[] = [];
  for (const shape of SHAPES) {
    for (const subject of subjects) {
      let previous: AdversarialRow | undefined;
      for (const n of sizes) {
        const r = timed.get(`${subject} ${shape} ${n}`)!;
        const row: AdversarialRow = {
          subject,
          shape,
          n,
          ms: r.libraryMs,
          cpuMs: r.libraryCpuMs,
          baselineMs: r.baselineMs,
          baselineCpuMs: r.baselineCpuMs,
          growth: growth(r.libraryMs, previous?.ms),
          cpuGrowth: growth(r.libraryCpuMs, previous?.cpuMs),
          baselineCpuGrowth: growth(r.baselineCpuMs, previous?.baselineCpuMs),
          relativeGrowth:
            previous === undefined
              ? "-"
              : growth(r.libraryCpuMs / r.baselineCpuMs, previous.cpuMs / previous.baselineCpuMs),
        };
        rows.push(row);
        previous = row;
      }
    }
  }
  return rows;
}

/**
 * Renders the rows as a Markdown table: wall and CPU time of the function,
 * its CPU time per partner in µs, the baseline's, the growth per ×10 of
 * each, and the function's growth over the baseline's.
 *
 * @param rows - from {@link runAdversarialBench}
 * @returns the table
 * @example
 * ```ts
 * formatAdversarialBench(await runAdversarialBench({ sizes: [1_000] }));
 * //=> "| function | shape | n | wall ms | CPU ms | …"
 * ```
 */
export function formatAdversarialBench(rows: readonly AdversarialRow[]): string {
  return markdownTable(
    [
      "function",
      "shape",
      "n",
      "wall ms",
      "CPU ms",
      "CPU µs/n",
      "baseline wall ms",
      "baseline CPU ms",
      "growth wall",
      "growth CPU",
      "baseline growth CPU",
      "growth over baseline's",
    ],
    rows.map((r) => [
      r.subject,
      r.shape,
      String(r.n),
      r.ms.toFixed(1),
      r.cpuMs.toFixed(1),
      ((1000 * r.cpuMs) / r.n).toFixed(2),
      r.baselineMs.toFixed(1),
      r.baselineCpuMs.toFixed(1),
      r.growth,
      r.cpuGrowth,
      r.baselineCpuGrowth,
      r.relativeGrowth,
    ]),
  );
}

// Run when this file is the entry (scripts/run-ts.mjs puts the .ts path in
// argv[1]), not when bench/index.ts imports it.
if (process.argv[1]?.endsWith("adversarial.bench.ts") === true) {
  const args = process.argv.slice(2);
  const sizes = args.map(Number).filter(Number.isFinite);
  const subjects = args.filter((a): a is Subject => Object.hasOwn(SUBJECTS, a));
  const rows = await runAdversarialBench({
    ...(sizes.length > 0 ? { sizes } : {}),
    ...(subjects.length > 0 ? { subjects } : {}),
    log: (line) => console.error(`  … ${line}`),
  });
  console.log(formatAdversarialBench(rows));
}
