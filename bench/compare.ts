/**
 * Compares the working tree with an earlier commit, side by side in one
 * process on the same generated data: the way to quote a before/after ratio
 * on a shared machine, where two separate runs differ by more than most
 * changes do.
 *
 * ```sh
 * node --expose-gc scripts/run-ts.mjs bench/compare.ts <git-ref> [attribution|streaming|conflicts] [size] [runs]
 * node --expose-gc scripts/run-ts.mjs bench/compare.ts 4ca651d attribution 1000000 5
 * ```
 *
 * The commit's `src/` is taken with `git archive` and bundled with esbuild;
 * both versions then run alternately, each call from a collected heap, and
 * the medians, their ratio and whether the results are identical (as JSON)
 * are printed. `streaming` feeds the activities of the attribution data to
 * `addActivities` in batches of 10,000 between `startAttribution` and
 * `finishAttribution`.
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
import { exposeGc, sideBySide } from "./lib.js";

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
const SUBJECTS = ["attribution", "streaming", "conflicts"];
if (ref === undefined || !SUBJECTS.includes(subject)) {
  console.error(
    `usage: node --expose-gc scripts/run-ts.mjs bench/compare.ts <git-ref> [${SUBJECTS.join("|")}] [size] [runs]`,
  );
  process.exit(2);
}
const size = Number(sizeText);
const runs = Number(runsText);
const before = await loadCommit(ref);
const gc = exposeGc();

function taskOf(name: string): (lib: Library) => unknown {
  if (name === "conflicts") {
    const data = generateAssignments(size, 20_240_601);
    return (lib) => lib.detectEmailConflicts(data.assignments, data.partners);
  }
  const data = generateAttributionInput(size, 20_260_101);
  if (name === "attribution") return (lib) => lib.attributeManagedCredit(data);
  const { activities, ...reference } = data;
  return (lib) => {
    const started = lib.startAttribution(reference);
    if (!started.ok) return started;
    let state = started.value;
    for (let i = 0; i < activities.length; i += 10_000) {
      state = lib.addActivities(state, activities.slice(i, i + 10_000));
    }
    return lib.finishAttribution(state);
  };
}
const task = taskOf(subject);

// The working tree is the "library" side, the commit the "baseline".
const r = sideBySide(
  () => task(current),
  () => task(before),
  { runs, gc },
);
const b = r.baselineMs;
const a = r.libraryMs;
const identical = JSON.stringify(r.library) === JSON.stringify(r.baseline);
console.log(
  `${subject}, ${size} records, median of ${runs}: ${ref} ${b.toFixed(1)} ms, working tree ${a.toFixed(1)} ms, ratio ${(a / b).toFixed(2)}, identical results: ${identical}`,
);
console.log(
  `  CPU time (user + system, all threads): ${ref} ${r.baselineCpuMs.toFixed(1)} ms, working tree ${r.libraryCpuMs.toFixed(1)} ms, ratio ${(r.libraryCpuMs / r.baselineCpuMs).toFixed(2)}`,
);
