// The pieces of the scale-out example: load a month into PostgreSQL, run a
// worker that claims one partition at a time, and merge the workers' states.
// Any number of workers, on any number of machines, can run `runWorker`
// against the same database: a partition is claimed inside a transaction
// with FOR UPDATE SKIP LOCKED, so two workers never take the same one, and a
// worker that dies mid-way rolls back, leaving its partition for another.
import {
  type Activity,
  type Attribution,
  type AttributionStartInput,
  type AttributionState,
  addActivities,
  finishAttribution,
  mergeAttributionStates,
  startAttribution,
} from "partner-access";

/** What the example needs of a PostgreSQL client: `pg`'s `Pool` and `PoolClient` fit. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[] }>;
}
/** A pool that hands out one connection for a transaction. */
export interface Connections extends Queryable {
  connect(): Promise<Queryable & { release(): void }>;
}

/** Rows read per round trip while a worker streams its partition. */
export const PAGE_SIZE = 5_000;

/**
 * Creates the tables and an activities table hash-partitioned by client into
 * `partitions` parts, then loads the month: the started state in
 * `scale_runs`, one job per partition, the activities in batches.
 */
export async function loadMonth(
  db: Queryable,
  schemaSql: string,
  runId: string,
  reference: AttributionStartInput,
  activities: readonly Activity[],
  partitions: number,
): Promise<void> {
  await db.query(schemaSql);
  const table = activitiesTable(runId);
  await db.query(
    `CREATE TABLE ${table} (client_id bigint NOT NULL, email text NOT NULL, at bigint NOT NULL) PARTITION BY HASH (client_id)`,
  );
  for (let part = 0; part < partitions; part++) {
    await db.query(
      `CREATE TABLE ${table}_p${part} PARTITION OF ${table} FOR VALUES WITH (MODULUS ${partitions}, REMAINDER ${part})`,
    );
  }
  const started = startAttribution(reference);
  if (!started.ok)
    throw new Error(`the month's reference data is refused: ${started.error.message}`);
  await db.query("INSERT INTO scale_runs (run_id, started) VALUES ($1, $2)", [
    runId,
    JSON.stringify(started.value),
  ]);
  await db.query(
    "INSERT INTO scale_jobs (run_id, part) SELECT $1, generate_series(0, $2::integer - 1)",
    [runId, partitions],
  );
  for (let i = 0; i < activities.length; i += 10_000) {
    const batch = activities.slice(i, i + 10_000);
    await db.query(
      `INSERT INTO ${table} (client_id, email, at) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[])`,
      [batch.map((a) => a.clientId), batch.map((a) => a.email), batch.map((a) => a.at)],
    );
  }
}

function activitiesTable(runId: string): string {
  if (!/^[a-z0-9_]+$/.test(runId)) throw new Error("a run id is lower-case letters, digits and _");
  return `scale_activities_${runId}`;
}

/**
 * One worker: claims partitions until none is left, each inside its own
 * transaction, streams the partition's activities page by page into the
 * started state, and stores the state. Returns the partitions it did.
 */
export async function runWorker(db: Connections, runId: string, worker: string): Promise<number[]> {
  const done: number[] = [];
  const table = activitiesTable(runId);
  for (;;) {
    const conn = await db.connect();
    try {
      await conn.query("BEGIN");
      const claimed = await conn.query<{ part: number; started: AttributionState }>(
        `SELECT j.part, r.started FROM scale_jobs j JOIN scale_runs r USING (run_id)
          WHERE j.run_id = $1 AND j.state IS NULL
          ORDER BY j.part LIMIT 1 FOR UPDATE OF j SKIP LOCKED`,
        [runId],
      );
      const job = claimed.rows[0];
      if (job === undefined) {
        await conn.query("COMMIT");
        return done;
      }
      let state = job.started;
      await conn.query(
        `DECLARE page CURSOR FOR SELECT client_id::float8 AS "clientId", email, at::float8 AS at FROM ${table}_p${job.part}`,
      );
      for (;;) {
        const page = await conn.query<Activity>(`FETCH ${PAGE_SIZE} FROM page`);
        if (page.rows.length === 0) break;
        state = addActivities(state, page.rows);
      }
      await conn.query("CLOSE page");
      await conn.query(
        "UPDATE scale_jobs SET state = $1, worker = $2, done_at = now() WHERE run_id = $3 AND part = $4",
        [JSON.stringify(state), worker, runId, job.part],
      );
      await conn.query("COMMIT");
      done.push(job.part);
    } catch (error) {
      await conn.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      conn.release();
    }
  }
}

/**
 * The final step: once every job is done, merges the partitions' states (in
 * any order: merging is associative and commutative) and finishes.
 */
export async function mergeRun(db: Queryable, runId: string): Promise<Attribution> {
  const jobs = await db.query<{ part: number; state: AttributionState | null }>(
    "SELECT part, state FROM scale_jobs WHERE run_id = $1 ORDER BY part",
    [runId],
  );
  let merged: AttributionState | undefined;
  for (const job of jobs.rows) {
    if (job.state === null) throw new Error(`partition ${job.part} is not done yet`);
    if (merged === undefined) {
      merged = job.state;
      continue;
    }
    const next = mergeAttributionStates(merged, job.state);
    if (!next.ok) throw new Error(`the states cannot be merged: ${next.error.message}`);
    merged = next.value;
  }
  if (merged === undefined) throw new Error(`run ${runId} has no jobs`);
  const finished = finishAttribution(merged);
  if (!finished.ok) throw new Error(`the merged state is refused: ${finished.error.message}`);
  return finished.value;
}
