import { describe, expect, it } from "vitest";
import { manager, setup } from "../fixtures.js";

describe("listPartnerEmployees", () => {
  it("lists the users still in the account, classified, with their Partner Seat", async () => {
    const { service } = await setup();
    await service.removeEmployee({ actor: manager(), partnerId: "acme", email: "sam@acme.com" });
    const r = await service.listPartnerEmployees({ actor: manager(), partnerId: "acme" });
    if (!r.ok) throw new Error(r.error.message);
    expect(
      r.value.employees.map((e) => [
        e.user.emailKey,
        e.classification.kind,
        e.partnerSeat.eligible,
      ]),
    ).toEqual([
      ["free@gmail.com", "client_access_manager", false],
      ["jane@acme.com", "domain_match", true],
    ]);
    expect(r.value.counts.byKind).toEqual({
      domain_match: 1,
      client_access_manager: 1,
      invalid_email: 0,
    });
    expect(r.value.counts.byReason.shared_domain).toBe(1);
    expect(r.value.events).toEqual([]);
  });

  it("reports a partner that does not exist", async () => {
    const { service } = await setup();
    const actor = { userId: "x", partnerId: "nope", superAdmin: true, permissions: [] };
    const r = await service.listPartnerEmployees({ actor, partnerId: "nope" });
    expect(r.ok || r.error.code).toBe("partner_not_found");
  });
});

describe("getEmployeeDomainStatus", () => {
  it("gives the domain status and the Partner Seats of the account's users", async () => {
    const { service } = await setup();
    const r = await service.getEmployeeDomainStatus({ actor: manager(), partnerId: "acme" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.domainStatus.status).toBe("set");
    expect(
      r.value.domainStatus.clientAccessManagerUsers.map((u) => [u.user.email, u.reason]),
    ).toEqual([["free@gmail.com", "shared_domain"]]);
    expect(r.value.partnerSeats.map((s) => [s.user.emailKey, s.eligibility])).toEqual([
      ["free@gmail.com", { eligible: false, reasons: ["domain_mismatch"] }],
      ["jane@acme.com", { eligible: true }],
      ["sam@acme.com", { eligible: false, reasons: ["not_tagged"] }],
    ]);
    expect(r.value.eligibleSeats).toBe(1);
  });
});

describe("previewEmployeeDomains", () => {
  it("previews a change without making it", async () => {
    const { repository, service } = await setup();
    const before = repository.snapshot();
    const r = await service.previewEmployeeDomains({
      actor: manager(),
      partnerId: "acme",
      domains: ["acme.io"],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.preview.domains).toEqual({
      added: ["acme.io"],
      removed: ["acme.com"],
      kept: [],
    });
    expect(r.value.preview.recognitionLost.map((c) => c.user.email)).toEqual([
      "jane@acme.com",
      "sam@acme.com",
    ]);
    expect(r.value.preview.seatsLost.map((u) => u.email)).toEqual(["jane@acme.com"]);
    expect(repository.snapshot()).toEqual(before);
  });

  it("refuses a domain another partner holds, with every problem", async () => {
    const { service } = await setup();
    const r = await service.previewEmployeeDomains({
      actor: manager(),
      partnerId: "acme",
      domains: ["rival.io", "gmail.com"],
    });
    expect(r.ok || r.error.code).toBe("domain_change_refused");
    if (r.ok || r.error.code !== "domain_change_refused") return;
    expect(r.error.problems.map((p) => p.issue.code)).toEqual([
      "domain_claimed_by_another_partner",
      "shared_domain",
    ]);
  });
});
