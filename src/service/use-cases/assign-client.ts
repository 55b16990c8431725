/**
 * Assigning one client to one tagged employee.
 *
 * @module
 */

import { assignClient as assignClientRule } from "../../access/assignment.js";
import type { Actor } from "../../access/authorization.js";
import type { ClientId, PartnerId, Timestamp } from "../../model.js";
import { err, ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { AssignClientServiceError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { placeAssignment } from "../steps/place-assignment.js";
import { findPartner, findUser } from "../steps/records.js";
import type { AssignedClient } from "../types.js";

/**
 * The request of `assignClient`: one employee, one client.
 *
 * @example
 * ```ts
 * const request: AssignClientRequest = { actor, partnerId: "acme", email: "jane@acme.com", clientId: 42 };
 * ```
 */
export interface AssignClientRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly email: string;
  readonly clientId: ClientId;
  /** Whether the user already is in the client's portal (then no request goes to the client). */
  readonly hasPortalAccess?: boolean;
  readonly expiresAt?: Timestamp;
}

type Success = AssignedClient & { readonly events: PartnerAccessEvent[] };

/**
 * Assigns a client to a tagged employee of the partner: pending until the
 * client grants portal access (which is requested), or active at once with
 * `hasPortalAccess`. The address is linked to the client atomically, so when
 * another partner links it first the assignment is refused with the
 * conflict and an `email_conflict_refused` event.
 *
 * @param deps - the service's repository, clock and options
 * @param request - an {@link AssignClientRequest}
 * @returns the assignment as stored and whether access was requested, or why not
 * @example
 * ```ts
 * await assignClient(deps, { actor: manager, partnerId: "acme", email: "jane@acme.com", clientId: 42 });
 * //=> { ok: true, value: { assignment: { id: "1", …, value: { status: "pending_access", … } }, clientAccessRequested: true, events: [{ type: "client_assigned", … }, { type: "client_access_requested", … }] } }
 * ```
 */
export const assignClient = defineUseCase({
  action: "assign_client",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    email: field.email(),
    clientId: field.clientId(),
    hasPortalAccess: z.optional(field.flag()),
    expiresAt: z.optional(field.timestamp()),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, AssignClientServiceError> {
    const { tx, now } = context;
    const partner = yield* take(await findPartner(tx, r.partnerId));
    const user = yield* take(await findUser(tx, r.partnerId, r.email.key));
    const made = yield* take(
      assignClientRule({
        user: user.value,
        clientId: r.clientId,
        now,
        hasPortalAccess: r.hasPortalAccess === true,
        ...(r.expiresAt === undefined ? {} : { expiresAt: r.expiresAt }),
      }),
    );
    const { result, events } = yield* take(
      await placeAssignment(context, partner.value, user.emailKey, made),
    );
    if (result.ok) return ok({ ...result.value, events });
    if (result.error.code === "email_linked_to_another_partner") {
      return err({ ...result.error, events });
    }
    return err(result.error);
  },
});
