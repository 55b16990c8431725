/**
 * Removing several employees' access to one client at once, from the
 * client's side: choose whose access to remove, confirm once with `REMOVE`.
 *
 * @module
 */

import { removeClientAccess as removeClientAccessRule } from "../../access/assignment.js";
import type { Actor } from "../../access/authorization.js";
import type { ClientId, PartnerId } from "../../model.js";
import { err, ok, type Result } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type {
  RemoveAccessItemError,
  RemoveEmployeesAccessError,
  UnexpectedError,
} from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase, type UseCaseContext } from "../pipeline/define-use-case.js";
import { field, type RequestAddress } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { confirmRemoval } from "../steps/confirm-removal.js";
import { duplicates } from "../steps/dedupe.js";
import { endAssignment } from "../steps/end-assignment.js";
import { findLiveAssignment } from "../steps/records.js";
import type { AssignmentChanged } from "../types.js";

/**
 * The request of `removeEmployeesAccess`: one client, the employees whose
 * access to remove, and one `REMOVE` for all of them.
 *
 * @example
 * ```ts
 * const request: RemoveEmployeesAccessRequest = {
 *   actor, partnerId: "acme", clientId: 42, emails: ["jane@acme.com", "sam@acme.com"], confirmation: "REMOVE",
 * };
 * ```
 */
export interface RemoveEmployeesAccessRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly emails: readonly string[];
  readonly confirmation: string;
}

/**
 * What `removeEmployeesAccess` did: one result per address, in request order.
 *
 * @example
 * ```ts
 * const s: RemoveEmployeesAccessSuccess = { results: [{ email: "jane@acme.com", result: ok({ assignment }) }] };
 * ```
 */
export interface RemoveEmployeesAccessSuccess {
  readonly results: readonly {
    readonly email: string;
    readonly result: Result<AssignmentChanged, RemoveAccessItemError>;
  }[];
}

type Success = RemoveEmployeesAccessSuccess & { readonly events: PartnerAccessEvent[] };
type ItemResult = Result<AssignmentChanged, RemoveAccessItemError>;

// One employee: its live assignment on the client, the rule, the store.
async function removeOne(
  context: UseCaseContext,
  request: { readonly partnerId: PartnerId; readonly clientId: ClientId },
  address: RequestAddress,
): Promise<Result<ItemResult, UnexpectedError>> {
  const { tx, now } = context;
  const current = await findLiveAssignment(tx, request.partnerId, request.clientId, address.key);
  if (!current.ok) return ok(current);
  const removed = removeClientAccessRule(current.value.value, "REMOVE", now);
  if (!removed.ok) return ok(removed);
  const ended = await endAssignment(tx, current.value, removed.value);
  if (ended.ok) return ok(ok({ assignment: ended.value }));
  return ended.error.code === "unexpected_error" ? err(ended.error) : ok(err(ended.error));
}

/**
 * Removes the access of several employees to one client, confirmed once by
 * typing `REMOVE`: a result per address in request order (an address with
 * no live assignment there is `assignment_not_found`, one repeated is
 * `duplicate_in_request`), and the others go on. Each removed address is
 * unlinked from the client.
 *
 * @param deps - the service's repository, clock and options
 * @param request - a {@link RemoveEmployeesAccessRequest}
 * @returns a result per address, or why the whole request was refused
 * @example
 * ```ts
 * const r = await removeEmployeesAccess(deps, { actor: manager, partnerId: "acme", clientId: 42, emails: ["jane@acme.com", "x@acme.com"], confirmation: "REMOVE" });
 * r.ok && r.value.results.map((x) => (x.result.ok ? "removed" : x.result.error.code)); //=> ["removed", "assignment_not_found"]
 * ```
 */
export const removeEmployeesAccess = defineUseCase({
  action: "remove_client_access",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    clientId: field.clientId(),
    emails: z.array(field.email()),
    confirmation: field.any(),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, RemoveEmployeesAccessError> {
    yield* take(confirmRemoval(r.confirmation));
    const repeated = duplicates(r.emails, "emails");
    const events: PartnerAccessEvent[] = [];
    const results: Success["results"][number][] = [];
    for (const [index, address] of r.emails.entries()) {
      const duplicate = repeated[index];
      const result = duplicate ? err(duplicate) : yield* take(await removeOne(context, r, address));
      if (result.ok) {
        const { id, value } = result.value.assignment;
        events.push(
          context.event({ type: "client_access_removed", assignmentId: id, assignment: value }),
        );
      }
      results.push({ email: address.email, result });
    }
    return ok({ results, events });
  },
});
