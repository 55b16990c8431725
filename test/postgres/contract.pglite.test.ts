import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryContract } from "../../src/testing/index.js";
import type { PostgresFixture } from "./fixture.js";
import { startPGliteFixture } from "./fixture.js";

// The repository contract against PGlite (PostgreSQL in WebAssembly, one
// connection: transactions run one after the other). Every case gets new
// tables of its own.

let fixture: PostgresFixture;

beforeAll(async () => {
  fixture = await startPGliteFixture();
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
});

const cases = repositoryContract(() => fixture.emptyRepository());

describe("postgres: the repository contract on PGlite", () => {
  it("has every case of the contract", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  for (const c of cases) it(c.name, c.run);
});
