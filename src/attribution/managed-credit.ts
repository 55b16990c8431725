/**
 * Managed-credit attribution: which partner services which client in a
 * period, how the client's MRR is split between its servicing partners, the
 * points that earns, and for every (partner, client) pair with an
 * assignment, the decision and the evidence behind it. The types are in
 * ./types.ts, the rules in ./rules/, the engine in ./credit-core.ts.
 *
 * @module
 */

import { isRecord, own } from "../guards.js";
import type { Result } from "../result.js";
import { prepareAttribution } from "./credit-core.js";
import type { Attribution, AttributionError, AttributionInput } from "./types.js";

export type {
  Attribution,
  AttributionError,
  AttributionInput,
  AttributionIssue,
  ConflictEvidence,
  CreditDecision,
  CreditedClient,
  CreditOutcome,
  InactiveAssignmentReason,
  LostCredit,
  NotTaggedEmployeeReason,
  PartnerCredit,
} from "./types.js";

/**
 * Attributes managed credit for a period. A partner services a client when
 * one of its tagged employees holds an assignment to the client that was
 * active during the period, is not the losing side of an email conflict
 * there, and did a qualifying activity on the client inside the period while
 * the assignment was active. Each client's MRR is split evenly between its
 * servicing partners in integer minor units (largest remainder: leftover
 * units go to the smaller `partnerId` first), so the shares sum exactly to
 * the MRR; managed points are 1 per US$100 equivalent (2 in a growth market),
 * exact until each reported number is rounded to two decimals, half up.
 *
 * The result does not depend on the order of any input collection. Records
 * that point nowhere or do not parse are reported all at once; nothing
 * throws on any input (errors thrown by a caller's own iterator or getters
 * do propagate). An email address is matched by its key
 * (`parseEmailIdentity`), so an address the parser refuses, in a user, an
 * assignment or an activity, is reported as `invalid_email` rather than
 * skipped: skipping it could silently move credit.
 *
 * Conflicts follow `detectEmailConflicts`: only assignments that are not
 * removed or expired link an address, so a removed assignment that was
 * active during the period is never a contender.
 *
 * For data too large for one call, `startAttribution`, `addActivities`,
 * `mergeAttributionStates` and `finishAttribution` compute the same result
 * in parts (see docs/attribution.md). A list of more than 2^26 entries is
 * refused with one `invalid_list` issue with its `length` and `maxLength`.
 * Only own properties of the input and its records are read.
 *
 * @param input - the period, partners, clients, users, assignments,
 *   activities, and optionally a replacement currency table
 * @returns the credit per partner, a decision per (partner, client) pair with
 *   an assignment, and the lost credit of untagged users; or every bad record
 * @example
 * ```ts
 * const jan = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };
 * const r = attributeManagedCredit({
 *   period: jan,
 *   partners: [{ partnerId: "northwind", program: "partner", employeeDomains: ["northwind.io"] }],
 *   clients: [{ clientId: 42, mrr: { amountMinor: 100_000, currency: "USD" } }],
 *   users: [{ partnerId: "northwind", email: "jane@northwind.io", tagged: true }],
 *   assignments: [{ partnerId: "northwind", clientId: 42, email: "jane@northwind.io",
 *     status: "active", assignedAt: jan.start, activatedAt: jan.start }],
 *   activities: [{ clientId: 42, email: "Jane@Northwind.io", at: Date.UTC(2026, 0, 20) }],
 * });
 * r.ok && r.value.partners;
 * //=> [{ partnerId: "northwind", points: 10, managedMrr: [{ amountMinor: 100000, currency: "USD" }],
 * //      clients: [{ clientId: 42, share: { amountMinor: 100000, currency: "USD" }, points: 10 }] }]
 * r.ok && r.value.decisions[0].outcome; //=> "credited"
 * ```
 */
export function attributeManagedCredit(
  input: AttributionInput,
): Result<Attribution, AttributionError> {
  const ledger = prepareAttribution(input);
  const evidence = ledger.evidence();
  // An input that is not an object is reported once, by prepareAttribution.
  if (isRecord(input)) ledger.add(evidence, own(input, "activities"), 0);
  return ledger.finish(evidence, ledger.partnerPosition);
}
