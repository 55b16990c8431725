import type { AttributionInput } from "../../src/attribution/types.js";
import type {
  Activity,
  Assignment,
  AssignmentStatus,
  Client,
  Partner,
  PartnerUser,
} from "../../src/model.js";

/** How many seeded scenarios a differential property runs: `SCENARIOS` in the environment, or `fallback`. */
export function scenarioCount(fallback: number): number {
  const given = Number(process.env.SCENARIOS);
  return Number.isSafeInteger(given) && given > 0 ? given : fallback;
}

/** A small seeded generator (mulberry32): the same seed gives the same scenario everywhere. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const chance = (p: number) => next() < p;
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, chance, pick };
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const LOCALS = ["jane", "adam", "li", "office"] as const;
const CURRENCIES = ["USD", "EUR", "JPY", "COP", "GBP"] as const;
const STATUSES: readonly AssignmentStatus[] = ["pending_access", "active", "removed", "expired"];
// A caller's table with rates written as decimals (the defaults are whole numbers).
const CUSTOM_TABLE = {
  USD: { per100Usd: 100, exponent: 2 },
  EUR: { per100Usd: 88.5, exponent: 2 },
  JPY: { per100Usd: 14400, exponent: 0 },
  COP: { per100Usd: 408000, exponent: 2 },
  GBP: { per100Usd: 74.25, exponent: 2 },
};

// The same address written differently: the key is the same.
function variant(email: string, flip: boolean): string {
  if (!flip) return email;
  const [local, domain] = email.split("@") as [string, string];
  return `${local[0]!.toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`;
}

/** An attribution input with arrays. */
export interface Scenario extends AttributionInput {
  readonly partners: readonly Partner[];
  readonly clients: readonly Client[];
  readonly users: readonly PartnerUser[];
  readonly assignments: readonly Assignment[];
  readonly activities: readonly Activity[];
}

/**
 * A valid attribution input drawn from a seed, small enough for the
 * reference engine, with what makes attribution hard: email conflicts
 * (freelancers on a shared domain linked to one client by several
 * partners), one address shared by many partners' users, clients with
 * more than eight partners, ties on every timestamp (a coarse grid),
 * removed, expired and pending assignments, untagged users, several
 * currencies and sometimes a caller's currency table.
 */
export function attributionScenario(seed: number): Scenario {
  const r = seeded(seed);
  const crowd = r.chance(0.15); // many partners, so chains pass the table threshold
  const partnerCount = 1 + r.int(crowd ? 14 : 4);
  const partners: Partner[] = Array.from({ length: partnerCount }, (_, i) => ({
    partnerId: `p${i}`,
    program: r.chance(0.8) ? "partner" : "provider",
    employeeDomains: r.chance(0.8) ? [`p${i}.io`] : [],
  }));
  const clients: Client[] = Array.from({ length: 1 + r.int(crowd ? 2 : 4) }, (_, i) => ({
    clientId: 1 + i * (r.chance(0.1) ? 1_000_003 : 1),
    mrr: {
      amountMinor: r.chance(0.1) ? r.int(5) : r.int(10_000_000),
      currency: r.pick(CURRENCIES),
    },
    ...(r.chance(0.3) ? { growthMarket: r.chance(0.7) } : {}),
  }));
  const sharedAddress = crowd || r.chance(0.1);
  const users: PartnerUser[] = [];
  for (const { partnerId } of partners) {
    for (const local of LOCALS) {
      const freelancer = local === "office" ? sharedAddress : r.chance(0.3);
      if (local !== "office" && r.chance(0.4)) continue;
      if (local === "office" && !freelancer) continue;
      users.push({
        partnerId,
        email: variant(`${local}@${freelancer ? "gmail.com" : `${partnerId}.io`}`, r.chance(0.3)),
        tagged: r.chance(0.8),
        ...(r.chance(0.15) ? { inPartnerAccount: r.chance(0.3) } : {}),
      });
    }
  }
  const start = T0 + r.int(5) * DAY;
  const period = { start, end: start + (r.chance(0.05) ? 0 : (1 + r.int(40)) * DAY) };
  // Timestamps on a coarse grid around the period, so ties are common.
  const around = () => start + (r.int(16) - 6) * 3 * DAY;
  const assignments: Assignment[] = [];
  for (let i = r.int(crowd ? 40 : 20); i > 0; i--) {
    const { partnerId } = r.pick(partners);
    const own = users.filter((u) => u.partnerId === partnerId);
    const email =
      own.length > 0 && r.chance(0.9)
        ? variant(r.pick(own).email, r.chance(0.3))
        : `${r.pick(LOCALS)}@${r.chance(0.5) ? "gmail.com" : `${partnerId}.io`}`;
    const status = r.pick(STATUSES);
    const assignedAt = around();
    const activatedAt = assignedAt + r.int(3) * 3 * DAY;
    const end = activatedAt + r.int(6) * 3 * DAY;
    const base = { partnerId, clientId: r.pick(clients).clientId, email, assignedAt };
    const assignment: Assignment =
      status === "pending_access"
        ? { ...base, status, ...(r.chance(0.2) ? { expiresAt: end + DAY } : {}) }
        : status === "active"
          ? { ...base, status, activatedAt, ...(r.chance(0.3) ? { expiresAt: end + DAY } : {}) }
          : status === "removed"
            ? { ...base, status, activatedAt, removedAt: end }
            : { ...base, status, activatedAt, expiresAt: end };
    assignments.push(assignment);
    if (r.chance(0.1)) assignments.push({ ...assignment }); // the same record twice
  }
  const activities: Activity[] = [];
  for (let i = r.int(crowd ? 50 : 25); i > 0; i--) {
    const from = assignments.length > 0 && r.chance(0.8) ? r.pick(assignments) : undefined;
    const email = from?.email ?? (users.length > 0 ? r.pick(users).email : "nobody@gmail.com");
    activities.push({
      clientId: from !== undefined && r.chance(0.9) ? from.clientId : r.pick(clients).clientId,
      email: variant(email, r.chance(0.3)),
      at: around() + r.pick([0, 0, DAY, 3 * DAY - 1]),
    });
  }
  return {
    period,
    partners,
    clients,
    users,
    assignments,
    activities,
    ...(r.chance(0.2) ? { currencyTable: CUSTOM_TABLE } : {}),
  };
}
