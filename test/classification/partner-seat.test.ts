import { describe, expect, it } from "vitest";
import { partnerSeatEligibility } from "../../src/classification/partner-seat.js";
import type { Partner, PartnerUser } from "../../src/model.js";

const acme: Partner = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] };
const jane: PartnerUser = { partnerId: "acme", email: "Jane@ACME.com", tagged: true };

describe("partnerSeatEligibility", () => {
  it("is eligible when the user is in the account, tagged and on the employee domain", () => {
    expect(partnerSeatEligibility(jane, acme)).toEqual({ eligible: true });
    expect(partnerSeatEligibility({ ...jane, inPartnerAccount: true }, acme)).toEqual({
      eligible: true,
    });
  });

  it("gives both reasons to a user missing the tag and on the wrong domain", () => {
    expect(
      partnerSeatEligibility({ ...jane, tagged: false, email: "jane@gmail.com" }, acme),
    ).toEqual({ eligible: false, reasons: ["not_tagged", "domain_mismatch"] });
  });

  it("lists every failing reason in the fixed order", () => {
    expect(
      partnerSeatEligibility(
        { partnerId: "acme", email: "jane@northwind.io", tagged: false, inPartnerAccount: false },
        acme,
      ),
    ).toEqual({
      eligible: false,
      reasons: ["not_in_partner_account", "not_tagged", "domain_mismatch"],
    });
  });

  it("refuses each rule on its own", () => {
    expect(partnerSeatEligibility({ ...jane, inPartnerAccount: false }, acme)).toEqual({
      eligible: false,
      reasons: ["not_in_partner_account"],
    });
    expect(partnerSeatEligibility({ ...jane, tagged: false }, acme)).toEqual({
      eligible: false,
      reasons: ["not_tagged"],
    });
    expect(partnerSeatEligibility({ ...jane, email: "jane@eu.acme.com" }, acme)).toEqual({
      eligible: false,
      reasons: ["domain_mismatch"],
    });
  });

  it("counts a subdomain only when the partner matches subdomains", () => {
    const user = { ...jane, email: "jane@eu.acme.com" };
    expect(partnerSeatEligibility(user, { ...acme, matchSubdomains: true })).toEqual({
      eligible: true,
    });
  });

  it("treats a user of another partner as not in this partner's account", () => {
    expect(partnerSeatEligibility({ ...jane, partnerId: "northwind" }, acme)).toEqual({
      eligible: false,
      reasons: ["not_in_partner_account"],
    });
  });

  it("refuses a seat to everyone while the partner has no domain", () => {
    expect(partnerSeatEligibility(jane, { ...acme, employeeDomains: [] })).toEqual({
      eligible: false,
      reasons: ["domain_mismatch"],
    });
  });

  it("counts an invalid address as a domain mismatch", () => {
    expect(partnerSeatEligibility({ ...jane, email: "jane" }, acme)).toEqual({
      eligible: false,
      reasons: ["domain_mismatch"],
    });
  });

  it("fails every rule for garbage instead of throwing", () => {
    const all = {
      eligible: false,
      reasons: ["not_in_partner_account", "not_tagged", "domain_mismatch"],
    };
    expect(partnerSeatEligibility(undefined as unknown as PartnerUser, acme)).toEqual(all);
    expect(partnerSeatEligibility(jane, null as unknown as Partner)).toEqual({
      eligible: false,
      reasons: ["not_in_partner_account", "domain_mismatch"],
    });
    // a user and a partner that both lack a partnerId are not the same account
    expect(
      partnerSeatEligibility(
        { email: "jane@acme.com", tagged: true } as unknown as PartnerUser,
        { employeeDomains: ["acme.com"] } as unknown as Partner,
      ),
    ).toEqual({ eligible: false, reasons: ["not_in_partner_account"] });
    // only tagged === true is a tag
    expect(
      partnerSeatEligibility({ ...jane, tagged: "yes" } as unknown as PartnerUser, acme),
    ).toEqual({ eligible: false, reasons: ["not_tagged"] });
  });
});
