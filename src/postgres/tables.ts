// The names of the repository's tables, from the `schema` and `tablePrefix`
// options, and reading those options without throwing.

import type { IssueBase, IssuePath } from "partner-access";
import { isRecord, own } from "../guards.js";

/**
 * Where the repository's tables are: a PostgreSQL schema and a prefix of
 * every table and index name. Both are lower-case identifiers (letters,
 * digits, `_`, not starting with a digit), quoted in every statement.
 *
 * @example
 * ```ts
 * const options: PostgresTableOptions = { schema: "partner_access", tablePrefix: "" };
 * // tables partner_access.partners, partner_access.users, …
 * ```
 */
export interface PostgresTableOptions {
  /** The schema the tables are in; default: none, so the connection's `search_path` (usually `public`). */
  readonly schema?: string;
  /** What every table and index name starts with; default `"pa_"`. */
  readonly tablePrefix?: string;
}

/**
 * A refused argument of the PostgreSQL functions: `path` names it
 * (`["db"]`, `["options", "tablePrefix"]`) and `input` is the value as given.
 *
 * @example
 * ```ts
 * const e: PostgresOptionsError = {
 *   code: "invalid_record", message: "tablePrefix is a lower-case identifier …",
 *   path: ["options", "tablePrefix"], input: "pa-",
 * };
 * ```
 */
export interface PostgresOptionsError extends IssueBase<"invalid_record"> {
  readonly path: IssuePath;
  readonly input: unknown;
}

/**
 * The quoted, qualified names of every table, and the lock names, as
 * {@link tablesOf} makes them from the options.
 *
 * @example
 * ```ts
 * const t: Tables = unwrapOrThrow(tablesOf({ schema: "s" }));
 * t.partners; //=> '"s"."pa_partners"'
 * ```
 */
export interface Tables {
  readonly migrations: string;
  readonly partners: string;
  readonly domainClaims: string;
  readonly emailLinks: string;
  readonly users: string;
  readonly assignments: string;
  readonly clients: string;
  readonly activities: string;
  /** `CREATE SCHEMA` when a schema was named. */
  readonly schema: string | null;
  /** The unquoted name of an index (indexes live in their table's schema). */
  index(name: string): string;
  /** What the advisory-lock keys start with, so two installations never share one. */
  readonly lockPrefix: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
// PostgreSQL cuts identifiers at 63 bytes; the longest name added to the
// prefix is "domain_claims_partner" (21).
const MAX_PREFIX = 40;
const MAX_SCHEMA = 63;

function problem(path: IssuePath, input: unknown, message: string): PostgresOptionsError {
  return { code: "invalid_record", message, path, input };
}

/**
 * The value of one option, read without throwing.
 *
 * @param options - the caller's options (`undefined` when left out)
 * @param key - the option
 * @returns its value (`undefined` when absent), or `invalid_record` when the options are no object or the read threw
 * @example
 * ```ts
 * option({ retries: 3 }, "retries"); //=> { ok: true, value: 3 }
 * option(42, "retries").ok;          //=> false
 * ```
 */
export function option(
  options: unknown,
  key: string,
): { ok: true; value: unknown } | { ok: false; error: PostgresOptionsError } {
  if (options === undefined) return { ok: true, value: undefined };
  if (!isRecord(options)) {
    return { ok: false, error: problem(["options"], options, "The options must be an object.") };
  }
  try {
    return { ok: true, value: own(options, key) };
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return {
      ok: false,
      error: problem(["options", key], undefined, `${key} could not be read: ${reason}`),
    };
  }
}

function identifier(
  options: unknown,
  key: "schema" | "tablePrefix",
  fallback: string | null,
  max: number,
): { ok: true; value: string | null } | { ok: false; error: PostgresOptionsError } {
  const read = option(options, key);
  if (!read.ok) return read;
  const value = read.value;
  if (value === undefined) return { ok: true, value: fallback };
  const empty = key === "tablePrefix" && value === "";
  if (typeof value === "string" && (empty || IDENTIFIER.test(value)) && value.length <= max) {
    return { ok: true, value };
  }
  return {
    ok: false,
    error: problem(
      ["options", key],
      value,
      `${key} is a lower-case identifier of at most ${max} characters: letters a–z, digits and _, not starting with a digit.`,
    ),
  };
}

/**
 * The table names the options name.
 *
 * @param options - `schema` and `tablePrefix`, or `undefined`
 * @returns the names, or the refusal of a malformed option
 * @example
 * ```ts
 * tablesOf(undefined).ok && tablesOf(undefined).value.users; //=> '"pa_users"'
 * tablesOf({ tablePrefix: "pa-" }).ok;                       //=> false
 * ```
 */
export function tablesOf(
  options: unknown,
): { ok: true; value: Tables } | { ok: false; error: PostgresOptionsError } {
  const schema = identifier(options, "schema", null, MAX_SCHEMA);
  if (!schema.ok) return schema;
  const prefix = identifier(options, "tablePrefix", "pa_", MAX_PREFIX);
  if (!prefix.ok) return prefix;
  const p = prefix.value ?? "";
  const s = schema.value;
  const table = (name: string) => (s === null ? `"${p}${name}"` : `"${s}"."${p}${name}"`);
  return {
    ok: true,
    value: {
      migrations: table("schema_migrations"),
      partners: table("partners"),
      domainClaims: table("domain_claims"),
      emailLinks: table("email_links"),
      users: table("users"),
      assignments: table("assignments"),
      clients: table("clients"),
      activities: table("activities"),
      schema: s === null ? null : `CREATE SCHEMA IF NOT EXISTS "${s}"`,
      index: (name) => `"${p}${name}"`,
      // unchanged from the first releases' SQL template for the default names,
      // so that servers running either take the same lock
      lockPrefix: `${s === null ? "" : `${s}.`}${p}`,
    },
  };
}
