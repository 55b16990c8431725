import { createPartnerAccessService, unwrapOrThrow } from "partner-access";
import {
  createPostgresRepository,
  migratePostgresSchema,
  queueTransactions,
} from "partner-access/postgres";
import pg from "pg";

// One connection (a serverless function that keeps a single client):
// queueTransactions runs its transactions one after the other.
export async function openWithOneConnection(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const db = queueTransactions(client);
  unwrapOrThrow(await migratePostgresSchema(db));
  const repository = unwrapOrThrow(createPostgresRepository(db));
  return { client, repository, service: createPartnerAccessService({ repository }) };
}
