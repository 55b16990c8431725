import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_PATH, renderSharedDomainModule } from "../../scripts/shared-domains-module.js";
import {
  parsePartnerEmployeeDomain,
  parsePartnerEmployeeDomainOrThrow,
} from "../../src/domain/partner-employee-domain.js";
import { buildSharedDomainData } from "../../src/domain/shared-domain-data.js";
import {
  createSharedDomainList,
  defaultSharedDomainList,
  isSharedEmailDomain,
} from "../../src/domain/shared-domains.js";
import { PartnerAccessError } from "../../src/result.js";

const SHARED = [
  "gmail.com",
  "googlemail.com",
  "mail.yahoo.com",
  "web.de",
  "libero.it",
  "orange.fr",
  "uol.com.br",
];

describe("parsePartnerEmployeeDomain", () => {
  it.each(SHARED)("refuses the shared domain %s", (domain) => {
    expect(parsePartnerEmployeeDomain(domain)).toMatchObject({
      ok: false,
      error: { code: "shared_domain", domain, input: domain },
    });
  });

  it("refuses subdomains of shared domains and names the listed entry", () => {
    expect(parsePartnerEmployeeDomain("eu.GMAIL.com")).toMatchObject({
      ok: false,
      error: { code: "shared_domain", domain: "eu.gmail.com", listedAs: "gmail.com" },
    });
  });

  it("accepts company domains, including those under public suffixes that the free-mail list names", () => {
    // com.ar and pp.ua are in the free-mail list but are public suffixes:
    // treating their subdomains as shared would call every Argentine company shared.
    expect(parsePartnerEmployeeDomain("acme.com.ar")).toEqual({ ok: true, value: "acme.com.ar" });
    expect(parsePartnerEmployeeDomain("acme.pp.ua")).toEqual({ ok: true, value: "acme.pp.ua" });
    expect(parsePartnerEmployeeDomain("Northwind.io")).toEqual({ ok: true, value: "northwind.io" });
  });

  it("passes through the refusals of parseEmailDomain", () => {
    expect(parsePartnerEmployeeDomain("co.uk")).toMatchObject({
      ok: false,
      error: { code: "public_suffix" },
    });
    expect(parsePartnerEmployeeDomain(7)).toMatchObject({
      ok: false,
      error: { code: "not_a_string" },
    });
  });

  it("takes added or replaced lists", () => {
    expect(
      parsePartnerEmployeeDomain("acme-mail.com", { sharedDomains: { add: ["acme-mail.com"] } }),
    ).toMatchObject({
      ok: false,
      error: { code: "shared_domain" },
    });
    const onlyExample = createSharedDomainList({ replace: ["example-mail.org"] });
    expect(parsePartnerEmployeeDomain("gmail.com", { sharedDomains: onlyExample })).toEqual({
      ok: true,
      value: "gmail.com",
    });
    expect(
      parsePartnerEmployeeDomain("x.example-mail.org", { sharedDomains: onlyExample }),
    ).toMatchObject({ ok: false });
  });

  it("has a throwing variant", () => {
    expect(parsePartnerEmployeeDomainOrThrow("northwind.io")).toBe("northwind.io");
    expect(() => parsePartnerEmployeeDomainOrThrow("gmail.com")).toThrow(PartnerAccessError);
  });
});

describe("isSharedEmailDomain", () => {
  it("is true for listed domains and their subdomains, in any form", () => {
    expect(isSharedEmailDomain("GMAIL.com.")).toBe(true);
    expect(isSharedEmailDomain("mail.yahoo.com")).toBe(true);
    expect(isSharedEmailDomain("acme.com")).toBe(false);
    expect(isSharedEmailDomain("com.ar")).toBe(false);
    expect(isSharedEmailDomain(undefined)).toBe(false);
    expect(isSharedEmailDomain({ __proto__: null })).toBe(false);
  });
});

describe("shared domain lists", () => {
  it("the default list comes from email-providers, canonical and without covered entries", () => {
    const list = defaultSharedDomainList();
    expect(list.source).toMatch(/^email-providers@\d/);
    expect(list.size).toBeGreaterThan(5000);
    const domains = list.domains();
    const set = new Set(domains);
    for (const d of domains) {
      expect(d).toMatch(/^[a-z0-9.-]+$/);
      const parent = d.slice(d.indexOf(".") + 1);
      expect(set.has(parent) && parent.includes(".")).toBe(false);
    }
    expect(set.has("com.ar")).toBe(false);
    expect(set.has("pp.ua")).toBe(false);
  });

  it("drops refused entries, public suffixes and entries under another entry", () => {
    const data = buildSharedDomainData([
      "Gmail.com",
      "mail.gmail.com",
      "com.ar",
      "x@y.com",
      7,
      "bücher-mail.de",
    ]);
    expect(data.domains).toEqual(["gmail.com", "xn--bcher-mail-9db.de"]);
    expect(data.dropped.covered).toEqual([{ entry: "mail.gmail.com", by: "gmail.com" }]);
    expect(data.dropped.refused.map((r) => r.error.code)).toEqual([
      "public_suffix",
      "looks_like_email",
      "not_a_string",
    ]);
  });

  it("reports refused caller entries instead of throwing", () => {
    const list = createSharedDomainList({ add: ["not a domain", "acme-mail.com"] });
    expect(list.match("acme-mail.com")).toBe("acme-mail.com");
    expect(list.match("gmail.com")).toBe("gmail.com");
    expect(list.refused.map((r) => r.entry)).toEqual(["not a domain"]);
  });

  it("the committed generated list is up to date with the installed email-providers", () => {
    expect(readFileSync(GENERATED_PATH, "utf8")).toBe(renderSharedDomainModule().text);
  });
});
