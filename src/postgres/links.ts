// Email links: one row per (client, email key), so the primary key decides
// between partners linking one address to one client at once.

import {
  checkEmailLinkRecord,
  type EmailLinkRecord,
  isClientId,
  type LinkEmailOutcome,
  type UnlinkEmailOutcome,
} from "partner-access";
import { rerun } from "./driver.js";
import { clientFilter, field, keyText, NO_MATCH, textFilter } from "./read.js";
import { type LinkRow, type Sql, toLink } from "./rows.js";
import { unstorable } from "./storable.js";

// How often linkEmail tries again when the holder it lost to unlinked
// before it could read it; past that, the unit is rerun as after a
// serialization failure.
const LINK_ATTEMPTS = 8;

async function getEmailLink(
  sql: Sql,
  clientId: unknown,
  emailKey: unknown,
): Promise<EmailLinkRecord | null> {
  const key = keyText(emailKey);
  if (!isClientId(clientId) || key === null) return null;
  const r = await sql.one<LinkRow>(
    `SELECT * FROM ${sql.t.emailLinks} WHERE client_id = $1 AND email_key = $2 ${sql.lock}`,
    [clientId, key],
  );
  return r && toLink(r);
}

async function linkEmail(sql: Sql, input: unknown): Promise<LinkEmailOutcome> {
  const checked = checkEmailLinkRecord(input);
  if (!checked.ok) return checked.error;
  const link = checked.value;
  const refused = unstorable("link", link);
  if (refused !== null) return refused;
  for (let attempt = 0; attempt < LINK_ATTEMPTS; attempt++) {
    const inserted = await sql.one<LinkRow>(
      `INSERT INTO ${sql.t.emailLinks} (client_id, email_key, partner_id, email, linked_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING *`,
      [link.clientId, link.emailKey, link.partnerId, link.email, link.linkedAt],
    );
    if (inserted) return { status: "linked", link: toLink(inserted) };
    const held = await getEmailLink(sql, link.clientId, link.emailKey);
    if (held !== null) {
      return held.partnerId === link.partnerId
        ? { status: "already_ours", link: held }
        : { status: "held_by_other", holder: held };
    }
    // unlinked in between: try again
  }
  throw rerun("linkEmail: the link kept changing hands; the unit runs again.");
}

async function unlinkEmail(sql: Sql, link: unknown): Promise<UnlinkEmailOutcome> {
  const clientId = field(link, "clientId");
  const emailKey = keyText(field(link, "emailKey"));
  const partnerId = keyText(field(link, "partnerId"));
  const deleted =
    isClientId(clientId) && emailKey !== null && partnerId !== null
      ? await sql.one<LinkRow>(
          `DELETE FROM ${sql.t.emailLinks}
           WHERE client_id = $1 AND email_key = $2 AND partner_id = $3 RETURNING *`,
          [clientId, emailKey, partnerId],
        )
      : null;
  return deleted
    ? { status: "unlinked", link: toLink(deleted) }
    : { status: "not_held", holder: await getEmailLink(sql, clientId, emailKey) };
}

async function listEmailLinks(sql: Sql, filter?: unknown): Promise<EmailLinkRecord[]> {
  const clientId = clientFilter(field(filter, "clientId"));
  const partnerId = textFilter(field(filter, "partnerId"));
  if (clientId === NO_MATCH || partnerId === NO_MATCH) return [];
  const rows = await sql.rows<LinkRow>(
    `SELECT * FROM ${sql.t.emailLinks}
     WHERE ($1::bigint IS NULL OR client_id = $1) AND ($2::text IS NULL OR partner_id = $2)
     ORDER BY client_id, email_key`,
    [clientId ?? null, partnerId ?? null],
  );
  return rows.map(toLink);
}

/**
 * The port's email-link methods over one view's statements. Each takes the statements first, then the port
 * method's own arguments, and answers as the port says.
 *
 * @example
 * ```ts
 * linkMethods.getEmailLink(sql, 42, "jane@gmail.com"); //=> Promise of the link or null
 * ```
 */
export const linkMethods = { linkEmail, unlinkEmail, getEmailLink, listEmailLinks };
