import { describe, expect, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import {
  createInMemoryRepository,
  RepositoryContractViolation,
  repositoryContract,
} from "../../src/testing/index.js";

// The contract must be able to fail: each broken repository below breaks one
// rule, and the named cases must reject.

async function failures(factory: () => PartnerAccessRepository): Promise<string[]> {
  const failed: string[] = [];
  for (const c of repositoryContract(factory, { contenders: 4 })) {
    try {
      await c.run();
    } catch (e) {
      if (!(e instanceof RepositoryContractViolation)) throw e;
      failed.push(c.name);
    }
  }
  return failed;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("repositoryContract", () => {
  it("returns named cases, each with a run function", () => {
    const cases = repositoryContract(() => createInMemoryRepository());
    expect(cases.length).toBeGreaterThan(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.some((c) => c.name.includes("16 partners link one email"))).toBe(true);
  });

  it("is passed by the in-memory repository", async () => {
    expect(await failures(() => createInMemoryRepository())).toEqual([]);
  });

  it("catches a link that checks and writes in two steps (a race)", async () => {
    const failed = await failures(() => {
      const inner = createInMemoryRepository();
      return {
        ...inner,
        linkEmail: async (link) => {
          const held = await inner.getEmailLink(link.clientId, link.emailKey);
          await tick();
          if (held === null) {
            await inner.unlinkEmail(link).catch(() => undefined);
            // overwrite whatever is there: last writer wins
            const other = await inner.getEmailLink(link.clientId, link.emailKey);
            if (other !== null) await inner.unlinkEmail(other);
            await inner.linkEmail(link);
            return { status: "linked", link };
          }
          return held.partnerId === link.partnerId
            ? { status: "already_ours", link: held }
            : { status: "held_by_other", holder: held };
        },
      } satisfies PartnerAccessRepository;
    });
    expect(failed).toContain(
      "concurrency: 4 partners link one email to one client at once; one wins, all others see it",
    );
  });

  it("catches a domain claim that lets a second partner in", async () => {
    const failed = await failures(() => {
      const inner = createInMemoryRepository();
      return {
        ...inner,
        claimDomain: async (claim) => {
          const r = await inner.claimDomain(claim);
          return r.status === "held_by_other" ? { status: "claimed", claim } : r;
        },
      } satisfies PartnerAccessRepository;
    });
    expect(failed).toContain("claimDomain: another partner is refused with the holder");
    expect(failed).toContain(
      "concurrency: 4 partners claim one domain at once; one wins, all others see it",
    );
  });

  it("catches versioned writes that ignore the expected version (lost updates)", async () => {
    const failed = await failures(() => {
      const inner = createInMemoryRepository();
      return {
        ...inner,
        savePartner: async (partner) => {
          const current = await inner.getPartner(partner.partnerId);
          return inner.savePartner(partner, current?.version ?? null);
        },
      } satisfies PartnerAccessRepository;
    });
    expect(failed).toContain(
      "savePartner: a stale version is refused and the newer write is not lost",
    );
  });

  it("catches a repository that hands out its stored objects", async () => {
    const failed = await failures(() => {
      const inner = createInMemoryRepository();
      const stored = new Map<string, { value: never; version: number }>();
      return {
        ...inner,
        savePartner: async (partner, expected) => {
          const r = await inner.savePartner(partner, expected);
          if (r.status === "written") {
            stored.set(partner.partnerId, { value: partner as never, version: r.record.version });
          }
          return r;
        },
        getPartner: async (id) => stored.get(id) ?? null,
      } satisfies PartnerAccessRepository;
    });
    expect(failed).toContain("partners: stored values are copies, in and out");
  });

  it("catches a transaction that keeps the writes of a rejected unit", async () => {
    const failed = await failures(() => {
      const inner = createInMemoryRepository();
      return { ...inner, transaction: (fn) => fn(inner) } satisfies PartnerAccessRepository;
    });
    expect(failed).toEqual([
      "transaction: when offered, keeps none of the writes of a rejected unit and rethrows",
    ]);
  });
});
