// What PostgreSQL cannot store exactly as given, on top of the library's
// record checks: text with a NUL character or a lone surrogate, and a
// partner id too long for a B-tree index. Such a record is refused with
// `invalid_record`, like any malformed one, instead of failing the
// statement (a rejection) or being stored changed.

import type { InvalidRecord, IssuePath, RecordIssue } from "partner-access";
import { isStorable, MAX_PARTNER_ID_BYTES, utf8Length } from "./read.js";

function scan(value: unknown, path: (string | number)[], issues: RecordIssue[]): void {
  if (typeof value === "string") {
    if (!isStorable(value)) {
      issues.push({
        code: "invalid_record",
        message:
          "PostgreSQL cannot store this text exactly: it has a NUL character or a lone surrogate.",
        path: [...path] as IssuePath,
        input: value,
      });
    } else if (path[path.length - 1] === "partnerId" && utf8Length(value) > MAX_PARTNER_ID_BYTES) {
      issues.push({
        code: "invalid_partner_id",
        message: `A partnerId stored in PostgreSQL has at most ${MAX_PARTNER_ID_BYTES} UTF-8 bytes.`,
        path: [...path] as IssuePath,
        input: value,
        length: utf8Length(value),
        maxLength: MAX_PARTNER_ID_BYTES,
      } as RecordIssue);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      scan(v, [...path, i], issues);
    });
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) scan(v, [...path, k], issues);
  }
}

/**
 * The refusal of a checked record PostgreSQL cannot store exactly.
 *
 * @param param - the name of the method's parameter (`"partner"`), where each issue's path starts
 * @param record - the record as the library's check returned it
 * @returns `invalid_record` with an issue per such text, or `null` when all can be stored
 * @example
 * ```ts
 * unstorable("partner", { partnerId: "a\u0000", program: "partner", employeeDomains: [] })?.issues[0]?.path;
 * //=> ["partner", "partnerId"]
 * ```
 */
export function unstorable(param: string, record: unknown): InvalidRecord | null {
  const issues: RecordIssue[] = [];
  scan(record, [param], issues);
  return issues.length === 0 ? null : { status: "invalid_record", issues };
}
