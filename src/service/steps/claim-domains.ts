/**
 * Claiming a partner's employee domains through the port, which refuses an
 * overlap with another partner's claim atomically and whoever came first
 * (the same domain, an ancestor that matches subdomains, or a descendant
 * when this claim matches subdomains). Internal: not exported from the
 * package.
 *
 * @module
 */

import type { DomainConflict } from "../../conflicts/domain-conflicts.js";
import type { PartnerId } from "../../model.js";
import { isSubdomainOf } from "../../ports/domain-claims.js";
import type { DomainClaimRecord } from "../../ports/repository.js";
import { err, ok, type Result } from "../../result.js";
import type { DomainConflictRefusal, UnexpectedError } from "../errors.js";
import type { UseCaseContext } from "../pipeline/define-use-case.js";
import { refusedRecord } from "./failures.js";

/**
 * What claiming a list of domains did: the domains newly claimed, and
 * those the partner held with the other `matchSubdomains`, now updated.
 *
 * @example
 * ```ts
 * const c: Claimed = { claimed: ["acme.de"], updated: [] };
 * ```
 */
export interface Claimed {
  readonly claimed: readonly string[];
  readonly updated: readonly string[];
}

// The conflict as detectDomainConflicts words it: the contested domain is
// the ancestor of the two (or the domain itself).
function refusal(context: UseCaseContext, holder: DomainClaimRecord, mine: DomainClaimRecord) {
  const domain = isSubdomainOf(mine.domain, holder.domain) ? holder.domain : mine.domain;
  const conflict: DomainConflict = {
    code: "domain_claimed_by_another_partner",
    message: `${domain} is already claimed by partner ${JSON.stringify(holder.partnerId)}; partner ${JSON.stringify(mine.partnerId)} cannot claim ${mine.domain}.`,
    domain,
    holder: { ...holder },
    contenders: [{ ...mine }],
  };
  const event = context.event({
    type: "domain_claim_refused",
    partnerId: mine.partnerId,
    domain,
    holder: { ...holder },
  });
  return { ...conflict, events: [event] } satisfies DomainConflictRefusal;
}

/**
 * Claims each domain for the partner, in order, with the partner's
 * `matchSubdomains`; stops at the first domain another partner's claim
 * overlaps. The caller's transaction keeps none of the claims then.
 *
 * @param context - the use case's context
 * @param partnerId - the claiming partner
 * @param domains - canonical domains
 * @param matchSubdomains - whether the claims cover subdomains
 * @returns what was claimed, or the refusal with its `domain_claim_refused` event
 * @example
 * ```ts
 * const { claimed } = yield* take(await claimDomains(context, "acme", ["acme.com"], false));
 * ```
 */
export async function claimDomains(
  context: UseCaseContext,
  partnerId: PartnerId,
  domains: readonly string[],
  matchSubdomains: boolean,
): Promise<Result<Claimed, DomainConflictRefusal | UnexpectedError>> {
  const claimed: string[] = [];
  const updated: string[] = [];
  for (const domain of domains) {
    const mine = { domain, partnerId, claimedAt: context.now, matchSubdomains };
    const outcome = await context.tx.claimDomain(mine);
    if (outcome.status === "invalid_record") return err(refusedRecord(outcome));
    if (outcome.status === "held_by_other") return err(refusal(context, outcome.holder, mine));
    if (outcome.status === "claimed") claimed.push(domain);
    if (outcome.status === "updated") updated.push(domain);
  }
  return ok({ claimed, updated });
}
