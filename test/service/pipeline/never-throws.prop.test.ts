import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { call, RUN_AT, requestOf, useCases } from "../catalog.js";
import { setup } from "../fixtures.js";

// Whatever the request, every use case resolves to a Result: garbage of any
// type, the valid request with any field replaced by garbage, getters that
// throw. Nothing rejects, nothing throws.

const garbage = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
});

describe("every use case, on any request", () => {
  it("resolves to a result (property)", async () => {
    const { repository } = await setup();
    const service = createPartnerAccessService({ repository, clock: () => RUN_AT });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...useCases),
        fc.oneof(
          garbage.map((g) => () => g),
          fc.tuple(fc.string(), garbage).map(([key, g]) => (r: Record<string, unknown>) => ({
            ...r,
            [key]: g,
          })),
          fc.constantFrom("actor", "partnerId", "email", "clientId", "period").map(
            (key) => (r: Record<string, unknown>) =>
              Object.defineProperty({ ...r }, key, {
                enumerable: true,
                get: () => {
                  throw new Error("hostile getter");
                },
              }),
          ),
        ),
        async (c, make) => {
          const r = await call(service, c.name, make(requestOf(c)));
          expect(typeof r.ok).toBe("boolean");
          if (!r.ok) expect(typeof r.error?.code).toBe("string");
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
