/**
 * Assigning many employees to one client at once, from the client's side.
 *
 * @module
 */

import { assignClient as assignClientRule } from "../../access/assignment.js";
import type { Actor } from "../../access/authorization.js";
import { reroot } from "../../access/issues.js";
import type { ClientId, Partner, PartnerId, Timestamp } from "../../model.js";
import { err, ok, type Result } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { AssignItemError, BulkAssignServiceError, UnexpectedError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase, type UseCaseContext } from "../pipeline/define-use-case.js";
import { field, type RequestAddress } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { duplicates } from "../steps/dedupe.js";
import { placeAssignment } from "../steps/place-assignment.js";
import { findPartner, findUser } from "../steps/records.js";
import type { AssignedClient, BulkAssignSuccess } from "../types.js";

/**
 * The request of `assignEmployees`: many employees, one client (from the
 * client's side).
 *
 * @example
 * ```ts
 * const request: AssignEmployeesRequest = { actor, partnerId: "acme", clientId: 42, emails: ["jane@acme.com"] };
 * ```
 */
export interface AssignEmployeesRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  readonly emails: readonly string[];
  /** Addresses of users already in the client's portal: those start active. */
  readonly usersWithPortalAccess?: readonly string[];
  readonly expiresAt?: Timestamp;
}

type Item = { readonly email: string };
type Success = BulkAssignSuccess<Item> & { readonly events: PartnerAccessEvent[] };
type Outcome = {
  readonly result: Result<AssignedClient, AssignItemError>;
  readonly events: PartnerAccessEvent[];
};
type Shared = {
  partner: Partner;
  clientId: ClientId;
  withAccess: ReadonlySet<string>;
  expiresAt?: Timestamp;
};

// One address of the request: its user, the pure rule, then the store.
async function assignOne(
  context: UseCaseContext,
  shared: Shared,
  address: RequestAddress,
  index: number,
): Promise<Result<Outcome, UnexpectedError>> {
  const refused = (error: AssignItemError): Result<Outcome, never> =>
    ok({ result: err(error), events: [] });
  const { partner, clientId, expiresAt } = shared;
  const user = await findUser(context.tx, partner.partnerId, address.key);
  if (!user.ok) return refused(user.error);
  const made = assignClientRule({
    user: user.value.value,
    clientId,
    now: context.now,
    hasPortalAccess: shared.withAccess.has(address.key),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  });
  // The rule's paths name its own input; here the user is the i-th address.
  if (!made.ok) return refused(reroot(made.error, "user", ["emails", index]));
  return placeAssignment(context, partner, address.key, made.value);
}

/**
 * Assigns many employees to one client, a result per address in request
 * order: an address that is not a user of the partner is `user_not_found`,
 * one repeated (by key) is `duplicate_in_request`, and refused items do not
 * stop the others. Everything runs in one transaction.
 *
 * @param deps - the service's repository, clock and options
 * @param request - an {@link AssignEmployeesRequest}
 * @returns a result per address, or why the whole request was refused
 * @example
 * ```ts
 * const r = await assignEmployees(deps, { actor: manager, partnerId: "acme", clientId: 42, emails: ["jane@acme.com", "x@acme.com"] });
 * r.ok && r.value.results.map((x) => (x.result.ok ? "ok" : x.result.error.code)); //=> ["ok", "user_not_found"]
 * ```
 */
export const assignEmployees = defineUseCase({
  action: "assign_client",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    clientId: field.clientId(),
    emails: z.array(field.email()),
    usersWithPortalAccess: z.optional(z.array(field.email())),
    expiresAt: z.optional(field.timestamp()),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, BulkAssignServiceError> {
    const partner = yield* take(await findPartner(context.tx, r.partnerId));
    const withAccess = new Set((r.usersWithPortalAccess ?? []).map((a) => a.key));
    const shared: Shared = { partner: partner.value, clientId: r.clientId, withAccess };
    if (r.expiresAt !== undefined) shared.expiresAt = r.expiresAt;
    const repeated = duplicates(r.emails, "emails");
    const events: PartnerAccessEvent[] = [];
    const results: Success["results"][number][] = [];
    for (const [index, address] of r.emails.entries()) {
      const duplicate = repeated[index];
      const placed: Outcome = duplicate
        ? { result: err(duplicate), events: [] }
        : yield* take(await assignOne(context, shared, address, index));
      events.push(...placed.events);
      results.push({ email: address.email, result: placed.result });
    }
    return ok({ results, events });
  },
});
