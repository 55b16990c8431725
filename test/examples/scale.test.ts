import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMonth, mergeRun, runWorker } from "../../examples/scale/scale.js";
import { generateMonth, oneShot } from "../../examples/streaming/month.js";
import { type PostgresServer, startPostgresServer } from "../support/postgres-server.js";

// The scale-out example against a real PostgreSQL server with several
// workers, each on its own connections, claiming partitions concurrently.

const schema = readFileSync(new URL("../../examples/scale/schema.sql", import.meta.url), "utf8");
let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgresServer();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe("examples/scale", () => {
  it("workers stream the partitions they claim; the merged result equals the one-shot run", async () => {
    const { reference, activities } = generateMonth({
      partners: 12,
      clients: 300,
      employees: 6,
      assignmentsPerClient: 3,
      activities: 12_000,
      seed: 11,
    });
    const admin = server.pool(2);
    await loadMonth(admin, schema, "january", reference, activities, 8);
    const workers = ["w1", "w2", "w3", "w4"].map((name) => ({ name, pool: server.pool(2) }));
    const done = await Promise.all(workers.map((w) => runWorker(w.pool, "january", w.name)));
    // every partition was done exactly once
    expect(done.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const byWorker = await admin.query(
      "SELECT count(DISTINCT worker)::int AS n FROM scale_jobs WHERE run_id = 'january'",
    );
    expect(byWorker.rows[0].n).toBeGreaterThan(1);
    const merged = await mergeRun(admin, "january");
    expect(merged).toEqual(oneShot(reference, activities));
    // a worker that joins late finds nothing left
    expect(await runWorker(server.pool(1), "january", "late")).toEqual([]);
  }, 120_000);

  it("a worker that fails mid-partition leaves the partition for another", async () => {
    const { reference, activities } = generateMonth({
      partners: 4,
      clients: 40,
      employees: 3,
      assignmentsPerClient: 2,
      activities: 2_000,
      seed: 3,
    });
    const admin = server.pool(2);
    await loadMonth(admin, schema, "february", reference, activities, 2);
    const pool = server.pool(1);
    let fetches = 0;
    // A pool whose connection dies on its second page.
    const failing = {
      query: pool.query.bind(pool),
      async connect() {
        const conn = await pool.connect();
        return {
          release: () => conn.release(),
          query: async (text: string, values?: unknown[]) => {
            if (text.startsWith("FETCH") && ++fetches === 2) throw new Error("connection lost");
            return conn.query(text, values);
          },
        };
      },
    };
    await expect(runWorker(failing as never, "february", "dies")).rejects.toThrow(
      "connection lost",
    );
    const open = await admin.query(
      "SELECT count(*)::int AS n FROM scale_jobs WHERE run_id = 'february' AND state IS NULL",
    );
    expect(open.rows[0].n).toBe(2);
    expect((await runWorker(server.pool(2), "february", "rescuer")).sort()).toEqual([0, 1]);
    expect(await mergeRun(admin, "february")).toEqual(oneShot(reference, activities));
  }, 120_000);
});
