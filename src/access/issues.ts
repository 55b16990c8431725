/**
 * The issues every function of the library reports for a value that is not
 * what a field needs, one code per meaning: `invalid_record`,
 * `invalid_list`, `invalid_partner_id`, `invalid_client_id`,
 * `invalid_timestamp`, `invalid_email`. Each carries the `path` from the
 * parameter down to the value and the refused `input`, exactly as given.
 *
 * @module
 */

import {
  type EmailAddress,
  type EmailIssue,
  parseEmailAddress,
  parseEmailIdentity,
} from "../domain/email-address.js";
import { isClientId, isPartnerId, isTimestamp } from "../guards.js";
import type { IssueBase, IssuePath, Result } from "../result.js";

interface ValueIssueOf<C extends string> extends IssueBase<C> {
  readonly path: IssuePath;
  readonly input: unknown;
}

/**
 * A value that is not an object where a record is needed, or a field of a
 * record that has no code of its own (a `status`, a `tagged` flag) and is
 * malformed. An issue about the whole argument of a one-argument function
 * has no `path`.
 *
 * @example
 * ```ts
 * const e: InvalidRecordIssue = {
 *   code: "invalid_record", message: "The status is not one of pending_access, active, removed, expired.",
 *   path: ["assignment", "status"], input: "paused",
 * };
 * ```
 */
export interface InvalidRecordIssue extends IssueBase<"invalid_record"> {
  readonly input: unknown;
}

/**
 * A value that is not an iterable (an array, a Set, a generator) where a
 * list is needed; strings are not lists of records.
 *
 * @example
 * ```ts
 * const e: InvalidListIssue = { code: "invalid_list", message: "…", path: ["assignments"], input: 5 };
 * ```
 */
export type InvalidListIssue = ValueIssueOf<"invalid_list">;

/**
 * A value that is not a partner id, a non-empty string.
 *
 * @example
 * ```ts
 * const e: InvalidPartnerIdIssue = { code: "invalid_partner_id", message: "…", path: ["user", "partnerId"], input: "" };
 * ```
 */
export type InvalidPartnerIdIssue = ValueIssueOf<"invalid_partner_id">;

/**
 * A value that is not a client id (HubID), a positive safe integer; the
 * string `"42"` is not one.
 *
 * @example
 * ```ts
 * const e: InvalidClientIdIssue = { code: "invalid_client_id", message: "…", path: ["clientId"], input: "42" };
 * ```
 */
export type InvalidClientIdIssue = ValueIssueOf<"invalid_client_id">;

/**
 * A value that is not a timestamp: a safe integer of epoch milliseconds
 * within the range of `Date` (±8.64e15). `1.5`, `1e16`, `NaN` and ISO
 * strings are not.
 *
 * @example
 * ```ts
 * const e: InvalidTimestampIssue = { code: "invalid_timestamp", message: "…", path: ["now"], input: 1.5 };
 * ```
 */
export type InvalidTimestampIssue = ValueIssueOf<"invalid_timestamp">;

/**
 * A value that is not a valid email address; `emailIssue` is the address
 * parser's reason.
 *
 * @example
 * ```ts
 * const e: InvalidEmailIssue = {
 *   code: "invalid_email", message: "…", path: ["user", "email"], input: "jane",
 *   emailIssue: { code: "missing_at", message: "…", input: "jane" },
 * };
 * ```
 */
export interface InvalidEmailIssue extends ValueIssueOf<"invalid_email"> {
  readonly emailIssue: EmailIssue;
}

/**
 * Any of the value issues.
 *
 * @example
 * ```ts
 * const code: ValueIssue["code"] = "invalid_timestamp";
 * ```
 */
export type ValueIssue =
  | InvalidRecordIssue
  | InvalidListIssue
  | InvalidPartnerIdIssue
  | InvalidClientIdIssue
  | InvalidTimestampIssue
  | InvalidEmailIssue;

const MESSAGES = {
  invalid_list: "Expected a list (an array, a Set or another iterable).",
  invalid_partner_id: "A partner is identified by its partnerId, a non-empty string.",
  invalid_client_id:
    "A client is identified by its HubID, a positive whole number (a number, not a string).",
  invalid_timestamp:
    "Expected a time in epoch milliseconds: a whole number within ±8.64e15, the range of a Date.",
} as const;

/**
 * Builds an `invalid_record` issue.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param path - where the value is, or `undefined` for the whole argument
 * @param input - the refused value
 * @param message - what is wrong, for a person
 * @returns the issue
 * @example
 * ```ts
 * invalidRecord(["user"], 42, "The user must be an object.");
 * //=> { code: "invalid_record", message: "The user must be an object.", path: ["user"], input: 42 }
 * ```
 */
export function invalidRecord(
  path: IssuePath,
  input: unknown,
  message: string,
): InvalidRecordIssue & { readonly path: IssuePath };
export function invalidRecord(
  path: IssuePath | undefined,
  input: unknown,
  message: string,
): InvalidRecordIssue;
export function invalidRecord(
  path: IssuePath | undefined,
  input: unknown,
  message: string,
): InvalidRecordIssue {
  return path === undefined
    ? { code: "invalid_record", message, input }
    : { code: "invalid_record", message, path, input };
}

/**
 * Builds an `invalid_list` issue.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param path - where the value is
 * @param input - the refused value
 * @returns the issue
 * @example
 * ```ts
 * invalidList(["assignments"], 5).code; //=> "invalid_list"
 * ```
 */
export function invalidList(path: IssuePath, input: unknown): InvalidListIssue {
  return { code: "invalid_list", message: MESSAGES.invalid_list, path, input };
}

// One checker per value code: the issue of a value the guard refuses.
function checker<C extends "invalid_partner_id" | "invalid_client_id" | "invalid_timestamp">(
  code: C,
  guard: (value: unknown) => boolean,
) {
  return (value: unknown, path: IssuePath): ValueIssueOf<C> | undefined =>
    guard(value) ? undefined : { code, message: MESSAGES[code], path, input: value };
}

/**
 * The `invalid_partner_id` issue of a value, or `undefined` when it is a
 * partner id.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param value - any value
 * @param path - where the value is
 * @returns the issue, or `undefined`
 * @example
 * ```ts
 * checkPartnerId("", ["user", "partnerId"])?.code; //=> "invalid_partner_id"
 * checkPartnerId("acme", ["user", "partnerId"]);   //=> undefined
 * ```
 */
export const checkPartnerId = /* @__PURE__ */ checker("invalid_partner_id", isPartnerId);

/**
 * The `invalid_client_id` issue of a value, or `undefined` when it is a
 * client id.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param value - any value
 * @param path - where the value is
 * @returns the issue, or `undefined`
 * @example
 * ```ts
 * checkClientId("42", ["clientId"])?.code; //=> "invalid_client_id"
 * ```
 */
export const checkClientId = /* @__PURE__ */ checker("invalid_client_id", isClientId);

/**
 * The `invalid_timestamp` issue of a value, or `undefined` when it is a
 * timestamp.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param value - any value
 * @param path - where the value is
 * @returns the issue, or `undefined`
 * @example
 * ```ts
 * checkTimestamp(1.5, ["now"])?.code; //=> "invalid_timestamp"
 * ```
 */
export const checkTimestamp = /* @__PURE__ */ checker("invalid_timestamp", isTimestamp);

function emailIssue(
  parsed: Result<EmailAddress, EmailIssue>,
  value: unknown,
  path: IssuePath,
): InvalidEmailIssue | undefined {
  if (parsed.ok) return undefined;
  return {
    code: "invalid_email",
    message: `The email address is not valid: ${parsed.error.message}`,
    path,
    input: value,
    emailIssue: parsed.error,
  };
}

/**
 * The `invalid_email` issue of a value, or `undefined` when it is an
 * address `parseEmailAddress` accepts.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param value - any value
 * @param path - where the value is
 * @returns the issue, or `undefined`
 * @example
 * ```ts
 * checkEmail("jane", ["user", "email"])?.emailIssue.code; //=> "missing_at"
 * ```
 */
export function checkEmail(value: unknown, path: IssuePath): InvalidEmailIssue | undefined {
  return emailIssue(parseEmailAddress(value), value, path);
}

/**
 * The `invalid_email` issue of a value that has no address identity (what
 * `parseEmailIdentity` refuses), or `undefined`. For records that were
 * validated when they were made and are now only compared: it does not
 * consult the Public Suffix List, which keeps the list out of the bundles of
 * the functions that use it.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param value - any value
 * @param path - where the value is
 * @returns the issue, or `undefined`
 * @example
 * ```ts
 * checkEmailIdentity("jane", ["assignment", "email"])?.code; //=> "invalid_email"
 * checkEmailIdentity("jane@co.uk", ["assignment", "email"]); //=> undefined
 * ```
 */
export function checkEmailIdentity(value: unknown, path: IssuePath): InvalidEmailIssue | undefined {
  return emailIssue(parseEmailIdentity(value), value, path);
}

/**
 * An issue moved under another root: its path's first key is replaced by
 * `root` (so `["clientId"]` of one item becomes `["clientIds", 3]` of a bulk
 * request). Issues without a path, or under another first key, are returned
 * as they are.
 *
 * @internal Shared by the access modules; not exported by the package.
 * @param issue - an issue
 * @param from - the first key to replace
 * @param root - the keys that replace it
 * @returns the issue with its new path
 * @example
 * ```ts
 * reroot({ code: "invalid_client_id", message: "…", path: ["clientId"], input: "42" }, "clientId", ["clientIds", 3]).path;
 * //=> ["clientIds", 3]
 * ```
 */
export function reroot<I extends IssueBase>(issue: I, from: string, root: IssuePath): I {
  const path = issue.path;
  if (path === undefined || path[0] !== from) return issue;
  return { ...issue, path: [...root, ...path.slice(1)] };
}
