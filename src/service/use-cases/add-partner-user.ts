/**
 * Adding a user to a partner account (or bringing back one who left).
 *
 * @module
 */

import type { Actor } from "../../access/authorization.js";
import type { PartnerId } from "../../model.js";
import type { UserRecord } from "../../ports/repository.js";
import { err, ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { AddPartnerUserError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { findPartner, writeUser } from "../steps/records.js";

/**
 * The request of `addPartnerUser`: the address as entered, and whether the
 * user is tagged as a partner employee from the start (default `false`).
 *
 * @example
 * ```ts
 * const request: AddPartnerUserRequest = { actor, partnerId: "acme", email: "Jo@Acme.com", tagged: true };
 * ```
 */
export interface AddPartnerUserRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly email: string;
  readonly tagged?: boolean;
}

/**
 * What `addPartnerUser` did: the user as stored, and whether it was a user
 * who had left the account and came back.
 *
 * @example
 * ```ts
 * const s: AddPartnerUserSuccess = { user, readmitted: false };
 * ```
 */
export interface AddPartnerUserSuccess {
  readonly user: UserRecord;
  readonly readmitted: boolean;
}

type Success = AddPartnerUserSuccess & { readonly events: PartnerAccessEvent[] };

/**
 * Adds a user to a partner account, stored under the key the store
 * computes from the address (never one the caller gives). A user who left
 * the account (`inPartnerAccount: false`) comes back with the requested
 * tag; a user still in it is `user_already_exists`. Needs a super admin or
 * `manage_partner_employees` (authorized as `tag_employee`: adding a user
 * sets their partner-employee tag).
 *
 * @param deps - the service's repository, clock and options
 * @param request - an {@link AddPartnerUserRequest}
 * @returns the user as stored, or why not
 * @example
 * ```ts
 * await addPartnerUser(deps, { actor: manager, partnerId: "acme", email: "Jo@Acme.com" });
 * //=> { ok: true, value: { user: { emailKey: "jo@acme.com", version: 1, value: { partnerId: "acme", email: "Jo@Acme.com", tagged: false } }, readmitted: false, events: [{ type: "partner_user_added", … }] } }
 * ```
 */
export const addPartnerUser = defineUseCase({
  action: "tag_employee",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    email: field.email(),
    tagged: z.optional(field.flag()),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, AddPartnerUserError> {
    const { tx } = context;
    yield* take(await findPartner(tx, r.partnerId));
    const tagged = r.tagged === true;
    const existing = await tx.getUser(r.partnerId, r.email.key);
    if (existing !== null && existing.value.inPartnerAccount !== false) {
      const message = `${existing.value.email} is already a user of partner ${JSON.stringify(r.partnerId)}.`;
      return err({ code: "user_already_exists", message, user: existing });
    }
    const email = existing?.value.email ?? r.email.email;
    const user = yield* take(
      await writeUser(
        tx,
        { partnerId: r.partnerId, email, tagged },
        existing?.version ?? null,
        r.email.key,
      ),
    );
    const readmitted = existing !== null;
    const event = context.event({
      type: "partner_user_added",
      partnerId: r.partnerId,
      email,
      tagged,
      readmitted,
    });
    return ok({ user, readmitted, events: [event] });
  },
});
