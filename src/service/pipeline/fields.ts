/**
 * The fields of service requests as zod/mini schemas, one per kind of
 * value, each refusing with the library's value code (`invalid_partner_id`,
 * `invalid_client_id`, `invalid_timestamp`, `invalid_email`,
 * `invalid_record`) so that a bad value gets the same code from every use
 * case. They run on the copy `copyRequest` made. Internal: not exported
 * from the package.
 *
 * @module
 */

import {
  checkClientId,
  checkEmail,
  checkPartnerId,
  checkTimestamp,
  invalidRecord,
} from "../../access/issues.js";
import type { CurrencyRate, CurrencyTable } from "../../attribution/money.js";
import { parseEmailAddress } from "../../domain/email-address.js";
import {
  isClientId,
  isPartnerId,
  isRecord,
  isTimestamp,
  normaliseTimestamp,
} from "../../guards.js";
import type { Period, Program, Timestamp } from "../../model.js";
import { err, type IssuePath, ok, type Result } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { RequestIssue } from "../errors.js";

/**
 * A request's email address: as entered (trimmed) and its key.
 *
 * @example
 * ```ts
 * const a: RequestAddress = { email: "Jane@Acme.com", key: "jane@acme.com" };
 * ```
 */
export interface RequestAddress {
  readonly email: string;
  readonly key: string;
}

// Where a field's check puts its issue before the parser knows the path.
const HERE: IssuePath = [];

// A schema over one value: `check` answers the value or its issue; the
// issue travels in a zod custom issue's params, and `parseRequest` gives it
// the path zod found it at.
function valueField<T>(check: (value: unknown) => Result<T, RequestIssue>) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx) => {
      const checked = check(value);
      if (checked.ok) return checked.value;
      const issue = checked.error;
      ctx.issues.push({ code: "custom", message: issue.message, input: value, params: { issue } });
      return z.NEVER;
    }),
  );
}

// A field a guard decides, refused with the issue of the matching check.
function guarded<T>(
  guard: (value: unknown) => value is T,
  check: (value: unknown, path: IssuePath) => RequestIssue | undefined,
) {
  return valueField((v) =>
    guard(v) ? ok(v) : err(check(v, HERE) ?? invalidRecord(HERE, v, "Unexpected value.")),
  );
}

/**
 * Fields of every kind: partner ids, client ids, timestamps, addresses,
 * flags, and values handed on unchecked.
 *
 * @example
 * ```ts
 * const request = z.object({ partnerId: field.partnerId(), clientId: field.clientId() });
 * ```
 */
export const field = {
  partnerId: () => guarded(isPartnerId, checkPartnerId),
  clientId: () => guarded(isClientId, checkClientId),
  timestamp: () =>
    z.pipe(
      guarded(isTimestamp, checkTimestamp),
      z.transform((t: Timestamp) => normaliseTimestamp(t)),
    ),
  email: () =>
    valueField((v): Result<RequestAddress, RequestIssue> => {
      const parsed = parseEmailAddress(v);
      if (parsed.ok && typeof v === "string") return ok({ email: v.trim(), key: parsed.value.key });
      return err(checkEmail(v, HERE) ?? invalidRecord(HERE, v, "Expected an email address."));
    }),
  flag: () =>
    valueField((v) =>
      typeof v === "boolean" ? ok(v) : err(invalidRecord(HERE, v, "Expected true or false.")),
    ),
  program: () =>
    valueField(
      (v): Result<Program, RequestIssue> =>
        v === "partner" || v === "provider"
          ? ok(v)
          : err(invalidRecord(HERE, v, 'Expected a program: "partner" or "provider".')),
    ),
  dayCount: () =>
    valueField(
      (v): Result<number, RequestIssue> =>
        typeof v === "number" && Number.isSafeInteger(v) && v > 0 && v <= 36_500
          ? ok(v)
          : err(
              invalidRecord(HERE, v, "Expected a number of days: a whole number from 1 to 36500."),
            ),
    ),
  currencyTable: () =>
    valueField((v): Result<CurrencyTable, RequestIssue> => {
      if (!isRecord(v)) return err(invalidRecord(HERE, v, "A currency table is an object."));
      const table: Record<string, CurrencyRate> = {};
      for (const [code, rate] of Object.entries(v)) {
        if (
          !isRecord(rate) ||
          typeof rate.per100Usd !== "number" ||
          typeof rate.exponent !== "number"
        ) {
          const message = "A currency's row is { per100Usd, exponent }, both numbers.";
          return err(invalidRecord([code], rate, message));
        }
        const row = { per100Usd: rate.per100Usd, exponent: rate.exponent };
        Object.defineProperty(table, code, { value: row, enumerable: true });
      }
      return ok(table);
    }),
  period: () =>
    z.pipe(
      z.object({ start: field.timestamp(), end: field.timestamp() }),
      z.transform((p: Period, ctx) => {
        if (p.end >= p.start) return p;
        const issue: RequestIssue = {
          code: "invalid_period",
          message: "A period cannot end before it starts.",
          path: HERE,
          input: p,
        };
        ctx.issues.push({ code: "custom", message: issue.message, input: p, params: { issue } });
        return z.NEVER;
      }),
    ),
  callback: () =>
    valueField((v) =>
      typeof v === "function"
        ? ok((...args: unknown[]): unknown => Reflect.apply(v, undefined, args))
        : err(invalidRecord(HERE, v, "Expected a function.")),
    ),
  /** A value handed on as copied, for a rule that checks it itself (the actor, a confirmation). */
  any: () => z.optional(z.unknown()),
  /** A list whose items the use case checks one by one, each with its own result. */
  list: () => z.array(z.unknown()),
};
