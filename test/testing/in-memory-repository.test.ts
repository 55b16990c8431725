import { describe, expect, it } from "vitest";
import type { Assignment, Partner } from "../../src/model.js";
import {
  createInMemoryRepository,
  type InMemoryRepositoryState,
  repositoryContract,
} from "../../src/testing/index.js";

describe("createInMemoryRepository: the repository contract", () => {
  for (const c of repositoryContract(() => createInMemoryRepository())) it(c.name, c.run);
});

describe("createInMemoryRepository({ serializationFailures: 2 }): the repository contract", () => {
  for (const c of repositoryContract(() =>
    createInMemoryRepository({ serializationFailures: 2 }),
  )) {
    it(c.name, c.run);
  }
});

const northwind: Partner = { partnerId: "northwind", program: "partner", employeeDomains: [] };
const pending: Assignment = {
  partnerId: "northwind",
  clientId: 42,
  email: "jane@northwind.io",
  status: "pending_access",
  assignedAt: 1,
};

describe("createInMemoryRepository", () => {
  it("starts from a snapshot, and snapshots are deep copies", async () => {
    const a = createInMemoryRepository();
    await a.savePartner(northwind, null);
    await a.claimDomain({ domain: "northwind.io", partnerId: "northwind", claimedAt: 1 });
    await a.insertAssignment(pending);
    await a.recordActivities([{ clientId: 42, email: "jane@northwind.io", at: 5 }]);
    const snap = a.snapshot();
    const b = createInMemoryRepository({ initial: snap });
    expect(b.initialIssues).toEqual([]);
    expect(b.snapshot()).toEqual(snap);
    (snap.partners[0]!.value.employeeDomains as string[]).push("mutated.io");
    expect((await a.getPartner("northwind"))?.value.employeeDomains).toEqual([]);
    expect((await b.getPartner("northwind"))?.value.employeeDomains).toEqual([]);
    await b.releaseDomain("northwind.io", "northwind");
    expect(await a.getDomainClaim("northwind.io")).not.toBeNull();
    // ids go on from the snapshot's
    const next = await b.insertAssignment({ ...pending, clientId: 43 });
    expect(next.status === "inserted" && next.record.id).toBe("2");
  });

  it("runs a transaction alone: calls from outside wait for it", async () => {
    const repository = createInMemoryRepository();
    await repository.savePartner(northwind, null);
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const unit = repository.transaction(async (tx) => {
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
    const repository = createInMemoryRepository();
    let rolledBack = "";
    await repository
      .transaction(async (tx) => {
        const r = await tx.insertAssignment(pending);
        if (r.status === "inserted") rolledBack = r.record.id;
        throw new Error("undo");
      })
      .catch(() => undefined);
    const r = await repository.insertAssignment(pending);
    expect(rolledBack).not.toBe("");
    expect(r.status === "inserted" && r.record.id).not.toBe(rolledBack);
  });

  it("reruns a unit after a simulated serialization failure, keeping only the last run", async () => {
    const repository = createInMemoryRepository({ serializationFailures: 2 });
    let runs = 0;
    const value = await repository.transaction(async (tx) => {
      runs++;
      const seen = await tx.getPartner("northwind");
      await tx.savePartner(northwind, null);
      return seen;
    });
    expect(runs).toBe(3);
    expect(value).toBeNull(); // every run started from the state before the unit
    expect((await repository.listPartners()).map((p) => p.version)).toEqual([1]);
  });

  it("routes a view's calls made after its transaction ended like outside calls", async () => {
    const repository = createInMemoryRepository();
    let leaked: Parameters<Parameters<typeof repository.transaction>[0]>[0] | undefined;
    await repository.transaction(async (tx) => {
      leaked = tx;
    });
    expect((await leaked!.savePartner(northwind, null)).status).toBe("written");
    await expect(
      repository.transaction(async (tx) => {
        await tx.savePartner({ ...northwind, employeeDomains: ["northwind.io"] }, 1);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await repository.getPartner("northwind"))?.version).toBe(1);
  });

  it("never throws on garbage options, and rejects a transaction without a function", async () => {
    for (const options of [null, 42, "x", [], { initial: 5 }, { serializationFailures: -1 }]) {
      const repository = createInMemoryRepository(options as never);
      expect(repository.snapshot().partners).toEqual([]);
      expect((await repository.savePartner(northwind, null)).status).toBe("written");
    }
    expect(createInMemoryRepository({ initial: 5 } as never).initialIssues).toMatchObject([
      { code: "invalid_record", path: ["initial"], input: 5 },
    ]);
    await expect(createInMemoryRepository().transaction(42 as never)).rejects.toThrow(TypeError);
  });

  it("answers garbage arguments with values, never with an exception", async () => {
    const r = createInMemoryRepository();
    const hostile = Object.defineProperty({}, "partnerId", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    const proto = JSON.parse('{"__proto__": {"partnerId": "northwind"}}');
    expect(await r.getPartner(42 as never)).toBeNull();
    expect(await r.listPartners("x" as never)).toEqual([]);
    expect(await r.listUsers(hostile as never)).toEqual([]);
    expect(await r.listUsers(proto as never)).toEqual([]);
    expect(await r.listAssignments({ activeIn: { start: "a", end: 2 } } as never)).toEqual([]);
    expect(await r.listAssignments({ live: "yes" } as never)).toEqual([]);
    expect(await r.getLiveAssignment(null as never)).toBeNull();
    expect(await r.releaseDomain(null as never, null as never)).toEqual({
      status: "not_held",
      holder: null,
    });
    expect(await r.unlinkEmail(undefined as never)).toEqual({ status: "not_held", holder: null });
    expect(await r.deleteUser(1 as never, 2 as never, 3)).toEqual({
      status: "version_conflict",
      current: null,
    });
    expect(await r.listActivities(null as never)).toEqual({
      status: "page",
      activities: [],
      next: null,
    });
    expect((await r.saveUser(hostile as never, null)).status).toBe("invalid_record");
    expect((await r.savePartner(proto, null)).status).toBe("invalid_record");
    expect(r.snapshot().partners).toEqual([]);
  });

  it("refuses malformed records, so snapshot() always works", async () => {
    const r = createInMemoryRepository();
    const circular: Record<string, unknown> = { partnerId: "acme", program: "partner" };
    circular.employeeDomains = [circular];
    expect((await r.savePartner(circular as never, null)).status).toBe("invalid_record");
    const extra = { ...northwind, notes: () => "not data", matchSubdomains: undefined };
    expect(await r.savePartner(extra as never, null)).toEqual({
      status: "written",
      record: { value: northwind, version: 1 },
    });
    expect(() => r.snapshot()).not.toThrow();
    expect(r.snapshot().partners).toEqual([{ value: northwind, version: 1 }]);
  });

  it("loads what it can of a bad initial state and says why it left the rest out", () => {
    const initial = {
      partners: [
        { value: northwind, version: 1 },
        { value: { ...northwind, employeeDomains: ["ACME.com"] }, version: 1 },
        { value: northwind, version: 2 },
      ],
      domainClaims: [
        { domain: "acme.com", partnerId: "a", claimedAt: 1, matchSubdomains: true },
        { domain: "eu.acme.com", partnerId: "b", claimedAt: 2, matchSubdomains: false },
      ],
      emailLinks: [],
      users: [
        {
          emailKey: "wrong@key.io",
          value: { partnerId: "a", email: "jane@acme.com", tagged: true },
          version: 1,
        },
      ],
      assignments: [
        { id: "7", emailKey: "jane@northwind.io", value: pending, version: 1 },
        { id: "8", emailKey: "jane@northwind.io", value: pending, version: 1 },
      ],
      clients: [{ clientId: 0, mrr: { amountMinor: 1, currency: "USD" } }],
      activities: [{ clientId: 42, email: "nobody", at: 1 }],
      nextAssignmentId: 3,
    } as unknown as InMemoryRepositoryState;
    const r = createInMemoryRepository({ initial });
    expect(r.initialIssues.map((i) => i.path)).toEqual([
      ["initial", "partners", 1, "value", "employeeDomains", 0],
      ["initial", "partners", 2],
      ["initial", "domainClaims", 1],
      ["initial", "users", 0, "emailKey"],
      ["initial", "assignments", 1],
      ["initial", "clients", 0, "clientId"],
      ["initial", "activities", 0, "email"],
    ]);
    const s = r.snapshot();
    expect(s.partners).toEqual([{ value: northwind, version: 1 }]);
    expect(s.domainClaims.map((c) => c.domain)).toEqual(["acme.com"]);
    expect(s.assignments.map((a) => a.id)).toEqual(["7"]);
    expect(s.nextAssignmentId).toBe(8); // never below a loaded id
  });
});
