// Partners: one row per partner, the record as JSONB, a version.

import {
  checkPartnerRecord,
  type Partner,
  type Versioned,
  type VersionedWrite,
} from "partner-access";
import { keysOf, keyText, listField, NO_MATCH, versionOf } from "./read.js";
import { type DataRow, type Sql, toPartner } from "./rows.js";
import { unstorable } from "./storable.js";

function getPartner(sql: Sql, partnerId: unknown): Promise<Versioned<Partner> | null> {
  const id = keyText(partnerId);
  if (id === null) return Promise.resolve(null);
  return sql
    .one<DataRow>(`SELECT data, version FROM ${sql.t.partners} WHERE partner_id = $1 ${sql.lock}`, [
      id,
    ])
    .then((r) => r && toPartner(r));
}

async function listPartners(sql: Sql, filter?: unknown): Promise<Versioned<Partner>[]> {
  const ids = listField(filter, "partnerIds");
  if (ids === NO_MATCH) return [];
  const found = await sql.rows<DataRow>(
    `SELECT data, version FROM ${sql.t.partners}
     WHERE $1::text[] IS NULL OR partner_id = ANY($1) ORDER BY partner_id`,
    [ids === undefined ? null : keysOf(ids)],
  );
  return found.map(toPartner);
}

async function savePartner(
  sql: Sql,
  input: unknown,
  expectedVersion: unknown,
): Promise<VersionedWrite<Versioned<Partner>>> {
  const checked = checkPartnerRecord(input);
  if (!checked.ok) return checked.error;
  const partner = checked.value;
  const refused = unstorable("partner", partner);
  if (refused !== null) return refused;
  const version = versionOf(expectedVersion);
  const written =
    expectedVersion === null
      ? await sql.one<{ version: number }>(
          `INSERT INTO ${sql.t.partners} (partner_id, data, version) VALUES ($1, $2::jsonb, 1)
           ON CONFLICT DO NOTHING RETURNING version`,
          [partner.partnerId, JSON.stringify(partner)],
        )
      : version === null
        ? null
        : await sql.one<{ version: number }>(
            `UPDATE ${sql.t.partners} SET data = $2::jsonb, version = version + 1
             WHERE partner_id = $1 AND version = $3 RETURNING version`,
            [partner.partnerId, JSON.stringify(partner), version],
          );
  return written
    ? { status: "written", record: { value: partner, version: Number(written.version) } }
    : { status: "version_conflict", current: await getPartner(sql, partner.partnerId) };
}

/**
 * The port's partner methods over one view's statements. Each takes the statements first, then the port
 * method's own arguments, and answers as the port says.
 *
 * @example
 * ```ts
 * partnerMethods.getPartner(sql, "acme"); //=> Promise of { value: { partnerId: "acme", … }, version: 1 } or null
 * ```
 */
export const partnerMethods = { getPartner, listPartners, savePartner };
