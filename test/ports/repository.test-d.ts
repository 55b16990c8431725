import { describe, expectTypeOf, it } from "vitest";
import type {
  Activity,
  Assignment,
  Client,
  Partner,
  PartnerUser,
  Period,
} from "../../src/model.js";
import type { checkUserRecord } from "../../src/ports/records.js";
import type {
  ActivityPage,
  AssignmentRecord,
  ClaimDomainOutcome,
  DeleteUserOutcome,
  DomainClaimInput,
  DomainClaimRecord,
  EmailLinkInput,
  InsertAssignmentOutcome,
  InvalidRecord,
  LinkEmailOutcome,
  ListActivitiesOptions,
  PartnerAccessRepository,
  PutClientOutcome,
  RecordActivitiesOutcome,
  RepositoryTransaction,
  UserRecord,
  Versioned,
  VersionedWrite,
} from "../../src/ports/repository.js";
import type { RepositoryMethodName } from "../../src/service/unit-of-work.js";
import { createInMemoryRepository, type InMemoryRepository } from "../../src/testing/index.js";

type Status<T> = T extends { readonly status: infer S } ? S : never;

describe("PartnerAccessRepository types", () => {
  it("has a mandatory transaction whose view cannot nest", () => {
    expectTypeOf<PartnerAccessRepository["transaction"]>().toBeFunction();
    expectTypeOf<PartnerAccessRepository>().toMatchTypeOf<{
      transaction: <T>(fn: (tx: RepositoryTransaction) => Promise<T>) => Promise<T>;
    }>();
    // @ts-expect-error: a transaction has no transaction of its own
    expectTypeOf<RepositoryTransaction["transaction"]>().toBeFunction();
    // a repository without transaction is not a repository any more
    expectTypeOf<
      Omit<PartnerAccessRepository, "transaction">
    >().not.toMatchTypeOf<PartnerAccessRepository>();
    expectTypeOf<PartnerAccessRepository>().toMatchTypeOf<RepositoryTransaction>();
  });

  it("resolves a transaction to what fn resolved to", () => {
    const repository = {} as PartnerAccessRepository;
    expectTypeOf(repository.transaction(async () => 42)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(repository.transaction)
      .parameter(0)
      .parameter(0)
      .toEqualTypeOf<RepositoryTransaction>();
  });

  it("never takes an email key on a write: the store computes it", () => {
    expectTypeOf<RepositoryTransaction["saveUser"]>().parameters.toEqualTypeOf<
      [PartnerUser, number | null]
    >();
    expectTypeOf<RepositoryTransaction["insertAssignment"]>().parameters.toEqualTypeOf<
      [Assignment]
    >();
    expectTypeOf<RepositoryTransaction["linkEmail"]>().parameters.toEqualTypeOf<[EmailLinkInput]>();
    expectTypeOf<EmailLinkInput>().not.toHaveProperty("emailKey");
    expectTypeOf<UserRecord>().toHaveProperty("emailKey").toEqualTypeOf<string>();
    expectTypeOf<ReturnType<typeof checkUserRecord>>().toMatchTypeOf<
      | { ok: true; value: { user: PartnerUser; emailKey: string } }
      | { ok: false; error: InvalidRecord }
    >();
  });

  it("answers every write with a status, malformed records included", () => {
    expectTypeOf<Status<ClaimDomainOutcome>>().toEqualTypeOf<
      "claimed" | "updated" | "already_ours" | "held_by_other" | "invalid_record"
    >();
    expectTypeOf<Status<LinkEmailOutcome>>().toEqualTypeOf<
      "linked" | "already_ours" | "held_by_other" | "invalid_record"
    >();
    expectTypeOf<Status<VersionedWrite<UserRecord>>>().toEqualTypeOf<
      "written" | "version_conflict" | "invalid_record"
    >();
    expectTypeOf<Status<InsertAssignmentOutcome>>().toEqualTypeOf<
      "inserted" | "duplicate" | "invalid_record"
    >();
    expectTypeOf<Status<PutClientOutcome>>().toEqualTypeOf<"written" | "invalid_record">();
    expectTypeOf<Status<RecordActivitiesOutcome>>().toEqualTypeOf<"recorded" | "invalid_record">();
    expectTypeOf<Status<DeleteUserOutcome>>().toEqualTypeOf<"deleted" | "version_conflict">();
    expectTypeOf<
      Extract<LinkEmailOutcome, { status: "held_by_other" }>["holder"]["partnerId"]
    >().toEqualTypeOf<string>();
  });

  it("takes an expected version on every versioned write", () => {
    expectTypeOf<RepositoryTransaction["savePartner"]>().parameters.toEqualTypeOf<
      [Partner, number | null]
    >();
    expectTypeOf<RepositoryTransaction["savePartner"]>().returns.toEqualTypeOf<
      Promise<VersionedWrite<Versioned<Partner>>>
    >();
    expectTypeOf<RepositoryTransaction["updateAssignment"]>().parameters.toEqualTypeOf<
      [string, Assignment, number]
    >();
    expectTypeOf<RepositoryTransaction["updateAssignment"]>().returns.toEqualTypeOf<
      Promise<VersionedWrite<AssignmentRecord>>
    >();
    expectTypeOf<RepositoryTransaction["deleteUser"]>().parameters.toEqualTypeOf<
      [string, string, number]
    >();
  });

  it("claims carry matchSubdomains: optional in, always set out", () => {
    expectTypeOf<DomainClaimInput["matchSubdomains"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<DomainClaimRecord["matchSubdomains"]>().toEqualTypeOf<boolean>();
    expectTypeOf<RepositoryTransaction["claimDomain"]>().parameters.toEqualTypeOf<
      [DomainClaimInput]
    >();
  });

  it("pages activities with an opaque cursor", () => {
    expectTypeOf<RepositoryTransaction["listActivities"]>().parameters.toEqualTypeOf<
      [Period, ListActivitiesOptions?]
    >();
    expectTypeOf<RepositoryTransaction["listActivities"]>().returns.toEqualTypeOf<
      Promise<ActivityPage>
    >();
    expectTypeOf<Extract<ActivityPage, { status: "page" }>>().toEqualTypeOf<{
      readonly status: "page";
      readonly activities: Activity[];
      readonly next: string | null;
    }>();
    expectTypeOf<ListActivitiesOptions["after"]>().toEqualTypeOf<string | null | undefined>();
  });

  it("reads by ids for attribution", () => {
    expectTypeOf<RepositoryTransaction["listPartners"]>()
      .parameter(0)
      .toEqualTypeOf<{ readonly partnerIds?: readonly string[] } | undefined>();
    expectTypeOf<RepositoryTransaction["listClients"]>().returns.toEqualTypeOf<Promise<Client[]>>();
    expectTypeOf<RepositoryTransaction["getLiveAssignment"]>().returns.toEqualTypeOf<
      Promise<AssignmentRecord | null>
    >();
  });

  it("is wrapped method by method by the service, a list checked against the port", () => {
    expectTypeOf<RepositoryMethodName>().toEqualTypeOf<keyof RepositoryTransaction>();
  });

  it("is implemented by the in-memory repository", () => {
    expectTypeOf(createInMemoryRepository()).toEqualTypeOf<InMemoryRepository>();
    expectTypeOf<InMemoryRepository>().toMatchTypeOf<PartnerAccessRepository>();
  });
});
