// migratePostgresSchema: brings a database's tables to the newest version,
// once, however many servers start at the same time.

import { err, type IssueBase, ok, type Result } from "partner-access";
import {
  attemptOf,
  isRetryable,
  notADriver,
  type PostgresDatabase,
  type PostgresQueryable,
} from "./driver.js";
import { type PostgresSchema, recordMigration, schemaOf } from "./schema.js";
import {
  type PostgresOptionsError,
  type PostgresTableOptions,
  type Tables,
  tablesOf,
} from "./tables.js";

/**
 * What {@link migratePostgresSchema} did: the version the tables are at
 * now, and the migrations it applied (none when they were up to date).
 *
 * @example
 * ```ts
 * const report: PostgresMigrationReport = { version: 1, applied: [1] };
 * ```
 */
export interface PostgresMigrationReport {
  readonly version: number;
  readonly applied: readonly number[];
}

/**
 * The refusal of {@link migratePostgresSchema} when the database has a
 * migration this release does not know: a newer release made the tables.
 * Nothing was changed; run the newer release.
 *
 * @example
 * ```ts
 * const e: PostgresSchemaTooNew = { code: "schema_too_new", message: "…", version: 2, supported: 1 };
 * ```
 */
export interface PostgresSchemaTooNew extends IssueBase<"schema_too_new"> {
  /** The newest migration the database records. */
  readonly version: number;
  /** The newest this release knows. */
  readonly supported: number;
}

const RUNS = 5;

async function migrate(
  q: PostgresQueryable,
  t: Tables,
  s: PostgresSchema,
): Promise<Result<PostgresMigrationReport, PostgresSchemaTooNew>> {
  // Two servers deploying at once would race on CREATE … IF NOT EXISTS
  // (which can fail on the catalog's unique keys): one waits here.
  await q.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`${t.lockPrefix}schema`]);
  for (const statement of s.bootstrap) await q.query(statement);
  const { rows } = await q.query(`SELECT version FROM ${t.migrations}`);
  const done = new Set(rows.map((r) => Number((r as { version: unknown }).version)));
  const newest = Math.max(0, ...done);
  if (newest > s.version) {
    return err({
      code: "schema_too_new",
      message: `The tables are at schema version ${newest}; this release knows versions up to ${s.version}. Run the newer release.`,
      version: newest,
      supported: s.version,
    });
  }
  const applied: number[] = [];
  for (const m of s.migrations) {
    if (done.has(m.version)) continue;
    for (const statement of m.statements) await q.query(statement);
    const record = recordMigration(t, m);
    await q.query(record.text, record.params);
    applied.push(m.version);
  }
  return ok({ version: s.version, applied });
}

/**
 * Creates the repository's tables, or brings them to the newest version:
 * in one transaction, under an advisory lock (servers starting at once
 * apply each migration once), it applies the migrations that the table
 * `schema_migrations` does not list, in order, and records them. Safe to
 * call at every start. Needs the rights to create tables (and the schema,
 * when one is named).
 *
 * @param db - a pool, or a driver with `transaction(fn)`, as given to `createPostgresRepository`
 * @param options - `schema` and `tablePrefix`, as given to `createPostgresRepository`
 * @returns the version and the migrations applied, `schema_too_new`, or `invalid_record` for a malformed argument; rejects when the database fails
 * @example
 * ```ts
 * await migratePostgresSchema(pool); //=> { ok: true, value: { version: 1, applied: [1] } }
 * await migratePostgresSchema(pool); //=> { ok: true, value: { version: 1, applied: [] } }
 * ```
 */
export async function migratePostgresSchema(
  db: PostgresDatabase,
  options?: PostgresTableOptions,
): Promise<Result<PostgresMigrationReport, PostgresSchemaTooNew | PostgresOptionsError>> {
  const attempt = attemptOf(db);
  if (attempt === null) {
    return err(notADriver(db));
  }
  const tables = tablesOf(options);
  if (!tables.ok) return tables;
  const schema = schemaOf(tables.value);
  for (let run = 0; ; run++) {
    try {
      return await attempt((q) => migrate(q, tables.value, schema), true);
    } catch (reason) {
      if (run + 1 >= RUNS || !isRetryable(reason)) throw reason;
    }
  }
}
