import type { Actor, PartnerAccessRepository, PartnerAccessService } from "partner-access";

// Two agencies work for one client. Partners, users and clients come from
// your own systems; the service decides who may claim and assign what.
export async function walkthrough(
  repository: PartnerAccessRepository,
  service: PartnerAccessService,
) {
  const admin = (partnerId: string): Actor => ({
    userId: `${partnerId}-admin`,
    partnerId,
    superAdmin: true,
    permissions: [],
  });
  for (const partnerId of ["acme", "rival"]) {
    await repository.savePartner({ partnerId, program: "partner", employeeDomains: [] }, null);
    // the same freelancer works in both agencies' accounts
    await repository.saveUser({ partnerId, email: "sam@gmail.com", tagged: true }, null);
  }
  await repository.putClient({ clientId: 42, mrr: { amountMinor: 250_000, currency: "USD" } });

  // an employee domain has one holder
  const acme = await service.setEmployeeDomains({
    actor: admin("acme"),
    partnerId: "acme",
    domains: ["Acme.com"],
  });
  const rival = await service.setEmployeeDomains({
    actor: admin("rival"),
    partnerId: "rival",
    domains: ["acme.com"],
  });

  // both agencies assign the freelancer to the client at the same moment:
  // one address is linked to one client by one partner only
  const assigned = await Promise.all(
    ["acme", "rival"].map((partnerId) =>
      service.assignClient({
        actor: admin(partnerId),
        partnerId,
        email: "sam@gmail.com",
        clientId: 42,
      }),
    ),
  );
  return {
    acmeDomains: acme.ok ? acme.value.claimed : acme.error.code,
    rivalDomains: rival.ok ? rival.value.claimed : rival.error.code,
    assignments: assigned
      .map((r) => (r.ok ? r.value.assignment.value.status : r.error.code))
      .sort(),
  };
}
