// Helpers shared by the streaming tests: split an input into reference data
// and activities, and start or merge states that a test expects to succeed.
import type { AttributionInput } from "../../src/attribution/managed-credit.js";
import {
  type AttributionStartInput,
  type AttributionState,
  mergeAttributionStates,
  startAttribution,
} from "../../src/attribution/streaming.js";
import type { Activity } from "../../src/model.js";

export function split(input: AttributionInput): [AttributionStartInput, Activity[]] {
  const { activities, ...reference } = input;
  return [reference, [...activities]];
}

export function start(reference: AttributionStartInput): AttributionState {
  const started = startAttribution(reference);
  if (!started.ok) throw new Error(`expected a state: ${JSON.stringify(started.error)}`);
  return started.value;
}

export function merge(a: AttributionState, b: AttributionState): AttributionState {
  const merged = mergeAttributionStates(a, b);
  if (!merged.ok) throw new Error(`expected a merge: ${JSON.stringify(merged.error)}`);
  return merged.value;
}

export const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
