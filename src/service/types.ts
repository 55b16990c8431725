/**
 * The result types several use cases share.
 *
 * @module
 */

import type { AssignmentRecord } from "../ports/repository.js";
import type { Result } from "../result.js";
import type { AssignItemError } from "./errors.js";
import type { PartnerAccessEvent } from "./events.js";

/**
 * The outcome of a use case: its value and the events to record, or an
 * error.
 *
 * @example
 * ```ts
 * const r: ServiceResult<{ changed: boolean }, TagEmployeeError> = ok({ changed: false, events: [] });
 * ```
 */
export type ServiceResult<T, E> = Result<T & { readonly events: PartnerAccessEvent[] }, E>;

/**
 * One assignment made: as stored, and whether the client was asked to add
 * the user to its portal.
 *
 * @example
 * ```ts
 * const s: AssignedClient = { assignment: record, clientAccessRequested: true };
 * ```
 */
export interface AssignedClient {
  readonly assignment: AssignmentRecord;
  readonly clientAccessRequested: boolean;
}

/**
 * What a bulk assignment did: one result per item, in request order.
 *
 * @example
 * ```ts
 * const s: BulkAssignSuccess<{ readonly clientId: ClientId }> = { results: [{ clientId: 42, result: ok(assigned) }] };
 * ```
 */
export interface BulkAssignSuccess<Item> {
  readonly results: readonly (Item & {
    readonly result: Result<AssignedClient, AssignItemError>;
  })[];
}

/**
 * One assignment changed, as stored.
 *
 * @example
 * ```ts
 * const s: AssignmentChanged = { assignment: record };
 * ```
 */
export interface AssignmentChanged {
  readonly assignment: AssignmentRecord;
}
