import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  type DomainClaim,
  type DomainConflictParty,
  detectDomainConflicts,
} from "../../src/conflicts/domain-conflicts.js";
import { parseEmailDomain } from "../../src/domain/email-domain.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

// A small family of related names, so that equal domains (in several
// spellings), parents, grandchildren and look-alike suffixes are frequent.
const domains = [
  "acme.com",
  "ACME.com.",
  "eu.acme.com",
  "de.eu.acme.com",
  "x.de.eu.acme.com",
  "b.acme.com",
  "notacme.com",
  "acme.com.evil.io",
  "evil.io",
  "co.uk",
  "shop.co.uk",
  "com",
  "bücher.de",
  "xn--bcher-kva.de",
  "not a domain",
];

const claimArb: fc.Arbitrary<DomainClaim> = fc.record(
  {
    partnerId: fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom("a", "b", "c", "B") },
      fc.constant(""),
    ),
    domain: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...domains) }, fc.domain()),
    claimedAt: fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: 0, max: 4 }) },
      fc.constantFrom(-0, Number.NaN),
    ),
    matchSubdomains: fc.boolean(),
  },
  { requiredKeys: ["partnerId", "domain", "claimedAt"] },
);
const claimsArb = fc.array(claimArb, { maxLength: 25, size: "medium" });

// ---- naive quadratic oracle ----

function oracleParties(claims: readonly DomainClaim[]): DomainConflictParty[] {
  return claims.flatMap((c) => {
    if (typeof c.partnerId !== "string" || c.partnerId === "") return [];
    if (!Number.isFinite(c.claimedAt)) return [];
    const parsed = parseEmailDomain(c.domain);
    if (!parsed.ok) return [];
    return [
      {
        partnerId: c.partnerId,
        domain: parsed.value,
        claimedAt: c.claimedAt === 0 ? 0 : c.claimedAt,
        matchSubdomains: c.matchSubdomains === true,
      },
    ];
  });
}

const before = (x: DomainConflictParty, y: DomainConflictParty) =>
  x.claimedAt !== y.claimedAt
    ? x.claimedAt < y.claimedAt
    : x.partnerId !== y.partnerId
      ? x.partnerId < y.partnerId
      : x.domain !== y.domain
        ? x.domain < y.domain
        : x.matchSubdomains && !y.matchSubdomains;

function oracle(claims: readonly DomainClaim[]) {
  const parties = oracleParties(claims);
  const names = [...new Set(parties.map((p) => p.domain))].sort();
  const conflicts = [];
  for (const domain of names) {
    const wildcard = parties.some((p) => p.domain === domain && p.matchSubdomains);
    const involved = parties.filter(
      (p) => p.domain === domain || (wildcard && p.domain.endsWith(`.${domain}`)),
    );
    const ids = [...new Set(involved.map((p) => p.partnerId))];
    if (ids.length < 2) continue;
    const [holder, ...contenders] = ids
      .map((id) =>
        involved.filter((p) => p.partnerId === id).reduce((x, y) => (before(y, x) ? y : x)),
      )
      .sort((x, y) => (before(x, y) ? -1 : 1));
    conflicts.push({ code: "domain_claimed_by_another_partner", domain, holder, contenders });
  }
  return conflicts;
}

function withoutMessages(claims: readonly DomainClaim[]) {
  return detectDomainConflicts(claims).map(({ message: _m, ...rest }) => rest);
}

describe("detectDomainConflicts properties", () => {
  it("agrees exactly with a naive quadratic oracle", () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        expect(withoutMessages(claims)).toEqual(oracle(claims));
      }),
    );
  });

  it("does not depend on the order of the input", () => {
    const arb = claimsArb.chain((claims) =>
      fc.tuple(fc.constant(claims), fc.shuffledSubarray(claims, { minLength: claims.length })),
    );
    fc.assert(
      fc.property(arb, ([claims, shuffled]) => {
        expect(detectDomainConflicts(shuffled)).toEqual(detectDomainConflicts(claims));
      }),
    );
  });

  it("gives every conflict one holder and distinct contenders at or under its domain", () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        for (const conflict of detectDomainConflicts(claims)) {
          expect(conflict.contenders.length).toBeGreaterThanOrEqual(1);
          const parties = [conflict.holder, ...conflict.contenders];
          expect(new Set(parties.map((p) => p.partnerId)).size).toBe(parties.length);
          for (const p of parties) {
            expect(p.domain === conflict.domain || p.domain.endsWith(`.${conflict.domain}`)).toBe(
              true,
            );
          }
          for (const c of conflict.contenders) {
            expect(before(conflict.holder, c)).toBe(true);
          }
        }
      }),
    );
  });

  it("leaves no conflict once every contender's claims in the contested tree are removed", () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const conflicts = detectDomainConflicts(claims);
        const rest = claims.filter((claim) => {
          const [party] = oracleParties([claim]);
          if (party === undefined) return true;
          return !conflicts.some(
            (c) =>
              c.contenders.some((p) => p.partnerId === party.partnerId) &&
              (party.domain === c.domain || party.domain.endsWith(`.${c.domain}`)),
          );
        });
        expect(detectDomainConflicts(rest)).toEqual([]);
      }),
    );
  });

  it("never throws, whatever the input", () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    const looseClaim = fc.record(
      {
        partnerId: fc.oneof(fc.constantFrom("a", "b"), anything),
        domain: fc.oneof(fc.constantFrom(...domains), anything),
        claimedAt: fc.oneof(fc.integer({ min: 0, max: 2 }), anything),
        matchSubdomains: fc.oneof(fc.boolean(), anything),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(anything, fc.array(fc.oneof(anything, looseClaim))), (input) => {
        expect(Array.isArray(detectDomainConflicts(input as DomainClaim[]))).toBe(true);
      }),
    );
  });
});
