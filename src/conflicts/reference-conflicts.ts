/**
 * The readable twin of `detectEmailConflicts`: the rule written as plainly
 * as it is stated, with arrays and `filter`, no index (so it is quadratic,
 * and meant for tests). A differential property
 * (test/conflicts/differential.prop.test.ts) asserts that the detector
 * returns exactly what this returns on thousands of seeded data sets.
 * Internal: not exported from the package.
 *
 * The rule: an email address (by its key) can be linked to a given client by
 * one partner only. Assignments that are pending or active link their
 * address; removed and expired ones, and records that are not well-formed
 * assignments, link nothing. Each (client, key) linked by two or more
 * partners is a conflict: each partner is represented by its earliest link,
 * the holder is the earliest `assignedAt` (ties: the smaller `partnerId`),
 * the others are contenders in that order. Conflicts come sorted by client,
 * then key.
 *
 * @module
 */

import { parseEmailIdentity } from "../domain/email-identity.js";
import { isClientId, isPartnerId, isRecord, isTimestamp, own } from "../guards.js";
import type { Partner } from "../model.js";
import { buildConflict, type EmailConflict } from "./email-conflicts.js";
import { type Link, parties, precedes } from "./kernel.js";

// The link a record makes, or null: own properties only.
function linkOf(record: unknown): Link | null {
  if (!isRecord(record)) return null;
  const status = own(record, "status");
  const partnerId = own(record, "partnerId");
  const clientId = own(record, "clientId");
  const assignedAt = own(record, "assignedAt");
  const email = own(record, "email");
  if (status !== "active" && status !== "pending_access") return null;
  if (!isPartnerId(partnerId) || !isClientId(clientId) || !isTimestamp(assignedAt)) return null;
  if (typeof email !== "string") return null;
  const parsed = parseEmailIdentity(email);
  if (!parsed.ok) return null;
  const { local, key } = parsed.value;
  return { partnerId, clientId, email, local, key, assignedAt: assignedAt + 0 };
}

/**
 * Detects email conflicts the plain way (see the module comment).
 *
 * @param assignments - any list of records
 * @param partners - partner records, for suggested addresses (the first of an id counts)
 * @returns what `detectEmailConflicts` must return for them
 * @example
 * ```ts
 * expect(detectEmailConflicts(list, partners)).toEqual(referenceEmailConflicts(list, partners));
 * ```
 */
export function referenceEmailConflicts(
  assignments: readonly unknown[],
  partners: readonly Partner[] = [],
): EmailConflict[] {
  const links = assignments.map(linkOf).filter((l): l is Link => l !== null);
  const groups = [...new Set(links.map((l) => `${l.clientId} ${l.key}`))];
  const conflicts: EmailConflict[] = [];
  for (const group of groups) {
    const members = links.filter((l) => `${l.clientId} ${l.key}` === group);
    const partnerIds = [...new Set(members.map((l) => l.partnerId))];
    if (partnerIds.length < 2) continue;
    const earliest = partnerIds.map((id) =>
      members.filter((l) => l.partnerId === id).reduce((best, l) => (precedes(l, best) ? l : best)),
    );
    const partnerOf = (id: string) =>
      partners.find((p) => isRecord(p) && own(p, "partnerId") === id);
    conflicts.push(buildConflict(parties(earliest), partnerOf));
  }
  return conflicts.sort((a, b) => a.clientId - b.clientId || (a.email < b.email ? -1 : 1));
}
