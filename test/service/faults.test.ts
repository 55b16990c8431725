import { afterAll, describe, expect, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import {
  createPartnerAccessService,
  type PartnerAccessService,
} from "../../src/service/partner-access-service.js";
import { createInMemoryRepository, type InMemoryRepositoryState } from "../../src/testing/index.js";
import { call, type Outcome, RUN_AT, requestOf, type UseCaseCase, useCases } from "./catalog.js";
import { from, setup } from "./fixtures.js";

// For every use case and every repository call k (the transaction's own
// call included, and each call made inside it): the k-th call fails, before
// it reaches the store (it throws, or it rejects) or after the store did
// its work (it rejects once the write has landed: a lost acknowledgement).
// The result must be `repository_failure` with the cause, and the stored
// data exactly what it was before the call: every use case runs in one
// transaction, which the store rolls back. The one exception is the
// transaction call itself failing after it committed (a lost commit
// acknowledgement): nothing can take back a commit, so there the stored data
// is what the successful run leaves, and the answer is still
// `repository_failure`.

type Fault = "throw before" | "reject before" | "reject after";
const FAULTS: readonly Fault[] = ["throw before", "reject before", "reject after"];

/** Counts every call (the transaction's and those inside it); the k-th one fails. */
function failing(
  repository: PartnerAccessRepository,
  k: number,
  fault: Fault,
  counter = { calls: 0 },
): PartnerAccessRepository {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repository)) {
    if (typeof value !== "function" || name === "snapshot") continue;
    const method = value as (...a: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      const n = ++counter.calls;
      const cause = new Error(`fault at call ${k} (${name}, ${fault})`);
      if (n === k && fault === "throw before") throw cause;
      if (n === k && fault === "reject before") return Promise.reject(cause);
      const result =
        name === "transaction"
          ? method((tx: PartnerAccessRepository) =>
              (args[0] as (tx: PartnerAccessRepository) => Promise<unknown>)(
                failing(tx, k, fault, counter),
              ),
            )
          : method(...args);
      const settled = await result;
      if (n === k) throw cause; // the store did its work; the answer is lost
      return settled;
    };
  }
  return wrapped as unknown as PartnerAccessRepository;
}

// The stored data, but for the next assignment id: a rolled-back insert
// has used one up, as a SQL sequence does.
const data = (state: InMemoryRepositoryState) => ({ ...state, nextAssignmentId: 0 });

const serviceOver = (repository: PartnerAccessRepository): PartnerAccessService =>
  createPartnerAccessService({ repository, clock: () => RUN_AT });

async function startingState(c: UseCaseCase): Promise<InMemoryRepositoryState> {
  const { repository, service } = await setup();
  await c.prepare?.(service);
  return repository.snapshot();
}

let positions = 0;
afterAll(() => {
  console.log(`fault suite: ${positions} fault positions (use case × call × fault) checked`);
});

describe("a repository failing at any call", () => {
  it("covers every use case of the service", () => {
    const service = serviceOver(createInMemoryRepository());
    expect(useCases.map((c) => c.name).sort()).toEqual(Object.keys(service).sort());
  });

  describe.each(useCases)("$name", (c) => {
    it("returns repository_failure and keeps nothing, for every call k, before and after the write", async () => {
      const before = await startingState(c);
      const counter = { calls: 0 };
      const probe = from(before);
      const succeeded: Outcome = await call(
        serviceOver(failing(probe, 0, "throw before", counter)),
        c.name,
        requestOf(c),
      );
      expect(succeeded.ok, JSON.stringify(succeeded.error)).toBe(true);
      const calls = counter.calls;
      expect(calls).toBeGreaterThan(1);
      const committed = probe.snapshot();

      for (let k = 1; k <= calls; k++) {
        for (const fault of FAULTS) {
          const repository = from(before);
          const r = await call(serviceOver(failing(repository, k, fault)), c.name, requestOf(c));
          const where = `${c.name}, call ${k} of ${calls}, ${fault}`;
          expect(r.ok, where).toBe(false);
          expect(r.error?.code, where).toBe("repository_failure");
          expect(String((r.error?.cause as Error | undefined)?.message), where).toContain(
            `fault at call ${k}`,
          );
          const lostCommit = k === 1 && fault === "reject after";
          expect(data(repository.snapshot()), where).toEqual(data(lostCommit ? committed : before));
          positions++;
        }
      }
    });
  });
});
