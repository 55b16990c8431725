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

import { groupCell, type Link, parties, precedes } from "../../conflicts/kernel.js";
import { Stage } from "../rules/checks.js";
import type { LedgerData } from "./ledger-data.js";

type Party = Pick<Link, "partnerId" | "clientId" | "email" | "assignedAt">;

/**
 * Runs check 3 on every contested group, marking the contenders.
 *
 * @param data - the index, with the assignments read
 */
export function findContenders(data: LedgerData): void {
  const { groups, assignmentKey, assignmentPair, pairClient } = data;
  const examined = new Set<number>();
  for (const member of data.issues.length === 0 ? data.contested : []) {
    const g = groupCell(groups, pairClient[assignmentPair[member]!]!, assignmentKey[member]!);
    if (examined.has(g)) continue;
    examined.add(g);
    examineGroup(data, groups.cells[g + 2]! - 1, data.keys[assignmentKey[member]!]!);
  }
}

// One contested group, from its latest member.
function examineGroup(data: LedgerData, latest: number, key: string): void {
  const { span, stage, pairRank, assignmentPair, view, conflictOf } = data;
  // Each partner's earliest live link, by the kernel's link order.
  const links = new Map<number, Party>();
  for (let i = latest; i >= 0; i = span[3 * i + 2]!) {
    const { partnerId, clientId, email, status, assignedAt } = view(i);
    if (status !== "active" && status !== "pending_access") continue;
    // `+ 0` turns -0 into 0, as the detector does.
    const link = { partnerId, clientId, email, assignedAt: assignedAt + 0 };
    const rank = pairRank[assignmentPair[i]!]!;
    const seen = links.get(rank);
    if (seen === undefined || precedes(link, seen)) links.set(rank, link);
  }
  if (links.size < 2) return;
  const [holder, ...rest] = parties(links.values()) as [Party, ...Party[]];
  const party = ({ partnerId, email, assignedAt }: Party) => ({ partnerId, email, assignedAt });
  const conflict = {
    clientId: holder.clientId,
    email: key,
    holder: party(holder),
    contenders: rest.map(party),
  };
  for (let i = latest; i >= 0; i = span[3 * i + 2]!) {
    const link = links.get(pairRank[assignmentPair[i]!]!);
    if (stage[i] === Stage.Candidate && link !== undefined && link !== holder) {
      stage[i] = Stage.ConflictContender;
      conflictOf.set(i, conflict);
    }
  }
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
