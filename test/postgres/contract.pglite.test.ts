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
}, 60_000);

const cases = repositoryContract(() => fixture.emptyRepository());

describe("postgres: the repository contract on PGlite", () => {
  it("has every case of the contract", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  for (const c of cases) it(c.name, c.run);
});

describe("postgres: on PGlite, transactions run one at a time", () => {
  it("a second transaction begins only when the first has ended", async () => {
    const repository = await fixture.emptyRepository();
    const events: string[] = [];
    let opened = () => {};
    const aOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const a = repository.transaction(async (tx) => {
      await tx.savePartner({ partnerId: "a", program: "partner", employeeDomains: [] }, null);
      events.push("a wrote");
      opened();
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      events.push("a commits");
    });
    await aOpen;
    const b = repository.transaction(async (tx) => {
      events.push("b begins");
      await tx.savePartner({ partnerId: "b", program: "partner", employeeDomains: [] }, null);
    });
    await Promise.all([a, b]);
    expect(events).toEqual(["a wrote", "a commits", "b begins"]);
  });
});
