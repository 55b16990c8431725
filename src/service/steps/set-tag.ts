/**
 * Setting or clearing a user's partner-employee tag. Internal: not
 * exported from the package.
 *
 * @module
 */

import type { UserRecord } from "../../ports/repository.js";
import { err, ok, type Result } from "../../result.js";
import type { NotInPartnerAccountError, TagEmployeeError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import type { UseCaseContext } from "../pipeline/define-use-case.js";
import { fold, take } from "../pipeline/fold.js";
import { findUser, writeUser } from "./records.js";

/**
 * What `tagEmployee` and `untagEmployee` did: the user as stored, and
 * whether it changed (tagging a tagged user changes nothing).
 *
 * @example
 * ```ts
 * const s: TagEmployeeSuccess = { user, changed: true };
 * ```
 */
export interface TagEmployeeSuccess {
  readonly user: UserRecord;
  readonly changed: boolean;
}

function notInAccount(user: UserRecord): NotInPartnerAccountError {
  return {
    code: "not_in_partner_account",
    message: `${user.value.email} is no longer a user of the partner account, so it cannot be tagged.`,
    partnerId: user.value.partnerId,
    email: user.value.email,
  };
}

/**
 * Sets a user's tag: refused for a user outside the partner account when
 * tagging; nothing is written when the tag is already so.
 *
 * @param context - the use case's context
 * @param request - the partner and the address's key
 * @param tagged - the tag to set
 * @returns the user and whether it changed, with the event
 * @example
 * ```ts
 * await setTag(context, { partnerId: "acme", key: "sam@acme.com" }, true);
 * //=> { ok: true, value: { user: { …, value: { …, tagged: true } }, changed: true, events: [{ type: "employee_tagged", … }] } }
 * ```
 */
export function setTag(
  context: UseCaseContext,
  request: { readonly partnerId: string; readonly key: string },
  tagged: boolean,
): Promise<Result<TagEmployeeSuccess & { events: PartnerAccessEvent[] }, TagEmployeeError>> {
  return fold(
    (async function* () {
      const { tx } = context;
      const found = yield* take(await findUser(tx, request.partnerId, request.key));
      // rule: only users of the partner account can be tagged.
      if (tagged && found.value.inPartnerAccount === false) return err(notInAccount(found));
      if (found.value.tagged === tagged) return ok({ user: found, changed: false, events: [] });
      const user = yield* take(
        await writeUser(tx, { ...found.value, tagged }, found.version, found.emailKey),
      );
      const { partnerId, email } = found.value;
      const type = tagged ? "employee_tagged" : "employee_untagged";
      return ok({ user, changed: true, events: [context.event({ type, partnerId, email })] });
    })(),
  );
}
