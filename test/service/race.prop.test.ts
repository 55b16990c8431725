import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Partner, PartnerUser } from "../../src/model.js";
import type { PartnerAccessRepository, RepositoryTransaction } from "../../src/ports/repository.js";
import type { ServiceError } from "../../src/service/errors.js";
import {
  type AssignedClient,
  createPartnerAccessService,
} from "../../src/service/partner-access-service.js";
import { createInMemoryRepository } from "../../src/testing/index.js";
import { admin, client, seed, T0 } from "./fixtures.js";

// Every repository call, inside the service's transactions too, goes
// through the scheduler, which releases the calls of the concurrent use cases
// in an order fast-check picks (and shrinks).
function scheduled(s: fc.Scheduler, repository: PartnerAccessRepository): PartnerAccessRepository {
  const wrap = (methods: object): Record<string, unknown> => {
    const wrapped: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(methods)) {
      if (typeof value !== "function" || name === "transaction" || name === "snapshot") continue;
      wrapped[name] = s.scheduleFunction(async (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>)(...args),
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

const FREELANCER = "free@gmail.com";

describe("concurrent assignments of one address to one client by different partners", () => {
  it("leave exactly one assignment, and tell every loser the winner", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        // per partner: assign alone, or through a bulk request; and the case of its address
        fc.array(fc.record({ bulk: fc.boolean(), upper: fc.boolean() }), {
          minLength: 2,
          maxLength: 5,
        }),
        async (s, plans) => {
          const partners: Partner[] = plans.map((_, i) => ({
            partnerId: `p${i}`,
            program: "partner",
            employeeDomains: [`p${i}.io`],
          }));
          const users: PartnerUser[] = partners.map((p) => ({
            partnerId: p.partnerId,
            email: FREELANCER,
            tagged: true,
          }));
          const repository = createInMemoryRepository();
          await seed(repository, { partners, users, clients: [client(42)] });
          let tick = 0;
          const service = createPartnerAccessService({
            repository: scheduled(s, repository),
            clock: () => T0 + ++tick,
          });

          const calls = plans.map(async ({ bulk, upper }, i) => {
            const request = {
              actor: admin(`p${i}`),
              partnerId: `p${i}`,
              email: upper ? FREELANCER.toUpperCase() : FREELANCER,
            };
            if (!bulk) return service.assignClient({ ...request, clientId: 42 });
            const r = await service.assignClients({ ...request, clientIds: [42] });
            return r.ok ? r.value.results[0]!.result : r;
          });
          const results: { ok: boolean; value?: AssignedClient; error?: ServiceError }[] =
            await s.waitFor(Promise.all(calls));

          const winners = results.flatMap((r) => (r.ok && r.value ? [r.value.assignment] : []));
          expect(winners).toHaveLength(1);
          const winner = winners[0]!.value;
          const live = await repository.listAssignments({ live: true });
          expect(live.map((a) => a.value)).toEqual([winner]);
          expect((await repository.getEmailLink(42, FREELANCER))?.partnerId).toBe(winner.partnerId);
          for (const r of results) {
            if (r.ok) continue;
            const e = r.error!;
            expect(e.code).toBe("email_linked_to_another_partner");
            if (e.code !== "email_linked_to_another_partner") continue;
            expect(e.holder).toEqual({
              partnerId: winner.partnerId,
              email: winner.email,
              assignedAt: winner.assignedAt,
            });
            expect(e.email).toBe(FREELANCER);
          }
        },
      ),
    );
  });
});
