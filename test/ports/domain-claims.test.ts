import { describe, expect, it } from "vitest";
import { domainFamily, findClaimOverlap, isSubdomainOf } from "../../src/ports/domain-claims.js";

const never = <T>(value: unknown): T => value as T;
const held = { domain: "acme.com", partnerId: "rival", claimedAt: 1, matchSubdomains: true };

// Found by the hostile-input suite: these helpers threw a TypeError on a
// non-string domain or a claims list that is not iterable.
describe("the claim helpers on malformed input", () => {
  it("domainFamily answers '' for a non-string", () => {
    expect(domainFamily(never(undefined))).toBe("");
    expect(domainFamily(never({ __proto__: null }))).toBe("");
    expect(domainFamily("a.eu.acme.com")).toBe("acme.com");
  });

  it("isSubdomainOf answers false when either side is not a string", () => {
    expect(isSubdomainOf(never([]), "acme.com")).toBe(false);
    expect(isSubdomainOf("eu.acme.com", never(42))).toBe(false);
    expect(isSubdomainOf("eu.acme.com", "acme.com")).toBe(true);
  });

  it("findClaimOverlap answers null for a malformed claim or list, and skips malformed entries", () => {
    expect(findClaimOverlap(never(null), [held])).toBeNull();
    expect(findClaimOverlap(never({ domain: 1, partnerId: "acme" }), [held])).toBeNull();
    const claim = { domain: "eu.acme.com", partnerId: "acme", matchSubdomains: false };
    expect(findClaimOverlap(claim, never(new Set()))).toBeNull();
    expect(findClaimOverlap(claim, never({}))).toBeNull();
    expect(findClaimOverlap(claim, never([null, 42, { domain: 7 }, held]))).toBe(held);
  });
});

describe("isSubdomainOf", () => {
  it("is true only strictly under the ancestor, after a dot", () => {
    expect(isSubdomainOf("eu.acme.com", "acme.com")).toBe(true);
    expect(isSubdomainOf("x.acme.com", "acme.com")).toBe(true);
    expect(isSubdomainOf("a.b.acme.com", "acme.com")).toBe(true);
    expect(isSubdomainOf("acme.com", "acme.com")).toBe(false);
    expect(isSubdomainOf(".acme.com", "acme.com")).toBe(false);
    expect(isSubdomainOf("notacme.com", "acme.com")).toBe(false);
    expect(isSubdomainOf("xxacme.com", "acme.com")).toBe(false);
    expect(isSubdomainOf("acme.com.evil.io", "acme.com")).toBe(false);
    expect(isSubdomainOf("acme.com", "eu.acme.com")).toBe(false);
  });

  // String objects and arrays have a length and coerce to text, so only the
  // type checks keep them out.
  it("is false for a String object or an array on either side, even one that reads as the domain", () => {
    expect(isSubdomainOf("eu.acme.com", never(new String("acme.com")))).toBe(false);
    expect(isSubdomainOf(never(new String("eu.acme.com")), "acme.com")).toBe(false);
    expect(isSubdomainOf("x.a", never(["a"]))).toBe(false);
    expect(isSubdomainOf("eu.acme.com", never({ length: 8, toString: () => "acme.com" }))).toBe(
      false,
    );
    expect(isSubdomainOf(never(undefined), never(undefined))).toBe(false);
  });
});

describe("findClaimOverlap: which overlap is reported", () => {
  // rule: of several descendants, the first in binary order; of two on the
  // same domain (a list a store would never hold, but the helper takes any),
  // the first listed, so the answer does not flip with later entries.
  it("reports the first listed of two other partners' descendants on the same domain", () => {
    const first = { domain: "eu.acme.com", partnerId: "b", claimedAt: 1, matchSubdomains: false };
    const second = { ...first, partnerId: "c", claimedAt: 2 };
    const claim = { domain: "acme.com", partnerId: "a", matchSubdomains: true };
    expect(findClaimOverlap(claim, [first, second])).toBe(first);
    expect(findClaimOverlap(claim, [second, first])).toBe(second);
  });
});
