/**
 * Setting a partner's employee email domains (super admins only).
 *
 * @module
 */

import type { Actor } from "../../access/authorization.js";
import type { Partner, PartnerId } from "../../model.js";
import type { DomainVerification } from "../../ownership/domain-challenge.js";
import type { Versioned } from "../../ports/repository.js";
import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { SetEmployeeDomainsError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { claimDomains } from "../steps/claim-domains.js";
import { parseDomains, requireProofs } from "../steps/employee-domains.js";
import { findPartner, writePartner } from "../steps/records.js";

/**
 * The request of `setEmployeeDomains`: the partner's new list of employee
 * domains, first is primary (an empty list removes them all), and, when the
 * service requires domain proof, the verifications that prove them.
 *
 * @example
 * ```ts
 * const request: SetEmployeeDomainsRequest = { actor, partnerId: "acme", domains: ["acme.com", "acme.de"] };
 * ```
 */
export interface SetEmployeeDomainsRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly domains: readonly string[];
  /** Verifications your own server made with `verifyDomainChallenge`; never ones a client sent. */
  readonly verifications?: readonly DomainVerification[];
}

/**
 * What `setEmployeeDomains` did: the partner as stored, and the domains it
 * claimed and released.
 *
 * @example
 * ```ts
 * const s: SetEmployeeDomainsSuccess = { partner, claimed: ["acme.de"], released: [] };
 * ```
 */
export interface SetEmployeeDomainsSuccess {
  readonly partner: Versioned<Partner>;
  readonly claimed: readonly string[];
  readonly released: readonly string[];
}

type Success = SetEmployeeDomainsSuccess & { readonly events: PartnerAccessEvent[] };

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Sets a partner's employee domains: each parsed, proved when the service
 * requires it, claimed atomically, the dropped ones released, the partner
 * saved; all in one transaction.
 *
 * @param deps - the service's repository, clock and options
 * @param request - a {@link SetEmployeeDomainsRequest}
 * @returns the partner as stored and the claims made and released, or why not
 * @example
 * ```ts
 * await setEmployeeDomains(deps, { actor: superAdmin, partnerId: "acme", domains: ["Acme.com"] });
 * //=> { ok: true, value: { partner: { value: { …, employeeDomains: ["acme.com"] }, version: 2 }, claimed: ["acme.com"], released: [], events: [{ type: "employee_domain_set", … }] } }
 * ```
 */
export const setEmployeeDomains = defineUseCase({
  action: "update_employee_domain",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    domains: field.list(),
    verifications: z.optional(field.list()),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, SetEmployeeDomainsError> {
    const { tx, deps, now } = context;
    const domains = yield* take(parseDomains(r.domains, deps.domainOptions));
    if (deps.requireDomainProof) {
      yield* take(requireProofs(domains, r.verifications, r.partnerId, now));
    }
    const stored = yield* take(await findPartner(tx, r.partnerId));
    const matchSubdomains = stored.value.matchSubdomains === true;
    const { claimed } = yield* take(
      await claimDomains(context, r.partnerId, domains, matchSubdomains),
    );
    const released: string[] = [];
    for (const claim of await tx.listDomainClaims(r.partnerId)) {
      if (domains.includes(claim.domain)) continue;
      const outcome = await tx.releaseDomain(claim.domain, r.partnerId);
      if (outcome.status === "released") released.push(claim.domain);
    }
    const previousDomains = [...stored.value.employeeDomains];
    if (sameList(previousDomains, domains) && claimed.length === 0 && released.length === 0) {
      return ok({ partner: stored, claimed, released, events: [] });
    }
    const partner = sameList(previousDomains, domains)
      ? stored
      : yield* take(
          await writePartner(tx, { ...stored.value, employeeDomains: domains }, stored.version),
        );
    const event = context.event({
      type: "employee_domain_set",
      ...{ partnerId: r.partnerId, domains, previousDomains, claimed, released },
    });
    return ok({ partner, claimed, released, events: [event] });
  },
});
