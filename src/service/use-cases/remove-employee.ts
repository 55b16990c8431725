/**
 * Removing a user from the partner account, which revokes every client
 * assignment of theirs at once.
 *
 * @module
 */

import type { Actor } from "../../access/authorization.js";
import type { PartnerId } from "../../model.js";
import type { AssignmentRecord, UserRecord } from "../../ports/repository.js";
import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { RemoveEmployeeServiceError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { findUser, writeUser } from "../steps/records.js";
import { revokeAll } from "../steps/revoke-all.js";

/**
 * A request about one user of a partner account.
 *
 * @example
 * ```ts
 * const request: EmployeeRequest = { actor, partnerId: "acme", email: "jane@acme.com" };
 * ```
 */
export interface EmployeeRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  /** The user's address, in any letter case. */
  readonly email: string;
}

/**
 * What `removeEmployee` did: the user as stored (out of the partner
 * account) and the assignments it revoked.
 *
 * @example
 * ```ts
 * const s: RemoveEmployeeSuccess = { user, revoked: [] };
 * ```
 */
export interface RemoveEmployeeSuccess {
  readonly user: UserRecord;
  readonly revoked: readonly AssignmentRecord[];
}

type Success = RemoveEmployeeSuccess & { readonly events: PartnerAccessEvent[] };

/**
 * Removes a user from the partner account: every pending or active
 * assignment of theirs is revoked at once, each address unlinked from its
 * client, and the user kept with `inPartnerAccount: false` (their
 * assignments stay as history). Removing a user who already left changes
 * nothing.
 *
 * @param deps - the service's repository, clock and options
 * @param request - an {@link EmployeeRequest}
 * @returns the user as stored and the revoked assignments, or why not
 * @example
 * ```ts
 * const r = await removeEmployee(deps, { actor: manager, partnerId: "acme", email: "jane@acme.com" });
 * r.ok && r.value.revoked.length; //=> 2
 * ```
 */
export const removeEmployee = defineUseCase({
  action: "remove_employee",
  request: z.object({ actor: field.any(), partnerId: field.partnerId(), email: field.email() }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, RemoveEmployeeServiceError> {
    const found = yield* take(await findUser(context.tx, r.partnerId, r.email.key));
    const { revoked, events } = yield* take(await revokeAll(context, found));
    if (found.value.inPartnerAccount === false && revoked.length === 0) {
      return ok({ user: found, revoked, events: [] });
    }
    const user =
      found.value.inPartnerAccount === false
        ? found
        : yield* take(
            await writeUser(
              context.tx,
              { ...found.value, inPartnerAccount: false },
              found.version,
              found.emailKey,
            ),
          );
    const { partnerId, email } = found.value;
    const revokedAssignmentIds = revoked.map((a) => a.id);
    events.push(
      context.event({ type: "employee_removed", partnerId, email, revokedAssignmentIds }),
    );
    return ok({ user, revoked, events });
  },
});
