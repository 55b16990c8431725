import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueTransactions } from "../../src/postgres/index.js";
import { repositoryContract } from "../../src/testing/index.js";
import { type ServerFixture, startPostgresFixture } from "./fixture.js";

// The repository contract against a real PostgreSQL server: over a pool of
// several connections, where the concurrency cases race transactions that
// really run side by side, and over one pg.Client, where queueTransactions
// runs them one after the other. Every case gets new tables of its own.

let fixture: ServerFixture;
let client: pg.Client;

beforeAll(async () => {
  fixture = await startPostgresFixture({ connections: 10 });
  client = new pg.Client(fixture.server.config);
  client.on("error", () => {});
  await client.connect();
}, 60_000);

afterAll(async () => {
  await client?.end();
  await fixture?.stop();
}, 60_000);

describe("postgres: the repository contract on a PostgreSQL server (pg.Pool, 10 connections)", () => {
  const cases = repositoryContract(() => fixture.emptyRepository());
  it("has every case of the contract", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  for (const c of cases) it(c.name, c.run);
});

describe("postgres: the repository contract on one pg.Client (queueTransactions)", () => {
  const cases = repositoryContract(() => fixture.emptyRepository({}, queueTransactions(client)));
  for (const c of cases) it(c.name, c.run);
});
