// The tables of the PostgreSQL repository, as numbered migrations. Records
// are kept as JSONB beside the columns that carry a rule: a key, a
// uniqueness, a filter, an order. Every sorted text column is COLLATE "C",
// the binary (code point) order the port asks for.

import { err, ok, type Result } from "partner-access";
import {
  type PostgresOptionsError,
  type PostgresTableOptions,
  type Tables,
  tablesOf,
} from "./tables.js";

/**
 * One step of the schema: its number, what it does, and its statements,
 * each idempotent (`CREATE … IF NOT EXISTS`), to run in order in one
 * transaction and then record in the `schema_migrations` table.
 *
 * @example
 * ```ts
 * const first: PostgresMigration = POSTGRES_MIGRATIONS[0]!;
 * first.version; //=> 1
 * ```
 */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/**
 * The SQL of the repository's tables for some table names: every migration
 * and the statement that creates the migrations table, as one script and
 * as the list of migrations.
 *
 * @example
 * ```ts
 * const schema: PostgresSchema = unwrapOrThrow(postgresSchema({ schema: "partner_access" }));
 * schema.version; //=> 1
 * ```
 */
export interface PostgresSchema {
  /** Every statement, `;`-separated: run it with `pool.query(sql)` (pg) or `db.exec(sql)` (PGlite). */
  readonly sql: string;
  /** The newest migration's number: what `schema_migrations` holds once `sql` ran. */
  readonly version: number;
  /** The statements that create the migrations table, to run before any migration. */
  readonly bootstrap: readonly string[];
  readonly migrations: readonly PostgresMigration[];
}

function bootstrap(t: Tables): string[] {
  return [
    ...(t.schema === null ? [] : [t.schema]),
    `CREATE TABLE IF NOT EXISTS ${t.migrations} (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`,
  ];
}

// Version 1. The columns are those of the SQL example of earlier releases,
// so a database made from it is brought up to date by these statements.
// One element per statement, so as long as the tables are.
function initial(t: Tables): string[] {
  const i = t.index;
  return [
    `CREATE TABLE IF NOT EXISTS ${t.partners} (
  partner_id text COLLATE "C" PRIMARY KEY,
  data       jsonb   NOT NULL,
  version    integer NOT NULL CHECK (version > 0)
)`,
    // rule: no two partners hold one domain (the primary key), nor one a
    // domain under the other's that matches subdomains: checked under an
    // advisory lock on the family (the last two labels), which every
    // overlapping pair of claims shares.
    `CREATE TABLE IF NOT EXISTS ${t.domainClaims} (
  domain           text COLLATE "C" PRIMARY KEY,
  family           text COLLATE "C" NOT NULL,
  partner_id       text COLLATE "C" NOT NULL,
  claimed_at       bigint  NOT NULL,
  match_subdomains boolean NOT NULL
)`,
    `CREATE INDEX IF NOT EXISTS ${i("domain_claims_family")} ON ${t.domainClaims} (family)`,
    `CREATE INDEX IF NOT EXISTS ${i("domain_claims_partner")} ON ${t.domainClaims} (partner_id)`,
    // rule: an address is linked to a given client by one partner only.
    `CREATE TABLE IF NOT EXISTS ${t.emailLinks} (
  client_id  bigint NOT NULL,
  email_key  text COLLATE "C" NOT NULL,
  partner_id text COLLATE "C" NOT NULL,
  email      text   NOT NULL,
  linked_at  bigint NOT NULL,
  PRIMARY KEY (client_id, email_key)
)`,
    `CREATE INDEX IF NOT EXISTS ${i("email_links_partner")} ON ${t.emailLinks} (partner_id)`,
    `CREATE TABLE IF NOT EXISTS ${t.users} (
  partner_id text COLLATE "C" NOT NULL,
  email_key  text COLLATE "C" NOT NULL,
  data       jsonb   NOT NULL,
  version    integer NOT NULL CHECK (version > 0),
  PRIMARY KEY (partner_id, email_key)
)`,
    // active_from / active_until: when the assignment is active,
    // [activatedAt, removedAt ?? expiresAt), NULL when never active / open.
    `CREATE TABLE IF NOT EXISTS ${t.assignments} (
  id           bigserial PRIMARY KEY,
  partner_id   text   NOT NULL,
  client_id    bigint NOT NULL,
  email_key    text   NOT NULL,
  status       text   NOT NULL,
  active_from  bigint,
  active_until bigint,
  data         jsonb   NOT NULL,
  version      integer NOT NULL CHECK (version > 0)
)`,
    // rule: one live (pending or active) assignment per partner, client and address.
    `CREATE UNIQUE INDEX IF NOT EXISTS ${i("assignments_live")} ON ${t.assignments} (partner_id, client_id, email_key) WHERE status IN ('pending_access', 'active')`,
    `CREATE INDEX IF NOT EXISTS ${i("assignments_client")} ON ${t.assignments} (client_id, email_key)`,
    `CREATE INDEX IF NOT EXISTS ${i("assignments_partner")} ON ${t.assignments} (partner_id, email_key)`,
    `CREATE INDEX IF NOT EXISTS ${i("assignments_active")} ON ${t.assignments} (active_from, active_until)`,
    `CREATE TABLE IF NOT EXISTS ${t.clients} (
  client_id bigint PRIMARY KEY,
  data      jsonb NOT NULL
)`,
    // Activities are read in pages by (at, id): keyset paging, never OFFSET.
    `CREATE TABLE IF NOT EXISTS ${t.activities} (
  id        bigserial PRIMARY KEY,
  client_id bigint NOT NULL,
  email     text COLLATE "C" NOT NULL,
  at        bigint NOT NULL
)`,
    `CREATE INDEX IF NOT EXISTS ${i("activities_at")} ON ${t.activities} (at, id)`,
  ];
}

// Append a migration here for every change of the tables; never edit one
// that was released (databases have recorded it as applied).
const MIGRATIONS: readonly {
  version: number;
  name: string;
  statements: (t: Tables) => string[];
}[] = [
  {
    version: 1,
    name: "partners, claims, links, users, assignments, clients, activities",
    statements: initial,
  },
];

/**
 * The statement that records a migration as applied (idempotent).
 *
 * @param t - the table names
 * @param m - the migration
 * @returns the statement and its parameters
 * @example
 * ```ts
 * recordMigration(t, POSTGRES_MIGRATIONS[0]!).params; //=> [1, "partners, claims, …"]
 * ```
 */
export function recordMigration(
  t: Tables,
  m: PostgresMigration,
): { text: string; params: unknown[] } {
  return {
    text: `INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING`,
    params: [m.version, m.name],
  };
}

/**
 * The schema's SQL for some table names.
 *
 * @param t - the table names
 * @returns the script, the newest version, the bootstrap and the migrations
 * @example
 * ```ts
 * schemaOf(t).version; //=> 1
 * ```
 */
export function schemaOf(t: Tables): PostgresSchema {
  const migrations = MIGRATIONS.map((m) => ({
    version: m.version,
    name: m.name,
    statements: m.statements(t),
  }));
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const record = (m: PostgresMigration) =>
    `INSERT INTO ${t.migrations} (version, name) VALUES (${m.version}, ${quote(m.name)}) ON CONFLICT (version) DO NOTHING`;
  const all = [...bootstrap(t), ...migrations.flatMap((m) => [...m.statements, record(m)])];
  return {
    sql: `${all.join(";\n\n")};\n`,
    version: migrations[migrations.length - 1]?.version ?? 0,
    bootstrap: bootstrap(t),
    migrations,
  };
}

/**
 * The SQL of the repository's tables, for the table names the options give
 * (the same options as `createPostgresRepository`): to run by hand, or to
 * copy into the migrations of your own tool. Every statement is idempotent.
 *
 * @param options - `schema` and `tablePrefix`, as given to the repository
 * @returns the script, its version and its migrations, or the refusal of a malformed option
 * @example
 * ```ts
 * const r = postgresSchema({ schema: "partner_access" });
 * r.ok && r.value.sql.startsWith('CREATE SCHEMA IF NOT EXISTS "partner_access"'); //=> true
 * postgresSchema({ tablePrefix: "pa-" }).ok; //=> false (error.path: ["options", "tablePrefix"])
 * ```
 */
export function postgresSchema(
  options?: PostgresTableOptions,
): Result<PostgresSchema, PostgresOptionsError> {
  const tables = tablesOf(options);
  return tables.ok ? ok(schemaOf(tables.value)) : err(tables.error);
}

const DEFAULT = /* @__PURE__ */ schemaOf(
  /* @__PURE__ */ (tablesOf(undefined) as { value: Tables }).value,
);

/**
 * The SQL of the repository's tables under their default names (`pa_partners`,
 * `pa_domain_claims`, …, in the connection's `search_path`), newest version:
 * every statement is idempotent (`CREATE … IF NOT EXISTS`), and the last
 * ones record the versions in `pa_schema_migrations`. Prefer
 * `migratePostgresSchema`, which also serialises concurrent deployments.
 *
 * @example
 * ```ts
 * await pool.query(POSTGRES_SCHEMA); // pg: several statements in one call
 * await db.exec(POSTGRES_SCHEMA);    // PGlite
 * ```
 */
export const POSTGRES_SCHEMA: string = DEFAULT.sql;

/**
 * The numbered migrations under the default table names, oldest first.
 * Version 1 creates every table; later versions will each add one entry,
 * never change a released one.
 *
 * @example
 * ```ts
 * POSTGRES_MIGRATIONS.map((m) => m.version); //=> [1]
 * ```
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = DEFAULT.migrations;

/**
 * The newest schema version this release knows: the highest version in
 * `schema_migrations` once the schema is up to date.
 *
 * @example
 * ```ts
 * POSTGRES_SCHEMA_VERSION; //=> 1
 * ```
 */
export const POSTGRES_SCHEMA_VERSION: number = DEFAULT.version;
