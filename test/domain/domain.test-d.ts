import { describe, expectTypeOf, it } from "vitest";
import type {
  DomainIssue,
  DomainIssueCode,
  EmailAddress,
  EmailDomain,
  EmailIssue,
  Result,
  SharedDomainListOptions,
} from "../../src/index.js";
import {
  parseEmailAddress,
  parseEmailDomain,
  parsePartnerEmployeeDomain,
} from "../../src/index.js";

describe("domain types", () => {
  it("shared-domain options take remove beside add and replace", () => {
    expectTypeOf<SharedDomainListOptions>().toHaveProperty("remove");
    expectTypeOf<{ remove: string[] }>().toMatchTypeOf<SharedDomainListOptions>();
  });

  it("parsers return Results of branded domains", () => {
    expectTypeOf(parseEmailDomain).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseEmailDomain("x")).toEqualTypeOf<Result<EmailDomain, DomainIssue>>();
    expectTypeOf(parsePartnerEmployeeDomain("x")).toEqualTypeOf<Result<EmailDomain, DomainIssue>>();
    expectTypeOf(parseEmailAddress("x")).toEqualTypeOf<Result<EmailAddress, EmailIssue>>();
  });

  it("an EmailDomain is a string, but a string is not an EmailDomain", () => {
    expectTypeOf<EmailDomain>().toMatchTypeOf<string>();
    expectTypeOf<string>().not.toMatchTypeOf<EmailDomain>();
  });

  it("issues narrow by code", () => {
    const r = parseEmailDomain("www.acme.com");
    if (!r.ok && r.error.code === "starts_with_www") {
      expectTypeOf(r.error.suggestion).toEqualTypeOf<EmailDomain>();
    }
    if (!r.ok && r.error.code === "shared_domain") {
      expectTypeOf(r.error.listedAs).toEqualTypeOf<string>();
    }
    expectTypeOf<"public_suffix">().toMatchTypeOf<DomainIssueCode>();
    expectTypeOf<"invalid_bidi">().toMatchTypeOf<DomainIssueCode>();
    expectTypeOf<"invalid_joiner">().toMatchTypeOf<DomainIssueCode>();
    expectTypeOf<"reserved_hyphens">().toMatchTypeOf<DomainIssueCode>();
    if (!r.ok && r.error.code === "invalid_character") {
      expectTypeOf(r.error.label).toEqualTypeOf<string>();
      expectTypeOf(r.error).not.toHaveProperty("index");
    }
    if (!r.ok && r.error.code === "empty_label") {
      expectTypeOf(r.error).not.toHaveProperty("position");
    }
    expectTypeOf<"nonsense">().not.toMatchTypeOf<DomainIssueCode>();
  });

  it("results are readonly discriminated unions", () => {
    const r = parseEmailAddress("a@b.com");
    if (r.ok) {
      expectTypeOf(r.value.key).toEqualTypeOf<string>();
      // @ts-expect-error results are readonly
      r.value.key = "x";
    } else {
      expectTypeOf(r.error.code).toEqualTypeOf<EmailIssue["code"]>();
      if (r.error.code === "local_part_too_long") {
        expectTypeOf(r.error.length).toEqualTypeOf<number>();
        expectTypeOf(r.error.maxLength).toEqualTypeOf<number>();
        expectTypeOf(r.error).not.toHaveProperty("octets");
      }
    }
  });
});
