import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDomainConflicts } from "../../src/conflicts/domain-conflicts.js";
import { domainFamily, findClaimOverlap, isSubdomainOf } from "../../src/ports/domain-claims.js";
import type { DomainClaimRecord } from "../../src/ports/repository.js";

// Domains from a few labels over two families, so that ancestors,
// descendants and repeats are common.
const domain = fc
  .tuple(
    fc.array(fc.constantFrom("a", "b", "eu", "x-1"), { maxLength: 3 }),
    fc.constantFrom("acme.com", "acme.co", "acme.com.evil.io"),
  )
  .map(([labels, base]) => [...labels, base].join("."));
const claim = fc.record({
  domain,
  partnerId: fc.constantFrom("p", "q", "r"),
  claimedAt: fc.integer({ min: 0, max: 5 }),
  matchSubdomains: fc.boolean(),
});

// The rule in words: other partners, and the same domain, or one under the
// other where the upper one matches subdomains.
function overlaps(c: DomainClaimRecord, o: DomainClaimRecord): boolean {
  if (c.partnerId === o.partnerId) return false;
  return (
    c.domain === o.domain ||
    (o.matchSubdomains && c.domain.endsWith(`.${o.domain}`)) ||
    (c.matchSubdomains && o.domain.endsWith(`.${c.domain}`))
  );
}

// What a store would hold: claims stored one by one when nothing overlapped.
function stored(claims: readonly DomainClaimRecord[]): DomainClaimRecord[] {
  const kept: DomainClaimRecord[] = [];
  for (const c of claims) if (!kept.some((o) => overlaps(c, o))) kept.push(c);
  return kept;
}

describe("findClaimOverlap", () => {
  it("finds an overlap exactly when detectDomainConflicts would report one", () => {
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 12 }), claim, (claims, next) => {
        const held = stored(claims);
        const overlap = findClaimOverlap(next, held);
        const conflicts = detectDomainConflicts([...held, next]);
        expect(overlap === null).toBe(conflicts.length === 0);
      }),
      { numRuns: 2_000 },
    );
  });

  it("reports the same domain, else the closest ancestor, else the first descendant", () => {
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 12 }), claim, (claims, next) => {
        const held = stored(claims);
        const over = held.filter((o) => overlaps(next, o));
        const same = over.find((o) => o.domain === next.domain);
        const ancestors = over
          .filter((o) => next.domain.endsWith(`.${o.domain}`))
          .sort((a, b) => b.domain.length - a.domain.length);
        const descendants = over
          .filter((o) => o.domain.endsWith(`.${next.domain}`))
          .sort((a, b) => (a.domain < b.domain ? -1 : 1));
        const expected = same ?? ancestors[0] ?? descendants[0] ?? null;
        expect(findClaimOverlap(next, held)).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it("never reports a claim of the same partner", () => {
    const own = { domain: "acme.com", partnerId: "p", claimedAt: 1, matchSubdomains: true };
    expect(findClaimOverlap({ ...own, domain: "eu.acme.com" }, [own])).toBeNull();
  });
});

describe("domainFamily", () => {
  it("is shared by a domain and every domain under it", () => {
    fc.assert(
      fc.property(domain, domain, (a, b) => {
        if (isSubdomainOf(a, b) || a === b) expect(domainFamily(a)).toBe(domainFamily(b));
      }),
      { numRuns: 2_000 },
    );
  });

  it("is the last two labels", () => {
    expect(domainFamily("a.eu.acme.com")).toBe("acme.com");
    expect(domainFamily("acme.com")).toBe("acme.com");
    expect(domainFamily("x.acme.co.uk")).toBe("co.uk");
  });
});

describe("isSubdomainOf", () => {
  it("needs a dot before the ancestor", () => {
    expect(isSubdomainOf("eu.acme.com", "acme.com")).toBe(true);
    expect(isSubdomainOf("notacme.com", "acme.com")).toBe(false);
    expect(isSubdomainOf("acme.com", "acme.com")).toBe(false);
    expect(isSubdomainOf("acme.com.evil.io", "acme.com")).toBe(false);
  });
});
