/**
 * Where a partner stands with its employee domain, and its Partner Seats.
 *
 * @module
 */

import {
  type PartnerSeatEligibility,
  partnerSeatEligibility,
} from "../../classification/partner-seat.js";
import {
  type EmployeeDomainStatus,
  employeeDomainStatus,
} from "../../classification/suggest-domain.js";
import type { Partner } from "../../model.js";
import type { UserRecord, Versioned } from "../../ports/repository.js";
import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { ReadPartnerError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { accountUsers, readPartner } from "../steps/records.js";

/**
 * What `getEmployeeDomainStatus` found: the status `employeeDomainStatus`
 * gives, and each user's Partner Seat eligibility.
 *
 * @example
 * ```ts
 * const s: EmployeeDomainStatusSuccess = { partner, domainStatus, partnerSeats: [], eligibleSeats: 0 };
 * ```
 */
export interface EmployeeDomainStatusSuccess {
  readonly partner: Versioned<Partner>;
  readonly domainStatus: EmployeeDomainStatus;
  /** The users still in the account, sorted by email key. */
  readonly partnerSeats: readonly {
    readonly user: UserRecord;
    readonly eligibility: PartnerSeatEligibility;
  }[];
  /** How many of them can have a Partner Seat. */
  readonly eligibleSeats: number;
}

type Success = EmployeeDomainStatusSuccess & { readonly events: PartnerAccessEvent[] };

/**
 * Reports a partner's domain status (`missing`, so reminders continue, or
 * `set`, with a warning when most client-facing users are on a domain not
 * set) and the Partner Seats of its users: a seat needs a user of the
 * account, tagged, on the employee domain. Needs `view_partner_employees`.
 * Writes nothing.
 *
 * @param deps - the service's repository, clock and options
 * @param request - a `PartnerRequest`
 * @returns the status and the seats, or why not
 * @example
 * ```ts
 * const r = await getEmployeeDomainStatus(deps, { actor: manager, partnerId: "acme" });
 * r.ok && [r.value.domainStatus.status, r.value.eligibleSeats]; //=> ["set", 1]
 * ```
 */
export const getEmployeeDomainStatus = defineUseCase({
  action: "view_partner_employees",
  request: z.object({ actor: field.any(), partnerId: field.partnerId() }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, ReadPartnerError> {
    const options = context.deps.domainOptions;
    const partner = yield* take(await readPartner(context.tx, r.partnerId));
    const users = await accountUsers(context.tx, r.partnerId);
    const domainStatus = employeeDomainStatus(
      partner.value,
      users.map((u) => u.value),
      options,
    );
    const partnerSeats = users.map((user) => ({
      user,
      eligibility: partnerSeatEligibility(user.value, partner.value, options),
    }));
    const eligibleSeats = partnerSeats.filter((s) => s.eligibility.eligible).length;
    return ok({ partner, domainStatus, partnerSeats, eligibleSeats, events: [] });
  },
});
