import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPostgresRepository } from "../../examples/postgres/repository.js";
import { runServiceRaces } from "./race-suite.js";

// The race suite on PostgreSQL (PGlite, in WebAssembly) through the
// template in examples/postgres. One database for the file; each run
// empties the tables first. PGlite has one connection, so its transactions
// run one after another; the embedded PostgreSQL server, with several
// connections, runs them side by side.

const schema = readFileSync(new URL("../../examples/postgres/schema.sql", import.meta.url), "utf8");
const TABLES =
  "pa_partners, pa_domain_claims, pa_email_links, pa_users, pa_assignments, pa_clients, pa_activities";

let db: PGlite;
let runs = 0;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(schema);
}, 60_000);

afterAll(async () => {
  console.log(`race suite (PGlite): ${runs} race runs`);
  await db.close();
});

describe("the service under races, on PGlite", () => {
  const make = async () => {
    await db.exec(`TRUNCATE ${TABLES} RESTART IDENTITY`);
    return createPostgresRepository(db);
  };
  for (const c of runServiceRaces(make)) {
    it(c.name, async () => {
      runs += await c.run();
    }, 300_000);
  }
});
