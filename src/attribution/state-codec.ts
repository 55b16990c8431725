/**
 * Reading and writing streaming states: the canonical order and encoding of
 * the reference data, preparing a state's reference again (the very engine
 * `attributeManagedCredit` runs), and the evidence, lost credit and issues
 * lists a state carries. Internal.
 *
 * @module
 */

import { ownView, prototypeIsClean } from "../conflicts/records.js";
import { parseEmailIdentity } from "../domain/email-identity.js";
import { isClientId, isRecord, isTimestamp, own } from "../guards.js";
import type { Activity } from "../model.js";
import { type Evidence, type Ledger, prepareAttribution } from "./credit-core.js";
import type { IssuePath } from "./money.js";
import { isEarlierEvidence } from "./rules/evidence.js";
import {
  type AttributionStateValue,
  decodeValue,
  encodeFields,
  encodeValue,
  INVALID,
  isJsonSafe,
} from "./state-value.js";
import type {
  AttributionState,
  AttributionStateError,
  AttributionStateIssue,
  AttributionStateRecord,
} from "./streaming-types.js";
import type { AttributionError, AttributionIssue } from "./types.js";

export const FORMAT = "partner-access/attribution-state";
export const FIELDS = {
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
export type Section = keyof typeof FIELDS;
export const SECTIONS = Object.keys(FIELDS) as Section[];

/**
 * A prepared reference: its ledger and fingerprint, or why it is no reference.
 */
export type Decoded =
  | { readonly ledger: Ledger; readonly fingerprint: string }
  | AttributionStateError;

const isObject = isRecord;

export function invalidState(
  reason:
    | "not_a_state"
    | "unsupported_version"
    | "malformed"
    | "fingerprint_mismatch"
    | "reference_required",
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

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Absent timestamps sort first.
export function compareOptional(a: unknown, b: unknown): number {
  return a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : (a as number) - (b as number);
}

export function encodeRecord(record: unknown, section: Section): AttributionStateRecord {
  // A record JSON carries unchanged is shared; any other is copied: its own
  // enumerable fields and the own fields the rules read.
  if (isJsonSafe(record)) return record as AttributionStateRecord;
  const value = record as Record<string, unknown>;
  return encodeFields(value, [
    ...Object.keys(value),
    ...FIELDS[section].filter((name) => Object.hasOwn(value, name)),
  ]) as readonly AttributionStateValue[];
}

export function decodeRecord(record: unknown): unknown {
  if (isObject(record)) return record;
  const value = decodeValue(record);
  return isObject(value) ? value : INVALID;
}

export function prepareReference(reference: Record<string, unknown>, fingerprint: string): Decoded {
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

// A currency table is an object (it was valid): its own fields are its rows.
export function encodeTable(table: unknown): AttributionStateValue {
  if (table === undefined) return null;
  return isObject(table) ? encodeFields(table, Object.keys(table)) : encodeValue(table);
}

// Cannot happen after a successful validation; reported rather than thrown.
export function internalError(error: AttributionStateError): AttributionError {
  return {
    code: "invalid_attribution_input",
    message: error.message,
    issues: [{ code: "invalid_record", message: error.message, path: [], input: undefined }],
  };
}

// Reads parallel lists of one length into an object of lists.
export function lists(
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

export function readEvidence(
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

export function readLost(
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

export function readIssue(
  value: unknown,
  activityCount: number,
): AttributionIssue | typeof INVALID {
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

export function encodeIssue(issue: AttributionIssue): AttributionStateIssue {
  const { path, ...rest } = issue;
  const [, position, field] = path;
  return {
    position: typeof position === "number" ? position : null,
    field: typeof field === "string" ? field : null,
    issue: encodeValue(rest),
  };
}

// The state's lists from the engine's evidence: by increasing position.
export function writeEvidence(
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
 * Whether a value is a count: a safe integer ≥ 0.
 *
 * @param value - any value
 * @returns `true` for 0, 1, 2, …
 */
export const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * The reference data of a state in its canonical order, so that two states
 * started from the same data in any order are equal: partners by
 * partnerId, clients by clientId, users by partner then email key,
 * assignments by partner, client, email key, their timestamps (absent
 * first), status, email as entered, then input order. Records JSON carries
 * unchanged are shared; others are copied (see encodeRecord).
 *
 * @param input - valid start input
 * @param lists - its lists, read once
 * @returns the reference and the partners' input positions in partnerId order
 */
export function canonicalReference(
  input: unknown,
  lists: Record<Section, readonly unknown[]>,
): { reference: AttributionState["reference"]; partnerOrder: number[] } {
  const clean = prototypeIsClean();
  const views = Object.fromEntries(
    SECTIONS.map((section) => [section, lists[section].map((r) => ownView(r as object, clean))]),
  ) as Record<Section, Record<string, unknown>[]>;
  const partnerIds = views.partners.map((p) => p.partnerId as string);
  const partnerOrder = views.partners
    .map((_, i) => i)
    .sort((a, b) => compareText(partnerIds[a]!, partnerIds[b]!));
  const rank = new Map(partnerOrder.map((i, r) => [partnerIds[i]!, r]));
  const order: Record<Section, number[]> = {
    partners: partnerOrder,
    clients: views.clients
      .map((_, i) => i)
      .sort(
        (a, b) => (views.clients[a]!.clientId as number) - (views.clients[b]!.clientId as number),
      ),
    users: views.users.map((_, i) => i).sort(byRankAndKey(views.users, rank, false)),
    assignments: views.assignments
      .map((_, i) => i)
      .sort(byRankAndKey(views.assignments, rank, true)),
  };
  const period = own(input, "period");
  const reference = {
    period: {
      start: (own(period, "start") as number) + 0,
      end: (own(period, "end") as number) + 0,
    },
    currencyTable: encodeTable(own(input, "currencyTable")),
    ...(Object.fromEntries(
      SECTIONS.map((section) => [
        section,
        order[section].map((i) => encodeRecord(lists[section][i], section)),
      ]),
    ) as Record<Section, AttributionStateRecord[]>),
  };
  return { reference, partnerOrder };
}

// The canonical order of users or assignments (see canonicalReference);
// each raw email parsed once (every one parses: the data is valid).
function byRankAndKey(
  records: readonly Record<string, unknown>[],
  rank: Map<string, number>,
  clients: boolean,
) {
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
}
