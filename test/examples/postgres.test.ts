import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresRepository, fromPgPool } from "../../examples/postgres/repository.js";
import type { Actor } from "../../src/access/authorization.js";
import { createPartnerAccessService } from "../../src/service/partner-access-service.js";
import { repositoryContract } from "../../src/testing/index.js";

// The PostgreSQL template against a real PostgreSQL (PGlite, in WebAssembly).
// One database for the file, since starting one takes about a second;
// each case empties the tables first.

const schema = readFileSync(new URL("../../examples/postgres/schema.sql", import.meta.url), "utf8");
const TABLES =
  "pa_partners, pa_domain_claims, pa_email_links, pa_users, pa_assignments, pa_clients, pa_activities";

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(schema);
  // the schema is idempotent: running it twice must not fail
  await db.exec(schema);
}, 30_000);

afterAll(async () => {
  await db.close();
});

async function emptied(): Promise<PGlite> {
  await db.exec(`TRUNCATE ${TABLES} RESTART IDENTITY`);
  return db;
}

describe("examples/postgres: the repository contract on PGlite", () => {
  for (const c of repositoryContract(async () => createPostgresRepository(await emptied()))) {
    it(c.name, c.run);
  }
});

describe("examples/postgres: fromPgPool (BEGIN/COMMIT/ROLLBACK on one connection)", () => {
  // A pg.Pool stand-in over PGlite's single connection; the transaction cases
  // run one at a time, so nothing else shares the connection meanwhile.
  const poolOver = (pg: PGlite) => ({
    query: (sql: string, params?: unknown[]) => pg.query(sql, params),
    connect: async () => ({
      query: (sql: string, params?: unknown[]) => pg.query(sql, params),
      release: () => undefined,
    }),
  });
  // (the case that reads from outside an open transaction needs a second
  // connection, which this stand-in does not have)
  const cases = repositoryContract(async () =>
    createPostgresRepository(fromPgPool(poolOver(await emptied()))),
  ).filter((c) => c.name.startsWith("transaction:") && !c.name.includes("nobody else"));

  it("has the transaction cases", () => {
    expect(cases).toHaveLength(3);
  });
  for (const c of cases) it(c.name, c.run);
});

describe("examples/postgres: schema", () => {
  it("refuses a second holder of a domain even when written around the repository", async () => {
    await emptied();
    await db.query(
      "INSERT INTO pa_domain_claims VALUES ('acme.com', 'acme.com', 'acme', 1, false)",
    );
    await expect(
      db.query("INSERT INTO pa_domain_claims VALUES ('acme.com', 'acme.com', 'rival', 2, false)"),
    ).rejects.toThrow(/duplicate key/);
  });
});

describe("examples/postgres: the service over PostgreSQL", () => {
  const T0 = Date.UTC(2026, 0, 1);
  const adminOf = (partnerId: string): Actor => ({
    userId: `${partnerId}-admin`,
    partnerId,
    superAdmin: true,
    permissions: [],
  });

  async function seeded(partnerIds: readonly string[]) {
    const repository = createPostgresRepository(await emptied());
    for (const partnerId of partnerIds) {
      await repository.savePartner({ partnerId, program: "partner", employeeDomains: [] }, null);
      await repository.saveUser({ partnerId, email: "free@gmail.com", tagged: true }, null);
    }
    await repository.putClient({ clientId: 42, mrr: { amountMinor: 100_000, currency: "USD" } });
    return repository;
  }

  it("lets exactly one of many partners assigning one address to one client at once win", async () => {
    const partnerIds = Array.from({ length: 8 }, (_, i) => `p${i}`);
    const repository = await seeded(partnerIds);
    let tick = 0;
    const service = createPartnerAccessService({ repository, clock: () => T0 + ++tick });
    const results = await Promise.all(
      partnerIds.map((partnerId) =>
        service.assignClient({
          actor: adminOf(partnerId),
          partnerId,
          email: "free@gmail.com",
          clientId: 42,
        }),
      ),
    );
    const winners = results.flatMap((r) => (r.ok ? [r.value.assignment.value] : []));
    expect(winners).toHaveLength(1);
    for (const r of results) {
      if (r.ok) continue;
      expect(r.error).toMatchObject({
        code: "email_linked_to_another_partner",
        holder: { partnerId: winners[0]!.partnerId, assignedAt: winners[0]!.assignedAt },
      });
    }
    expect((await repository.listAssignments({ live: true })).map((a) => a.value)).toEqual(winners);
  });

  it("runs each use case in one transaction: a refusal mid-way keeps nothing", async () => {
    const repository = await seeded(["acme", "rival"]);
    const service = createPartnerAccessService({ repository, clock: () => T0 });
    const set = (partnerId: string, domains: string[]) =>
      service.setEmployeeDomains({ actor: adminOf(partnerId), partnerId, domains });
    expect((await set("rival", ["rival.io"])).ok).toBe(true);
    const refused = await set("acme", ["acme.com", "acme.de", "rival.io"]);
    expect(refused.ok || refused.error.code).toBe("domain_claimed_by_another_partner");
    expect(await repository.listDomainClaims("acme")).toEqual([]);
    expect((await set("acme", ["acme.com", "acme.de"])).ok).toBe(true);
    expect((await repository.listDomainClaims("acme")).map((c) => c.domain)).toEqual([
      "acme.com",
      "acme.de",
    ]);
  });
});

describe("examples/postgres: overlapping claims on PostgreSQL", () => {
  it("refuses a subdomain-matching ancestor after another partner's descendant, whatever the clocks, in one transaction each", async () => {
    const repository = createPostgresRepository(await emptied());
    const T0 = Date.UTC(2026, 0, 1);
    const outcomes = await Promise.all([
      repository.claimDomain({ domain: "eu.acme.com", partnerId: "b", claimedAt: T0 }),
      repository.claimDomain({
        domain: "acme.com",
        partnerId: "a",
        claimedAt: T0 - 60_000, // a server whose clock is 60 s behind
        matchSubdomains: true,
      }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["claimed", "held_by_other"]);
    expect((await repository.listDomainClaims()).length).toBe(1);
  });
});
