import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/access/authorization.js";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import { createPartnerAccessService } from "../../src/service/partner-access-service.js";
import { type ServerFixture, startPostgresFixture } from "./fixture.js";

// The service over the PostgreSQL repository on a real server, where
// concurrent use cases run in transactions side by side.

const T0 = Date.UTC(2026, 0, 1);
let fixture: ServerFixture;

beforeAll(async () => {
  fixture = await startPostgresFixture({ connections: 10 });
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
}, 60_000);

const adminOf = (partnerId: string): Actor => ({
  userId: `${partnerId}-admin`,
  partnerId,
  superAdmin: true,
  permissions: [],
});

async function seeded(partnerIds: readonly string[]): Promise<PartnerAccessRepository> {
  const repository = await fixture.truncatedRepository();
  // the earlier tests' rows are gone
  expect([await repository.listPartners(), await repository.listDomainClaims()]).toEqual([[], []]);
  for (const partnerId of partnerIds) {
    await repository.savePartner({ partnerId, program: "partner", employeeDomains: [] }, null);
    await repository.saveUser({ partnerId, email: "free@gmail.com", tagged: true }, null);
  }
  await repository.putClient({ clientId: 42, mrr: { amountMinor: 100_000, currency: "USD" } });
  return repository;
}

describe("postgres: the service over a PostgreSQL server", () => {
  it("of 20 partners assigning one address to one client at once, exactly one wins; the others are told who", async () => {
    const partnerIds = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const repository = await seeded(partnerIds);
    let tick = 0;
    const service = createPartnerAccessService({ repository, clock: () => T0 + ++tick });
    const results = await Promise.all(
      partnerIds.map((partnerId) =>
        service.assignClient({
          actor: adminOf(partnerId),
          partnerId,
          email: "free@gmail.com",
          clientId: 42,
        }),
      ),
    );
    const winners = results.flatMap((r) => (r.ok ? [r.value.assignment.value] : []));
    expect(winners).toHaveLength(1);
    for (const r of results) {
      if (r.ok) continue;
      expect(r.error).toMatchObject({
        code: "email_linked_to_another_partner",
        holder: { partnerId: winners[0]!.partnerId, assignedAt: winners[0]!.assignedAt },
      });
    }
    expect((await repository.listAssignments({ live: true })).map((a) => a.value)).toEqual(winners);
    expect(await repository.listEmailLinks()).toMatchObject([{ partnerId: winners[0]!.partnerId }]);
  });

  it("runs each use case in one transaction: a refusal mid-way keeps nothing", async () => {
    const repository = await seeded(["acme", "rival"]);
    const service = createPartnerAccessService({ repository, clock: () => T0 });
    const set = (partnerId: string, domains: string[]) =>
      service.setEmployeeDomains({ actor: adminOf(partnerId), partnerId, domains });
    expect((await set("rival", ["rival.io"])).ok).toBe(true);
    const refused = await set("acme", ["acme.com", "acme.de", "rival.io"]);
    expect(refused.ok || refused.error.code).toBe("domain_claimed_by_another_partner");
    expect(await repository.listDomainClaims("acme")).toEqual([]);
    expect((await repository.getPartner("acme"))?.version).toBe(1);
    expect((await set("acme", ["acme.com", "acme.de"])).ok).toBe(true);
    expect((await repository.listDomainClaims("acme")).map((c) => c.domain)).toEqual([
      "acme.com",
      "acme.de",
    ]);
  });

  it("of two partners setting one domain at once, one holds it and its partner record lists it", async () => {
    const repository = await seeded(["acme", "rival"]);
    const service = createPartnerAccessService({ repository, clock: () => T0 });
    const results = await Promise.all(
      ["acme", "rival"].map((partnerId) =>
        service.setEmployeeDomains({
          actor: adminOf(partnerId),
          partnerId,
          domains: ["shared-brand.com"],
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [claim] = await repository.listDomainClaims();
    const holder = await repository.getPartner(claim!.partnerId);
    expect(holder?.value.employeeDomains).toEqual(["shared-brand.com"]);
    const other = await repository.getPartner(claim!.partnerId === "acme" ? "rival" : "acme");
    expect(other?.value.employeeDomains).toEqual([]);
  });
});
