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
