/**
 * The checks a store runs on every record it is asked to write, so that
 * everything it stores can be read back by every function of the library
 * (attribution, conflicts, a snapshot): the library's data shapes with
 * valid identifiers, timestamps and addresses, canonical domains, and the
 * key of each address computed here, never taken from the caller. Each
 * check returns the record rebuilt from its known own fields (a fresh
 * object: nothing the caller holds is stored), or the `invalid_record`
 * refusal a store returns as it is. Never throws.
 *
 * @module
 */

import { parseEmailIdentity } from "../domain/email-address.js";
import { parseEmailDomain } from "../domain/email-domain.js";
import {
  isClientId,
  isIterable,
  isPartnerId,
  isRecord,
  isTimestamp,
  normaliseTimestamp,
  own,
} from "../guards.js";
import type {
  Activity,
  Assignment,
  AssignmentStatus,
  Client,
  Partner,
  PartnerUser,
  Program,
} from "../model.js";
import { err, type IssuePath, ok, type Result } from "../result.js";
import type {
  AssignmentRecord,
  DomainClaimRecord,
  EmailLinkRecord,
  InvalidRecord,
  RecordIssue,
  RecordIssueCode,
} from "./repository.js";

/**
 * The most activities one `recordActivities` call takes (2^20); larger
 * batches are refused with one `invalid_record` issue, so a list whose
 * `length` lies cannot keep a store busy.
 *
 * @example
 * ```ts
 * MAX_ACTIVITIES_PER_CALL; //=> 1048576
 * ```
 */
export const MAX_ACTIVITIES_PER_CALL = 2 ** 20;

// Collects the issues of one record, then answers with it or the refusal.
class Issues {
  readonly list: RecordIssue[] = [];

  add(code: RecordIssueCode, path: IssuePath, input: unknown, message: string, extra = {}): void {
    this.list.push({ code, message, path, input, ...extra });
  }

  result<T>(value: T): Result<T, InvalidRecord> {
    return this.list.length === 0 ? ok(value) : this.refused();
  }

  refused(): { readonly ok: false; readonly error: InvalidRecord } {
    return err({ status: "invalid_record", issues: this.list });
  }
}

// A check reads the caller's object, whose getters or proxy traps may throw:
// that is a record the store cannot read, refused like any other.
function guarded<T>(
  param: string,
  value: unknown,
  check: (value: unknown) => Result<T, InvalidRecord>,
): Result<T, InvalidRecord> {
  try {
    return check(value);
  } catch (thrown) {
    const issues = new Issues();
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    issues.add("invalid_record", [param], value, `The ${param} could not be read: ${reason}`);
    return issues.refused();
  }
}

function record(value: unknown, path: IssuePath, issues: Issues, what: string): boolean {
  if (isRecord(value)) return true;
  issues.add("invalid_record", path, value, `${what} must be an object.`);
  return false;
}

function partnerId(value: unknown, path: IssuePath, issues: Issues): string {
  if (!isPartnerId(value)) {
    issues.add("invalid_partner_id", path, value, "A partnerId is a non-empty string.");
    return "";
  }
  return value;
}

function clientId(value: unknown, path: IssuePath, issues: Issues): number {
  if (!isClientId(value)) {
    issues.add(
      "invalid_client_id",
      path,
      value,
      "A client is identified by its HubID, a positive whole number.",
    );
    return 0;
  }
  return value;
}

function timestamp(value: unknown, path: IssuePath, issues: Issues): number {
  if (!isTimestamp(value)) {
    issues.add(
      "invalid_timestamp",
      path,
      value,
      "A time is a whole number of epoch milliseconds within the range of Date.",
    );
    return 0;
  }
  return normaliseTimestamp(value);
}

function optionalTimestamp(value: unknown, path: IssuePath, issues: Issues): number | undefined {
  return value === undefined ? undefined : timestamp(value, path, issues);
}

function flag(value: unknown, path: IssuePath, issues: Issues, optional: boolean): boolean {
  if (typeof value === "boolean") return value;
  if (optional && value === undefined) return false;
  issues.add("invalid_record", path, value, `${String(path.at(-1))} must be true or false.`);
  return false;
}

// The address as entered, and its key: the identity the store keys it by.
function address(value: unknown, path: IssuePath, issues: Issues): { email: string; key: string } {
  const parsed = parseEmailIdentity(value);
  if (!parsed.ok) {
    issues.add(
      "invalid_email",
      path,
      value,
      `The email address has no key: ${parsed.error.message}`,
      { emailIssue: parsed.error },
    );
    return { email: "", key: "" };
  }
  return { email: value as string, key: parsed.value.key };
}

/**
 * Checks that a value is a canonical domain name as stored in a claim or a
 * partner's `employeeDomains`: `parseEmailDomain` accepts it and returns it
 * unchanged (shared domains are allowed; whether a partner may use one is
 * the service's decision).
 *
 * @param value - the domain
 * @param path - where it lies, for the issue
 * @param issues - where the issue goes
 * @returns the domain, or `""` when refused
 */
function canonicalDomain(value: unknown, path: IssuePath, issues: Issues): string {
  const parsed = parseEmailDomain(value);
  if (!parsed.ok) {
    issues.add("invalid_domain", path, value, `Not a valid domain: ${parsed.error.message}`, {
      domainIssue: parsed.error,
    });
    return "";
  }
  if (parsed.value !== value) {
    issues.add(
      "invalid_domain",
      path,
      value,
      `Domains are stored in canonical form: ${parsed.value}.`,
      { canonical: parsed.value },
    );
    return "";
  }
  return parsed.value;
}

const PROGRAMS: readonly unknown[] = ["partner", "provider"] satisfies Program[];
const STATUSES: readonly unknown[] = [
  "pending_access",
  "active",
  "removed",
  "expired",
] satisfies AssignmentStatus[];

function employeeDomains(value: unknown, path: IssuePath, issues: Issues): string[] {
  if (!Array.isArray(value)) {
    issues.add("invalid_record", path, value, "employeeDomains must be an array of domains.");
    return [];
  }
  const domains: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const domain = canonicalDomain(value[i], [...path, i], issues);
    if (domain !== "" && domains.includes(domain)) {
      issues.add("invalid_domain", [...path, i], value[i], `${domain} is listed twice.`);
    }
    domains.push(domain);
  }
  return domains;
}

/**
 * Checks a partner before a store writes it: a non-empty `partnerId`, a
 * `program` of `"partner"` or `"provider"`, `employeeDomains` canonical and
 * distinct, `matchSubdomains` absent or a boolean.
 *
 * @param partner - the value to check
 * @returns the partner rebuilt from its known fields, or the refusal with every issue
 * @example
 * ```ts
 * checkPartnerRecord({ partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] }).ok; //=> true
 * const r = checkPartnerRecord({ partnerId: "acme", program: "partner", employeeDomains: ["ACME.com"] });
 * if (!r.ok) r.error.issues[0]?.path; //=> ["partner", "employeeDomains", 0]
 * ```
 */
export function checkPartnerRecord(partner: unknown): Result<Partner, InvalidRecord> {
  return guarded("partner", partner, partnerRecord);
}

function partnerRecord(partner: unknown): Result<Partner, InvalidRecord> {
  const issues = new Issues();
  if (!record(partner, ["partner"], issues, "A partner")) return issues.refused();
  const id = partnerId(own(partner, "partnerId"), ["partner", "partnerId"], issues);
  const program = own(partner, "program");
  if (!PROGRAMS.includes(program)) {
    issues.add(
      "invalid_record",
      ["partner", "program"],
      program,
      'program is "partner" or "provider".',
    );
  }
  const domains = employeeDomains(
    own(partner, "employeeDomains"),
    ["partner", "employeeDomains"],
    issues,
  );
  const match = own(partner, "matchSubdomains");
  flag(match, ["partner", "matchSubdomains"], issues, true);
  return issues.result({
    partnerId: id,
    program: program as Program,
    employeeDomains: domains,
    ...(match === undefined ? {} : { matchSubdomains: match as boolean }),
  });
}

/**
 * Checks a partner user before a store writes it, and computes the key it
 * is stored under: `emailKey(user.email)`. The address keeps the form it
 * was entered in; it must have a key.
 *
 * @param user - the value to check
 * @returns the user rebuilt from its known fields and its key, or the refusal
 * @example
 * ```ts
 * const r = checkUserRecord({ partnerId: "acme", email: "Jane@ACME.com", tagged: true });
 * r.ok && r.value.emailKey; //=> "jane@acme.com"
 * ```
 */
export function checkUserRecord(
  user: unknown,
): Result<{ readonly user: PartnerUser; readonly emailKey: string }, InvalidRecord> {
  return guarded("user", user, userRecord);
}

function userRecord(
  user: unknown,
): Result<{ readonly user: PartnerUser; readonly emailKey: string }, InvalidRecord> {
  const issues = new Issues();
  if (!record(user, ["user"], issues, "A user")) return issues.refused();
  const id = partnerId(own(user, "partnerId"), ["user", "partnerId"], issues);
  const { email, key } = address(own(user, "email"), ["user", "email"], issues);
  const tagged = flag(own(user, "tagged"), ["user", "tagged"], issues, false);
  const inAccount = own(user, "inPartnerAccount");
  flag(inAccount, ["user", "inPartnerAccount"], issues, true);
  return issues.result({
    user: {
      partnerId: id,
      email,
      tagged,
      ...(inAccount === undefined ? {} : { inPartnerAccount: inAccount as boolean }),
    },
    emailKey: key,
  });
}

// rule: a removed assignment carries removedAt, an expired one expiresAt, an
// active one activatedAt, and activatedAt is not before assignedAt. A time
// that is present but invalid was reported already.
function assignmentTimes(a: Assignment, present: (field: string) => boolean, issues: Issues): void {
  const needs = { active: "activatedAt", removed: "removedAt", expired: "expiresAt" } as const;
  const field = a.status === "pending_access" ? undefined : needs[a.status];
  if (field !== undefined && !present(field)) {
    issues.add(
      "invalid_timestamp",
      ["assignment", field],
      undefined,
      `An ${a.status} assignment needs ${field}.`,
    );
  }
  if (a.activatedAt !== undefined && a.activatedAt < a.assignedAt) {
    issues.add(
      "invalid_timestamp",
      ["assignment", "activatedAt"],
      a.activatedAt,
      "activatedAt cannot be before assignedAt.",
    );
  }
}

/**
 * Checks an assignment before a store writes it, and computes the key it
 * is stored under: `emailKey(assignment.email)`. The rules of the data
 * shape apply: a known status, valid times, `activatedAt` on an active
 * assignment, `removedAt` on a removed one, `expiresAt` on an expired one,
 * and `activatedAt` not before `assignedAt`.
 *
 * @param assignment - the value to check
 * @returns the assignment rebuilt from its known fields and its key, or the refusal
 * @example
 * ```ts
 * const r = checkAssignmentRecord({ partnerId: "acme", clientId: 42, email: "Jane@acme.com", status: "active", assignedAt: 1 });
 * if (!r.ok) r.error.issues[0]?.path; //=> ["assignment", "activatedAt"]
 * ```
 */
export function checkAssignmentRecord(
  assignment: unknown,
): Result<{ readonly assignment: Assignment; readonly emailKey: string }, InvalidRecord> {
  return guarded("assignment", assignment, assignmentRecord);
}

function assignmentRecord(
  assignment: unknown,
): Result<{ readonly assignment: Assignment; readonly emailKey: string }, InvalidRecord> {
  const issues = new Issues();
  const at = (field: string): IssuePath => ["assignment", field];
  if (!record(assignment, ["assignment"], issues, "An assignment")) return issues.refused();
  const read = (field: string) => own(assignment, field);
  const status = read("status");
  if (!STATUSES.includes(status)) {
    issues.add(
      "invalid_record",
      at("status"),
      status,
      "status is pending_access, active, removed or expired.",
    );
  }
  const { email, key } = address(read("email"), at("email"), issues);
  const value = {
    partnerId: partnerId(read("partnerId"), at("partnerId"), issues),
    clientId: clientId(read("clientId"), at("clientId"), issues),
    email,
    status: status as AssignmentStatus,
    assignedAt: timestamp(read("assignedAt"), at("assignedAt"), issues),
  };
  const times: { activatedAt?: number; removedAt?: number; expiresAt?: number } = {};
  for (const field of ["activatedAt", "removedAt", "expiresAt"] as const) {
    const t = optionalTimestamp(read(field), at(field), issues);
    if (t !== undefined) times[field] = t;
  }
  const full: Assignment = { ...value, ...times };
  if (STATUSES.includes(status)) assignmentTimes(full, (f) => read(f) !== undefined, issues);
  return issues.result({ assignment: full, emailKey: key });
}

/**
 * Checks a domain claim before a store writes it: a canonical domain (so it
 * has at least two labels, which `domainFamily` relies on), a partner, a
 * time, and `matchSubdomains` absent (meaning `false`) or a boolean.
 *
 * @param claim - the value to check
 * @returns the claim as stored, `matchSubdomains` always set, or the refusal
 * @example
 * ```ts
 * const r = checkDomainClaimRecord({ domain: "acme.com", partnerId: "acme", claimedAt: 1 });
 * r.ok && r.value.matchSubdomains; //=> false
 * ```
 */
export function checkDomainClaimRecord(claim: unknown): Result<DomainClaimRecord, InvalidRecord> {
  return guarded("claim", claim, claimRecord);
}

function claimRecord(claim: unknown): Result<DomainClaimRecord, InvalidRecord> {
  const issues = new Issues();
  if (!record(claim, ["claim"], issues, "A claim")) return issues.refused();
  return issues.result({
    domain: canonicalDomain(own(claim, "domain"), ["claim", "domain"], issues),
    partnerId: partnerId(own(claim, "partnerId"), ["claim", "partnerId"], issues),
    claimedAt: timestamp(own(claim, "claimedAt"), ["claim", "claimedAt"], issues),
    matchSubdomains: flag(
      own(claim, "matchSubdomains"),
      ["claim", "matchSubdomains"],
      issues,
      true,
    ),
  });
}

/**
 * Checks an email link before a store writes it, and computes its key:
 * `emailKey(link.email)`. A key the caller put on the input is ignored.
 *
 * @param link - the value to check
 * @returns the link as stored, with its key, or the refusal
 * @example
 * ```ts
 * const r = checkEmailLinkRecord({ clientId: 42, partnerId: "acme", email: "Jane@Gmail.com", linkedAt: 1 });
 * r.ok && r.value.emailKey; //=> "jane@gmail.com"
 * ```
 */
export function checkEmailLinkRecord(link: unknown): Result<EmailLinkRecord, InvalidRecord> {
  return guarded("link", link, linkRecord);
}

function linkRecord(link: unknown): Result<EmailLinkRecord, InvalidRecord> {
  const issues = new Issues();
  if (!record(link, ["link"], issues, "A link")) return issues.refused();
  const id = clientId(own(link, "clientId"), ["link", "clientId"], issues);
  const { email, key } = address(own(link, "email"), ["link", "email"], issues);
  return issues.result({
    clientId: id,
    emailKey: key,
    partnerId: partnerId(own(link, "partnerId"), ["link", "partnerId"], issues),
    email,
    linkedAt: timestamp(own(link, "linkedAt"), ["link", "linkedAt"], issues),
  });
}

/**
 * Checks a client before a store writes it: a HubID, an MRR of a
 * non-negative whole number of minor units in an ISO 4217 code of three
 * capital letters, `growthMarket` absent or a boolean.
 *
 * @param client - the value to check
 * @returns the client rebuilt from its known fields, or the refusal
 * @example
 * ```ts
 * checkClientRecord({ clientId: 42, mrr: { amountMinor: 100, currency: "USD" } }).ok; //=> true
 * ```
 */
export function checkClientRecord(client: unknown): Result<Client, InvalidRecord> {
  return guarded("client", client, clientRecord);
}

function clientRecord(client: unknown): Result<Client, InvalidRecord> {
  const issues = new Issues();
  if (!record(client, ["client"], issues, "A client")) return issues.refused();
  const id = clientId(own(client, "clientId"), ["client", "clientId"], issues);
  const mrr = own(client, "mrr");
  let amountMinor = 0;
  let currency = "";
  if (record(mrr, ["client", "mrr"], issues, "mrr")) {
    const amount = own(mrr, "amountMinor");
    const code = own(mrr, "currency");
    if (typeof amount === "number" && Number.isSafeInteger(amount) && amount >= 0) {
      amountMinor = amount + 0;
    } else {
      issues.add(
        "invalid_record",
        ["client", "mrr", "amountMinor"],
        amount,
        "amountMinor is a non-negative whole number of the currency's smallest unit.",
      );
    }
    if (typeof code === "string" && /^[A-Z]{3}$/.test(code)) currency = code;
    else {
      issues.add(
        "invalid_record",
        ["client", "mrr", "currency"],
        code,
        "currency is an ISO 4217 code such as USD.",
      );
    }
  }
  const growth = own(client, "growthMarket");
  flag(growth, ["client", "growthMarket"], issues, true);
  return issues.result({
    clientId: id,
    mrr: { amountMinor, currency },
    ...(growth === undefined ? {} : { growthMarket: growth as boolean }),
  });
}

function activity(value: unknown, index: number, issues: Issues): Activity {
  const path = (field: string): IssuePath => ["activities", index, field];
  if (!record(value, ["activities", index], issues, "An activity")) return value as never;
  return {
    clientId: clientId(own(value, "clientId"), path("clientId"), issues),
    email: address(own(value, "email"), path("email"), issues).email,
    at: timestamp(own(value, "at"), path("at"), issues),
  };
}

/**
 * Checks activities before a store appends them: a list (an array or any
 * iterable) of at most {@link MAX_ACTIVITIES_PER_CALL}, each with a client,
 * an address that has a key, and a time. Every bad field is reported.
 *
 * @param activities - the value to check
 * @returns the activities rebuilt from their known fields, or the refusal
 * @example
 * ```ts
 * const r = checkActivityRecords([{ clientId: 42, email: "jane@acme.com", at: "2026-01-01" }]);
 * if (!r.ok) r.error.issues[0]?.path; //=> ["activities", 0, "at"]
 * ```
 */
export function checkActivityRecords(activities: unknown): Result<Activity[], InvalidRecord> {
  return guarded("activities", activities, activityRecords);
}

function activityRecords(activities: unknown): Result<Activity[], InvalidRecord> {
  const issues = new Issues();
  if (!isIterable(activities) || typeof activities === "string") {
    issues.add("invalid_record", ["activities"], activities, "activities must be a list.");
    return issues.result([]);
  }
  const length = Array.isArray(activities) ? activities.length : 0;
  if (length > MAX_ACTIVITIES_PER_CALL) {
    issues.add(
      "invalid_record",
      ["activities"],
      length,
      `Record at most ${MAX_ACTIVITIES_PER_CALL} activities per call.`,
    );
    return issues.result([]);
  }
  const out: Activity[] = [];
  let index = 0;
  for (const value of activities) {
    if (index === MAX_ACTIVITIES_PER_CALL) {
      issues.add(
        "invalid_record",
        ["activities"],
        index + 1,
        `Record at most ${MAX_ACTIVITIES_PER_CALL} activities per call.`,
      );
      break;
    }
    out.push(activity(value, index++, issues));
  }
  return issues.result(out);
}

// rule (port): an assignment keeps its partner, client and key, and a
// removed or expired one keeps its status, so an update can never make a
// second live assignment of one partner, client and key.
function changeIssues(current: AssignmentRecord, next: Assignment, key: string): RecordIssue[] {
  const issues = new Issues();
  const was = current.value;
  const at = (field: string): IssuePath => ["assignment", field];
  if (next.partnerId !== was.partnerId) {
    issues.add(
      "invalid_record",
      at("partnerId"),
      next.partnerId,
      "An assignment keeps its partner.",
    );
  }
  if (next.clientId !== was.clientId) {
    issues.add("invalid_record", at("clientId"), next.clientId, "An assignment keeps its client.");
  }
  if (key !== current.emailKey) {
    issues.add(
      "invalid_record",
      at("email"),
      next.email,
      "An assignment keeps its address (its key).",
    );
  }
  const ended = was.status === "removed" || was.status === "expired";
  if (ended && next.status !== was.status) {
    issues.add(
      "invalid_record",
      at("status"),
      next.status,
      `A ${was.status} assignment stays ${was.status}.`,
    );
  }
  return issues.list;
}

/**
 * Checks the new version of a stored assignment before a store writes it:
 * the checks of {@link checkAssignmentRecord}, and the rules of a change —
 * the partner, the client and the address key stay the same, and a removed
 * or expired assignment keeps its status.
 *
 * @param current - the assignment as stored
 * @param next - the value to check as its new version
 * @returns the assignment rebuilt from its known fields and its key, or the refusal (path
 *   `["current"]` when `current` is not a stored record with its `value` and `emailKey`)
 * @example
 * ```ts
 * const r = checkAssignmentUpdate(stored, { ...stored.value, clientId: 43 });
 * if (!r.ok) r.error.issues[0]?.path; //=> ["assignment", "clientId"]
 * ```
 */
export function checkAssignmentUpdate(
  current: AssignmentRecord,
  next: unknown,
): Result<{ readonly assignment: Assignment; readonly emailKey: string }, InvalidRecord> {
  const value = own(current, "value");
  if (!isRecord(value) || typeof own(current, "emailKey") !== "string") {
    const issues = new Issues();
    issues.add(
      "invalid_record",
      ["current"],
      current,
      "The stored assignment must be a record of the store: { value, emailKey, … }.",
    );
    return issues.refused();
  }
  const checked = checkAssignmentRecord(next);
  if (!checked.ok) return checked;
  const issues = changeIssues(current, checked.value.assignment, checked.value.emailKey);
  return issues.length === 0 ? checked : err({ status: "invalid_record", issues });
}
