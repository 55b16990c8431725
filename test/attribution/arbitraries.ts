import fc from "fast-check";
import type { AttributionInput } from "../../src/attribution/managed-credit.js";
import { parseEmailAddress } from "../../src/domain/email-address.js";
import type {
  Activity,
  Assignment,
  Client,
  Partner,
  PartnerUser,
  Period,
} from "../../src/model.js";

// Small pools, so that shared clients, shared addresses (conflicts), case
// variants of one address, ties in time and every status are frequent.
const PARTNER_IDS = ["a", "b", "c", "B", "ab"];
const EMAILS = [
  "jane@gmail.com",
  "Jane@Gmail.com",
  "max@acme.com",
  "MAX@ACME.COM.",
  "sam@acme.com",
  "kim@b.io",
  "lee@c.io",
  "ana@a.io",
  "bo@ab.io",
];
const CURRENCIES = ["USD", "EUR", "JPY", "COP"];
export const PERIOD: Period = { start: 100, end: 200 };

/** The email key of a fixture address. */
export const keyOf = (email: string): string => {
  const parsed = parseEmailAddress(email);
  if (!parsed.ok) throw new Error(`fixture email ${email} is invalid`);
  return parsed.value.key;
};

const time = fc.integer({ min: 0, max: 300 });
const mostly = <T>(likely: fc.Arbitrary<T>, rarely: fc.Arbitrary<T>, weight = 4) =>
  fc.oneof({ weight, arbitrary: likely }, { weight: 1, arbitrary: rarely });
const status = fc.oneof(
  { weight: 6, arbitrary: fc.constant("active" as const) },
  { weight: 2, arbitrary: fc.constant("removed" as const) },
  { weight: 1, arbitrary: fc.constant("expired" as const) },
  { weight: 1, arbitrary: fc.constant("pending_access" as const) },
);

/**
 * A valid attribution input over the period [100, 200): every reference
 * resolves, users are unique per (partner, email key). Most assignments
 * belong to a listed user and most activities follow an assignment, so every
 * outcome, shared clients and conflicts all come up often.
 */
export const scenario: fc.Arbitrary<AttributionInput> = fc
  .record({
    partners: fc.uniqueArray(fc.constantFrom(...PARTNER_IDS), { minLength: 1, maxLength: 5 }),
    programs: fc.array(fc.constantFrom("partner" as const, "provider" as const), {
      minLength: 5,
      maxLength: 5,
    }),
    clients: fc.uniqueArray(
      fc.record({
        clientId: fc.integer({ min: 1, max: 6 }),
        amountMinor: fc.oneof(
          fc.integer({ min: 0, max: 200 }),
          fc.integer({ min: 0, max: 10_000_000 }),
        ),
        currency: fc.constantFrom(...CURRENCIES),
        growthMarket: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3, selector: (c) => c.clientId },
    ),
    users: fc.array(
      fc.record({
        partner: fc.nat(),
        email: fc.constantFrom(...EMAILS),
        tagged: mostly(fc.constant(true), fc.constant(false)),
        inPartnerAccount: mostly(fc.constant(undefined), fc.constantFrom(true, false)),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    assignments: fc.array(
      fc.record({
        fromUser: mostly(fc.constant(true), fc.constant(false), 6),
        user: fc.nat(),
        partner: fc.nat(),
        client: fc.nat(),
        email: fc.constantFrom(...EMAILS),
        status,
        assignedAt: fc.integer({ min: 0, max: 150 }),
        activatedAt: mostly(fc.integer({ min: 0, max: 180 }), fc.constant(undefined)),
        removedAt: mostly(fc.constant(undefined), time, 2),
        expiresAt: mostly(fc.constant(undefined), time, 3),
      }),
      { minLength: 2, maxLength: 10 },
    ),
    activities: fc.array(
      fc.record({
        fromAssignment: mostly(fc.constant(true), fc.constant(false)),
        assignment: fc.nat(),
        client: fc.nat(),
        email: fc.constantFrom(...EMAILS),
        at: mostly(fc.integer({ min: 90, max: 210 }), time),
      }),
      { minLength: 2, maxLength: 16 },
    ),
  })
  .map(({ partners, programs, clients, users, assignments, activities }) => {
    const partnerRecords: Partner[] = partners.map((partnerId, i) => ({
      partnerId,
      program: programs[i]!,
      employeeDomains: [`${partnerId.toLowerCase()}.io`],
    }));
    const clientRecords: Client[] = clients.map(
      ({ clientId, amountMinor, currency, growthMarket }) =>
        growthMarket === undefined
          ? { clientId, mrr: { amountMinor, currency } }
          : { clientId, mrr: { amountMinor, currency }, growthMarket },
    );
    // One user per (partner, email key): later duplicates are dropped.
    const seen = new Set<string>();
    const userRecords: PartnerUser[] = [];
    for (const u of users) {
      const partnerId = partners[u.partner % partners.length]!;
      const id = `${partnerId}\u0000${keyOf(u.email)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      userRecords.push(
        u.inPartnerAccount === undefined
          ? { partnerId, email: u.email, tagged: u.tagged }
          : { partnerId, email: u.email, tagged: u.tagged, inPartnerAccount: u.inPartnerAccount },
      );
    }
    const assignmentRecords: Assignment[] = assignments.map((a) => {
      const user =
        a.fromUser && userRecords.length > 0 ? userRecords[a.user % userRecords.length] : undefined;
      const record: { -readonly [K in keyof Assignment]: Assignment[K] } = {
        partnerId: user?.partnerId ?? partners[a.partner % partners.length]!,
        clientId: clients[a.client % clients.length]!.clientId,
        email: user?.email ?? a.email,
        status: a.status,
        assignedAt: a.assignedAt,
      };
      const activatedAt =
        a.activatedAt === undefined ? undefined : Math.max(a.assignedAt, a.activatedAt);
      if (activatedAt !== undefined && a.status !== "pending_access")
        record.activatedAt = activatedAt;
      if (a.removedAt !== undefined || a.status === "removed")
        record.removedAt = a.removedAt ?? 150;
      if (a.expiresAt !== undefined || a.status === "expired")
        record.expiresAt = a.expiresAt ?? 150;
      return record;
    });
    const activityRecords: Activity[] = activities.map((x) => {
      const assignment =
        x.fromAssignment && assignmentRecords.length > 0
          ? assignmentRecords[x.assignment % assignmentRecords.length]
          : undefined;
      return {
        clientId: assignment?.clientId ?? clients[x.client % clients.length]!.clientId,
        email: assignment?.email ?? x.email,
        at: x.at,
      };
    });
    return {
      period: PERIOD,
      partners: partnerRecords,
      clients: clientRecords,
      users: userRecords,
      assignments: assignmentRecords,
      activities: activityRecords,
    };
  });

/**
 * One client serviced by one to five partners, each through its own tagged
 * employee with an active assignment and an activity in the period: every
 * partner is credited, so the MRR (up to the largest safe amount) is shared.
 */
export const sharedClient: fc.Arbitrary<AttributionInput> = fc
  .record({
    partners: fc.uniqueArray(fc.constantFrom(...PARTNER_IDS), { minLength: 1, maxLength: 5 }),
    amountMinor: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.maxSafeNat()),
    currency: fc.constantFrom(...CURRENCIES),
    growthMarket: fc.boolean(),
    at: fc.integer({ min: PERIOD.start, max: PERIOD.end - 1 }),
  })
  .map(({ partners, amountMinor, currency, growthMarket, at }) => {
    const email = (i: number) => `employee${i}@team.io`;
    return {
      period: PERIOD,
      partners: partners.map((partnerId) => ({
        partnerId,
        program: "partner" as const,
        employeeDomains: [],
      })),
      clients: [{ clientId: 9, mrr: { amountMinor, currency }, growthMarket }],
      users: partners.map((partnerId, i) => ({ partnerId, email: email(i), tagged: true })),
      assignments: partners.map((partnerId, i) => ({
        partnerId,
        clientId: 9,
        email: email(i),
        status: "active" as const,
        assignedAt: 0,
        activatedAt: 0,
      })),
      activities: partners.map((_, i) => ({ clientId: 9, email: email(i), at })),
    };
  });

/** Either kind of scenario. */
export const anyScenario: fc.Arbitrary<AttributionInput> = fc.oneof(
  { weight: 3, arbitrary: scenario },
  { weight: 1, arbitrary: sharedClient },
);
