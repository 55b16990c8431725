/**
 * Removes a user's partner-employee tag (super admins and holders of `manage_partner_employees`): their activity no longer earns managed credit.
 *
 * @module
 */

import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { take } from "../pipeline/fold.js";
import { setTag } from "../steps/set-tag.js";

/**
 * Removes a user's partner-employee tag (super admins and holders of `manage_partner_employees`): their activity no longer earns managed credit. A user outside the partner account cannot be tagged; setting
 * the tag it already has changes nothing.
 *
 * @param deps - the service's repository, clock and options
 * @param request - an `EmployeeRequest`: the actor, the partner, the user's address
 * @returns the user as stored and whether it changed, or why not
 * @example
 * ```ts
 * await untagEmployee(deps, { actor: manager, partnerId: "acme", email: "sam@acme.com" });
 * //=> { ok: true, value: { user: { …, value: { …, tagged: false } }, changed: true, events: [{ type: "employee_untagged", … }] } }
 * ```
 */
export const untagEmployee = defineUseCase({
  action: "tag_employee",
  request: z.object({ actor: field.any(), partnerId: field.partnerId(), email: field.email() }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context) {
    return ok(
      yield* take(await setTag(context, { partnerId: r.partnerId, key: r.email.key }, false)),
    );
  },
});
