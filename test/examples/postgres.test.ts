import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresRepository, fromPgPool } from "../../examples/postgres/repository.js";
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
  const cases = repositoryContract(async () =>
    createPostgresRepository(fromPgPool(poolOver(await emptied()))),
  ).filter((c) => c.name.startsWith("transaction:"));

  it("has the transaction cases", () => {
    expect(cases).toHaveLength(2);
  });
  for (const c of cases) it(c.name, c.run);
});

describe("examples/postgres: schema", () => {
  it("refuses a second holder of a domain even when written around the repository", async () => {
    await emptied();
    await db.query("INSERT INTO pa_domain_claims VALUES ('acme.com', 'acme', 1)");
    await expect(
      db.query("INSERT INTO pa_domain_claims VALUES ('acme.com', 'rival', 2)"),
    ).rejects.toThrow(/duplicate key/);
  });
});
