/**
 * Storing one assignment that the pure rule accepted: the address is
 * linked to the client atomically (the link decides between partners that
 * race), then the assignment is inserted (one live per partner, client and
 * address). Internal: not exported from the package.
 *
 * @module
 */

import type { AssignClientSuccess } from "../../access/assignment.js";
import { checkEmailLink, type EmailConflict } from "../../conflicts/email-conflicts.js";
import type { Assignment, Partner } from "../../model.js";
import type { EmailLinkRecord } from "../../ports/repository.js";
import { err, ok, type Result } from "../../result.js";
import type { AlreadyAssignedError, UnexpectedError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import type { UseCaseContext } from "../pipeline/define-use-case.js";
import type { AssignedClient } from "../types.js";
import { unexpectedError } from "../unit-of-work.js";
import { alreadyAssigned, refusedRecord } from "./failures.js";

/**
 * What placing one assignment gave: its own result, and the events it
 * adds (the assignment's, or the refusal's).
 *
 * @example
 * ```ts
 * const placed: Placed = { result: ok(assigned), events: [clientAssigned] };
 * ```
 */
export interface Placed {
  readonly result: Result<AssignedClient, AlreadyAssignedError | EmailConflict>;
  readonly events: PartnerAccessEvent[];
}

// The conflict with the partner that holds the link, as checkEmailLink
// words it; the holder's address as stored is normally valid, else the
// candidate's (same key) stands in for it.
function conflictWith(
  holder: EmailLinkRecord,
  candidate: Assignment,
  partner: Partner,
): Result<EmailConflict, UnexpectedError> {
  const linked: Assignment = {
    partnerId: holder.partnerId,
    clientId: candidate.clientId,
    email: holder.email,
    status: "pending_access",
    assignedAt: holder.linkedAt,
  };
  for (const email of [holder.email, candidate.email]) {
    const checked = checkEmailLink([{ ...linked, email }], candidate, partner);
    if (!checked.ok) return ok(checked.error);
  }
  return err(
    unexpectedError(new Error(`No conflict found with the holder of ${holder.emailKey}.`)),
  );
}

function refused(context: UseCaseContext, conflict: EmailConflict, candidate: Assignment): Placed {
  const event = context.event({
    type: "email_conflict_refused",
    partnerId: candidate.partnerId,
    clientId: candidate.clientId,
    email: conflict.email,
    holder: conflict.holder,
  });
  return { result: err(conflict), events: [event] };
}

function placed(
  context: UseCaseContext,
  made: AssignClientSuccess,
  assigned: AssignedClient,
): Placed {
  const { id, value } = assigned.assignment;
  const events = [context.event({ type: "client_assigned", assignmentId: id, assignment: value })];
  if (made.clientAccessRequested) {
    const { partnerId, clientId, email } = value;
    events.push(
      context.event({
        type: "client_access_requested",
        assignmentId: id,
        partnerId,
        clientId,
        email,
      }),
    );
  }
  return { result: ok(assigned), events };
}

/**
 * Stores an assignment the pure rule made: refused when the partner
 * already has a live one there (`already_assigned`), or when another
 * partner links the address to the client (`email_linked_to_another_partner`,
 * with an `email_conflict_refused` event), whether that shows in the stored
 * assignments (imported data without a link) or in the atomic link.
 *
 * @param context - the use case's context
 * @param partner - the assigning partner
 * @param key - the address's key
 * @param made - what `assignClient` made
 * @returns the assignment's own result and its events; a store that refuses the record is `unexpected_error`
 * @example
 * ```ts
 * const { result, events } = yield* take(await placeAssignment(context, partner, key, made));
 * ```
 */
export async function placeAssignment(
  context: UseCaseContext,
  partner: Partner,
  key: string,
  made: AssignClientSuccess,
): Promise<Result<Placed, UnexpectedError>> {
  const { tx } = context;
  const candidate = made.assignment;
  const { clientId, partnerId } = candidate;
  const live = await tx.listAssignments({ clientId, emailKey: key, live: true });
  const own = live.find((a) => a.value.partnerId === partnerId);
  if (own !== undefined) return ok({ result: err(alreadyAssigned(own)), events: [] });
  const stored = checkEmailLink(
    live.map((a) => a.value),
    candidate,
    partner,
  );
  if (!stored.ok) return ok(refused(context, stored.error, candidate));

  const link = { clientId, partnerId, email: candidate.email, linkedAt: candidate.assignedAt };
  const linked = await tx.linkEmail(link);
  if (linked.status === "invalid_record") return err(refusedRecord(linked));
  if (linked.status === "held_by_other") {
    const conflict = conflictWith(linked.holder, candidate, partner);
    return conflict.ok ? ok(refused(context, conflict.value, candidate)) : conflict;
  }
  const inserted = await tx.insertAssignment(candidate);
  if (inserted.status === "invalid_record") return err(refusedRecord(inserted));
  if (inserted.status === "duplicate") {
    return ok({ result: err(alreadyAssigned(inserted.existing)), events: [] });
  }
  const assigned = {
    assignment: inserted.record,
    clientAccessRequested: made.clientAccessRequested,
  };
  return ok(placed(context, made, assigned));
}
