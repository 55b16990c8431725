/**
 * Feeding activities: check 4 (a qualifying activity on the client inside
 * the period while the assignment was active) and lost credit (activity of
 * users who are no tagged employees). Only the earliest activity is kept
 * (rules/evidence.ts), so evidence grows with assignments, not activities.
 * Internal.
 *
 * @module
 */

import { groupCell } from "../../conflicts/kernel.js";
import { ownView } from "../../conflicts/records.js";
import type { Activity } from "../../model.js";
import { toList } from "../points.js";
import { Stage } from "../rules/checks.js";
import { isEarlierEvidence } from "../rules/evidence.js";
import { isRecordAt, need, time, withinLimit } from "./issues.js";
import type { EmailCache, Evidence, LedgerData } from "./ledger-data.js";
import { checkEmail, clientRef, readEmail } from "./reference-data.js";

/**
 * Feeds a batch: an invalid activity becomes an issue at
 * `["activities", offset + position]`. Raw emails the index does not know
 * go to `cache`, so that a stream does not grow the index.
 *
 * @param data - the index
 * @param evidence - the evidence to add to
 * @param activities - the batch, of any type
 * @param offset - how many activities came before it
 * @param cache - raw emails seen in this batch
 * @returns how many activities the batch held
 */
export function addActivities(
  data: LedgerData,
  evidence: Evidence,
  activities: unknown,
  offset: number,
  cache: EmailCache,
): number {
  const list = toList(activities);
  const into = evidence.issues;
  if (!need(into, list !== null, activities, "an array or another iterable", "activities"))
    return 0;
  const items = list as readonly unknown[];
  if (!withinLimit(into, items, "activities")) return 0;
  const { clean, start, end, issues } = data;
  for (let index = 0; index < items.length; index++) {
    const given = items[index];
    const position = offset + index;
    if (!isRecordAt(into, given, "activities", position)) continue;
    const record = ownView(given, clean) as unknown as Activity;
    const client = clientRef(data, into, "activities", position, record.clientId);
    const key = readEmail(data, record.email, cache, false);
    // Each checked on its own line, so every bad field is reported.
    const valid = checkEmail(into, "activities", position, record.email, key);
    if (!time(into, "activities", position, "at", record.at) || !valid || client === undefined)
      continue;
    const t = record.at + 0; // + 0 turns -0 into 0
    // Only validated once anything is invalid; half-open period [start,
    // end); an unknown key matches nothing.
    if (evidence.validateOnly || into.length > 0 || issues.length > 0) continue;
    if (t < start || t >= end || key < 0) continue;
    credit(data, evidence, client, key, t, record.email);
    if (data.keyUntagged[key]! >= 0) lose(data, evidence, client, key, t, record.email);
  }
  return items.length;
}

// Check 4 for every candidate of the activity's (client, key) group.
function credit(
  data: LedgerData,
  evidence: Evidence,
  client: number,
  key: number,
  t: number,
  email: string,
): void {
  const { span, stage, groups } = data;
  const { at: best, email: bestEmail } = evidence;
  // The group's latest member, then its candidates only (see keepCandidates).
  let i = groups.cells[groupCell(groups, client, key) + 2]! - 1;
  if (i >= 0 && stage[i] !== Stage.Candidate) i = span[3 * i + 2]!;
  for (; i >= 0; i = span[3 * i + 2]!) {
    if (
      stage[i] === Stage.Candidate &&
      t >= span[3 * i]! &&
      t < span[3 * i + 1]! &&
      isEarlierEvidence(t, email, best[i]!, bestEmail[i])
    ) {
      best[i] = t;
      bestEmail[i] = email;
    }
  }
}

// Lost credit: kept once per (address, client), for all the users of the
// address who are no tagged employees (they share it).
function lose(
  data: LedgerData,
  evidence: Evidence,
  client: number,
  key: number,
  t: number,
  email: string,
): void {
  let byClient = evidence.lost.get(key);
  if (byClient === undefined) {
    byClient = new Map();
    evidence.lost.set(key, byClient);
  }
  const clientId = data.clientIds[client]!;
  const seen = byClient.get(clientId);
  if (seen === undefined || isEarlierEvidence(t, email, seen.at, seen.email))
    byClient.set(clientId, { clientId, email, at: t });
}
