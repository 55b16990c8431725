import { parseEmailAddress } from "./domain/email-address.js";
import { parseEmailDomain } from "./domain/email-domain.js";
import { parsePartnerEmployeeDomain } from "./domain/partner-employee-domain.js";
import type { IssueBase, Result } from "./result.js";
import * as z from "./vendor/zod-mini.js";

// Boundary validation. Each schema turns untrusted input (JSON bodies, CSV
// rows, queue messages) into the plain shapes the core takes. They are built
// with zod/mini to keep bundles small; mini schemas compose into classic zod
// schemas too. A refusal from one of our parsers becomes a zod "custom" issue
// whose `params.issue` is the library's own error object.

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

// ISO 8601 date-time with a zone, or a date alone (taken as UTC midnight).
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;

function parseTimestamp(value: unknown): Result<number, IssueBase> {
  let ms: number = Number.NaN;
  if (typeof value === "number") ms = value;
  else if (value instanceof Date) ms = value.getTime();
  else if (typeof value === "string" && ISO_8601.test(value.trim())) ms = Date.parse(value.trim());
  if (Number.isSafeInteger(ms)) return { ok: true, value: ms };
  return {
    ok: false,
    error: {
      code: "invalid_timestamp",
      message:
        "Expected a time: epoch milliseconds (an integer), an ISO 8601 string with a time zone, or a valid Date.",
    },
  };
}

/**
 * zod schemas (built with `zod/mini`) that validate untrusted input at the
 * boundary and produce the library's data shapes. Timestamps also accept
 * ISO 8601 strings and `Date`s and come out as epoch milliseconds; domains
 * come out canonical; a refusal by one of the library's parsers is a zod
 * `custom` issue with the library's error in `params.issue`.
 *
 * @example
 * ```ts
 * const r = schemas.assignment.safeParse({
 *   partnerId: "northwind", clientId: 42, email: "jane@northwind.io",
 *   status: "active", assignedAt: "2026-01-05T09:00:00Z", activatedAt: "2026-01-06T09:00:00Z",
 * });
 * r.success && r.data.assignedAt; //=> 1767603600000
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
    .check(
      z.refine((n) => Number.isSafeInteger(n) && n > 0, "A client's HubID is a positive integer."),
    );
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
    currency: z.string().check(z.regex(/^[A-Z]{3}$/, "currency is an ISO 4217 code such as USD.")),
  });
  const assignmentStatus = z.picklist(["pending_access", "active", "removed", "expired"]);

  const partner = z.object({
    partnerId,
    program: z.picklist(["partner", "provider"]),
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
      status: assignmentStatus,
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
    kind: z.picklist(["sourced", "assisted"]),
    mrr: money,
    growthMarket: z.optional(z.boolean()),
  });

  const points = z
    .number()
    .check(z.refine((n) => Number.isFinite(n) && n >= 0, "Points are a finite number, 0 or more."));
  const tierThreshold = z.object({
    tier: z.picklist(["gold", "platinum", "diamond", "elite"]),
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
