// The service under races, over any repository: `runServiceRaces(make)`
// returns runner-independent cases `{ name, run }`; `make` must give an
// empty repository each time it is called (fresh tables, or truncated ones).
// Each case runs its concurrent use cases `runs` times with fast-check's
// scheduler (every repository call released in an order fast-check picks,
// and shrinks) and `runs` times with real concurrency (Promise.all), and
// after every run checks the invariants of the data:
// - one holder per domain (no two claims on one domain) and no overlapping
//   claims of two partners (same domain, or under a subdomain-matching one);
// - one partner per (client, email key), in the links and in the live assignments;
// - each partner's claims are exactly its employeeDomains;
// - every live assignment has its email link, held by its partner;
// - no user out of the partner account (or missing) holds a live assignment;
// plus what the case itself promises (one winner, the losers told who won).
import fc from "fast-check";
import { expect } from "vitest";
import type { Actor } from "../../src/access/authorization.js";
import { detectDomainConflicts } from "../../src/conflicts/domain-conflicts.js";
import type { Partner } from "../../src/model.js";
import type { PartnerAccessRepository, RepositoryTransaction } from "../../src/ports/repository.js";
import {
  createPartnerAccessService,
  type PartnerAccessService,
} from "../../src/service/partner-access-service.js";

type Outcome = { readonly ok: boolean; readonly error?: { readonly code: string } };
type MakeRepository = () => PartnerAccessRepository | Promise<PartnerAccessRepository>;

export interface ServiceRaceOptions {
  /** Runs per mode (scheduled, then real concurrency); default 20. */
  readonly runs?: number;
  /** Whether to run the fast-check scheduler mode; default true. */
  readonly scheduled?: boolean;
}

export interface ServiceRaceCase {
  readonly name: string;
  /** Resolves with the number of runs made; rejects on the first broken invariant. */
  run(): Promise<number>;
}

interface Race {
  readonly name: string;
  /** Seeds the empty repository through the port. */
  seed(repository: PartnerAccessRepository): Promise<void>;
  /** The concurrent calls, each on a service of its own (its own clock). */
  calls(services: (clockSkewMs?: number) => PartnerAccessService): (() => Promise<Outcome>)[];
  /** What the case promises about the results and the data. */
  check(results: readonly Outcome[], repository: PartnerAccessRepository): Promise<void>;
}

const T0 = Date.UTC(2026, 0, 1);
const admin = (partnerId: string): Actor => ({
  userId: `${partnerId}-admin`,
  partnerId,
  superAdmin: true,
  permissions: [],
});
const partner = (partnerId: string, extra: Partial<Partner> = {}): Partner => ({
  partnerId,
  program: "partner",
  employeeDomains: [],
  ...extra,
});
const codes = (results: readonly Outcome[]) => results.map((r) => (r.ok ? "ok" : r.error?.code));
const count = (results: readonly Outcome[], code: string) =>
  codes(results).filter((c) => c === code).length;

// ---- the invariants, checked after every run ---------------------------------------

/**
 * Checks the invariants of the data a repository holds.
 *
 * @param repository - the repository, after the race
 */
export async function checkInvariants(repository: PartnerAccessRepository): Promise<void> {
  const claims = await repository.listDomainClaims();
  const partners = await repository.listPartners();
  const links = await repository.listEmailLinks();
  const live = await repository.listAssignments({ live: true });
  const users = await repository.listUsers();

  expect(new Set(claims.map((c) => c.domain)).size, "one holder per domain").toBe(claims.length);
  expect(detectDomainConflicts(claims), "no overlapping claims").toEqual([]);
  for (const p of partners) {
    const held = claims.filter((c) => c.partnerId === p.value.partnerId).map((c) => c.domain);
    expect(held.sort(), `claims of ${p.value.partnerId} = its employeeDomains`).toEqual(
      [...p.value.employeeDomains].sort(),
    );
  }
  const pairs = new Map<string, Set<string>>();
  for (const a of live) {
    const pair = JSON.stringify([a.value.clientId, a.emailKey]);
    pairs.set(pair, (pairs.get(pair) ?? new Set()).add(a.value.partnerId));
    const link = links.find((l) => l.clientId === a.value.clientId && l.emailKey === a.emailKey);
    expect(link?.partnerId, `live assignment ${a.id} has its link`).toBe(a.value.partnerId);
    const user = users.find(
      (u) => u.value.partnerId === a.value.partnerId && u.emailKey === a.emailKey,
    );
    expect(
      user !== undefined && user.value.inPartnerAccount !== false,
      `the user of ${a.id} is in the account`,
    ).toBe(true);
  }
  for (const [pair, holders] of pairs) expect(holders.size, `one partner links ${pair}`).toBe(1);
  expect(new Set(links.map((l) => JSON.stringify([l.clientId, l.emailKey]))).size).toBe(
    links.length,
  );
}

// ---- the races ----------------------------------------------------------------------------

const sameDomain = (n: number): Race => ({
  name: `${n} partners claim the same domain at once`,
  seed: async (repo) => {
    for (let i = 0; i < n; i++) await repo.savePartner(partner(`p${i}`), null);
  },
  calls: (service) =>
    Array.from(
      { length: n },
      (_, i) => () =>
        service(i * 7).setEmployeeDomains({
          actor: admin(`p${i}`),
          partnerId: `p${i}`,
          domains: ["acme.com"],
        }),
    ),
  check: async (results, repo) => {
    expect(count(results, "ok")).toBe(1);
    expect(count(results, "domain_claimed_by_another_partner")).toBe(n - 1);
    const winner = (await repo.getDomainClaim("acme.com"))?.partnerId;
    for (const r of results) {
      if (!r.ok)
        expect(
          (r.error as { holder?: { partnerId?: string } } | undefined)?.holder?.partnerId,
        ).toBe(winner);
    }
  },
});

const sameAddress = (n: number): Race => ({
  name: `${n} partners link the same address to the same client at once`,
  seed: async (repo) => {
    for (let i = 0; i < n; i++) {
      await repo.savePartner(partner(`p${i}`), null);
      await repo.saveUser({ partnerId: `p${i}`, email: "free@gmail.com", tagged: true }, null);
    }
    await repo.putClient({ clientId: 42, mrr: { amountMinor: 100_000, currency: "USD" } });
  },
  calls: (service) =>
    Array.from(
      { length: n },
      (_, i) => () =>
        service(i).assignClient({
          actor: admin(`p${i}`),
          partnerId: `p${i}`,
          email: i % 2 === 0 ? "free@gmail.com" : "FREE@gmail.com",
          clientId: 42,
        }),
    ),
  check: async (results, repo) => {
    expect(count(results, "ok")).toBe(1);
    expect(count(results, "email_linked_to_another_partner")).toBe(n - 1);
    expect(await repo.listAssignments({ live: true })).toHaveLength(1);
  },
});

const domainLists = (n: number): Race => ({
  name: `one partner sets ${n} domain lists at once`,
  seed: async (repo) => {
    await repo.savePartner(partner("acme", { employeeDomains: ["acme.com"] }), null);
    await repo.claimDomain({ domain: "acme.com", partnerId: "acme", claimedAt: T0 });
  },
  calls: (service) =>
    Array.from(
      { length: n },
      (_, i) => () =>
        service().setEmployeeDomains({
          actor: admin("acme"),
          partnerId: "acme",
          domains: [`d${i}.io`, ...(i % 3 === 0 ? ["acme.com"] : []), `d${(i + 1) % n}.io`],
        }),
    ),
  check: async (results, repo) => {
    for (const c of codes(results)) expect(["ok", "version_conflict"]).toContain(c);
    expect(count(results, "ok")).toBeGreaterThan(0);
    expect((await repo.getPartner("acme"))?.value.employeeDomains).toHaveLength(
      (await repo.listDomainClaims("acme")).length,
    );
  },
});

const assignsOfOneUser = (n: number): Race => ({
  name: `${n} assignments of one user at once (4 per client)`,
  seed: async (repo) => {
    await repo.savePartner(partner("acme"), null);
    await repo.saveUser({ partnerId: "acme", email: "jane@acme.com", tagged: true }, null);
  },
  calls: (service) =>
    Array.from(
      { length: n },
      (_, i) => () =>
        service().assignClient({
          actor: admin("acme"),
          partnerId: "acme",
          email: "jane@acme.com",
          clientId: 40 + (i % (n / 4)),
        }),
    ),
  check: async (results, repo) => {
    expect(count(results, "ok")).toBe(n / 4);
    expect(count(results, "already_assigned")).toBe(n - n / 4);
    expect(await repo.listAssignments({ live: true })).toHaveLength(n / 4);
  },
});

const assignWhileRemoving: Race = {
  name: "assignments while the employee is removed",
  seed: async (repo) => {
    await repo.savePartner(partner("acme"), null);
    await repo.saveUser({ partnerId: "acme", email: "jane@acme.com", tagged: true }, null);
  },
  calls: (service) => [
    ...[42, 43, 44].map(
      (clientId) => () =>
        service().assignClient({
          actor: admin("acme"),
          partnerId: "acme",
          email: "jane@acme.com",
          clientId,
        }),
    ),
    () =>
      service().removeEmployee({ actor: admin("acme"), partnerId: "acme", email: "jane@acme.com" }),
    () =>
      service().assignClients({
        actor: admin("acme"),
        partnerId: "acme",
        email: "jane@acme.com",
        clientIds: [45, 46],
      }),
  ],
  check: async (results) => {
    expect(codes(results)[3]).toBe("ok");
    for (const c of codes(results)) expect(["ok", "not_in_partner_account"]).toContain(c);
  },
};

const tagUntagRemove: Race = {
  name: "tag, untag, assign and remove one user at once",
  seed: async (repo) => {
    await repo.savePartner(partner("acme"), null);
    await repo.saveUser({ partnerId: "acme", email: "jane@acme.com", tagged: false }, null);
  },
  calls: (service) => {
    const base = { actor: admin("acme"), partnerId: "acme", email: "jane@acme.com" };
    return [
      () => service().tagEmployee(base),
      () => service().untagEmployee(base),
      () => service().tagEmployee(base),
      () => service().assignClient({ ...base, clientId: 42 }),
      () => service().removeEmployee(base),
      () => service().assignClient({ ...base, clientId: 43 }),
    ];
  },
  check: async (results, repo) => {
    expect(codes(results)[4]).toBe("ok");
    const user = await repo.getUser("acme", "jane@acme.com");
    expect(user?.value.inPartnerAccount).toBe(false);
  },
};

// Partner a matches subdomains and claims acme.com; partner b claims
// eu.acme.com; their calls start in either order, and a's clock is a
// minute behind b's. Exactly one wins.
const overlap = (aFirst: boolean): Race => ({
  name: `overlapping claims, ${aFirst ? "the ancestor" : "the subdomain"} started first, clocks a minute apart`,
  seed: async (repo) => {
    await repo.savePartner(partner("a", { matchSubdomains: true }), null);
    await repo.savePartner(partner("b"), null);
  },
  calls: (service) => {
    const a = () =>
      service(-60_000).setEmployeeDomains({
        actor: admin("a"),
        partnerId: "a",
        domains: ["acme.com"],
      });
    const b = () =>
      service(0).setEmployeeDomains({
        actor: admin("b"),
        partnerId: "b",
        domains: ["eu.acme.com"],
      });
    return aFirst ? [a, b] : [b, a];
  },
  check: async (results, repo) => {
    expect(count(results, "ok")).toBe(1);
    expect(count(results, "domain_claimed_by_another_partner")).toBe(1);
    expect(await repo.listDomainClaims()).toHaveLength(1);
  },
});

const RACES: readonly Race[] = [
  sameDomain(50),
  sameAddress(50),
  domainLists(10),
  assignsOfOneUser(20),
  assignWhileRemoving,
  tagUntagRemove,
  overlap(true),
  overlap(false),
];

// ---- running them -------------------------------------------------------------------------

// Every repository call, inside transactions too, goes through the scheduler.
function scheduled(s: fc.Scheduler, repository: PartnerAccessRepository): PartnerAccessRepository {
  const wrap = (methods: object): Record<string, unknown> => {
    const wrapped: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(methods)) {
      if (typeof value !== "function" || name === "transaction" || name === "snapshot") continue;
      wrapped[name] = s.scheduleFunction(async (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(methods, args),
      );
    }
    return wrapped;
  };
  return {
    ...(wrap(repository) as unknown as RepositoryTransaction),
    transaction: (fn) =>
      repository.transaction((tx) => fn(wrap(tx) as unknown as RepositoryTransaction)),
  };
}

function servicesOver(repository: PartnerAccessRepository) {
  let tick = 0;
  return (skew = 0) =>
    createPartnerAccessService({ repository, clock: () => T0 + skew + ++tick * 1_000 });
}

async function once(
  race: Race,
  make: MakeRepository,
  run: (repository: PartnerAccessRepository, calls: () => Promise<Outcome[]>) => Promise<Outcome[]>,
  through: (repository: PartnerAccessRepository) => PartnerAccessRepository,
): Promise<void> {
  const repository = await make();
  await race.seed(repository);
  const services = servicesOver(through(repository));
  const calls = race.calls(services);
  const results = await run(repository, () => Promise.all(calls.map((c) => c())));
  await race.check(results, repository);
  await checkInvariants(repository);
}

/**
 * The service's race cases over a repository factory.
 *
 * @param make - a factory of empty repositories
 * @param options - runs per mode, and whether to use the scheduler
 * @returns the cases, each resolving with its number of runs
 */
export function runServiceRaces(
  make: MakeRepository,
  options: ServiceRaceOptions = {},
): ServiceRaceCase[] {
  const runs = options.runs ?? 20;
  const useScheduler = options.scheduled ?? true;
  return RACES.map((race) => ({
    name: race.name,
    run: async () => {
      let done = 0;
      if (useScheduler) {
        await fc.assert(
          fc.asyncProperty(fc.scheduler(), async (s) => {
            await once(
              race,
              make,
              (_, calls) => s.waitFor(calls()),
              (repo) => scheduled(s, repo),
            );
            done++;
          }),
          { numRuns: runs },
        );
      }
      for (let i = 0; i < runs; i++) {
        await once(
          race,
          make,
          (_, calls) => calls(),
          (repo) => repo,
        );
        done++;
      }
      return done;
    },
  }));
}
