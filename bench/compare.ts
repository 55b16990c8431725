/**
 * Compares the working tree with an earlier commit, side by side in one
 * process on the same generated data: the way to quote a before/after ratio
 * on a shared machine, where two separate runs differ by more than most
 * changes do.
 *
 * ```sh
 * node --expose-gc scripts/run-ts.mjs bench/compare.ts <git-ref> [attribution|streaming|conflicts] [size] [runs]
 * node --expose-gc scripts/run-ts.mjs bench/compare.ts 4ca651d attribution 1000000 5
 * node --expose-gc scripts/run-ts.mjs bench/compare.ts <git-ref> shared-address:startAttribution 100000 5
 * ```
 *
 * A subject `<shape>:<function>` times one function of
 * bench/adversarial.bench.ts on one of its shapes; its results are compared
 * value by value (a shared object compared once), since the conflict every
 * contender's decision shows is one object that JSON would write n times.
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
import {
  generateAdversarial,
  SUBJECTS as SHAPE_FUNCTIONS,
  SHAPES,
  type Shape,
} from "./adversarial.bench.js";
import { generateAttributionInput } from "./attribution.bench.js";
import { generateAssignments } from "./conflicts.bench.js";
import { exposeGc, sideBySideAsync } from "./lib.js";

type Library = typeof current;

async function loadCommit(ref: string): Promise<Library> {
  const dir = mkdtempSync(join(tmpdir(), "partner-access-compare-"));
  try {
    // The sources weigh more than execFileSync's default 1 MiB of output.
    const archive = execFileSync("git", ["archive", ref, "src"], { maxBuffer: 1 << 28 });
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
const SUBJECTS = [
  "attribution",
  "streaming",
  "conflicts",
  ...SHAPES.flatMap((shape) => Object.keys(SHAPE_FUNCTIONS).map((f) => `${shape}:${f}`)),
];
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

function adversarialTask(name: string): (lib: Library) => unknown {
  const [shape, fn] = name.split(":") as [Shape, keyof typeof SHAPE_FUNCTIONS];
  const input = generateAdversarial(shape, size);
  if (fn === "detectEmailConflicts")
    return (lib) => lib.detectEmailConflicts(input.assignments, input.partners);
  if (fn === "attributeManagedCredit") return (lib) => lib.attributeManagedCredit(input);
  const { activities: _, ...reference } = input;
  return (lib) => lib.startAttribution(reference);
}

// Deep equality in which each pair of objects is compared once, so that an
// object shared n times costs once, not n times.
function same(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return keys.every((k) => Object.hasOwn(y, k) && same(x[k], y[k], seen));
}

function taskOf(name: string): (lib: Library) => unknown {
  if (name.includes(":")) return adversarialTask(name);
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

// The working tree is the "library" side, the commit the "baseline"; each
// goes first in every other run, and each call comes from the event loop
// (a state's ledger is memoised weakly, see sideBySideAsync).
const r = await sideBySideAsync(
  () => task(current),
  () => task(before),
  { runs, gc, alternate: true },
);
const b = r.baselineMs;
const a = r.libraryMs;
const identical = subject.includes(":")
  ? same(r.library, r.baseline)
  : JSON.stringify(r.library) === JSON.stringify(r.baseline);
console.log(
  `${subject}, ${size} records, median of ${runs}: ${ref} ${b.toFixed(1)} ms, working tree ${a.toFixed(1)} ms, ratio ${(a / b).toFixed(2)}, identical results: ${identical}`,
);
console.log(
  `  CPU time (user + system, all threads): ${ref} ${r.baselineCpuMs.toFixed(1)} ms, working tree ${r.libraryCpuMs.toFixed(1)} ms, ratio ${(r.libraryCpuMs / r.baselineCpuMs).toFixed(2)}`,
);
