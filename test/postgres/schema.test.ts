import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPostgresRepository,
  migratePostgresSchema,
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  POSTGRES_SCHEMA_VERSION,
  postgresSchema,
} from "../../src/postgres/index.js";
import { unwrapOrThrow } from "../../src/result.js";

// The schema on PGlite: idempotent, versioned, named by the options, and
// keeping the rules even against rows written around the repository.

// One database for the file (starting PGlite takes seconds); each test
// works in a schema of its own, made the connection's search_path, so the
// default table names land there.
let db: PGlite;
let count = 0;

beforeAll(async () => {
  db = await PGlite.create();
}, 60_000);

afterAll(async () => {
  await db?.close();
}, 60_000);

async function fresh(): Promise<PGlite> {
  const schema = `schema_test_${++count}`;
  await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  return db;
}

const T0 = Date.UTC(2026, 0, 1);

describe("postgres: POSTGRES_SCHEMA", () => {
  it("is version 1, the migrations' statements and their records, and can run twice", async () => {
    expect(POSTGRES_SCHEMA_VERSION).toBe(1);
    expect(POSTGRES_MIGRATIONS.map((m) => m.version)).toEqual([1]);
    expect(unwrapOrThrow(postgresSchema()).sql).toBe(POSTGRES_SCHEMA);
    const pg = await fresh();
    await pg.exec(POSTGRES_SCHEMA);
    await pg.exec(POSTGRES_SCHEMA);
    const versions = await pg.query("SELECT version FROM pa_schema_migrations");
    expect(versions.rows).toEqual([{ version: 1 }]);
    const repository = unwrapOrThrow(createPostgresRepository(pg));
    expect(
      (
        await repository.savePartner(
          { partnerId: "acme", program: "partner", employeeDomains: [] },
          null,
        )
      ).status,
    ).toBe("written");
  });

  it('sorts every key column in binary order (COLLATE "C")', async () => {
    const pg = await fresh();
    await pg.exec(POSTGRES_SCHEMA);
    const columns = await pg.query<{
      table_name: string;
      column_name: string;
      collation_name: string | null;
    }>(
      `SELECT table_name, column_name, collation_name FROM information_schema.columns
       WHERE table_name IN ('pa_partners', 'pa_domain_claims', 'pa_email_links', 'pa_users')
         AND data_type = 'text' AND table_schema = current_schema()`,
    );
    expect(columns.rows.length).toBeGreaterThanOrEqual(8);
    for (const c of columns.rows) {
      if (c.column_name !== "email")
        expect([c.table_name, c.column_name, c.collation_name]).toEqual([
          c.table_name,
          c.column_name,
          "C",
        ]);
    }
  });
});

describe("postgres: migratePostgresSchema", () => {
  it("applies version 1 once, then nothing", async () => {
    const pg = await fresh();
    expect(await migratePostgresSchema(pg)).toEqual({
      ok: true,
      value: { version: 1, applied: [1] },
    });
    expect(await migratePostgresSchema(pg)).toEqual({
      ok: true,
      value: { version: 1, applied: [] },
    });
  });

  it("refuses tables a newer release made, changing nothing", async () => {
    const pg = await fresh();
    unwrapOrThrow(await migratePostgresSchema(pg));
    await pg.query(
      "INSERT INTO pa_schema_migrations (version, name) VALUES (2, 'from the future')",
    );
    expect(await migratePostgresSchema(pg)).toMatchObject({
      ok: false,
      error: { code: "schema_too_new", version: 2, supported: 1 },
    });
  });

  it("brings a database made from the SQL example of earlier releases up to date, keeping its rows", async () => {
    const pg = await fresh();
    await pg.exec(readFileSync(new URL("./example-schema.sql", import.meta.url), "utf8"));
    const acme = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] };
    await pg.query("INSERT INTO pa_partners VALUES ('acme', $1::jsonb, 3)", [JSON.stringify(acme)]);
    await pg.query(
      "INSERT INTO pa_domain_claims VALUES ('acme.com', 'acme.com', 'acme', $1, true)",
      [T0],
    );
    expect(await migratePostgresSchema(pg)).toEqual({
      ok: true,
      value: { version: 1, applied: [1] },
    });
    const repository = unwrapOrThrow(createPostgresRepository(pg));
    expect(await repository.getPartner("acme")).toEqual({ value: acme, version: 3 });
    expect(
      await repository.claimDomain({ domain: "eu.acme.com", partnerId: "rival", claimedAt: T0 }),
    ).toMatchObject({
      status: "held_by_other",
      holder: { domain: "acme.com", partnerId: "acme" },
    });
  });
});

describe("postgres: table names", () => {
  it("puts the tables in the schema and under the prefix given, and keeps installations apart", async () => {
    const pg = await fresh();
    const a = { schema: "tenant_a", tablePrefix: "" };
    const b = { schema: "tenant_b" };
    unwrapOrThrow(await migratePostgresSchema(pg, a));
    unwrapOrThrow(await migratePostgresSchema(pg, b));
    const tables = await pg.query<{ t: string }>(
      `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
       WHERE table_schema LIKE 'tenant_%' ORDER BY 1`,
    );
    expect(tables.rows.map((r) => r.t)).toEqual([
      ...[
        "activities",
        "assignments",
        "clients",
        "domain_claims",
        "email_links",
        "partners",
        "schema_migrations",
        "users",
      ].map((t) => `tenant_a.${t}`),
      ...[
        "activities",
        "assignments",
        "clients",
        "domain_claims",
        "email_links",
        "partners",
        "schema_migrations",
        "users",
      ].map((t) => `tenant_b.pa_${t}`),
    ]);
    const ra = unwrapOrThrow(createPostgresRepository(pg, a));
    const rb = unwrapOrThrow(createPostgresRepository(pg, b));
    const claim = { domain: "acme.com", claimedAt: T0 };
    expect((await ra.claimDomain({ ...claim, partnerId: "acme" })).status).toBe("claimed");
    expect((await rb.claimDomain({ ...claim, partnerId: "rival" })).status).toBe("claimed");
    expect(await ra.listDomainClaims()).toMatchObject([{ partnerId: "acme" }]);
  });

  it("rejects, as a store failure, a call on tables that were never created", async () => {
    const pg = await fresh();
    const repository = unwrapOrThrow(createPostgresRepository(pg));
    await expect(repository.listPartners()).rejects.toThrow(/pa_partners/);
  });
});

describe("postgres: the schema keeps the rules against rows written around the repository", () => {
  it("one holder per domain, one link per client and key, one live assignment per triple, positive versions", async () => {
    const pg = await fresh();
    await pg.exec(POSTGRES_SCHEMA);
    await pg.query(
      "INSERT INTO pa_domain_claims VALUES ('acme.com', 'acme.com', 'acme', 1, false)",
    );
    await expect(
      pg.query("INSERT INTO pa_domain_claims VALUES ('acme.com', 'acme.com', 'rival', 2, false)"),
    ).rejects.toThrow(/duplicate key/);
    await pg.query(
      "INSERT INTO pa_email_links VALUES (42, 'jane@gmail.com', 'acme', 'jane@gmail.com', 1)",
    );
    await expect(
      pg.query(
        "INSERT INTO pa_email_links VALUES (42, 'jane@gmail.com', 'rival', 'jane@gmail.com', 2)",
      ),
    ).rejects.toThrow(/duplicate key/);
    const live = `INSERT INTO pa_assignments (partner_id, client_id, email_key, status, data, version)
                  VALUES ('acme', 42, 'jane@gmail.com', $1, '{}', 1)`;
    await pg.query(live, ["pending_access"]);
    await expect(pg.query(live, ["active"])).rejects.toThrow(/duplicate key/);
    await pg.query(live, ["removed"]);
    await expect(pg.query("INSERT INTO pa_partners VALUES ('acme', '{}', 0)")).rejects.toThrow(
      /check constraint/,
    );
  });
});
