import { describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { acme, admin, setup, T0 } from "../fixtures.js";
import { overriding } from "../overrides.js";

async function spied() {
  const { repository } = await setup();
  const calls: string[] = [];
  let tick = 0;
  const service = createPartnerAccessService({
    repository: overriding(repository, {}, calls),
    clock: () => T0 + ++tick * 1_000,
  });
  return { repository, service, calls };
}

describe("setEmployeeDomains", () => {
  // rule: setting the domains the partner already has, all claimed, changes
  // nothing: no write, no event, the partner as stored.
  it("changes nothing when the list is the same and every domain is claimed", async () => {
    const { repository, service, calls } = await spied();
    const before = repository.snapshot();
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["ACME.com."],
    });
    expect(r).toEqual({
      ok: true,
      value: { partner: { value: acme, version: 1 }, claimed: [], released: [], events: [] },
    });
    expect(calls).not.toContain("savePartner");
    expect(repository.snapshot()).toEqual(before);
  });

  // rule: the first domain is the primary one, so the order is part of the list.
  it("saves the same domains in another order, claiming and releasing nothing", async () => {
    const { service } = await spied();
    const both = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.com", "acme.de"],
    });
    expect(both.ok && both.value.partner.version).toBe(2);
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.de", "acme.com"],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.partner).toEqual({
      value: { ...acme, employeeDomains: ["acme.de", "acme.com"] },
      version: 3,
    });
    expect(r.value.events).toEqual([
      {
        type: "employee_domain_set",
        partnerId: "acme",
        domains: ["acme.de", "acme.com"],
        previousDomains: ["acme.com", "acme.de"],
        claimed: [],
        released: [],
        at: T0 + 2_000,
        actor: admin(),
      },
    ]);
  });

  // A claim the partner holds but does not list is released; the partner's
  // list is unchanged, so it is not written again, but the change is an event.
  it("releases a stray claim without writing the unchanged partner", async () => {
    const { repository, service, calls } = await spied();
    await repository.claimDomain({
      domain: "acme.org",
      partnerId: "acme",
      claimedAt: T0,
      matchSubdomains: false,
    });
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.com"],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        partner: { value: acme, version: 1 },
        claimed: [],
        released: ["acme.org"],
        events: [
          {
            type: "employee_domain_set",
            partnerId: "acme",
            domains: ["acme.com"],
            previousDomains: ["acme.com"],
            claimed: [],
            released: ["acme.org"],
            at: T0 + 1_000,
            actor: admin(),
          },
        ],
      },
    });
    expect(calls).not.toContain("savePartner");
    expect(await repository.getDomainClaim("acme.org")).toBeNull();
  });
});
