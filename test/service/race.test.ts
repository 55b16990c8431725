import { afterAll, describe, expect, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import { createInMemoryRepository } from "../../src/testing/index.js";
import { runServiceRaces } from "./race-suite.js";

// The race suite on the in-memory repository, and on it again with every
// transaction rerun once (a rehearsed serialization failure). The PostgreSQL
// runs are in test/examples/postgres-races.test.ts.

let runs = 0;
afterAll(() => console.log(`race suite (in memory): ${runs} race runs`));

describe.each([
  ["in memory", 0],
  ["in memory, every transaction rerun once", 1],
] as const)("the service under races, %s", (_name, serializationFailures) => {
  for (const c of runServiceRaces(() => createInMemoryRepository({ serializationFailures }))) {
    it(c.name, async () => {
      runs += await c.run();
    });
  }
});

// The suite can fail: over a store whose transactions isolate nothing and
// roll nothing back, the races that need a transaction break an invariant.
describe("the race suite, over a store without transactions", () => {
  const broken = (): PartnerAccessRepository => {
    const repository = createInMemoryRepository();
    return { ...repository, transaction: (fn) => fn(repository) };
  };
  const cases = runServiceRaces(broken);
  it.each([
    "one partner sets 10 domain lists at once",
    "assignments while the employee is removed",
    "tag, untag, assign and remove one user at once",
  ])("fails: %s", async (name) => {
    await expect(cases.find((c) => c.name === name)!.run()).rejects.toThrow();
  });
});
