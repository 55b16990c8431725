import { createPartnerAccessService, unwrapOrThrow } from "partner-access";
import { createPostgresRepository, migratePostgresSchema } from "partner-access/postgres";
import pg from "pg";

// One pool for the process: each transaction takes a connection of its own,
// so use cases of many requests run side by side.
export async function openPartnerAccess(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // creates the tables or brings them up to date, once, however many servers start
  unwrapOrThrow(await migratePostgresSchema(pool));
  const repository = unwrapOrThrow(createPostgresRepository(pool));
  return { pool, repository, service: createPartnerAccessService({ repository }) };
}
