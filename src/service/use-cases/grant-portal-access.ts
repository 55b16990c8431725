/**
 * The client's admin adding a partner's employee to its portal.
 *
 * @module
 */

import { grantPortalAccess as grantPortalAccessRule } from "../../access/assignment.js";
import type { ClientActor } from "../../access/authorization.js";
import type { ClientId, PartnerId } from "../../model.js";
import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { GrantPortalAccessServiceError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { findLiveAssignment, writeAssignment } from "../steps/records.js";
import type { AssignmentChanged } from "../types.js";

/**
 * The request of `grantPortalAccess`: the client's admin adds the partner's
 * employee to its portal.
 *
 * @example
 * ```ts
 * const request: GrantPortalAccessRequest = {
 *   actor: { kind: "client", userId: "c-1", clientId: 42, superAdmin: true },
 *   partnerId: "acme", clientId: 42, email: "jane@acme.com",
 * };
 * ```
 */
export interface GrantPortalAccessRequest {
  readonly actor: ClientActor;
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly email: string;
}

type Success = AssignmentChanged & { readonly events: PartnerAccessEvent[] };

/**
 * Records that the client's admin added the employee to its portal: the
 * pending assignment becomes active. Only a super admin of that client's
 * portal may do it (only the client decides who is in its portal).
 *
 * @param deps - the service's repository, clock and options
 * @param request - a {@link GrantPortalAccessRequest}
 * @returns the assignment as stored, or why not
 * @example
 * ```ts
 * await grantPortalAccess(deps, { actor: clientAdmin, partnerId: "acme", clientId: 42, email: "jane@acme.com" });
 * //=> { ok: true, value: { assignment: { …, value: { status: "active", … } }, events: [{ type: "portal_access_granted", … }] } }
 * ```
 */
export const grantPortalAccess = defineUseCase({
  action: "grant_portal_access",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    clientId: field.clientId(),
    email: field.email(),
  }),
  target: (r) => ({ partnerId: r.partnerId, clientId: r.clientId }),
  run: async function* (r, context): Steps<Success, GrantPortalAccessServiceError> {
    const { tx, now } = context;
    const current = yield* take(await findLiveAssignment(tx, r.partnerId, r.clientId, r.email.key));
    const granted = yield* take(grantPortalAccessRule(current.value, now));
    const assignment = yield* take(await writeAssignment(tx, current, granted));
    const event = context.event({
      type: "portal_access_granted",
      assignmentId: assignment.id,
      assignment: assignment.value,
    });
    return ok({ assignment, events: [event] });
  },
});
