// Partner users: one row per (partner, email key), the key computed from
// the address by the library's check, never taken from the caller.

import {
  checkUserRecord,
  type DeleteUserOutcome,
  type UserRecord,
  type VersionedWrite,
} from "partner-access";
import { field, keyText, listField, NO_MATCH, textFilter, versionOf } from "./read.js";
import { type Sql, toUser, type UserRow } from "./rows.js";
import { unstorable } from "./storable.js";

async function getUser(
  sql: Sql,
  partnerId: unknown,
  emailKey: unknown,
): Promise<UserRecord | null> {
  const id = keyText(partnerId);
  const key = keyText(emailKey);
  if (id === null || key === null) return null;
  const r = await sql.one<UserRow>(
    `SELECT email_key, data, version FROM ${sql.t.users}
     WHERE partner_id = $1 AND email_key = $2 ${sql.lock}`,
    [id, key],
  );
  return r && toUser(r);
}

async function listUsers(sql: Sql, filter?: unknown): Promise<UserRecord[]> {
  const partnerId = textFilter(field(filter, "partnerId"));
  const keys = listField(filter, "keys");
  if (partnerId === NO_MATCH || keys === NO_MATCH) return [];
  // identities that can name a row, as two parallel arrays
  const pairs = (keys ?? []).flatMap((k) => {
    const id = keyText(field(k, "partnerId"));
    const key = keyText(field(k, "emailKey"));
    return id === null || key === null ? [] : [[id, key] as const];
  });
  const rows = await sql.rows<UserRow>(
    `SELECT email_key, data, version FROM ${sql.t.users}
     WHERE ($1::text IS NULL OR partner_id = $1)
       AND ($2::text[] IS NULL OR (partner_id, email_key) IN
            (SELECT * FROM unnest($2::text[], $3::text[])))
     ORDER BY partner_id, email_key`,
    [partnerId ?? null, keys === undefined ? null : pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return rows.map(toUser);
}

async function saveUser(
  sql: Sql,
  input: unknown,
  expectedVersion: unknown,
): Promise<VersionedWrite<UserRecord>> {
  const checked = checkUserRecord(input);
  if (!checked.ok) return checked.error;
  const { user, emailKey } = checked.value;
  const refused = unstorable("user", user);
  if (refused !== null) return refused;
  const version = versionOf(expectedVersion);
  const params = [user.partnerId, emailKey, JSON.stringify(user)];
  const written =
    expectedVersion === null
      ? await sql.one<{ version: number }>(
          `INSERT INTO ${sql.t.users} (partner_id, email_key, data, version)
           VALUES ($1, $2, $3::jsonb, 1) ON CONFLICT DO NOTHING RETURNING version`,
          params,
        )
      : version === null
        ? null
        : await sql.one<{ version: number }>(
            `UPDATE ${sql.t.users} SET data = $3::jsonb, version = version + 1
             WHERE partner_id = $1 AND email_key = $2 AND version = $4 RETURNING version`,
            [...params, version],
          );
  return written
    ? { status: "written", record: { emailKey, value: user, version: Number(written.version) } }
    : { status: "version_conflict", current: await getUser(sql, user.partnerId, emailKey) };
}

async function deleteUser(
  sql: Sql,
  partnerId: unknown,
  emailKey: unknown,
  expectedVersion: unknown,
): Promise<DeleteUserOutcome> {
  const id = keyText(partnerId);
  const key = keyText(emailKey);
  const version = versionOf(expectedVersion);
  const deleted =
    id !== null && key !== null && version !== null
      ? await sql.one<UserRow>(
          `DELETE FROM ${sql.t.users} WHERE partner_id = $1 AND email_key = $2 AND version = $3
           RETURNING email_key, data, version`,
          [id, key, version],
        )
      : null;
  return deleted
    ? { status: "deleted", user: toUser(deleted) }
    : { status: "version_conflict", current: await getUser(sql, partnerId, emailKey) };
}

/**
 * The port's partner-user methods over one view's statements. Each takes the statements first, then the port
 * method's own arguments, and answers as the port says.
 *
 * @example
 * ```ts
 * userMethods.getUser(sql, "acme", "jane@acme.com"); //=> Promise of the user record or null
 * ```
 */
export const userMethods = { getUser, listUsers, saveUser, deleteUser };
