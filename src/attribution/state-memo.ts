/**
 * Opening a streaming state: reading its fields, checking them against its
 * reference data, and decoding its evidence into the engine's form. What is
 * kept between calls is pure memoisation, cleared by
 * {@link clearAttributionStateMemo} with no change to any result (a test
 * shows it): a state is a value that no function changes, so decoding it
 * again gives what the memo holds.
 *
 * - `referenceMemo`: a state's reference object → its prepared ledger (a
 *   state fed many batches keeps the same reference object), or, for a
 *   reference `startAttribution` just made, how to prepare it: the ledger
 *   is prepared by the first call that needs it, so that a state that is
 *   only sent to workers costs no ledger where it was started.
 * - `fingerprintMemo`: fingerprint → prepared ledger, held weakly (states
 *   parsed from JSON have references equal in content, not identical).
 * - `evidenceMemo`: a state made in this process → its evidence in the
 *   engine's form, so the next call need not decode the lists the last one
 *   wrote. It is handed over: the next call takes it (and adds to it), and
 *   the state it came from is decoded from its own lists if fed again. It is
 *   used only while the state's fields are the very values it was made with.
 *
 * Internal.
 *
 * @module
 */

import { own } from "../guards.js";
import type { Evidence, KnownKeys, Ledger } from "./credit-core.js";
import { describeValue } from "./money.js";
import {
  type Decoded,
  FORMAT,
  invalidState,
  isCount,
  prepareReference,
  readEvidence,
  readIssue,
  readLost,
} from "./state-codec.js";
import { fingerprintOf, INVALID } from "./state-value.js";
import type {
  AttributionState,
  AttributionStateError,
  CompactAttributionState,
} from "./streaming-types.js";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// Decoding a reference costs as much as preparing its data; a state fed many
// batches keeps the same reference object, so it is decoded once.
let referenceMemo = new WeakMap<object, Decoded | Pending>();

// A reference that is valid (startAttribution made it from validated
// input) and not yet prepared: its fingerprint, and the keys of its emails
// from the reading that validated it.
interface Pending {
  readonly fingerprint: string;
  readonly knownKeys: KnownKeys;
}

const notJson = (): AttributionStateError =>
  invalidState("malformed", ["reference"], "the reference is not JSON.");

/**
 * Fingerprints a reference `startAttribution` just made from validated
 * input, and remembers it, so that the first call that opens a state of it
 * prepares its ledger with the keys that reading found, instead of parsing
 * every email again.
 *
 * @param reference - the canonical reference of a new state
 * @param knownKeys - the keys of its emails
 * @returns its fingerprint, or why it is not JSON
 */
export function rememberReference(
  reference: object,
  knownKeys: KnownKeys,
): string | AttributionStateError {
  const fingerprint = fingerprintOf(reference);
  // Cannot happen for a reference startAttribution just encoded as JSON.
  /* v8 ignore next -- @preserve */
  if (fingerprint === null) return notJson();
  referenceMemo.set(reference, { fingerprint, knownKeys });
  return fingerprint;
}

// Decoded references by fingerprint, held weakly: states parsed from JSON
// have references equal in content but not identical, and hashing one is
// much cheaper than preparing it again.
const fingerprintMemo = new Map<string, WeakRef<Decoded>>();

// A reference's ledger, from the memo or prepared now (with the keys of
// its emails when startAttribution left them).
export function decodeReference(reference: unknown): Decoded {
  if (!isObject(reference))
    return invalidState("malformed", ["reference"], "reference is not an object.");
  const cached = referenceMemo.get(reference);
  if (cached !== undefined && !("knownKeys" in cached)) return cached;
  const fingerprint = cached?.fingerprint ?? fingerprintOf(reference);
  if (fingerprint === null) return notJson();
  const knownKeys = cached?.knownKeys;
  let result = fingerprintMemo.get(fingerprint)?.deref();
  if (result === undefined) {
    result = prepareReference(reference, fingerprint, knownKeys);
    if ("ledger" in result) {
      for (const [key, ref] of fingerprintMemo)
        if (ref.deref() === undefined) fingerprintMemo.delete(key);
      fingerprintMemo.set(fingerprint, new WeakRef(result));
    }
  }
  referenceMemo.set(reference, result);
  return result;
}

// The top-level fields of a state, read by own property and checked for
// their type (their content is checked against the reference when decoded).
export interface StateFields {
  /** A compact state: `reference` is then that of the full state given for it. */
  readonly compact: boolean;
  readonly fingerprint: string;
  readonly reference: Record<string, unknown>;
  readonly partnerPositions: readonly unknown[];
  readonly activityCount: number;
  readonly evidence: unknown;
  readonly lostCredit: unknown;
  readonly issues: readonly unknown[];
}

// A state checked and decoded: its fields, its ledger, and its evidence as
// the engine keeps it (the issues are decoded only when `withIssues` is set).
export interface Opened {
  readonly fields: StateFields;
  readonly ledger: Ledger;
  readonly evidence: Evidence;
}

export function readFields(
  value: unknown,
  referenceState?: unknown,
): StateFields | AttributionStateError {
  if (!isObject(value) || own(value, "format") !== FORMAT)
    return invalidState(
      "not_a_state",
      [],
      `expected an object with format "${FORMAT}", got ${describeValue(value)}.`,
    );
  const version = own(value, "version");
  if (version !== 1)
    return invalidState(
      "unsupported_version",
      ["version"],
      `version ${describeValue(version)} is not one this release reads (1).`,
    );
  const fingerprint = own(value, "fingerprint");
  const compact = own(value, "compact") === true;
  // A compact state's reference data comes from a full state started from it.
  const given = compact ? referenceOf(referenceState, fingerprint) : own(value, "reference");
  if (given !== null && typeof given === "object" && "code" in given)
    return given as AttributionStateError;
  const reference = given;
  const partnerPositions = own(value, "partnerPositions");
  const activityCount = own(value, "activityCount");
  const issues = own(value, "issues");
  if (typeof fingerprint !== "string")
    return invalidState("malformed", ["fingerprint"], "fingerprint must be a string.");
  if (!isObject(reference))
    return invalidState("malformed", ["reference"], "reference is not an object.");
  if (!Array.isArray(partnerPositions))
    return invalidState("malformed", ["partnerPositions"], "partnerPositions must be a list.");
  if (!isCount(activityCount))
    return invalidState(
      "malformed",
      ["activityCount"],
      "activityCount must be a whole number ≥ 0.",
    );
  if (!Array.isArray(issues))
    return invalidState("malformed", ["issues"], "issues must be a list.");
  return {
    compact,
    fingerprint,
    reference,
    partnerPositions,
    activityCount,
    evidence: own(value, "evidence"),
    lostCredit: own(value, "lostCredit"),
    issues,
  };
}

// The reference data of a full state given for a compact one, or why there
// is none to use.
function referenceOf(
  state: unknown,
  fingerprint: unknown,
): Record<string, unknown> | AttributionStateError {
  if (state === undefined)
    return invalidState(
      "reference_required",
      ["reference"],
      "a compact state is read with options.reference: a state started from its reference data.",
    );
  const full = readFields(state);
  if (!("fingerprint" in full) || full.compact)
    return invalidState(
      "reference_required",
      ["reference"],
      "options.reference must be a full state started from the compact state's reference data.",
    );
  if (full.fingerprint !== fingerprint)
    return {
      code: "attribution_states_differ",
      message: `The compact state and options.reference were started from different periods or reference data (fingerprints ${describeValue(fingerprint)} and ${full.fingerprint}).`,
      fingerprints: [String(fingerprint), full.fingerprint],
    };
  return full.reference;
}

// Whether two readings of a state's fields are the same values.
function sameFields(a: StateFields, b: StateFields, issueCount: number): boolean {
  return (
    a.compact === b.compact &&
    a.fingerprint === b.fingerprint &&
    a.reference === b.reference &&
    a.partnerPositions === b.partnerPositions &&
    a.activityCount === b.activityCount &&
    a.evidence === b.evidence &&
    a.lostCredit === b.lostCredit &&
    a.issues === b.issues &&
    b.issues.length === issueCount
  );
}

// The engine's form of the evidence of states made in this process, so that
// feeding a state again does not check and decode its lists again. It is
// handed over, not copied: the next call takes it (and changes it), and the
// state it came from loses its entry. A state is a value and may be fed
// twice; the second time it is decoded from its own lists, which nothing
// changes. Feeding each state once, the usual chain, then costs no copy of
// evidence that grows with the number of assignments. It is used only while
// the state's fields are the very values it was made with.
interface Handed {
  readonly evidence: Evidence;
  readonly fields: StateFields;
  readonly issueCount: number;
}
let evidenceMemo = new WeakMap<object, Handed>();

export function open(
  value: unknown,
  withIssues: boolean,
  referenceState?: unknown,
): Opened | AttributionStateError {
  const fields = readFields(value, referenceState);
  if (!("fingerprint" in fields)) return fields;
  const known = evidenceMemo.get(value as object);
  const reference = referenceMemo.get(fields.reference);
  if (
    known !== undefined &&
    reference !== undefined &&
    "ledger" in reference &&
    !withIssues &&
    sameFields(known.fields, fields, known.issueCount)
  ) {
    evidenceMemo.delete(value as object);
    const evidence = known.evidence;
    // A state that holds an invalid activity will finish as an error: its
    // activities are only validated from now on.
    evidence.validateOnly = fields.issues.length > 0;
    return { fields, ledger: reference.ledger, evidence };
  }
  return openUncached(fields, withIssues);
}

export function openUncached(
  fields: StateFields,
  withIssues: boolean,
): Opened | AttributionStateError {
  const reference = decodeReference(fields.reference);
  if (!("ledger" in reference)) return reference;
  const { ledger, fingerprint } = reference;
  if (fields.fingerprint !== fingerprint)
    return invalidState(
      "fingerprint_mismatch",
      ["fingerprint"],
      `its reference data has fingerprint ${fingerprint}, not ${describeValue(fields.fingerprint)}: it was altered or damaged.`,
    );
  const { partnerPositions: positions, activityCount, evidence, lostCredit, issues } = fields;
  const partners = ledger.partnerPosition.length;
  if (positions.length !== partners || !positions.every((p) => isCount(p) && p < partners))
    return invalidState(
      "malformed",
      ["partnerPositions"],
      `partnerPositions must list ${partners} positions.`,
    );
  const fresh = ledger.evidence();
  const bad = readEvidence(ledger, fresh, evidence) ?? readLost(ledger, fresh, lostCredit);
  if (bad !== undefined) return bad;
  for (let i = 0; i < issues.length; i++) {
    const issue = readIssue(issues[i], activityCount);
    if (issue === INVALID)
      return invalidState("malformed", ["issues", i], `issues[${i}] is not an encoded issue.`);
    if (withIssues) fresh.issues.push(issue);
  }
  // A state that holds an invalid activity will finish as an error: its
  // activities are only validated from now on.
  fresh.validateOnly = issues.length > 0;
  return { fields, ledger, evidence: fresh };
}

// Records the engine evidence of a state just made (see evidenceMemo).
export function handOver<S extends AttributionState | CompactAttributionState>(
  state: S,
  evidence: Evidence,
  reference: Record<string, unknown>,
): S {
  const fields: StateFields = {
    compact: "compact" in state,
    fingerprint: state.fingerprint,
    reference,
    partnerPositions: state.partnerPositions,
    activityCount: state.activityCount,
    evidence: state.evidence,
    lostCredit: state.lostCredit,
    issues: state.issues,
  };
  evidenceMemo.set(state, { evidence, fields, issueCount: state.issues.length });
  return state;
}

/**
 * Forgets everything memoised; results do not change. For tests.
 *
 * @example
 * ```ts
 * clearAttributionStateMemo();
 * ```
 */
export function clearAttributionStateMemo(): void {
  referenceMemo = new WeakMap();
  fingerprintMemo.clear();
  evidenceMemo = new WeakMap();
}
