/**
 * Reading the assignments: each validated, then run through checks 1 and 2
 * (rules/checks.ts, rules/active-window.ts), grouped by (client, address
 * key), where activities are matched and conflicts found, and given its
 * (partner, client) pair, which gets one decision. Internal.
 *
 * @module
 */

import { claimGroupCell, createGroupTable, groupCell } from "../../conflicts/kernel.js";
import { ownView } from "../../conflicts/records.js";
import type { Assignment } from "../../model.js";
import { inactiveReason, windowEnd, windowStart } from "../rules/active-window.js";
import { EmployeeStatus, Stage } from "../rules/checks.js";
import { isRecordAt, need, STATUS, STATUSES, time } from "./issues.js";
import type { LedgerData } from "./ledger-data.js";
import { checkEmail, clientRef, partnerRef, readEmail } from "./reference-data.js";

// A chain longer than this (the users of one address, the partners of one
// client) is looked up in a table instead of walked, so that no shape of
// input makes a lookup cost more than a constant: walking is faster for the
// usual short chains, and the table keeps a shared address or a client of
// many partners linear.
const SHORT_CHAIN = 32;

/**
 * Reads every assignment (see the module comment). Once anything in the
 * input is invalid, records are only validated, not indexed: the result
 * will be an error anyway.
 *
 * @param data - the index, with partners, clients and users read
 * @param assignments - the list
 */
export function readAssignments(data: LedgerData, assignments: readonly unknown[]): void {
  const n = assignments.length;
  allocate(data, assignments);
  const { issues, clean } = data;
  // The assignments as the rules read them (see ownView): the list itself,
  // until a record needs a copy of its own fields.
  let views: unknown[] | null = null;
  data.view = (i: number) => (views ?? assignments)[i] as Assignment;
  for (let index = 0; index < n; index++) {
    const given = assignments[index];
    if (!isRecordAt(issues, given, "assignments", index)) continue;
    const record = ownView(given, clean) as unknown as Assignment;
    if ((record as unknown) !== given) {
      views ??= assignments.slice();
      views[index] = record;
    }
    if (validate(data, index, record)) checkAndGroup(data, index, record);
  }
}

function allocate(data: LedgerData, assignments: readonly unknown[]): void {
  const n = assignments.length;
  data.assignments = assignments;
  data.n = n;
  // With the group table and the evidence, 60 bytes of typed arrays per
  // assignment, so a million assignments stay below the 64 MB of new typed
  // arrays after which V8 marks the whole heap, input included, in mid-run.
  data.span = new Float64Array(3 * n);
  data.stage = new Uint8Array(n);
  data.reason = new Uint8Array(n);
  data.assignmentKey = new Int32Array(n);
  data.assignmentPair = new Int32Array(n).fill(-1);
  data.groups = createGroupTable(n);
  data.clientPair = new Int32Array(data.clientIds.length).fill(-1);
  data.clientPairs = new Int32Array(data.clientIds.length);
}

// Validates one assignment, every bad field reported; returns whether it
// can be indexed (it and everything before it are valid).
function validate(data: LedgerData, index: number, record: Assignment): boolean {
  const { issues } = data;
  const { clientId, email: raw, status, assignedAt, activatedAt, removedAt, expiresAt } = record;
  const key = readEmail(data, raw, data.emails, true);
  const user = typeof key === "number" ? userOf(data, key, record.partnerId) : -1;
  const rank =
    user >= 0 ? data.userRank[user] : partnerRef(data, "assignments", index, record.partnerId);
  const c = clientRef(data, issues, "assignments", index, clientId);
  // Each checked on its own line, so every bad field is reported.
  let valid = checkEmail(issues, "assignments", index, raw, key);
  valid =
    need(issues, STATUSES.includes(status), status, STATUS, "assignments", index, "status") &&
    valid;
  valid = time(issues, "assignments", index, "assignedAt", assignedAt) && valid;
  valid = time(issues, "assignments", index, "activatedAt", activatedAt, true) && valid;
  valid = time(issues, "assignments", index, "removedAt", removedAt, true) && valid;
  valid = time(issues, "assignments", index, "expiresAt", expiresAt, true) && valid;
  if (!valid || rank === undefined || c === undefined || issues.length > 0) return false;
  data.assignmentKey[index] = key as number;
  // Check 1: the user is a tagged employee of that partner.
  const employment = user >= 0 ? data.userStatus[user]! : EmployeeStatus.UnknownUser;
  data.stage[index] = Stage.NoTaggedEmployee;
  data.reason[index] = employment;
  data.assignmentPair[index] = pairOf(data, c, rank);
  return true;
}

// Checks 2 and the grouping of an assignment that passed validation.
function checkAndGroup(data: LedgerData, index: number, record: Assignment): void {
  const { span, stage, reason, groups, pairRank, assignmentPair } = data;
  if (reason[index] === EmployeeStatus.Employee) {
    // Check 2: active during the period (rules/active-window.ts).
    const from = windowStart(record.activatedAt, data.period);
    const until = windowEnd(record.removedAt, record.expiresAt, data.period);
    const inactive = inactiveReason(record.status, record.activatedAt, from, until);
    span[3 * index] = from;
    span[3 * index + 1] = until;
    stage[index] = inactive === -1 ? Stage.Candidate : Stage.NoActiveAssignment;
    reason[index] = inactive === -1 ? 0 : inactive;
  }
  // Group by (client, key): activities are matched here.
  const pair = assignmentPair[index]!;
  const c = data.pairClient[pair]!;
  const k = data.assignmentKey[index]!;
  const g = groupCell(groups, c, k);
  const latest = groups.cells[g + 2]! - 1;
  if (latest < 0) claimGroupCell(groups, g, c, k, index);
  else groups.cells[g + 2] = index + 1;
  span[3 * index + 2] = latest;
  // The group is contested once a second partner links the key: marked on
  // the first member that differs from its predecessor's partner.
  if (latest >= 0 && pairRank[assignmentPair[latest]!] !== pairRank[pair])
    data.contested.push(index);
}

// The user of an address in a partner: found without hashing the partner's
// id when the address has few users, through the table otherwise.
function userOf(data: LedgerData, key: number, partnerId: unknown): number {
  const { keyUser, userRank, nextUser, partnerIds, userTable } = data;
  if (data.keyUsers[key]! <= SHORT_CHAIN) {
    let user = keyUser[key]!;
    while (user >= 0 && partnerIds[userRank[user]!] !== partnerId) user = nextUser[user]!;
    return user;
  }
  const rank = data.partnerRank.get(partnerId as string);
  return rank === undefined ? -1 : userTable.cells[groupCell(userTable, rank, key) + 2]! - 1;
}

/**
 * The user of an assignment (its partner's user of its address), or -1.
 *
 * @param data - the index
 * @param assignment - the assignment's position
 * @returns the user's position
 */
export function userOfAssignment(data: LedgerData, assignment: number): number {
  const rank = data.pairRank[data.assignmentPair[assignment]!]!;
  const k = data.assignmentKey[assignment]!;
  return data.userTable.cells[groupCell(data.userTable, rank, k) + 2]! - 1;
}

// The (partner, client) pair of an assignment, made on first use: a walk of
// the client's pairs while it has few, a table lookup past that.
function pairOf(data: LedgerData, c: number, rank: number): number {
  const { clientPair, clientPairs, nextPair, pairRank, pairTable } = data;
  let pair = clientPair[c]!;
  if (clientPairs[c]! > SHORT_CHAIN) pair = pairTable.cells[groupCell(pairTable, c, rank) + 2]! - 1;
  else while (pair >= 0 && pairRank[pair] !== rank) pair = nextPair[pair]!;
  if (pair >= 0) return pair;
  pair = pairRank.push(rank) - 1;
  data.pairClient.push(c);
  nextPair.push(clientPair[c]!);
  clientPair[c] = pair;
  // Past SHORT_CHAIN pairs, the client's pairs go into the table (all of
  // them, the first time).
  if (++clientPairs[c]! > SHORT_CHAIN) {
    for (let p = clientPairs[c] === SHORT_CHAIN + 1 ? pair : -1; p >= 0; p = nextPair[p]!)
      claimGroupCell(pairTable, groupCell(pairTable, c, pairRank[p]!), c, pairRank[p]!, p);
    if (clientPairs[c]! > SHORT_CHAIN + 1)
      claimGroupCell(pairTable, groupCell(pairTable, c, rank), c, rank, pair);
  }
  return pair;
}
