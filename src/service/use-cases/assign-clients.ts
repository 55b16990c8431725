/**
 * Assigning many clients to one employee at once, from the employee's side.
 *
 * @module
 */

import { assignClients as assignClientsRule } from "../../access/assignment.js";
import type { Actor } from "../../access/authorization.js";
import type { ClientId, PartnerId, Timestamp } from "../../model.js";
import { ok, type Result } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { AssignItemError, BulkAssignServiceError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { placeAssignment } from "../steps/place-assignment.js";
import { findPartner, findUser } from "../steps/records.js";
import type { AssignedClient, BulkAssignSuccess } from "../types.js";

/**
 * The request of `assignClients`: one employee, many clients (from the
 * employee's side).
 *
 * @example
 * ```ts
 * const request: AssignClientsRequest = { actor, partnerId: "acme", email: "jane@acme.com", clientIds: [42, 43] };
 * ```
 */
export interface AssignClientsRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly email: string;
  readonly clientIds: readonly ClientId[];
  /** The clients whose portal the user is already in: those start active. */
  readonly clientsWithPortalAccess?: readonly ClientId[];
  readonly expiresAt?: Timestamp;
}

type Item = { readonly clientId: ClientId };
type Success = BulkAssignSuccess<Item> & { readonly events: PartnerAccessEvent[] };

/**
 * Assigns many clients to one tagged employee, a result per client in
 * request order: a client repeated is `duplicate_in_request`, and refused
 * items do not stop the others (a value that is not a HubID makes the whole
 * request `invalid_request`, with `invalid_client_id` at `["clientIds", i]`). Everything runs in one transaction, so a
 * repository failure keeps none of them.
 *
 * @param deps - the service's repository, clock and options
 * @param request - an {@link AssignClientsRequest}
 * @returns a result per client, or why the whole request was refused
 * @example
 * ```ts
 * const r = await assignClients(deps, { actor: manager, partnerId: "acme", email: "jane@acme.com", clientIds: [42, 43] });
 * r.ok && r.value.results.map((x) => x.result.ok); //=> [true, true]
 * ```
 */
export const assignClients = defineUseCase({
  action: "assign_client",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    email: field.email(),
    clientIds: z.array(field.clientId()),
    clientsWithPortalAccess: z.optional(z.array(field.clientId())),
    expiresAt: z.optional(field.timestamp()),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, BulkAssignServiceError> {
    const { tx, now } = context;
    const partner = yield* take(await findPartner(tx, r.partnerId));
    const user = yield* take(await findUser(tx, r.partnerId, r.email.key));
    const planned = assignClientsRule({
      user: user.value,
      clientIds: r.clientIds,
      now,
      clientsWithPortalAccess: r.clientsWithPortalAccess ?? [],
      ...(r.expiresAt === undefined ? {} : { expiresAt: r.expiresAt }),
    });
    const events: PartnerAccessEvent[] = [];
    const results: (Item & { result: Result<AssignedClient, AssignItemError> })[] = [];
    for (const { clientId, result: made } of planned.results) {
      if (!made.ok) {
        results.push({ clientId, result: made });
        continue;
      }
      const placed = yield* take(
        await placeAssignment(context, partner.value, user.emailKey, made.value),
      );
      events.push(...placed.events);
      results.push({ clientId, result: placed.result });
    }
    return ok({ results, events });
  },
});
