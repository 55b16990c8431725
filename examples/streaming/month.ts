// The work of the streaming example, without threads: generate a month of a
// partner program, split its activity into chunks, feed each chunk to its
// own state (through JSON, as a queue would carry it), merge the parts and
// finish; and the one-shot run to compare with. main.ts runs the chunks in
// worker threads; test/attribution/streaming-example.test.ts runs them here.

import { mulberry32 } from "../../bench/lib.js";
import {
  type Activity,
  type Assignment,
  type Attribution,
  type AttributionInput,
  type AttributionStartInput,
  type AttributionState,
  addActivities,
  attributeManagedCredit,
  type Client,
  finishAttribution,
  mergeAttributionStates,
  type Partner,
  type PartnerUser,
  startAttribution,
} from "../../src/index.js";

/** How big a month to generate. */
export interface MonthOptions {
  readonly partners: number;
  readonly clients: number;
  /** Employees per partner. */
  readonly employees: number;
  readonly assignmentsPerClient: number;
  readonly activities: number;
  readonly seed: number;
}

/** A small month, for tests. */
export const SMALL_MONTH: MonthOptions = {
  partners: 20,
  clients: 500,
  employees: 10,
  assignmentsPerClient: 4,
  activities: 20_000,
  seed: 7,
};

const DAY = 86_400_000;
const JANUARY = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };
const CURRENCIES = ["USD", "USD", "EUR", "GBP", "JPY"];

/**
 * A month of a partner program: partners with employees (a few untagged),
 * clients with assignments (mostly active, some pending or removed; a few
 * freelancers linked by two partners), and activity events in and around
 * January 2026.
 */
export function generateMonth(options: MonthOptions): {
  reference: AttributionStartInput;
  activities: Activity[];
} {
  const rand = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const partners: Partner[] = [];
  const users: PartnerUser[] = [];
  for (let p = 0; p < options.partners; p++) {
    const partnerId = `partner-${String(p).padStart(3, "0")}`;
    partners.push({
      partnerId,
      program: p % 4 === 0 ? "provider" : "partner",
      employeeDomains: [`${partnerId}.com`],
    });
    for (let e = 0; e < options.employees; e++) {
      users.push({ partnerId, email: `employee${e}@${partnerId}.com`, tagged: rand() < 0.95 });
    }
  }
  // Freelancers: one address, a user of two partners.
  for (let f = 0; f < options.partners; f++) {
    const email = `freelancer${f}@gmail.com`;
    users.push({ partnerId: partners[f]!.partnerId, email, tagged: true });
    users.push({
      partnerId: partners[(f + 1) % options.partners]!.partnerId,
      email: email.toUpperCase(),
      tagged: true,
    });
  }
  const clients: Client[] = [];
  const assignments: Assignment[] = [];
  for (let c = 1; c <= options.clients; c++) {
    const currency = pick(CURRENCIES);
    clients.push({
      clientId: 100_000 + c,
      mrr: {
        amountMinor: Math.floor(rand() * (currency === "JPY" ? 5_000_000 : 500_000)),
        currency,
      },
      growthMarket: rand() < 0.1,
    });
    for (let k = 0; k < options.assignmentsPerClient; k++) {
      const user = pick(users);
      const assignedAt = JANUARY.start - Math.floor(rand() * 90) * DAY;
      const r = rand();
      const base = {
        partnerId: user.partnerId,
        clientId: 100_000 + c,
        email: user.email,
        assignedAt,
      };
      assignments.push(
        r < 0.75
          ? { ...base, status: "active", activatedAt: assignedAt + DAY }
          : r < 0.85
            ? { ...base, status: "pending_access" }
            : {
                ...base,
                status: "removed",
                activatedAt: assignedAt + DAY,
                removedAt: JANUARY.start + Math.floor(rand() * 31) * DAY,
              },
      );
    }
  }
  const activities: Activity[] = [];
  for (let i = 0; i < options.activities; i++) {
    const a = pick(assignments);
    activities.push({
      clientId: a.clientId,
      email: a.email,
      at: JANUARY.start - 3 * DAY + Math.floor(rand() * 37 * DAY),
    });
  }
  return { reference: { period: JANUARY, partners, clients, users, assignments }, activities };
}

/** Splits a list into `n` consecutive chunks of nearly equal length. */
export function splitInto<T>(items: readonly T[], n: number): T[][] {
  const size = Math.ceil(items.length / n);
  return Array.from({ length: n }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** What one worker does: a state and a chunk in, as JSON; the state with the chunk added out, as JSON. */
export function processChunk(stateJson: string, activitiesJson: string): string {
  const state = JSON.parse(stateJson) as AttributionState;
  const activities = JSON.parse(activitiesJson) as Activity[];
  // Batches, as a worker reading a queue would take them.
  let next = state;
  for (let i = 0; i < activities.length; i += 10_000)
    next = addActivities(next, activities.slice(i, i + 10_000));
  return JSON.stringify(next);
}

/** Merges the parts (in the order given: any order gives the same result) and finishes. */
export function mergeAndFinish(parts: readonly string[]): Attribution {
  let merged: AttributionState | undefined;
  for (const part of parts) {
    const state = JSON.parse(part) as AttributionState;
    if (merged === undefined) {
      merged = state;
      continue;
    }
    const result = mergeAttributionStates(merged, state);
    if (!result.ok) throw new Error(`merge refused: ${result.error.message}`);
    merged = result.value;
  }
  if (merged === undefined) throw new Error("no parts to merge");
  const finished = finishAttribution(merged);
  if (!finished.ok) throw new Error(`finish refused: ${finished.error.message}`);
  return finished.value;
}

/** The started state of a month, as JSON (what main.ts hands each worker). */
export function startMonth(reference: AttributionStartInput): string {
  const started = startAttribution(reference);
  if (!started.ok) throw new Error(`reference refused: ${started.error.message}`);
  return JSON.stringify(started.value);
}

/** The one-shot run, to compare with. */
export function oneShot(reference: AttributionStartInput, activities: Activity[]): Attribution {
  const input: AttributionInput = { ...reference, activities };
  const result = attributeManagedCredit(input);
  if (!result.ok) throw new Error(`one-shot run refused: ${result.error.message}`);
  return result.value;
}

/** The totals the example prints: per partner points and managed MRR, and the sums. */
export function totals(attribution: Attribution): {
  readonly partners: number;
  readonly credited: number;
  readonly points: number;
  readonly managedMrr: Readonly<Record<string, number>>;
  readonly top: readonly (readonly [string, number, number])[];
} {
  const managedMrr: Record<string, number> = {};
  let points = 0;
  for (const p of attribution.partners) {
    points += p.points;
    for (const m of p.managedMrr)
      managedMrr[m.currency] = (managedMrr[m.currency] ?? 0) + m.amountMinor;
  }
  const top = [...attribution.partners]
    .sort((a, b) => b.points - a.points || (a.partnerId < b.partnerId ? -1 : 1))
    .slice(0, 5)
    .map((p) => [p.partnerId, p.points, p.clients.length] as const);
  return {
    partners: attribution.partners.length,
    credited: attribution.decisions.filter((d) => d.outcome === "credited").length,
    points: Math.round(points * 100) / 100,
    managedMrr,
    top,
  };
}

/** The whole example in one thread: the streamed and the one-shot attribution. */
export function runWithoutThreads(
  options: MonthOptions,
  chunks: number,
): { streamed: Attribution; oneShot: Attribution } {
  const { reference, activities } = generateMonth(options);
  const state = startMonth(reference);
  const parts = splitInto(activities, chunks).map((chunk) =>
    processChunk(state, JSON.stringify(chunk)),
  );
  // Merged in reverse: the order does not matter.
  return { streamed: mergeAndFinish(parts.reverse()), oneShot: oneShot(reference, activities) };
}
