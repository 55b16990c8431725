import { describe, expect, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import {
  createPartnerAccessService,
  type PartnerAccessService,
} from "../../src/service/partner-access-service.js";
import type { InMemoryRepository, InMemoryRepositoryState } from "../../src/testing/index.js";
import { admin, clientAdmin, DAY, from, manager, setup, T0 } from "./fixtures.js";

// For every use case and every k: a repository whose k-th call fails (it
// throws, or it rejects, instead of doing anything) must leave the stored
// data exactly as it was before the call, and the result must be
// `repository_failure`. Every use case runs in one transaction, which the
// repository rolls back.

type Outcome = { ok: boolean; error?: { code: string; rollbackFailures?: readonly unknown[] } };

interface UseCase {
  readonly name: string;
  /** Brings a fresh service to the state the use case starts from. */
  readonly prepare: (service: PartnerAccessService) => Promise<unknown>;
  readonly run: (service: PartnerAccessService) => Promise<Outcome>;
}

const useCases: UseCase[] = [
  {
    name: "setEmployeeDomains",
    prepare: async () => undefined,
    run: (s) =>
      s.setEmployeeDomains({ actor: admin(), partnerId: "acme", domains: ["acme.de", "acme.io"] }),
  },
  {
    name: "tagEmployee",
    prepare: async () => undefined,
    run: (s) => s.tagEmployee({ actor: manager(), partnerId: "acme", email: "sam@acme.com" }),
  },
  {
    name: "untagEmployee",
    prepare: async () => undefined,
    run: (s) => s.untagEmployee({ actor: manager(), partnerId: "acme", email: "jane@acme.com" }),
  },
  {
    name: "assignClient",
    prepare: async () => undefined,
    run: (s) =>
      s.assignClient({ actor: manager(), partnerId: "acme", email: "jane@acme.com", clientId: 42 }),
  },
  {
    name: "assignClients",
    prepare: (s) =>
      s.assignClient({
        actor: admin("rival"),
        partnerId: "rival",
        email: "free@gmail.com",
        clientId: 43,
      }),
    run: (s) =>
      s.assignClients({
        actor: manager(),
        partnerId: "acme",
        email: "free@gmail.com",
        clientIds: [42, 43, 44],
        clientsWithPortalAccess: [44],
      }),
  },
  {
    name: "assignEmployees",
    prepare: async () => undefined,
    run: (s) =>
      s.assignEmployees({
        actor: manager(),
        partnerId: "acme",
        clientId: 42,
        emails: ["jane@acme.com", "free@gmail.com", "sam@acme.com"],
      }),
  },
  {
    name: "grantPortalAccess",
    prepare: (s) =>
      s.assignClient({ actor: manager(), partnerId: "acme", email: "jane@acme.com", clientId: 42 }),
    run: (s) =>
      s.grantPortalAccess({
        actor: clientAdmin(42),
        partnerId: "acme",
        clientId: 42,
        email: "jane@acme.com",
      }),
  },
  {
    name: "removeClientAccess",
    prepare: (s) =>
      s.assignClient({ actor: manager(), partnerId: "acme", email: "jane@acme.com", clientId: 42 }),
    run: (s) =>
      s.removeClientAccess({
        actor: manager(),
        partnerId: "acme",
        clientId: 42,
        email: "jane@acme.com",
        confirmation: "REMOVE",
      }),
  },
  {
    name: "removeEmployee",
    prepare: (s) =>
      s.assignClients({
        actor: manager(),
        partnerId: "acme",
        email: "jane@acme.com",
        clientIds: [42, 43],
        clientsWithPortalAccess: [43],
      }),
    run: (s) => s.removeEmployee({ actor: manager(), partnerId: "acme", email: "jane@acme.com" }),
  },
  {
    name: "attributeCredit",
    prepare: async (s) => {
      await s.assignClient({
        actor: manager(),
        partnerId: "acme",
        email: "jane@acme.com",
        clientId: 42,
        hasPortalAccess: true,
      });
    },
    run: (s) =>
      s.attributeCredit({
        actor: manager(),
        partnerId: "acme",
        period: { start: T0, end: T0 + 31 * DAY },
      }),
  },
];

type Fault = "throw" | "reject";

/** Counts every call (the transaction's too, and those made inside it); the k-th one fails. */
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
    wrapped[name] = (...args: unknown[]) => {
      counter.calls++;
      if (counter.calls === k) {
        const e = new Error(`fault at call ${k} (${name})`);
        if (fault === "throw") throw e;
        return Promise.reject(e);
      }
      if (name === "transaction") {
        const fn = args[0] as (tx: PartnerAccessRepository) => Promise<unknown>;
        return method((tx: PartnerAccessRepository) => fn(failing(tx, k, fault, counter)));
      }
      return method(...args);
    };
  }
  return wrapped as unknown as PartnerAccessRepository;
}

// The stored data, but for the next assignment id: a rolled-back insert
// has used one up, as a SQL sequence does.
function data(state: InMemoryRepositoryState): unknown {
  return { ...state, nextAssignmentId: 0 };
}

async function start(): Promise<InMemoryRepositoryState> {
  const { repository } = await setup();
  return repository.snapshot();
}

function serviceOver(repository: PartnerAccessRepository) {
  return createPartnerAccessService({ repository, clock: () => T0 + DAY });
}

describe("a repository failing at any call", () => {
  describe.each(useCases)("$name", (useCase) => {
    it("leaves the stored data as before the call, for every k, thrown or rejected", async () => {
      // the state the use case starts from
      const base = from(await start());
      await useCase.prepare(serviceOver(base));
      const before = base.snapshot();

      // how many calls a successful run makes
      const counter = { calls: 0 };
      const probe: InMemoryRepository = from(before);
      const succeeded = await useCase.run(serviceOver(failing(probe, 0, "throw", counter)));
      expect(succeeded.ok).toBe(true);
      const calls = counter.calls;
      expect(calls).toBeGreaterThan(0);

      for (let k = 1; k <= calls; k++) {
        for (const fault of ["throw", "reject"] as const) {
          const repository = from(before);
          const result = await useCase.run(serviceOver(failing(repository, k, fault)));
          const where = `${useCase.name}, call ${k} of ${calls}, ${fault}`;
          expect(result.ok, where).toBe(false);
          expect(result.error?.code, where).toBe("repository_failure");
          expect(result.error?.rollbackFailures, where).toEqual([]);
          expect(data(repository.snapshot()), where).toEqual(data(before));
        }
      }
    });
  });
});

describe("a write whose effect is kept but whose answer is lost", () => {
  // A store that applies a write and then fails (a lost acknowledgement) is
  // only recoverable inside a transaction: the transaction rolls it back.
  it.each(useCases.filter((u) => u.name !== "attributeCredit"))(
    "$name: every write, applied then failed, is rolled back",
    async (useCase) => {
      const base = from(await start());
      await useCase.prepare(serviceOver(base));
      const before = base.snapshot();
      const writes = [
        "savePartner",
        "claimDomain",
        "releaseDomain",
        "linkEmail",
        "unlinkEmail",
        "saveUser",
        "insertAssignment",
        "updateAssignment",
      ];
      let tested = 0;
      for (let n = 1; n <= 12; n++) {
        const repository = from(before);
        let seen = 0;
        const afterNthWrite: PartnerAccessRepository = {
          ...repository,
          transaction: (fn) =>
            repository.transaction((tx) => {
              const wrapped: Record<string, unknown> = { ...tx };
              for (const name of writes) {
                const method = (
                  tx as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>
                )[name]!;
                wrapped[name] = async (...args: unknown[]) => {
                  const r = await method(...args);
                  if (++seen === n) throw new Error(`lost answer of write ${n}`);
                  return r;
                };
              }
              return fn(wrapped as unknown as PartnerAccessRepository);
            }),
        };
        const result = await useCase.run(serviceOver(afterNthWrite));
        if (seen < n) break; // the run made fewer writes
        tested++;
        expect(result.ok || result.error?.code).toBe("repository_failure");
        expect(repository.snapshot()).toEqual({
          ...before,
          nextAssignmentId: repository.snapshot().nextAssignmentId,
        });
      }
      expect(tested).toBeGreaterThan(0);
    },
  );
});
