/**
 * The types of streaming attribution: the state, its parts, its errors, and
 * the compact form of a state. In a module of their own so that the codec,
 * the memo and the public functions all import them and none imports
 * another in a circle.
 *
 * @module
 */

import type { ClientId, Period } from "../model.js";
import type { IssueBase, IssuePath } from "../result.js";
import type { AttributionStateValue } from "./state-value.js";
import type { AttributionInput } from "./types.js";

/**
 * The argument of {@link startAttribution}: the input of
 * `attributeManagedCredit` without the activities (an `activities` field is
 * ignored; feed them with {@link addActivities}).
 *
 * @example
 * ```ts
 * const reference: AttributionStartInput = { period: jan, partners, clients, users, assignments };
 * ```
 */
export type AttributionStartInput = Omit<AttributionInput, "activities">;

/**
 * A reference record in a state: the caller's record when JSON carries it
 * unchanged (then the state shares it, so do not mutate it), otherwise its
 * fields encoded as `["o", key, value, …]` (see docs/attribution.md).
 *
 * @example
 * ```ts
 * const record: AttributionStateRecord = { partnerId: "acme", email: "jane@acme.com", tagged: true };
 * ```
 */
export type AttributionStateRecord =
  | { readonly [field: string]: AttributionStateValue }
  | readonly AttributionStateValue[];

/**
 * The reference data a state was started from, canonically ordered, so that
 * two states started from the same data in any order are equal. Only
 * `startAttribution` builds one.
 *
 * @example
 * ```ts
 * state.reference.partners.length; //=> the number of partners
 * ```
 */
export interface AttributionStateReference {
  readonly period: Period;
  /** The caller's currency table, encoded; `null` for the default table. */
  readonly currencyTable: AttributionStateValue;
  /** Sorted by `partnerId`. */
  readonly partners: readonly AttributionStateRecord[];
  /** Sorted by `clientId`. */
  readonly clients: readonly AttributionStateRecord[];
  /** Sorted by `partnerId`, then email key. */
  readonly users: readonly AttributionStateRecord[];
  /**
   * Sorted by `partnerId`, `clientId`, email key, `assignedAt`,
   * `activatedAt`, `removedAt`, `expiresAt`, `status`, email as entered,
   * then input order.
   */
  readonly assignments: readonly AttributionStateRecord[];
}

/**
 * An invalid activity a state carries until {@link finishAttribution} reports
 * it: its position among the activities fed (`null` when a batch was not a
 * list at all), the field (`null` for the whole record), and the rest of the
 * {@link AttributionIssue}, encoded.
 *
 * @example
 * ```ts
 * const issue: AttributionStateIssue = { position: 7, field: "clientId", issue: ["o", "clientId", 99, "code", "unknown_client", …] };
 * ```
 */
export interface AttributionStateIssue {
  readonly position: number | null;
  readonly field: string | null;
  readonly issue: AttributionStateValue;
}

/**
 * A streaming attribution in progress, as plain JSON (version 1). Evidence
 * is kept per reference record, so a state grows with the assignments and
 * the (untagged user, client) pairs that have evidence, never with the number
 * of activities fed; only invalid activities are kept one by one.
 *
 * @example
 * ```ts
 * const wire = JSON.stringify(state);
 * const back: AttributionState = JSON.parse(wire);
 * back.version; //=> 1
 * ```
 */
export interface AttributionState {
  readonly format: "partner-access/attribution-state";
  readonly version: 1;
  /** 16 hex digits: the fingerprint of `reference`. States merge only when theirs are equal. */
  readonly fingerprint: string;
  readonly reference: AttributionStateReference;
  /**
   * Per partner in `reference.partners` order, the position of its record in
   * the list `startAttribution` was given: where an `amount_overflow` issue
   * points. Not part of the fingerprint.
   */
  readonly partnerPositions: readonly number[];
  /** Activities fed so far, valid or not: the position the next one gets. */
  readonly activityCount: number;
  /**
   * The earliest qualifying activity per assignment that has one: three
   * lists of one length, by increasing `assignments` (a position in
   * `reference.assignments`); the activity's client is the assignment's.
   */
  readonly evidence: {
    readonly assignments: readonly number[];
    readonly at: readonly number[];
    readonly emails: readonly string[];
  };
  /**
   * The earliest activity in the period per (user who is no tagged
   * employee, client), by increasing `users` (a position in
   * `reference.users`), then `clients`.
   */
  readonly lostCredit: {
    readonly users: readonly number[];
    readonly clients: readonly ClientId[];
    readonly at: readonly number[];
    readonly emails: readonly string[];
  };
  /** Invalid activities, in the order they were fed. */
  readonly issues: readonly AttributionStateIssue[];
}

/**
 * Why a value cannot be used as an {@link AttributionState}, or two states
 * cannot be merged:
 * - `invalid_attribution_state`: `reason` is `not_a_state` (not an object
 *   with the state's `format`), `unsupported_version` (a `version` this
 *   release does not read), `malformed` (a field of the wrong shape, at
 *   `path`), or `fingerprint_mismatch` (the reference data does not match
 *   the fingerprint: the state was altered or damaged). From
 *   `mergeAttributionStates`, `state` says which argument.
 * - `attribution_states_differ`: the two states were started from different
 *   periods or reference data (their fingerprints differ).
 *
 * @example
 * ```ts
 * const r = finishAttribution({ ...state, version: 2 } as never);
 * if (!r.ok && r.error.code === "invalid_attribution_state") r.error.reason; //=> "unsupported_version"
 * ```
 */
export type AttributionStateError =
  | (IssueBase<"invalid_attribution_state"> & {
      readonly reason:
        | "not_a_state"
        | "unsupported_version"
        | "malformed"
        | "fingerprint_mismatch"
        | "reference_required";
      /** Where in the state the problem is. */
      readonly path: IssuePath;
      readonly state?: "first" | "second";
    })
  | (IssueBase<"attribution_states_differ"> & {
      readonly fingerprints: readonly [string, string];
    });

/**
 * A state without its reference data: the fingerprint and what the
 * activities added. A worker sends this instead of the whole state
 * (`compactAttributionState`); `mergeAttributionStates` and
 * `finishAttribution` read it when given, as `options.reference`, a state
 * started from the same reference data (`startAttribution`'s result, once,
 * wherever the merging happens), so N workers do not carry N copies of the
 * reference data.
 *
 * @example
 * ```ts
 * const part: CompactAttributionState = compactAttributionState(state);
 * part.compact; //=> true
 * ```
 */
export interface CompactAttributionState extends Omit<AttributionState, "reference"> {
  readonly compact: true;
}

/**
 * Options of `mergeAttributionStates` and `finishAttribution`.
 *
 * @example
 * ```ts
 * const options: AttributionStateOptions = { reference: started.value };
 * ```
 */
export interface AttributionStateOptions {
  /**
   * A full state started from the reference data of the compact states
   * given (its evidence is not read): needed only for compact states.
   */
  readonly reference?: AttributionState;
}
