import { describe, expect, it } from "vitest";
import {
  employeeDomainStatus,
  suggestEmployeeDomain,
} from "../../src/classification/suggest-domain.js";
import type { Partner, PartnerUser } from "../../src/model.js";

describe("suggestEmployeeDomain", () => {
  it("suggests the most common non-shared domain, its count and share of valid addresses", () => {
    expect(
      suggestEmployeeDomain([
        "jane@acme.com",
        "Max@ACME.com",
        "li@gmail.com",
        "omar@northwind.io",
        "not an address",
      ]),
    ).toEqual({ domain: "acme.com", count: 2, share: 0.5 });
  });

  it("breaks ties by the domain's alphabetical order", () => {
    expect(suggestEmployeeDomain(["x@b.com", "y@a.com", "z@c.com"])).toEqual({
      domain: "a.com",
      count: 1,
      share: 1 / 3,
    });
  });

  it("counts shared addresses as valid but never suggests a shared domain", () => {
    expect(
      suggestEmployeeDomain(["a@gmail.com", "b@gmail.com", "c@gmail.com", "d@acme.com"]),
    ).toEqual({ domain: "acme.com", count: 1, share: 0.25 });
  });

  it("returns null when no valid address is on a non-shared domain", () => {
    expect(suggestEmployeeDomain([])).toBeNull();
    expect(suggestEmployeeDomain(["jane@gmail.com", "max@outlook.com"])).toBeNull();
    expect(suggestEmployeeDomain(["jane", "", 42, null])).toBeNull();
    expect(suggestEmployeeDomain(undefined as unknown as string[])).toBeNull();
  });

  it("counts each canonical domain on its own: a subdomain is another domain", () => {
    expect(
      suggestEmployeeDomain(["a@eu.acme.com", "b@eu.acme.com", "c@acme.com", "d@bücher.de"]),
    ).toEqual({ domain: "eu.acme.com", count: 2, share: 0.5 });
  });

  it("uses the caller's shared-domain list", () => {
    expect(
      suggestEmployeeDomain(["a@acme-mail.com", "b@acme-mail.com", "c@acme.com"], {
        sharedDomains: { add: ["acme-mail.com"] },
      }),
    ).toEqual({ domain: "acme.com", count: 1, share: 1 / 3 });
  });
});

describe("employeeDomainStatus", () => {
  const acme: Partner = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] };
  const users: PartnerUser[] = [
    { partnerId: "acme", email: "jane@acme.com", tagged: true },
    { partnerId: "acme", email: "max@acme.com", tagged: true },
    { partnerId: "acme", email: "lea@gmail.com", tagged: true },
    { partnerId: "acme", email: "tom@freelance.dev", tagged: false },
    { partnerId: "acme", email: "broken", tagged: true },
    { partnerId: "acme", email: "ana@acme.com", tagged: true, inPartnerAccount: false },
    { partnerId: "northwind", email: "li@northwind.io", tagged: true },
  ];

  it("is set, with the users who need the Client Access Manager, when the domain fits", () => {
    expect(employeeDomainStatus(acme, users)).toEqual({
      status: "set",
      remindersContinue: false,
      employeeDomains: ["acme.com"],
      ignoredDomains: [],
      suggestion: { domain: "acme.com", count: 2, share: 2 / 3 },
      warning: null,
      clientAccessManagerUsers: [
        { user: users[2], reason: "shared_domain" },
        { user: users[3], reason: "different_domain" },
      ],
      invalidEmailUsers: [
        { user: users[4], error: expect.objectContaining({ code: "missing_at" }) },
      ],
    });
  });

  it("is missing while the partner has no domain, so reminders continue, and suggests one", () => {
    const r = employeeDomainStatus({ ...acme, employeeDomains: [] }, users);
    expect(r).toMatchObject({
      status: "missing",
      remindersContinue: true,
      employeeDomains: [],
      suggestion: { domain: "acme.com", count: 2 },
      warning: null,
    });
    expect(r.clientAccessManagerUsers.map((u) => [u.user.email, u.reason])).toEqual([
      ["jane@acme.com", "partner_has_no_domain"],
      ["max@acme.com", "partner_has_no_domain"],
      ["lea@gmail.com", "partner_has_no_domain"],
      ["tom@freelance.dev", "partner_has_no_domain"],
    ]);
  });

  it("warns when most client-facing users are on a domain the partner does not hold", () => {
    const team: PartnerUser[] = [
      { partnerId: "acme", email: "jane@acme.io", tagged: true },
      { partnerId: "acme", email: "max@acme.io", tagged: true },
      { partnerId: "acme", email: "lea@acme.com", tagged: true },
      // untagged users are not client-facing: they do not sway the suggestion
      { partnerId: "acme", email: "a@acme.com", tagged: false },
      { partnerId: "acme", email: "b@acme.com", tagged: false },
    ];
    const r = employeeDomainStatus(acme, team);
    expect(r.status).toBe("set");
    expect(r.suggestion).toEqual({ domain: "acme.io", count: 2, share: 2 / 3 });
    expect(r.warning).toEqual({
      code: "suggested_domain_not_set",
      message: expect.stringContaining("acme.io"),
      suggestion: { domain: "acme.io", count: 2, share: 2 / 3 },
      employeeDomains: ["acme.com"],
    });
  });

  it("does not warn when the suggested domain is covered by subdomain matching", () => {
    const team: PartnerUser[] = [
      { partnerId: "acme", email: "jane@eu.acme.com", tagged: true },
      { partnerId: "acme", email: "max@eu.acme.com", tagged: true },
    ];
    expect(employeeDomainStatus({ ...acme, matchSubdomains: true }, team).warning).toBeNull();
    expect(employeeDomainStatus(acme, team).warning).toMatchObject({
      code: "suggested_domain_not_set",
    });
  });

  it("reports unusable employee domains and is missing when none is left", () => {
    const r = employeeDomainStatus({ ...acme, employeeDomains: ["gmail.com", "Not A Domain"] }, [
      { partnerId: "acme", email: "jane@acme.com", tagged: true },
    ]);
    expect(r.status).toBe("missing");
    expect(r.ignoredDomains).toMatchObject([
      { input: "gmail.com", issue: { code: "shared_domain" } },
      { input: "Not A Domain", issue: { code: "invalid_character" } },
    ]);
  });

  it("lists usable domains canonical, primary first, without duplicates", () => {
    const r = employeeDomainStatus(
      { ...acme, employeeDomains: ["ACME.com", "acme.com.", "bücher.de"] },
      [],
    );
    expect(r.employeeDomains).toEqual(["acme.com", "xn--bcher-kva.de"]);
    expect(r.suggestion).toBeNull();
    expect(r.warning).toBeNull();
  });

  it("reads garbage as a partner with no domain and no users instead of throwing", () => {
    expect(
      employeeDomainStatus(undefined as unknown as Partner, 3 as unknown as PartnerUser[]),
    ).toEqual({
      status: "missing",
      remindersContinue: true,
      employeeDomains: [],
      ignoredDomains: [],
      suggestion: null,
      warning: null,
      clientAccessManagerUsers: [],
      invalidEmailUsers: [],
    });
  });
});
