/**
 * Removing one employee's access to one client, confirmed by typing `REMOVE`.
 *
 * @module
 */

import { removeClientAccess as removeClientAccessRule } from "../../access/assignment.js";
import type { Actor } from "../../access/authorization.js";
import type { ClientId, PartnerId } from "../../model.js";
import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { RemoveClientAccessServiceError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { confirmRemoval } from "../steps/confirm-removal.js";
import { endAssignment } from "../steps/end-assignment.js";
import { findLiveAssignment } from "../steps/records.js";
import type { AssignmentChanged } from "../types.js";

/**
 * The request of `removeClientAccess`, confirmed by typing `REMOVE`.
 *
 * @example
 * ```ts
 * const request: RemoveClientAccessRequest = {
 *   actor, partnerId: "acme", clientId: 42, email: "jane@acme.com", confirmation: "REMOVE",
 * };
 * ```
 */
export interface RemoveClientAccessRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly email: string;
  readonly confirmation: string;
}

type Success = AssignmentChanged & { readonly events: PartnerAccessEvent[] };

/**
 * Removes an employee's access to a client, confirmed by typing `REMOVE`;
 * the address is unlinked from the client, so another partner may link it.
 *
 * @param deps - the service's repository, clock and options
 * @param request - a {@link RemoveClientAccessRequest}
 * @returns the assignment as stored, or why not
 * @example
 * ```ts
 * await removeClientAccess(deps, { actor: manager, partnerId: "acme", clientId: 42, email: "jane@acme.com", confirmation: "REMOVE" });
 * //=> { ok: true, value: { assignment: { …, value: { status: "removed", … } }, events: [{ type: "client_access_removed", … }] } }
 * ```
 */
export const removeClientAccess = defineUseCase({
  action: "remove_client_access",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    clientId: field.clientId(),
    email: field.email(),
    confirmation: field.any(),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, RemoveClientAccessServiceError> {
    const { tx, now } = context;
    const confirmed = yield* take(confirmRemoval(r.confirmation));
    const current = yield* take(await findLiveAssignment(tx, r.partnerId, r.clientId, r.email.key));
    const removed = yield* take(removeClientAccessRule(current.value, confirmed, now));
    const assignment = yield* take(await endAssignment(tx, current, removed));
    const event = context.event({
      type: "client_access_removed",
      assignmentId: assignment.id,
      assignment: assignment.value,
    });
    return ok({ assignment, events: [event] });
  },
});
