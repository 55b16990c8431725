import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  employeeDomainStatus,
  suggestEmployeeDomain,
} from "../../src/classification/suggest-domain.js";
import { parseEmailAddress } from "../../src/domain/email-address.js";
import { isSharedEmailDomain } from "../../src/domain/shared-domains.js";
import type { Partner, PartnerUser } from "../../src/model.js";

const emailArb = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("jane", "Max", "li"),
      fc.constantFrom("acme.com", "ACME.com", "b.io", "eu.acme.com", "gmail.com", "web.de"),
    )
    .map(([l, d]) => `${l}@${d}`),
  fc.constantFrom("not an address", "", "x@com"),
  fc.anything(),
);

// A naive oracle: sort every candidate by (count desc, domain asc).
function oracle(emails: readonly unknown[]) {
  const domains = emails.flatMap((e) => {
    const r = parseEmailAddress(e);
    return r.ok ? [r.value.domain as string] : [];
  });
  const candidates = [...new Set(domains.filter((d) => !isSharedEmailDomain(d)))].map((d) => ({
    domain: d,
    count: domains.filter((x) => x === d).length,
  }));
  candidates.sort((a, b) => b.count - a.count || (a.domain < b.domain ? -1 : 1));
  const best = candidates[0];
  return best === undefined ? null : { ...best, share: best.count / domains.length };
}

describe("suggestEmployeeDomain properties", () => {
  it("agrees with a sort-everything oracle", () => {
    fc.assert(
      fc.property(fc.array(emailArb, { maxLength: 12 }), (emails) => {
        expect(suggestEmployeeDomain(emails)).toEqual(oracle(emails));
      }),
    );
  });

  it("does not depend on input order", () => {
    fc.assert(
      fc.property(
        fc
          .array(emailArb, { maxLength: 12 })
          .chain((xs) =>
            fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })),
          ),
        ([emails, shuffled]) => {
          expect(suggestEmployeeDomain(shuffled)).toEqual(suggestEmployeeDomain(emails));
        },
      ),
    );
  });
});

describe("employeeDomainStatus properties", () => {
  it("never throws, and lists each user of the account at most once", () => {
    const userArb = fc.record({
      partnerId: fc.constantFrom("acme", "other", ""),
      email: emailArb,
      tagged: fc.oneof(fc.boolean(), fc.anything()),
      inPartnerAccount: fc.oneof(fc.boolean(), fc.constant(undefined)),
    }) as fc.Arbitrary<PartnerUser>;
    const partnerArb = fc.oneof(
      fc.record({
        partnerId: fc.constant("acme"),
        program: fc.constant("partner" as const),
        employeeDomains: fc.array(fc.constantFrom("acme.com", "b.io", "gmail.com", "com"), {
          maxLength: 2,
        }),
        matchSubdomains: fc.boolean(),
      }),
      fc.anything(),
    ) as fc.Arbitrary<Partner>;
    fc.assert(
      fc.property(partnerArb, fc.oneof(fc.array(userArb), fc.anything()), (partner, users) => {
        const s = employeeDomainStatus(partner, users as PartnerUser[]);
        expect(s.status === "missing").toBe(s.employeeDomains.length === 0);
        const listed = [
          ...s.clientAccessManagerUsers.map((u) => u.user),
          ...s.invalidEmailUsers.map((u) => u.user),
        ];
        expect(new Set(listed).size).toBe(listed.length);
        for (const u of listed) {
          expect(u.partnerId).toBe("acme");
          expect(u.inPartnerAccount).not.toBe(false);
        }
        if (s.status === "missing") {
          expect(
            s.clientAccessManagerUsers.every((u) => u.reason === "partner_has_no_domain"),
          ).toBe(true);
        }
      }),
    );
  });
});
