// partner-access/postgres: a PartnerAccessRepository over PostgreSQL, for
// node-postgres, PGlite, Neon's serverless driver or any driver of the same
// shape. No driver is imported: pass yours.

export type {
  PostgresConnection,
  PostgresDatabase,
  PostgresPool,
  PostgresQueryable,
  PostgresTransactor,
} from "./driver.js";
export { queueTransactions } from "./driver.js";
export type { PostgresMigrationReport, PostgresSchemaTooNew } from "./migrate.js";
export { migratePostgresSchema } from "./migrate.js";
export type { PostgresRepositoryOptions } from "./repository.js";
export { createPostgresRepository } from "./repository.js";
export type { PostgresMigration, PostgresSchema } from "./schema.js";
export {
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  POSTGRES_SCHEMA_VERSION,
  postgresSchema,
} from "./schema.js";
export type { PostgresOptionsError, PostgresTableOptions } from "./tables.js";
