import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyUser, classifyUsers } from "../../src/classification/classify-user.js";
import { parseEmailAddress } from "../../src/domain/email-address.js";
import { parsePartnerEmployeeDomain } from "../../src/domain/partner-employee-domain.js";
import { isSharedEmailDomain } from "../../src/domain/shared-domains.js";
import type { Partner, PartnerUser } from "../../src/model.js";
import { arbitraries } from "../../src/testing/arbitraries.js";

const domainPool = [
  "acme.com",
  "ACME.com.",
  "eu.acme.com",
  "acme.com.evil.io",
  "gmail.com",
  "mail.yahoo.com",
  "bücher.de",
  "xn--bcher-kva.de",
  "northwind.io",
  "com",
  "co.uk",
  "",
];

// Strings close to addresses, so that the roster fast path meets its edge
// cases: spaces at either end, dots, quotes, several @, non-ASCII letters,
// upper case, very long local parts.
const nearAddress = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom(..."aZ09.+-_'\"@ ()", "é", "ß", "\u00a0", "\t", "\u3002"),
      maxLength: 70,
    }),
    fc.constantFrom("@", "@@", ""),
    fc.constantFrom(...domainPool),
    fc.constantFrom("", " ", ".", "\n", "\u3000"),
  )
  .map(([local, at, domain, tail]) => `${local}${at}${domain}${tail}`);

// Addresses the fast path may take: ASCII local parts of any length around
// the 64-octet limit, with dots anywhere (leading, trailing, doubled).
const plainLocal = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(..."aZ9.+'_-{}", "é"), minLength: 0, maxLength: 66 }),
    fc.constantFrom(...domainPool),
  )
  .map(([local, domain]) => `${local}@${domain}`);

// Around the limits: 64 octets for the local part, 254 for the address.
// With an ü in the first label, the canonical (Punycode) domain is longer
// than the raw text, which only the check on the canonical length sees.
const nearLimits = fc
  .tuple(
    fc.integer({ min: 60, max: 68 }),
    fc.integer({ min: 40, max: 55 }),
    fc.integer({ min: 1, max: 20 }),
    fc.constantFrom("a", "é", "."),
    fc.constantFrom("c", "ü"),
  )
  .map(
    ([localLength, k, m, ch, last]) =>
      `${"b".repeat(localLength - 1)}${ch}@${"c".repeat(k - 1)}${last}.${"d".repeat(60)}.${"e".repeat(60)}.${"g".repeat(m)}.com`,
  );

const emailArb = fc.oneof(
  arbitraries.emailAddress(),
  plainLocal,
  nearLimits,
  fc.emailAddress(),
  nearAddress,
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.anything(),
);

const partnerArb: fc.Arbitrary<Partner> = fc.record(
  {
    partnerId: fc.constantFrom("acme", "northwind"),
    program: fc.constantFrom("partner", "provider"),
    employeeDomains: fc.array(fc.oneof(fc.constantFrom(...domainPool), arbitraries.emailDomain()), {
      maxLength: 3,
    }),
    matchSubdomains: fc.boolean(),
  },
  { requiredKeys: ["partnerId", "program", "employeeDomains"] },
);

// An oracle written the plain way: the full parser for every address, the
// partner's domains re-read on every call, an "ends with" subdomain test
// (sound on canonical domains), the longest match first.
function oracle(email: unknown, partner: unknown): unknown {
  const parsed = parseEmailAddress(email);
  if (!parsed.ok) return { kind: "invalid_email", error: parsed.error };
  const raw = (partner as { employeeDomains?: unknown } | null | undefined)?.employeeDomains;
  const domains = (Array.isArray(raw) ? raw : []).flatMap((d: unknown) => {
    const r = parsePartnerEmployeeDomain(d);
    return r.ok ? [r.value as string] : [];
  });
  if (domains.length === 0)
    return { kind: "client_access_manager", reason: "partner_has_no_domain" };
  const domain: string = parsed.value.domain;
  if (isSharedEmailDomain(domain))
    return { kind: "client_access_manager", reason: "shared_domain" };
  const subdomains = (partner as { matchSubdomains?: unknown }).matchSubdomains === true;
  const matches = domains
    .filter((d) => d === domain || (subdomains && domain.endsWith(`.${d}`)))
    .sort((a, b) => b.length - a.length);
  const best = matches[0];
  return best === undefined
    ? { kind: "client_access_manager", reason: "different_domain" }
    : { kind: "domain_match", matchedDomain: best };
}

describe("classification properties", () => {
  it("agrees with a plain oracle on every address and partner", () => {
    fc.assert(
      fc.property(
        emailArb,
        fc.oneof(partnerArb, fc.anything() as fc.Arbitrary<Partner>),
        (email, partner) => {
          expect(classifyUser(email, partner)).toEqual(oracle(email, partner));
        },
      ),
    );
  });

  it("never throws on anything, for the email and for the partner", () => {
    fc.assert(
      fc.property(
        fc.oneof(emailArb, fc.anything()),
        fc.oneof(partnerArb, fc.anything() as fc.Arbitrary<Partner>),
        fc.anything(),
        (email, partner, options) => {
          const c = classifyUser(email, partner, options as never);
          expect(["domain_match", "client_access_manager", "invalid_email"]).toContain(c.kind);
          const r = classifyUsers([email as never], partner, options as never);
          expect(r.counts.total).toBe(1);
          expect(classifyUsers(email as never, partner).counts.total).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("classifyUsers gives each user exactly what the oracle and classifyUser give", () => {
    fc.assert(
      fc.property(fc.array(emailArb, { maxLength: 8 }), partnerArb, (emails, partner) => {
        const users = emails.map((email) => ({ partnerId: "acme", email, tagged: true }));
        const r = classifyUsers(users as PartnerUser[], partner);
        expect(r.classifications).toEqual(emails.map((e) => classifyUser(e, partner)));
        expect(r.classifications).toEqual(emails.map((e) => oracle(e, partner)));
        const { byKind, byReason, total } = r.counts;
        expect(total).toBe(emails.length);
        expect(byKind.domain_match + byKind.client_access_manager + byKind.invalid_email).toBe(
          total,
        );
        expect(
          byReason.partner_has_no_domain + byReason.shared_domain + byReason.different_domain,
        ).toBe(byKind.client_access_manager);
      }),
    );
  });

  it("classifyUsers agrees with classifyUser on each edge of the roster fast path", () => {
    // Each address sits just inside or just outside one condition of the
    // fast path (dots, the last character, the local part's and the
    // address's length), so that the path is checked in every run, however
    // few runs a property makes (mutation testing makes fewer).
    const local64 = "a".repeat(64);
    const edges = [
      "jane@acme.com",
      "j.ane@acme.com",
      "j..ane@acme.com",
      ".jane@acme.com",
      "jane.@acme.com",
      "j.a.n.e@acme.com",
      ".@acme.com",
      "jane@acme.com ",
      " jane@acme.com",
      "jane@acme.com\u007f",
      "jane@acme.com\u0021",
      "jane@acme.com\u007e",
      "jane@acme.com\u00a0",
      "jane@acme.com\u3002",
      "jané@acme.com",
      "ja ne@acme.com",
      "jane@@acme.com",
      "@acme.com",
      `${local64}@acme.com`,
      `${local64}a@acme.com`,
      `a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(57)}.com`,
      `a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(58)}.com`,
      "jane@bücher.de",
      "jane@xn--bcher-kva.de",
      "jane@eu.acme.com",
      "jane@gmail.com",
      "jane@com",
    ];
    const partners: Partner[] = [
      { partnerId: "acme", program: "partner", employeeDomains: ["acme.com", "bücher.de"] },
      {
        partnerId: "acme",
        program: "partner",
        employeeDomains: ["acme.com"],
        matchSubdomains: true,
      },
      { partnerId: "acme", program: "partner", employeeDomains: [] },
    ];
    for (const partner of partners) {
      const users = edges.map((email) => ({ partnerId: "acme", email, tagged: true }));
      const r = classifyUsers(users as PartnerUser[], partner);
      for (const [i, email] of edges.entries()) {
        expect(r.classifications[i], email).toEqual(classifyUser(email, partner));
        expect(r.classifications[i], email).toEqual(oracle(email, partner));
      }
    }
  });

  it("a match is the address's own domain, or an ancestor of it only under matchSubdomains", () => {
    fc.assert(
      fc.property(emailArb, partnerArb, (email, partner) => {
        const c = classifyUser(email, partner);
        if (c.kind !== "domain_match") return;
        const parsed = parseEmailAddress(email);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const domain: string = parsed.value.domain;
        if (partner.matchSubdomains === true) {
          expect(domain === c.matchedDomain || domain.endsWith(`.${c.matchedDomain}`)).toBe(true);
        } else {
          expect(domain).toBe(c.matchedDomain);
        }
      }),
    );
  });

  it("a domain that merely starts with an employee domain never matches it", () => {
    fc.assert(
      fc.property(
        arbitraries.emailDomain(),
        arbitraries.emailDomain(),
        fc.boolean(),
        (employee, tail, matchSubdomains) => {
          const partner: Partner = {
            partnerId: "p",
            program: "partner",
            employeeDomains: [employee],
            matchSubdomains,
          };
          const c = classifyUser(`jane@${employee}.${tail}`, partner);
          // the only legitimate match: the tail itself is under the employee domain
          const tailIsUnder = tail === employee || tail.endsWith(`.${employee}`);
          expect(c.kind === "domain_match").toBe(matchSubdomains && tailIsUnder);
        },
      ),
    );
  });

  it("does not depend on the letter case of the address", () => {
    fc.assert(
      fc.property(arbitraries.emailAddress(), partnerArb, (email, partner) => {
        expect(classifyUser(email.toUpperCase(), partner)).toEqual(classifyUser(email, partner));
      }),
    );
  });
});
