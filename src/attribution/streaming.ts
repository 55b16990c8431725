/**
 * Streaming attribution, for data too big for one call: start a state from
 * the period and the reference data, feed it activity batches in any order
 * and any size, merge states built in parallel, and finish with exactly the
 * result `attributeManagedCredit` gives over all the activities added.
 * States are plain JSON values with a `version`, so a worker can send its
 * part through a queue or a database row; the format is
 * {@link AttributionState} (and docs/attribution.md). A worker may send the
 * compact form instead ({@link compactAttributionState}), without the
 * reference data.
 *
 * All the functions run the one engine `attributeManagedCredit` runs (the
 * ledger of credit-core.ts): a state carries its reference data, canonically
 * ordered, and decoding a state is preparing that reference data again, so
 * the streaming and the one-shot results cannot drift apart. The types are
 * in ./streaming-types.ts, reading and writing states in ./state-codec.ts
 * and ./state-memo.ts.
 *
 * @module
 */

import { isRecord, own } from "../guards.js";
import type { Activity } from "../model.js";
import { err, ok, type Result } from "../result.js";
import {
  type EmailCache,
  type Evidence,
  type KnownKeys,
  type Ledger,
  readAttributionReference,
} from "./credit-core.js";
import { refuse } from "./engine/issues.js";
import { toList } from "./points.js";
import { isEarlierEvidence } from "./rules/evidence.js";
import {
  canonicalReference,
  encodeIssue,
  FORMAT,
  internalError,
  SECTIONS,
  type Section,
  writeEvidence,
} from "./state-codec.js";
import { handOver, open, rememberReference, type StateFields } from "./state-memo.js";
import type {
  AttributionStartInput,
  AttributionState,
  AttributionStateError,
  AttributionStateIssue,
  AttributionStateOptions,
  AttributionStateReference,
  CompactAttributionState,
} from "./streaming-types.js";
import type { Attribution, AttributionError } from "./types.js";

export type {
  AttributionStartInput,
  AttributionState,
  AttributionStateError,
  AttributionStateIssue,
  AttributionStateOptions,
  AttributionStateRecord,
  AttributionStateReference,
  CompactAttributionState,
} from "./streaming-types.js";

/**
 * Starts a streaming attribution: validates the period and the reference
 * data exactly as `attributeManagedCredit` does (activities aside), and
 * returns an empty state. The state holds the reference data in a canonical
 * order (records that JSON carries unchanged are shared, not copied), its
 * fingerprint, and room for evidence.
 *
 * @param input - the period, partners, clients, users, assignments and
 *   optionally a currency table; any `activities` are ignored
 * @returns the state, or every bad record (as `attributeManagedCredit` lists them)
 * @example
 * ```ts
 * const started = startAttribution({ period: jan, partners, clients, users, assignments });
 * if (started.ok) {
 *   let state = started.value;
 *   state = addActivities(state, firstBatch);
 *   state = addActivities(state, secondBatch);
 *   finishAttribution(state); //=> the same as attributeManagedCredit with both batches
 * }
 * ```
 */
export function startAttribution(
  input: AttributionStartInput,
): Result<AttributionState, AttributionError> {
  // Each list is read once (it may be a one-shot iterator), then validated.
  const lists = Object.fromEntries(
    SECTIONS.map((section) => [section, toList(own(input, section)) ?? own(input, section)]),
  ) as unknown as Record<Section, readonly unknown[]>;
  const ordered = orderStart(input, lists);
  if ("error" in ordered) return ordered;
  const { reference, partnerOrder, knownKeys } = ordered;
  // Its ledger is prepared by the first call that opens the state.
  const fingerprint = rememberReference(reference, knownKeys);
  // Cannot happen: the reference was just encoded as JSON. Reported rather than thrown.
  /* v8 ignore next -- @preserve */
  if (typeof fingerprint !== "string") return err(internalError(fingerprint));
  return ok({
    format: FORMAT,
    version: 1,
    fingerprint,
    reference,
    // partnerOrder lists input positions in partnerId order.
    partnerPositions: partnerOrder,
    activityCount: 0,
    evidence: { assignments: [], at: [], emails: [] },
    lostCredit: { users: [], clients: [], at: [], emails: [] },
    issues: [],
  });
}

// Validates the start input (as attributeManagedCredit does, activities
// aside) and puts its reference data in the canonical order, with the
// order keys of that reading; its refusal when it is not valid. What the
// reading indexed is dropped on return, before the canonical reference is
// prepared, except the keys of its emails, which spare parsing them again.
function orderStart(
  input: unknown,
  lists: Record<Section, readonly unknown[]>,
):
  | (ReturnType<typeof canonicalReference> & { readonly knownKeys: KnownKeys })
  | { readonly ok: false; readonly error: AttributionError } {
  const read = readAttributionReference(isRecord(input) ? { ...input, ...lists } : input);
  if (read.issues.length > 0) return refuse(read.issues);
  return { ...canonicalReference(input, lists, read), knownKeys: read.knownKeys };
}
/**
 * Feeds a batch of activities to a state and returns the new state; the
 * given state is not changed. Valid activities are kept only when they are
 * the earliest evidence of an assignment (or of an untagged user on a
 * client); invalid ones are kept, with their position among all activities
 * fed, for {@link finishAttribution} to report. A value that is not a
 * usable state is returned as it is, and `finishAttribution` (or
 * `mergeAttributionStates`) says why.
 *
 * Each call costs the batch plus one pass over the state's evidence, so
 * feed batches of thousands rather than one activity at a time.
 *
 * @param state - a state from {@link startAttribution}, `addActivities` or
 *   {@link mergeAttributionStates}, possibly through JSON, full or compact
 * @param activities - the batch, an array or other iterable of activities
 * @param options - `reference`: for a compact state, a state started from
 *   its reference data (without it a compact state comes back unchanged)
 * @returns the new state, in the form of the one given
 * @example
 * ```ts
 * let state = started.value;
 * for await (const batch of readActivities()) state = addActivities(state, batch);
 * ```
 */
export function addActivities(
  state: AttributionState,
  activities: Iterable<Activity>,
  options?: AttributionStateOptions,
): AttributionState;
export function addActivities(
  state: CompactAttributionState,
  activities: Iterable<Activity>,
  options: AttributionStateOptions,
): CompactAttributionState;
export function addActivities<S extends AttributionState | CompactAttributionState>(
  state: S,
  activities: Iterable<Activity>,
  options?: AttributionStateOptions,
): S {
  const opened = open(state, false, own(options, "reference"));
  if (!("ledger" in opened)) return state;
  const { ledger, evidence, fields } = opened;
  const before = evidence.issues.length;
  // Emails the reference data does not know are parsed once per call, not
  // remembered in the shared ledger: a long stream must not grow it.
  const cache: EmailCache = new Map();
  const count = ledger.add(evidence, activities, fields.activityCount, cache);
  const next = stateOf(
    ledger,
    fields,
    fields.partnerPositions as readonly number[],
    fields.activityCount + count,
    evidence,
    [
      ...(fields.issues as readonly AttributionStateIssue[]),
      ...evidence.issues.slice(before).map(encodeIssue),
    ],
  );
  evidence.issues.length = 0;
  return handOver(next, evidence, fields.reference) as S;
}

// A state of the given reference (compact when the fields are), with the
// engine's evidence written out.
function stateOf(
  ledger: Ledger,
  fields: StateFields,
  partnerPositions: readonly number[],
  activityCount: number,
  evidence: Evidence,
  issues: readonly AttributionStateIssue[],
): AttributionState | CompactAttributionState {
  const base = { format: FORMAT, version: 1 as const, fingerprint: fields.fingerprint };
  const rest = { partnerPositions, activityCount, ...writeEvidence(ledger, evidence), issues };
  return fields.compact
    ? ({ ...base, compact: true, ...rest } as CompactAttributionState)
    : ({
        ...base,
        reference: fields.reference as unknown as AttributionStateReference,
        ...rest,
      } as AttributionState);
}

// Lexicographic order on lists of numbers.
function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Combines two states started from the same period and reference data into
 * one that holds the evidence of both: as if every activity added to either
 * had been added to one state, `a`'s first. Merging is associative and
 * commutative in its result (invalid activities aside, whose positions
 * follow the order of the arguments), so parts can be merged in any grouping
 * and any order. Neither argument is changed.
 *
 * Compact states are merged too (see {@link compactAttributionState}): their
 * reference data is `options.reference`, or `a` when `a` is a full state;
 * the result has the form of `a`.
 *
 * @param a - a state
 * @param b - another state from the same reference data
 * @param options - `reference`: for compact states, a state started from
 *   their reference data
 * @returns the merged state; `attribution_states_differ` when the two were
 *   started from different data; `invalid_attribution_state` for a value
 *   that is not a usable state
 * @example
 * ```ts
 * const parts = chunks.map((chunk) => addActivities(started, chunk));
 * const merged = parts.slice(1).reduce(
 *   (r, part) => (r.ok ? mergeAttributionStates(r.value, part) : r),
 *   ok(parts[0]),
 * );
 * ```
 */
export function mergeAttributionStates(
  a: AttributionState,
  b: AttributionState,
  options?: AttributionStateOptions,
): Result<AttributionState, AttributionStateError>;
export function mergeAttributionStates(
  a: AttributionState | CompactAttributionState,
  b: AttributionState | CompactAttributionState,
  options?: AttributionStateOptions,
): Result<AttributionState | CompactAttributionState, AttributionStateError>;
export function mergeAttributionStates(
  a: AttributionState | CompactAttributionState,
  b: AttributionState | CompactAttributionState,
  options?: AttributionStateOptions,
): Result<AttributionState | CompactAttributionState, AttributionStateError> {
  // A compact state's reference data: options.reference, or the first state.
  const given = own(options, "reference") ?? (own(a, "compact") === true ? undefined : a);
  const first = open(a, false, given);
  if (!("ledger" in first)) return err(which(first, "first"));
  // The same state twice: the second is read from its lists (the first took
  // the handed-over evidence).
  const second = open(b, false, given);
  if (!("ledger" in second)) return err(which(second, "second"));
  const left = first.fields;
  const right = second.fields;
  if (left.fingerprint !== right.fingerprint)
    return err({
      code: "attribution_states_differ",
      message: `The states were started from different periods or reference data (fingerprints ${left.fingerprint} and ${right.fingerprint}).`,
      fingerprints: [left.fingerprint, right.fingerprint],
    });
  mergeEvidence(first.evidence, second.evidence);
  const shift = left.activityCount;
  const positionsA = left.partnerPositions as readonly number[];
  const positionsB = right.partnerPositions as readonly number[];
  const merged = stateOf(
    first.ledger,
    left,
    // The smaller of the two, so that the result does not depend on which is first.
    compareLists(positionsA, positionsB) <= 0 ? positionsA : positionsB,
    left.activityCount + right.activityCount,
    first.evidence,
    [
      ...(left.issues as readonly AttributionStateIssue[]),
      ...(right.issues as readonly AttributionStateIssue[]).map((issue) =>
        issue.position === null ? issue : { ...issue, position: issue.position + shift },
      ),
    ],
  );
  first.evidence.issues.length = 0;
  return ok(handOver(merged, first.evidence, left.reference));
}

// Says which argument of mergeAttributionStates an error is about.
function which(error: AttributionStateError, state: "first" | "second"): AttributionStateError {
  return error.code === "invalid_attribution_state" ? { ...error, state } : error;
}

// Adds `other` to `evidence`: the earliest evidence wins, ties to the
// smaller email (rules/evidence.ts), the engine's own rule.
function mergeEvidence(evidence: Evidence, other: Evidence): void {
  other.at.forEach((t, i) => {
    // A NaN `t` is no evidence.
    if (
      !Number.isNaN(t) &&
      isEarlierEvidence(t, other.email[i]!, evidence.at[i]!, evidence.email[i])
    ) {
      evidence.at[i] = t;
      evidence.email[i] = other.email[i];
    }
  });
  for (const [key, byClient] of other.lost) {
    let mine = evidence.lost.get(key);
    if (mine === undefined) {
      mine = new Map();
      evidence.lost.set(key, mine);
    }
    for (const [clientId, activity] of byClient) {
      const seen = mine.get(clientId);
      if (seen === undefined || isEarlierEvidence(activity.at, activity.email, seen.at, seen.email))
        mine.set(clientId, activity);
    }
  }
}

/**
 * Finishes a streaming attribution: exactly what `attributeManagedCredit`
 * returns for the state's period and reference data and every activity
 * added (through any number of `addActivities` and merges, in any order),
 * invalid activities included, at their positions among the activities fed.
 * A state that went through `JSON.parse(JSON.stringify(state))` finishes the
 * same. A value that is not a usable state (another format or version, a
 * wrong shape, reference data that does not match its fingerprint) gives an
 * `invalid_attribution_state` error; nothing throws.
 *
 * @param state - the state, full or compact
 * @param options - `reference`: for a compact state, a state started from
 *   its reference data
 * @returns the attribution, or every bad record, or why the state is unusable
 * @example
 * ```ts
 * const r = finishAttribution(JSON.parse(message.body));
 * if (r.ok) r.value.partners; //=> as attributeManagedCredit reports them
 * ```
 */
export function finishAttribution(
  state: AttributionState | CompactAttributionState,
  options?: AttributionStateOptions,
): Result<Attribution, AttributionError | AttributionStateError> {
  const opened = open(state, true, own(options, "reference"));
  if (!("ledger" in opened)) return err(opened);
  return opened.ledger.finish(opened.evidence, opened.fields.partnerPositions as readonly number[]);
}

/**
 * The compact form of a state: its fingerprint and what the activities
 * added, without the reference data, which is given again, as a state
 * started from it, to `addActivities`, `mergeAttributionStates` and
 * `finishAttribution` (`options.reference`). N workers that send compact
 * states do not send N copies of the reference data; the results are the
 * same as with the full states.
 *
 * @param state - a full (or already compact) state
 * @returns the compact state, or why the value is not a usable state
 * @example
 * ```ts
 * const started = startAttribution(reference);              // once, everywhere
 * const part = compactAttributionState(addActivities(started.value, batch));
 * // … sent through a queue, merged with the other parts …
 * finishAttribution(part.value, { reference: started.value }); //=> as with the full state
 * ```
 */
export function compactAttributionState(
  state: AttributionState | CompactAttributionState,
): Result<CompactAttributionState, AttributionStateError> {
  const reference = own(state, "compact") === true ? undefined : state;
  const opened = open(state, false, reference);
  if (!("ledger" in opened)) return err(opened);
  const { fields, evidence } = opened;
  const compact: CompactAttributionState = {
    format: FORMAT,
    version: 1,
    compact: true,
    fingerprint: fields.fingerprint,
    partnerPositions: fields.partnerPositions as readonly number[],
    activityCount: fields.activityCount,
    evidence: fields.evidence as CompactAttributionState["evidence"],
    lostCredit: fields.lostCredit as CompactAttributionState["lostCredit"],
    issues: fields.issues as readonly AttributionStateIssue[],
  };
  return ok(handOver(compact, evidence, fields.reference));
}
