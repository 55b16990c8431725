// Cold start: how long a fresh Node process takes to load the built package,
// next to a bare start of the same module system (`node -e 0`, and its ESM
// twin), median of 10 runs each, interleaved. Needs
// `npm run build` first (npm run bench does it).
import { spawnSync } from "node:child_process";
import { markdownTable, median } from "./lib.js";

export interface ColdStartRow {
  readonly name: string;
  readonly medianMs: number;
  /** Added to the bare start of the same module system, or null for a bare start. */
  readonly addedMs: number | null;
}

// [name, node arguments, index of the bare start it is compared with]
const COMMANDS: ReadonlyArray<readonly [string, readonly string[], number | null]> = [
  ["node -e 0", ["-e", "0"], null],
  ["require('partner-access')", ["-e", "require('partner-access')"], 0],
  [
    "require + first partner-domain check (lazy work)",
    ["-e", "require('partner-access').parsePartnerEmployeeDomain('gmail.com')"],
    0,
  ],
  ["node --input-type=module -e 0", ["--input-type=module", "-e", "0"], null],
  ["import 'partner-access'", ["--input-type=module", "-e", "import 'partner-access'"], 3],
];

function timeOnce(args: readonly string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: "ignore" });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}`);
  return performance.now() - t;
}

export function runColdStart(runs = 10): ColdStartRow[] {
  const times = COMMANDS.map((): number[] => []);
  for (let run = -1; run < runs; run++) {
    COMMANDS.forEach(([, args], i) => {
      const ms = timeOnce(args);
      if (run >= 0) times[i]!.push(ms);
    });
  }
  const medians = times.map(median);
  return COMMANDS.map(([name, , bare], i) => ({
    name,
    medianMs: medians[i]!,
    addedMs: bare === null ? null : medians[i]! - medians[bare]!,
  }));
}

export function formatColdStart(rows: readonly ColdStartRow[]): string {
  return markdownTable(
    ["command", "median ms", "added to the bare start"],
    rows.map((r) => [
      r.name,
      r.medianMs.toFixed(1),
      r.addedMs === null ? "-" : `${r.addedMs.toFixed(1)} ms`,
    ]),
  );
}

if (process.argv[1]?.endsWith("cold-start.ts")) console.log(formatColdStart(runColdStart()));
