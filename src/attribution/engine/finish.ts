/**
 * Turning the evidence into the result: a decision per (partner, client)
 * pair (rules/checks.ts), the even split of each client's MRR between its
 * servicing partners (rules/split.ts), the points (rules/points.ts, exact
 * until each reported number is rounded), and the lost credit. Internal.
 *
 * @module
 */

import type { PartnerUser } from "../../model.js";
import { err, ok, type Result } from "../../result.js";
import type { PointRate } from "../money.js";
import { pointsOfAmount, pointsOfWeightedSums } from "../points.js";
import { INACTIVE_REASONS } from "../rules/active-window.js";
import { EMPLOYEE_STATUSES, STAGE_OUTCOMES, Stage } from "../rules/checks.js";
import { isEarlierEvidence } from "../rules/evidence.js";
import { managedMultiplier } from "../rules/points.js";
import { evenShare } from "../rules/split.js";
import type {
  Attribution,
  AttributionError,
  AttributionIssue,
  CreditDecision,
  CreditedClient,
  LostCredit,
  PartnerCredit,
} from "../types.js";
import { userOfAssignment } from "./assignments.js";
import { compareText, push, refuse } from "./issues.js";
import type { Evidence, LedgerData } from "./ledger-data.js";
import { reportedFirst } from "./order.js";

/**
 * The attribution, or every issue.
 *
 * @param data - the index, with checks 1–3 done and the furthest assignments picked
 * @param evidence - what the activities showed
 * @param positions - per partner, where its record was (for `amount_overflow`)
 * @returns the result
 */
export function finish(
  data: LedgerData,
  evidence: Evidence,
  positions: readonly number[],
): Result<Attribution, AttributionError> {
  const all = [...data.issues, ...evidence.issues];
  if (all.length > 0) return refuse(all);
  const creditedBy = creditedAssignments(data, evidence);
  const { decisions, credited } = decide(data, evidence, creditedBy);
  const partners = partnerCredits(data, credited, positions);
  if (!Array.isArray(partners)) return err(partners);
  return ok({ partners, decisions, lostCredit: lostCreditOf(data, evidence) });
}

// Check 4 passed: per pair, the assignment with the earliest qualifying
// activity (the evidence rule), and of two alike the one reported first.
function creditedAssignments(data: LedgerData, evidence: Evidence): Int32Array {
  const { n, assignmentPair } = data;
  const { at, email } = evidence;
  const creditedBy = new Int32Array(data.pairRank.length).fill(-1);
  for (let index = 0; index < n; index++) {
    const t = at[index]!;
    const pair = assignmentPair[index]!;
    const c = creditedBy[pair]!;
    if (
      !Number.isNaN(t) &&
      (c < 0 ||
        isEarlierEvidence(t, email[index]!, at[c]!, email[c]) ||
        (t === at[c] && email[index] === email[c] && reportedFirst(data, index, c)))
    )
      creditedBy[pair] = index;
  }
  return creditedBy;
}

// Decisions, partner by partner in partnerId order, clients ascending; the
// credited pairs come out in the same order.
function decide(
  data: LedgerData,
  evidence: Evidence,
  creditedBy: Int32Array,
): { decisions: CreditDecision[]; credited: number[] } {
  const { pairRank, pairClient, clientIds } = data;
  const decisions: CreditDecision[] = [];
  const credited: number[] = [];
  const sorted = pairsByPartner(data);
  // Within a partner, clients ascending (a partner's pairs are consecutive);
  // one plain array is reused for the sort.
  const list: number[] = [];
  const byClient = (x: number, y: number) =>
    clientIds[pairClient[x]!]! - clientIds[pairClient[y]!]!;
  for (let from = 0; from < sorted.length; ) {
    let to = from + 1;
    while (to < sorted.length && pairRank[sorted[to]!] === pairRank[sorted[from]!]) to++;
    list.length = 0;
    for (let i = from; i < to; i++) list.push(sorted[i]!);
    if (list.length > 1) list.sort(byClient);
    for (const pair of list) {
      const by = creditedBy[pair]!;
      if (by >= 0) credited.push(pair);
      decisions.push(decision(data, evidence, pair, by));
    }
    from = to;
  }
  return { decisions, credited };
}

// The pairs ordered by partner (a counting sort by rank: one array, however
// many partners there are), in order of creation within a partner.
function pairsByPartner(data: LedgerData): Int32Array {
  const { pairRank } = data;
  const start = new Int32Array(data.partnerIds.length + 1);
  for (const rank of pairRank) start[rank + 1]!++;
  for (let r = 1; r < start.length; r++) start[r]! += start[r - 1]!;
  const sorted = new Int32Array(pairRank.length);
  for (let pair = 0; pair < pairRank.length; pair++) sorted[start[pairRank[pair]!]!++] = pair;
  return sorted;
}

// One pair's decision, with the evidence of its credited assignment, or of
// the one that got furthest.
function decision(data: LedgerData, evidence: Evidence, pair: number, by: number): CreditDecision {
  const best = by >= 0 ? by : data.pairBest[pair]!;
  const clientId = data.clientIds[data.pairClient[pair]!]!;
  const u = userOfAssignment(data, best);
  const s = data.stage[best]! as Stage;
  const { span, reason } = data;
  const evidenceOf: Record<string, unknown> = {
    assignment: data.assignments[best],
    user: u >= 0 ? data.users[u] : null,
  };
  if (s === Stage.NoTaggedEmployee) evidenceOf.reason = EMPLOYEE_STATUSES[reason[best]!];
  else if (s === Stage.NoActiveAssignment) evidenceOf.reason = INACTIVE_REASONS[reason[best]!];
  else evidenceOf.activeWindow = { start: span[3 * best], end: span[3 * best + 1] };
  if (s === Stage.ConflictContender) evidenceOf.conflict = data.conflictOf.get(best);
  if (by >= 0) evidenceOf.activity = { clientId, email: evidence.email[by], at: evidence.at[by] };
  return {
    partnerId: data.partnerIds[data.pairRank[pair]!]!,
    clientId,
    outcome: by >= 0 ? "credited" : STAGE_OUTCOMES[s]!,
    evidence: evidenceOf,
  } as CreditDecision;
}

// Shares and points per partner; `amount_overflow` when a partner's managed
// MRR in one currency passes Number.MAX_SAFE_INTEGER.
function partnerCredits(
  data: LedgerData,
  credited: readonly number[],
  positions: readonly number[],
): PartnerCredit[] | AttributionError {
  const { clientsOf, totalsOf } = shares(data, credited);
  const overflow: AttributionIssue[] = [];
  const result = data.partnerIds.map((partnerId, rank): PartnerCredit => {
    const byRate = totalsOf[rank];
    // A partner with nothing credited.
    if (byRate === undefined) return { partnerId, points: 0, managedMrr: [], clients: [] };
    const totals = [...byRate].sort(([a], [b]) => compareText(a.currency, b.currency));
    const managedMrr = totals.map(([{ currency }, [plain, growth]]) => {
      const amountMinor = plain + growth;
      // Sums of non-negative numbers only grow, so an unsafe sum stays unsafe.
      if (!Number.isSafeInteger(amountMinor))
        push(
          overflow,
          "amount_overflow",
          ["partners", positions[rank]!],
          partnerId,
          `The managed MRR of partner ${JSON.stringify(partnerId)} in ${currency} exceeds ${Number.MAX_SAFE_INTEGER} minor units.`,
          { partnerId, currency },
        );
      return { amountMinor, currency };
    });
    return { partnerId, points: totalPoints(totals), managedMrr, clients: clientsOf[rank]! };
  });
  return overflow.length > 0 ? (refuse(overflow).error as AttributionError) : result;
}

// rule: the MRR is split evenly in integer minor units, largest remainder,
// leftover units to the smaller partnerId first. Credited pairs come in
// partnerId order, so the k-th one seen for a client is its k-th servicing
// partner. Returns each partner's clients and its totals per rate, as
// [plain, growth-market] minor units.
function shares(data: LedgerData, credited: readonly number[]) {
  const { clientIds, clientMrr, clientRate, clientGrowth, pairClient, pairRank } = data;
  const servicing = new Int32Array(clientIds.length);
  for (const pair of credited) servicing[pairClient[pair]!]!++;
  const seenPerClient = new Int32Array(clientIds.length);
  // Per partner (made for those with credit only): the clients it services,
  // and its totals per rate as [plain, growth-market] minor units.
  const clientsOf: CreditedClient[][] = [];
  const totalsOf: Map<PointRate, [number, number]>[] = [];
  for (const pair of credited) {
    const c = pairClient[pair]!;
    const rate = clientRate[c]!;
    const growth = clientGrowth[c]!;
    const share = evenShare(clientMrr[c]!, servicing[c]!, seenPerClient[c]!++);
    const rank = pairRank[pair]!;
    clientsOf[rank] ??= [];
    totalsOf[rank] ??= new Map();
    clientsOf[rank].push({
      clientId: clientIds[c]!,
      share: { amountMinor: share, currency: rate.currency },
      points: pointsOfAmount(share, managedMultiplier(growth), rate),
    });
    const totals = totalsOf[rank];
    const total = totals.get(rate) ?? [0, 0];
    total[growth ? 1 : 0] += share;
    totals.set(rate, total);
  }
  return { clientsOf, totalsOf };
}

// rule: each partner total is rounded from its own exact value, not summed
// from its clients' rounded points.
function totalPoints(totals: readonly (readonly [PointRate, [number, number]])[]): number {
  const [only, more] = totals;
  // Points per US$100 of the plain and the growth-market minor units.
  const plain = managedMultiplier(false);
  const growing = managedMultiplier(true);
  const weighted = only === undefined ? 0 : only[1][0] * plain + only[1][1] * growing;
  if (only !== undefined && more === undefined && Number.isSafeInteger(weighted))
    return pointsOfAmount(weighted, 1, only[0]);
  return pointsOfWeightedSums(
    totals.map(
      ([rate, [p, g]]) => [rate, BigInt(p) * BigInt(plain) + BigInt(g) * BigInt(growing)] as const,
    ),
  );
}

// Each (address, client) of lost credit, for every user of the address who
// is no tagged employee, sorted by partnerId, clientId, email.
function lostCreditOf(data: LedgerData, evidence: Evidence): LostCredit[] {
  const { keyUntagged, nextUntagged, users, userRank, userStatus, partnerIds, keys } = data;
  const lostCredit: LostCredit[] = [];
  for (const [k, byClient] of evidence.lost) {
    for (let index = keyUntagged[k]!; index >= 0; index = nextUntagged[index]!) {
      const user = users[index] as PartnerUser;
      for (const [clientId, activity] of byClient) {
        lostCredit.push({
          partnerId: partnerIds[userRank[index]!]!,
          clientId,
          email: keys[k]!,
          user,
          reason: EMPLOYEE_STATUSES[userStatus[index]! as 1 | 2],
          activity,
        });
      }
    }
  }
  return lostCredit.sort(
    (a, b) =>
      compareText(a.partnerId, b.partnerId) ||
      a.clientId - b.clientId ||
      compareText(a.email, b.email),
  );
}
