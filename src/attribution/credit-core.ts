/**
 * The engine behind `attributeManagedCredit` and the streaming functions, in
 * three steps. `prepareAttribution` validates and indexes the period and the
 * reference data (partners, clients, users, assignments) into a
 * {@link Ledger} and runs the three checks that do not depend on activity.
 * `Ledger.add` feeds activities into an {@link Evidence}, which keeps only the
 * earliest qualifying activity per assignment (and per untagged user and
 * client), so it grows with evidence, not with the number of activities.
 * `Ledger.finish` turns the evidence into decisions, shares and points.
 * Keeping the earliest activity (ties: the smaller email as entered) is
 * commutative and associative, so evidence fed in any order or split gives
 * the same result. Internal: not exported from the package.
 *
 * Records are identified by their position, so evidence refers to them by
 * number. For speed at scale the index is flat: each raw email string is
 * parsed once into a key number, and (client, key) groups and (partner,
 * client) pairs live in open-addressing tables of typed arrays, so the hot
 * loops allocate nothing per record and build no composite string keys. For
 * bundle size the state lives in the closure's local variables, which a
 * minifier shortens, rather than in properties, which it cannot.
 *
 * @module
 */

import {
  claimGroupCell,
  createGroupTable,
  groupCell,
  type Link,
  precedes as linkPrecedes,
  parties,
} from "../conflicts/kernel.js";
import { ownView, prototypeIsClean } from "../conflicts/records.js";
import { type EmailIssue, parseEmailIdentity } from "../domain/email-identity.js";
import { isClientId, isPartnerId, isRecord, isTimestamp, MAX_TIMESTAMP, own } from "../guards.js";
import type { Activity, Assignment, PartnerUser } from "../model.js";
import { err, ok, type Result } from "../result.js";
import {
  checkMoney,
  createRateLookup,
  describeValue,
  type IssuePath,
  type MoneyError,
  type PointRate,
} from "./money.js";
import { pointsOfAmount, pointsOfWeightedSums, toList } from "./points.js";
import { INACTIVE_REASONS, inactiveReason, windowEnd, windowStart } from "./rules/active-window.js";
import {
  EMPLOYEE_STATUSES,
  EmployeeStatus,
  employeeStatus,
  STAGE_OUTCOMES,
  Stage,
} from "./rules/checks.js";
import { isEarlierEvidence } from "./rules/evidence.js";
import { managedMultiplier } from "./rules/points.js";
import { evenShare } from "./rules/split.js";
import type {
  Attribution,
  AttributionError,
  AttributionIssue,
  ConflictEvidence,
  CreditDecision,
  CreditedClient,
  LostCredit,
  PartnerCredit,
} from "./types.js";

/**
 * What activities have shown so far. Internal; see the module comment.
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
}

/**
 * Raw email string → its key's number, or why it has none. Internal.
 *
 * @example
 * ```ts
 * const cache: EmailCache = new Map();
 * ```
 */
export type EmailCache = Map<string, number | EmailIssue>;

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

const STATUSES: readonly unknown[] = ["pending_access", "active", "removed", "expired"];
const STATUS = '"pending_access", "active", "removed" or "expired"';
const CLIENT_ID = "a positive whole number (HubID)";

function push(
  issues: AttributionIssue[],
  code: AttributionIssue["code"],
  path: IssuePath,
  input: unknown,
  message: string,
  extra?: object,
): void {
  issues.push({ code, message, path, input, ...extra } as AttributionIssue);
}

// Reports an `invalid_record` unless `valid`; returns `valid`. The path and
// message are only built for a bad value, so valid records allocate nothing.
function need(
  issues: AttributionIssue[],
  valid: boolean,
  input: unknown,
  expected: string,
  section: string,
  index?: number,
  name?: string,
): boolean {
  // The issue is built only for a bad value, so valid records allocate nothing.
  if (!valid) {
    const path: IssuePath =
      index === undefined
        ? [section]
        : name === undefined
          ? [section, index]
          : [section, index, name];
    push(
      issues,
      name === "partnerId"
        ? "invalid_partner_id"
        : name === "clientId"
          ? "invalid_client_id"
          : index === undefined && section !== "period"
            ? "invalid_list"
            : "invalid_record",
      path,
      input,
      `${name ?? (index === undefined ? section : `A record of ${section}`)} must be ${expected}; got ${describeValue(input)}.`,
    );
  }
  return valid;
}

// Reports a record that is not an object.
function isRecordAt(
  issues: AttributionIssue[],
  record: unknown,
  section: string,
  index: number,
): record is Record<string, unknown> {
  return need(issues, isRecord(record), record, "an object", section, index);
}

// Same for a timestamp field (`invalid_timestamp`); `undefined` passes when
// optional. A negative index is a field of the section itself (the period).
function time(
  issues: AttributionIssue[],
  section: string,
  index: number,
  name: string,
  input: unknown,
  optional?: boolean,
): boolean {
  const valid = isTimestamp(input) || (optional === true && input === undefined);
  if (!valid) {
    push(
      issues,
      "invalid_timestamp",
      index < 0 ? [section, name] : [section, index, name],
      input,
      `${name} must be a timestamp: a whole number of milliseconds within ±${MAX_TIMESTAMP}; got ${describeValue(input)}.`,
    );
  }
  return valid;
}

function optionalBoolean(
  issues: AttributionIssue[],
  section: string,
  index: number,
  name: string,
  input: unknown,
): boolean {
  return need(
    issues,
    input === undefined || typeof input === "boolean",
    input,
    "a boolean",
    section,
    index,
    name,
  );
}

// Absent timestamps sort first.
/**
 * The most records one list may hold (2^26, about 67 million). Typed arrays
 * sized by the number of assignments must be allocatable, and a sparse array
 * claiming 2^32 - 1 entries would otherwise be read hole by hole, each hole
 * an issue. Feed more activities than this in batches (`addActivities`).
 * Internal.
 *
 * @example
 * ```ts
 * MAX_RECORDS; //=> 67108864
 * ```
 */
export const MAX_RECORDS = 2 ** 26;

// Reports a list longer than MAX_RECORDS as one `invalid_list` issue with
// its `length` and the `maxLength`, and no `input`: the list itself may be
// all holes, and a streaming state carries its issues as JSON.
function withinLimit(issues: AttributionIssue[], items: readonly unknown[], name: string): boolean {
  const length = items.length;
  if (length <= MAX_RECORDS) return true;
  issues.push({
    code: "invalid_list",
    message: `${name} holds ${length} entries; one call reads at most ${MAX_RECORDS}${name === "activities" ? " (feed activities in batches)" : ""}.`,
    path: [name],
    length,
    maxLength: MAX_RECORDS,
  });
  return false;
}

function compareOptional(a: number | undefined, b: number | undefined): number {
  return a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a - b;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// A chain longer than this (the users of one address, the partners of one
// client) is looked up in a table instead of walked, so that no shape of
// input makes a lookup cost more than a constant: walking is faster for the
// usual short chains, and the table keeps a shared address or a client of
// many partners linear.
const SHORT_CHAIN = 32;

/**
 * Validates and indexes everything but the activities, and runs checks 1–3
 * of design 2.5 for every assignment. Never throws; problems are collected
 * in `issues`, and once there is one, records are only validated, not
 * indexed (the result will be an error anyway).
 *
 * @param input - the argument of `attributeManagedCredit`, of any type
 * @returns the ledger, with its issues
 * @example
 * ```ts
 * prepareAttribution(null).issues[0].code; //=> "invalid_record"
 * ```
 */
export function prepareAttribution(input: unknown): Ledger {
  const issues: AttributionIssue[] = [];
  const source = isRecord(input) ? input : {};
  const clean = prototypeIsClean();
  const list = (name: string): readonly unknown[] => {
    const value = own(source, name);
    const items = toList(value);
    // An input that is not an object is reported once, as a whole.
    if (isRecord(input)) need(issues, items !== null, value, "an array or another iterable", name);
    return items !== null && withinLimit(issues, items, name) ? items : [];
  };
  if (!isRecord(input)) {
    push(
      issues,
      "invalid_record",
      [],
      input,
      `The input must be an object { period, partners, clients, users, assignments, activities }; got ${describeValue(input)}.`,
    );
  }

  // --- period: rule (design 2.0a) the half-open interval [start, end); an
  // empty one is allowed, one that ends before it starts is not.
  const period = own(source, "period");
  const from = own(period, "start");
  const until = own(period, "end");
  const validPeriod = isTimestamp(from) && isTimestamp(until) && from <= until;
  if (isRecord(input) && !isRecord(period)) {
    need(issues, false, period, "an object { start, end }", "period");
  } else if (isRecord(input)) {
    const startOk = time(issues, "period", -1, "start", from);
    const endOk = time(issues, "period", -1, "end", until);
    if (startOk && endOk && !validPeriod) {
      push(
        issues,
        "invalid_period",
        ["period"],
        period,
        `The period [start, end) must not end before it starts; got start ${describeValue(from)}, end ${describeValue(until)}.`,
      );
    }
  }
  // `+ 0` turns -0 into 0, as a JSON round trip would.
  const start = validPeriod ? from + 0 : 0;
  const end = validPeriod ? until + 0 : 0;
  const bounds = { start, end };

  const table = createRateLookup(own(source, "currencyTable"));
  if (!table.ok) issues.push(table.error as AttributionIssue);
  // Without a valid table, amounts are still checked, against a placeholder
  // rate that never reaches a points figure (the result is an error).
  const rates = table.ok ? table.value : () => ({ ok: true as const, value: {} as PointRate });

  const partnerRank = new Map<string, number>();
  const clientIndex = new Map<number, number>();
  const emails: EmailCache = new Map();
  const keyOf = new Map<string, number>();
  const keys: string[] = [];
  // Per key: the latest of its users (earlier ones follow in nextUser), -1
  // for none, and how many it has; its latest user that is not a tagged
  // employee (earlier ones follow in nextUntagged).
  const keyUser: number[] = [];
  const keyUsers: number[] = [];
  const keyUntagged: number[] = [];

  // The key number of a raw email (parsed once per string; -1 for a key no
  // user or assignment has), or why it has none.
  const readEmail = (raw: unknown, cache: EmailCache, learn: boolean): number | EmailIssue => {
    if (typeof raw !== "string") return (parseEmailIdentity(raw) as { error: EmailIssue }).error;
    let found = emails.get(raw) ?? cache.get(raw);
    if (found === undefined) {
      const parsed = parseEmailIdentity(raw);
      found = parsed.ok ? (keyOf.get(parsed.value.key) ?? -1) : parsed.error;
      if (found === -1 && learn && parsed.ok) {
        found = keys.push(parsed.value.key) - 1;
        keyOf.set(parsed.value.key, found);
        keyUser.push(-1);
        keyUsers.push(0);
        keyUntagged.push(-1);
      }
      cache.set(raw, found);
    }
    return found;
  };
  // Reports an email that has no key; returns whether it has one.
  const checkEmail = (
    into: AttributionIssue[],
    section: string,
    index: number,
    input: unknown,
    key: number | EmailIssue,
  ) => {
    if (typeof key !== "number") {
      push(
        into,
        "invalid_email",
        [section, index, "email"],
        input,
        `Not a valid email address: ${key.message}`,
        {
          emailIssue: key,
        },
      );
    }
    return typeof key === "number";
  };
  // Reads a partnerId that must name a listed partner, reporting it if not.
  const partnerRef = (section: string, index: number, value: unknown): number | undefined => {
    const rank = partnerRank.get(value as string);
    if (
      need(issues, isPartnerId(value), value, "a non-empty string", section, index, "partnerId") &&
      rank === undefined
    ) {
      push(
        issues,
        "unknown_partner",
        [section, index, "partnerId"],
        value,
        `No partner ${JSON.stringify(value)} is in the input.`,
        {
          partnerId: value,
        },
      );
    }
    return rank;
  };
  // Reads a clientId that must name a listed client, reporting it if not.
  // A client whose record has another problem is listed, so references to
  // it are not reported a second time.
  const clientRef = (
    into: AttributionIssue[],
    section: string,
    index: number,
    value: unknown,
  ): number | undefined => {
    const c = clientIndex.get(value as number);
    if (
      need(into, isClientId(value), value, CLIENT_ID, section, index, "clientId") &&
      c === undefined
    ) {
      push(
        into,
        "unknown_client",
        [section, index, "clientId"],
        value,
        `No client ${value} is in the input.`,
        {
          clientId: value,
        },
      );
    }
    return c;
  };
  const duplicate = (
    section: string,
    index: number,
    record: unknown,
    first: number,
    what: string,
    extra: object,
  ) =>
    push(
      issues,
      `duplicate_${section.slice(0, -1)}` as "duplicate_user",
      [section, index],
      record,
      `${what} is listed more than once.`,
      {
        ...extra,
        firstPath: [section, first],
      },
    );

  // --- partners -----------------------------------------------------------
  const partners = list("partners");
  const partnerFirst = new Map<string, number>();
  for (let index = 0; index < partners.length; index++) {
    const record = partners[index];
    if (!isRecordAt(issues, record, "partners", index)) continue;
    const { partnerId, program, employeeDomains, matchSubdomains } = ownView(record, clean);
    const first = partnerFirst.get(partnerId as string);
    const valid = need(
      issues,
      isPartnerId(partnerId),
      partnerId,
      "a non-empty string",
      "partners",
      index,
      "partnerId",
    );
    if (first !== undefined) {
      duplicate("partners", index, record, first, `The partner ${JSON.stringify(partnerId)}`, {
        partnerId,
      });
    } else if (valid) {
      partnerFirst.set(partnerId as string, index);
    }
    // The rules read no other field of a partner, but a record of the wrong
    // shape is reported all the same.
    need(
      issues,
      program === "partner" || program === "provider",
      program,
      '"partner" or "provider"',
      "partners",
      index,
      "program",
    );
    need(
      issues,
      Array.isArray(employeeDomains) && employeeDomains.every((d) => typeof d === "string"),
      employeeDomains,
      "an array of domain names",
      "partners",
      index,
      "employeeDomains",
    );
    optionalBoolean(issues, "partners", index, "matchSubdomains", matchSubdomains);
  }
  const partnerIds = [...partnerFirst.keys()].sort();
  const partnerPosition = partnerIds.map((id, rank) => {
    partnerRank.set(id, rank);
    return partnerFirst.get(id)!;
  });

  // --- clients ------------------------------------------------------------
  const clients = list("clients");
  const clientIds: number[] = [];
  const clientMrr: number[] = [];
  const clientRate: PointRate[] = [];
  const clientGrowth: boolean[] = [];
  const clientFirst: number[] = [];
  for (let index = 0; index < clients.length; index++) {
    const record = clients[index];
    if (!isRecordAt(issues, record, "clients", index)) continue;
    const { clientId, mrr, growthMarket } = ownView(record, clean);
    const first = clientIndex.get(clientId as number);
    let valid = need(
      issues,
      isClientId(clientId),
      clientId,
      CLIENT_ID,
      "clients",
      index,
      "clientId",
    );
    if (first !== undefined) {
      valid = false;
      duplicate("clients", index, record, clientFirst[first]!, `The client ${clientId}`, {
        clientId,
      });
    }
    const money = checkMoney(mrr, rates, ["clients", index, "mrr"], issues as MoneyError[]);
    valid = optionalBoolean(issues, "clients", index, "growthMarket", growthMarket) && valid;
    if (first === undefined && isClientId(clientId)) {
      clientIndex.set(clientId, clientIds.push(clientId) - 1);
      clientFirst.push(index);
      clientMrr.push(money?.amountMinor ?? 0);
      clientRate.push(valid && money !== null ? money.rate : (undefined as unknown as PointRate));
      clientGrowth.push(growthMarket === true);
    }
  }

  // --- users ----------------------------------------------------------------
  const users = list("users");
  const userCount = users.length;
  const userRank = new Int32Array(userCount).fill(-1);
  const userKey = new Int32Array(userCount);
  // Index into REASONS[0] of check 1, or EMPLOYEE.
  const userStatus = new Uint8Array(userCount);
  const nextUser = new Int32Array(userCount).fill(-1);
  const nextUntagged = new Int32Array(userCount).fill(-1);
  // (partner, key) → the user: one per partner and address.
  const userTable = createGroupTable(userCount);
  for (let index = 0; index < userCount; index++) {
    const record = users[index];
    if (!isRecordAt(issues, record, "users", index)) continue;
    const {
      partnerId,
      email: raw,
      tagged,
      inPartnerAccount,
    } = ownView(record, clean) as unknown as PartnerUser;
    const rank = partnerRef("users", index, partnerId);
    const key = readEmail(raw, emails, true);
    // Each checked on its own line, so every bad field is reported.
    let valid = checkEmail(issues, "users", index, raw, key);
    valid =
      need(issues, typeof tagged === "boolean", tagged, "a boolean", "users", index, "tagged") &&
      valid;
    valid = optionalBoolean(issues, "users", index, "inPartnerAccount", inPartnerAccount) && valid;
    if (!valid || rank === undefined) continue;
    const k = key as number;
    const at = groupCell(userTable, rank, k);
    const twin = userTable.cells[at + 2]! - 1;
    if (twin >= 0) {
      duplicate(
        "users",
        index,
        record,
        twin,
        `The user ${keys[k]} of partner ${JSON.stringify(partnerId)}`,
        {
          partnerId,
          email: keys[k],
        },
      );
      continue;
    }
    claimGroupCell(userTable, at, rank, k, index);
    nextUser[index] = keyUser[k]!;
    keyUser[k] = index;
    keyUsers[k]!++;
    userRank[index] = rank;
    userKey[index] = k;
    // rule: only tagged users still in the partner account are its employees.
    userStatus[index] = employeeStatus(tagged, inPartnerAccount);
    if (userStatus[index] !== EmployeeStatus.Employee) {
      nextUntagged[index] = keyUntagged[k]!;
      keyUntagged[k] = index;
    }
  }

  // --- assignments: validate, run checks 1–2, group -------------------------
  const assignments = list("assignments");
  const n = assignments.length;
  // Per assignment: its active window within the period (start, end) and
  // the previous assignment of its (client, key) group, side by side since
  // matching an activity reads all three; and how far it got through the
  // checks with the reason it stopped. With the group table and the evidence
  // that is 60 bytes of typed arrays per assignment (it was 82), so a
  // million assignments stay below the 64 MB of new typed arrays after which
  // V8 marks the whole heap, input included, in mid-run.
  const span = new Float64Array(3 * n);
  const stage = new Uint8Array(n);
  const reason = new Uint8Array(n);
  const assignmentKey = new Int32Array(n);
  const assignmentPair = new Int32Array(n).fill(-1);
  // (client, key) → the latest assignment of the group; earlier ones follow
  // through `span[3 * i + 2]`. A group linked by two partners may hold a conflict.
  const groups = createGroupTable(n);
  const cells = groups.cells;
  const contested: number[] = [];
  // Per client, its latest pair (earlier ones follow in nextPair) and how
  // many it has; the pairs of a client with many partners are in pairTable.
  const clientPair = new Int32Array(clientIds.length).fill(-1);
  const clientPairs = new Int32Array(clientIds.length);
  const nextPair: number[] = [];
  const pairRank: number[] = [];
  const pairClient: number[] = [];
  const pairTable = createGroupTable(0, true);

  // The (partner, client) pair of an assignment, made on first use: a walk
  // of the client's pairs while it has few, a table lookup past that.
  const pairOf = (c: number, rank: number): number => {
    let pair = clientPair[c]!;
    if (clientPairs[c]! > SHORT_CHAIN) {
      pair = pairTable.cells[groupCell(pairTable, c, rank) + 2]! - 1;
    } else {
      while (pair >= 0 && pairRank[pair] !== rank) pair = nextPair[pair]!;
    }
    if (pair >= 0) return pair;
    pair = pairRank.push(rank) - 1;
    pairClient.push(c);
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
  };

  // The assignments as the rules read them (see ownFields): the list
  // itself, until a record needs a copy of its own fields.
  let views: unknown[] | null = null;
  const view = (i: number) => (views ?? assignments)[i] as Assignment;
  for (let index = 0; index < n; index++) {
    const given = assignments[index];
    if (!isRecordAt(issues, given, "assignments", index)) continue;
    const fields = ownView(given, clean);
    const record = fields as unknown as Assignment;
    if (fields !== given) {
      views ??= assignments.slice();
      views[index] = record;
    }
    const {
      partnerId,
      clientId,
      email: raw,
      status,
      assignedAt,
      activatedAt,
      removedAt,
      expiresAt,
    } = record;
    const key = readEmail(raw, emails, true);
    // The partner of the address's user, found without hashing its id
    // when the address has few users.
    let user = -1;
    let rank: number | undefined;
    if (typeof key === "number" && keyUsers[key]! <= SHORT_CHAIN) {
      user = keyUser[key]!;
      while (user >= 0 && partnerIds[userRank[user]!] !== partnerId) user = nextUser[user]!;
    } else if (typeof key === "number") {
      rank = partnerRank.get(partnerId as string);
      if (rank !== undefined) user = userTable.cells[groupCell(userTable, rank, key) + 2]! - 1;
    }
    rank = user >= 0 ? userRank[user] : partnerRef("assignments", index, partnerId);
    const c = clientRef(issues, "assignments", index, clientId);
    // Each checked on its own line, so every bad field is reported.
    let valid = checkEmail(issues, "assignments", index, raw, key);
    valid =
      need(issues, STATUSES.includes(status), status, STATUS, "assignments", index, "status") &&
      valid;
    valid = time(issues, "assignments", index, "assignedAt", assignedAt) && valid;
    valid = time(issues, "assignments", index, "activatedAt", activatedAt, true) && valid;
    valid = time(issues, "assignments", index, "removedAt", removedAt, true) && valid;
    valid = time(issues, "assignments", index, "expiresAt", expiresAt, true) && valid;
    // Once anything is invalid the result is an error: validate, don't index.
    if (!valid || rank === undefined || c === undefined || issues.length > 0) continue;
    const k = key as number;
    assignmentKey[index] = k;

    // Check 1: the user is a tagged employee of that partner.
    const employment = user >= 0 ? userStatus[user]! : 0;
    // rule (design 2.0a): active over [activatedAt, removedAt ?? expiresAt ?? ∞),
    // intersected with the half-open period [start, end).
    if (employment !== EmployeeStatus.Employee) {
      stage[index] = Stage.NoTaggedEmployee;
      reason[index] = employment;
    } else {
      // Check 2: active during the period (rules/active-window.ts).
      const from = windowStart(activatedAt, bounds);
      const until = windowEnd(removedAt, expiresAt, bounds);
      const inactive = inactiveReason(status, activatedAt, from, until);
      span[3 * index] = from;
      span[3 * index + 1] = until;
      stage[index] = inactive === -1 ? Stage.Candidate : Stage.NoActiveAssignment;
      reason[index] = inactive === -1 ? 0 : inactive;
    }

    // Group by (client, key): activities are matched here.
    const g = groupCell(groups, c, k);
    const latest = cells[g + 2]! - 1;
    if (latest < 0) claimGroupCell(groups, g, c, k, index);
    else cells[g + 2] = index + 1;
    span[3 * index + 2] = latest;
    // The group is contested once a second partner links the key: marked
    // on the first member that differs from its predecessor's partner.
    if (latest >= 0 && pairRank[assignmentPair[latest]!] !== rank) contested.push(index);

    assignmentPair[index] = pairOf(c, rank);
  }

  // --- check 3: not a conflict contender, by the rule of the conflicts kernel:
  // in a group linked by two or more partners, the live (pending or active)
  // assignments link the address, each partner is represented by its
  // earliest link, the earliest of those holds it, and an assignment of
  // another partner with a live link that passed checks 1 and 2 is a
  // contender. Only contested groups are examined, so this stays linear.
  const conflictOf = new Map<number, ConflictEvidence>();
  const examined = new Set<number>();
  for (const member of issues.length === 0 ? contested : []) {
    const g = groupCell(groups, clientIndex.get(view(member).clientId)!, assignmentKey[member]!);
    if (examined.has(g)) continue;
    examined.add(g);
    const links = new Map<number, Link>();
    for (let i = cells[g + 2]! - 1; i >= 0; i = span[3 * i + 2]!) {
      const { partnerId, clientId, email, status, assignedAt } = view(i);
      // `+ 0` turns -0 into 0, as the detector does.
      const link = { partnerId, clientId, email, assignedAt: assignedAt + 0 } as Link;
      const seen = links.get(pairRank[assignmentPair[i]!]!);
      if (
        (status === "active" || status === "pending_access") &&
        (seen === undefined || linkPrecedes(link, seen))
      )
        links.set(pairRank[assignmentPair[i]!]!, link);
    }
    if (links.size < 2) continue;
    const [holder, ...rest] = parties(links.values());
    const party = ({ partnerId, email, assignedAt }: Link) => ({ partnerId, email, assignedAt });
    const conflict = {
      clientId: holder!.clientId,
      email: keys[assignmentKey[member]!]!,
      holder: party(holder!),
      contenders: rest.map(party),
    };
    for (let i = cells[g + 2]! - 1; i >= 0; i = span[3 * i + 2]!) {
      const link = links.get(pairRank[assignmentPair[i]!]!);
      if (stage[i] === Stage.Candidate && link !== undefined && link !== holder) {
        stage[i] = Stage.ConflictContender;
        conflictOf.set(i, conflict);
      }
    }
  }

  // Activities credit candidates only: each group's chain now skips every
  // other member (pending, inactive, untagged, contenders), so an activity
  // costs its group's candidates, not its whole group. In index order each
  // member's predecessor already points at its nearest earlier candidate.
  for (let i = 0; i < n; i++) {
    const previous = span[3 * i + 2]!;
    if (previous >= 0 && stage[previous] !== Stage.Candidate)
      span[3 * i + 2] = span[3 * previous + 2]!;
  }

  // Each key's rank in the order of the keys, so that comparing two keys is
  // comparing two integers.
  const keyRank = new Int32Array(keys.length);
  keys
    .map((_, k) => k)
    .sort((a, b) => compareText(keys[a]!, keys[b]!))
    .forEach((k, rank) => {
      keyRank[k] = rank;
    });

  // A total order on assignments of one pair, so that the evidence reported
  // never depends on input order: email key, then the timestamps, status,
  // and the email as entered; the position breaks a tie between records
  // that differ only in fields the rules do not read.
  const precedes = (i: number, j: number): boolean => {
    const byKey = keyRank[assignmentKey[i]!]! - keyRank[assignmentKey[j]!]!;
    // Most pairs are told apart by their keys: the records are not read then.
    if (byKey !== 0) return byKey < 0;
    const a = view(i);
    const b = view(j);
    return (
      (compareOptional(a.assignedAt, b.assignedAt) ||
        compareOptional(a.activatedAt, b.activatedAt) ||
        compareOptional(a.removedAt, b.removedAt) ||
        compareOptional(a.expiresAt, b.expiresAt) ||
        compareText(a.status, b.status) ||
        compareText(a.email, b.email) ||
        i - j) < 0
    );
  };

  // The user behind an assignment: the user of its key in its partner.
  const userOf = (assignment: number): number => {
    const rank = pairRank[assignmentPair[assignment]!]!;
    const k = assignmentKey[assignment]!;
    return userTable.cells[groupCell(userTable, rank, k) + 2]! - 1;
  };

  // The assignment of each pair that got furthest through checks 1–3.
  const pairBest = new Int32Array(pairRank.length).fill(-1);
  for (let index = 0; index < n; index++) {
    const pair = assignmentPair[index]!;
    const best = pairBest[pair]!;
    if (
      pair >= 0 &&
      (best < 0 ||
        stage[index]! > stage[best]! ||
        (stage[index] === stage[best] && precedes(index, best)))
    )
      pairBest[pair] = index;
  }

  const add = (evidence: Evidence, activities: unknown, offset: number, cache = emails): number => {
    const list = toList(activities);
    const { at: best, email: bestEmail, lost } = evidence;
    if (
      !need(
        evidence.issues,
        list !== null,
        activities,
        "an array or another iterable",
        "activities",
      )
    )
      return 0;
    const items = list as readonly unknown[];
    if (!withinLimit(evidence.issues, items, "activities")) return 0;
    for (let index = 0; index < items.length; index++) {
      const given = items[index];
      const into = evidence.issues;
      const position = offset + index;
      if (!isRecordAt(into, given, "activities", position)) continue;
      const record = ownView(given, clean) as unknown as Activity;
      const client = clientRef(into, "activities", position, record.clientId);
      const key = readEmail(record.email, cache, false);
      // Each checked on its own line, so every bad field is reported.
      const valid = checkEmail(into, "activities", position, record.email, key);
      if (!time(into, "activities", position, "at", record.at) || !valid || client === undefined)
        continue;
      const t = record.at + 0; // + 0 turns -0 into 0
      // Half-open period [start, end); an unknown key matches nothing.
      if (into.length > 0 || issues.length > 0 || t < start || t >= end || (key as number) < 0)
        continue;
      const k = key as number;
      const email = record.email;
      // The group's latest candidate: the chain holds only candidates.
      let i = cells[groupCell(groups, client, k) + 2]! - 1;
      if (i >= 0 && stage[i] !== Stage.Candidate) i = span[3 * i + 2]!;
      for (; i >= 0; i = span[3 * i + 2]!) {
        // Check 4: a qualifying activity inside the period while the
        // assignment was active; the earliest is its evidence.
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
      // Lost credit: kept once per (address, client), for all the users
      // of the address who are not tagged employees (they share it).
      if (keyUntagged[k]! >= 0) {
        let byClient = lost.get(k);
        if (byClient === undefined) {
          byClient = new Map();
          lost.set(k, byClient);
        }
        const clientId = clientIds[client]!;
        const seen = byClient.get(clientId);
        if (seen === undefined || isEarlierEvidence(t, email, seen.at, seen.email)) {
          byClient.set(clientId, { clientId, email, at: t });
        }
      }
    }
    return items.length;
  };

  const finish = (
    evidence: Evidence,
    position: readonly number[],
  ): Result<Attribution, AttributionError> => {
    const all = [...issues, ...evidence.issues];
    if (all.length > 0) return refuse(all);
    const { at, email } = evidence;

    // Check 4 passed: the pair is credited, with the earliest qualifying activity.
    const creditedBy = new Int32Array(pairRank.length).fill(-1);
    for (let index = 0; index < n; index++) {
      const t = at[index]!;
      const pair = assignmentPair[index]!;
      const c = creditedBy[pair]!;
      // The pair's evidence: its assignments' earliest activity (the same
      // rule), and of two alike, the assignment that comes first.
      if (
        !Number.isNaN(t) &&
        (c < 0 ||
          isEarlierEvidence(t, email[index]!, at[c]!, email[c]) ||
          (t === at[c] && email[index] === email[c] && precedes(index, c)))
      )
        creditedBy[pair] = index;
    }

    // Decisions, partner by partner in partnerId order, clients ascending; the
    // credited pairs come out in the same order.
    const pairsOf: number[][] = partnerIds.map(() => []);
    for (let pair = 0; pair < pairRank.length; pair++) pairsOf[pairRank[pair]!]!.push(pair);
    const decisions: CreditDecision[] = [];
    const credited: number[] = [];
    // Per client (by index): how many partners it credits.
    const servicing = new Int32Array(clientIds.length);
    for (const list of pairsOf) {
      list.sort((x, y) => clientIds[pairClient[x]!]! - clientIds[pairClient[y]!]!);
      for (const pair of list) {
        const by = creditedBy[pair]!;
        const best = by >= 0 ? by : pairBest[pair]!;
        const clientId = clientIds[pairClient[pair]!]!;
        const u = userOf(best);
        const s = stage[best]!;
        const evidenceOf: Record<string, unknown> = {
          assignment: assignments[best],
          user: u >= 0 ? users[u] : null,
        };
        if (s === Stage.NoTaggedEmployee) evidenceOf.reason = EMPLOYEE_STATUSES[reason[best]!];
        else if (s === Stage.NoActiveAssignment)
          evidenceOf.reason = INACTIVE_REASONS[reason[best]!];
        else evidenceOf.activeWindow = { start: span[3 * best], end: span[3 * best + 1] };
        if (s === Stage.ConflictContender) evidenceOf.conflict = conflictOf.get(best);
        if (by >= 0) {
          credited.push(pair);
          servicing[pairClient[pair]!]!++;
          evidenceOf.activity = { clientId, email: email[by], at: at[by] };
        }
        decisions.push({
          partnerId: partnerIds[pairRank[pair]!]!,
          clientId,
          outcome: by >= 0 ? "credited" : STAGE_OUTCOMES[s]!,
          evidence: evidenceOf,
        } as CreditDecision);
      }
    }

    // Shares: rule (design 2.5) split evenly in integer minor units, largest
    // remainder, leftover units to the smaller partnerId first. Credited pairs
    // come in partnerId order, so the k-th one seen for a client is its k-th
    // servicing partner.
    const seenPerClient = new Int32Array(clientIds.length);
    const clientsOf: CreditedClient[][] = partnerIds.map(() => []);
    // Per partner: rate → [plain, growth] minor units.
    const totalsOf = partnerIds.map(() => new Map<PointRate, [number, number]>());
    for (const pair of credited) {
      const c = pairClient[pair]!;
      const clientId = clientIds[c]!;
      const amount = clientMrr[c]!;
      const rate = clientRate[c]!;
      const growth = clientGrowth[c]!;
      const count = servicing[c]!;
      const position = seenPerClient[c]!++;
      const share = evenShare(amount, count, position);
      clientsOf[pairRank[pair]!]!.push({
        clientId,
        share: { amountMinor: share, currency: rate.currency },
        points: pointsOfAmount(share, managedMultiplier(growth), rate),
      });
      const totals = totalsOf[pairRank[pair]!]!;
      const total = totals.get(rate) ?? [0, 0];
      total[growth ? 1 : 0] += share;
      totals.set(rate, total);
    }

    const overflow: AttributionIssue[] = [];
    const partnerCredits: PartnerCredit[] = partnerIds.map((partnerId, rank) => {
      const totals = [...totalsOf[rank]!].sort(([a], [b]) => compareText(a.currency, b.currency));
      const managedMrr = totals.map(([{ currency }, [plain, growth]]) => {
        const amountMinor = plain + growth;
        // Sums of non-negative numbers only grow, so an unsafe sum stays unsafe.
        if (!Number.isSafeInteger(amountMinor)) {
          push(
            overflow,
            "amount_overflow",
            ["partners", position[rank]!],
            partnerId,
            `The managed MRR of partner ${JSON.stringify(partnerId)} in ${currency} exceeds ${Number.MAX_SAFE_INTEGER} minor units.`,
            { partnerId, currency },
          );
        }
        return { amountMinor, currency };
      });
      // Each partner total is rounded from its own exact value (design 2.5).
      const [only, more] = totals;
      // Points per US$100 of the plain and the growth-market minor units.
      const plain = managedMultiplier(false);
      const growing = managedMultiplier(true);
      const weighted = only === undefined ? 0 : only[1][0] * plain + only[1][1] * growing;
      return {
        partnerId,
        points:
          only !== undefined && more === undefined && Number.isSafeInteger(weighted)
            ? pointsOfAmount(weighted, 1, only[0])
            : pointsOfWeightedSums(
                totals.map(
                  ([rate, [p, g]]) =>
                    [rate, BigInt(p) * BigInt(plain) + BigInt(g) * BigInt(growing)] as const,
                ),
              ),
        managedMrr,
        clients: clientsOf[rank]!,
      };
    });
    if (overflow.length > 0) return refuse(overflow);

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
    lostCredit.sort(
      (a, b) =>
        compareText(a.partnerId, b.partnerId) ||
        a.clientId - b.clientId ||
        compareText(a.email, b.email),
    );
    return ok({ partners: partnerCredits, decisions, lostCredit });
  };

  return {
    issues,
    partnerPosition,
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
    }),
    add,
    finish,
  };
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
