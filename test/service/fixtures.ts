import type { Actor, ClientActor } from "../../src/access/authorization.js";
import type { Client, Partner, PartnerUser } from "../../src/model.js";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import {
  createPartnerAccessService,
  type PartnerAccessService,
} from "../../src/service/partner-access-service.js";
import {
  createInMemoryRepository,
  type InMemoryRepository,
  type InMemoryRepositoryState,
} from "../../src/testing/index.js";

export const T0 = Date.UTC(2026, 0, 1);
export const DAY = 86_400_000;

export const acme: Partner = {
  partnerId: "acme",
  program: "partner",
  employeeDomains: ["acme.com"],
};
export const rival: Partner = {
  partnerId: "rival",
  program: "partner",
  employeeDomains: ["rival.io"],
};

export const admin = (partnerId = "acme"): Actor => ({
  userId: `${partnerId}-admin`,
  partnerId,
  superAdmin: true,
  permissions: [],
});
export const manager = (partnerId = "acme"): Actor => ({
  userId: `${partnerId}-manager`,
  partnerId,
  superAdmin: false,
  permissions: ["manage_partner_employees"],
});
export const member = (partnerId = "acme"): Actor => ({
  userId: `${partnerId}-member`,
  partnerId,
  superAdmin: false,
  permissions: [],
});
export const clientAdmin = (clientId = 42): ClientActor => ({
  kind: "client",
  userId: `client-${clientId}-admin`,
  clientId,
  superAdmin: true,
});

export const user = (partnerId: string, email: string, extra: Partial<PartnerUser> = {}) =>
  ({ partnerId, email, tagged: true, ...extra }) satisfies PartnerUser;

export const client = (clientId: number, amountMinor = 100_000): Client => ({
  clientId,
  mrr: { amountMinor, currency: "USD" },
});

/** Writes partners (with their domains claimed), users and clients through the port. */
export async function seed(
  repository: PartnerAccessRepository,
  data: {
    partners?: readonly Partner[];
    users?: readonly PartnerUser[];
    clients?: readonly Client[];
  },
): Promise<void> {
  for (const p of data.partners ?? []) {
    await repository.savePartner(p, null);
    for (const domain of p.employeeDomains) {
      await repository.claimDomain({
        domain,
        partnerId: p.partnerId,
        claimedAt: T0 - DAY,
        matchSubdomains: p.matchSubdomains === true,
      });
    }
  }
  for (const u of data.users ?? []) await repository.saveUser(u, null);
  for (const c of data.clients ?? []) await repository.putClient(c);
}

/** The usual world: acme and rival, each with a tagged employee and a shared freelancer. */
export const world = {
  partners: [acme, rival],
  users: [
    user("acme", "jane@acme.com"),
    user("acme", "sam@acme.com", { tagged: false }),
    user("acme", "free@gmail.com"),
    user("rival", "max@rival.io"),
    user("rival", "free@gmail.com"),
  ],
  clients: [client(42), client(43), client(44)],
};

export async function setup(
  options: { clock?: () => number } = {},
): Promise<{ repository: InMemoryRepository; service: PartnerAccessService }> {
  const repository = createInMemoryRepository();
  await seed(repository, world);
  let tick = 0;
  const service = createPartnerAccessService({
    repository,
    clock: options.clock ?? (() => T0 + ++tick * 1_000),
  });
  return { repository, service };
}

/** A fresh in-memory repository holding a copy of `state`. */
export function from(state: InMemoryRepositoryState): InMemoryRepository {
  return createInMemoryRepository({ initial: state });
}
