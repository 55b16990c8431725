/**
 * Reading callers' records for the conflict detectors and attribution: own
 * properties only, and the issue each bad field gets, in the vocabulary
 * every function of the library uses (`invalid_record`, `invalid_list`,
 * `invalid_partner_id`, `invalid_client_id`, `invalid_timestamp`,
 * `invalid_email`, each with its `path` and refused `input`). Internal.
 *
 * @module
 */

import type { DomainIssue } from "../domain/canonical-domain.js";
import type { EmailIssue } from "../domain/email-identity.js";
import { own } from "../guards.js";
import type { IssueBase, IssuePath } from "../result.js";

interface RecordIssueOf<C extends string> extends IssueBase<C> {
  /** Where the bad value is, from the parameter's name down. */
  readonly path: IssuePath;
  /** The refused value, exactly as given. */
  readonly input: unknown;
}

/**
 * Why a record given to `detectEmailConflicts`, `checkEmailLink` or
 * `detectDomainConflicts` was skipped (those functions never refuse their
 * input; they report what they skipped to `onInvalidRecord`):
 * - `invalid_list`: the collection is not an array or another iterable;
 * - `invalid_record`: a record that is not an object, or a field with no
 *   code of its own that is malformed (an unknown `status`, a
 *   `matchSubdomains` that is not a boolean);
 * - `invalid_partner_id`, `invalid_client_id`, `invalid_timestamp`: the
 *   `partnerId`, `clientId`, `assignedAt` or `claimedAt` is not one;
 * - `invalid_email`: an address `parseEmailIdentity` refuses, why in `emailIssue`;
 * - `invalid_domain`: a domain `parseEmailDomain` refuses, why in `domainIssue`.
 *
 * @example
 * ```ts
 * const issue: ConflictRecordIssue = {
 *   code: "invalid_client_id", message: "…", path: ["assignments", 3, "clientId"], input: "42",
 * };
 * ```
 */
export type ConflictRecordIssue =
  | RecordIssueOf<
      | "invalid_list"
      | "invalid_record"
      | "invalid_partner_id"
      | "invalid_client_id"
      | "invalid_timestamp"
    >
  | (RecordIssueOf<"invalid_email"> & { readonly emailIssue: EmailIssue })
  | (RecordIssueOf<"invalid_domain"> & { readonly domainIssue: DomainIssue });

/**
 * Where skipped records are reported: a function the caller passes as
 * `onInvalidRecord`, or nothing.
 *
 * @example
 * ```ts
 * const issues: ConflictRecordIssue[] = [];
 * const report: ConflictRecordReporter = (issue) => issues.push(issue);
 * ```
 */
export type ConflictRecordReporter = (issue: ConflictRecordIssue) => void;

/**
 * The reporter in a caller's options, read by own property: `undefined`
 * unless `onInvalidRecord` is a function.
 *
 * @param options - the caller's options, of any type
 * @returns the reporter, or `undefined`
 * @example
 * ```ts
 * reporterOf({ onInvalidRecord: console.log }); //=> console.log
 * reporterOf(42); //=> undefined
 * ```
 */
export function reporterOf(options: unknown): ConflictRecordReporter | undefined {
  const report = own(options, "onInvalidRecord");
  return typeof report === "function" ? (report as ConflictRecordReporter) : undefined;
}

// Every field name the rules read, of any record of the library.
const FIELD_NAMES = [
  "partnerId",
  "clientId",
  "email",
  "status",
  "assignedAt",
  "activatedAt",
  "removedAt",
  "expiresAt",
  "program",
  "employeeDomains",
  "matchSubdomains",
  "mrr",
  "growthMarket",
  "tagged",
  "inPartnerAccount",
  "at",
  "domain",
  "claimedAt",
];

/**
 * Whether `Object.prototype` holds none of the field names the rules read
 * (nobody added one), so that a direct read of a plain object's missing
 * field finds nothing. Checked once per call.
 *
 * @returns `true` unless `Object.prototype` was polluted with a field name
 * @example
 * ```ts
 * prototypeIsClean(); //=> true
 * ```
 */
export function prototypeIsClean(): boolean {
  for (const name of FIELD_NAMES) if (name in Object.prototype) return false;
  return true;
}

/**
 * A record as the rules read it: the record itself when a direct read can
 * only find its own properties (its prototype is `null`, or
 * `Object.prototype` while that is clean), otherwise a copy of its own
 * properties on an object without a prototype (a class instance,
 * `Object.create(defaults)`: inherited fields are not data). Allocates
 * nothing for a plain object.
 *
 * @param record - an object
 * @param clean - {@link prototypeIsClean}
 * @returns an object whose every field is the record's own, or absent
 * @example
 * ```ts
 * ownView(Object.create({ tagged: true }), true).tagged; //=> undefined
 * ```
 */
export function ownView(record: object, clean: boolean): Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(record);
  if (proto === null || (clean && proto === Object.prototype))
    return record as Record<string, unknown>;
  const copy: Record<string, unknown> = Object.create(null);
  for (const name of Object.getOwnPropertyNames(record))
    copy[name] = (record as Record<string, unknown>)[name];
  return copy;
}

/**
 * Describes a value for a message without calling its `toString` (which an
 * object without a prototype does not have).
 *
 * @param value - any value
 * @returns a short, safe description
 * @example
 * ```ts
 * describe("EUR"); //=> '"EUR"'
 * describe(Object.create(null)); //=> "an object"
 * ```
 */
export function describe(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "undefined";
    case "object":
      return value === null ? "null" : Array.isArray(value) ? "an array" : "an object";
    default:
      return `a ${typeof value}`;
  }
}

/**
 * An issue of the record vocabulary at `path`.
 *
 * @param code - the code
 * @param path - where the value is
 * @param input - the refused value
 * @param expected - what was expected, for the message
 * @returns the issue
 * @example
 * ```ts
 * recordIssue("invalid_client_id", ["candidate", "clientId"], "42", "a positive whole number (HubID)");
 * //=> { code: "invalid_client_id", message: "clientId must be a positive whole number (HubID); got \"42\".", path: [...], input: "42" }
 * ```
 */
export function recordIssue(
  code: Exclude<ConflictRecordIssue["code"], "invalid_email" | "invalid_domain">,
  path: IssuePath,
  input: unknown,
  expected: string,
): ConflictRecordIssue {
  const name = path[path.length - 1];
  const what = typeof name === "string" ? name : "A record";
  return { code, message: `${what} must be ${expected}; got ${describe(input)}.`, path, input };
}
