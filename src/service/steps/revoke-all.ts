/**
 * Revoking every live assignment of one user of a partner, as removing the
 * user from the partner account does. Internal: not exported from the
 * package.
 *
 * @module
 */

import { removeEmployee as removeEmployeeRule } from "../../access/assignment.js";
import type { AssignmentRecord, UserRecord } from "../../ports/repository.js";
import { ok, type Result } from "../../result.js";
import type { UnexpectedError, VersionConflictError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import type { UseCaseContext } from "../pipeline/define-use-case.js";
import { fold, take } from "../pipeline/fold.js";
import { endAssignment } from "./end-assignment.js";

/**
 * What revoking did: the assignments ended, as stored, and an event each
 * (`client_access_removed`, or `assignment_expired` for one whose expiry
 * had already passed).
 *
 * @example
 * ```ts
 * const r: Revoked = { revoked: [], events: [] };
 * ```
 */
export interface Revoked {
  readonly revoked: AssignmentRecord[];
  readonly events: PartnerAccessEvent[];
}

// Each live assignment, read again with a locking read: what the rule
// decides on cannot change before the transaction ends.
async function lockedLive(context: UseCaseContext, user: UserRecord): Promise<AssignmentRecord[]> {
  const { tx } = context;
  const partnerId = user.value.partnerId;
  const listed = await tx.listAssignments({ partnerId, emailKey: user.emailKey, live: true });
  const locked: AssignmentRecord[] = [];
  for (const a of listed) {
    const key = { partnerId, clientId: a.value.clientId, emailKey: a.emailKey };
    const current = await tx.getLiveAssignment(key);
    if (current !== null) locked.push(current);
  }
  return locked;
}

/**
 * Ends every pending or active assignment of the user (the pure
 * `removeEmployee` rule) and unlinks each address. The caller holds the
 * user's lock, so no assignment of the user can be added meanwhile.
 *
 * @param context - the use case's context
 * @param user - the user, as read with a locking read
 * @returns the ended assignments and their events, or why not
 * @example
 * ```ts
 * const { revoked, events } = yield* take(await revokeAll(context, user));
 * ```
 */
export function revokeAll(
  context: UseCaseContext,
  user: UserRecord,
): Promise<Result<Revoked, VersionConflictError | UnexpectedError>> {
  return fold(
    (async function* () {
      const live = await lockedLive(context, user);
      const employee = { partnerId: user.value.partnerId, email: user.value.email };
      const ended = removeEmployeeRule(
        employee,
        live.map((a) => a.value),
        context.now,
      ).assignments;
      const revoked: AssignmentRecord[] = [];
      const events: PartnerAccessEvent[] = [];
      for (const [i, current] of live.entries()) {
        const next = ended[i];
        if (next === undefined || next === current.value) continue;
        const record = yield* take(await endAssignment(context.tx, current, next));
        revoked.push(record);
        const type =
          record.value.status === "expired" ? "assignment_expired" : "client_access_removed";
        events.push(context.event({ type, assignmentId: record.id, assignment: record.value }));
      }
      return ok({ revoked, events });
    })(),
  );
}
