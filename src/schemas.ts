import { parseEmailAddress } from "./domain/email-address.js";
import { parseEmailDomain } from "./domain/email-domain.js";
import { parsePartnerEmployeeDomain } from "./domain/partner-employee-domain.js";
import { isClientId, isTimestamp, MAX_TIMESTAMP, normaliseTimestamp } from "./guards.js";
import type { Timestamp } from "./model.js";
import type { IssueBase, Result } from "./result.js";
import * as z from "./vendor/zod-mini.js";

// Boundary validation. Each schema turns untrusted input (JSON bodies, CSV
// rows, queue messages) into the plain shapes the core takes. They are built
// with zod/mini to keep bundles small (see the TSDoc of `schemas` for how
// they compose with classic zod). A refusal from one of our parsers becomes
// a zod "custom" issue whose `params.issue` is the library's own error object.

function fromResult<T>(parse: (value: unknown) => Result<T, IssueBase>) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx) => {
      const parsed = parse(value);
      if (parsed.ok) return parsed.value;
      ctx.issues.push({
        code: "custom",
        message: parsed.error.message,
        input: value,
        params: { issue: parsed.error },
      });
      return z.NEVER;
    }),
  );
}

// ISO 8601 extended date-time with a time zone (RFC 3339's profile, seconds
// optional): YYYY-MM-DDThh:mm[:ss[.fraction]] then Z or ±hh:mm. T and Z in
// either case, and a space for T, as RFC 3339 §5.6 allows. No flags, so that
// the same source serves as a JSON Schema `pattern`.
const ISO_DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(?:[Zz]|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

// Reads the string itself rather than trusting Date.parse, whose reading of
// anything but ECMA-262's one format differs between engines. The fields go
// through setUTCFullYear and setUTCHours, plain arithmetic in every engine
// (ECMA-262 MakeDay, MakeTime), which unlike Date.UTC do not read the years
// 0000–0099 as 19xx; a day the month does not have rolls over, and is refused.
function parseIsoDateTime(text: string): Timestamp | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day);
  if (date.getUTCDate() !== day) return undefined;
  const offset = m[8] === undefined ? 0 : Number(`${m[8]}1`) * (Number(m[9]) * 60 + Number(m[10]));
  const ms = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const t = date.setUTCHours(hour!, minute! - offset, second || 0, ms);
  return isTimestamp(t) ? normaliseTimestamp(t) : undefined;
}

// The time of a Date, from this realm or another; undefined for anything else
// (getTime refuses an object without a Date's internal slot).
function dateTime(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}

function timestampOf(value: unknown): Timestamp | undefined {
  if (typeof value === "string") return parseIsoDateTime(value);
  const t = typeof value === "number" ? value : dateTime(value);
  return isTimestamp(t) ? normaliseTimestamp(t) : undefined;
}

function parseTimestamp(value: unknown): Result<Timestamp, IssueBase> {
  const t = timestampOf(value);
  if (t !== undefined) return { ok: true, value: t };
  return {
    ok: false,
    error: {
      code: "invalid_timestamp",
      message:
        "Expected a time: epoch milliseconds (a whole number within ±8.64e15), an ISO 8601 date and time with a time zone (Z or ±hh:mm), or a valid Date.",
      input: value,
    },
  };
}

const PROGRAMS = ["partner", "provider"] as const;
const STATUSES = ["pending_access", "active", "removed", "expired"] as const;
const DEAL_KINDS = ["sourced", "assisted"] as const;
const TIERS = ["gold", "platinum", "diamond", "elite"] as const;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * zod schemas (built with `zod/mini`) that validate untrusted input at the
 * boundary and produce the library's data shapes. Timestamps accept what
 * `isTimestamp` accepts (a safe integer of epoch milliseconds within
 * ±8.64e15), ISO 8601 date-times with a time zone (`Z` or `±hh:mm`; a date
 * alone such as `"2026-02-01"` is refused, since it names no instant) and
 * valid `Date`s, and come out as epoch milliseconds (`-0` as `0`); domains
 * come out canonical; a refusal by one of the library's parsers is a zod
 * `custom` issue with the library's error in `params.issue`.
 *
 * These are `zod/mini` schemas: they have no methods, so
 * `schemas.partner.optional()` does not exist. Wrap them with functions
 * instead, `z.optional(schemas.partner)`, from `zod/mini` or from classic
 * `zod` (which has the same functions), and put them inside classic
 * `z.object({ … })` as they are. The library does not ship classic-zod
 * copies: classic zod attaches its whole method API to every schema, about
 * 93 kB gzipped in a bundle against under 5 kB for `zod/mini`, and a
 * serverless function that only validates would pay for it at every cold
 * start.
 *
 * For a JSON Schema of what a request may contain, convert
 * {@link inputSchemas}, which have no transforms.
 *
 * @example
 * ```ts
 * const r = schemas.assignment.safeParse({
 *   partnerId: "northwind", clientId: 42, email: "jane@northwind.io",
 *   status: "active", assignedAt: "2026-01-05T09:00:00Z", activatedAt: "2026-01-06T09:00:00Z",
 * });
 * r.success && r.data.assignedAt; //=> 1767603600000
 *
 * import { z } from "zod"; // classic zod
 * const body = z.object({ partner: z.optional(schemas.partner), at: schemas.timestamp });
 * body.parse({ at: "2026-01-05T09:00:00Z" }); //=> { at: 1767603600000 }
 * ```
 */
export const schemas = /* @__PURE__ */ createSchemas();

// Built in a function marked pure so that a bundle which does not use the
// schemas drops them, and the parsers they reference, entirely.
function createSchemas() {
  const nonEmptyString = (what: string) =>
    z.string().check(z.minLength(1, `${what} must be a non-empty string.`));

  const timestamp = fromResult(parseTimestamp);
  const partnerId = nonEmptyString("partnerId");
  const clientId = z
    .number()
    .check(z.refine(isClientId, "A client's HubID is a positive integer."));
  const email = fromResult((value) => {
    const parsed = parseEmailAddress(value);
    return parsed.ok ? { ok: true, value: (value as string).trim() } : parsed;
  });
  const money = z.object({
    amountMinor: z
      .number()
      .check(
        z.refine(
          (n) => Number.isSafeInteger(n) && n >= 0,
          "amountMinor is a non-negative integer in the currency's smallest unit.",
        ),
      ),
    currency: z.string().check(z.regex(CURRENCY, "currency is an ISO 4217 code such as USD.")),
  });

  const partner = z.object({
    partnerId,
    program: z.picklist(PROGRAMS),
    employeeDomains: z
      .array(fromResult(parsePartnerEmployeeDomain))
      .check(
        z.refine(
          (domains) => new Set(domains).size === domains.length,
          "employeeDomains lists a domain twice.",
        ),
      ),
    matchSubdomains: z.optional(z.boolean()),
  });

  const partnerUser = z.object({
    partnerId,
    email,
    tagged: z.boolean(),
    inPartnerAccount: z.optional(z.boolean()),
  });

  const client = z.object({ clientId, mrr: money, growthMarket: z.optional(z.boolean()) });

  const assignment = z
    .object({
      partnerId,
      clientId,
      email,
      status: z.picklist(STATUSES),
      assignedAt: timestamp,
      activatedAt: z.optional(timestamp),
      removedAt: z.optional(timestamp),
      expiresAt: z.optional(timestamp),
    })
    .check(
      z.refine((a) => a.status !== "active" || a.activatedAt !== undefined, {
        message: "An active assignment needs activatedAt.",
        path: ["activatedAt"],
      }),
      z.refine((a) => a.status !== "removed" || a.removedAt !== undefined, {
        message: "A removed assignment needs removedAt.",
        path: ["removedAt"],
      }),
      z.refine((a) => a.status !== "expired" || a.expiresAt !== undefined, {
        message: "An expired assignment needs expiresAt.",
        path: ["expiresAt"],
      }),
      z.refine((a) => a.activatedAt === undefined || a.activatedAt >= a.assignedAt, {
        message: "activatedAt cannot be before assignedAt.",
        path: ["activatedAt"],
      }),
    );

  const activity = z.object({ clientId, email, at: timestamp });

  const period = z.object({ start: timestamp, end: timestamp }).check(
    z.refine((p) => p.end >= p.start, {
      message: "A period cannot end before it starts.",
      path: ["end"],
    }),
  );

  const deal = z.object({
    kind: z.picklist(DEAL_KINDS),
    mrr: money,
    growthMarket: z.optional(z.boolean()),
  });

  const points = z
    .number()
    .check(z.refine((n) => Number.isFinite(n) && n >= 0, "Points are a finite number, 0 or more."));
  const tierThreshold = z.object({
    tier: z.picklist(TIERS),
    totalPoints: points,
    sourcedPoints: points,
  });

  return {
    emailDomain: fromResult(parseEmailDomain),
    partnerEmployeeDomain: fromResult(parsePartnerEmployeeDomain),
    emailAddress: fromResult(parseEmailAddress),
    timestamp,
    money,
    partner,
    partnerUser,
    client,
    assignment,
    activity,
    period,
    deal,
    tierThreshold,
  };
}

/**
 * The input side of {@link schemas}, one per name, as plain `zod/mini`
 * schemas without transforms: what a JSON request may contain, for
 * `z.toJSONSchema(inputSchemas.assignment)` (classic zod) to publish in an
 * OpenAPI document or a form. Times are epoch milliseconds within ±8.64e15
 * or ISO 8601 date-time strings with a zone (JSON has no `Date`); ids,
 * enums and money have their JSON Schema limits; addresses and domains are
 * strings; extra properties are allowed (the schemas drop them). What JSON
 * Schema cannot say (a domain's rules, an assignment's status needing its
 * time) is checked by `schemas` only: publish these, parse with `schemas`.
 * Every JSON value that `schemas.x` accepts, `inputSchemas.x` accepts.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * z.toJSONSchema(inputSchemas.timestamp);
 * //=> { $schema: "…", anyOf: [{ type: "number", minimum: -8640000000000000, maximum: 8640000000000000, multipleOf: 1 },
 * //     { type: "string", pattern: "^(\\d{4})-…" }] }
 * ```
 */
export const inputSchemas = /* @__PURE__ */ createInputSchemas();

// Whole numbers within bounds, which JSON Schema reads as a number that is a
// multiple of 1. (z.int() would say "integer", for 0.4 kB more in every
// bundle that takes the schemas.)
function integer(min: number, max: number) {
  return z.number().check(z.multipleOf(1), z.gte(min), z.lte(max));
}

function createInputSchemas() {
  const timestamp = z.union([
    integer(-MAX_TIMESTAMP, MAX_TIMESTAMP),
    z.string().check(z.regex(ISO_DATE_TIME)),
  ]);
  const partnerId = z.string().check(z.minLength(1));
  const clientId = integer(1, Number.MAX_SAFE_INTEGER);
  const text = z.string();
  const flag = z.optional(z.boolean());
  const money = z.looseObject({
    amountMinor: integer(0, Number.MAX_SAFE_INTEGER),
    currency: z.string().check(z.regex(CURRENCY)),
  });
  const points = z.number().check(z.gte(0));
  return {
    emailDomain: text,
    partnerEmployeeDomain: text,
    emailAddress: text,
    timestamp,
    money,
    partner: z.looseObject({
      partnerId,
      program: z.picklist(PROGRAMS),
      employeeDomains: z.array(text),
      matchSubdomains: flag,
    }),
    partnerUser: z.looseObject({
      partnerId,
      email: text,
      tagged: z.boolean(),
      inPartnerAccount: flag,
    }),
    client: z.looseObject({ clientId, mrr: money, growthMarket: flag }),
    assignment: z.looseObject({
      partnerId,
      clientId,
      email: text,
      status: z.picklist(STATUSES),
      assignedAt: timestamp,
      activatedAt: z.optional(timestamp),
      removedAt: z.optional(timestamp),
      expiresAt: z.optional(timestamp),
    }),
    activity: z.looseObject({ clientId, email: text, at: timestamp }),
    period: z.looseObject({ start: timestamp, end: timestamp }),
    deal: z.looseObject({ kind: z.picklist(DEAL_KINDS), mrr: money, growthMarket: flag }),
    tierThreshold: z.looseObject({
      tier: z.picklist(TIERS),
      totalPoints: points,
      sourcedPoints: points,
    }),
  };
}
