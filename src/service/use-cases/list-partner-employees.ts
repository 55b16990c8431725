/**
 * The partner-employee list: the users of a partner account, each with
 * how the employee domains classify them and whether they get a Partner
 * Seat.
 *
 * @module
 */

import type { Actor } from "../../access/authorization.js";
import {
  type Classification,
  type ClassificationCounts,
  classifyUsers,
} from "../../classification/classify-user.js";
import {
  type PartnerSeatEligibility,
  partnerSeatEligibility,
} from "../../classification/partner-seat.js";
import type { Partner, PartnerId } from "../../model.js";
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
 * A request about one partner account as a whole.
 *
 * @example
 * ```ts
 * const request: PartnerRequest = { actor, partnerId: "acme" };
 * ```
 */
export interface PartnerRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
}

/**
 * One user on the partner-employee list.
 *
 * @example
 * ```ts
 * const e: PartnerEmployee = { user, classification: { kind: "domain_match", matchedDomain: "acme.com" }, partnerSeat: { eligible: true } };
 * ```
 */
export interface PartnerEmployee {
  readonly user: UserRecord;
  readonly classification: Classification;
  readonly partnerSeat: PartnerSeatEligibility;
}

/**
 * What `listPartnerEmployees` found.
 *
 * @example
 * ```ts
 * const s: ListPartnerEmployeesSuccess = { partner, employees: [], counts };
 * ```
 */
export interface ListPartnerEmployeesSuccess {
  readonly partner: Versioned<Partner>;
  /** The users still in the account, sorted by email key. */
  readonly employees: readonly PartnerEmployee[];
  readonly counts: ClassificationCounts;
}

type Success = ListPartnerEmployeesSuccess & { readonly events: PartnerAccessEvent[] };

/**
 * Lists the users of a partner account that are still in it, each with its
 * classification (recognised by the employee domain, or to be assigned
 * through the Client Access Manager, and why) and its Partner Seat
 * eligibility, and the counts per kind. Needs `view_partner_employees`
 * (a super admin or `manage_partner_employees`). Writes nothing.
 *
 * @param deps - the service's repository, clock and options
 * @param request - a {@link PartnerRequest}
 * @returns the list, or why not
 * @example
 * ```ts
 * const r = await listPartnerEmployees(deps, { actor: manager, partnerId: "acme" });
 * r.ok && r.value.employees.map((e) => e.classification.kind); //=> ["domain_match", "client_access_manager"]
 * ```
 */
export const listPartnerEmployees = defineUseCase({
  action: "view_partner_employees",
  request: z.object({ actor: field.any(), partnerId: field.partnerId() }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, ReadPartnerError> {
    const options = context.deps.domainOptions;
    const partner = yield* take(await readPartner(context.tx, r.partnerId));
    const users = await accountUsers(context.tx, r.partnerId);
    const { classifications, counts } = classifyUsers(
      users.map((u) => u.value),
      partner.value,
      options,
    );
    const employees = users.map((user, i) => ({
      user,
      classification: classifications[i]!,
      partnerSeat: partnerSeatEligibility(user.value, partner.value, options),
    }));
    return ok({ partner, employees, counts, events: [] });
  },
});
