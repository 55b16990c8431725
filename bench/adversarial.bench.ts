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
 * node --expose-gc scripts/run-ts.mjs bench/adversarial.bench.ts [sizes…]
 * ```
 *
 * @module
 */

import { attributeManagedCredit } from "../src/attribution/managed-credit.js";
import { startAttribution } from "../src/attribution/streaming.js";
import { classifyUsers } from "../src/classification/classify-user.js";
import { type DomainClaim, detectDomainConflicts } from "../src/conflicts/domain-conflicts.js";
import { detectEmailConflicts } from "../src/conflicts/email-conflicts.js";
import type { Activity, Assignment, Client, Partner, PartnerUser, Period } from "../src/model.js";
import { exposeGc, growth, markdownTable, median } from "./lib.js";

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
    const { activities: _, ...reference } = input;
    return startAttribution(reference);
  },
  detectEmailConflicts: (input: AdversarialInput) =>
    detectEmailConflicts(input.assignments, input.partners),
  detectDomainConflicts: (input: AdversarialInput) => detectDomainConflicts(input.claims),
  classifyUsers: (input: AdversarialInput) => classifyUsers(input.users, input.partners[0]!),
} as const;
export type Subject = keyof typeof SUBJECTS;

/** One timed row. */
export interface AdversarialRow {
  readonly subject: Subject;
  readonly shape: Shape;
  readonly n: number;
  readonly ms: number;
  readonly growth: string;
}

/**
 * Times every function on every shape at every size (median of `runs`).
 *
 * @param options - sizes, runs, and a log for progress
 * @returns the rows, sizes ascending within each (function, shape)
 */
export function runAdversarialBench(
  options: {
    sizes?: readonly number[];
    runs?: (n: number) => number;
    log?: (line: string) => void;
    check?: (subject: Subject, shape: Shape, result: unknown) => void;
  } = {},
): AdversarialRow[] {
  const { sizes = [10_000, 100_000, 1_000_000], runs = (n: number) => (n >= 1_000_000 ? 1 : 3) } =
    options;
  const gc = exposeGc();
  const rows: AdversarialRow[] = [];
  for (const shape of SHAPES) {
    const inputs = new Map(sizes.map((n) => [n, generateAdversarial(shape, n)]));
    for (const subject of Object.keys(SUBJECTS) as Subject[]) {
      let previous: number | undefined;
      for (const n of sizes) {
        const input = inputs.get(n)!;
        const times: number[] = [];
        // One untimed run first below 10^6 (the 10^6 run follows the smaller
        // ones, so the code is warm), then the median of the timed ones.
        for (let run = n < 1_000_000 ? -1 : 0; run < runs(n); run++) {
          gc?.();
          const t = performance.now();
          const result = SUBJECTS[subject](input);
          if (run >= 0) times.push(performance.now() - t);
          if (run === 0) options.check?.(subject, shape, result);
        }
        const ms = median(times);
        rows.push({ subject, shape, n, ms, growth: growth(ms, previous) });
        options.log?.(`${subject} ${shape} ${n}: ${ms.toFixed(1)} ms`);
        previous = ms;
      }
    }
    inputs.clear();
  }
  return rows;
}

/**
 * Renders the rows as a Markdown table.
 *
 * @param rows - from {@link runAdversarialBench}
 * @returns the table
 */
export function formatAdversarialBench(rows: readonly AdversarialRow[]): string {
  return markdownTable(
    ["function", "shape", "n", "ms", "growth per ×10"],
    rows.map((r) => [r.subject, r.shape, String(r.n), r.ms.toFixed(1), r.growth]),
  );
}

// Run when this file is the entry (scripts/run-ts.mjs puts the .ts path in
// argv[1]), not when bench/index.ts imports it.
if (process.argv[1]?.endsWith("adversarial.bench.ts") === true) {
  const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
  const rows = runAdversarialBench({
    ...(sizes.length > 0 ? { sizes } : {}),
    log: (line) => console.error(`  … ${line}`),
  });
  console.log(formatAdversarialBench(rows));
}
