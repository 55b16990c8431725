import {
  type Activity,
  type Actor,
  type Assignment,
  type AssignmentStatus,
  type Client,
  type ClientActor,
  type Deal,
  type Money,
  type Partner,
  type PartnerUser,
  type Period,
  parsePartnerEmployeeDomain,
  type TierThreshold,
} from "partner-access";
import fc from "./fast-check.js";

// fast-check arbitraries that produce the library's input data, so callers
// can property-test their own code with it. Every value they produce is
// accepted by the library's parsers unless the name says otherwise.

const LABEL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

function label(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...LABEL_CHARS),
      fc.string({ unit: fc.constantFrom(...`${LABEL_CHARS}-`), maxLength: 10 }),
      fc.constantFrom(...LABEL_CHARS),
    )
    .map(([a, mid, b]) => `${a}${mid}${b}`)
    .filter((l) => !l.startsWith("xn--") && !/^\d+$/.test(l));
}

/**
 * Canonical email domains that `parsePartnerEmployeeDomain` accepts: one to
 * three labels under one of a few ordinary top-level domains.
 *
 * @returns an arbitrary of canonical domains
 * @example
 * ```ts
 * fc.sample(arbitraries.emailDomain(), 1); //=> ["k3-x.io"] (for instance)
 * ```
 */
function emailDomain(): fc.Arbitrary<string> {
  return (
    fc
      .tuple(
        fc.array(label(), { minLength: 1, maxLength: 3 }),
        fc.constantFrom("com", "io", "de", "fr", "it", "com.br", "co.uk", "example"),
      )
      .map(([labels, tld]) => `${labels.join(".")}.${tld}`)
      // drop the rare draws that are public suffixes (ao.it) or start with www.
      .filter((d) => parsePartnerEmployeeDomain(d).ok)
  );
}

/**
 * Email addresses whose local part is a simple dot-atom, on domains from
 * {@link emailDomain} or on a given domain arbitrary.
 *
 * @param domain - where the domains come from (default, and for anything
 *   that is not an arbitrary: `emailDomain()`)
 * @returns an arbitrary of addresses
 * @example
 * ```ts
 * fc.sample(arbitraries.emailAddress(), 1); //=> ["jane.x@k3-x.io"] (for instance)
 * ```
 */
function emailAddress(domain?: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const atom = fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789+_-'"),
    minLength: 1,
    maxLength: 12,
  });
  return fc
    .tuple(
      fc.array(atom, { minLength: 1, maxLength: 2 }),
      isArbitrary(domain) ? (domain as fc.Arbitrary<string>) : emailDomain(),
    )
    .map(([atoms, d]) => `${atoms.join(".")}@${d}`);
}

const DAY = 86_400_000;
// 2020-01-01 .. 2035-01-01: wide enough for any test, far from the limits
// of safe integers and of Date.
const MIN_TIME = Date.UTC(2020, 0, 1);
const MAX_TIME = Date.UTC(2035, 0, 1);
// The currencies of the default currency table, so money draws are usable
// by attribution as they are.
const CURRENCIES = ["USD", "EUR", "GBP", "AUD", "SGD", "JPY", "ZAR", "CAD", "COP"] as const;
const LOCALS = ["jane", "adam", "li"] as const;
const SHARED_DOMAIN = "gmail.com";

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

// Whether a value is a fast-check arbitrary, of this copy of fast-check or
// another one (a caller may have its own): it can generate and shrink.
function isArbitrary(value: unknown): value is fc.Arbitrary<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { generate?: unknown }).generate === "function" &&
    typeof (value as { shrink?: unknown }).shrink === "function" &&
    typeof (value as { canShrinkWithoutContext?: unknown }).canShrinkWithoutContext === "function"
  );
}

// The arbitrary a caller passed as `options[name]`, or the default.
function option<T>(
  options: unknown,
  name: keyof ArbitraryOptions,
  fallback: () => fc.Arbitrary<T>,
) {
  const given =
    typeof options === "object" && options !== null && Object.hasOwn(options, name)
      ? (options as Record<string, unknown>)[name]
      : undefined;
  return isArbitrary(given) ? (given as fc.Arbitrary<T>) : fallback();
}

// Leaves out keys whose value is undefined, as `exactOptionalPropertyTypes`
// and the schemas want absent rather than undefined.
type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

function defined<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<T>;
}

/**
 * Partner identifiers: short non-empty strings such as `"p-k3"`.
 *
 * @returns an arbitrary of partner ids
 * @example
 * ```ts
 * fc.sample(arbitraries.partnerId(), 1); //=> ["p-x0"] (for instance)
 * ```
 */
function partnerId(): fc.Arbitrary<string> {
  return fc
    .string({
      unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"),
      minLength: 1,
      maxLength: 6,
    })
    .map((s) => `p-${s}`);
}

/**
 * Client HubIDs: positive safe integers (up to 2^31 − 1, like real ones).
 *
 * @returns an arbitrary of client ids
 * @example
 * ```ts
 * fc.sample(arbitraries.clientId(), 1); //=> [40512] (for instance)
 * ```
 */
function clientId(): fc.Arbitrary<number> {
  return fc.integer({ min: 1, max: 2 ** 31 - 1 });
}

/**
 * Timestamps in epoch milliseconds between 2020 and 2035.
 *
 * @returns an arbitrary of timestamps
 * @example
 * ```ts
 * fc.sample(arbitraries.timestamp(), 1); //=> [1767225600000] (for instance)
 * ```
 */
function timestamp(): fc.Arbitrary<number> {
  return fc.integer({ min: MIN_TIME, max: MAX_TIME });
}

/**
 * Amounts of money in a currency of the default currency table, up to ten
 * million major units.
 *
 * @returns an arbitrary of money
 * @example
 * ```ts
 * fc.sample(arbitraries.money(), 1); //=> [{ amountMinor: 125000, currency: "EUR" }] (for instance)
 * ```
 */
function money(): fc.Arbitrary<Money> {
  return fc.record({
    amountMinor: fc.integer({ min: 0, max: 1_000_000_000 }),
    currency: fc.constantFrom(...CURRENCIES),
  });
}

/**
 * Options of the arbitraries that can be pinned to given values. Options
 * are read by own property, and one that is not a fast-check arbitrary
 * (`null`, a plain value, a string) is ignored, as is an options argument
 * that is not an object: the default is used, so a bad option never makes
 * building an arbitrary throw. (Pass `fc.constant(value)` to pin a value.)
 *
 * @example
 * ```ts
 * const options: ArbitraryOptions = { partnerId: fc.constant("acme") };
 * arbitraries.partner(null); // the same as arbitraries.partner()
 * ```
 */
export interface ArbitraryOptions {
  /** Where the `partnerId` comes from (default: `partnerId()`). */
  readonly partnerId?: fc.Arbitrary<string>;
  /** Where the `clientId` comes from (default: `clientId()`). */
  readonly clientId?: fc.Arbitrary<number>;
  /** Where the `email` comes from (default: `emailAddress()`). */
  readonly email?: fc.Arbitrary<string>;
}

/**
 * Partners of either program with zero to three distinct employee domains
 * and, sometimes, `matchSubdomains`.
 *
 * @param options - `partnerId` to pin the partner's id
 * @returns an arbitrary of partners
 * @example
 * ```ts
 * fc.sample(arbitraries.partner(), 1);
 * //=> [{ partnerId: "p-q", program: "partner", employeeDomains: ["k3.io"] }] (for instance)
 * ```
 */
function partner(options?: ArbitraryOptions): fc.Arbitrary<Partner> {
  return fc
    .record({
      partnerId: option(options, "partnerId", partnerId),
      program: fc.constantFrom("partner" as const, "provider" as const),
      employeeDomains: fc.uniqueArray(emailDomain(), { maxLength: 3 }),
      matchSubdomains: optional(fc.boolean()),
    })
    .map(defined);
}

/**
 * Users of a partner account, tagged or not, sometimes marked as outside the
 * account.
 *
 * @param options - `partnerId` and `email` to pin
 * @returns an arbitrary of partner users
 * @example
 * ```ts
 * fc.sample(arbitraries.partnerUser(), 1);
 * //=> [{ partnerId: "p-q", email: "jane@k3.io", tagged: true }] (for instance)
 * ```
 */
function partnerUser(options?: ArbitraryOptions): fc.Arbitrary<PartnerUser> {
  return fc
    .record({
      partnerId: option(options, "partnerId", partnerId),
      email: option(options, "email", emailAddress),
      tagged: fc.boolean(),
      inPartnerAccount: optional(fc.boolean()),
    })
    .map(defined);
}

/**
 * Clients with an MRR and, sometimes, the growth-market flag.
 *
 * @param options - `clientId` to pin
 * @returns an arbitrary of clients
 * @example
 * ```ts
 * fc.sample(arbitraries.client(), 1);
 * //=> [{ clientId: 42, mrr: { amountMinor: 100000, currency: "USD" } }] (for instance)
 * ```
 */
function client(options?: ArbitraryOptions): fc.Arbitrary<Client> {
  return fc
    .record({
      clientId: option(options, "clientId", clientId),
      mrr: money(),
      growthMarket: optional(fc.boolean()),
    })
    .map(defined);
}

/**
 * Assignments in every status, each with the timestamps its status needs
 * (`activatedAt` for active ones, `removedAt` for removed ones, `expiresAt`
 * for expired ones; `activatedAt ≥ assignedAt`), sometimes with an
 * `expiresAt` ahead.
 *
 * @param options - `partnerId`, `clientId` and `email` to pin
 * @returns an arbitrary of assignments
 * @example
 * ```ts
 * fc.sample(arbitraries.assignment(), 1);
 * //=> [{ partnerId: "p-q", clientId: 42, email: "jane@k3.io", status: "pending_access", assignedAt: 1767225600000 }]
 * ```
 */
function assignment(options?: ArbitraryOptions): fc.Arbitrary<Assignment> {
  const offset = fc.integer({ min: 0, max: 90 * DAY });
  return fc
    .record({
      partnerId: option(options, "partnerId", partnerId),
      clientId: option(options, "clientId", clientId),
      email: option(options, "email", emailAddress),
      status: fc.constantFrom<AssignmentStatus>("pending_access", "active", "removed", "expired"),
      assignedAt: timestamp(),
      activation: offset,
      end: offset,
      expires: optional(offset),
    })
    .map(({ status, activation, end, expires, ...base }): Assignment => {
      const activatedAt = base.assignedAt + activation;
      if (status === "pending_access") {
        return defined({ ...base, status, expiresAt: expiresAfter(base.assignedAt, expires) });
      }
      if (status === "active") {
        return defined({
          ...base,
          status,
          activatedAt,
          expiresAt: expiresAfter(activatedAt, expires),
        });
      }
      return status === "removed"
        ? { ...base, status, activatedAt, removedAt: activatedAt + end }
        : { ...base, status, activatedAt, expiresAt: activatedAt + end };
    });
}

function expiresAfter(at: number, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : at + offset + 1;
}

/**
 * Qualifying activities of a user in a client's account.
 *
 * @param options - `clientId` and `email` to pin
 * @returns an arbitrary of activities
 * @example
 * ```ts
 * fc.sample(arbitraries.activity(), 1); //=> [{ clientId: 42, email: "jane@k3.io", at: 1767225600000 }]
 * ```
 */
function activity(options?: ArbitraryOptions): fc.Arbitrary<Activity> {
  return fc.record({
    clientId: option(options, "clientId", clientId),
    email: option(options, "email", emailAddress),
    at: timestamp(),
  });
}

/**
 * Half-open periods `[start, end)` from empty up to a year long.
 *
 * @returns an arbitrary of periods
 * @example
 * ```ts
 * fc.sample(arbitraries.period(), 1); //=> [{ start: 1767225600000, end: 1769904000000 }] (for instance)
 * ```
 */
function period(): fc.Arbitrary<Period> {
  return fc
    .tuple(timestamp(), fc.integer({ min: 0, max: 366 * DAY }))
    .map(([start, length]) => ({ start, end: start + length }));
}

/**
 * Sourced and assisted deals.
 *
 * @returns an arbitrary of deals
 * @example
 * ```ts
 * fc.sample(arbitraries.deal(), 1);
 * //=> [{ kind: "sourced", mrr: { amountMinor: 20000, currency: "USD" } }] (for instance)
 * ```
 */
function deal(): fc.Arbitrary<Deal> {
  return fc
    .record({
      kind: fc.constantFrom("sourced" as const, "assisted" as const),
      mrr: money(),
      growthMarket: optional(fc.boolean()),
    })
    .map(defined);
}

/**
 * Tier thresholds: a tier and its minimum total and sourced points.
 *
 * @returns an arbitrary of tier thresholds
 * @example
 * ```ts
 * fc.sample(arbitraries.tierThreshold(), 1);
 * //=> [{ tier: "gold", totalPoints: 100, sourcedPoints: 10 }] (for instance)
 * ```
 */
function tierThreshold(): fc.Arbitrary<TierThreshold> {
  return fc.record({
    tier: fc.constantFrom(
      "gold" as const,
      "platinum" as const,
      "diamond" as const,
      "elite" as const,
    ),
    totalPoints: fc.integer({ min: 0, max: 100_000 }),
    sourcedPoints: fc.integer({ min: 0, max: 10_000 }),
  });
}

/**
 * Partner actors: super admins or not, with or without the
 * `manage_partner_employees` permission.
 *
 * @param options - `partnerId` to pin the actor's partner
 * @returns an arbitrary of actors
 * @example
 * ```ts
 * fc.sample(arbitraries.actor(), 1);
 * //=> [{ userId: "u-3", partnerId: "p-q", superAdmin: false, permissions: ["manage_partner_employees"] }]
 * ```
 */
function actor(options?: ArbitraryOptions): fc.Arbitrary<Actor> {
  return fc.record({
    userId: fc.string({ minLength: 1, maxLength: 4 }).map((s) => `u-${s}`),
    partnerId: option(options, "partnerId", partnerId),
    superAdmin: fc.boolean(),
    permissions: fc.subarray(["manage_partner_employees" as const]),
  });
}

/**
 * Users of a client's own portal (only they grant partner
 * employees access to it), super admins of it or not.
 *
 * @param options - `clientId` to pin the actor's client
 * @returns an arbitrary of client actors
 * @example
 * ```ts
 * fc.sample(arbitraries.clientActor(), 1); //=> [{ kind: "client", userId: "c-1", clientId: 42, superAdmin: true }]
 * ```
 */
function clientActor(options?: ArbitraryOptions): fc.Arbitrary<ClientActor> {
  return fc.record({
    kind: fc.constant("client" as const),
    userId: fc.string({ minLength: 1, maxLength: 4 }).map((s) => `c-${s}`),
    clientId: option(options, "clientId", clientId),
    superAdmin: fc.boolean(),
  });
}

/**
 * Options of {@link scenario}. Each is read by own property; a value that
 * is not a number is ignored (the default is used) and a number out of its
 * range is clamped to it, so no option makes building the arbitrary throw.
 *
 * @example
 * ```ts
 * const options: ScenarioOptions = { conflictRate: 0.5, partnersPerClient: 6 };
 * ```
 */
export interface ScenarioOptions {
  /** At most this many partners, 1–26 (default 4). */
  readonly maxPartners?: number;
  /** At most this many clients, 1–26 (default 3). */
  readonly maxClients?: number;
  /**
   * The share of samples, 0–1, into which an email conflict is put: one
   * shared address linked to one client by several partners, each through
   * a tagged user with an assignment active during the period, and an
   * activity of that address on the client (default 0.3). The other
   * samples may hold conflicts too, by chance.
   */
  readonly conflictRate?: number;
  /** How many partners link the address of such a conflict, at most, 2–26 (default 3). */
  readonly partnersPerClient?: number;
  /**
   * The share of users, 0–1, on a shared (free-mail) address rather than
   * their partner's domain (default 0.5); the users of a partner without a
   * domain are always on a shared address.
   */
  readonly sharedAddresses?: number;
}

// A number option within [min, max], or the default.
function numberOption(
  options: unknown,
  name: keyof ScenarioOptions,
  min: number,
  max: number,
  fallback: number,
) {
  const given =
    typeof options === "object" && options !== null && Object.hasOwn(options, name)
      ? (options as Record<string, unknown>)[name]
      : undefined;
  if (typeof given !== "number" || Number.isNaN(given)) return fallback;
  return Math.min(max, Math.max(min, given));
}

/**
 * A coherent data set, shaped as the input of `attributeManagedCredit` and
 * accepted by it: partners (no domain held twice nor nested in another
 * partner's), clients, each partner's users on its primary domain or on a
 * shared domain (freelancers, so that two partners sometimes link the same
 * address to the same client: an email conflict), assignments of those
 * users to those clients in every status around the period, and
 * activities of assigned users, mostly inside the period. By default about
 * a third of the samples hold an email conflict with a contender's
 * decision (`conflictRate`), so properties over them exercise conflicts.
 *
 * @param options - sizes and rates; see {@link ScenarioOptions}
 * @returns an arbitrary of scenarios
 * @example
 * ```ts
 * fc.assert(fc.property(arbitraries.scenario(), (s) => attributeManagedCredit(s).ok));
 * fc.sample(arbitraries.scenario({ conflictRate: 1, partnersPerClient: 5 }), 1);
 * ```
 */
function scenario(options?: ScenarioOptions): fc.Arbitrary<Scenario> {
  const maxPartners = Math.floor(numberOption(options, "maxPartners", 1, 26, 4));
  const maxClients = Math.floor(numberOption(options, "maxClients", 1, 26, 3));
  const conflictRate = numberOption(options, "conflictRate", 0, 1, 0.3);
  const perClient = Math.floor(numberOption(options, "partnersPerClient", 2, 26, 3));
  const shared = numberOption(options, "sharedAddresses", 0, 1, 0.5);
  return baseScenario(maxPartners, maxClients, shared).chain((base) =>
    fc
      .record({
        conflict: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < conflictRate),
        count: fc.integer({ min: 2, max: perClient }),
        client: fc.nat(),
        start: fc.integer({ min: 0, max: 1000 }),
      })
      .map(({ conflict, count, client, start }) =>
        conflict && base.partners.length >= 2
          ? withConflict(base, Math.min(count, base.partners.length), client, start)
          : base,
      ),
  );
}

// The shared address of a conflict put into a scenario: no other user has it.
const CONFLICT_ADDRESS = "office@gmail.com";

// Adds an email conflict: `count` partners link CONFLICT_ADDRESS to one
// client through tagged users whose assignments are active during the
// period (the first partner earliest, so it holds the address), and the
// address works on the client inside the period.
function withConflict(base: Scenario, count: number, pick: number, offset: number): Scenario {
  const client = base.clients[pick % base.clients.length]!.clientId;
  const { start, end } = base.period;
  const linking = base.partners.slice(0, count);
  const users = linking.map(
    ({ partnerId }): PartnerUser => ({ partnerId, email: CONFLICT_ADDRESS, tagged: true }),
  );
  const assignments = linking.map(
    ({ partnerId }, i): Assignment => ({
      partnerId,
      clientId: client,
      email: i % 2 === 0 ? CONFLICT_ADDRESS : "Office@Gmail.com",
      status: "active",
      assignedAt: start - DAY - offset + i,
      activatedAt: start - DAY + i,
    }),
  );
  const at = start + Math.floor((end - start) / 2);
  return {
    ...base,
    users: [...base.users, ...users],
    assignments: [...base.assignments, ...assignments],
    activities: [...base.activities, { clientId: client, email: CONFLICT_ADDRESS, at }],
  };
}

// The scenario before any conflict is put in (see scenario).
function baseScenario(
  maxPartners: number,
  maxClients: number,
  sharedRate: number,
): fc.Arbitrary<Scenario> {
  const world = fc
    .record({
      ids: fc.uniqueArray(partnerId(), { minLength: 1, maxLength: maxPartners }),
      domains: fc
        .uniqueArray(emailDomain(), { minLength: 2 * maxPartners, maxLength: 2 * maxPartners })
        .filter(notNested),
      clientIds: fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), {
        minLength: 1,
        maxLength: maxClients,
      }),
      start: timestamp(),
      days: fc.integer({ min: 1, max: 62 }),
    })
    .chain(({ ids, domains, clientIds, start, days }) =>
      fc.record({
        period: fc.constant({ start, end: start + days * DAY }),
        partners: fc.tuple(
          ...ids.map((id, i) =>
            fc
              .record({
                partnerId: fc.constant(id),
                program: fc.constantFrom("partner" as const, "provider" as const),
                employeeDomains: fc
                  .integer({ min: 0, max: 2 })
                  .map((n) => domains.slice(2 * i, 2 * i + n)),
                matchSubdomains: optional(fc.boolean()),
              })
              .map(defined),
          ),
        ),
        clients: fc.tuple(...clientIds.map((c) => client({ clientId: fc.constant(c) }))),
        users: fc.tuple(
          ...ids.map(() =>
            fc.uniqueArray(
              fc.record({
                local: fc.constantFrom(...LOCALS),
                // on the shared domain (a freelancer), or on the primary one
                // when the partner has one; unique by local part, so that
                // no partner lists one address twice
                shared: fc.integer({ min: 0, max: 999 }).map((n) => n < sharedRate * 1000),
                // mostly tagged, so that credit is common enough to test
                tagged: fc.oneof(
                  { weight: 3, arbitrary: fc.constant(true) },
                  { weight: 1, arbitrary: fc.constant(false) },
                ),
                inPartnerAccount: optional(fc.boolean()),
              }),
              { maxLength: 4, selector: (u) => u.local },
            ),
          ),
        ),
      }),
    );
  return world.chain(({ period: p, partners, clients, users }) => {
    const roster: PartnerUser[] = users.flatMap((list, i): PartnerUser[] => {
      const owner = partners[i]!;
      const primary = owner.employeeDomains[0];
      return list.map((u) =>
        defined({
          partnerId: owner.partnerId,
          email: `${u.local}@${u.shared || primary === undefined ? SHARED_DOMAIN : primary}`,
          tagged: u.tagged,
          inPartnerAccount: u.inPartnerAccount,
        }),
      );
    });
    const around = fc.integer({ min: p.start - 30 * DAY, max: p.end + 10 * DAY });
    const pick = <T>(list: readonly T[]) => fc.nat().map((n) => list[n % list.length]!);
    const assignments =
      roster.length === 0
        ? fc.constant([])
        : fc.array(
            fc
              .tuple(pick(roster), pick(clients), assignment(), around)
              .map(([u, c, a, at]) => withTimes(a, u.partnerId, c.clientId, u.email, at)),
            { minLength: 1, maxLength: 10 },
          );
    return assignments.chain((list) =>
      fc.record({
        period: fc.constant(p),
        partners: fc.constant(partners),
        clients: fc.constant(clients),
        users: fc.constant(roster),
        assignments: fc.constant(list),
        activities:
          list.length === 0
            ? fc.constant([])
            : fc.array(
                pick(list).chain((a) =>
                  activityTime(a, p).map((at) => ({ clientId: a.clientId, email: a.email, at })),
                ),
                { maxLength: 16 },
              ),
      }),
    );
  });
}

// Around the period, or (half the time, when there is one) inside both the
// period and the assignment's active window, where it earns credit.
function activityTime(a: Assignment, p: Period): fc.Arbitrary<number> {
  const anywhere = fc.integer({ min: p.start - 5 * DAY, max: p.end + 5 * DAY });
  const from = Math.max(p.start, a.activatedAt ?? Number.POSITIVE_INFINITY);
  const to = Math.min(p.end - 1, (a.removedAt ?? a.expiresAt ?? Number.POSITIVE_INFINITY) - 1);
  return a.status === "pending_access" || from > to
    ? anywhere
    : fc.oneof(anywhere, fc.integer({ min: from, max: to }));
}

// Moves a drawn assignment to a given partner, client, address and start,
// keeping the gaps between its timestamps.
function withTimes(
  a: Assignment,
  partnerId: string,
  clientId: number,
  email: string,
  assignedAt: number,
): Assignment {
  const shift = (t: number | undefined) =>
    t === undefined ? undefined : t - a.assignedAt + assignedAt;
  return defined({
    ...a,
    partnerId,
    clientId,
    email,
    assignedAt,
    activatedAt: shift(a.activatedAt),
    removedAt: shift(a.removedAt),
    expiresAt: shift(a.expiresAt),
  });
}

// No drawn domain may be under another one: a partner matching subdomains
// would then hold another partner's domain too.
function notNested(domains: readonly string[]): boolean {
  return domains.every((d) => domains.every((e) => d === e || !d.endsWith(`.${e}`)));
}

/**
 * What {@link scenario} draws: the input of `attributeManagedCredit`, with
 * arrays.
 *
 * @example
 * ```ts
 * const s: Scenario = { period, partners: [], clients: [], users: [], assignments: [], activities: [] };
 * ```
 */
export interface Scenario {
  readonly period: Period;
  readonly partners: readonly Partner[];
  readonly clients: readonly Client[];
  readonly users: readonly PartnerUser[];
  readonly assignments: readonly Assignment[];
  readonly activities: readonly Activity[];
}

/**
 * fast-check arbitraries for the library's input types: every value they
 * produce is accepted unchanged by the matching `schemas` entry.
 *
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { attributeManagedCredit, parseEmailAddress } from "partner-access";
 * import { arbitraries } from "partner-access/testing";
 * fc.assert(fc.property(arbitraries.emailAddress(), (a) => parseEmailAddress(a).ok));
 * fc.assert(fc.property(arbitraries.scenario(), (s) => attributeManagedCredit(s).ok));
 * ```
 */
export const arbitraries = {
  emailDomain,
  emailAddress,
  partnerId,
  clientId,
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
  actor,
  clientActor,
  scenario,
};
