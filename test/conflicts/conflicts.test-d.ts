import { describe, expectTypeOf, it } from "vitest";
import {
  type DetectDomainConflictsOptions,
  type DomainClaim,
  type DomainConflict,
  type DomainConflictParty,
  detectDomainConflicts,
} from "../../src/conflicts/domain-conflicts.js";
import {
  type AskHolderToRemoveAccessResolution,
  checkEmailLink,
  type DomainAddressUnavailableReason,
  detectEmailConflicts,
  type EmailConflict,
  type EmailConflictOptions,
  type EmailConflictParty,
  type EmailConflictResolution,
  type UseDifferentAddressResolution,
  type UsePartnerDomainAddressResolution,
} from "../../src/conflicts/email-conflicts.js";
import type { Assignment, ClientId, Partner } from "../../src/model.js";
import type { IssueBase, Result } from "../../src/result.js";

describe("email conflict types", () => {
  it("keeps the signatures of design 2.4", () => {
    expectTypeOf(detectEmailConflicts).parameters.toEqualTypeOf<
      [Iterable<Assignment>, (Iterable<Partner> | undefined)?, (EmailConflictOptions | undefined)?]
    >();
    expectTypeOf(detectEmailConflicts).returns.toEqualTypeOf<EmailConflict[]>();
    expectTypeOf(checkEmailLink).parameters.toEqualTypeOf<
      [
        Iterable<Assignment>,
        Assignment,
        (Partner | undefined)?,
        (EmailConflictOptions | undefined)?,
      ]
    >();
    expectTypeOf(checkEmailLink).returns.toEqualTypeOf<Result<void, EmailConflict>>();
  });

  it("shapes an EmailConflict as an issue with a literal code", () => {
    expectTypeOf<EmailConflict>().toExtend<IssueBase>();
    expectTypeOf<EmailConflict["code"]>().toEqualTypeOf<"email_linked_to_another_partner">();
    expectTypeOf<EmailConflict["clientId"]>().toEqualTypeOf<ClientId>();
    expectTypeOf<EmailConflict["holder"]>().toEqualTypeOf<EmailConflictParty>();
    expectTypeOf<EmailConflict["contenders"]>().toEqualTypeOf<readonly EmailConflictParty[]>();
    expectTypeOf<EmailConflict["resolutions"]>().toEqualTypeOf<
      readonly EmailConflictResolution[]
    >();
  });

  it("keys resolutions by kind, and narrows on it", () => {
    expectTypeOf<EmailConflictResolution["kind"]>().toEqualTypeOf<
      "ask_holder_to_remove_access" | "use_partner_domain_address" | "use_different_address"
    >();
    expectTypeOf<
      Extract<EmailConflictResolution, { kind: "ask_holder_to_remove_access" }>
    >().toEqualTypeOf<AskHolderToRemoveAccessResolution>();
    expectTypeOf<
      Extract<EmailConflictResolution, { kind: "use_different_address" }>
    >().toEqualTypeOf<UseDifferentAddressResolution>();
    expectTypeOf<UsePartnerDomainAddressResolution["suggestedAddress"]>().toEqualTypeOf<
      string | null
    >();
    // A suggestion without an address always says why.
    expectTypeOf<
      Extract<UsePartnerDomainAddressResolution, { suggestedAddress: null }>["reason"]
    >().toEqualTypeOf<DomainAddressUnavailableReason>();
  });

  it("narrows a refused link to its conflict", () => {
    const result = checkEmailLink([], {} as Assignment);
    if (!result.ok) expectTypeOf(result.error).toEqualTypeOf<EmailConflict>();
    else expectTypeOf(result.value).toEqualTypeOf<void>();
  });

  it("refuses what is not an assignment at compile time", () => {
    // @ts-expect-error the email is required
    detectEmailConflicts([{ partnerId: "a", clientId: 1, status: "active", assignedAt: 0 }]);
    const paused = { partnerId: "a", clientId: 1, email: "x", status: "paused", assignedAt: 0 };
    // @ts-expect-error statuses are a closed set
    checkEmailLink([], paused);
  });
});

describe("domain conflict types", () => {
  it("keeps the signature of design 2.4", () => {
    expectTypeOf(detectDomainConflicts).parameters.toEqualTypeOf<
      [Iterable<DomainClaim>, (DetectDomainConflictsOptions | undefined)?]
    >();
    expectTypeOf(detectDomainConflicts).returns.toEqualTypeOf<DomainConflict[]>();
    expectTypeOf<DomainConflict["code"]>().toEqualTypeOf<"domain_claimed_by_another_partner">();
    expectTypeOf<DomainConflict["holder"]>().toEqualTypeOf<DomainConflictParty>();
    expectTypeOf<DomainConflictParty["matchSubdomains"]>().toEqualTypeOf<boolean>();
  });

  it("accepts claims without matchSubdomains", () => {
    expectTypeOf({ partnerId: "a", domain: "acme.com", claimedAt: 0 }).toExtend<DomainClaim>();
  });
});
