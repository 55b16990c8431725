// What the repository needs from a PostgreSQL driver: statements, and a way
// to run several of them as one transaction on one connection. The types
// are structural, so node-postgres, PGlite and Neon's serverless driver fit
// as they are; nothing here imports a driver.

import type { PostgresOptionsError } from "./tables.js";

/**
 * Runs one statement with `$1`-style parameters: a `pg.Pool`, `pg.Client`
 * or `PoolClient`, a PGlite database or transaction, Neon's `Pool` or
 * `Client`.
 *
 * @example
 * ```ts
 * const q: PostgresQueryable = { query: async (text, params) => ({ rows: [] }) };
 * ```
 */
export interface PostgresQueryable {
  /**
   * @param text - one SQL statement
   * @param params - the values of `$1`, `$2`, …
   * @returns the rows the statement returned
   */
  query(text: string, params?: unknown[]): Promise<{ readonly rows: readonly unknown[] }>;
}

/**
 * One connection checked out of a pool: statements, and `release` to give
 * it back (with an error, the pool discards it). A `pg.PoolClient`.
 *
 * @example
 * ```ts
 * const connection: PostgresConnection = await pool.connect();
 * connection.release();
 * ```
 */
export interface PostgresConnection extends PostgresQueryable {
  /**
   * @param error - why the connection may be broken; the pool then closes it
   */
  release(error?: Error): void;
}

/**
 * A pool of connections: each transaction checks one out, runs `BEGIN` …
 * `COMMIT` on it, and releases it. A `pg.Pool`, Neon's `Pool`.
 *
 * @example
 * ```ts
 * const pool: PostgresPool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * ```
 */
export interface PostgresPool {
  /** @returns a connection of its own until it is released */
  connect(): Promise<PostgresConnection>;
}

/**
 * A driver that runs a transaction itself: it calls `fn` with statements
 * bound to one transaction, commits when `fn` resolves, rolls back and
 * rethrows when it rejects. PGlite, and what {@link queueTransactions} makes
 * of a single connection. The repository's first statement in it sets the
 * isolation level to READ COMMITTED.
 *
 * @example
 * ```ts
 * const db: PostgresTransactor = await PGlite.create();
 * ```
 */
export interface PostgresTransactor {
  /**
   * @param fn - the statements of the transaction
   * @returns what `fn` resolved to
   */
  transaction<T>(fn: (tx: PostgresQueryable) => Promise<T>): Promise<T>;
}

/**
 * What `createPostgresRepository` takes: a pool, or a driver that runs
 * transactions. When the value has a `transaction` method it is used;
 * otherwise its `connect` method.
 *
 * @example
 * ```ts
 * const fromPool: PostgresDatabase = new pg.Pool();
 * const fromPGlite: PostgresDatabase = await PGlite.create();
 * const fromClient: PostgresDatabase = queueTransactions(client);
 * ```
 */
export type PostgresDatabase = PostgresPool | PostgresTransactor;

/**
 * One try at running `fn` on one connection of the driver: as one
 * transaction at READ COMMITTED when `transactional`, else as it comes
 * (one statement of a read outside a transaction).
 *
 * @example
 * ```ts
 * const attempt: Attempt = attemptOf(pool)!;
 * await attempt((q) => q.query("SELECT 1"), true); // BEGIN … COMMIT around it
 * ```
 */
export type Attempt = <T>(
  fn: (q: PostgresQueryable) => Promise<T>,
  transactional: boolean,
) => Promise<T>;

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

function method(value: unknown, name: string): ((...args: unknown[]) => unknown) | null {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return null;
  try {
    const m = (value as Record<string, unknown>)[name];
    return typeof m === "function" ? (m as (...args: unknown[]) => unknown).bind(value) : null;
  } catch {
    return null;
  }
}

type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: unknown; readonly broken: Error | undefined };

// rule: the repository's locks work at READ COMMITTED, where each statement
// reads what was committed before it started, so a read after a lock was
// granted sees the work of the transaction that held it. At REPEATABLE READ
// or SERIALIZABLE the snapshot is taken at the first statement, before the
// lock; a server whose default is one of those must not impose it here.
const BEGIN = "BEGIN ISOLATION LEVEL READ COMMITTED";
const SET_LEVEL = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED";
// Marks the transactors queueTransactions makes: they begin at READ
// COMMITTED already, so no SET_LEVEL is needed.
const READ_COMMITTED: unique symbol = Symbol("partner-access: read committed");

// `BEGIN`, `fn`, `COMMIT` on one connection; `ROLLBACK` when anything
// failed. `broken`: the rollback failed too, so the connection is unusable.
async function inTransaction<T>(
  q: PostgresQueryable,
  fn: (q: PostgresQueryable) => Promise<T>,
): Promise<Outcome<T>> {
  try {
    await q.query(BEGIN);
    const value = await fn(q);
    await q.query("COMMIT");
    return { ok: true, value };
  } catch (reason) {
    let broken: Error | undefined;
    try {
      await q.query("ROLLBACK");
    } catch (e) {
      broken = asError(e);
    }
    return { ok: false, reason, broken };
  }
}

function settled<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.reason;
  return outcome.value;
}

function overPool(connect: () => unknown): Attempt {
  return async (fn, transactional) => {
    const connection = await connect();
    const query = method(connection, "query");
    const release = method(connection, "release");
    if (query === null || release === null) {
      throw new TypeError(
        "connect() did not give a connection with query() and release(): pass a pool, or queueTransactions(client) for a single connection.",
      );
    }
    const q = { query } as PostgresQueryable;
    if (!transactional) {
      try {
        return await fn(q);
      } finally {
        release();
      }
    }
    const outcome = await inTransaction(q, fn);
    release(outcome.ok ? undefined : outcome.broken);
    return settled(outcome);
  };
}

/**
 * The refusal of a `db` argument that is no driver this entry knows.
 *
 * @param db - the argument as given
 * @returns `invalid_record` at `["db"]`
 * @example
 * ```ts
 * notADriver(42).path; //=> ["db"]
 * ```
 */
export function notADriver(db: unknown): PostgresOptionsError {
  return {
    code: "invalid_record",
    message:
      "db must be a pool (pg.Pool: connect()), a driver that runs transactions (PGlite: transaction(fn)), or queueTransactions(client) for one connection.",
    path: ["db"],
    input: db,
  };
}

function isPinned(db: unknown): boolean {
  try {
    return (db as { [READ_COMMITTED]?: unknown })[READ_COMMITTED] === true;
  } catch {
    return false;
  }
}

/**
 * The driver's way of running a transaction: its own `transaction(fn)`
 * when it has one, else `BEGIN` … `COMMIT` on a connection from `connect()`.
 *
 * @param db - the caller's driver
 * @returns how to run one try of a unit, or `null` when the value is no driver
 * @example
 * ```ts
 * attemptOf(new pg.Pool()) !== null; //=> true
 * attemptOf({});                     //=> null
 * ```
 */
export function attemptOf(db: unknown): Attempt | null {
  const transaction = method(db, "transaction");
  if (transaction !== null) {
    const pinned = isPinned(db);
    return (fn, transactional) =>
      transaction(async (tx: PostgresQueryable) => {
        if (transactional && !pinned) await tx.query(SET_LEVEL);
        return fn(tx);
      }) as Promise<never>;
  }
  const connect = method(db, "connect");
  return connect === null ? null : overPool(connect);
}

/**
 * Makes a single connection (a `pg.Client`, a checked-out `PoolClient`,
 * Neon's `Client`) into a {@link PostgresTransactor}: transactions run on it
 * one after the other (`BEGIN ISOLATION LEVEL READ COMMITTED` … `COMMIT`,
 * `ROLLBACK` when the unit rejects), in the order they were asked for, and `query` waits for the
 * running one. Use a pool when transactions should run side by side.
 *
 * @param connection - a connected client with `query(text, params)`
 * @returns the same connection, with `transaction(fn)`
 * @example
 * ```ts
 * const client = new pg.Client(process.env.DATABASE_URL);
 * await client.connect();
 * const repository = unwrapOrThrow(createPostgresRepository(queueTransactions(client)));
 * ```
 */
export function queueTransactions(
  connection: PostgresQueryable,
): PostgresTransactor & PostgresQueryable {
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run);
    tail = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };
  const query = (text: string, params?: unknown[]) => {
    const q = method(connection, "query");
    if (q === null) {
      return Promise.reject(new TypeError("queueTransactions needs a connection with query()."));
    }
    return q(text, params) as ReturnType<PostgresQueryable["query"]>;
  };
  const transactor: PostgresTransactor & PostgresQueryable & { [READ_COMMITTED]: true } = {
    [READ_COMMITTED]: true,
    query: (text, params) => queued(() => query(text, params)),
    transaction: (fn) => queued(async () => settled(await inTransaction({ query }, fn))),
  };
  return transactor;
}

// PostgreSQL's codes for a transaction it could not serialise: a
// serialization failure and a deadlock. Both leave nothing behind, so the
// unit may run again (the port allows it).
const RETRYABLE = new Set(["40001", "40P01"]);

/**
 * Whether a rejection is one after which the transaction may run again:
 * PostgreSQL's serialization failure (`40001`) or deadlock (`40P01`).
 *
 * @param reason - what the unit rejected with
 * @returns `true` for those two codes
 * @example
 * ```ts
 * isRetryable({ code: "40P01" }); //=> true
 * isRetryable(new Error("boom")); //=> false
 * ```
 */
export function isRetryable(reason: unknown): boolean {
  try {
    const code = (reason as { code?: unknown } | null)?.code;
    return typeof code === "string" && RETRYABLE.has(code);
  } catch {
    return false;
  }
}

/**
 * A rejection after which the repository runs the unit again, as after
 * PostgreSQL's own serialization failure (`code` `40001`): for a race the
 * unit cannot settle by itself (a holder that kept changing while it read).
 *
 * @param message - what kept changing
 * @returns the error to throw
 * @example
 * ```ts
 * isRetryable(rerun("the link kept changing hands")); //=> true
 * ```
 */
export function rerun(message: string): Error {
  return Object.assign(new Error(message), { code: "40001" });
}
