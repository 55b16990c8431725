import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEmailAddress, parsePartnerEmployeeDomain } from "../../src/index.js";
import { arbitraries } from "../../src/testing/index.js";

describe("testing arbitraries", () => {
  it("emailDomain() yields canonical partner employee domains", () => {
    fc.assert(
      fc.property(arbitraries.emailDomain(), (d) => {
        expect(parsePartnerEmployeeDomain(d)).toEqual({ ok: true, value: d });
      }),
    );
  });

  it("emailAddress() yields valid addresses, on a given domain when asked", () => {
    fc.assert(
      fc.property(arbitraries.emailAddress(fc.constant("northwind.io")), (a) => {
        const r = parseEmailAddress(a);
        expect(r.ok && r.value.domain).toBe("northwind.io");
      }),
    );
  });
});
