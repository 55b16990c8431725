// Assignments: history, never deleted. A partial unique index keeps one
// live (pending or active) assignment per partner, client and email key;
// active_from / active_until, kept beside the JSON, find a period's
// assignments by index.

import {
  type Assignment,
  type AssignmentRecord,
  checkAssignmentRecord,
  checkAssignmentUpdate,
  type InsertAssignmentOutcome,
  isClientId,
  type VersionedWrite,
} from "partner-access";
import { rerun } from "./driver.js";
import {
  clientFilter,
  clientIdsOf,
  field,
  keyText,
  listField,
  NO_MATCH,
  periodFilter,
  textFilter,
} from "./read.js";
import { type AssignmentRow, type Sql, toAssignment } from "./rows.js";
import { unstorable } from "./storable.js";

const LIVE = "status IN ('pending_access', 'active')";
// Ids are bigserial: anything else names no row (and must not reach ::bigint).
const ID = /^[1-9]\d{0,17}$/;
const INSERT_ATTEMPTS = 8;

// rule: active over [activatedAt, removedAt ?? expiresAt ?? ∞); pending never.
function activeWindow(a: Assignment): [number | null, number | null] {
  if (a.status === "pending_access" || a.activatedAt === undefined) return [null, null];
  return [a.activatedAt, a.removedAt ?? a.expiresAt ?? null];
}

async function getAssignment(sql: Sql, id: unknown): Promise<AssignmentRecord | null> {
  if (typeof id !== "string" || !ID.test(id)) return null;
  const r = await sql.one<AssignmentRow>(
    `SELECT * FROM ${sql.t.assignments} WHERE id = $1 ${sql.lock}`,
    [id],
  );
  return r && toAssignment(r);
}

async function getLiveAssignment(sql: Sql, key: unknown): Promise<AssignmentRecord | null> {
  const partnerId = keyText(field(key, "partnerId"));
  const clientId = field(key, "clientId");
  const emailKey = keyText(field(key, "emailKey"));
  if (partnerId === null || !isClientId(clientId) || emailKey === null) return null;
  const r = await sql.one<AssignmentRow>(
    `SELECT * FROM ${sql.t.assignments}
     WHERE partner_id = $1 AND client_id = $2 AND email_key = $3 AND ${LIVE} ${sql.lock}`,
    [partnerId, clientId, emailKey],
  );
  return r && toAssignment(r);
}

async function insertAssignment(sql: Sql, input: unknown): Promise<InsertAssignmentOutcome> {
  const checked = checkAssignmentRecord(input);
  if (!checked.ok) return checked.error;
  const { assignment: a, emailKey } = checked.value;
  const refused = unstorable("assignment", a);
  if (refused !== null) return refused;
  for (let attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
    const inserted = await sql.one<AssignmentRow>(
      `INSERT INTO ${sql.t.assignments}
         (partner_id, client_id, email_key, status, active_from, active_until, data, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 1)
       ON CONFLICT (partner_id, client_id, email_key) WHERE ${LIVE} DO NOTHING RETURNING *`,
      [a.partnerId, a.clientId, emailKey, a.status, ...activeWindow(a), JSON.stringify(a)],
    );
    if (inserted) return { status: "inserted", record: toAssignment(inserted) };
    const existing = await getLiveAssignment(sql, { ...a, emailKey });
    if (existing) return { status: "duplicate", existing };
    // the live one ended in between: try again
  }
  throw rerun("insertAssignment: the live assignment kept changing; the unit runs again.");
}

function assignmentQuery(filter: unknown): { where: string; params: unknown[] } | null {
  const partnerId = textFilter(field(filter, "partnerId"));
  const clientId = clientFilter(field(filter, "clientId"));
  const emailKey = textFilter(field(filter, "emailKey"));
  const live = field(filter, "live");
  const clientIds = listField(filter, "clientIds");
  const period = periodFilter(field(filter, "activeIn"));
  const values = [partnerId, clientId, emailKey, clientIds, period];
  if (values.includes(NO_MATCH) || (live !== undefined && typeof live !== "boolean")) return null;
  const p = period === NO_MATCH ? undefined : period;
  return {
    // [active_from, active_until) meets [start, end)
    where: `($1::text IS NULL OR partner_id = $1) AND ($2::bigint IS NULL OR client_id = $2)
      AND ($3::text IS NULL OR email_key = $3) AND ($4::boolean IS NULL OR (${LIVE}) = $4)
      AND ($5::bigint[] IS NULL OR client_id = ANY($5))
      AND ($6::bigint IS NULL OR (active_from < $7::bigint AND $6 < $7::bigint
           AND active_from < COALESCE(active_until, 9007199254740991)
           AND $6 < COALESCE(active_until, 9007199254740991)))`,
    params: [
      partnerId ?? null,
      clientId ?? null,
      emailKey ?? null,
      live ?? null,
      clientIds === undefined || clientIds === NO_MATCH ? null : clientIdsOf(clientIds),
      p?.start ?? null,
      p?.end ?? null,
    ],
  };
}

async function listAssignments(sql: Sql, filter?: unknown): Promise<AssignmentRecord[]> {
  const q = assignmentQuery(filter);
  if (q === null) return [];
  const rows = await sql.rows<AssignmentRow>(
    `SELECT * FROM ${sql.t.assignments} WHERE ${q.where} ORDER BY id`,
    q.params,
  );
  return rows.map(toAssignment);
}

async function updateAssignment(
  sql: Sql,
  id: unknown,
  input: unknown,
  expectedVersion: unknown,
): Promise<VersionedWrite<AssignmentRecord>> {
  const checked = checkAssignmentRecord(input);
  if (!checked.ok) return checked.error;
  const current = await getAssignment(sql, id);
  if (current === null || current.version !== expectedVersion) {
    return { status: "version_conflict", current };
  }
  const change = checkAssignmentUpdate(current, input);
  if (!change.ok) return change.error;
  const a = change.value.assignment;
  const refused = unstorable("assignment", a);
  if (refused !== null) return refused;
  const updated = await sql.one<AssignmentRow>(
    `UPDATE ${sql.t.assignments}
     SET data = $2::jsonb, status = $3, active_from = $4, active_until = $5, version = version + 1
     WHERE id = $1 AND version = $6 RETURNING *`,
    [current.id, JSON.stringify(a), a.status, ...activeWindow(a), current.version],
  );
  return updated
    ? { status: "written", record: toAssignment(updated) }
    : { status: "version_conflict", current: await getAssignment(sql, current.id) };
}

/**
 * The port's assignment methods over one view's statements. Each takes the statements first, then the port
 * method's own arguments, and answers as the port says.
 *
 * @example
 * ```ts
 * assignmentMethods.getAssignment(sql, "1"); //=> Promise of the assignment record or null
 * ```
 */
export const assignmentMethods = {
  insertAssignment,
  getAssignment,
  getLiveAssignment,
  listAssignments,
  updateAssignment,
};
