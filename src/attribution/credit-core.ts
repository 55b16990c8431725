/**
 * The attribution engine, in steps: `prepareAttribution` reads and indexes
 * the period and the reference data (./engine/reference-data.ts,
 * ./engine/assignments.ts) and runs the three credit checks that do not
 * depend on activity (the third in ./engine/conflicts.ts); `Ledger.add`
 * feeds activities into an {@link Evidence} (./engine/activities.ts), which
 * keeps only the earliest qualifying activity per assignment (and per
 * address and client, for lost credit); `Ledger.finish` turns the evidence
 * into decisions, shares and points (./engine/finish.ts). The rules each
 * step applies are in ./rules/. Keeping the earliest activity is
 * commutative and associative, so evidence fed in any order or split gives
 * the same result. Internal: not exported from the package.
 *
 * @module
 */

import type { Result } from "../result.js";
import { addActivities } from "./engine/activities.js";
import { readAssignments } from "./engine/assignments.js";
import { findContenders, keepCandidates } from "./engine/conflicts.js";
import { finish } from "./engine/finish.js";
import type { EmailCache, Evidence, LedgerData } from "./engine/ledger-data.js";
import { pickFurthest, rankKeys } from "./engine/order.js";
import {
  readClients,
  readList,
  readPartners,
  readUsers,
  startLedgerData,
} from "./engine/reference-data.js";
import { EmployeeStatus, Stage } from "./rules/checks.js";
import type { Attribution, AttributionError, AttributionIssue } from "./types.js";

export { MAX_RECORDS } from "./engine/issues.js";
export type { EmailCache, Evidence } from "./engine/ledger-data.js";

/**
 * Validated, indexed reference data and the outcome of checks 1–3. Internal.
 *
 * @example
 * ```ts
 * const ledger = prepareAttribution(input);
 * const evidence = ledger.evidence();
 * ledger.add(evidence, input.activities, 0);
 * ledger.finish(evidence, ledger.partnerPosition).ok; //=> true
 * ```
 */
export interface Ledger {
  /** Every problem of the period and the reference data. */
  readonly issues: readonly AttributionIssue[];
  /** Per partner (in partnerId order), where its record was in the input. */
  readonly partnerPosition: readonly number[];
  /** Number of assignments; evidence refers to them by position. */
  readonly assignments: number;
  /** Whether an assignment passed checks 1–3, so activity can credit it. */
  candidate(assignment: number): boolean;
  /** Whether a user's activity counts as lost credit (not a tagged employee). */
  untagged(user: number): boolean;
  /** A user's address (its key's number). */
  keyOfUser(user: number): number;
  /** The users of an address who are not tagged employees, latest first. */
  untaggedUsers(key: number): number[];
  /** Empty evidence for this ledger. */
  evidence(): Evidence;
  /**
   * Feeds a batch: an invalid activity becomes an issue at
   * `["activities", offset + position]`. Raw emails the ledger does not know
   * go to `cache` (default: the ledger's own), so a stream does not grow it.
   * Returns how many activities the batch held.
   */
  add(evidence: Evidence, activities: unknown, offset: number, cache?: EmailCache): number;
  /** The attribution, or every issue; `partnerPosition` points `amount_overflow` at a record. */
  finish(
    evidence: Evidence,
    partnerPosition: readonly number[],
  ): Result<Attribution, AttributionError>;
}

/**
 * Validates and indexes everything but the activities, and runs checks 1–3
 * for every assignment. Never throws; problems are collected in `issues`,
 * and once there is one, records are only validated, not indexed (the
 * result will be an error anyway).
 *
 * @param input - the argument of `attributeManagedCredit`, of any type
 * @returns the ledger, with its issues
 * @example
 * ```ts
 * prepareAttribution(null).issues[0].code; //=> "invalid_record"
 * ```
 */
export function prepareAttribution(input: unknown): Ledger {
  const data = startLedgerData(input);
  readPartners(data, readList(data, input, "partners"));
  readClients(data, readList(data, input, "clients"));
  readUsers(data, readList(data, input, "users"));
  readAssignments(data, readList(data, input, "assignments"));
  findContenders(data);
  keepCandidates(data);
  rankKeys(data);
  pickFurthest(data);
  return ledgerOf(data);
}

function ledgerOf(data: LedgerData): Ledger {
  const { stage, userRank, userStatus, userKey, keyUntagged, nextUntagged, n } = data;
  return {
    issues: data.issues,
    partnerPosition: data.partnerPosition,
    assignments: n,
    candidate: (assignment) => stage[assignment] === Stage.Candidate,
    untagged: (user) => userRank[user]! >= 0 && userStatus[user] !== EmployeeStatus.Employee,
    keyOfUser: (user) => userKey[user]!,
    untaggedUsers: (key) => {
      const list: number[] = [];
      for (let u = keyUntagged[key] ?? -1; u >= 0; u = nextUntagged[u]!) list.push(u);
      return list;
    },
    evidence: () => ({
      at: new Float64Array(n).fill(Number.NaN),
      email: new Array(n),
      lost: new Map(),
      issues: [],
      validateOnly: false,
    }),
    add: (evidence, activities, offset, cache = data.emails) =>
      addActivities(data, evidence, activities, offset, cache),
    finish: (evidence, positions) => finish(data, evidence, positions),
  };
}
