// createPostgresRepository: the port's methods over a PostgreSQL driver.
//
// Every write runs in a transaction (a call on the repository itself is a
// transaction of its own); reads outside a transaction are one statement
// each. Inside a transaction every get… is SELECT … FOR UPDATE, so what a
// unit read stays as read until it commits; the unique keys, the partial
// unique index of live assignments, the advisory lock of a domain family
// and `UPDATE … WHERE version = $expected` decide the races against
// committed data. A unit that PostgreSQL could not serialise (40001) or
// that lost a deadlock (40P01) is rolled back and run again.

import {
  err,
  ok,
  type PartnerAccessRepository,
  type RepositoryTransaction,
  type Result,
} from "partner-access";
import { activityMethods } from "./activities.js";
import { assignmentMethods } from "./assignments.js";
import { claimMethods } from "./claims.js";
import {
  type Attempt,
  attemptOf,
  isRetryable,
  notADriver,
  type PostgresDatabase,
  type PostgresQueryable,
} from "./driver.js";
import { linkMethods } from "./links.js";
import { partnerMethods } from "./partners.js";
import type { Sql } from "./rows.js";
import {
  option,
  type PostgresOptionsError,
  type PostgresTableOptions,
  type Tables,
  tablesOf,
} from "./tables.js";
import { userMethods } from "./users.js";

/**
 * Options of `createPostgresRepository`: where the tables are (`schema`,
 * `tablePrefix`, as given to `migratePostgresSchema`), and how often a unit
 * that could not be serialised is run again.
 *
 * @example
 * ```ts
 * const options: PostgresRepositoryOptions = { schema: "partner_access", retries: 10 };
 * ```
 */
export interface PostgresRepositoryOptions extends PostgresTableOptions {
  /** How many times a unit that hit `40001` or `40P01` is run again; default 5, from 0 to 100. */
  readonly retries?: number;
}

const DEFAULT_RETRIES = 5;

// Every method of the port, over one view's statements; `satisfies` makes
// the compiler refuse a method this repository does not implement.
const METHODS = {
  ...partnerMethods,
  ...claimMethods,
  ...linkMethods,
  ...userMethods,
  ...assignmentMethods,
  ...activityMethods,
} satisfies {
  [K in keyof RepositoryTransaction]: (
    sql: Sql,
    ...args: Parameters<RepositoryTransaction[K]>
  ) => ReturnType<RepositoryTransaction[K]>;
};

type Name = keyof typeof METHODS;
const NAMES = Object.keys(METHODS) as Name[];
// One statement each, so atomic without a transaction of their own.
const isRead = (name: Name) => name.startsWith("get") || name.startsWith("list");

interface Config {
  readonly attempt: Attempt;
  readonly tables: Tables;
  readonly retries: number;
}

/** The repository's methods over one connection; `close` ends the view. */
function view(q: PostgresQueryable, t: Tables, locking: boolean) {
  let open = true;
  const rows = async <R>(text: string, params: unknown[] = []): Promise<R[]> => {
    if (!open)
      throw new Error("This transaction has ended: use its view only inside transaction(fn).");
    return (await q.query(text, params)).rows as R[];
  };
  const sql: Sql = {
    rows,
    one: async <R>(text: string, params?: unknown[]) => (await rows<R>(text, params))[0] ?? null,
    t,
    lock: locking ? "FOR UPDATE" : "",
  };
  const tx = {} as Record<Name, (...args: unknown[]) => Promise<unknown>>;
  for (const name of NAMES) {
    tx[name] = (...args) =>
      (METHODS[name] as (s: Sql, ...a: unknown[]) => Promise<unknown>)(sql, ...args);
  }
  return {
    tx: tx as unknown as RepositoryTransaction,
    close: () => {
      open = false;
    },
  };
}

// Runs a unit, again after a serialization failure or a deadlock.
async function withRetries<T>(
  c: Config,
  transactional: boolean,
  fn: (tx: RepositoryTransaction) => Promise<T>,
): Promise<T> {
  for (let run = 0; ; run++) {
    try {
      return await c.attempt(async (q) => {
        const v = view(q, c.tables, transactional);
        try {
          return await fn(v.tx);
        } finally {
          v.close();
        }
      }, transactional);
    } catch (reason) {
      if (run >= c.retries || !isRetryable(reason)) throw reason;
    }
  }
}

type Read<T> = Result<T, PostgresOptionsError>;

function refusal(key: string, input: unknown, message: string): Read<never> {
  return err({ code: "invalid_record", message, path: ["options", key], input });
}

function retriesOf(options: unknown): Read<number> {
  const read = option(options, "retries");
  if (!read.ok) return read;
  const r = read.value ?? DEFAULT_RETRIES;
  return typeof r === "number" && Number.isInteger(r) && r >= 0 && r <= 100
    ? ok(r)
    : refusal("retries", r, "retries is a whole number from 0 to 100.");
}

function configOf(db: unknown, options: unknown): Read<Config> {
  const attempt = attemptOf(db);
  if (attempt === null) {
    return err(notADriver(db));
  }
  const tables = tablesOf(options);
  if (!tables.ok) return tables;
  const retries = retriesOf(options);
  if (!retries.ok) return retries;
  return ok({ attempt, tables: tables.value, retries: retries.value });
}

/**
 * Creates a {@link PartnerAccessRepository} over PostgreSQL, on the tables
 * `migratePostgresSchema` (or `POSTGRES_SCHEMA`) created. `db` is your
 * driver as it is: a `pg.Pool` or Neon's `Pool` (each transaction on a
 * connection of its own, so transactions run side by side), a PGlite
 * database, or `queueTransactions(client)` for a single `pg.Client`.
 *
 * Nothing is sent to the database until a method is called. Every method
 * answers the port's outcomes as values, malformed input included, and
 * rejects only when the database fails (the connection dropped, the tables
 * are missing) or after `retries` reruns that could not be serialised.
 * Text PostgreSQL cannot store exactly (a NUL character, a lone surrogate)
 * and partner ids over 1,000 UTF-8 bytes are refused with `invalid_record`.
 *
 * @param db - a pool, or a driver with `transaction(fn)`
 * @param options - `schema`, `tablePrefix`, `retries` (default 5)
 * @returns the repository, or `invalid_record` naming the malformed argument (`path` `["db"]` or `["options", …]`)
 * @example
 * ```ts
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const repository = unwrapOrThrow(createPostgresRepository(pool));
 * await repository.claimDomain({ domain: "acme.com", partnerId: "acme", claimedAt: Date.now() });
 * //=> { status: "claimed", claim: { domain: "acme.com", partnerId: "acme", … } }
 * createPostgresRepository(pool, { retries: -1 }).ok; //=> false (error.path: ["options", "retries"])
 * ```
 */
export function createPostgresRepository(
  db: PostgresDatabase,
  options?: PostgresRepositoryOptions,
): Result<PartnerAccessRepository, PostgresOptionsError> {
  const config = configOf(db, options);
  if (!config.ok) return config;
  const c = config.value;
  const repository = {
    transaction: async <T>(fn: (tx: RepositoryTransaction) => Promise<T>): Promise<T> => {
      if (typeof fn !== "function") throw new TypeError("transaction(fn) needs a function.");
      return withRetries(c, true, fn);
    },
  } as Record<string, unknown>;
  for (const name of NAMES) {
    repository[name] = (...args: unknown[]) =>
      withRetries(c, !isRead(name), (tx) =>
        (tx[name] as (...a: unknown[]) => Promise<unknown>)(...args),
      );
  }
  return ok(repository as unknown as PartnerAccessRepository);
}
