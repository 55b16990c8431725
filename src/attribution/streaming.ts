/**
 * Streaming attribution (design 2.5, "for data too big for one call"):
 * start a state from the period and the reference data, feed it activity
 * batches in any order and any size, merge states built in parallel, and
 * finish with exactly the result `attributeManagedCredit` gives over all the
 * activities added. States are plain JSON values with a `version`, so a
 * worker can send its part through a queue or a database row; the format is
 * {@link AttributionState} (and docs/attribution.md).
 *
 * All four functions run the one engine `attributeManagedCredit` runs (the
 * ledger of credit-core.ts): a state carries its reference data, canonically
 * ordered, and decoding a state is preparing that reference data again, so
 * the streaming and the one-shot results cannot drift apart.
 *
 * @module
 */

import { parseEmailIdentity } from "../domain/email-identity.js";
import { isClientId, isRecord, isTimestamp, own } from "../guards.js";
import type { Activity, ClientId, Period } from "../model.js";
import { err, type IssueBase, ok, type Result } from "../result.js";
import { type EmailCache, type Evidence, type Ledger, prepareAttribution } from "./credit-core.js";
import { describeValue, type IssuePath } from "./money.js";
import { toList } from "./points.js";
import { isEarlierEvidence } from "./rules/evidence.js";
import {
  type AttributionStateValue,
  decodeValue,
  encodeFields,
  encodeValue,
  fingerprintOf,
  INVALID,
  isJsonSafe,
} from "./state-value.js";
import type { Attribution, AttributionError, AttributionInput, AttributionIssue } from "./types.js";

/**
 * The argument of {@link startAttribution}: the input of
 * `attributeManagedCredit` without the activities (an `activities` field is
 * ignored; feed them with {@link addActivities}).
 *
 * @example
 * ```ts
 * const reference: AttributionStartInput = { period: jan, partners, clients, users, assignments };
 * ```
 */
export type AttributionStartInput = Omit<AttributionInput, "activities">;

/**
 * A reference record in a state: the caller's record when JSON carries it
 * unchanged (then the state shares it, so do not mutate it), otherwise its
 * fields encoded as `["o", key, value, …]` (see docs/attribution.md).
 *
 * @example
 * ```ts
 * const record: AttributionStateRecord = { partnerId: "acme", email: "jane@acme.com", tagged: true };
 * ```
 */
export type AttributionStateRecord =
  | { readonly [field: string]: AttributionStateValue }
  | readonly AttributionStateValue[];

/**
 * The reference data a state was started from, canonically ordered, so that
 * two states started from the same data in any order are equal. Only
 * `startAttribution` builds one.
 *
 * @example
 * ```ts
 * state.reference.partners.length; //=> the number of partners
 * ```
 */
export interface AttributionStateReference {
  readonly period: Period;
  /** The caller's currency table, encoded; `null` for the default table. */
  readonly currencyTable: AttributionStateValue;
  /** Sorted by `partnerId`. */
  readonly partners: readonly AttributionStateRecord[];
  /** Sorted by `clientId`. */
  readonly clients: readonly AttributionStateRecord[];
  /** Sorted by `partnerId`, then email key. */
  readonly users: readonly AttributionStateRecord[];
  /**
   * Sorted by `partnerId`, `clientId`, email key, `assignedAt`,
   * `activatedAt`, `removedAt`, `expiresAt`, `status`, email as entered,
   * then input order.
   */
  readonly assignments: readonly AttributionStateRecord[];
}

/**
 * An invalid activity a state carries until {@link finishAttribution} reports
 * it: its position among the activities fed (`null` when a batch was not a
 * list at all), the field (`null` for the whole record), and the rest of the
 * {@link AttributionIssue}, encoded.
 *
 * @example
 * ```ts
 * const issue: AttributionStateIssue = { position: 7, field: "clientId", issue: ["o", "clientId", 99, "code", "unknown_client", …] };
 * ```
 */
export interface AttributionStateIssue {
  readonly position: number | null;
  readonly field: string | null;
  readonly issue: AttributionStateValue;
}

/**
 * A streaming attribution in progress, as plain JSON (version 1). Evidence
 * is kept per reference record, so a state grows with the assignments and
 * the (untagged user, client) pairs that have evidence, never with the number
 * of activities fed; only invalid activities are kept one by one.
 *
 * @example
 * ```ts
 * const wire = JSON.stringify(state);
 * const back: AttributionState = JSON.parse(wire);
 * back.version; //=> 1
 * ```
 */
export interface AttributionState {
  readonly format: "partner-access/attribution-state";
  readonly version: 1;
  /** 16 hex digits: the fingerprint of `reference`. States merge only when theirs are equal. */
  readonly fingerprint: string;
  readonly reference: AttributionStateReference;
  /**
   * Per partner in `reference.partners` order, the position of its record in
   * the list `startAttribution` was given: where an `amount_overflow` issue
   * points. Not part of the fingerprint.
   */
  readonly partnerPositions: readonly number[];
  /** Activities fed so far, valid or not: the position the next one gets. */
  readonly activityCount: number;
  /**
   * The earliest qualifying activity per assignment that has one: three
   * lists of one length, by increasing `assignments` (a position in
   * `reference.assignments`); the activity's client is the assignment's.
   */
  readonly evidence: {
    readonly assignments: readonly number[];
    readonly at: readonly number[];
    readonly emails: readonly string[];
  };
  /**
   * The earliest activity in the period per (user who is no tagged
   * employee, client), by increasing `users` (a position in
   * `reference.users`), then `clients`.
   */
  readonly lostCredit: {
    readonly users: readonly number[];
    readonly clients: readonly ClientId[];
    readonly at: readonly number[];
    readonly emails: readonly string[];
  };
  /** Invalid activities, in the order they were fed. */
  readonly issues: readonly AttributionStateIssue[];
}

/**
 * Why a value cannot be used as an {@link AttributionState}, or two states
 * cannot be merged:
 * - `invalid_attribution_state`: `reason` is `not_a_state` (not an object
 *   with the state's `format`), `unsupported_version` (a `version` this
 *   release does not read), `malformed` (a field of the wrong shape, at
 *   `path`), or `fingerprint_mismatch` (the reference data does not match
 *   the fingerprint: the state was altered or damaged). From
 *   `mergeAttributionStates`, `state` says which argument.
 * - `attribution_states_differ`: the two states were started from different
 *   periods or reference data (their fingerprints differ).
 *
 * @example
 * ```ts
 * const r = finishAttribution({ ...state, version: 2 } as never);
 * if (!r.ok && r.error.code === "invalid_attribution_state") r.error.reason; //=> "unsupported_version"
 * ```
 */
export type AttributionStateError =
  | (IssueBase<"invalid_attribution_state"> & {
      readonly reason: "not_a_state" | "unsupported_version" | "malformed" | "fingerprint_mismatch";
      /** Where in the state the problem is. */
      readonly path: IssuePath;
      readonly state?: "first" | "second";
    })
  | (IssueBase<"attribution_states_differ"> & {
      readonly fingerprints: readonly [string, string];
    });

const FORMAT = "partner-access/attribution-state";
const FIELDS = {
  partners: ["partnerId", "program", "employeeDomains", "matchSubdomains"],
  clients: ["clientId", "mrr", "growthMarket"],
  users: ["partnerId", "email", "tagged", "inPartnerAccount"],
  assignments: [
    "partnerId",
    "clientId",
    "email",
    "status",
    "assignedAt",
    "activatedAt",
    "removedAt",
    "expiresAt",
  ],
} as const;
type Section = keyof typeof FIELDS;
const SECTIONS = Object.keys(FIELDS) as Section[];

// A decoded reference: its ledger and fingerprint, or why it is no reference.
type Decoded = { readonly ledger: Ledger; readonly fingerprint: string } | AttributionStateError;
// Decoding a reference costs as much as preparing its data; a state fed many
// batches keeps the same reference object, so it is decoded once.
const decoded = new WeakMap<object, Decoded>();

const isObject = isRecord;

function invalidState(
  reason: "not_a_state" | "unsupported_version" | "malformed" | "fingerprint_mismatch",
  path: IssuePath,
  detail: string,
): AttributionStateError {
  return {
    code: "invalid_attribution_state",
    message: `Not a usable attribution state: ${detail}`,
    reason,
    path,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Absent timestamps sort first.
function compareOptional(a: unknown, b: unknown): number {
  return a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : (a as number) - (b as number);
}

function encodeRecord(record: unknown, section: Section): AttributionStateRecord {
  // A record JSON carries unchanged is shared; any other is copied: its own
  // enumerable fields and the own fields the rules read.
  if (isJsonSafe(record)) return record as AttributionStateRecord;
  const value = record as Record<string, unknown>;
  return encodeFields(value, [
    ...Object.keys(value),
    ...FIELDS[section].filter((name) => Object.hasOwn(value, name)),
  ]) as readonly AttributionStateValue[];
}

function decodeRecord(record: unknown): unknown {
  if (isObject(record)) return record;
  const value = decodeValue(record);
  return isObject(value) ? value : INVALID;
}

// Decoded references by fingerprint, held weakly: states parsed from JSON
// have references equal in content but not identical, and hashing one is
// much cheaper than preparing it again.
const byFingerprint = new Map<string, WeakRef<Decoded>>();

function decodeReference(reference: unknown): Decoded {
  if (!isObject(reference))
    return invalidState("malformed", ["reference"], "reference is not an object.");
  const cached = decoded.get(reference);
  if (cached !== undefined) return cached;
  const fingerprint = fingerprintOf(reference);
  if (fingerprint === null)
    return invalidState("malformed", ["reference"], "the reference is not JSON.");
  let result = byFingerprint.get(fingerprint)?.deref();
  if (result === undefined) {
    result = decodeUncached(reference, fingerprint);
    if ("ledger" in result) {
      for (const [key, ref] of byFingerprint)
        if (ref.deref() === undefined) byFingerprint.delete(key);
      byFingerprint.set(fingerprint, new WeakRef(result));
    }
  }
  decoded.set(reference, result);
  return result;
}

function decodeUncached(reference: Record<string, unknown>, fingerprint: string): Decoded {
  const input: Record<string, unknown> = { period: own(reference, "period") };
  const encodedTable = own(reference, "currencyTable");
  if (encodedTable !== null) {
    const table = decodeValue(encodedTable);
    if (table === INVALID)
      return invalidState(
        "malformed",
        ["reference", "currencyTable"],
        "the currency table does not decode.",
      );
    input.currencyTable = table;
  }
  for (const section of SECTIONS) {
    const records = own(reference, section);
    if (!Array.isArray(records))
      return invalidState(
        "malformed",
        ["reference", section],
        `reference.${section} is not a list.`,
      );
    const list: unknown[] = [];
    for (let i = 0; i < records.length; i++) {
      const record = decodeRecord(records[i]);
      if (record === INVALID)
        return invalidState(
          "malformed",
          ["reference", section, i],
          `reference.${section}[${i}] does not decode.`,
        );
      list.push(record);
    }
    input[section] = list;
  }
  // The reference was valid input when the state started: preparing it
  // again finds no issue, unless it was altered.
  const ledger = prepareAttribution(input);
  const [issue] = ledger.issues;
  if (issue !== undefined)
    return invalidState(
      "malformed",
      ["reference", ...issue.path],
      `its reference data is invalid: ${issue.message}`,
    );
  return { ledger, fingerprint };
}

/**
 * Starts a streaming attribution: validates the period and the reference
 * data exactly as `attributeManagedCredit` does (activities aside), and
 * returns an empty state. The state holds the reference data in a canonical
 * order (records that JSON carries unchanged are shared, not copied), its
 * fingerprint, and room for evidence.
 *
 * @param input - the period, partners, clients, users, assignments and
 *   optionally a currency table; any `activities` are ignored
 * @returns the state, or every bad record (as `attributeManagedCredit` lists them)
 * @example
 * ```ts
 * const started = startAttribution({ period: jan, partners, clients, users, assignments });
 * if (started.ok) {
 *   let state = started.value;
 *   state = addActivities(state, firstBatch);
 *   state = addActivities(state, secondBatch);
 *   finishAttribution(state); //=> the same as attributeManagedCredit with both batches
 * }
 * ```
 */
export function startAttribution(
  input: AttributionStartInput,
): Result<AttributionState, AttributionError> {
  // Each list is read once (it may be a one-shot iterator), then validated.
  const source = (isObject(input) ? input : {}) as Record<string, unknown>;
  const lists = Object.fromEntries(
    SECTIONS.map((section) => [section, toList(own(source, section)) ?? own(source, section)]),
  ) as unknown as Record<Section, Record<string, unknown>[]>;
  const checked = prepareAttribution(isObject(input) ? { ...input, ...lists } : input);
  if (checked.issues.length > 0) {
    return checked.finish(checked.evidence(), checked.partnerPosition) as Result<
      never,
      AttributionError
    >;
  }
  // The canonical order: by partner, client and email key (each raw string
  // parsed once; every one parses, the data is valid), then the fields.
  const partnerIds = lists.partners.map((p) => p.partnerId as string);
  const partnerOrder = lists.partners
    .map((_, i) => i)
    .sort((a, b) => compareText(partnerIds[a]!, partnerIds[b]!));
  const rank = new Map(partnerOrder.map((i, r) => [partnerIds[i]!, r]));
  const keys = new Map<unknown, string>();
  const keyOf = (email: unknown): string => {
    let key = keys.get(email);
    if (key === undefined) {
      const parsed = parseEmailIdentity(email);
      key = parsed.ok ? parsed.value.key : "";
      keys.set(email, key);
    }
    return key;
  };
  const byRankAndKey = (records: Record<string, unknown>[], clients: boolean) => {
    const ranks = records.map((r) => rank.get(r.partnerId as string)!);
    const emailKeys = records.map((r) => keyOf(r.email));
    return (i: number, j: number): number => {
      const a = records[i]!;
      const b = records[j]!;
      return (
        ranks[i]! - ranks[j]! ||
        (clients ? (a.clientId as number) - (b.clientId as number) : 0) ||
        compareText(emailKeys[i]!, emailKeys[j]!) ||
        compareOptional(a.assignedAt, b.assignedAt) ||
        compareOptional(a.activatedAt, b.activatedAt) ||
        compareOptional(a.removedAt, b.removedAt) ||
        compareOptional(a.expiresAt, b.expiresAt) ||
        compareText(String(a.status), String(b.status)) ||
        compareText(String(a.email), String(b.email)) ||
        i - j
      );
    };
  };
  const userOrder = lists.users.map((_, i) => i).sort(byRankAndKey(lists.users, false));
  const assignmentOrder = lists.assignments
    .map((_, i) => i)
    .sort(byRankAndKey(lists.assignments, true));
  const clientOrder = lists.clients
    .map((_, i) => i)
    .sort(
      (a, b) => (lists.clients[a]!.clientId as number) - (lists.clients[b]!.clientId as number),
    );
  const order: Record<Section, number[]> = {
    partners: partnerOrder,
    clients: clientOrder,
    users: userOrder,
    assignments: assignmentOrder,
  };
  const period = own(input, "period");
  const start = own(period, "start") as number;
  const end = own(period, "end") as number;
  const reference = {
    period: { start: start + 0, end: end + 0 },
    currencyTable: encodeTable(own(input, "currencyTable")),
    ...(Object.fromEntries(
      SECTIONS.map((section) => [
        section,
        order[section].map((i) => encodeRecord(lists[section][i], section)),
      ]),
    ) as Record<Section, AttributionStateRecord[]>),
  };
  const ready = decodeReference(reference);
  // Cannot happen: the data was just validated. Reported rather than thrown.
  if (!("ledger" in ready)) return err(internalError(ready));
  return ok({
    format: FORMAT,
    version: 1,
    fingerprint: ready.fingerprint,
    reference,
    // partnerOrder lists input positions in partnerId order.
    partnerPositions: partnerOrder,
    activityCount: 0,
    evidence: { assignments: [], at: [], emails: [] },
    lostCredit: { users: [], clients: [], at: [], emails: [] },
    issues: [],
  });
}

// A currency table is an object (it was valid): its own fields are its rows.
function encodeTable(table: unknown): AttributionStateValue {
  if (table === undefined) return null;
  return isObject(table) ? encodeFields(table, Object.keys(table)) : encodeValue(table);
}

// Cannot happen after a successful validation; reported rather than thrown.
function internalError(error: AttributionStateError): AttributionError {
  return {
    code: "invalid_attribution_input",
    message: error.message,
    issues: [{ code: "invalid_record", message: error.message, path: [], input: undefined }],
  };
}

// The top-level fields of a state, read by own property and checked for
// their type (their content is checked against the reference when decoded).
interface StateFields {
  readonly fingerprint: string;
  readonly reference: Record<string, unknown>;
  readonly partnerPositions: readonly unknown[];
  readonly activityCount: number;
  readonly evidence: unknown;
  readonly lostCredit: unknown;
  readonly issues: readonly unknown[];
}

// A state checked and decoded: its fields, its ledger, and its evidence as
// the engine keeps it (the issues are decoded only when `withIssues` is set).
interface Opened {
  readonly fields: StateFields;
  readonly ledger: Ledger;
  readonly evidence: Evidence;
}

const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

function readFields(value: unknown): StateFields | AttributionStateError {
  if (!isObject(value) || own(value, "format") !== FORMAT)
    return invalidState(
      "not_a_state",
      [],
      `expected an object with format "${FORMAT}", got ${describeValue(value)}.`,
    );
  const version = own(value, "version");
  if (version !== 1)
    return invalidState(
      "unsupported_version",
      ["version"],
      `version ${describeValue(version)} is not one this release reads (1).`,
    );
  const fingerprint = own(value, "fingerprint");
  const reference = own(value, "reference");
  const partnerPositions = own(value, "partnerPositions");
  const activityCount = own(value, "activityCount");
  const issues = own(value, "issues");
  if (typeof fingerprint !== "string")
    return invalidState("malformed", ["fingerprint"], "fingerprint must be a string.");
  if (!isObject(reference))
    return invalidState("malformed", ["reference"], "reference is not an object.");
  if (!Array.isArray(partnerPositions))
    return invalidState("malformed", ["partnerPositions"], "partnerPositions must be a list.");
  if (!isCount(activityCount))
    return invalidState(
      "malformed",
      ["activityCount"],
      "activityCount must be a whole number ≥ 0.",
    );
  if (!Array.isArray(issues))
    return invalidState("malformed", ["issues"], "issues must be a list.");
  return {
    fingerprint,
    reference,
    partnerPositions,
    activityCount,
    evidence: own(value, "evidence"),
    lostCredit: own(value, "lostCredit"),
    issues,
  };
}

// Whether two readings of a state's fields are the same values.
function sameFields(a: StateFields, b: StateFields, issueCount: number): boolean {
  return (
    a.fingerprint === b.fingerprint &&
    a.reference === b.reference &&
    a.partnerPositions === b.partnerPositions &&
    a.activityCount === b.activityCount &&
    a.evidence === b.evidence &&
    a.lostCredit === b.lostCredit &&
    a.issues === b.issues &&
    b.issues.length === issueCount
  );
}

// The engine's form of the evidence of states made in this process, so that
// feeding a state again does not check and decode its lists again. It is
// handed over, not copied: the next call takes it (and changes it), and the
// state it came from loses its entry. A state is a value and may be fed
// twice; the second time it is decoded from its own lists, which nothing
// changes. Feeding each state once, the usual chain, then costs no copy of
// evidence that grows with the number of assignments. It is used only while
// the state's fields are the very values it was made with.
interface Handed {
  readonly evidence: Evidence;
  readonly fields: StateFields;
  readonly issueCount: number;
}
const engineEvidence = new WeakMap<object, Handed>();

function open(value: unknown, withIssues: boolean): Opened | AttributionStateError {
  const fields = readFields(value);
  if (!("fingerprint" in fields)) return fields;
  const known = engineEvidence.get(value as object);
  const reference = decoded.get(fields.reference);
  if (
    known !== undefined &&
    reference !== undefined &&
    "ledger" in reference &&
    !withIssues &&
    sameFields(known.fields, fields, known.issueCount)
  ) {
    engineEvidence.delete(value as object);
    const evidence = known.evidence;
    // A state that holds an invalid activity will finish as an error: its
    // activities are only validated from now on.
    evidence.validateOnly = fields.issues.length > 0;
    return { fields, ledger: reference.ledger, evidence };
  }
  return openUncached(fields, withIssues);
}

function openUncached(fields: StateFields, withIssues: boolean): Opened | AttributionStateError {
  const reference = decodeReference(fields.reference);
  if (!("ledger" in reference)) return reference;
  const { ledger, fingerprint } = reference;
  if (fields.fingerprint !== fingerprint)
    return invalidState(
      "fingerprint_mismatch",
      ["fingerprint"],
      `its reference data has fingerprint ${fingerprint}, not ${describeValue(fields.fingerprint)}: it was altered or damaged.`,
    );
  const { partnerPositions: positions, activityCount, evidence, lostCredit, issues } = fields;
  const partners = ledger.partnerPosition.length;
  if (positions.length !== partners || !positions.every((p) => isCount(p) && p < partners))
    return invalidState(
      "malformed",
      ["partnerPositions"],
      `partnerPositions must list ${partners} positions.`,
    );
  const fresh = ledger.evidence();
  const bad = readEvidence(ledger, fresh, evidence) ?? readLost(ledger, fresh, lostCredit);
  if (bad !== undefined) return bad;
  for (let i = 0; i < issues.length; i++) {
    const issue = readIssue(issues[i], activityCount);
    if (issue === INVALID)
      return invalidState("malformed", ["issues", i], `issues[${i}] is not an encoded issue.`);
    if (withIssues) fresh.issues.push(issue);
  }
  // A state that holds an invalid activity will finish as an error: its
  // activities are only validated from now on.
  fresh.validateOnly = issues.length > 0;
  return { fields, ledger, evidence: fresh };
}

// Records the engine evidence of a state just made (see engineEvidence).
function handOver(state: AttributionState, evidence: Evidence): AttributionState {
  const fields = readFields(state) as StateFields;
  engineEvidence.set(state, { evidence, fields, issueCount: state.issues.length });
  return state;
}

// Reads parallel lists of one length into an object of lists.
function lists(
  value: unknown,
  names: readonly string[],
  path: string,
): Record<string, readonly unknown[]> | AttributionStateError {
  const first = own(value, names[0]!);
  const length = Array.isArray(first) ? first.length : -1;
  const read: Record<string, readonly unknown[]> = {};
  for (const name of names) {
    const list = own(value, name);
    if (Array.isArray(list) && list.length === length) read[name] = list;
  }
  if (Object.keys(read).length !== names.length)
    return invalidState(
      "malformed",
      [path],
      `${path} must hold the lists ${names.join(", ")}, of one length.`,
    );
  return read;
}

function readEvidence(
  ledger: Ledger,
  evidence: Evidence,
  value: unknown,
): AttributionStateError | undefined {
  const found = lists(value, ["assignments", "at", "emails"], "evidence");
  if (!("assignments" in found)) return found as AttributionStateError;
  const { assignments, at, emails } = found as Record<string, readonly unknown[]>;
  let previous = -1;
  for (let i = 0; i < assignments!.length; i++) {
    const a = assignments![i];
    const t = at![i];
    const email = emails![i];
    // Increasing positions of assignments activity can credit.
    if (
      !isCount(a) ||
      a <= previous ||
      a >= ledger.assignments ||
      !ledger.candidate(a) ||
      !isTimestamp(t) ||
      typeof email !== "string"
    )
      return invalidState(
        "malformed",
        ["evidence", "assignments", i],
        `evidence entry ${i} is not valid.`,
      );
    previous = a;
    evidence.at[a] = t;
    evidence.email[a] = email;
  }
  return undefined;
}

function readLost(
  ledger: Ledger,
  evidence: Evidence,
  value: unknown,
): AttributionStateError | undefined {
  const found = lists(value, ["users", "clients", "at", "emails"], "lostCredit");
  if (!("users" in found)) return found as AttributionStateError;
  const { users, clients, at, emails } = found as Record<string, readonly unknown[]>;
  for (let i = 0; i < users!.length; i++) {
    const user = users![i];
    const clientId = clients![i];
    const t = at![i];
    const email = emails![i];
    if (
      !isCount(user) ||
      !ledger.untagged(user) ||
      !isClientId(clientId) ||
      !isTimestamp(t) ||
      typeof email !== "string"
    )
      return invalidState(
        "malformed",
        ["lostCredit", "users", i],
        `lost-credit entry ${i} is not valid.`,
      );
    // Every user of an address lists the same activity; the engine keeps it
    // once per address (the earliest, should a state list several).
    const key = ledger.keyOfUser(user);
    let byClient = evidence.lost.get(key);
    if (byClient === undefined) {
      byClient = new Map();
      evidence.lost.set(key, byClient);
    }
    const seen = byClient.get(clientId as number);
    if (seen === undefined || isEarlierEvidence(t, email, seen.at, seen.email))
      byClient.set(clientId as number, { clientId: clientId as number, email, at: t });
  }
  return undefined;
}

function readIssue(value: unknown, activityCount: number): AttributionIssue | typeof INVALID {
  if (!isObject(value)) return INVALID;
  const position = own(value, "position");
  const field = own(value, "field");
  const rest = decodeValue(own(value, "issue"));
  if (
    !(position === null || (isCount(position) && position < activityCount)) ||
    !(field === null || typeof field === "string") ||
    !isObject(rest) ||
    typeof own(rest, "code") !== "string" ||
    typeof own(rest, "message") !== "string"
  )
    return INVALID;
  const path: IssuePath =
    position === null
      ? ["activities"]
      : field === null
        ? ["activities", position]
        : ["activities", position, field];
  const { code, message, ...more } = rest;
  return { code, message, path, ...more } as AttributionIssue;
}

function encodeIssue(issue: AttributionIssue): AttributionStateIssue {
  const { path, ...rest } = issue;
  const [, position, field] = path;
  return {
    position: typeof position === "number" ? position : null,
    field: typeof field === "string" ? field : null,
    issue: encodeValue(rest),
  };
}

// The state's lists from the engine's evidence: by increasing position.
function writeEvidence(
  ledger: Ledger,
  evidence: Evidence,
): Pick<AttributionState, "evidence" | "lostCredit"> {
  const assignments: number[] = [];
  const at: number[] = [];
  const emails: string[] = [];
  const times = evidence.at;
  for (let a = 0; a < times.length; a++) {
    const t = times[a]!;
    if (!Number.isNaN(t)) {
      // not NaN: the assignment has evidence
      assignments.push(a);
      at.push(t);
      emails.push(evidence.email[a]!);
    }
  }
  const lost = {
    users: [] as number[],
    clients: [] as number[],
    at: [] as number[],
    emails: [] as string[],
  };
  // The engine keeps lost credit per address; the state lists it per user
  // of that address who is no tagged employee, as the result does.
  const byUser: [number, Map<number, Activity>][] = [];
  for (const [key, byClient] of evidence.lost)
    for (const user of ledger.untaggedUsers(key)) byUser.push([user, byClient]);
  byUser.sort((a, b) => a[0] - b[0]);
  for (const [user, byClient] of byUser) {
    for (const clientId of [...byClient.keys()].sort((a, b) => a - b)) {
      const activity = byClient.get(clientId)!;
      lost.users.push(user);
      lost.clients.push(clientId);
      lost.at.push(activity.at);
      lost.emails.push(activity.email);
    }
  }
  return { evidence: { assignments, at, emails }, lostCredit: lost };
}

/**
 * Feeds a batch of activities to a state and returns the new state; the
 * given state is not changed. Valid activities are kept only when they are
 * the earliest evidence of an assignment (or of an untagged user on a
 * client); invalid ones are kept, with their position among all activities
 * fed, for {@link finishAttribution} to report. A value that is not a
 * usable state is returned as it is, and `finishAttribution` (or
 * `mergeAttributionStates`) says why.
 *
 * Each call costs the batch plus one pass over the state's evidence, so
 * feed batches of thousands rather than one activity at a time.
 *
 * @param state - a state from {@link startAttribution}, `addActivities` or
 *   {@link mergeAttributionStates}, possibly through JSON
 * @param activities - the batch, an array or other iterable of activities
 * @returns the new state
 * @example
 * ```ts
 * let state = started.value;
 * for await (const batch of readActivities()) state = addActivities(state, batch);
 * ```
 */
export function addActivities(
  state: AttributionState,
  activities: Iterable<Activity>,
): AttributionState {
  const opened = open(state, false);
  if (!("ledger" in opened)) return state;
  const { ledger, evidence, fields } = opened;
  const before = evidence.issues.length;
  // Emails the reference data does not know are parsed once per call, not
  // remembered in the shared ledger: a long stream must not grow it.
  const cache: EmailCache = new Map();
  const count = ledger.add(evidence, activities, fields.activityCount, cache);
  const next = stateOf(
    ledger,
    fields,
    fields.partnerPositions as readonly number[],
    fields.activityCount + count,
    evidence,
    [
      ...(fields.issues as readonly AttributionStateIssue[]),
      ...evidence.issues.slice(before).map(encodeIssue),
    ],
  );
  evidence.issues.length = 0;
  return handOver(next, evidence);
}

// A state of the given reference, with the engine's evidence written out.
function stateOf(
  ledger: Ledger,
  fields: StateFields,
  partnerPositions: readonly number[],
  activityCount: number,
  evidence: Evidence,
  issues: readonly AttributionStateIssue[],
): AttributionState {
  return {
    format: FORMAT,
    version: 1,
    fingerprint: fields.fingerprint,
    reference: fields.reference as unknown as AttributionStateReference,
    partnerPositions,
    activityCount,
    ...writeEvidence(ledger, evidence),
    issues,
  };
}

// Lexicographic order on lists of numbers.
function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Combines two states started from the same period and reference data into
 * one that holds the evidence of both: as if every activity added to either
 * had been added to one state, `a`'s first. Merging is associative and
 * commutative in its result (invalid activities aside, whose positions
 * follow the order of the arguments), so parts can be merged in any grouping
 * and any order. Neither argument is changed.
 *
 * @param a - a state
 * @param b - another state from the same reference data
 * @returns the merged state; `attribution_states_differ` when the two were
 *   started from different data; `invalid_attribution_state` for a value
 *   that is not a usable state
 * @example
 * ```ts
 * const parts = chunks.map((chunk) => addActivities(started, chunk));
 * const merged = parts.slice(1).reduce(
 *   (r, part) => (r.ok ? mergeAttributionStates(r.value, part) : r),
 *   ok(parts[0]),
 * );
 * ```
 */
export function mergeAttributionStates(
  a: AttributionState,
  b: AttributionState,
): Result<AttributionState, AttributionStateError> {
  const first = open(a, false);
  if (!("ledger" in first)) return err({ ...first, state: "first" } as AttributionStateError);
  // The same state twice: the second is read from its lists (the first took
  // the handed-over evidence).
  const second = open(b, false);
  if (!("ledger" in second)) return err({ ...second, state: "second" } as AttributionStateError);
  const left = first.fields;
  const right = second.fields;
  if (left.fingerprint !== right.fingerprint) {
    return err({
      code: "attribution_states_differ",
      message: `The states were started from different periods or reference data (fingerprints ${left.fingerprint} and ${right.fingerprint}).`,
      fingerprints: [left.fingerprint, right.fingerprint],
    });
  }
  // Earliest evidence wins, ties to the smaller email: the engine's own rule.
  const { evidence } = first;
  const other = second.evidence;
  other.at.forEach((t, i) => {
    // A NaN `t` is no evidence.
    if (
      !Number.isNaN(t) &&
      isEarlierEvidence(t, other.email[i]!, evidence.at[i]!, evidence.email[i])
    ) {
      evidence.at[i] = t;
      evidence.email[i] = other.email[i];
    }
  });
  for (const [key, byClient] of other.lost) {
    let mine = evidence.lost.get(key);
    if (mine === undefined) {
      mine = new Map();
      evidence.lost.set(key, mine);
    }
    for (const [clientId, activity] of byClient) {
      const seen = mine.get(clientId);
      if (seen === undefined || isEarlierEvidence(activity.at, activity.email, seen.at, seen.email))
        mine.set(clientId, activity);
    }
  }
  const shift = left.activityCount;
  const positionsA = left.partnerPositions as readonly number[];
  const positionsB = right.partnerPositions as readonly number[];
  const merged = stateOf(
    first.ledger,
    left,
    // The smaller of the two, so that the result does not depend on which is first.
    compareLists(positionsA, positionsB) <= 0 ? positionsA : positionsB,
    left.activityCount + right.activityCount,
    evidence,
    [
      ...(left.issues as readonly AttributionStateIssue[]),
      ...(right.issues as readonly AttributionStateIssue[]).map((issue) =>
        issue.position === null ? issue : { ...issue, position: issue.position + shift },
      ),
    ],
  );
  evidence.issues.length = 0;
  return ok(handOver(merged, evidence));
}

/**
 * Finishes a streaming attribution: exactly what `attributeManagedCredit`
 * returns for the state's period and reference data and every activity
 * added (through any number of `addActivities` and merges, in any order),
 * invalid activities included, at their positions among the activities fed.
 * A state that went through `JSON.parse(JSON.stringify(state))` finishes the
 * same. A value that is not a usable state (another format or version, a
 * wrong shape, reference data that does not match its fingerprint) gives an
 * `invalid_attribution_state` error; nothing throws.
 *
 * @param state - the state
 * @returns the attribution, or every bad record, or why the state is unusable
 * @example
 * ```ts
 * const r = finishAttribution(JSON.parse(message.body));
 * if (r.ok) r.value.partners; //=> as attributeManagedCredit reports them
 * ```
 */
export function finishAttribution(
  state: AttributionState,
): Result<Attribution, AttributionError | AttributionStateError> {
  const opened = open(state, true);
  if (!("ledger" in opened)) return err(opened);
  return opened.ledger.finish(opened.evidence, opened.fields.partnerPositions as readonly number[]);
}
