// Cold start: how long a fresh Node process takes to load the built package,
// next to a bare `node -e 0`, median of 10 runs each, interleaved. Needs
// `npm run build` first (npm run bench does it).
import { spawnSync } from "node:child_process";
import { markdownTable, median } from "./lib.js";

export interface ColdStartRow {
  readonly name: string;
  readonly medianMs: number;
  readonly addedMs: number;
}

const COMMANDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["node -e 0", ["-e", "0"]],
  ["require('partner-access')", ["-e", "require('partner-access')"]],
  ["import 'partner-access'", ["--input-type=module", "-e", "import 'partner-access'"]],
  [
    "require + first parse (lazy work)",
    ["-e", "require('partner-access').parsePartnerEmployeeDomain('gmail.com')"],
  ],
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
  const bare = median(times[0]!);
  return COMMANDS.map(([name], i) => {
    const m = median(times[i]!);
    return { name, medianMs: m, addedMs: m - bare };
  });
}

export function formatColdStart(rows: readonly ColdStartRow[]): string {
  return markdownTable(
    ["command", "median ms", "added to node -e 0"],
    rows.map((r) => [
      r.name,
      r.medianMs.toFixed(1),
      r.name === "node -e 0" ? "-" : `${r.addedMs.toFixed(1)} ms`,
    ]),
  );
}

if (process.argv[1]?.endsWith("cold-start.ts")) console.log(formatColdStart(runColdStart()));
