/**
 * How the attribution engine reports a bad value: one issue per bad field,
 * in the shape and vocabulary of every issue of the library (`code`,
 * `message`, `path` from the input's root, the refused `input`), built only
 * for a bad value so that valid records allocate nothing. Internal.
 *
 * @module
 */

import { isRecord, isTimestamp, MAX_TIMESTAMP } from "../../guards.js";
import { err } from "../../result.js";
import { describeValue, type IssuePath } from "../money.js";
import type { AttributionError, AttributionIssue } from "../types.js";

export const STATUSES: readonly unknown[] = ["pending_access", "active", "removed", "expired"];
export const STATUS = '"pending_access", "active", "removed" or "expired"';
export const CLIENT_ID = "a positive whole number (HubID)";

export function push(
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
export function need(
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
export function isRecordAt(
  issues: AttributionIssue[],
  record: unknown,
  section: string,
  index: number,
): record is Record<string, unknown> {
  return need(issues, isRecord(record), record, "an object", section, index);
}

// Same for a timestamp field (`invalid_timestamp`); `undefined` passes when
// optional. A negative index is a field of the section itself (the period).
export function time(
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

export function optionalBoolean(
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
export function withinLimit(
  issues: AttributionIssue[],
  items: readonly unknown[],
  name: string,
): boolean {
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

export function compareOptional(a: number | undefined, b: number | undefined): number {
  return a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a - b;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The refusal: every issue at once.
export function refuse(issues: readonly AttributionIssue[]): {
  readonly ok: false;
  readonly error: AttributionError;
} {
  return err({
    code: "invalid_attribution_input",
    message: `${issues.length} record${issues.length === 1 ? " is" : "s are"} invalid; see issues.`,
    issues,
  });
}
