/**
 * The sweep that ends assignments whose time is up.
 *
 * @module
 */

import { expireAssignments } from "../../access/expiry-reminders.js";
import type { AssignmentRecord } from "../../ports/repository.js";
import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { ExpireDueAssignmentsError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase, type UseCaseContext } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { endAssignment } from "../steps/end-assignment.js";

/**
 * What `expireDueAssignments` did: the assignments it marked `expired`, as
 * stored.
 *
 * @example
 * ```ts
 * const s: ExpireDueAssignmentsSuccess = { expired: [] };
 * ```
 */
export interface ExpireDueAssignmentsSuccess {
  readonly expired: readonly AssignmentRecord[];
}

type Success = ExpireDueAssignmentsSuccess & { readonly events: PartnerAccessEvent[] };

// The partner's live assignments whose expiry has come, each read again
// with a locking read, so a removal racing the sweep wins or waits.
async function dueNow(context: UseCaseContext, partnerId: string): Promise<AssignmentRecord[]> {
  const { tx, now } = context;
  const live = await tx.listAssignments({ partnerId, live: true });
  const due: AssignmentRecord[] = [];
  for (const a of live) {
    if (a.value.expiresAt === undefined || a.value.expiresAt > now) continue;
    const key = { partnerId, clientId: a.value.clientId, emailKey: a.emailKey };
    const locked = await tx.getLiveAssignment(key);
    if (locked !== null) due.push(locked);
  }
  return due;
}

/**
 * Marks every pending or active assignment of the partner whose
 * `expiresAt` has come `expired` (`expireAssignments`), writes each one and
 * unlinks its address from the client, so another partner may link it.
 * Nothing else is touched: no user, no claim, no other assignment. Run it
 * from a scheduled job, as a super admin or a holder of
 * `manage_partner_employees` of the partner (authorized as
 * `remove_client_access`); running it twice expires nothing twice.
 *
 * @param deps - the service's repository, clock and options
 * @param request - a `PartnerRequest`
 * @returns the expired assignments, with an `assignment_expired` event each
 * @example
 * ```ts
 * const r = await expireDueAssignments(deps, { actor: admin, partnerId: "acme" });
 * r.ok && r.value.events.map((e) => e.type); //=> ["assignment_expired"]
 * ```
 */
export const expireDueAssignments = defineUseCase({
  action: "remove_client_access",
  request: z.object({ actor: field.any(), partnerId: field.partnerId() }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, ExpireDueAssignmentsError> {
    const due = await dueNow(context, r.partnerId);
    const swept = expireAssignments(
      due.map((a) => a.value),
      context.now,
    ).assignments;
    const expired: AssignmentRecord[] = [];
    const events: PartnerAccessEvent[] = [];
    for (const [i, current] of due.entries()) {
      const next = swept[i];
      if (next === undefined || next === current.value) continue;
      const record = yield* take(await endAssignment(context.tx, current, next));
      expired.push(record);
      events.push(
        context.event({
          type: "assignment_expired",
          assignmentId: record.id,
          assignment: record.value,
        }),
      );
    }
    return ok({ expired, events });
  },
});
