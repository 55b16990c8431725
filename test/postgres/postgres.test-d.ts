import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { describe, expectTypeOf, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import {
  createPostgresRepository,
  migratePostgresSchema,
  type PostgresDatabase,
  type PostgresMigrationReport,
  type PostgresOptionsError,
  type PostgresSchemaTooNew,
  queueTransactions,
} from "../../src/postgres/index.js";
import type { Result } from "../../src/result.js";

describe("postgres: the drivers' own types fit as they are", () => {
  it("takes a pg.Pool and a PGlite database as they are", () => {
    expectTypeOf<pg.Pool>().toExtend<PostgresDatabase>();
    expectTypeOf<PGlite>().toExtend<PostgresDatabase>();
  });

  it("takes one connection through queueTransactions, and refuses a bare pg.Client", () => {
    expectTypeOf(queueTransactions).toBeCallableWith({} as pg.Client);
    expectTypeOf(queueTransactions).toBeCallableWith({} as pg.PoolClient);
    expectTypeOf(queueTransactions({} as pg.Client)).toExtend<PostgresDatabase>();
    // its connect() gives no connection
    expectTypeOf<pg.Client>().not.toExtend<PostgresDatabase>();
  });

  it("answers with Results", () => {
    expectTypeOf(createPostgresRepository({} as pg.Pool)).toEqualTypeOf<
      Result<PartnerAccessRepository, PostgresOptionsError>
    >();
    expectTypeOf(migratePostgresSchema({} as PGlite)).resolves.toEqualTypeOf<
      Result<PostgresMigrationReport, PostgresSchemaTooNew | PostgresOptionsError>
    >();
  });
});
