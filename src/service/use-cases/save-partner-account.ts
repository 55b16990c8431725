/**
 * Creating a partner account record, or changing its program or subdomain
 * matching.
 *
 * @module
 */

import type { Actor } from "../../access/authorization.js";
import type { Partner, PartnerId, Program } from "../../model.js";
import type { Versioned } from "../../ports/repository.js";
import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { SavePartnerAccountError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { claimDomains } from "../steps/claim-domains.js";
import { writePartner } from "../steps/records.js";

/**
 * The request of `savePartnerAccount`. Employee domains are not set here:
 * `setEmployeeDomains` claims them.
 *
 * @example
 * ```ts
 * const request: SavePartnerAccountRequest = { actor: superAdmin, partnerId: "acme", program: "partner" };
 * ```
 */
export interface SavePartnerAccountRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly program: Program;
  /** Whether the employee domains also match their subdomains; unchanged when absent. */
  readonly matchSubdomains?: boolean;
}

/**
 * What `savePartnerAccount` did: the partner as stored, whether it was
 * created, and the domains whose claim changed its `matchSubdomains`.
 *
 * @example
 * ```ts
 * const s: SavePartnerAccountSuccess = { partner, created: true, claimsUpdated: [] };
 * ```
 */
export interface SavePartnerAccountSuccess {
  readonly partner: Versioned<Partner>;
  readonly created: boolean;
  readonly claimsUpdated: readonly string[];
}

type Success = SavePartnerAccountSuccess & { readonly events: PartnerAccessEvent[] };

/**
 * Creates a partner account record (with no employee domains yet), or
 * changes its program or subdomain matching. Turning subdomain matching on
 * re-claims every employee domain so, atomically: refused when another
 * partner holds a domain under one of them. Only a super admin of that
 * partner id may do it (authorized as `update_employee_domain`): the
 * caller's onboarding code acts as the new partner's first super admin.
 *
 * @param deps - the service's repository, clock and options
 * @param request - a {@link SavePartnerAccountRequest}
 * @returns the partner as stored, or why not
 * @example
 * ```ts
 * await savePartnerAccount(deps, { actor: superAdmin, partnerId: "acme", program: "partner" });
 * //=> { ok: true, value: { partner: { value: { partnerId: "acme", program: "partner", employeeDomains: [] }, version: 1 }, created: true, claimsUpdated: [], events: [{ type: "partner_saved", … }] } }
 * ```
 */
export const savePartnerAccount = defineUseCase({
  action: "update_employee_domain",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    program: field.program(),
    matchSubdomains: z.optional(field.flag()),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, SavePartnerAccountError> {
    const { tx } = context;
    const stored = await tx.getPartner(r.partnerId);
    const before = stored?.value;
    const matchSubdomains = r.matchSubdomains ?? before?.matchSubdomains === true;
    const base: Partner = {
      partnerId: r.partnerId,
      program: r.program,
      employeeDomains: before?.employeeDomains ?? [],
    };
    const next: Partner = matchSubdomains ? { ...base, matchSubdomains } : base;
    const unchanged =
      before !== undefined &&
      before.program === r.program &&
      (before.matchSubdomains === true) === matchSubdomains;
    if (stored !== null && unchanged)
      return ok({ partner: stored, created: false, claimsUpdated: [], events: [] });
    const { updated } = yield* take(
      await claimDomains(context, r.partnerId, next.employeeDomains, matchSubdomains),
    );
    const partner = yield* take(await writePartner(tx, next, stored?.version ?? null));
    const created = stored === null;
    const claimsUpdated = [...updated];
    const event = context.event({
      type: "partner_saved",
      partnerId: r.partnerId,
      program: r.program,
      matchSubdomains,
      created,
      claimsUpdated,
    });
    return ok({ partner, created, claimsUpdated, events: [event] });
  },
});
