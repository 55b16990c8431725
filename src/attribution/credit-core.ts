/**
 * The engine behind `attributeManagedCredit`, in three steps so that a
 * streaming API can reuse it: `prepareAttribution` validates and indexes the
 * period and reference data (partners, clients, users, assignments) and runs
 * the three checks that do not depend on activity; `addActivityBatch` feeds
 * activities into an {@link ActivityEvidence}, which keeps only the earliest
 * qualifying activity per assignment (and per untagged user and client), so it
 * grows with evidence, not with the number of activities; and
 * `finishAttributionCore` turns the evidence into decisions, shares and
 * points. Keeping the earliest activity (ties: the smaller email as entered)
 * is a commutative, associative choice, so evidence fed in any order or split
 * gives the same result. Internal: not exported from the package.
 *
 * Assignments and users are identified by their position in the input, so
 * evidence refers to them by number.
 *
 * @module
 */

import { detectEmailConflicts, type EmailConflict } from "../conflicts/email-conflicts.js";
import { type EmailIssue, parseEmailIdentity } from "../domain/email-identity.js";
import type { Activity, Assignment, Partner, PartnerUser } from "../model.js";
import { err, ok, type Result } from "../result.js";
import type {
  Attribution,
  AttributionError,
  AttributionIssue,
  CreditDecision,
  CreditedClient,
  InactiveAssignmentReason,
  LostCredit,
  NotTaggedEmployeeReason,
  PartnerCredit,
} from "./managed-credit.js";
import {
  checkMoney,
  createRateLookup,
  describeValue,
  type IssuePath,
  type MoneyError,
  type PointRate,
  type RateLookup,
} from "./money.js";
import { pointsOfAmount, pointsOfWeightedSums, toList } from "./points.js";

// How far an assignment got through the checks of design 2.5, in their order.
const NO_TAGGED_EMPLOYEE = 0;
const NO_ACTIVE_ASSIGNMENT = 1;
const CONFLICT_CONTENDER = 2;
const NO_QUALIFYING_ACTIVITY = 3; // passed checks 1–3; credited once evidence arrives
const NOT_INDEXED = 255;

const NOT_TAGGED_REASONS: readonly NotTaggedEmployeeReason[] = [
  "unknown_user",
  "not_in_partner_account",
  "not_tagged",
];
const INACTIVE_REASONS: readonly InactiveAssignmentReason[] = [
  "pending_access",
  "not_activated",
  "outside_period",
];
const EMPLOYEE = 255;
const STATUSES: ReadonlySet<unknown> = new Set(["pending_access", "active", "removed", "expired"]);

// ECMAScript Date range: ±8.64e15 ms around the epoch.
const TIMESTAMP_LIMIT = 8.64e15;
// rule (design 1): managed points double for a growth-market client.
const GROWTH_MULTIPLIER = 2;

interface ClientInfo {
  readonly amountMinor: number;
  readonly rate: PointRate;
  readonly growth: boolean;
}

// Assignments of one (client, email key): one index, or several.
type Group = number | number[];

/**
 * Validated, indexed reference data and the outcome of the checks that do
 * not depend on activity. Internal.
 *
 * @example
 * ```ts
 * const prepared = prepareAttribution(input);
 * prepared.issues.length; //=> 0 when every record is valid
 * ```
 */
export interface PreparedAttribution {
  /** Every problem found in the period and reference data. */
  readonly issues: AttributionIssue[];
  readonly start: number;
  readonly end: number;
  /** Parsed keys (or the refusal) by raw email string: each string is parsed once. */
  readonly emails: Map<string, string | EmailIssue>;
  /** Known partnerIds, sorted (UTF-16 code units, locale-independent); a partner's rank is its index. */
  readonly partnerIds: readonly string[];
  readonly partnerRank: ReadonlyMap<string, number>;
  /** Per partner rank, the position of its record in the input. */
  readonly partnerPosition: readonly number[];
  /** Every clientId with a record, valid or not: references to them are not "unknown". */
  readonly knownClients: ReadonlySet<number>;
  /** Valid clients. */
  readonly clients: ReadonlyMap<number, ClientInfo>;
  readonly users: readonly unknown[];
  readonly userRank: Int32Array;
  readonly userKey: readonly string[];
  /** Users who are not tagged employees of their partner, by email key: their activity is lost credit. */
  readonly notEmployees: ReadonlyMap<string, readonly number[]>;
  readonly assignments: readonly unknown[];
  readonly stage: Uint8Array;
  readonly reason: Uint8Array;
  readonly assignmentRank: Int32Array;
  readonly assignmentUser: Int32Array;
  readonly assignmentKey: readonly string[];
  /** The active window, within the period, of assignments that passed check 2. */
  readonly windowStart: Float64Array;
  readonly windowEnd: Float64Array;
  readonly assignmentPair: Int32Array;
  readonly conflictOf: ReadonlyMap<number, EmailConflict>;
  /** client → email key → assignments, for matching activities. */
  readonly groups: ReadonlyMap<number, ReadonlyMap<string, Group>>;
  readonly pairRank: readonly number[];
  readonly pairClient: readonly number[];
  /** The assignment of each pair that got furthest through checks 1–3. */
  readonly pairBest: readonly number[];
  /** Per partner rank: client → pair. */
  readonly partnerPairs: readonly (Map<number, number> | undefined)[];
}

/**
 * What activities have shown so far. Internal; see the module comment.
 *
 * @example
 * ```ts
 * const evidence = createEvidence(prepared);
 * evidence.best.some((a) => a !== undefined); //=> false
 * ```
 */
export interface ActivityEvidence {
  /** Assignment (by position) → its earliest qualifying activity, if any. */
  readonly best: (Activity | undefined)[];
  /** User who is not a tagged employee → client → their earliest activity in the period. */
  readonly lost: Map<number, Map<number, Activity>>;
  /** Invalid activities. */
  readonly issues: AttributionIssue[];
}

/**
 * An empty {@link ActivityEvidence}.
 *
 * @returns evidence with nothing in it
 * @example
 * ```ts
 * createEvidence(prepared).issues; //=> []
 * ```
 */
export function createEvidence(prepared: PreparedAttribution): ActivityEvidence {
  // A dense array indexed by assignment position: much faster than a Map
  // keyed by number, and the reference data is that size already.
  return {
    best: new Array<Activity | undefined>(prepared.assignments.length).fill(undefined),
    lost: new Map(),
    issues: [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isTimestamp(value: unknown): value is number {
  // NaN fails both comparisons.
  return typeof value === "number" && value >= -TIMESTAMP_LIMIT && value <= TIMESTAMP_LIMIT;
}

function isClientId(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function isPartnerId(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function invalidRecord(
  issues: AttributionIssue[],
  path: IssuePath,
  input: unknown,
  message: string,
): void {
  issues.push({ code: "invalid_record", message, path, input });
}

// Paths are built only when an issue is raised: the valid records of a large
// input must not allocate one array per field.
function invalidTimestamp(
  issues: AttributionIssue[],
  prefix: IssuePath,
  index: number,
  field: string,
  input: unknown,
): void {
  issues.push({
    code: "invalid_timestamp",
    message: `A timestamp must be a finite number of milliseconds since the epoch, within ±8.64e15; got ${describeValue(input)}.`,
    path: [...prefix, index, field],
    input,
  });
}

function checkOptionalTimestamp(
  issues: AttributionIssue[],
  prefix: IssuePath,
  index: number,
  field: string,
  input: unknown,
): boolean {
  if (input === undefined || isTimestamp(input)) return true;
  invalidTimestamp(issues, prefix, index, field, input);
  return false;
}

// A client whose record has another problem is still "known": references
// to it are not reported a second time as unknown.
function checkClientRef(
  known: ReadonlySet<number>,
  value: unknown,
  issues: AttributionIssue[],
  prefix: IssuePath,
  index: number,
): boolean {
  if (!isClientId(value)) {
    invalidRecord(
      issues,
      [...prefix, index, "clientId"],
      value,
      `A clientId (HubID) must be a positive whole number; got ${describeValue(value)}.`,
    );
    return false;
  }
  if (!known.has(value)) {
    issues.push({
      code: "unknown_client",
      message: `No client ${value} is in the input.`,
      path: [...prefix, index, "clientId"],
      input: value,
      clientId: value,
    });
    return false;
  }
  return true;
}

function readList(
  source: Record<string, unknown>,
  name: string,
  issues: AttributionIssue[],
): readonly unknown[] {
  const value = source[name];
  const list = toList(value);
  if (list === null) {
    invalidRecord(
      issues,
      [name],
      value,
      `${name} must be an array (or another iterable); got ${describeValue(value)}.`,
    );
    return [];
  }
  return list;
}

function emailKeyOf(
  emails: Map<string, string | EmailIssue>,
  value: unknown,
  issues: AttributionIssue[],
  prefix: IssuePath,
  index: number,
): string | null {
  let parsed: string | EmailIssue | undefined;
  if (typeof value === "string") {
    parsed = emails.get(value);
    if (parsed === undefined) {
      const result = parseEmailIdentity(value);
      parsed = result.ok ? result.value.key : result.error;
      emails.set(value, parsed);
    }
  } else {
    const result = parseEmailIdentity(value);
    parsed = result.ok ? result.value.key : result.error;
  }
  if (typeof parsed === "string") return parsed;
  issues.push({
    code: "invalid_email",
    message: `Not a valid email address: ${parsed.message}`,
    path: [...prefix, index, "email"],
    input: value,
    emailIssue: parsed,
  });
  return null;
}

// rule (design 2.0a): a period is the half-open interval [start, end); an
// empty one (end = start) is allowed, one that ends before it starts is not.
function readPeriod(period: unknown, issues: AttributionIssue[]): { start: number; end: number } {
  if (!isRecord(period)) {
    issues.push({
      code: "invalid_period",
      message: `The period must be an object { start, end } of timestamps; got ${describeValue(period)}.`,
      path: ["period"],
      input: period,
    });
    return { start: 0, end: 0 };
  }
  const start = period.start;
  const end = period.end;
  if (!isTimestamp(start)) {
    issues.push({
      code: "invalid_period",
      message: `The period's start must be a timestamp in milliseconds; got ${describeValue(start)}.`,
      path: ["period", "start"],
      input: start,
    });
  }
  if (!isTimestamp(end)) {
    issues.push({
      code: "invalid_period",
      message: `The period's end must be a timestamp in milliseconds; got ${describeValue(end)}.`,
      path: ["period", "end"],
      input: end,
    });
  }
  if (!isTimestamp(start) || !isTimestamp(end)) return { start: 0, end: 0 };
  if (end < start) {
    issues.push({
      code: "invalid_period",
      message: `The period ends (${end}) before it starts (${start}).`,
      path: ["period"],
      input: period,
    });
  }
  return { start, end };
}

const USERS: IssuePath = ["users"];
const ASSIGNMENTS: IssuePath = ["assignments"];

// Any rate: used for validating amounts when the currency table itself is
// invalid, so the currency of every client is not reported as unknown too.
// The result is an error then, so this rate never reaches a points figure.
const PLACEHOLDER_RATE: PointRate = {
  currency: "",
  exponent: 0,
  num: 0n,
  den: 1n,
  numSafe: 0,
  denSafe: 1,
};
const anyRate: RateLookup = () => ({ ok: true, value: PLACEHOLDER_RATE });

/**
 * Validates and indexes everything but the activities, and runs checks 1–3
 * of design 2.5 for every assignment. Never throws; problems are collected
 * in `issues`, and once there is one, records are only validated, not
 * indexed (the result will be an error anyway).
 *
 * @param input - the argument of `attributeManagedCredit`, of any type
 * @returns the prepared data, with its issues
 * @example
 * ```ts
 * prepareAttribution(null).issues[0].code; //=> "invalid_record"
 * ```
 */
export function prepareAttribution(input: unknown): PreparedAttribution {
  const issues: AttributionIssue[] = [];
  const source: Record<string, unknown> = isRecord(input) ? input : {};
  if (!isRecord(input)) {
    invalidRecord(
      issues,
      [],
      input,
      `The input must be an object { period, partners, clients, users, assignments, activities }; got ${describeValue(input)}.`,
    );
  }
  const emails = new Map<string, string | EmailIssue>();

  // --- period ---------------------------------------------------------
  const { start, end } = isRecord(input) ? readPeriod(source.period, issues) : { start: 0, end: 0 };

  // --- currency table ---------------------------------------------------
  const table = createRateLookup(source.currencyTable, ["currencyTable"]);
  if (!table.ok) issues.push(table.error as AttributionIssue);
  const rates = table.ok ? table.value : anyRate;

  // --- partners ---------------------------------------------------------
  const partnerList = isRecord(input) ? readList(source, "partners", issues) : [];
  const partnerFirst = new Map<string, number>();
  const validPartners: Partner[] = [];
  partnerList.forEach((record, index) => {
    const path = ["partners", index];
    if (!isRecord(record)) {
      invalidRecord(
        issues,
        path,
        record,
        `A partner must be an object; got ${describeValue(record)}.`,
      );
      return;
    }
    let valid = true;
    const { partnerId, program, employeeDomains, matchSubdomains } = record;
    if (!isPartnerId(partnerId)) {
      valid = false;
      invalidRecord(
        issues,
        [...path, "partnerId"],
        partnerId,
        `A partnerId must be a non-empty string; got ${describeValue(partnerId)}.`,
      );
    } else {
      const first = partnerFirst.get(partnerId);
      if (first !== undefined) {
        valid = false;
        issues.push({
          code: "duplicate_partner",
          message: `The partner ${JSON.stringify(partnerId)} is listed more than once.`,
          path,
          input: record,
          partnerId,
          firstPath: ["partners", first],
        });
      } else {
        partnerFirst.set(partnerId, index);
      }
    }
    if (program !== "partner" && program !== "provider") {
      valid = false;
      invalidRecord(
        issues,
        [...path, "program"],
        program,
        `program must be "partner" or "provider"; got ${describeValue(program)}.`,
      );
    }
    if (!Array.isArray(employeeDomains) || !employeeDomains.every((d) => typeof d === "string")) {
      valid = false;
      invalidRecord(
        issues,
        [...path, "employeeDomains"],
        employeeDomains,
        "employeeDomains must be an array of domain names (it may be empty).",
      );
    }
    if (matchSubdomains !== undefined && typeof matchSubdomains !== "boolean") {
      valid = false;
      invalidRecord(
        issues,
        [...path, "matchSubdomains"],
        matchSubdomains,
        `matchSubdomains must be a boolean when present; got ${describeValue(matchSubdomains)}.`,
      );
    }
    if (valid) validPartners.push(record as unknown as Partner);
  });
  const partnerIds = [...partnerFirst.keys()].sort();
  const partnerRank = new Map<string, number>(partnerIds.map((id, rank) => [id, rank]));

  const knownPartner = (value: unknown, section: string, index: number): number => {
    if (!isPartnerId(value)) {
      invalidRecord(
        issues,
        [section, index, "partnerId"],
        value,
        `A partnerId must be a non-empty string; got ${describeValue(value)}.`,
      );
      return -1;
    }
    const rank = partnerRank.get(value);
    if (rank === undefined) {
      issues.push({
        code: "unknown_partner",
        message: `No partner ${JSON.stringify(value)} is in the input.`,
        path: [section, index, "partnerId"],
        input: value,
        partnerId: value,
      });
      return -1;
    }
    return rank;
  };

  // --- clients ----------------------------------------------------------
  const clientList = isRecord(input) ? readList(source, "clients", issues) : [];
  const clients = new Map<number, ClientInfo>();
  const clientFirst = new Map<number, number>();
  const moneyIssues: MoneyError[] = [];
  clientList.forEach((record, index) => {
    const path = ["clients", index];
    if (!isRecord(record)) {
      invalidRecord(
        issues,
        path,
        record,
        `A client must be an object; got ${describeValue(record)}.`,
      );
      return;
    }
    const { clientId, mrr, growthMarket } = record;
    let valid = true;
    if (!isClientId(clientId)) {
      valid = false;
      invalidRecord(
        issues,
        [...path, "clientId"],
        clientId,
        `A clientId (HubID) must be a positive whole number; got ${describeValue(clientId)}.`,
      );
    } else {
      const first = clientFirst.get(clientId);
      if (first !== undefined) {
        valid = false;
        issues.push({
          code: "duplicate_client",
          message: `The client ${clientId} is listed more than once.`,
          path,
          input: record,
          clientId,
          firstPath: ["clients", first],
        });
      } else {
        clientFirst.set(clientId, index);
      }
    }
    moneyIssues.length = 0;
    const money = checkMoney(mrr, rates, [...path, "mrr"], moneyIssues);
    for (const issue of moneyIssues) issues.push(issue as AttributionIssue);
    if (growthMarket !== undefined && typeof growthMarket !== "boolean") {
      valid = false;
      invalidRecord(
        issues,
        [...path, "growthMarket"],
        growthMarket,
        `growthMarket must be a boolean when present; got ${describeValue(growthMarket)}.`,
      );
    }
    if (valid && money !== null && isClientId(clientId)) {
      clients.set(clientId, {
        amountMinor: money.amountMinor,
        rate: money.rate,
        growth: growthMarket === true,
      });
    }
  });
  const knownClients: ReadonlySet<number> = new Set(clientFirst.keys());

  // --- users ------------------------------------------------------------
  const users = isRecord(input) ? readList(source, "users", issues) : [];
  const userRank = new Int32Array(users.length).fill(-1);
  // Index into NOT_TAGGED_REASONS, or EMPLOYEE: read once per assignment
  // without touching the user record again.
  const userStatus = new Uint8Array(users.length);
  const userKey: string[] = new Array<string>(users.length).fill("");
  const usersByPartner: (Map<string, number> | undefined)[] = new Array(partnerIds.length);
  const notEmployees = new Map<string, number[]>();
  users.forEach((record, index) => {
    const path = ["users", index];
    if (!isRecord(record)) {
      invalidRecord(
        issues,
        path,
        record,
        `A user must be an object; got ${describeValue(record)}.`,
      );
      return;
    }
    const { partnerId, email, tagged, inPartnerAccount } = record;
    const rank = knownPartner(partnerId, "users", index);
    const key = emailKeyOf(emails, email, issues, USERS, index);
    let valid = rank >= 0 && key !== null;
    if (typeof tagged !== "boolean") {
      valid = false;
      invalidRecord(
        issues,
        [...path, "tagged"],
        tagged,
        `tagged must be a boolean; got ${describeValue(tagged)}.`,
      );
    }
    if (inPartnerAccount !== undefined && typeof inPartnerAccount !== "boolean") {
      valid = false;
      invalidRecord(
        issues,
        [...path, "inPartnerAccount"],
        inPartnerAccount,
        `inPartnerAccount must be a boolean when present; got ${describeValue(inPartnerAccount)}.`,
      );
    }
    if (!valid || key === null) return;
    let byKey = usersByPartner[rank];
    if (byKey === undefined) {
      byKey = new Map();
      usersByPartner[rank] = byKey;
    }
    const first = byKey.get(key);
    if (first !== undefined) {
      issues.push({
        code: "duplicate_user",
        message: `The user ${key} of partner ${JSON.stringify(partnerId)} is listed more than once.`,
        path,
        input: record,
        partnerId: partnerId as string,
        email: key,
        firstPath: ["users", first],
      });
      return;
    }
    byKey.set(key, index);
    userRank[index] = rank;
    userKey[index] = key;
    // rule: only tagged users still in the partner account are its employees.
    userStatus[index] = inPartnerAccount === false ? 1 : tagged ? EMPLOYEE : 2;
    if (userStatus[index] !== EMPLOYEE) {
      const list = notEmployees.get(key);
      if (list === undefined) notEmployees.set(key, [index]);
      else list.push(index);
    }
  });

  // --- assignments: validate, run checks 1–2, group -----------------------
  const assignments = isRecord(input) ? readList(source, "assignments", issues) : [];
  const n = assignments.length;
  const stage = new Uint8Array(n).fill(NOT_INDEXED);
  const reason = new Uint8Array(n);
  const assignmentRank = new Int32Array(n).fill(-1);
  const assignmentUser = new Int32Array(n).fill(-1);
  const assignmentKey: string[] = new Array<string>(n).fill("");
  const windowStart = new Float64Array(n);
  const windowEnd = new Float64Array(n);
  const assignmentPair = new Int32Array(n).fill(-1);
  const groups = new Map<number, Map<string, Group>>();
  const contested: number[][] = [];
  const contestedSet = new Set<number[]>();
  const pairRank: number[] = [];
  const pairClient: number[] = [];
  const partnerPairs: (Map<number, number> | undefined)[] = new Array(partnerIds.length);

  for (let index = 0; index < n; index++) {
    const record = assignments[index];
    if (!isRecord(record)) {
      invalidRecord(
        issues,
        ["assignments", index],
        record,
        `An assignment must be an object; got ${describeValue(record)}.`,
      );
      continue;
    }
    const { partnerId, clientId, email, status, assignedAt, activatedAt, removedAt, expiresAt } =
      record;
    const rank = knownPartner(partnerId, "assignments", index);
    const clientOk = checkClientRef(knownClients, clientId, issues, ASSIGNMENTS, index);
    const key = emailKeyOf(emails, email, issues, ASSIGNMENTS, index);
    let valid = rank >= 0 && clientOk && key !== null;
    if (!STATUSES.has(status)) {
      valid = false;
      invalidRecord(
        issues,
        ["assignments", index, "status"],
        status,
        `status must be "pending_access", "active", "removed" or "expired"; got ${describeValue(status)}.`,
      );
    }
    if (!isTimestamp(assignedAt)) {
      valid = false;
      invalidTimestamp(issues, ASSIGNMENTS, index, "assignedAt", assignedAt);
    }
    // Each checked on its own line, so every bad timestamp is reported.
    const activatedOk = checkOptionalTimestamp(
      issues,
      ASSIGNMENTS,
      index,
      "activatedAt",
      activatedAt,
    );
    const removedOk = checkOptionalTimestamp(issues, ASSIGNMENTS, index, "removedAt", removedAt);
    const expiresOk = checkOptionalTimestamp(issues, ASSIGNMENTS, index, "expiresAt", expiresAt);
    if (!(activatedOk && removedOk && expiresOk)) valid = false;
    // Once anything is invalid the result is an error: validate, don't index.
    if (!valid || key === null || issues.length > 0) continue;
    const client = clientId as number;
    assignmentRank[index] = rank;
    assignmentKey[index] = key;

    // Check 1: the user is a tagged employee of that partner.
    const user = usersByPartner[rank]?.get(key) ?? -1;
    assignmentUser[index] = user;
    const employment = user >= 0 ? userStatus[user]! : 0;
    if (employment !== EMPLOYEE) {
      stage[index] = NO_TAGGED_EMPLOYEE;
      reason[index] = employment;
    } else if (status === "pending_access") {
      // Check 2: active during the period; a pending assignment never is.
      stage[index] = NO_ACTIVE_ASSIGNMENT;
      reason[index] = 0;
    } else if (activatedAt === undefined) {
      stage[index] = NO_ACTIVE_ASSIGNMENT;
      reason[index] = 1;
    } else {
      // rule (design 2.0a): active over [activatedAt, removedAt ?? expiresAt ?? ∞),
      // intersected with the half-open period [start, end).
      const from = Math.max(start, activatedAt as number);
      const until = Math.min(end, (removedAt ?? expiresAt ?? Number.POSITIVE_INFINITY) as number);
      if (from < until) {
        stage[index] = NO_QUALIFYING_ACTIVITY;
        windowStart[index] = from;
        windowEnd[index] = until;
      } else {
        stage[index] = NO_ACTIVE_ASSIGNMENT;
        reason[index] = 2;
      }
    }

    // Group by (client, key): activities are matched here, and a group with
    // two partners may hold an email conflict.
    let byKey = groups.get(client);
    if (byKey === undefined) {
      byKey = new Map();
      groups.set(client, byKey);
    }
    const group = byKey.get(key);
    if (group === undefined) {
      byKey.set(key, index);
    } else if (typeof group === "number") {
      const members = [group, index];
      byKey.set(key, members);
      if (assignmentRank[group] !== rank) {
        contested.push(members);
        contestedSet.add(members);
      }
    } else {
      group.push(index);
      if (!contestedSet.has(group) && assignmentRank[group[0]!] !== rank) {
        contested.push(group);
        contestedSet.add(group);
      }
    }

    // The (partner, client) pair.
    let pairs = partnerPairs[rank];
    if (pairs === undefined) {
      pairs = new Map();
      partnerPairs[rank] = pairs;
    }
    let pair = pairs.get(client);
    if (pair === undefined) {
      pair = pairRank.length;
      pairs.set(client, pair);
      pairRank.push(rank);
      pairClient.push(client);
    }
    assignmentPair[index] = pair;
  }

  // --- check 3: not a conflict contender ------------------------------------
  // The conflict rule is detectEmailConflicts' own: only groups linked by two
  // or more partners can hold a conflict, so only their assignments are
  // handed to it, which keeps attribution linear and the semantics shared.
  const conflictOf = new Map<number, EmailConflict>();
  if (issues.length === 0 && contested.length > 0) {
    const subset: Assignment[] = [];
    for (const group of contested)
      for (const index of group) subset.push(assignments[index] as Assignment);
    for (const conflict of detectEmailConflicts(subset, validPartners)) {
      const group = groups.get(conflict.clientId)?.get(conflict.email);
      if (group === undefined || typeof group === "number") continue;
      const contenders = new Set(conflict.contenders.map((party) => party.partnerId));
      for (const index of group) {
        // Check order: only an assignment that passed checks 1 and 2 fails on this one.
        if (
          stage[index] === NO_QUALIFYING_ACTIVITY &&
          contenders.has(partnerIds[assignmentRank[index]!]!)
        ) {
          stage[index] = CONFLICT_CONTENDER;
          conflictOf.set(index, conflict);
        }
      }
    }
  }

  // --- the assignment of each pair that got furthest ------------------------
  const pairBest: number[] = new Array<number>(pairRank.length).fill(-1);
  if (issues.length === 0) {
    for (let index = 0; index < n; index++) {
      const pair = assignmentPair[index]!;
      if (pair < 0) continue;
      const best = pairBest[pair]!;
      if (
        best < 0 ||
        stage[index]! > stage[best]! ||
        (stage[index] === stage[best] && precedes(assignments, assignmentKey, index, best))
      ) {
        pairBest[pair] = index;
      }
    }
  }

  return {
    issues,
    start,
    end,
    emails,
    partnerIds,
    partnerRank,
    partnerPosition: partnerIds.map((id) => partnerFirst.get(id)!),
    knownClients,
    clients,
    users,
    userRank,
    userKey,
    notEmployees,
    assignments,
    stage,
    reason,
    assignmentRank,
    assignmentUser,
    assignmentKey,
    windowStart,
    windowEnd,
    assignmentPair,
    conflictOf,
    groups,
    pairRank,
    pairClient,
    pairBest,
    partnerPairs,
  };
}

// Absent timestamps sort first.
function compareOptional(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// A total order on assignments of one pair, so that the evidence reported
// never depends on input order: email key, then the timestamps, status, and
// the email as entered. Two assignments equal in all of these are equal
// as evidence too.
function precedes(
  assignments: readonly unknown[],
  keys: readonly string[],
  i: number,
  j: number,
): boolean {
  const a = assignments[i] as Assignment;
  const b = assignments[j] as Assignment;
  const order =
    compareText(keys[i]!, keys[j]!) ||
    compareOptional(a.assignedAt, b.assignedAt) ||
    compareOptional(a.activatedAt, b.activatedAt) ||
    compareOptional(a.removedAt, b.removedAt) ||
    compareOptional(a.expiresAt, b.expiresAt) ||
    compareText(a.status, b.status) ||
    compareText(a.email, b.email);
  return order < 0;
}

// rule: the earliest activity is the evidence; equal instants go to the
// smaller email as entered, so the choice is commutative and associative.
// (Takes the candidate's fields, so nothing is allocated for a loser.)
function earlier(at: number, email: string, than: Activity): boolean {
  return at < than.at || (at === than.at && email < than.email);
}

/**
 * Feeds a batch of activities into the evidence: validates each one (an
 * invalid activity becomes an issue at `[...path, position]`), and for one
 * inside the period keeps it if it is the earliest qualifying activity of an
 * assignment, or of an untagged user on that client. Mutates `evidence`.
 *
 * @param prepared - the prepared reference data
 * @param evidence - the evidence to add to
 * @param activities - the batch, of any type
 * @param path - where the batch is in the caller's input, e.g. `["activities"]`
 * @returns nothing
 * @example
 * ```ts
 * addActivityBatch(prepared, evidence, [{ clientId: 42, email: "jane@northwind.io", at: t }], ["activities"]);
 * evidence.best.filter(Boolean).length; //=> 1
 * ```
 */
export function addActivityBatch(
  prepared: PreparedAttribution,
  evidence: ActivityEvidence,
  activities: unknown,
  path: IssuePath,
): void {
  const issues = evidence.issues;
  const list = toList(activities);
  if (list === null) {
    invalidRecord(
      issues,
      path,
      activities,
      `The activities must be an array (or another iterable); got ${describeValue(activities)}.`,
    );
    return;
  }
  const { start, end, groups, stage, windowStart, windowEnd, notEmployees, emails } = prepared;
  const best = evidence.best;
  const knownClients = prepared.knownClients;
  for (let index = 0; index < list.length; index++) {
    const record = list[index];
    if (!isRecord(record)) {
      invalidRecord(
        issues,
        [...path, index],
        record,
        `An activity must be an object; got ${describeValue(record)}.`,
      );
      continue;
    }
    const { clientId, email, at } = record;
    let valid = checkClientRef(knownClients, clientId, issues, path, index);
    const key = emailKeyOf(emails, email, issues, path, index);
    if (!isTimestamp(at)) {
      valid = false;
      invalidTimestamp(issues, path, index, "at", at);
    }
    if (!valid || key === null || issues.length > 0 || prepared.issues.length > 0) continue;
    const time = (at as number) + 0; // + 0 turns -0 into 0
    // Half-open period [start, end).
    if (time < start || time >= end) continue;
    const client = clientId as number;
    const group = groups.get(client)?.get(key);
    if (group !== undefined) {
      if (typeof group === "number") {
        consider(group, client, email as string, time);
      } else {
        for (const member of group) consider(member, client, email as string, time);
      }
    }
    const lostUsers = notEmployees.get(key);
    if (lostUsers !== undefined) {
      for (const user of lostUsers) {
        let byClient = evidence.lost.get(user);
        if (byClient === undefined) {
          byClient = new Map();
          evidence.lost.set(user, byClient);
        }
        const seen = byClient.get(client);
        if (seen === undefined || earlier(time, email as string, seen)) {
          byClient.set(client, { clientId: client, email: email as string, at: time });
        }
      }
    }
  }

  function consider(assignment: number, clientId: number, email: string, at: number): void {
    // Check 4: a qualifying activity inside the period while the assignment was active.
    if (stage[assignment] !== NO_QUALIFYING_ACTIVITY) return;
    if (at < windowStart[assignment]! || at >= windowEnd[assignment]!) return;
    const seen = best[assignment];
    if (seen === undefined || earlier(at, email, seen)) {
      best[assignment] = { clientId, email, at };
    }
  }
}

interface CurrencyTotal {
  readonly rate: PointRate;
  plain: number;
  growth: number;
}

/**
 * Turns prepared data and evidence into the attribution: decisions per pair,
 * shares split by largest remainder, points rounded from exact values, and
 * lost credit. Returns every issue at once when there is any.
 *
 * @param prepared - the prepared reference data
 * @param evidence - the evidence of every activity fed
 * @returns the attribution, or every bad record
 * @example
 * ```ts
 * finishAttributionCore(prepared, evidence).ok; //=> true
 * ```
 */
export function finishAttributionCore(
  prepared: PreparedAttribution,
  evidence: ActivityEvidence,
): Result<Attribution, AttributionError> {
  if (prepared.issues.length > 0 || evidence.issues.length > 0) {
    return refuse([...prepared.issues, ...evidence.issues]);
  }
  const {
    assignments,
    users,
    stage,
    reason,
    assignmentUser,
    assignmentKey,
    windowStart,
    windowEnd,
    assignmentPair,
    conflictOf,
    partnerIds,
    pairBest,
    pairClient,
    partnerPairs,
    clients,
  } = prepared;

  // Check 4 passed: the pair is credited, with the earliest qualifying activity.
  const creditedBy = new Int32Array(pairBest.length).fill(-1);
  const creditedActivity: (Activity | undefined)[] = new Array(pairBest.length);
  const best = evidence.best;
  for (let index = 0; index < best.length; index++) {
    const activity = best[index];
    if (activity === undefined) continue;
    const pair = assignmentPair[index]!;
    const current = creditedBy[pair]!;
    const seen = creditedActivity[pair];
    if (
      current < 0 ||
      seen === undefined ||
      earlier(activity.at, activity.email, seen) ||
      (!earlier(seen.at, seen.email, activity) &&
        precedes(assignments, assignmentKey, index, current))
    ) {
      creditedBy[pair] = index;
      creditedActivity[pair] = activity;
    }
  }

  // Decisions, partner by partner in partnerId order, clients ascending; the
  // credited pairs come out in the same order.
  const decisions: CreditDecision[] = [];
  const creditedPairs: number[] = [];
  const servicing = new Map<number, number>();
  for (let rank = 0; rank < partnerIds.length; rank++) {
    const pairs = partnerPairs[rank];
    if (pairs === undefined) continue;
    const partnerId = partnerIds[rank]!;
    const clientIds = Float64Array.from(pairs.keys()).sort();
    for (const clientId of clientIds) {
      const pair = pairs.get(clientId)!;
      const credited = creditedBy[pair]!;
      if (credited >= 0) {
        creditedPairs.push(pair);
        servicing.set(clientId, (servicing.get(clientId) ?? 0) + 1);
        decisions.push({
          partnerId,
          clientId,
          outcome: "credited",
          evidence: {
            assignment: assignments[credited] as Assignment,
            user: users[assignmentUser[credited]!] as PartnerUser,
            activeWindow: { start: windowStart[credited]!, end: windowEnd[credited]! },
            activity: creditedActivity[pair]!,
          },
        });
        continue;
      }
      const best = pairBest[pair]!;
      const assignment = assignments[best] as Assignment;
      const userIndex = assignmentUser[best]!;
      const user = userIndex >= 0 ? (users[userIndex] as PartnerUser) : null;
      switch (stage[best]) {
        case NO_TAGGED_EMPLOYEE:
          decisions.push({
            partnerId,
            clientId,
            outcome: "no_tagged_employee",
            evidence: { assignment, user, reason: NOT_TAGGED_REASONS[reason[best]!]! },
          });
          break;
        case NO_ACTIVE_ASSIGNMENT:
          decisions.push({
            partnerId,
            clientId,
            outcome: "no_active_assignment",
            evidence: { assignment, user: user!, reason: INACTIVE_REASONS[reason[best]!]! },
          });
          break;
        case CONFLICT_CONTENDER:
          decisions.push({
            partnerId,
            clientId,
            outcome: "conflict_contender",
            evidence: {
              assignment,
              user: user!,
              activeWindow: { start: windowStart[best]!, end: windowEnd[best]! },
              conflict: conflictOf.get(best)!,
            },
          });
          break;
        default:
          decisions.push({
            partnerId,
            clientId,
            outcome: "no_qualifying_activity",
            evidence: {
              assignment,
              user: user!,
              activeWindow: { start: windowStart[best]!, end: windowEnd[best]! },
            },
          });
      }
    }
  }

  // Shares: rule (design 2.5) split evenly in integer minor units, largest
  // remainder, leftover units to the smaller partnerId first. Credited pairs
  // come in partnerId order, so the k-th one seen for a client is its k-th
  // servicing partner.
  const seenPerClient = new Map<number, number>();
  const clientsOf: CreditedClient[][] = partnerIds.map(() => []);
  const totalsOf: (Map<PointRate, CurrencyTotal> | undefined)[] = new Array(partnerIds.length);
  for (const pair of creditedPairs) {
    const clientId = pairClient[pair]!;
    const rank = prepared.pairRank[pair]!;
    const client = clients.get(clientId)!;
    const count = servicing.get(clientId)!;
    const position = seenPerClient.get(clientId) ?? 0;
    seenPerClient.set(clientId, position + 1);
    const remainder = client.amountMinor % count;
    const share = (client.amountMinor - remainder) / count + (position < remainder ? 1 : 0);
    const multiplier = client.growth ? GROWTH_MULTIPLIER : 1;
    clientsOf[rank]!.push({
      clientId,
      share: { amountMinor: share, currency: client.rate.currency },
      points: pointsOfAmount(share, multiplier, client.rate),
    });
    let totals = totalsOf[rank];
    if (totals === undefined) {
      totals = new Map();
      totalsOf[rank] = totals;
    }
    let total = totals.get(client.rate);
    if (total === undefined) {
      total = { rate: client.rate, plain: 0, growth: 0 };
      totals.set(client.rate, total);
    }
    if (client.growth) total.growth += share;
    else total.plain += share;
  }

  const overflow: AttributionIssue[] = [];
  const partners: PartnerCredit[] = partnerIds.map((partnerId, rank) => {
    const totals = totalsOf[rank];
    if (totals === undefined) return { partnerId, points: 0, managedMrr: [], clients: [] };
    const byCurrency = [...totals.values()].sort((a, b) =>
      compareText(a.rate.currency, b.rate.currency),
    );
    const managedMrr = byCurrency.map((total) => {
      const amountMinor = total.plain + total.growth;
      // Sums of non-negative numbers only grow, so an unsafe sum stays unsafe.
      if (!Number.isSafeInteger(amountMinor)) {
        overflow.push({
          code: "amount_overflow",
          message: `The managed MRR of partner ${JSON.stringify(partnerId)} in ${total.rate.currency} exceeds ${Number.MAX_SAFE_INTEGER} minor units and cannot be reported exactly.`,
          path: ["partners", prepared.partnerPosition[rank]!],
          input: partnerId,
          partnerId,
          currency: total.rate.currency,
        });
      }
      return { amountMinor, currency: total.rate.currency };
    });
    // Each partner total is rounded from its own exact value (design 2.5).
    const only = byCurrency.length === 1 ? byCurrency[0]! : null;
    const weighted = only === null ? Number.NaN : only.plain + GROWTH_MULTIPLIER * only.growth;
    const points =
      only !== null && Number.isSafeInteger(weighted)
        ? pointsOfAmount(weighted, 1, only.rate)
        : pointsOfWeightedSums(
            byCurrency.map(
              (t) =>
                [t.rate, BigInt(t.plain) + BigInt(GROWTH_MULTIPLIER) * BigInt(t.growth)] as const,
            ),
          );
    return { partnerId, points, managedMrr, clients: clientsOf[rank]! };
  });
  if (overflow.length > 0) return refuse(overflow);

  return ok({ partners, decisions, lostCredit: lostCreditOf(prepared, evidence) });
}

function lostCreditOf(prepared: PreparedAttribution, evidence: ActivityEvidence): LostCredit[] {
  const { users, userRank, userKey, partnerIds } = prepared;
  const lost: LostCredit[] = [];
  for (const [index, byClient] of evidence.lost) {
    const user = users[index] as PartnerUser;
    for (const [clientId, activity] of byClient) {
      lost.push({
        partnerId: partnerIds[userRank[index]!]!,
        clientId,
        email: userKey[index]!,
        user,
        reason: user.inPartnerAccount === false ? "not_in_partner_account" : "not_tagged",
        activity,
      });
    }
  }
  return lost.sort(
    (a, b) =>
      compareText(a.partnerId, b.partnerId) ||
      a.clientId - b.clientId ||
      compareText(a.email, b.email),
  );
}

function refuse(issues: readonly AttributionIssue[]): {
  readonly ok: false;
  readonly error: AttributionError;
} {
  return err({
    code: "invalid_attribution_input",
    message: `${issues.length} record${issues.length === 1 ? " is" : "s are"} invalid; see issues.`,
    issues,
  });
}
