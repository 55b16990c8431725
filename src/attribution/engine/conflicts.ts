/**
 * Check 3: an assignment is not a conflict contender. The rule lives in the
 * conflicts kernel (src/conflicts/kernel.ts), the one `detectEmailConflicts`
 * applies: in a (client, address) group linked by two or more partners, the
 * live (pending or active) assignments link the address, each partner is
 * represented by its earliest link, the earliest of those (ties: the
 * smaller partnerId) holds it, and an assignment of any other partner with a
 * live link there, that passed checks 1 and 2, is a contender. Only
 * contested groups are examined, so this stays linear. Internal.
 *
 * @module
 */

import { compareLinks, groupCell, precedes } from "../../conflicts/kernel.js";
import type { Assignment } from "../../model.js";
import { Stage } from "../rules/checks.js";
import type { LedgerData } from "./ledger-data.js";

/**
 * Runs check 3 on every contested group, marking the contenders. The
 * conflict of a group is kept once, under the group's latest member
 * ({@link conflictOfAssignment} finds it from any member).
 *
 * @param data - the index, with the assignments read
 */
export function findContenders(data: LedgerData): void {
  const { groups, assignmentKey, assignmentPair, pairClient } = data;
  const examined = new Set<number>();
  // Per partner rank, its earliest live link in the group being examined
  // (-1: none); reset after each group, so a group costs its members only.
  let earliest: Int32Array | null = null;
  for (const member of data.issues.length === 0 ? data.contested : []) {
    const g = groupCell(groups, pairClient[assignmentPair[member]!]!, assignmentKey[member]!);
    if (examined.has(g)) continue;
    examined.add(g);
    earliest ??= new Int32Array(data.partnerIds.length).fill(-1);
    examineGroup(data, groups.cells[g + 2]! - 1, data.keys[assignmentKey[member]!]!, earliest);
  }
}

// A live link (pending or active) links the address; removed and expired
// assignments link nothing.
const isLive = (a: Assignment) => a.status === "active" || a.status === "pending_access";

// One contested group, from its latest member.
function examineGroup(data: LedgerData, latest: number, key: string, earliest: Int32Array): void {
  const { span, stage, pairRank, assignmentPair, view } = data;
  // Each partner's earliest live link, by the kernel's link order.
  const ranks: number[] = [];
  for (let i = latest; i >= 0; i = span[3 * i + 2]!) {
    const record = view(i);
    if (!isLive(record)) continue;
    const rank = pairRank[assignmentPair[i]!]!;
    const seen = earliest[rank]!;
    if (seen < 0) ranks.push(rank);
    if (seen < 0 || precedes(record, view(seen))) earliest[rank] = i;
  }
  if (ranks.length >= 2) {
    const links = ranks.map((rank) => earliest[rank]!);
    links.sort((a, b) => compareLinks(view(a), view(b)));
    const holder = pairRank[assignmentPair[links[0]!]!]!;
    data.conflictOf.set(latest, {
      clientId: view(links[0]!).clientId,
      email: key,
      holder: party(view(links[0]!)),
      contenders: links.slice(1).map((i) => party(view(i))),
    });
    for (let i = latest; i >= 0; i = span[3 * i + 2]!) {
      const rank = pairRank[assignmentPair[i]!]!;
      if (stage[i] === Stage.Candidate && earliest[rank]! >= 0 && rank !== holder)
        stage[i] = Stage.ConflictContender;
    }
  }
  for (const rank of ranks) earliest[rank] = -1;
}

// A party as the conflict reports it; `+ 0` turns -0 into 0, as the
// detector does.
function party({ partnerId, email, assignedAt }: Assignment) {
  return { partnerId, email, assignedAt: assignedAt + 0 };
}

/**
 * The conflict a contender loses: its group's, kept under the group's
 * latest member.
 *
 * @param data - the index, with check 3 done
 * @param assignment - a conflict contender
 * @returns the conflict
 */
export function conflictOfAssignment(data: LedgerData, assignment: number) {
  const { groups, pairClient, assignmentPair, assignmentKey } = data;
  const g = groupCell(groups, pairClient[assignmentPair[assignment]!]!, assignmentKey[assignment]!);
  return data.conflictOf.get(groups.cells[g + 2]! - 1);
}

/**
 * After check 3, each group's chain is made to skip every member that is
 * not a candidate (pending, inactive, untagged, contenders), so that an
 * activity costs its group's candidates, not its whole group. In index
 * order each member's predecessor already points at its nearest earlier
 * candidate, so one pass does it. A group's latest member may still be a
 * non-candidate: readers step past it once.
 *
 * @param data - the index, with check 3 done
 */
export function keepCandidates(data: LedgerData): void {
  const { span, stage, n } = data;
  for (let i = 0; i < n; i++) {
    const previous = span[3 * i + 2]!;
    if (previous >= 0 && stage[previous] !== Stage.Candidate)
      span[3 * i + 2] = span[3 * previous + 2]!;
  }
}
