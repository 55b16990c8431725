/**
 * The types of managed-credit attribution: its input, its result (credit
 * per partner, a decision with evidence per (partner, client) pair, lost
 * credit) and its issues. In a module of their own so that the engine, the
 * reference engine and the public functions all import them and none
 * imports another in a circle.
 *
 * @module
 */

import type { EmailConflictParty } from "../conflicts/email-conflicts.js";
import type { EmailIssue } from "../domain/email-identity.js";
import type {
  Activity,
  Assignment,
  Client,
  ClientId,
  Money,
  Partner,
  PartnerId,
  PartnerUser,
  Period,
} from "../model.js";
import type { IssueBase } from "../result.js";
import type { CurrencyTable, IssuePath, MoneyError } from "./money.js";

/**
 * The argument of {@link attributeManagedCredit}: the period, the reference
 * data, and the qualifying activities. Every collection may be any iterable.
 *
 * @example
 * ```ts
 * const input: AttributionInput = {
 *   period: { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) },
 *   partners: [], clients: [], users: [], assignments: [], activities: [],
 * };
 * ```
 */
export interface AttributionInput {
  /** The half-open period `[start, end)` credit is computed for. */
  readonly period: Period;
  readonly partners: Iterable<Partner>;
  readonly clients: Iterable<Client>;
  readonly users: Iterable<PartnerUser>;
  readonly assignments: Iterable<Assignment>;
  readonly activities: Iterable<Activity>;
  /** Replaces the default currency table entirely (design 2.5). */
  readonly currencyTable?: CurrencyTable;
}

/**
 * The outcome of a (partner, client) pair, from the check that failed
 * furthest along: `no_tagged_employee` → `no_active_assignment` →
 * `conflict_contender` → `no_qualifying_activity` → `credited`.
 *
 * @example
 * ```ts
 * const outcome: CreditOutcome = "conflict_contender";
 * ```
 */
export type CreditOutcome =
  | "credited"
  | "no_tagged_employee"
  | "no_active_assignment"
  | "no_qualifying_activity"
  | "conflict_contender";

/**
 * Why an assignment's user is not a tagged employee of its partner:
 * `unknown_user` (no user of that partner has the address's key),
 * `not_in_partner_account` (`inPartnerAccount: false`), `not_tagged`.
 *
 * @example
 * ```ts
 * const reason: NotTaggedEmployeeReason = "not_tagged";
 * ```
 */
export type NotTaggedEmployeeReason = "unknown_user" | "not_in_partner_account" | "not_tagged";

/**
 * Why an assignment was not active during the period: `pending_access`
 * (never active), `not_activated` (no `activatedAt`: the client never granted
 * access), `outside_period` (its active interval
 * `[activatedAt, removedAt ?? expiresAt ?? ∞)` misses the period).
 *
 * @example
 * ```ts
 * const reason: InactiveAssignmentReason = "pending_access";
 * ```
 */
export type InactiveAssignmentReason = "pending_access" | "not_activated" | "outside_period";

/**
 * The decision for one (partner, client) pair, with the evidence of the
 * assignment that got furthest through the checks (for `credited`: the
 * assignment with the earliest qualifying activity). `activeWindow` is the
 * part of the period during which that assignment was active.
 *
 * @example
 * ```ts
 * const d: CreditDecision = {
 *   partnerId: "northwind", clientId: 42, outcome: "no_tagged_employee",
 *   evidence: { assignment, user: null, reason: "unknown_user" },
 * };
 * ```
 */
export type CreditDecision =
  | {
      readonly partnerId: PartnerId;
      readonly clientId: ClientId;
      readonly outcome: "credited";
      readonly evidence: {
        readonly assignment: Assignment;
        readonly user: PartnerUser;
        readonly activeWindow: Period;
        /** The earliest qualifying activity of the user on the client inside `activeWindow`. */
        readonly activity: Activity;
      };
    }
  | {
      readonly partnerId: PartnerId;
      readonly clientId: ClientId;
      readonly outcome: "no_tagged_employee";
      readonly evidence: {
        readonly assignment: Assignment;
        readonly user: PartnerUser | null;
        readonly reason: NotTaggedEmployeeReason;
      };
    }
  | {
      readonly partnerId: PartnerId;
      readonly clientId: ClientId;
      readonly outcome: "no_active_assignment";
      readonly evidence: {
        readonly assignment: Assignment;
        readonly user: PartnerUser;
        readonly reason: InactiveAssignmentReason;
      };
    }
  | {
      readonly partnerId: PartnerId;
      readonly clientId: ClientId;
      readonly outcome: "conflict_contender";
      readonly evidence: {
        readonly assignment: Assignment;
        readonly user: PartnerUser;
        readonly activeWindow: Period;
        /** The conflict in which the partner is a contender. */
        readonly conflict: ConflictEvidence;
      };
    }
  | {
      readonly partnerId: PartnerId;
      readonly clientId: ClientId;
      readonly outcome: "no_qualifying_activity";
      readonly evidence: {
        readonly assignment: Assignment;
        readonly user: PartnerUser;
        /** No activity of the user on the client fell inside this window. */
        readonly activeWindow: Period;
      };
    };

/**
 * The email conflict behind a `conflict_contender` decision: the address's
 * key on the client, linked by two or more partners; the holder (earliest
 * `assignedAt`, ties to the smaller `partnerId`) keeps it, the contenders
 * earn nothing for it. These are the parties `detectEmailConflicts` reports
 * for the same assignments; ask it, or `checkEmailLink`, for the message and
 * the ways out (they are left out here so attribution stays small).
 *
 * @example
 * ```ts
 * const conflict: ConflictEvidence = {
 *   clientId: 42, email: "max@gmail.com",
 *   holder: { partnerId: "acme", email: "max@gmail.com", assignedAt: 1_000 },
 *   contenders: [{ partnerId: "northwind", email: "Max@Gmail.com", assignedAt: 2_000 }],
 * };
 * ```
 */
export interface ConflictEvidence {
  readonly clientId: ClientId;
  /** The address's key. */
  readonly email: string;
  readonly holder: EmailConflictParty;
  /** Ordered by `assignedAt`, then `partnerId`. */
  readonly contenders: readonly EmailConflictParty[];
}

/**
 * One client a partner services: its share of the client's MRR and the
 * points that share earns.
 *
 * @example
 * ```ts
 * const c: CreditedClient = { clientId: 42, share: { amountMinor: 33_334, currency: "USD" }, points: 3.33 };
 * ```
 */
export interface CreditedClient {
  readonly clientId: ClientId;
  readonly share: Money;
  /** Rounded to two decimals, half up, from this share's exact value. */
  readonly points: number;
}

/**
 * What one partner earned in the period.
 *
 * @example
 * ```ts
 * const p: PartnerCredit = {
 *   partnerId: "northwind", points: 10,
 *   managedMrr: [{ amountMinor: 100_000, currency: "USD" }],
 *   clients: [{ clientId: 42, share: { amountMinor: 100_000, currency: "USD" }, points: 10 }],
 * };
 * ```
 */
export interface PartnerCredit {
  readonly partnerId: PartnerId;
  /** Managed points, rounded to two decimals, half up, from the exact sum (not the sum of the clients' rounded points). */
  readonly points: number;
  /** Managed MRR, one entry per currency, sorted by currency code. */
  readonly managedMrr: readonly Money[];
  /** The serviced clients, sorted by `clientId`. */
  readonly clients: readonly CreditedClient[];
}

/**
 * Activity that earned nothing because its user, a user of the partner, is
 * not a tagged employee (rule: every user who works in client accounts must
 * be tagged to earn managed credit). One entry per (partner, client, user),
 * with the user's earliest such activity inside the period, whether or not
 * the partner has an assignment on that client. Activities are matched by
 * email key only, so a freelancer who is untagged at one partner and tagged
 * at another is listed for the first even when the second earned credit.
 *
 * @example
 * ```ts
 * const lost: LostCredit = {
 *   partnerId: "northwind", clientId: 42, email: "sam@northwind.io",
 *   user: { partnerId: "northwind", email: "sam@northwind.io", tagged: false },
 *   reason: "not_tagged",
 *   activity: { clientId: 42, email: "sam@northwind.io", at: Date.UTC(2026, 0, 9) },
 * };
 * ```
 */
export interface LostCredit {
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  /** The address's key. */
  readonly email: string;
  readonly user: PartnerUser;
  readonly reason: "not_tagged" | "not_in_partner_account";
  readonly activity: Activity;
}

/**
 * The result of {@link attributeManagedCredit}.
 *
 * @example
 * ```ts
 * const a: Attribution = { partners: [], decisions: [], lostCredit: [] };
 * ```
 */
export interface Attribution {
  /** Every partner, sorted by `partnerId`, with 0 points when nothing was credited. */
  readonly partners: readonly PartnerCredit[];
  /** One per (partner, client) pair with any assignment, sorted by `partnerId`, then `clientId`. */
  readonly decisions: readonly CreditDecision[];
  /** Sorted by `partnerId`, `clientId`, `email`. */
  readonly lostCredit: readonly LostCredit[];
}

interface RecordIssueOf<C extends string> extends IssueBase<C> {
  /** Where the bad value is, e.g. `["assignments", 12, "partnerId"]`. */
  readonly path: IssuePath;
  /** The refused value, exactly as given. */
  readonly input: unknown;
}

/**
 * One bad record or field in the input of {@link attributeManagedCredit}.
 * Every issue has a `code`, a `message`, a `path` from the input's root
 * (`["assignments", 12, "partnerId"]`; `[]` for an input that is not an
 * object) and the refused `input`, exactly as given. Besides the
 * {@link MoneyError} codes of clients' MRR and the currency table:
 * - `invalid_record`: a record that is not an object, or a field with no
 *   code of its own that is malformed (an unknown `status`, `tagged` not a
 *   boolean, `employeeDomains` not a list of strings, …);
 * - `invalid_list`: a list that is not an array or another iterable, or
 *   one longer than 2^26 entries (then with `length` and `maxLength`, and
 *   no `input`);
 * - `invalid_partner_id`: a `partnerId` that is not a non-empty string;
 * - `invalid_client_id`: a `clientId` that is not a positive safe integer
 *   (`"42"` is not one);
 * - `invalid_timestamp`: a timestamp (`period.start`, `assignedAt`, `at`, …)
 *   that is not a safe integer of milliseconds within ±8.64e15;
 * - `invalid_period`: a period that ends before it starts;
 * - `invalid_email`: an address `parseEmailIdentity` refuses (records cannot
 *   be matched without it), with that refusal in `emailIssue`;
 * - `unknown_partner`, `unknown_client`: a reference to a partner or client
 *   that is not in the input;
 * - `duplicate_partner`, `duplicate_client`, `duplicate_user`: a record
 *   listed twice (a user: same partner and email key), at `path`, with the
 *   first one at `firstPath`;
 * - `amount_overflow`: a partner's managed MRR in one currency exceeds
 *   `Number.MAX_SAFE_INTEGER` minor units.
 *
 * @example
 * ```ts
 * const issue: AttributionIssue = {
 *   code: "unknown_client", message: "…", path: ["activities", 7, "clientId"], input: 99, clientId: 99,
 * };
 * ```
 */
export type AttributionIssue =
  | Exclude<MoneyError, { readonly code: "invalid_list" }>
  | RecordIssueOf<"invalid_record">
  | RecordIssueOf<"invalid_list">
  | (IssueBase<"invalid_list"> & {
      readonly path: IssuePath;
      /** How many entries the list holds. */
      readonly length: number;
      /** The most one call reads. */
      readonly maxLength: number;
    })
  | RecordIssueOf<"invalid_partner_id">
  | RecordIssueOf<"invalid_client_id">
  | RecordIssueOf<"invalid_period">
  | RecordIssueOf<"invalid_timestamp">
  | (RecordIssueOf<"invalid_email"> & { readonly emailIssue: EmailIssue })
  | (RecordIssueOf<"unknown_partner"> & { readonly partnerId: PartnerId })
  | (RecordIssueOf<"unknown_client"> & { readonly clientId: ClientId })
  | (RecordIssueOf<"duplicate_partner"> & {
      readonly partnerId: PartnerId;
      readonly firstPath: IssuePath;
    })
  | (RecordIssueOf<"duplicate_client"> & {
      readonly clientId: ClientId;
      readonly firstPath: IssuePath;
    })
  | (RecordIssueOf<"duplicate_user"> & {
      readonly partnerId: PartnerId;
      /** The address's key. */
      readonly email: string;
      readonly firstPath: IssuePath;
    })
  | (RecordIssueOf<"amount_overflow"> & {
      readonly partnerId: PartnerId;
      readonly currency: string;
    });

/**
 * The refusal of {@link attributeManagedCredit}: every bad record at once,
 * in input order (period, currency table, partners, clients, users,
 * assignments, activities).
 *
 * @example
 * ```ts
 * const e: AttributionError = { code: "invalid_attribution_input", message: "2 records are invalid; see issues.", issues: [] };
 * ```
 */
export interface AttributionError extends IssueBase<"invalid_attribution_input"> {
  readonly issues: readonly AttributionIssue[];
}
