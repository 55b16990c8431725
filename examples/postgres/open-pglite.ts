import { PGlite } from "@electric-sql/pglite";
import { createPartnerAccessService, unwrapOrThrow } from "partner-access";
import { createPostgresRepository, migratePostgresSchema } from "partner-access/postgres";

// PostgreSQL in-process (WebAssembly): for tests, demos and single-process
// tools. Without a directory the database lives in memory.
export async function openInProcess(dataDir?: string) {
  const db = await PGlite.create(dataDir);
  unwrapOrThrow(await migratePostgresSchema(db));
  const repository = unwrapOrThrow(createPostgresRepository(db));
  return { db, repository, service: createPartnerAccessService({ repository }) };
}
