import { describe, expect, it } from "vitest";
import { type DomainClaim, detectDomainConflicts } from "../../src/conflicts/domain-conflicts.js";

function summary(claims: Iterable<DomainClaim>) {
  return detectDomainConflicts(claims).map((c) => ({
    domain: c.domain,
    holder: c.holder.partnerId,
    contenders: c.contenders.map((p) => `${p.partnerId}:${p.domain}`),
  }));
}

describe("detectDomainConflicts", () => {
  it("reports a canonical domain claimed by two partners, the earlier one holding it", () => {
    const conflicts = detectDomainConflicts([
      { partnerId: "rival", domain: "ACME.com.", claimedAt: 20 },
      { partnerId: "acme", domain: "acme.com", claimedAt: 10 },
    ]);
    expect(conflicts).toEqual([
      {
        code: "domain_claimed_by_another_partner",
        message: 'acme.com is already claimed by partner "acme"; partner "rival" cannot claim it.',
        domain: "acme.com",
        holder: { partnerId: "acme", domain: "acme.com", claimedAt: 10, matchSubdomains: false },
        contenders: [
          { partnerId: "rival", domain: "acme.com", claimedAt: 20, matchSubdomains: false },
        ],
      },
    ]);
  });

  it("does not call one partner claiming a domain twice a conflict", () => {
    expect(
      detectDomainConflicts([
        { partnerId: "acme", domain: "acme.com", claimedAt: 1 },
        { partnerId: "acme", domain: "Acme.com", claimedAt: 2, matchSubdomains: true },
        { partnerId: "acme", domain: "eu.acme.com", claimedAt: 3 },
      ]),
    ).toEqual([]);
  });

  it("breaks a tie on claimedAt in favour of the smaller partnerId", () => {
    expect(
      summary([
        { partnerId: "b", domain: "acme.com", claimedAt: 2 },
        { partnerId: "a", domain: "acme.com", claimedAt: 2 },
        { partnerId: "c", domain: "acme.com", claimedAt: 1 },
      ]),
    ).toEqual([{ domain: "acme.com", holder: "c", contenders: ["a:acme.com", "b:acme.com"] }]);
  });

  it("reports a subdomain under a subdomain-matching claim at the ancestor, whoever came first", () => {
    const parent = { partnerId: "acme", domain: "acme.com", matchSubdomains: true };
    const child = { partnerId: "rival", domain: "eu.acme.com" };
    expect(
      summary([
        { ...parent, claimedAt: 1 },
        { ...child, claimedAt: 2 },
      ]),
    ).toEqual([{ domain: "acme.com", holder: "acme", contenders: ["rival:eu.acme.com"] }]);
    // The subdomain claimed first holds: the overlap is reported all the same.
    expect(
      summary([
        { ...child, claimedAt: 1 },
        { ...parent, claimedAt: 2 },
      ]),
    ).toEqual([{ domain: "acme.com", holder: "rival", contenders: ["acme:acme.com"] }]);
  });

  it("looks at every ancestor, not only the parent", () => {
    expect(
      summary([
        { partnerId: "acme", domain: "acme.com", claimedAt: 1, matchSubdomains: true },
        { partnerId: "rival", domain: "a.b.c.acme.com", claimedAt: 2 },
      ]),
    ).toEqual([{ domain: "acme.com", holder: "acme", contenders: ["rival:a.b.c.acme.com"] }]);
  });

  it("sees no overlap when the ancestor's claim does not match subdomains", () => {
    expect(
      detectDomainConflicts([
        { partnerId: "acme", domain: "acme.com", claimedAt: 1 },
        { partnerId: "rival", domain: "eu.acme.com", claimedAt: 2, matchSubdomains: true },
      ]),
    ).toEqual([]);
  });

  it("never matches a suffix that is not a whole label", () => {
    expect(
      detectDomainConflicts([
        { partnerId: "acme", domain: "acme.com", claimedAt: 1, matchSubdomains: true },
        { partnerId: "evil", domain: "acme.com.evil.io", claimedAt: 2 },
        { partnerId: "lookalike", domain: "notacme.com", claimedAt: 3 },
      ]),
    ).toEqual([]);
  });

  it("reports nested subdomain-matching claims once per ancestor", () => {
    expect(
      summary([
        { partnerId: "acme", domain: "acme.com", claimedAt: 1, matchSubdomains: true },
        { partnerId: "eu", domain: "eu.acme.com", claimedAt: 2, matchSubdomains: true },
        { partnerId: "de", domain: "de.eu.acme.com", claimedAt: 3 },
      ]),
    ).toEqual([
      { domain: "acme.com", holder: "acme", contenders: ["eu:eu.acme.com", "de:de.eu.acme.com"] },
      { domain: "eu.acme.com", holder: "eu", contenders: ["de:de.eu.acme.com"] },
    ]);
  });

  it("represents each partner by its earliest claim involved", () => {
    const [conflict] = detectDomainConflicts([
      { partnerId: "acme", domain: "acme.com", claimedAt: 5, matchSubdomains: true },
      { partnerId: "rival", domain: "x.acme.com", claimedAt: 9 },
      { partnerId: "rival", domain: "y.acme.com", claimedAt: 7 },
    ]);
    expect(conflict?.contenders).toEqual([
      { partnerId: "rival", domain: "y.acme.com", claimedAt: 7, matchSubdomains: false },
    ]);
    expect(conflict?.message).toBe(
      'acme.com is already claimed by partner "acme"; partner "rival" cannot claim it or a domain under it.',
    );
  });

  it("sorts conflicts by domain", () => {
    const claims = ["zeta.io", "acme.com", "m.org"].flatMap((domain) => [
      { partnerId: "a", domain, claimedAt: 1 },
      { partnerId: "b", domain, claimedAt: 2 },
    ]);
    expect(detectDomainConflicts(claims).map((c) => c.domain)).toEqual([
      "acme.com",
      "m.org",
      "zeta.io",
    ]);
  });

  it("canonicalises through parseEmailDomain and skips what it refuses", () => {
    expect(
      summary([
        { partnerId: "a", domain: "bücher.de", claimedAt: 1 },
        { partnerId: "b", domain: "xn--bcher-kva.de", claimedAt: 2 },
        { partnerId: "c", domain: "com", claimedAt: 0, matchSubdomains: true },
        { partnerId: "d", domain: "https://acme.com", claimedAt: 0 },
        { partnerId: "e", domain: "https://acme.com", claimedAt: 0 },
      ]),
    ).toEqual([{ domain: "xn--bcher-kva.de", holder: "a", contenders: ["b:xn--bcher-kva.de"] }]);
  });

  it("never throws on input that is not what the types promise", () => {
    const odd: unknown[] = [undefined, null, 0, "acme.com", {}, [null, 1, { domain: 5 }]];
    for (const value of odd) {
      expect(detectDomainConflicts(value as Iterable<DomainClaim>)).toEqual([]);
    }
  });
});

describe("detectDomainConflicts: order of the claims", () => {
  it("names the earlier claim the holder, whichever comes first", () => {
    const early = { partnerId: "acme", domain: "acme.com", claimedAt: 1 };
    const late = { partnerId: "rival", domain: "acme.com", claimedAt: 2 };
    const holders = [
      detectDomainConflicts([early, late]),
      detectDomainConflicts([late, early]),
    ].map((list) => list.map((c) => c.holder.partnerId));
    expect(holders).toEqual([["acme"], ["acme"]]);
  });
});
