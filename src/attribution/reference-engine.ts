/**
 * The readable twin of the attribution engine: the same rules, written as
 * plainly as they are stated, with arrays, `filter` and `find`, and no
 * index at all (so it is quadratic, and meant for tests). A differential
 * property (test/attribution/differential.prop.test.ts) asserts that
 * `attributeManagedCredit` returns exactly what this returns, every share,
 * point, decision, evidence and lost credit, on thousands of seeded
 * scenarios. It takes valid input only (what `attributeManagedCredit`
 * accepts); it does not validate. Internal: not exported from the package.
 *
 * The rules, in the words of the library's documentation:
 * - a partner services a client in a period when one of its tagged
 *   employees holds an assignment to the client that was active during the
 *   period, is not the losing side of an email conflict there, and did a
 *   qualifying activity on the client inside the period while it was active;
 * - the checks run in that order for each assignment of a (partner, client)
 *   pair; the pair is credited if any assignment passes all four, otherwise
 *   its outcome is the failure of the assignment that got furthest;
 * - the managed MRR is split evenly between the servicing partners in
 *   integer minor units, leftover units to the smaller partnerId first;
 * - 1 point per US$100 (2 in a growth market), exact until each reported
 *   number is rounded to two decimals, half up.
 *
 * @module
 */

import { parties, precedes } from "../conflicts/kernel.js";
import { parseEmailIdentity } from "../domain/email-identity.js";
import type { Activity, Assignment, Client, Money, PartnerUser } from "../model.js";
import { decimalFraction } from "./exact.js";
import { defaultCurrencyTable } from "./money.js";
import { activeWindow } from "./rules/active-window.js";
import { isEarlierEvidence } from "./rules/evidence.js";
import { GROWTH_MARKET_MULTIPLIER, MANAGED_POINTS_PER_100_USD } from "./rules/points.js";
import { evenShare } from "./rules/split.js";
import type {
  Attribution,
  AttributionInput,
  ConflictEvidence,
  CreditDecision,
  LostCredit,
  PartnerCredit,
} from "./types.js";

const keyOf = (email: string): string => {
  const parsed = parseEmailIdentity(email);
  return parsed.ok ? parsed.value.key : "";
};
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Absent timestamps sort first.
const optional = (a: number | undefined, b: number | undefined) =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a - b;

// The order that picks the reported assignment among equals, so that the
// result never depends on input order: email key, timestamps, status,
// email as entered, then input position.
function byRecord(list: readonly Assignment[]) {
  return (a: Assignment, b: Assignment): number =>
    text(keyOf(a.email), keyOf(b.email)) ||
    optional(a.assignedAt, b.assignedAt) ||
    optional(a.activatedAt, b.activatedAt) ||
    optional(a.removedAt, b.removedAt) ||
    optional(a.expiresAt, b.expiresAt) ||
    text(a.status, b.status) ||
    text(a.email, b.email) ||
    list.indexOf(a) - list.indexOf(b);
}

type Verdict =
  | { readonly stage: 0; readonly user: PartnerUser | null; readonly reason: string }
  | { readonly stage: 1; readonly user: PartnerUser; readonly reason: string }
  | {
      readonly stage: 2;
      readonly user: PartnerUser;
      readonly window: { start: number; end: number };
      readonly conflict: ConflictEvidence;
    }
  | {
      readonly stage: 3;
      readonly user: PartnerUser;
      readonly window: { start: number; end: number };
      readonly activity?: Activity;
    };

// The conflict an assignment's partner loses on its (client, address), if any.
function conflictOf(a: Assignment, all: readonly Assignment[]): ConflictEvidence | undefined {
  const key = keyOf(a.email);
  const live = all.filter(
    (b) =>
      b.clientId === a.clientId &&
      keyOf(b.email) === key &&
      (b.status === "active" || b.status === "pending_access"),
  );
  const earliest = new Map<string, { partnerId: string; email: string; assignedAt: number }>();
  for (const b of live) {
    const link = { partnerId: b.partnerId, email: b.email, assignedAt: b.assignedAt + 0 };
    const seen = earliest.get(b.partnerId);
    if (seen === undefined || precedes(link, seen)) earliest.set(b.partnerId, link);
  }
  const [holder, ...contenders] = parties(earliest.values());
  if (holder === undefined || contenders.length === 0) return undefined;
  if (!earliest.has(a.partnerId) || holder.partnerId === a.partnerId) return undefined;
  return { clientId: a.clientId, email: key, holder, contenders };
}

// The four checks, in order, for one assignment.
function verdictOf(a: Assignment, input: Lists): Verdict {
  const key = keyOf(a.email);
  const user = input.users.find((u) => u.partnerId === a.partnerId && keyOf(u.email) === key);
  if (user === undefined) return { stage: 0, user: null, reason: "unknown_user" };
  if (user.inPartnerAccount === false) return { stage: 0, user, reason: "not_in_partner_account" };
  if (!user.tagged) return { stage: 0, user, reason: "not_tagged" };
  const active = activeWindow(a, input.period);
  if (!("start" in active)) return { stage: 1, user, reason: active.reason };
  const window = { start: active.start, end: active.end };
  const conflict = conflictOf(a, input.assignments);
  if (conflict !== undefined) return { stage: 2, user, window, conflict };
  let activity: Activity | undefined;
  for (const act of input.activities) {
    const at = act.at + 0;
    const qualifies =
      act.clientId === a.clientId &&
      keyOf(act.email) === key &&
      at >= window.start &&
      at < window.end;
    if (qualifies && isEarlierEvidence(at, act.email, activity?.at ?? Number.NaN, activity?.email))
      activity = { clientId: a.clientId, email: act.email, at };
  }
  return activity === undefined ? { stage: 3, user, window } : { stage: 3, user, window, activity };
}

interface Lists {
  readonly period: { readonly start: number; readonly end: number };
  readonly clients: readonly Client[];
  readonly users: readonly PartnerUser[];
  readonly assignments: readonly Assignment[];
  readonly activities: readonly Activity[];
}

const OUTCOME = ["no_tagged_employee", "no_active_assignment", "conflict_contender"] as const;

// The decision of one (partner, client) pair from its assignments' verdicts.
function decide(pair: readonly Assignment[], input: Lists): CreditDecision {
  const order = byRecord(input.assignments);
  const judged = pair.map((assignment) => ({ assignment, verdict: verdictOf(assignment, input) }));
  const withActivity = judged.filter((j) => j.verdict.stage === 3 && j.verdict.activity);
  const { partnerId, clientId } = pair[0]!;
  if (withActivity.length > 0) {
    const [best] = withActivity.sort((x, y) => {
      const a = (x.verdict as { activity: Activity }).activity;
      const b = (y.verdict as { activity: Activity }).activity;
      return a.at - b.at || text(a.email, b.email) || order(x.assignment, y.assignment);
    });
    const v = best!.verdict as Extract<Verdict, { stage: 3 }>;
    const evidence = {
      assignment: best!.assignment,
      user: v.user,
      activeWindow: v.window,
      activity: v.activity!,
    };
    return { partnerId, clientId, outcome: "credited", evidence };
  }
  const [{ assignment, verdict }] = judged.sort(
    (x, y) => y.verdict.stage - x.verdict.stage || order(x.assignment, y.assignment),
  ) as [(typeof judged)[number]];
  const evidence =
    verdict.stage === 0 || verdict.stage === 1
      ? { assignment, user: verdict.user, reason: verdict.reason }
      : verdict.stage === 2
        ? {
            assignment,
            user: verdict.user,
            activeWindow: verdict.window,
            conflict: verdict.conflict,
          }
        : { assignment, user: verdict.user, activeWindow: verdict.window };
  const outcome = verdict.stage === 3 ? "no_qualifying_activity" : OUTCOME[verdict.stage];
  return { partnerId, clientId, outcome, evidence } as CreditDecision;
}

// US$100 units of an amount, as an exact fraction [numerator, denominator].
function units(money: Money, table: AttributionInput["currencyTable"]): [bigint, bigint] {
  const row = (table ?? defaultCurrencyTable)[money.currency]!;
  const per100 = decimalFraction(row.per100Usd)!;
  return [BigInt(money.amountMinor) * per100.den, 10n ** BigInt(row.exponent) * per100.num];
}

// Rounds a fraction of points to two decimals, half up.
function round([num, den]: [bigint, bigint]): number {
  const hundredths = (200n * num + den) / (2n * den);
  const digits = hundredths.toString().padStart(3, "0");
  return Number(`${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

const add = ([a, b]: [bigint, bigint], [c, d]: [bigint, bigint]): [bigint, bigint] => [
  a * d + c * b,
  b * d,
];

/**
 * Attributes managed credit the plain way (see the module comment).
 *
 * @param input - a valid input of `attributeManagedCredit`, with arrays
 * @returns the attribution `attributeManagedCredit` must return for it
 * @example
 * ```ts
 * expect(attributeManagedCredit(input)).toEqual({ ok: true, value: referenceAttribution(input) });
 * ```
 */
export function referenceAttribution(input: AttributionInput): Attribution {
  const period = { start: input.period.start + 0, end: input.period.end + 0 };
  const lists: Lists = {
    period,
    clients: [...input.clients],
    users: [...input.users],
    assignments: [...input.assignments],
    activities: [...input.activities].filter((a) => a.at >= period.start && a.at < period.end),
  };
  const partnerIds = [...input.partners].map((p) => p.partnerId).sort(text);
  const decisions: CreditDecision[] = [];
  for (const partnerId of partnerIds) {
    const clientIds = [
      ...new Set(lists.assignments.filter((a) => a.partnerId === partnerId).map((a) => a.clientId)),
    ];
    for (const clientId of clientIds.sort((a, b) => a - b)) {
      const pair = lists.assignments.filter(
        (a) => a.partnerId === partnerId && a.clientId === clientId,
      );
      decisions.push(decide(pair, lists));
    }
  }

  const credited = decisions.filter((d) => d.outcome === "credited");
  const partners = partnerIds.map((id) => creditOf(id, credited, lists, input.currencyTable));
  return { partners, decisions, lostCredit: lostCreditOf(lists) };
}

// Activity of users who are not tagged employees: the earliest per (user, client).
function lostCreditOf(lists: Lists): LostCredit[] {
  const lost: LostCredit[] = [];
  for (const user of lists.users) {
    if (user.tagged && user.inPartnerAccount !== false) continue;
    const key = keyOf(user.email);
    const reason = user.inPartnerAccount === false ? "not_in_partner_account" : "not_tagged";
    for (const act of lists.activities) {
      if (keyOf(act.email) !== key) continue;
      const activity = { clientId: act.clientId, email: act.email, at: act.at + 0 };
      const seen = lost.find((l) => l.user === user && l.clientId === act.clientId);
      if (seen === undefined)
        lost.push({
          partnerId: user.partnerId,
          clientId: act.clientId,
          email: key,
          user,
          reason,
          activity,
        });
      else if (
        isEarlierEvidence(activity.at, activity.email, seen.activity.at, seen.activity.email)
      )
        lost.splice(lost.indexOf(seen), 1, { ...seen, activity });
    }
  }
  return lost.sort(
    (a, b) => text(a.partnerId, b.partnerId) || a.clientId - b.clientId || text(a.email, b.email),
  );
}

// What one partner earned: its share of each client it services, and points.
function creditOf(
  partnerId: string,
  credited: readonly CreditDecision[],
  lists: Lists,
  currencyTable: AttributionInput["currencyTable"],
): PartnerCredit {
  const clientOf = (clientId: number) => lists.clients.find((c) => c.clientId === clientId)!;

  const clients = credited
    .filter((d) => d.partnerId === partnerId)
    .map(({ clientId }) => {
      const client = clientOf(clientId);
      const servicing = credited.filter((d) => d.clientId === clientId).map((d) => d.partnerId);
      const amountMinor = evenShare(
        client.mrr.amountMinor,
        servicing.length,
        servicing.indexOf(partnerId),
      );
      const share = { amountMinor, currency: client.mrr.currency };
      const multiplier = BigInt(
        MANAGED_POINTS_PER_100_USD * (client.growthMarket === true ? GROWTH_MARKET_MULTIPLIER : 1),
      );
      const [num, den] = units(share, currencyTable);
      return { clientId, share, exact: [num * multiplier, den] as [bigint, bigint] };
    });
  const currencies = [...new Set(clients.map((c) => c.share.currency))].sort(text);
  return {
    partnerId,
    points: round(clients.reduce((sum, c) => add(sum, c.exact), [0n, 1n] as [bigint, bigint])),
    managedMrr: currencies.map((currency) => ({
      amountMinor: clients
        .filter((c) => c.share.currency === currency)
        .reduce((sum, c) => sum + c.share.amountMinor, 0),
      currency,
    })),
    clients: clients.map(({ clientId, share, exact }) => ({
      clientId,
      share,
      points: round(exact),
    })),
  };
}
