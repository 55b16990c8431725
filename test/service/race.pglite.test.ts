import { afterAll, beforeAll, describe, it } from "vitest";
import { type PostgresFixture, startPGliteFixture } from "../postgres/fixture.js";
import { runServiceRaces } from "./race-suite.js";

// The race suite on PostgreSQL in WebAssembly (PGlite) through
// partner-access/postgres. One database for the file; each run empties the
// tables first. PGlite has one connection, so its transactions run one after
// another; race.postgres.test.ts runs them side by side on a real server.

let fixture: PostgresFixture;
let runs = 0;

beforeAll(async () => {
  fixture = await startPGliteFixture();
}, 120_000);

afterAll(async () => {
  console.log(`race suite (PGlite): ${runs} race runs`);
  await fixture?.stop();
});

describe("the service under races, on PGlite", () => {
  const make = () => fixture.truncatedRepository();
  for (const c of runServiceRaces(make)) {
    it(c.name, async () => {
      runs += await c.run();
    }, 300_000);
  }
});
