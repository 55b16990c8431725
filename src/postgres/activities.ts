// Clients (reference data, not versioned) and activities (appended, read
// in pages by keyset on (at, id), never OFFSET).

import {
  type Activity,
  type ActivityPage,
  type Client,
  checkActivityRecords,
  checkClientRecord,
  isTimestamp,
  type PutClientOutcome,
  type RecordActivitiesOutcome,
} from "partner-access";
import { clientIdsOf, field, listField, NO_MATCH, periodFilter } from "./read.js";
import { type ActivityRow, json, type Sql } from "./rows.js";

const DEFAULT_PAGE = 1_000;
const MAX_PAGE = 10_000;
// One statement per batch keeps each parameter small; the batches of one
// call are in one transaction, so they are kept all or none.
const BATCH = 5_000;
// The cursor names the last activity of a page: its time and its row id.
const CURSOR = /^p1:(-?\d{1,16}):([1-9]\d{0,17})$/;

async function putClient(sql: Sql, input: unknown): Promise<PutClientOutcome> {
  const checked = checkClientRecord(input);
  if (!checked.ok) return checked.error;
  await sql.one(
    `INSERT INTO ${sql.t.clients} (client_id, data) VALUES ($1, $2::jsonb)
     ON CONFLICT (client_id) DO UPDATE SET data = EXCLUDED.data`,
    [checked.value.clientId, JSON.stringify(checked.value)],
  );
  return { status: "written", client: checked.value };
}

async function listClients(sql: Sql, filter?: unknown): Promise<Client[]> {
  const ids = listField(filter, "clientIds");
  if (ids === NO_MATCH) return [];
  const rows = await sql.rows<{ data: unknown }>(
    `SELECT data FROM ${sql.t.clients} WHERE $1::bigint[] IS NULL OR client_id = ANY($1)
     ORDER BY client_id`,
    [ids === undefined ? null : clientIdsOf(ids)],
  );
  return rows.map((r) => json<Client>(r.data));
}

async function recordActivities(sql: Sql, input: unknown): Promise<RecordActivitiesOutcome> {
  const checked = checkActivityRecords(input);
  if (!checked.ok) return checked.error;
  const all = checked.value;
  for (let from = 0; from < all.length; from += BATCH) {
    await sql.one(
      `INSERT INTO ${sql.t.activities} (client_id, email, at)
       SELECT (a->>'clientId')::bigint, a->>'email', (a->>'at')::bigint
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(a, n) ORDER BY n`,
      [JSON.stringify(all.slice(from, from + BATCH))],
    );
  }
  return { status: "recorded", count: all.length };
}

function cursorOf(after: unknown): { at: number; id: string } | null | undefined {
  if (after === undefined || after === null) return null;
  const m = typeof after === "string" ? CURSOR.exec(after) : null;
  const at = Number(m?.[1]);
  return m !== null && isTimestamp(at) ? { at, id: m[2]! } : undefined;
}

function limitOf(value: unknown): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0
    ? Math.min(value, MAX_PAGE)
    : DEFAULT_PAGE;
}

async function listActivities(sql: Sql, period: unknown, options?: unknown): Promise<ActivityPage> {
  const after = field(options, "after");
  const cursor = cursorOf(after);
  if (cursor === undefined || after === NO_MATCH) {
    return { status: "invalid_cursor", cursor: after === NO_MATCH ? undefined : after };
  }
  const p = periodFilter(period);
  const ids = listField(options, "clientIds");
  if (p === undefined || p === NO_MATCH || ids === NO_MATCH) {
    return { status: "page", activities: [], next: null };
  }
  const limit = limitOf(field(options, "limit"));
  const found = await sql.rows<ActivityRow>(
    `SELECT id, client_id, email, at FROM ${sql.t.activities}
     WHERE at >= $1 AND at < $2 AND ($3::bigint IS NULL OR (at, id) > ($3, $4::bigint))
       AND ($5::bigint[] IS NULL OR client_id = ANY($5))
     ORDER BY at, id LIMIT $6`,
    [
      p.start,
      p.end,
      cursor?.at ?? null,
      cursor?.id ?? null,
      ids === undefined ? null : clientIdsOf(ids),
      limit + 1,
    ],
  );
  const page = found.slice(0, limit);
  const activities: Activity[] = page.map((r) => ({
    clientId: Number(r.client_id),
    email: r.email,
    at: Number(r.at),
  }));
  const last = page[page.length - 1];
  const next = found.length > limit && last ? `p1:${Number(last.at)}:${String(last.id)}` : null;
  return { status: "page", activities, next };
}

/**
 * The port's client and activity methods over one view's statements. Each takes the statements first, then the port
 * method's own arguments, and answers as the port says.
 *
 * @example
 * ```ts
 * activityMethods.listClients(sql, { clientIds: [42] }); //=> Promise of [{ clientId: 42, … }]
 * ```
 */
export const activityMethods = { putClient, listClients, recordActivities, listActivities };
