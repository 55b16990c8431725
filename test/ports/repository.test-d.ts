import { describe, expectTypeOf, it } from "vitest";
import type { Partner } from "../../src/model.js";
import type {
  AssignmentRecord,
  ClaimDomainOutcome,
  LinkEmailOutcome,
  PartnerAccessRepository,
  UserRecord,
  Versioned,
  VersionedWrite,
} from "../../src/ports/repository.js";
import { createInMemoryRepository } from "../../src/testing/index.js";

describe("PartnerAccessRepository types", () => {
  it("is async, with outcomes keyed by status", () => {
    expectTypeOf<PartnerAccessRepository["claimDomain"]>().returns.toEqualTypeOf<
      Promise<ClaimDomainOutcome>
    >();
    expectTypeOf<ClaimDomainOutcome["status"]>().toEqualTypeOf<
      "claimed" | "already_ours" | "held_by_other"
    >();
    expectTypeOf<LinkEmailOutcome["status"]>().toEqualTypeOf<
      "linked" | "already_ours" | "held_by_other"
    >();
    expectTypeOf<
      Extract<LinkEmailOutcome, { status: "held_by_other" }>["holder"]["partnerId"]
    >().toEqualTypeOf<string>();
  });

  it("takes an expected version on every versioned write", () => {
    expectTypeOf<PartnerAccessRepository["savePartner"]>().parameters.toEqualTypeOf<
      [Partner, number | null]
    >();
    expectTypeOf<PartnerAccessRepository["savePartner"]>().returns.toEqualTypeOf<
      Promise<VersionedWrite<Versioned<Partner>>>
    >();
    expectTypeOf<PartnerAccessRepository["saveUser"]>().returns.toEqualTypeOf<
      Promise<VersionedWrite<UserRecord>>
    >();
    expectTypeOf<PartnerAccessRepository["updateAssignment"]>().parameters.toEqualTypeOf<
      [string, AssignmentRecord["value"], number]
    >();
    expectTypeOf<VersionedWrite<UserRecord>["status"]>().toEqualTypeOf<
      "written" | "version_conflict"
    >();
  });

  it("has an optional transaction", () => {
    expectTypeOf<PartnerAccessRepository>().toHaveProperty("transaction");
    // @ts-expect-error: a repository may omit it, so it may be undefined
    const t: NonNullable<PartnerAccessRepository["transaction"]> = ({} as PartnerAccessRepository)
      .transaction;
    void t;
  });

  it("is implemented by the in-memory repository", () => {
    expectTypeOf(createInMemoryRepository()).toMatchTypeOf<PartnerAccessRepository>();
  });
});
