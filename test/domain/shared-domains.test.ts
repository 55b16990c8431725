import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  FREE_EMAIL_DOMAINS_DATA,
  FREE_EMAIL_DOMAINS_VERSION,
  GENERATED_PATH,
  renderSharedDomainModule,
} from "../../scripts/shared-domains-module.js";
import { parseEmailDomain } from "../../src/domain/email-domain.js";
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

  it("says which listed entry a refused subdomain falls under, and nothing more for a listed domain", () => {
    const listed = parsePartnerEmployeeDomain("gmail.com");
    expect(listed.ok ? "" : listed.error.message).toBe(
      "gmail.com is a shared email domain that anyone can get an address on; enter the domain your client-facing employees use, and add people on other domains through the Client Access Manager.",
    );
    const under = parsePartnerEmployeeDomain("eu.gmail.com");
    expect(under.ok ? "" : under.error.message).toBe(
      "eu.gmail.com is a shared email domain that anyone can get an address on (under gmail.com); enter the domain your client-facing employees use, and add people on other domains through the Client Access Manager.",
    );
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

describe("coverage of free-mail providers", () => {
  it.each(["tuta.io", "hotmail.no", "gmx.us", "yandex.kz", "aol.de", "gmail.com"])(
    "%s is shared",
    (domain) => {
      expect(parsePartnerEmployeeDomain(domain)).toMatchObject({
        ok: false,
        error: { code: "shared_domain" },
      });
    },
  );

  it("every entry of the free-email-domains list that is a valid domain is shared", () => {
    const data: { version: string; domains: unknown[] } = JSON.parse(
      readFileSync(FREE_EMAIL_DOMAINS_DATA, "utf8"),
    );
    expect(data.version).toBe(FREE_EMAIL_DOMAINS_VERSION);
    let valid = 0;
    const notShared: unknown[] = [];
    for (const entry of data.domains) {
      const parsed = parseEmailDomain(entry);
      if (!parsed.ok) continue;
      valid++;
      if (!isSharedEmailDomain(parsed.value)) notShared.push(entry);
    }
    expect(notShared).toEqual([]);
    expect(valid).toBeGreaterThan(10_000);
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
  it("the default list comes from email-providers and free-email-domains, canonical and without covered entries", () => {
    const list = defaultSharedDomainList();
    expect(list.source).toBe(
      `email-providers@2.26.0 + free-email-domains@${FREE_EMAIL_DOMAINS_VERSION}`,
    );
    expect(list.size).toBeGreaterThan(15_000);
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

  it("removes entries a caller names, after adding and replacing", () => {
    const list = createSharedDomainList({ remove: ["GMX.us", "not a domain"] });
    expect(defaultSharedDomainList().match("gmx.us")).toBe("gmx.us");
    expect(list.match("gmx.us")).toBeUndefined();
    expect(list.match("mail.gmx.us")).toBeUndefined();
    expect(list.match("gmail.com")).toBe("gmail.com");
    expect(list.size).toBe(defaultSharedDomainList().size - 1);
    expect(list.refused.map((r) => r.entry)).toEqual(["not a domain"]);
    const replaced = createSharedDomainList({
      replace: ["a-mail.org", "b-mail.org"],
      add: ["c-mail.org"],
      remove: ["b-mail.org", "c-mail.org"],
    });
    expect(replaced.domains()).toEqual(["a-mail.org"]);
    expect(parsePartnerEmployeeDomain("gmx.us", { sharedDomains: { remove: ["gmx.us"] } })).toEqual(
      { ok: true, value: "gmx.us" },
    );
  });

  it("names its source: the default's plus the caller's, or only the caller's for a replacement", () => {
    const base = defaultSharedDomainList().source;
    expect(createSharedDomainList({ add: ["acme-mail.com"] }).source).toBe(`${base} + caller`);
    expect(createSharedDomainList({ remove: ["gmx.us"] }).source).toBe(`${base} + caller`);
    expect(createSharedDomainList({ replace: ["acme-mail.com"] }).source).toBe("caller");
  });

  it("removing an entry does not unlist a domain still covered by a parent entry", () => {
    const list = createSharedDomainList({ remove: ["mail.gmail.com"] });
    expect(list.match("mail.gmail.com")).toBe("gmail.com");
  });

  it("adds only caller entries to the default, keeping it pruned", () => {
    const list = createSharedDomainList({
      add: ["eu.acme-mail.com", "acme-mail.com", "x.gmail.com"],
    });
    expect(list.size).toBe(defaultSharedDomainList().size + 1);
    expect(list.match("eu.acme-mail.com")).toBe("acme-mail.com");
    expect(list.domains()).not.toContain("x.gmail.com");
  });

  it("drops a default entry under an added one", () => {
    const under = (domains: readonly string[]) => domains.filter((d) => d.endsWith(".x24hr.com"));
    const before = under(defaultSharedDomainList().domains());
    expect(before.length).toBeGreaterThan(0);
    const list = createSharedDomainList({ add: ["x24hr.com"] });
    expect(list.refused).toEqual([]);
    expect(under(list.domains())).toEqual([]);
    expect(list.domains()).toContain("x24hr.com");
    expect(list.size).toBe(defaultSharedDomainList().size + 1 - before.length);
    expect(list.match(before[0]!)).toBe("x24hr.com");
  });

  it("takes garbage options without throwing, reporting what it could not use", () => {
    for (const options of [null, 42, "gmail.com", [], { add: 42 }, { add: null }]) {
      const list = createSharedDomainList(options as never);
      expect(list.match("gmail.com")).toBe("gmail.com");
    }
    expect(createSharedDomainList({ add: 42 } as never).refused).toMatchObject([
      { entry: 42, error: { code: "not_a_string" } },
    ]);
    expect(createSharedDomainList({ add: "acme-mail.com" } as never).match("acme-mail.com")).toBe(
      "acme-mail.com",
    );
    const odd = createSharedDomainList({ add: [7, null, {}, "acme-mail.com"] } as never);
    expect(odd.match("acme-mail.com")).toBe("acme-mail.com");
    expect(odd.refused.map((r) => r.error.code)).toEqual([
      "not_a_string",
      "not_a_string",
      "not_a_string",
    ]);
    // a replacement that is not a list is reported and leaves the default in place
    const notAList = createSharedDomainList({ replace: 5 } as never);
    expect(notAList.match("gmail.com")).toBe("gmail.com");
    expect(notAList.refused).toMatchObject([{ entry: 5, error: { code: "not_a_string" } }]);
    function* failing(): Generator<string> {
      yield "acme-mail.com";
      throw new Error("boom");
    }
    const partial = createSharedDomainList({ add: failing() });
    expect(partial.match("acme-mail.com")).toBe("acme-mail.com");
  });

  it("matches only canonical domains given as strings", () => {
    const list = defaultSharedDomainList();
    expect(list.match(42 as never)).toBeUndefined();
    expect(list.match(undefined as never)).toBeUndefined();
    expect(list.match("GMAIL.com")).toBeUndefined();
    expect(list.match("gmail.com")).toBe("gmail.com");
  });

  it("a caller's own list whose match throws or answers garbage counts as not listing the domain", () => {
    const throwing = {
      source: "x",
      size: 1,
      refused: [],
      domains: () => [],
      match: () => {
        throw new Error("boom");
      },
    };
    expect(isSharedEmailDomain("acme.com", { sharedDomains: throwing })).toBe(false);
    const garbage = { ...throwing, match: () => 42 as never };
    expect(isSharedEmailDomain("acme.com", { sharedDomains: garbage })).toBe(false);
    const yes = { ...throwing, match: () => "acme.com" };
    expect(isSharedEmailDomain("acme.com", { sharedDomains: yes })).toBe(true);
  });

  it("the committed generated list is up to date with the installed email-providers and the committed free-email-domains data", () => {
    expect(readFileSync(GENERATED_PATH, "utf8")).toBe(renderSharedDomainModule().text);
  });
});
