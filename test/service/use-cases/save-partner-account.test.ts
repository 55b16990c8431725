import { describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { createInMemoryRepository } from "../../../src/testing/index.js";
import { acme, admin, DAY, seed, setup, T0 } from "../fixtures.js";

describe("savePartnerAccount", () => {
  it("creates a partner account record with no domains, then changes its program (not created)", async () => {
    const repository = createInMemoryRepository();
    const service = createPartnerAccessService({ repository, clock: () => T0 });
    const created = await service.savePartnerAccount({
      actor: admin("nova"),
      partnerId: "nova",
      program: "provider",
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.partner).toEqual({
      value: { partnerId: "nova", program: "provider", employeeDomains: [] },
      version: 1,
    });
    expect(created.value.events).toEqual([
      {
        type: "partner_saved",
        at: T0,
        actor: admin("nova"),
        partnerId: "nova",
        program: "provider",
        matchSubdomains: false,
        created: true,
        claimsUpdated: [],
      },
    ]);
    const again = await service.savePartnerAccount({
      actor: admin("nova"),
      partnerId: "nova",
      program: "provider",
    });
    expect(again.ok && [again.value.created, again.value.events]).toEqual([false, []]);
    const changed = await service.savePartnerAccount({
      actor: admin("nova"),
      partnerId: "nova",
      program: "partner",
    });
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.value.partner).toEqual({
      value: { partnerId: "nova", program: "partner", employeeDomains: [] },
      version: 2,
    });
    // rule: a change of a partner that was stored is not a creation
    expect(changed.value.created).toBe(false);
    expect(changed.value.events).toEqual([
      {
        type: "partner_saved",
        at: T0,
        actor: admin("nova"),
        partnerId: "nova",
        program: "partner",
        matchSubdomains: false,
        created: false,
        claimsUpdated: [],
      },
    ]);
  });

  it("turns on subdomain matching by claiming each domain anew", async () => {
    const { repository, service } = await setup();
    const r = await service.savePartnerAccount({
      actor: admin(),
      partnerId: "acme",
      program: "partner",
      matchSubdomains: true,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.claimsUpdated).toEqual(["acme.com"]);
    expect(await repository.getDomainClaim("acme.com")).toMatchObject({ matchSubdomains: true });
    expect((await repository.getPartner("acme"))?.value.matchSubdomains).toBe(true);
  });

  it("refuses subdomain matching over another partner's subdomain, and keeps nothing", async () => {
    const repository = createInMemoryRepository();
    await seed(repository, {
      partners: [
        { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] },
        { partnerId: "eu", program: "partner", employeeDomains: ["eu.acme.com"] },
      ],
    });
    const service = createPartnerAccessService({ repository, clock: () => T0 + DAY });
    const before = repository.snapshot();
    const r = await service.savePartnerAccount({
      actor: admin(),
      partnerId: "acme",
      program: "partner",
      matchSubdomains: true,
    });
    expect(r.ok || [r.error.code, "holder" in r.error && r.error.holder.domain]).toEqual([
      "domain_claimed_by_another_partner",
      "eu.acme.com",
    ]);
    expect(repository.snapshot()).toEqual(before);
  });

  it("leaves a partner with subdomain matching on unchanged when saved again as it is", async () => {
    const repository = createInMemoryRepository();
    await seed(repository, { partners: [{ ...acme, matchSubdomains: true }] });
    const service = createPartnerAccessService({ repository, clock: () => T0 });
    const stored = await repository.getPartner("acme");
    for (const request of [{}, { matchSubdomains: true }]) {
      const r = await service.savePartnerAccount({
        actor: admin(),
        partnerId: "acme",
        program: "partner",
        ...request,
      });
      if (!r.ok) throw new Error(r.error.message);
      expect([r.value.partner, r.value.created, r.value.claimsUpdated, r.value.events]).toEqual([
        stored,
        false,
        [],
        [],
      ]);
    }
    expect(await repository.getPartner("acme")).toEqual(stored);
  });
});
