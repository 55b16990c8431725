/**
 * Reading the period, the currency table, the partners, the clients and the
 * users into the engine's {@link LedgerData}: each record validated (every
 * bad field reported) and indexed. Records that point nowhere are reported
 * as `unknown_partner` / `unknown_client`, records listed twice as
 * `duplicate_*` with the first one's path. Internal.
 *
 * @module
 */

import { claimGroupCell, createGroupTable, groupCell } from "../../conflicts/kernel.js";
import { ownView, prototypeIsClean } from "../../conflicts/records.js";
import { type EmailIssue, parseEmailIdentity } from "../../domain/email-identity.js";
import { isClientId, isPartnerId, isRecord, isTimestamp, own } from "../../guards.js";
import type { PartnerUser } from "../../model.js";
import {
  checkMoney,
  createRateLookup,
  describeValue,
  type MoneyError,
  type PointRate,
} from "../money.js";
import { toList } from "../points.js";
import { EmployeeStatus, employeeStatus } from "../rules/checks.js";
import type { AttributionIssue } from "../types.js";
import { CLIENT_ID, isRecordAt, need, optionalBoolean, push, time, withinLimit } from "./issues.js";
import type { EmailCache, LedgerData } from "./ledger-data.js";

/**
 * An empty index whose period and currency table are read from `input`
 * (longer than most functions: it is one object literal, every column of
 * the index empty, so that the index has one shape from the start).
 *
 * @param input - the argument of `attributeManagedCredit`, of any type
 * @returns the index with the period and the currency table read
 */
export function startLedgerData(input: unknown): LedgerData {
  const issues: AttributionIssue[] = [];
  if (!isRecord(input)) {
    push(
      issues,
      "invalid_record",
      [],
      input,
      `The input must be an object { period, partners, clients, users, assignments, activities }; got ${describeValue(input)}.`,
    );
  }
  const [start, end] = readPeriod(issues, input);
  const table = createRateLookup(own(input, "currencyTable"));
  if (!table.ok) issues.push(table.error as AttributionIssue);
  const none = new Int32Array(0);
  return {
    issues,
    clean: prototypeIsClean(),
    start,
    end,
    period: { start, end },
    // Without a valid table, amounts are still checked, against a placeholder
    // rate that never reaches a points figure (the result is an error).
    rates: table.ok ? table.value : () => ({ ok: true as const, value: {} as PointRate }),
    partnerIds: [],
    partnerRank: new Map(),
    partnerPosition: [],
    clientIds: [],
    clientIndex: new Map(),
    clientMrr: [],
    clientRate: [],
    clientGrowth: [],
    emails: new Map(),
    keyOf: new Map(),
    keys: [],
    keyUser: [],
    keyUsers: [],
    keyUntagged: [],
    users: [],
    userRank: none,
    userKey: none,
    userStatus: new Uint8Array(0),
    nextUser: none,
    nextUntagged: none,
    userTable: createGroupTable(0),
    view: () => undefined as never,
    assignments: [],
    n: 0,
    span: new Float64Array(0),
    stage: new Uint8Array(0),
    reason: new Uint8Array(0),
    assignmentKey: none,
    assignmentPair: none,
    groups: createGroupTable(0),
    contested: [],
    conflictOf: new Map(),
    clientPair: none,
    clientPairs: none,
    nextPair: [],
    pairRank: [],
    pairClient: [],
    pairTable: createGroupTable(0, true),
    pairBest: none,
    keyRank: none,
  };
}

/**
 * One list of the input, read once (it may be a one-shot iterator): an
 * array or another iterable, at most MAX_RECORDS long; `[]` after reporting
 * anything else.
 *
 * @param data - the index (for its issues)
 * @param input - the whole input
 * @param name - the list's name
 * @returns its records
 */
export function readList(data: LedgerData, input: unknown, name: string): readonly unknown[] {
  const value = own(input, name);
  const items = toList(value);
  // An input that is not an object is reported once, as a whole.
  if (isRecord(input))
    need(data.issues, items !== null, value, "an array or another iterable", name);
  return items !== null && withinLimit(data.issues, items, name) ? items : [];
}

// rule: the period is the half-open interval [start, end); an empty one is
// allowed, one that ends before it starts is not. Returns [start, end],
// -0 turned into 0 as a JSON round trip would, or [0, 0] when invalid.
function readPeriod(issues: AttributionIssue[], input: unknown): [number, number] {
  const period = own(input, "period");
  const from = own(period, "start");
  const until = own(period, "end");
  const valid = isTimestamp(from) && isTimestamp(until) && from <= until;
  if (isRecord(input) && !isRecord(period)) {
    need(issues, false, period, "an object { start, end }", "period");
  } else if (isRecord(input)) {
    const startOk = time(issues, "period", -1, "start", from);
    const endOk = time(issues, "period", -1, "end", until);
    if (startOk && endOk && !valid)
      push(
        issues,
        "invalid_period",
        ["period"],
        period,
        `The period [start, end) must not end before it starts; got start ${describeValue(from)}, end ${describeValue(until)}.`,
      );
  }
  return valid ? [from + 0, until + 0] : [0, 0];
}

/**
 * The key number of a raw email (parsed once per string), or why it has
 * none. With `learn`, a new key gets a number (the reference data's
 * addresses); otherwise a key no record has reads as -1.
 *
 * @param data - the index
 * @param raw - the email as entered
 * @param cache - where raw strings the index does not hold are remembered
 * @param learn - whether a new key is numbered
 * @returns the key's number, -1, or the parser's refusal
 */
export function readEmail(
  data: LedgerData,
  raw: unknown,
  cache: EmailCache,
  learn: boolean,
): number | EmailIssue {
  if (typeof raw !== "string") return (parseEmailIdentity(raw) as { error: EmailIssue }).error;
  let found = data.emails.get(raw) ?? cache.get(raw);
  if (found === undefined) {
    const parsed = parseEmailIdentity(raw);
    found = parsed.ok ? (data.keyOf.get(parsed.value.key) ?? -1) : parsed.error;
    if (found === -1 && learn && parsed.ok) {
      found = data.keys.push(parsed.value.key) - 1;
      data.keyOf.set(parsed.value.key, found);
      data.keyUser.push(-1);
      data.keyUsers.push(0);
      data.keyUntagged.push(-1);
    }
    cache.set(raw, found);
  }
  return found;
}

/**
 * Reports an email that has no key; returns whether it has one.
 *
 * @param into - where the issue goes
 * @param section - the list
 * @param index - the record's position
 * @param input - the email as entered
 * @param key - what {@link readEmail} returned
 * @returns whether the email has a key
 */
export function checkEmail(
  into: AttributionIssue[],
  section: string,
  index: number,
  input: unknown,
  key: number | EmailIssue,
): key is number {
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
}

/**
 * Reads a partnerId that must name a listed partner, reporting it if not.
 *
 * @param data - the index
 * @param section - the list
 * @param index - the record's position
 * @param value - the partnerId as given
 * @returns the partner's rank, or undefined
 */
export function partnerRef(
  data: LedgerData,
  section: string,
  index: number,
  value: unknown,
): number | undefined {
  const rank = data.partnerRank.get(value as string);
  const { issues } = data;
  if (
    need(issues, isPartnerId(value), value, "a non-empty string", section, index, "partnerId") &&
    rank === undefined
  )
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
  return rank;
}

/**
 * Reads a clientId that must name a listed client, reporting it if not. A
 * client whose record has another problem is listed, so references to it
 * are not reported a second time.
 *
 * @param data - the index
 * @param into - where the issue goes
 * @param section - the list
 * @param index - the record's position
 * @param value - the clientId as given
 * @returns the client's index, or undefined
 */
export function clientRef(
  data: LedgerData,
  into: AttributionIssue[],
  section: string,
  index: number,
  value: unknown,
): number | undefined {
  const c = data.clientIndex.get(value as number);
  if (
    need(into, isClientId(value), value, CLIENT_ID, section, index, "clientId") &&
    c === undefined
  )
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
  return c;
}

function duplicate(
  issues: AttributionIssue[],
  section: string,
  index: number,
  record: unknown,
  first: number,
  what: string,
  extra: object,
): void {
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
}

/**
 * Reads the partners: ranks them by partnerId. The rules read only the
 * partnerId, but a record of the wrong shape is reported all the same.
 *
 * @param data - the index
 * @param partners - the list
 */
export function readPartners(data: LedgerData, partners: readonly unknown[]): void {
  const { issues, clean } = data;
  const first = new Map<string, number>();
  for (let index = 0; index < partners.length; index++) {
    const record = partners[index];
    if (!isRecordAt(issues, record, "partners", index)) continue;
    const { partnerId, program, employeeDomains, matchSubdomains } = ownView(record, clean);
    const seen = first.get(partnerId as string);
    const valid = need(
      issues,
      isPartnerId(partnerId),
      partnerId,
      "a non-empty string",
      "partners",
      index,
      "partnerId",
    );
    if (seen !== undefined)
      duplicate(
        issues,
        "partners",
        index,
        record,
        seen,
        `The partner ${JSON.stringify(partnerId)}`,
        { partnerId },
      );
    else if (valid) first.set(partnerId as string, index);
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
  data.partnerIds = [...first.keys()].sort();
  data.partnerPosition = data.partnerIds.map((id, rank) => {
    data.partnerRank.set(id, rank);
    return first.get(id)!;
  });
}

/**
 * Reads the clients: their MRR (checked against the currency table) and
 * growth-market flag.
 *
 * @param data - the index
 * @param clients - the list
 */
export function readClients(data: LedgerData, clients: readonly unknown[]): void {
  const { issues, clean, rates, clientIds, clientIndex } = data;
  const firstAt: number[] = [];
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
      duplicate(issues, "clients", index, record, firstAt[first]!, `The client ${clientId}`, {
        clientId,
      });
    }
    const money = checkMoney(mrr, rates, ["clients", index, "mrr"], issues as MoneyError[]);
    valid = optionalBoolean(issues, "clients", index, "growthMarket", growthMarket) && valid;
    if (first === undefined && isClientId(clientId)) {
      clientIndex.set(clientId, clientIds.push(clientId) - 1);
      firstAt.push(index);
      data.clientMrr.push(money?.amountMinor ?? 0);
      data.clientRate.push(
        valid && money !== null ? money.rate : (undefined as unknown as PointRate),
      );
      data.clientGrowth.push(growthMarket === true);
    }
  }
}

/**
 * Reads the users: one per (partner, address key), with check 1's verdict
 * (rules/checks.ts) and a chain of the users of each address.
 *
 * @param data - the index
 * @param users - the list
 */
export function readUsers(data: LedgerData, users: readonly unknown[]): void {
  const count = users.length;
  data.users = users;
  data.userRank = new Int32Array(count).fill(-1);
  data.userKey = new Int32Array(count);
  data.userStatus = new Uint8Array(count);
  data.nextUser = new Int32Array(count).fill(-1);
  data.nextUntagged = new Int32Array(count).fill(-1);
  data.userTable = createGroupTable(count);
  const { issues, clean, keys, keyUser, keyUsers, keyUntagged, userTable } = data;
  for (let index = 0; index < count; index++) {
    const record = users[index];
    if (!isRecordAt(issues, record, "users", index)) continue;
    const view = ownView(record, clean) as unknown as PartnerUser;
    const { partnerId, email: raw, tagged, inPartnerAccount } = view;
    const rank = partnerRef(data, "users", index, partnerId);
    const key = readEmail(data, raw, data.emails, true);
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
        issues,
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
    data.nextUser[index] = keyUser[k]!;
    keyUser[k] = index;
    keyUsers[k]!++;
    data.userRank[index] = rank;
    data.userKey[index] = k;
    const status = employeeStatus(tagged, inPartnerAccount);
    data.userStatus[index] = status;
    if (status !== EmployeeStatus.Employee) {
      data.nextUntagged[index] = keyUntagged[k]!;
      keyUntagged[k] = index;
    }
  }
}
