/**
 * What the attribution engine knows about the reference data once it is
 * read: every record by its position, emails as key numbers, and the
 * per-assignment columns the checks fill in. Each step of the engine
 * (./reference-data.ts, ./assignments.ts, ./conflicts.ts, ./activities.ts,
 * ./finish.ts) reads and fills this one object. Internal.
 *
 * For speed at scale the columns are typed arrays and the lookups are
 * open-addressing tables of the conflicts kernel: the hot loops allocate
 * nothing per record and build no composite string keys.
 *
 * @module
 */

import type { GroupTable } from "../../conflicts/kernel.js";
import type { EmailIssue } from "../../domain/email-identity.js";
import type { Activity, Assignment } from "../../model.js";
import type { PointRate, RateLookup } from "../money.js";
import type { AttributionIssue, ConflictEvidence } from "../types.js";

/**
 * Raw email string → its key's number (-1 for a key no user or assignment
 * has), or why it has none.
 *
 * @example
 * ```ts
 * const cache: EmailCache = new Map();
 * ```
 */
export type EmailCache = Map<string, number | EmailIssue>;

/**
 * What activities have shown so far: only the earliest qualifying activity
 * per assignment (and per address and client, for lost credit), so it grows
 * with evidence, not with the number of activities.
 *
 * @example
 * ```ts
 * ledger.evidence().issues; //=> []
 * ```
 */
export interface Evidence {
  /** Per assignment: the time of its earliest qualifying activity; NaN for none. */
  readonly at: Float64Array;
  /** Per assignment: that activity's email, as entered. */
  readonly email: (string | undefined)[];
  /**
   * Address (its key's number) of a user who is not a tagged employee →
   * client → the address's earliest activity there in the period, which
   * every such user of the address shares.
   */
  readonly lost: Map<number, Map<number, Activity>>;
  /** Invalid activities. */
  readonly issues: AttributionIssue[];
  /**
   * Whether activities are only validated, not matched: the state they
   * come from already holds an invalid activity, so the result is an error.
   */
  validateOnly: boolean;
}

/**
 * The engine's index of the period and the reference data.
 *
 * @example
 * ```ts
 * const data: LedgerData = createLedgerData();
 * ```
 */
export interface LedgerData {
  /** Every problem of the period and the reference data. */
  readonly issues: AttributionIssue[];
  /** Whether a plain object's fields can be read directly (see ownView). */
  clean: boolean;
  /** The period, -0 turned into 0 (also as `period`). */
  start: number;
  end: number;
  period: { readonly start: number; readonly end: number };
  rates: RateLookup;

  /** Partner ids in ascending order; a partner's rank is its place here. */
  partnerIds: string[];
  readonly partnerRank: Map<string, number>;
  /** Per rank, where the partner's record was in the input. */
  partnerPosition: number[];

  /** Clients by their position among the valid ones. */
  readonly clientIds: number[];
  readonly clientIndex: Map<number, number>;
  readonly clientMrr: number[];
  readonly clientRate: PointRate[];
  readonly clientGrowth: boolean[];

  /** Raw email strings the reference data holds. */
  readonly emails: EmailCache;
  /** Email keys, numbered in order of appearance. */
  readonly keyOf: Map<string, number>;
  readonly keys: string[];
  /** Per key: its latest user (earlier ones follow in nextUser), -1 for none. */
  readonly keyUser: number[];
  /** Per key: how many users it has. */
  readonly keyUsers: number[];
  /** Per key: its latest user who is no tagged employee (earlier ones follow in nextUntagged). */
  readonly keyUntagged: number[];

  users: readonly unknown[];
  /** Per user: its partner's rank, -1 when the user is invalid. */
  userRank: Int32Array;
  userKey: Int32Array;
  /** Per user: an EmployeeStatus (check 1). */
  userStatus: Uint8Array;
  nextUser: Int32Array;
  nextUntagged: Int32Array;
  /** (partner rank, key) → the user. */
  userTable: GroupTable;

  /** The assignments as the rules read them (own fields; see ownView). */
  view: (assignment: number) => Assignment;
  assignments: readonly unknown[];
  /** Number of assignments. */
  n: number;
  /**
   * Per assignment: its active window within the period (start, end) and
   * the previous member of its (client, key) group, side by side since
   * matching an activity reads all three.
   */
  span: Float64Array;
  /** Per assignment: the Stage it reached. */
  stage: Uint8Array;
  /** Per assignment: why it stopped there (an EmployeeStatus or InactiveReason). */
  reason: Uint8Array;
  assignmentKey: Int32Array;
  assignmentPair: Int32Array;
  /** (client, key) → the latest member of the group. */
  groups: GroupTable;
  /** Members whose group two partners link: where conflicts may be. */
  readonly contested: number[];
  /** Contender → the conflict it loses. */
  readonly conflictOf: Map<number, ConflictEvidence>;

  /** Per client: its latest (partner, client) pair (earlier ones follow in nextPair) and how many. */
  clientPair: Int32Array;
  clientPairs: Int32Array;
  readonly nextPair: number[];
  /** Per pair: its partner's rank and its client. */
  readonly pairRank: number[];
  readonly pairClient: number[];
  /** (client, partner rank) → the pair, for clients with many partners. */
  pairTable: GroupTable;
  /** Per pair: the assignment that got furthest through checks 1–3. */
  pairBest: Int32Array;
  /** Per key: its rank in the keys' order, so comparing keys compares integers. */
  keyRank: Int32Array;
}
