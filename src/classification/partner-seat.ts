/**
 * Partner Seat eligibility: a free seat in a client's
 * account needs all three of: the user is a user of the partner account, is
 * tagged as a partner employee, and has an address on the partner's employee
 * domain.
 *
 * @module
 */

import { isPartnerId, own } from "../guards.js";
import type { Partner, PartnerUser } from "../model.js";
import { type ClassifyUserOptions, classifyUser } from "./classify-user.js";

/**
 * Why a user cannot have a Partner Seat, one per failed rule:
 * - `not_in_partner_account`: the user has left the partner account
 *   (`inPartnerAccount: false`) or belongs to another partner;
 * - `not_tagged`: the "partner employee" switch is off;
 * - `domain_mismatch`: the address is not on the partner's employee domain
 *   (including while the partner has none, and an invalid address).
 *
 * @example
 * ```ts
 * const reason: PartnerSeatIneligibilityReason = "not_tagged";
 * ```
 */
export type PartnerSeatIneligibilityReason =
  | "not_in_partner_account"
  | "not_tagged"
  | "domain_mismatch";

/**
 * Whether a user can have a Partner Seat; when not, every failing reason in
 * the fixed order `not_in_partner_account`, `not_tagged`, `domain_mismatch`
 * (the list is never empty).
 *
 * @example
 * ```ts
 * const e: PartnerSeatEligibility = { eligible: false, reasons: ["not_tagged", "domain_mismatch"] };
 * ```
 */
export type PartnerSeatEligibility =
  | { readonly eligible: true }
  | {
      readonly eligible: false;
      readonly reasons: readonly [
        PartnerSeatIneligibilityReason,
        ...PartnerSeatIneligibilityReason[],
      ];
    };

/**
 * Options of {@link partnerSeatEligibility}: `sharedDomains`, as for
 * `classifyUser` (a shared domain is never a usable employee domain).
 *
 * @example
 * ```ts
 * const options: PartnerSeatEligibilityOptions = { sharedDomains: { add: ["acme-mail.com"] } };
 * ```
 */
export type PartnerSeatEligibilityOptions = ClassifyUserOptions;

/**
 * Checks whether a user can have a Partner Seat and, when not, reports all
 * the failing rules, not only the first, so an admin can fix them in one go.
 * A user whose `partnerId` differs from the partner's is a user of another
 * account: `not_in_partner_account`. The domain rule is `classifyUser`
 * returning `domain_match`. Only own properties of the user and the partner
 * count: an inherited `tagged` or `partnerId` proves nothing. Never throws
 * (but for what a getter the caller defined throws): a user or partner that
 * is not an object fails every rule it cannot prove, and two missing
 * `partnerId`s never count as the same account.
 *
 * @param user - the partner's user
 * @param partner - the partner account
 * @param options - `sharedDomains`, as for `classifyUser`
 * @returns `{ eligible: true }`, or `{ eligible: false, reasons }`
 * @example
 * ```ts
 * const acme = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] } as const;
 * partnerSeatEligibility({ partnerId: "acme", email: "jane@acme.com", tagged: true }, acme);
 * //=> { eligible: true }
 * partnerSeatEligibility({ partnerId: "acme", email: "jane@gmail.com", tagged: false }, acme);
 * //=> { eligible: false, reasons: ["not_tagged", "domain_mismatch"] }
 * ```
 */
export function partnerSeatEligibility(
  user: PartnerUser,
  partner: Partner,
  options?: PartnerSeatEligibilityOptions,
): PartnerSeatEligibility {
  const partnerId = own(user, "partnerId");
  const reasons: PartnerSeatIneligibilityReason[] = [];
  // rule: a Partner Seat is for users of the partner account;
  // inPartnerAccount defaults to true.
  if (
    !isPartnerId(partnerId) ||
    partnerId !== own(partner, "partnerId") ||
    own(user, "inPartnerAccount") === false
  ) {
    reasons.push("not_in_partner_account");
  }
  // rule: only tagged users count as partner employees.
  if (own(user, "tagged") !== true) reasons.push("not_tagged");
  // rule: the address matches the partner's employee domain.
  if (classifyUser(own(user, "email"), partner, options).kind !== "domain_match") {
    reasons.push("domain_mismatch");
  }
  const [first, ...rest] = reasons;
  return first === undefined ? { eligible: true } : { eligible: false, reasons: [first, ...rest] };
}
