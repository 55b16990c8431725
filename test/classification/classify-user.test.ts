import { describe, expect, it } from "vitest";
import { classifyUser, classifyUsers } from "../../src/classification/classify-user.js";
import { createSharedDomainList } from "../../src/domain/shared-domains.js";
import type { Partner, PartnerUser } from "../../src/model.js";

const acme: Partner = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] };
const acmeWithSubdomains: Partner = { ...acme, matchSubdomains: true };
const noDomain: Partner = { partnerId: "solo", program: "provider", employeeDomains: [] };

describe("classifyUser", () => {
  it("matches the canonical domain whatever the case of the address: jane@ACME.com is acme.com", () => {
    expect(classifyUser("jane@ACME.com", acme)).toEqual({
      kind: "domain_match",
      matchedDomain: "acme.com",
    });
    expect(classifyUser("  Jane@Acme.Com.  ", acme)).toEqual({
      kind: "domain_match",
      matchedDomain: "acme.com",
    });
  });

  it("does not match a subdomain unless the partner opted in", () => {
    expect(classifyUser("jane@eu.acme.com", acme)).toEqual({
      kind: "client_access_manager",
      reason: "different_domain",
    });
    expect(classifyUser("jane@eu.acme.com", acmeWithSubdomains)).toEqual({
      kind: "domain_match",
      matchedDomain: "acme.com",
    });
    expect(classifyUser("jane@a.b.eu.acme.com", acmeWithSubdomains)).toEqual({
      kind: "domain_match",
      matchedDomain: "acme.com",
    });
  });

  it("never matches a domain that only starts with the partner's: acme.com.evil.io", () => {
    for (const partner of [acme, acmeWithSubdomains]) {
      expect(classifyUser("jane@acme.com.evil.io", partner)).toEqual({
        kind: "client_access_manager",
        reason: "different_domain",
      });
      expect(classifyUser("jane@notacme.com", partner)).toEqual({
        kind: "client_access_manager",
        reason: "different_domain",
      });
    }
  });

  it("sends a user on a shared domain to the Client Access Manager with shared_domain", () => {
    expect(classifyUser("jane@gmail.com", acme)).toEqual({
      kind: "client_access_manager",
      reason: "shared_domain",
    });
    // a subdomain of a listed free-mail domain is shared too
    expect(classifyUser("jane@mail.yahoo.com", acme)).toEqual({
      kind: "client_access_manager",
      reason: "shared_domain",
    });
  });

  it("says partner_has_no_domain for every user while the partner has no domain, before shared_domain", () => {
    for (const email of ["jane@acme.com", "max@gmail.com", "li@northwind.io"]) {
      expect(classifyUser(email, noDomain)).toEqual({
        kind: "client_access_manager",
        reason: "partner_has_no_domain",
      });
    }
  });

  it("reports an invalid address as invalid_email with the parser's issue, before anything else", () => {
    const r = classifyUser("jane@acme", acme);
    expect(r).toMatchObject({
      kind: "invalid_email",
      error: { code: "invalid_domain", domainIssue: { code: "single_label" } },
    });
    expect(classifyUser(undefined, noDomain)).toMatchObject({
      kind: "invalid_email",
      error: { code: "not_a_string", input: undefined },
    });
  });

  it("matches any of several employee domains, primary or not", () => {
    const multi: Partner = { ...acme, employeeDomains: ["acme.com", "acme.de"] };
    expect(classifyUser("jane@acme.de", multi)).toEqual({
      kind: "domain_match",
      matchedDomain: "acme.de",
    });
  });

  it("reports the most specific matching employee domain under subdomain matching", () => {
    const nested: Partner = {
      ...acmeWithSubdomains,
      employeeDomains: ["acme.com", "eu.acme.com"],
    };
    expect(classifyUser("jane@paris.eu.acme.com", nested)).toEqual({
      kind: "domain_match",
      matchedDomain: "eu.acme.com",
    });
  });

  it("canonicalises the partner's domains and ignores those that are not valid employee domains", () => {
    const messy: Partner = {
      ...acme,
      employeeDomains: [" ACME.com. ", "bücher.de", "not a domain", "com", "gmail.com"],
    };
    expect(classifyUser("jane@acme.com", messy)).toEqual({
      kind: "domain_match",
      matchedDomain: "acme.com",
    });
    expect(classifyUser("jane@xn--bcher-kva.de", messy)).toEqual({
      kind: "domain_match",
      matchedDomain: "xn--bcher-kva.de",
    });
    // gmail.com cannot be an employee domain, so it never matches
    expect(classifyUser("jane@gmail.com", messy)).toEqual({
      kind: "client_access_manager",
      reason: "shared_domain",
    });
    // a public suffix is ignored: subdomain matching on "com" would match everyone
    expect(classifyUser("jane@other.com", { ...messy, matchSubdomains: true })).toEqual({
      kind: "client_access_manager",
      reason: "different_domain",
    });
  });

  it("treats a partner whose only domains are unusable as having no domain", () => {
    const unusable: Partner = { ...acme, employeeDomains: ["gmail.com", "", "co.uk"] };
    expect(classifyUser("jane@acme.com", unusable)).toEqual({
      kind: "client_access_manager",
      reason: "partner_has_no_domain",
    });
  });

  it("reads a garbage partner as a partner with no domain instead of throwing", () => {
    for (const partner of [undefined, null, 42, "acme.com", {}, { employeeDomains: "acme.com" }]) {
      expect(classifyUser("jane@acme.com", partner as unknown as Partner)).toEqual({
        kind: "client_access_manager",
        reason: "partner_has_no_domain",
      });
    }
  });

  it("opts into subdomain matching only with matchSubdomains === true", () => {
    const truthy = { ...acme, matchSubdomains: "yes" } as unknown as Partner;
    expect(classifyUser("jane@eu.acme.com", truthy)).toMatchObject({ reason: "different_domain" });
  });

  it("uses the caller's shared-domain list", () => {
    const options = { sharedDomains: { add: ["acme-mail.com"] } };
    expect(classifyUser("jane@acme-mail.com", acme, options)).toEqual({
      kind: "client_access_manager",
      reason: "shared_domain",
    });
    const replaced = { sharedDomains: createSharedDomainList({ replace: ["example-mail.org"] }) };
    expect(classifyUser("jane@gmail.com", acme, replaced)).toEqual({
      kind: "client_access_manager",
      reason: "different_domain",
    });
    // with gmail.com no longer shared, a partner may hold it
    expect(
      classifyUser("jane@gmail.com", { ...acme, employeeDomains: ["gmail.com"] }, replaced),
    ).toEqual({ kind: "domain_match", matchedDomain: "gmail.com" });
  });

  it("sees a partner whose domain list was replaced in place by something that is not a list", () => {
    const partner: { employeeDomains: unknown } & Omit<Partner, "employeeDomains"> = {
      ...acme,
      employeeDomains: ["acme.com"],
    };
    expect(classifyUser("jane@acme.com", partner as Partner)).toMatchObject({
      kind: "domain_match",
    });
    partner.employeeDomains = "acme.com";
    expect(classifyUser("jane@acme.com", partner as Partner)).toMatchObject({
      reason: "partner_has_no_domain",
    });
  });

  it("sees a partner changed in place, although it remembers each partner's domains", () => {
    const domains = ["acme.com"];
    const partner = { ...acme, employeeDomains: domains, matchSubdomains: false };
    expect(classifyUser("jane@acme.de", partner)).toMatchObject({ reason: "different_domain" });
    domains.push("acme.de");
    expect(classifyUser("jane@acme.de", partner)).toMatchObject({ kind: "domain_match" });
    domains[1] = "acme.fr";
    expect(classifyUser("jane@acme.de", partner)).toMatchObject({ reason: "different_domain" });
    expect(classifyUser("jane@eu.acme.com", partner)).toMatchObject({ reason: "different_domain" });
    partner.matchSubdomains = true;
    expect(classifyUser("jane@eu.acme.com", partner)).toMatchObject({ kind: "domain_match" });
    partner.employeeDomains = [];
    expect(classifyUser("jane@acme.com", partner)).toMatchObject({
      reason: "partner_has_no_domain",
    });
    // and the shared list in force is part of what is remembered
    const options = { sharedDomains: { add: ["acme.fr"] } };
    partner.employeeDomains = ["acme.fr"];
    expect(classifyUser("jane@acme.fr", partner)).toMatchObject({ kind: "domain_match" });
    expect(classifyUser("jane@acme.fr", partner, options)).toMatchObject({
      reason: "partner_has_no_domain",
    });
  });

  it("reads only employeeDomains and matchSubdomains", () => {
    const odd = { employeeDomains: ["acme.com"] } as unknown as Partner;
    expect(classifyUser("jane@acme.com", odd)).toEqual({
      kind: "domain_match",
      matchedDomain: "acme.com",
    });
  });
});

describe("classifyUsers", () => {
  const roster: PartnerUser[] = [
    { partnerId: "acme", email: "jane@ACME.com", tagged: true },
    { partnerId: "acme", email: "max@gmail.com", tagged: true },
    { partnerId: "acme", email: "li@eu.acme.com", tagged: false },
    { partnerId: "acme", email: "not an address", tagged: true },
    { partnerId: "acme", email: "omar@acme.com", tagged: true },
    { partnerId: "acme", email: "sara@northwind.io", tagged: true },
  ];

  it("classifies each user in input order and counts per kind and per reason", () => {
    const r = classifyUsers(roster, acme);
    expect(r.classifications.map((c) => c.kind)).toEqual([
      "domain_match",
      "client_access_manager",
      "client_access_manager",
      "invalid_email",
      "domain_match",
      "client_access_manager",
    ]);
    expect(r.counts).toEqual({
      total: 6,
      byKind: { domain_match: 2, client_access_manager: 3, invalid_email: 1 },
      byReason: { partner_has_no_domain: 0, shared_domain: 1, different_domain: 2 },
    });
  });

  it("gives each user the same classification classifyUser gives", () => {
    for (const partner of [acme, acmeWithSubdomains, noDomain]) {
      const r = classifyUsers(roster, partner);
      expect(r.classifications).toEqual(roster.map((u) => classifyUser(u.email, partner)));
    }
  });

  it("counts every user as partner_has_no_domain for a partner with no domain", () => {
    const valid = roster.filter((u) => u.email.includes("@"));
    const r = classifyUsers(valid, noDomain);
    expect(r.counts.byReason.partner_has_no_domain).toBe(valid.length);
    expect(r.counts.byKind.client_access_manager).toBe(valid.length);
  });

  it("takes any iterable, once", () => {
    function* users(): Generator<PartnerUser> {
      yield { partnerId: "acme", email: "jane@acme.com", tagged: true };
      yield { partnerId: "acme", email: "max@gmail.com", tagged: true };
    }
    expect(classifyUsers(users(), acme).counts.total).toBe(2);
  });

  it("classifies a user that is not an object as an invalid email, and a non-iterable as empty", () => {
    const r = classifyUsers([null, 7] as unknown as PartnerUser[], acme);
    expect(r.classifications).toMatchObject([
      { kind: "invalid_email", error: { code: "not_a_string" } },
      { kind: "invalid_email", error: { code: "not_a_string" } },
    ]);
    expect(classifyUsers(undefined as unknown as PartnerUser[], acme)).toEqual({
      classifications: [],
      counts: {
        total: 0,
        byKind: { domain_match: 0, client_access_manager: 0, invalid_email: 0 },
        byReason: { partner_has_no_domain: 0, shared_domain: 0, different_domain: 0 },
      },
    });
  });

  it("returns frozen classifications, so shared results cannot be altered", () => {
    const r = classifyUsers(roster, acme);
    expect(Object.isFrozen(r.classifications[0])).toBe(true);
    expect(Object.isFrozen(classifyUser("jane@acme.com", acme))).toBe(true);
  });
});

describe("classifyUser: large inputs", () => {
  it("reads a sparse domain list of huge length by its own elements", () => {
    const employeeDomains: string[] = [];
    employeeDomains.length = 5_000_000;
    employeeDomains[3] = "acme.com";
    const partner = { partnerId: "acme", program: "partner", employeeDomains } as Partner;
    expect(classifyUser("jane@acme.com", partner)).toMatchObject({
      kind: "domain_match",
      matchedDomain: "acme.com",
    });
    expect(classifyUser("jane@other.com", partner).kind).toBe("client_access_manager");
  });

  it("reads a long domain list by its indexes only, not by its other own properties", () => {
    const employeeDomains = Object.assign(new Array<string>(2_000), { 1500: "acme.com" });
    (employeeDomains as unknown as { extra: string }).extra = "other.com";
    const partner = { partnerId: "acme", program: "partner", employeeDomains } as Partner;
    expect(classifyUser("jane@acme.com", partner)).toMatchObject({ matchedDomain: "acme.com" });
    expect(classifyUser("jane@other.com", partner).kind).toBe("client_access_manager");
  });

  it("answers the same after more distinct domains than its cache holds", () => {
    const partner = {
      partnerId: "acme",
      program: "partner",
      employeeDomains: ["acme.com"],
    } as Partner;
    const first = classifyUser("jane@acme.com", partner);
    for (let i = 0; i < 4100; i++) classifyUser(`jane@d${i}.example.com`, partner);
    expect(classifyUser("jane@acme.com", partner)).toEqual(first);
    expect(first).toMatchObject({ kind: "domain_match", matchedDomain: "acme.com" });
  });
});
