/**
 * Compares the working tree with an earlier commit, side by side in one
 * process on the same generated data: the way to quote a before/after ratio
 * on a shared machine, where two separate runs differ by more than most
 * changes do.
 *
 * ```sh
 * node --expose-gc scripts/run-ts.mjs bench/compare.ts <git-ref> [attribution|conflicts] [size] [runs]
 * node --expose-gc scripts/run-ts.mjs bench/compare.ts 4ca651d attribution 1000000 5
 * ```
 *
 * The commit's `src/` is taken with `git archive` and bundled with esbuild;
 * both versions then run alternately, each call from a collected heap, and
 * the medians, their ratio and whether the results are identical (as JSON)
 * are printed.
 *
 * @module
 */

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import * as current from "../src/index.js";
import { generateAttributionInput } from "./attribution.bench.js";
import { generateAssignments } from "./conflicts.bench.js";
import { exposeGc, median } from "./lib.js";

type Library = typeof current;

async function loadCommit(ref: string): Promise<Library> {
  const dir = mkdtempSync(join(tmpdir(), "partner-access-compare-"));
  try {
    const archive = execFileSync("git", ["archive", ref, "src"]);
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
    const outdir = resolve("node_modules/.cache/compare");
    mkdirSync(outdir, { recursive: true });
    const outfile = join(outdir, `${ref.replace(/[^\w.-]/g, "_")}-${process.pid}.mjs`);
    await build({
      entryPoints: [join(dir, "src/index.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "warning",
    });
    return (await import(pathToFileURL(outfile).href)) as Library;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [ref, subject = "attribution", sizeText = "1000000", runsText = "5"] = process.argv.slice(2);
if (ref === undefined || (subject !== "attribution" && subject !== "conflicts")) {
  console.error(
    "usage: node --expose-gc scripts/run-ts.mjs bench/compare.ts <git-ref> [attribution|conflicts] [size] [runs]",
  );
  process.exit(2);
}
const size = Number(sizeText);
const runs = Number(runsText);
const before = await loadCommit(ref);
const gc = exposeGc();

const task =
  subject === "attribution"
    ? (() => {
        const data = generateAttributionInput(size, 20_260_101);
        return (lib: Library) => lib.attributeManagedCredit(data);
      })()
    : (() => {
        const data = generateAssignments(size, 20_240_601);
        return (lib: Library) => lib.detectEmailConflicts(data.assignments, data.partners);
      })();

const times = { before: [] as number[], after: [] as number[] };
const results = { before: "", after: "" };
for (let run = -2; run < runs; run++) {
  for (const [side, lib] of [
    ["before", before],
    ["after", current],
  ] as const) {
    gc?.();
    const t = performance.now();
    const result = task(lib);
    const ms = performance.now() - t;
    if (run >= 0) times[side].push(ms);
    if (run === runs - 1) results[side] = JSON.stringify(result);
  }
}
const b = median(times.before);
const a = median(times.after);
console.log(
  `${subject}, ${size} records, median of ${runs}: ${ref} ${b.toFixed(1)} ms, working tree ${a.toFixed(1)} ms, ratio ${(a / b).toFixed(2)}, identical results: ${results.before === results.after}`,
);
