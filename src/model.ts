/**
 * The data shapes of the library: plain, readonly, JSON-friendly objects
 * that use one key name per idea everywhere. The pure core takes them as
 * they are, reading only their own properties; `schemas` validates untrusted
 * input into them.
 *
 * @module
 */

/**
 * The identifier of a partner account, a non-empty string of the caller's
 * choosing (`isPartnerId`; anything else is `invalid_partner_id`).
 *
 * @example
 * ```ts
 * const id: PartnerId = "northwind";
 * ```
 */
export type PartnerId = string;

/**
 * A client account's HubID: a positive safe integer (`isClientId`). A numeric
 * string such as `"42"` is not one: every function refuses it as
 * `invalid_client_id`.
 *
 * @example
 * ```ts
 * const client: ClientId = 4051234;
 * ```
 */
export type ClientId = number;

/**
 * A point in time in epoch milliseconds, UTC: a safe integer within
 * ±8.64e15 ms, the range a `Date` can hold (`isTimestamp`, `MAX_TIMESTAMP`).
 * `1.5`, `1e16`, `NaN` and ISO strings are not timestamps: every function
 * refuses them as `invalid_timestamp` (the schemas turn ISO strings with a
 * time zone and `Date`s into timestamps). Functions return `0`, never `-0`.
 *
 * @example
 * ```ts
 * const at: Timestamp = Date.UTC(2026, 0, 15);
 * ```
 */
export type Timestamp = number;

/**
 * The program a partner account belongs to: Solutions Partners earn tiers,
 * Solutions Providers accumulate managed points but have no tier.
 *
 * @example
 * ```ts
 * const program: Program = "provider";
 * ```
 */
export type Program = "partner" | "provider";

/**
 * A partner account in the program.
 *
 * @example
 * ```ts
 * const partner: Partner = {
 *   partnerId: "northwind",
 *   program: "partner",
 *   employeeDomains: ["northwind.io"],
 * };
 * ```
 */
export interface Partner {
  readonly partnerId: PartnerId;
  readonly program: Program;
  /** Canonical employee email domains; the first is primary; may be empty. */
  readonly employeeDomains: readonly string[];
  /** Whether `eu.northwind.io` counts for `northwind.io`; default `false`. */
  readonly matchSubdomains?: boolean;
}

/**
 * A user of a partner account.
 *
 * @example
 * ```ts
 * const user: PartnerUser = { partnerId: "northwind", email: "Jane@Northwind.io", tagged: true };
 * ```
 */
export interface PartnerUser {
  readonly partnerId: PartnerId;
  /** The address as entered; compared everywhere by its key (see `parseEmailAddress`). */
  readonly email: string;
  /** The "partner employee" switch: only tagged users earn managed credit. */
  readonly tagged: boolean;
  /** Whether the user is still a user of the partner account; default `true`. */
  readonly inPartnerAccount?: boolean;
}

/**
 * An amount of money in the currency's smallest unit (cents for USD, yen for
 * JPY) with its ISO 4217 code.
 *
 * @example
 * ```ts
 * const mrr: Money = { amountMinor: 100_000, currency: "USD" }; // US$1,000.00
 * ```
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/**
 * A client account with its monthly recurring revenue.
 *
 * @example
 * ```ts
 * const client: Client = { clientId: 42, mrr: { amountMinor: 50_000, currency: "EUR" }, growthMarket: true };
 * ```
 */
export interface Client {
  readonly clientId: ClientId;
  readonly mrr: Money;
  readonly growthMarket?: boolean;
}

/**
 * Where a client assignment is in its life: requested from the client, in
 * force, removed by the partner, or past its expiry.
 *
 * @example
 * ```ts
 * const status: AssignmentStatus = "pending_access";
 * ```
 */
export type AssignmentStatus = "pending_access" | "active" | "removed" | "expired";

/**
 * A partner employee's assignment to a client account. It counts as active
 * over `[activatedAt, removedAt ?? expiresAt ?? ∞)`; a `pending_access` one is
 * never active.
 *
 * @example
 * ```ts
 * const a: Assignment = {
 *   partnerId: "northwind", clientId: 42, email: "jane@northwind.io",
 *   status: "active", assignedAt: 1_700_000_000_000, activatedAt: 1_700_000_000_000,
 * };
 * ```
 */
export interface Assignment {
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly email: string;
  readonly status: AssignmentStatus;
  readonly assignedAt: Timestamp;
  readonly activatedAt?: Timestamp;
  readonly removedAt?: Timestamp;
  readonly expiresAt?: Timestamp;
}

/**
 * A qualifying activity of a user in a client's account.
 *
 * @example
 * ```ts
 * const act: Activity = { clientId: 42, email: "jane@northwind.io", at: Date.UTC(2026, 0, 20) };
 * ```
 */
export interface Activity {
  readonly clientId: ClientId;
  readonly email: string;
  readonly at: Timestamp;
}

/**
 * A half-open time interval `[start, end)`.
 *
 * @example
 * ```ts
 * const january: Period = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };
 * ```
 */
export interface Period {
  readonly start: Timestamp;
  readonly end: Timestamp;
}

/**
 * A deal a partner brought: sourced (found by the partner) or assisted.
 *
 * @example
 * ```ts
 * const deal: Deal = { kind: "sourced", mrr: { amountMinor: 20_000, currency: "USD" } };
 * ```
 */
export interface Deal {
  readonly kind: "sourced" | "assisted";
  readonly mrr: Money;
  readonly growthMarket?: boolean;
}

/**
 * A Solutions Partner tier, lowest first: gold < platinum < diamond < elite.
 *
 * @example
 * ```ts
 * const tier: Tier = "platinum";
 * ```
 */
export type Tier = "gold" | "platinum" | "diamond" | "elite";

/**
 * The minimum points a tier requires. Thresholds change over time, so the
 * caller supplies them.
 *
 * @example
 * ```ts
 * const gold: TierThreshold = { tier: "gold", totalPoints: 100, sourcedPoints: 10 };
 * ```
 */
export interface TierThreshold {
  readonly tier: Tier;
  readonly totalPoints: number;
  readonly sourcedPoints: number;
}
