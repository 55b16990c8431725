import { describe, expectTypeOf, it } from "vitest";
import type { Actor, ClientActor } from "../../src/access/authorization.js";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import type { Result } from "../../src/result.js";
import type {
  AssignClientServiceError,
  AssignItemError,
  EmailConflictRefusal,
  ServiceError,
  SetEmployeeDomainsError,
} from "../../src/service/errors.js";
import type { PartnerAccessEvent, PartnerAccessEventType } from "../../src/service/events.js";
import {
  type AssignedClient,
  createPartnerAccessService,
  type PartnerAccessService,
  type PartnerAccessServiceOptions,
  type ServiceResult,
} from "../../src/service/partner-access-service.js";

declare const service: PartnerAccessService;
declare const actor: Actor;
declare const clientActor: ClientActor;

describe("service types", () => {
  it("takes a repository, and optionally a clock and shared domains", () => {
    expectTypeOf(createPartnerAccessService)
      .parameter(0)
      .toEqualTypeOf<PartnerAccessServiceOptions>();
    expectTypeOf<
      PartnerAccessServiceOptions["repository"]
    >().toEqualTypeOf<PartnerAccessRepository>();
    expectTypeOf<PartnerAccessServiceOptions["clock"]>().toEqualTypeOf<
      (() => number) | undefined
    >();
    expectTypeOf(createPartnerAccessService).returns.toEqualTypeOf<PartnerAccessService>();
  });

  it("returns Result<{ …, events }, error> from every use case", () => {
    expectTypeOf(service.assignClient).returns.toEqualTypeOf<
      Promise<ServiceResult<AssignedClient, AssignClientServiceError>>
    >();
    expectTypeOf<ServiceResult<AssignedClient, AssignClientServiceError>>().toEqualTypeOf<
      Result<AssignedClient & { readonly events: PartnerAccessEvent[] }, AssignClientServiceError>
    >();
    for (const name of [
      "setEmployeeDomains",
      "tagEmployee",
      "untagEmployee",
      "assignClient",
      "assignClients",
      "assignEmployees",
      "grantPortalAccess",
      "removeClientAccess",
      "removeEmployee",
      "removeEmployeesAccess",
      "removePartnerUser",
      "addPartnerUser",
      "savePartnerAccount",
      "listPartnerEmployees",
      "getEmployeeDomainStatus",
      "previewEmployeeDomains",
      "expireDueAssignments",
      "remindersDue",
      "attributeCredit",
    ] as const) {
      expectTypeOf(service[name]).returns.resolves.toHaveProperty("ok");
    }
  });

  it("types each use case's errors, all within ServiceError", () => {
    expectTypeOf<AssignClientServiceError>().toMatchTypeOf<ServiceError>();
    expectTypeOf<SetEmployeeDomainsError>().toMatchTypeOf<ServiceError>();
    expectTypeOf<AssignItemError>().toMatchTypeOf<ServiceError>();
    expectTypeOf<"email_linked_to_another_partner">().toMatchTypeOf<
      AssignClientServiceError["code"]
    >();
    expectTypeOf<"repository_failure">().toMatchTypeOf<AssignClientServiceError["code"]>();
    expectTypeOf<"forbidden">().toMatchTypeOf<AssignClientServiceError["code"]>();
    expectTypeOf<"domain_claimed_by_another_partner">().toMatchTypeOf<
      SetEmployeeDomainsError["code"]
    >();
    expectTypeOf<EmailConflictRefusal["events"]>().toEqualTypeOf<PartnerAccessEvent[]>();
    expectTypeOf<Extract<ServiceError, { code: "repository_failure" }>["cause"]>().toBeUnknown();
  });

  it("says invalid_request with issues, no field", () => {
    type InvalidRequest = Extract<ServiceError, { code: "invalid_request" }>;
    expectTypeOf<InvalidRequest["issues"][number]["code"]>().toEqualTypeOf<
      | "invalid_record"
      | "invalid_list"
      | "invalid_partner_id"
      | "invalid_client_id"
      | "invalid_timestamp"
      | "invalid_email"
      | "invalid_period"
    >();
    expectTypeOf<InvalidRequest>().not.toHaveProperty("field");
    expectTypeOf<"domain_not_verified">().toMatchTypeOf<SetEmployeeDomainsError["code"]>();
    expectTypeOf<"user_already_exists">().toMatchTypeOf<ServiceError["code"]>();
  });

  it("takes requireDomainProof and verifications", () => {
    expectTypeOf<PartnerAccessServiceOptions["requireDomainProof"]>().toEqualTypeOf<
      boolean | undefined
    >();
    void service.setEmployeeDomains({
      actor,
      partnerId: "acme",
      domains: ["acme.com"],
      verifications: [
        { status: "verified", domain: "acme.com" as never, verifiedAt: 1, partnerId: "acme" },
      ],
    });
  });

  it("has the event types of expiry and accounts", () => {
    expectTypeOf<
      | "assignment_expired"
      | "assignment_expiry_reminder_due"
      | "partner_saved"
      | "partner_user_added"
    >().toMatchTypeOf<PartnerAccessEventType>();
  });

  it("keys events by type, each with at and actor", () => {
    expectTypeOf<PartnerAccessEventType>().toMatchTypeOf<string>();
    expectTypeOf<"email_conflict_refused">().toMatchTypeOf<PartnerAccessEventType>();
    expectTypeOf<PartnerAccessEvent["at"]>().toEqualTypeOf<number>();
    expectTypeOf<PartnerAccessEvent["actor"]>().toEqualTypeOf<Actor | ClientActor>();
    expectTypeOf<
      Extract<PartnerAccessEvent, { type: "email_conflict_refused" }>["holder"]["partnerId"]
    >().toEqualTypeOf<string>();
  });

  it("takes a client's actor for portal access, a partner's elsewhere", () => {
    void service.grantPortalAccess({
      actor: clientActor,
      partnerId: "acme",
      clientId: 42,
      email: "a@b.io",
    });
    // @ts-expect-error: a partner's user cannot grant access to a client's portal
    void service.grantPortalAccess({ actor, partnerId: "acme", clientId: 42, email: "a@b.io" });
    // @ts-expect-error: removing access needs the confirmation
    void service.removeClientAccess({ actor, partnerId: "acme", clientId: 42, email: "a@b.io" });
  });
});
