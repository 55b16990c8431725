import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryContract } from "../../src/testing/index.js";
import { type ServerFixture, startPostgresFixture } from "./fixture.js";

// The repository contract against a real PostgreSQL server with a pool of
// several connections: the concurrency cases race transactions that really
// run side by side. Every case gets new tables of its own.

let fixture: ServerFixture;

beforeAll(async () => {
  fixture = await startPostgresFixture({ connections: 10 });
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
});

const cases = repositoryContract(() => fixture.emptyRepository());

describe("postgres: the repository contract on a PostgreSQL server (pg.Pool, 10 connections)", () => {
  it("has every case of the contract", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  for (const c of cases) it(c.name, c.run);
});
