/**
 * Which assignment of a (partner, client) pair is reported: rule (the
 * pair's outcome is the failure of the assignment that got furthest) the
 * one with the highest stage, and among equals a total order on the
 * records, so that the evidence never depends on input order: email key,
 * then `assignedAt`, `activatedAt`, `removedAt`, `expiresAt` (absent
 * first), status, and the email as entered; the position breaks a tie
 * between records that differ only in fields the rules do not read.
 * Internal.
 *
 * @module
 */

import { compareOptional, compareText } from "./issues.js";
import type { LedgerData } from "./ledger-data.js";

/**
 * Ranks the keys in their order, so that comparing two keys is comparing
 * two integers.
 *
 * @param data - the index
 */
export function rankKeys(data: LedgerData): void {
  const { keys } = data;
  const keyRank = new Int32Array(keys.length);
  keys
    .map((_, k) => k)
    .sort((a, b) => compareText(keys[a]!, keys[b]!))
    .forEach((k, rank) => {
      keyRank[k] = rank;
    });
  data.keyRank = keyRank;
}

/**
 * Whether assignment `i` comes before `j` in the reporting order.
 *
 * @param data - the index, with the keys ranked
 * @param i - an assignment
 * @param j - another one
 * @returns `true` when `i` is reported rather than `j`
 */
export function reportedFirst(data: LedgerData, i: number, j: number): boolean {
  const { keyRank, assignmentKey } = data;
  const byKey = keyRank[assignmentKey[i]!]! - keyRank[assignmentKey[j]!]!;
  // Most pairs are told apart by their keys: the records are not read then.
  if (byKey !== 0) return byKey < 0;
  const a = data.view(i);
  const b = data.view(j);
  return (
    (compareOptional(a.assignedAt, b.assignedAt) ||
      compareOptional(a.activatedAt, b.activatedAt) ||
      compareOptional(a.removedAt, b.removedAt) ||
      compareOptional(a.expiresAt, b.expiresAt) ||
      compareText(a.status, b.status) ||
      compareText(a.email, b.email) ||
      i - j) < 0
  );
}

/**
 * Per pair, the assignment that got furthest through checks 1–3.
 *
 * @param data - the index, with checks 1–3 done
 */
export function pickFurthest(data: LedgerData): void {
  const { n, assignmentPair, stage } = data;
  const best = new Int32Array(data.pairRank.length).fill(-1);
  for (let index = 0; index < n; index++) {
    const pair = assignmentPair[index]!;
    const seen = best[pair]!;
    if (
      pair >= 0 &&
      (seen < 0 ||
        stage[index]! > stage[seen]! ||
        (stage[index] === stage[seen] && reportedFirst(data, index, seen)))
    )
      best[pair] = index;
  }
  data.pairBest = best;
}
