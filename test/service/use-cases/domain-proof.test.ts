import { describe, expect, it } from "vitest";
import {
  createDomainChallenge,
  verifyDomainChallenge,
} from "../../../src/ownership/domain-challenge.js";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { createInMemoryRepository } from "../../../src/testing/index.js";
import { acme, admin, DAY, seed, T0 } from "../fixtures.js";

// The verifications a partner's own server made: a challenge issued to the
// partner, a TXT record found by a resolver.
async function proofOf(domain: string, partnerId: string, now = T0) {
  const challenge = createDomainChallenge(domain, {
    now,
    partnerId,
    randomBytes: (n) => new Uint8Array(n).fill(7),
  });
  if (!challenge.ok) throw new Error(challenge.error.message);
  const resolveTxt = async () => [[challenge.value.recordValue]];
  return verifyDomainChallenge(challenge.value, resolveTxt, now + 1_000);
}

async function world(requireDomainProof: boolean) {
  const repository = createInMemoryRepository();
  await seed(repository, { partners: [{ ...acme, employeeDomains: [] }] });
  const service = createPartnerAccessService({
    repository,
    clock: () => T0 + DAY,
    requireDomainProof,
  });
  return { repository, service };
}

describe("setEmployeeDomains with requireDomainProof", () => {
  it("sets domains each proved by a verification of that partner", async () => {
    const { repository, service } = await world(true);
    const verifications = [await proofOf("acme.com", "acme"), await proofOf("acme.de", "acme")];
    expect(verifications.map((v) => v.status)).toEqual(["verified", "verified"]);
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["ACME.com", "acme.de"],
      verifications,
    });
    expect(r.ok && r.value.claimed).toEqual(["acme.com", "acme.de"]);
    expect((await repository.listDomainClaims("acme")).length).toBe(2);
  });

  it("refuses every domain without a proof, listing them, and keeps nothing", async () => {
    const { repository, service } = await world(true);
    const before = repository.snapshot();
    const notVerified = {
      status: "record_not_found" as const,
      domain: "acme.io",
      recordName: "_partner-access.acme.io",
      found: [],
    };
    const cases = [
      [] as unknown[],
      [await proofOf("acme.com", "rival")], // another partner's proof
      [{ ...(await proofOf("acme.com", "acme")), verifiedAt: T0 + 2 * DAY }], // from the future
      [{ status: "verified", domain: "acme.com", verifiedAt: T0 }], // bound to no partner
      [notVerified],
    ];
    for (const verifications of cases) {
      const r = await service.setEmployeeDomains({
        actor: admin(),
        partnerId: "acme",
        domains: ["acme.com", "acme.io"],
        verifications: verifications as never,
      });
      expect(r.ok || r.error).toMatchObject({
        code: "domain_not_verified",
        path: ["verifications"],
        domains: ["acme.com", "acme.io"],
      });
    }
    expect(repository.snapshot()).toEqual(before);
    const half = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.com", "acme.io"],
      verifications: [await proofOf("acme.com", "acme")],
    });
    expect(half.ok || half.error).toMatchObject({
      code: "domain_not_verified",
      domains: ["acme.io"],
    });
  });

  it("names the partner and every unproved domain, comma-separated, in the refusal's message", async () => {
    const { service } = await world(true);
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.com", "acme.io"],
      verifications: [],
    });
    expect(r.ok || r.error.message).toBe(
      'Prove that partner "acme" controls acme.com, acme.io with a DNS TXT challenge first.',
    );
  });

  it("asks for nothing when the option is off", async () => {
    const { service } = await world(false);
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.com"],
    });
    expect(r.ok).toBe(true);
  });
});
