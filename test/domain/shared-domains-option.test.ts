import { describe, expect, it } from "vitest";
import { resolveSharedDomainList } from "../../src/domain/shared-domains.js";

describe("resolveSharedDomainList: a caller's own list", () => {
  it("reads a list whose fields throw or have the wrong type as empty and named caller", () => {
    const given = {
      get size(): number {
        throw new Error("no size");
      },
      source: 5,
      match: (domain: string) => (domain === "mail.example" ? domain : 7),
      domains(): Iterable<string> {
        throw new Error("no domains");
      },
    };
    const list = resolveSharedDomainList({ sharedDomains: given as never });
    expect([list.source, list.size, list.domains()]).toEqual(["caller", 0, []]);
    expect(list.match("mail.example")).toBe("mail.example");
    expect(list.match("other.example")).toBeUndefined();
  });

  it("keeps only the strings its domains() gives", () => {
    const given = {
      size: 2,
      source: "mine",
      match: () => undefined,
      domains: () => ["mail.example", 42],
    };
    const list = resolveSharedDomainList({ sharedDomains: given as never });
    expect([list.source, list.size, list.domains()]).toEqual(["mine", 2, ["mail.example"]]);
  });
});

describe("resolveSharedDomainList: options built once", () => {
  it("resolves the same sharedDomains options object to the same list every time", () => {
    const options = { sharedDomains: { add: ["acme-mail.com"] } };
    const first = resolveSharedDomainList(options);
    expect(first.match("acme-mail.com")).toBe("acme-mail.com");
    expect(resolveSharedDomainList(options)).toBe(first);
    expect(resolveSharedDomainList({ sharedDomains: options.sharedDomains })).toBe(first);
  });

  it("wraps a caller's own list once", () => {
    const given = {
      size: 0,
      source: "mine",
      refused: [],
      match: () => undefined,
      domains: () => [],
    };
    const first = resolveSharedDomainList({ sharedDomains: given });
    expect(resolveSharedDomainList({ sharedDomains: given })).toBe(first);
  });
});
