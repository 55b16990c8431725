import { describe, expectTypeOf, it } from "vitest";
import {
  type AnyIssue,
  type DomainIssue,
  formatIssue,
  ISSUE_CODES,
  type IssueCode,
  type IssueOf,
  type ServiceError,
} from "../../src/index.js";
import type { Catalog, Fields } from "../../src/messages/catalog.js";
import { EN } from "../../src/messages/en.js";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

describe("the message types", () => {
  it("ISSUE_CODES lists exactly the codes of AnyIssue", () => {
    // Fails to compile when a union gains a code that ISSUE_CODES lacks, or the reverse.
    expectTypeOf<
      Expect<Equal<AnyIssue["code"], (typeof ISSUE_CODES)[number]>>
    >().toEqualTypeOf<true>();
    expectTypeOf<IssueCode>().toEqualTypeOf<(typeof ISSUE_CODES)[number]>();
    expectTypeOf(ISSUE_CODES).toMatchTypeOf<readonly IssueCode[]>();
  });

  it("AnyIssue holds every domain and service error", () => {
    expectTypeOf<DomainIssue>().toMatchTypeOf<AnyIssue>();
    expectTypeOf<ServiceError>().toMatchTypeOf<AnyIssue>();
    expectTypeOf<IssueOf<"shared_domain">>().toHaveProperty("listedAs");
    expectTypeOf<IssueOf<"duplicate_tier">>().toHaveProperty("firstPath");
  });

  it("formatIssue takes anything and gives a string", () => {
    expectTypeOf(formatIssue).parameter(0).toBeUnknown();
    expectTypeOf(formatIssue).parameter(1).toEqualTypeOf<string | undefined>();
    expectTypeOf(formatIssue).returns.toBeString();
  });

  it("a catalog must have every code, and only fields its issue has", () => {
    const { shared_domain: _dropped, ...rest } = EN.issues;
    // @ts-expect-error shared_domain is missing
    const missing: Catalog = rest;
    // @ts-expect-error not a code
    const extra: Catalog = { ...EN.issues, brand_new: () => "" };
    const fields = {} as Fields<IssueOf<"shared_domain">>;
    // @ts-expect-error shared_domain has no field `holder`
    fields.s("holder");
    fields.s("listedAs");
    expectTypeOf(missing).toEqualTypeOf<Catalog>();
    expectTypeOf(extra).toEqualTypeOf<Catalog>();
  });
});
