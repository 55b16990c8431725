// Classification reads only the caller's own properties: nothing inherited
// from a prototype (Object.create, or a `__proto__` key of request JSON
// copied with Object.assign) recognises a user, grants a seat or changes a
// count.
import { describe, expect, it } from "vitest";
import { classifyUser, classifyUsers } from "../../src/classification/classify-user.js";
import { partnerSeatEligibility } from "../../src/classification/partner-seat.js";
import {
  employeeDomainStatus,
  suggestEmployeeDomain,
} from "../../src/classification/suggest-domain.js";
import type { Partner, PartnerUser } from "../../src/model.js";

const acme: Partner = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] };
const jane: PartnerUser = { partnerId: "acme", email: "jane@acme.com", tagged: true };

// What `Object.assign({}, JSON.parse(body))` makes of a body with a `__proto__` key.
function copied<T>(json: string): T {
  return Object.assign({}, JSON.parse(json)) as T;
}

function inherit<T extends object>(proto: object, own: object = {}): T {
  return Object.assign(Object.create(proto) as object, own) as T;
}

describe("classifyUser reads only the partner's own fields", () => {
  it("does not take inherited employee domains", () => {
    expect(classifyUser("jane@acme.com", inherit({ employeeDomains: ["acme.com"] }))).toEqual({
      kind: "client_access_manager",
      reason: "partner_has_no_domain",
    });
    expect(
      classifyUser("jane@acme.com", copied('{"__proto__":{"employeeDomains":["acme.com"]}}')),
    ).toEqual({ kind: "client_access_manager", reason: "partner_has_no_domain" });
  });

  it("does not take an inherited subdomain switch", () => {
    const partner = inherit<Partner>({ matchSubdomains: true }, { employeeDomains: ["acme.com"] });
    expect(classifyUser("jane@eu.acme.com", partner)).toEqual({
      kind: "client_access_manager",
      reason: "different_domain",
    });
  });

  it("does not take an inherited element of the domain list", () => {
    const domains: string[] = ["northwind.io"];
    domains.length = 2;
    Object.setPrototypeOf(
      domains,
      Object.assign(Object.create(Array.prototype), { 1: "acme.com" }),
    );
    expect(domains[1]).toBe("acme.com");
    expect(classifyUser("jane@acme.com", { ...acme, employeeDomains: domains })).toEqual({
      kind: "client_access_manager",
      reason: "different_domain",
    });
  });

  it("does not take inherited options", () => {
    const options = inherit<{ sharedDomains: { replace: string[] } }>({
      sharedDomains: { replace: [] },
    });
    expect(classifyUser("jane@gmail.com", acme, options)).toEqual({
      kind: "client_access_manager",
      reason: "shared_domain",
    });
  });
});

describe("the roster functions read only the users' own fields", () => {
  it("classifyUsers: an inherited email is no email", () => {
    const r = classifyUsers([inherit<PartnerUser>(jane), jane], acme);
    expect(r.classifications.map((c) => c.kind)).toEqual(["invalid_email", "domain_match"]);
  });

  it("partnerSeatEligibility: inherited partnerId, tag and email grant nothing", () => {
    expect(partnerSeatEligibility(inherit<PartnerUser>(jane), acme)).toEqual({
      eligible: false,
      reasons: ["not_in_partner_account", "not_tagged", "domain_mismatch"],
    });
    expect(
      partnerSeatEligibility(
        inherit<PartnerUser>({ tagged: true }, { ...jane, tagged: undefined }),
        acme,
      ),
    ).toEqual({ eligible: false, reasons: ["not_tagged"] });
    expect(
      partnerSeatEligibility(
        copied<PartnerUser>(
          '{"__proto__":{"tagged":true},"partnerId":"acme","email":"jane@acme.com"}',
        ),
        acme,
      ),
    ).toEqual({ eligible: false, reasons: ["not_tagged"] });
    expect(partnerSeatEligibility(jane, inherit<Partner>(acme))).toEqual({
      eligible: false,
      reasons: ["not_in_partner_account", "domain_mismatch"],
    });
  });

  it("employeeDomainStatus: a user whose fields are inherited is not a member", () => {
    const s = employeeDomainStatus(acme, [
      inherit<PartnerUser>(jane),
      inherit<PartnerUser>({ tagged: true }, { partnerId: "acme", email: "li@acme.io" }),
    ]);
    // the second is a member (own partnerId), with an inherited tag: not client-facing
    expect(s.clientAccessManagerUsers.map((u) => u.user.email)).toEqual(["li@acme.io"]);
    expect(s.suggestion).toBeNull();
    expect(s.warning).toBeNull();
  });

  it("suggestEmployeeDomain: inherited options do not replace the shared list", () => {
    const options = inherit<{ sharedDomains: { replace: string[] } }>({
      sharedDomains: { replace: [] },
    });
    expect(suggestEmployeeDomain(["jane@gmail.com"], options)).toBeNull();
  });
});
