import { describe, expect, it } from "vitest";
import type { Partner } from "../../src/model.js";
import { createInMemoryRepository, repositoryContract } from "../../src/testing/index.js";

describe("createInMemoryRepository: the repository contract", () => {
  for (const c of repositoryContract(() => createInMemoryRepository())) it(c.name, c.run);
});

describe("createInMemoryRepository({ transactions: true }): the repository contract", () => {
  for (const c of repositoryContract(() => createInMemoryRepository({ transactions: true }))) {
    it(c.name, c.run);
  }
});

const northwind: Partner = { partnerId: "northwind", program: "partner", employeeDomains: [] };

describe("createInMemoryRepository", () => {
  it("offers transaction only when asked", () => {
    expect(createInMemoryRepository().transaction).toBeUndefined();
    expect(typeof createInMemoryRepository({ transactions: true }).transaction).toBe("function");
  });

  it("starts from a snapshot, and snapshots are deep copies", async () => {
    const a = createInMemoryRepository();
    await a.savePartner(northwind, null);
    await a.claimDomain({ domain: "northwind.io", partnerId: "northwind", claimedAt: 1 });
    const snap = a.snapshot();
    const b = createInMemoryRepository({ initial: snap });
    expect(b.snapshot()).toEqual(snap);
    (snap.partners[0]!.value.employeeDomains as string[]).push("mutated.io");
    expect((await a.getPartner("northwind"))?.value.employeeDomains).toEqual([]);
    expect((await b.getPartner("northwind"))?.value.employeeDomains).toEqual([]);
    await b.releaseDomain("northwind.io", "northwind");
    expect(await a.getDomainClaim("northwind.io")).not.toBeNull();
  });

  it("runs a transaction alone: calls from outside wait for it", async () => {
    const repository = createInMemoryRepository({ transactions: true });
    await repository.savePartner(northwind, null);
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const unit = repository.transaction!(async (tx) => {
      await tx.savePartner({ ...northwind, employeeDomains: ["northwind.io"] }, 1);
      seen.push("tx wrote");
      await gate;
      seen.push("tx ends");
    });
    const outside = repository.getPartner("northwind").then((p) => {
      seen.push(`outside read v${p?.version}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    await Promise.all([unit, outside]);
    expect(seen).toEqual(["tx wrote", "tx ends", "outside read v2"]);
  });

  it("never reuses the id of an insert that was rolled back", async () => {
    const repository = createInMemoryRepository({ transactions: true });
    const a = {
      partnerId: "northwind",
      clientId: 42,
      email: "jane@northwind.io",
      status: "pending_access",
      assignedAt: 1,
    } as const;
    let rolledBack = "";
    await repository.transaction!(async (tx) => {
      const r = await tx.insertAssignment("jane@northwind.io", a);
      if (r.status === "inserted") rolledBack = r.record.id;
      throw new Error("undo");
    }).catch(() => undefined);
    const r = await repository.insertAssignment("jane@northwind.io", a);
    expect(rolledBack).not.toBe("");
    expect(r.status === "inserted" && r.record.id).not.toBe(rolledBack);
  });
});
