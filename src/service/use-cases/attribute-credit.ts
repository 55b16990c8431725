/**
 * A partner's managed credit for a period, streamed from the repository.
 *
 * @module
 */

import type { Actor } from "../../access/authorization.js";
import type {
  Attribution,
  CreditDecision,
  LostCredit,
  PartnerCredit,
} from "../../attribution/managed-credit.js";
import type { CurrencyTable } from "../../attribution/money.js";
import {
  type AttributionState,
  addActivities,
  finishAttribution,
  startAttribution,
} from "../../attribution/streaming.js";
import type { ClientId, PartnerId, Period } from "../../model.js";
import type { RepositoryTransaction } from "../../ports/repository.js";
import { err, ok, type Result } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { AttributeCreditServiceError, UnexpectedError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { readPeriodReference } from "../steps/attribution-reference.js";
import { readPartner } from "../steps/records.js";
import { unexpectedError } from "../unit-of-work.js";

/** Activities asked for per page. */
const PAGE = 10_000;

/**
 * How far `attributeCredit` is: `done` activities fed so far. The total is
 * not known in advance (the port does not count), so `total` is absent.
 *
 * @example
 * ```ts
 * const p: AttributionProgress = { done: 20_000 };
 * ```
 */
export interface AttributionProgress {
  readonly done: number;
  readonly total?: number;
}

/**
 * The request of `attributeCredit`.
 *
 * @example
 * ```ts
 * const request: AttributeCreditRequest = {
 *   actor, partnerId: "acme", period: { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) },
 * };
 * ```
 */
export interface AttributeCreditRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly period: Period;
  readonly currencyTable?: CurrencyTable;
  /** Called after each page of activities. It may be called again from 0 if the store reruns the transaction. */
  readonly onProgress?: (progress: AttributionProgress) => void;
}

/**
 * The partner's managed credit for the period, with the decisions and lost
 * credit that concern it.
 *
 * @example
 * ```ts
 * const s: AttributeCreditSuccess = {
 *   credit: { partnerId: "acme", points: 0, managedMrr: [], clients: [] }, decisions: [], lostCredit: [],
 * };
 * ```
 */
export interface AttributeCreditSuccess {
  readonly credit: PartnerCredit;
  readonly decisions: readonly CreditDecision[];
  readonly lostCredit: readonly LostCredit[];
}

type Success = AttributeCreditSuccess & { readonly events: PartnerAccessEvent[] };

// Feeds the period's activities on `clientIds` to the state, page by page:
// only one page is held at a time.
async function feed(
  tx: RepositoryTransaction,
  period: Period,
  clientIds: readonly ClientId[],
  started: AttributionState,
  onProgress: ((progress: AttributionProgress) => unknown) | undefined,
): Promise<Result<AttributionState, UnexpectedError>> {
  let state = started;
  let done = 0;
  let after: string | null = null;
  if (clientIds.length === 0) return ok(state);
  do {
    const page = await tx.listActivities(period, { after, limit: PAGE, clientIds });
    if (page.status !== "page") {
      return err(unexpectedError(new TypeError("The repository refused its own cursor.")));
    }
    state = addActivities(state, page.activities);
    done += page.activities.length;
    onProgress?.({ done });
    after = page.next;
  } while (after !== null);
  return ok(state);
}

function concerning(attribution: Attribution, partnerId: PartnerId): AttributeCreditSuccess {
  const credit = attribution.partners.find((p) => p.partnerId === partnerId);
  return {
    credit: credit ?? { partnerId, points: 0, managedMrr: [], clients: [] },
    decisions: attribution.decisions.filter((d) => d.partnerId === partnerId),
    lostCredit: attribution.lostCredit.filter((l) => l.partnerId === partnerId),
  };
}

/**
 * Computes the partner's managed credit for a period with the streaming
 * attribution (`startAttribution`, `addActivities` page by page,
 * `finishAttribution`), reading only what the period touches: the
 * assignments active in it, the live assignments and the partner's own
 * assignments on those clients, the users, partners and clients they name,
 * the partner's users, and the activities of the period on those clients,
 * in pages. Its credit equals what `attributeManagedCredit` gives over the
 * whole repository; its decisions and lost credit are those of the full
 * computation on the period's clients (docs/service.md says exactly how
 * the two relate). The period is checked first, by the request schema.
 * Needs `view_partner_employees`; writes nothing.
 *
 * @param deps - the service's repository, clock and options
 * @param request - an {@link AttributeCreditRequest}
 * @returns the partner's credit, decisions and lost credit, or why not
 * @example
 * ```ts
 * const r = await attributeCredit(deps, { actor: manager, partnerId: "acme", period: january });
 * r.ok && r.value.credit.points; //=> 5
 * ```
 */
export const attributeCredit = defineUseCase({
  action: "view_partner_employees",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    period: field.period(),
    currencyTable: z.optional(field.currencyTable()),
    onProgress: z.optional(field.callback()),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, AttributeCreditServiceError> {
    const { tx } = context;
    yield* take(await readPartner(tx, r.partnerId));
    const { clientIds, ...reference } = await readPeriodReference(tx, r.partnerId, r.period);
    const table = r.currencyTable === undefined ? {} : { currencyTable: r.currencyTable };
    const started = yield* take(startAttribution({ period: r.period, ...reference, ...table }));
    const state = yield* take(await feed(tx, r.period, clientIds, started, r.onProgress));
    const finished = finishAttribution(state);
    if (finished.ok) return ok({ ...concerning(finished.value, r.partnerId), events: [] });
    // The state is our own, so only bad records can refuse it.
    const error = finished.error;
    return err(error.code === "invalid_attribution_input" ? error : unexpectedError(error));
  },
});
