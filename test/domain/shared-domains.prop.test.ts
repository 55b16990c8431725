import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { domainAndAncestors } from "../../src/domain/canonical-domain.js";
import {
  createSharedDomainList,
  defaultSharedDomainList,
  isSharedEmailDomain,
} from "../../src/domain/shared-domains.js";

const anything = fc.anything({
  withObjectString: true,
  withNullPrototype: true,
  withMap: true,
  withSet: true,
});

describe("shared domains never throw", () => {
  it("isSharedEmailDomain(anything, anything) is a boolean", () => {
    fc.assert(
      fc.property(anything, anything, (domain, options) => {
        expect(typeof isSharedEmailDomain(domain, options as never)).toBe("boolean");
      }),
    );
  });

  it("isSharedEmailDomain with sharedDomains options of any shape is a boolean", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.domain(), anything),
        fc.record({ add: anything, replace: anything, remove: anything }, { requiredKeys: [] }),
        (domain, spec) => {
          expect(typeof isSharedEmailDomain(domain, { sharedDomains: spec as never })).toBe(
            "boolean",
          );
        },
      ),
    );
  });

  it("createSharedDomainList(anything) is a list, and what it refused are entries", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          fc.record(
            {
              add: fc.oneof(anything, fc.array(anything)),
              replace: fc.oneof(anything, fc.array(anything)),
              remove: fc.oneof(anything, fc.array(anything)),
            },
            { requiredKeys: [] },
          ),
        ),
        (options) => {
          const list = createSharedDomainList(options as never);
          expect(Number.isInteger(list.size)).toBe(true);
          const listed = list.match("gmail.com");
          expect(listed === undefined || listed === "gmail.com").toBe(true);
          for (const r of list.refused) expect(typeof r.error.code).toBe("string");
        },
      ),
    );
  });

  it("list.match(anything) and domainAndAncestors(anything) never throw", () => {
    const list = defaultSharedDomainList();
    fc.assert(
      fc.property(anything, (value) => {
        const listed = list.match(value as never);
        expect(listed === undefined || typeof listed === "string").toBe(true);
        const ancestors = domainAndAncestors(value);
        expect(Array.isArray(ancestors)).toBe(true);
        if (typeof value !== "string") expect(ancestors).toEqual([]);
      }),
    );
  });
});
