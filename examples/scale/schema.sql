-- Attribution over more activity than one process holds: the month's
-- activities live in PostgreSQL, hash-partitioned by client; a job per
-- partition is claimed by any worker with FOR UPDATE SKIP LOCKED, streamed
-- into an attribution state, and the state stored as jsonb; a final step
-- merges the states. Idempotent: it can run again on an existing database.

CREATE TABLE IF NOT EXISTS scale_runs (
  run_id   text PRIMARY KEY,
  -- startAttribution's state of the month's reference data, before any activity
  started  jsonb NOT NULL
);

CREATE TABLE IF NOT EXISTS scale_jobs (
  run_id    text NOT NULL REFERENCES scale_runs (run_id),
  part      integer NOT NULL,
  -- the state with this partition's activities added; null until a worker is done
  state     jsonb,
  worker    text,
  done_at   timestamptz,
  PRIMARY KEY (run_id, part)
);
