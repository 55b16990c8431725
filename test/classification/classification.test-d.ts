import { describe, expectTypeOf, it } from "vitest";
import {
  type Classification,
  type ClassificationCounts,
  type ClassificationKind,
  type ClassifyUserOptions,
  type ClassifyUsersResult,
  type ClientAccessManagerReason,
  classifyUser,
  classifyUsers,
} from "../../src/classification/classify-user.js";
import {
  type PartnerSeatEligibility,
  type PartnerSeatIneligibilityReason,
  partnerSeatEligibility,
} from "../../src/classification/partner-seat.js";
import {
  type ClientAccessManagerUser,
  type EmployeeDomainStatus,
  type EmployeeDomainSuggestion,
  type EmployeeDomainWarning,
  employeeDomainStatus,
  suggestEmployeeDomain,
} from "../../src/classification/suggest-domain.js";
import type { EmailIssue } from "../../src/domain/email-address.js";
import type { EmailDomain } from "../../src/domain/email-domain.js";
import type { Partner, PartnerUser } from "../../src/model.js";

declare const partner: Partner;
declare const users: PartnerUser[];

describe("classification types", () => {
  it("keeps the published signatures", () => {
    expectTypeOf(classifyUser).parameters.toEqualTypeOf<
      [unknown, Partner, (ClassifyUserOptions | undefined)?]
    >();
    expectTypeOf(classifyUser).returns.toEqualTypeOf<Classification>();
    expectTypeOf(classifyUsers).parameter(0).toEqualTypeOf<Iterable<PartnerUser>>();
    expectTypeOf(classifyUsers).returns.toEqualTypeOf<ClassifyUsersResult>();
    expectTypeOf(partnerSeatEligibility).parameter(0).toEqualTypeOf<PartnerUser>();
    expectTypeOf(partnerSeatEligibility).returns.toEqualTypeOf<PartnerSeatEligibility>();
    expectTypeOf(suggestEmployeeDomain).parameter(0).toEqualTypeOf<Iterable<unknown>>();
    expectTypeOf(suggestEmployeeDomain([])).toEqualTypeOf<EmployeeDomainSuggestion | null>();
    expectTypeOf(employeeDomainStatus).returns.toEqualTypeOf<EmployeeDomainStatus>();
  });

  it("narrows a Classification by kind", () => {
    const c = classifyUser("jane@acme.com", partner);
    expectTypeOf<ClassificationKind>().toEqualTypeOf<
      "domain_match" | "client_access_manager" | "invalid_email"
    >();
    if (c.kind === "domain_match") {
      expectTypeOf(c.matchedDomain).toEqualTypeOf<EmailDomain>();
      // @ts-expect-error only client_access_manager has a reason
      c.reason;
    } else if (c.kind === "client_access_manager") {
      expectTypeOf(c.reason).toEqualTypeOf<ClientAccessManagerReason>();
      expectTypeOf<ClientAccessManagerReason>().toEqualTypeOf<
        "different_domain" | "shared_domain" | "partner_has_no_domain"
      >();
    } else {
      expectTypeOf(c.kind).toEqualTypeOf<"invalid_email">();
      expectTypeOf(c.error).toEqualTypeOf<EmailIssue>();
    }
  });

  it("makes classifications and counts readonly", () => {
    const c = classifyUser("jane@acme.com", partner);
    // @ts-expect-error classifications are readonly
    c.kind = "invalid_email";
    const r = classifyUsers(users, partner);
    expectTypeOf(r.classifications).toEqualTypeOf<readonly Classification[]>();
    expectTypeOf(r.counts).toEqualTypeOf<ClassificationCounts>();
    expectTypeOf(r.counts.byReason.shared_domain).toEqualTypeOf<number>();
    // @ts-expect-error counts are readonly
    r.counts.total = 0;
  });

  it("narrows Partner Seat eligibility, with a non-empty list of reasons", () => {
    const e = partnerSeatEligibility(users[0]!, partner);
    if (e.eligible) {
      // @ts-expect-error an eligible user has no reasons
      e.reasons;
    } else {
      expectTypeOf(e.reasons[0]).toEqualTypeOf<PartnerSeatIneligibilityReason>();
    }
    expectTypeOf<PartnerSeatIneligibilityReason>().toEqualTypeOf<
      "not_in_partner_account" | "not_tagged" | "domain_mismatch"
    >();
  });

  it("narrows the employee-domain status", () => {
    const s = employeeDomainStatus(partner, users);
    expectTypeOf(s.clientAccessManagerUsers).toEqualTypeOf<readonly ClientAccessManagerUser[]>();
    if (s.status === "missing") {
      expectTypeOf(s.remindersContinue).toEqualTypeOf<true>();
      expectTypeOf(s.warning).toEqualTypeOf<null>();
    } else {
      expectTypeOf(s.remindersContinue).toEqualTypeOf<false>();
      expectTypeOf(s.warning).toEqualTypeOf<EmployeeDomainWarning | null>();
      if (s.warning !== null) {
        expectTypeOf(s.warning.code).toEqualTypeOf<"suggested_domain_not_set">();
        expectTypeOf(s.warning.suggestion.domain).toEqualTypeOf<EmailDomain>();
      }
    }
  });
});
