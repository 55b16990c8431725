/**
 * The size of a streaming state as JSON, full and compact, for the
 * attribution benchmark's data: a full state carries the reference data
 * (so N workers send N copies of it), a compact one only the fingerprint
 * and what the activities added.
 *
 * ```sh
 * node scripts/run-ts.mjs bench/state-size.bench.ts [assignments…]
 * ```
 *
 * @module
 */

import {
  addActivities,
  compactAttributionState,
  startAttribution,
} from "../src/attribution/streaming.js";
import { generateAttributionInput } from "./attribution.bench.js";
import { markdownTable } from "./lib.js";

/** One measured size. */
export interface StateSizeRow {
  readonly assignments: number;
  readonly activities: number;
  /** JSON length of the full state after all the activities, bytes (UTF-16 units). */
  readonly fullBytes: number;
  /** The same state compacted. */
  readonly compactBytes: number;
}

/**
 * Measures full and compact state sizes after feeding all the activities.
 *
 * @param sizes - numbers of assignments
 * @returns one row per size
 */
export function measureStateSizes(sizes: readonly number[]): StateSizeRow[] {
  return sizes.map((n) => {
    const { activities, ...reference } = generateAttributionInput(n, 20_260_101);
    const started = startAttribution(reference);
    if (!started.ok) throw new Error(started.error.message);
    let state = started.value;
    for (let i = 0; i < activities.length; i += 100_000)
      state = addActivities(state, activities.slice(i, i + 100_000));
    const compact = compactAttributionState(state);
    if (!compact.ok) throw new Error(compact.error.message);
    return {
      assignments: n,
      activities: activities.length,
      fullBytes: JSON.stringify(state).length,
      compactBytes: JSON.stringify(compact.value).length,
    };
  });
}

/**
 * Renders the rows as a Markdown table.
 *
 * @param rows - from {@link measureStateSizes}
 * @returns the table
 */
export function formatStateSizes(rows: readonly StateSizeRow[]): string {
  const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
  return markdownTable(
    ["assignments", "activities", "full state", "compact state", "compact / full"],
    rows.map((r) => [
      String(r.assignments),
      String(r.activities),
      mb(r.fullBytes),
      mb(r.compactBytes),
      (r.compactBytes / r.fullBytes).toFixed(2),
    ]),
  );
}

// Run when this file is the entry (scripts/run-ts.mjs puts the .ts path in argv[1]).
if (process.argv[1]?.endsWith("state-size.bench.ts") === true) {
  const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
  console.log(formatStateSizes(measureStateSizes(sizes.length > 0 ? sizes : [1_000_000])));
}
