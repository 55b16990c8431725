// `npm run test:mutation:sample [-- --size N --seed S --score-only] [stryker options]`
//
// Estimates the mutation score of all of src/ from a uniform random sample
// of its mutants (see scripts/mutation/sample.ts for why):
//   1. enumerates every mutant Stryker would make in the files that
//      stryker.config.mjs mutates, with Stryker's own instrumenter;
//   2. draws `--size` of them (default 400) with `--seed` (default below);
//   3. runs Stryker on the sampled nodes alone (stryker.sample.config.mjs),
//      incrementally, so a rerun on unchanged code and tests is quick;
//   4. prints the score of the sampled mutants, its 95% interval and each
//      undetected mutant, and exits with 1 if the score is under 90%.
// Options it does not know go to `stryker run` (e.g. `--concurrency 2`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Instrumenter } from "@stryker-mutator/instrumenter";
import {
  drawSample,
  mutateRange,
  type ReportFiles,
  type SampledMutant,
  type SampleFile,
  scoreSample,
} from "./mutation/sample.js";

// The two JavaScript modules Stryker itself loads: the configuration whose
// `mutate` globs say what to enumerate, and the ignorer, which names the sample file.
const load = async (path: string): Promise<unknown> => import(pathToFileURL(resolve(path)).href);
const { mutate: MUTATE } = ((await load("stryker.config.mjs")) as { default: { mutate: string[] } })
  .default;
const { SAMPLE_FILE, UNDETECTED_LOG } = (await load("scripts/mutation/sample-plugin.mjs")) as {
  SAMPLE_FILE: string;
  UNDETECTED_LOG: string;
};
const REPORT_FILE = "reports/mutation-sample/mutation.json";
const BREAK = 0.9;

function options(argv: readonly string[]) {
  let size = 400;
  let seed = 20261202;
  let scoreOnly = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--size") size = Number(argv[++i]);
    else if (arg === "--seed") seed = Number(argv[++i]);
    else if (arg === "--score-only") scoreOnly = true;
    else rest.push(arg);
  }
  if (!Number.isSafeInteger(size) || size < 1 || !Number.isSafeInteger(seed)) {
    console.error("usage: mutation-sample [--size N] [--seed S] [--score-only] [stryker options]");
    process.exit(2);
  }
  return { size, seed, scoreOnly, rest };
}

/** A glob of stryker.config.mjs's `mutate` (only `*` and `**`) as a RegExp. */
function globRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    if (glob.startsWith("**/", i)) {
      source += "(?:.*/)?";
      i += 2;
    } else if (glob.startsWith("**", i)) {
      source += ".*";
      i += 1;
    } else if (glob[i] === "*") source += "[^/]*";
    else source += (glob[i] as string).replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

function mutatedFiles(): string[] {
  const patterns = MUTATE;
  const include = patterns.filter((p) => !p.startsWith("!")).map(globRegExp);
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => globRegExp(p.slice(1)));
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path.replaceAll("\\", "/")];
    });
  return walk("src")
    .filter((f) => include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f)))
    .sort();
}

async function enumerate(files: readonly string[]): Promise<SampledMutant[]> {
  const quiet = () => false;
  const ignore = () => undefined;
  const logger = {
    isTraceEnabled: quiet,
    isDebugEnabled: quiet,
    isInfoEnabled: quiet,
    isWarnEnabled: quiet,
    isErrorEnabled: quiet,
    isFatalEnabled: quiet,
    trace: ignore,
    debug: ignore,
    info: ignore,
    warn: console.warn,
    error: console.error,
    fatal: console.error,
  };
  const instrumenter = new Instrumenter(logger);
  const { mutants } = await instrumenter.instrument(
    files.map((name) => ({ name, mutate: true, content: readFileSync(name, "utf8") })),
    { plugins: null, excludedMutations: [], ignorers: [] },
  );
  return mutants.map(({ fileName, mutatorName, replacement, location }) => ({
    fileName,
    mutatorName,
    replacement,
    location,
  }));
}

const percent = (x: number) => `${(100 * x).toFixed(2)}%`;

function report(sample: SampleFile) {
  if (!existsSync(REPORT_FILE)) {
    console.error(`${REPORT_FILE} is missing: run without --score-only first`);
    return 2;
  }
  const { files } = JSON.parse(readFileSync(REPORT_FILE, "utf8")) as { files: ReportFiles };
  const score = scoreSample(sample.mutants, files);
  const area = (m: SampledMutant) => m.fileName.split("/").slice(0, 2).join("/");
  const areas = new Map<string, SampledMutant[]>();
  for (const m of sample.mutants) areas.set(area(m), [...(areas.get(area(m)) ?? []), m]);
  console.log(
    `\nmutation sample: seed ${sample.seed}, ${sample.mutants.length} of ${sample.population} mutants`,
  );
  console.log(`statuses: ${JSON.stringify(score.statuses)}`);
  console.log("\n| area | sampled | detected / counted | score |\n| --- | ---: | ---: | ---: |");
  for (const [name, mutants] of [...areas].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const s = scoreSample(mutants, files);
    console.log(
      `| ${name} | ${mutants.length} | ${s.detected} / ${s.valid} | ${percent(s.score)} |`,
    );
  }
  console.log(
    `\nestimated mutation score of src/: ${percent(score.score)} (${score.detected} of ${score.valid}), 95% interval ${percent(score.low)}–${percent(score.high)}`,
  );
  for (const m of score.undetected) {
    const { line, column } = m.location.start;
    console.log(
      `  ${m.status}: ${m.fileName}:${line + 1}:${column + 1} ${m.mutatorName} → ${JSON.stringify(m.replacement)}`,
    );
  }
  if (score.missing.length > 0) {
    console.error(
      `${score.missing.length} sampled mutants are not in the report; run without --score-only`,
    );
    return 2;
  }
  return score.score >= BREAK ? 0 : 1;
}

const { size, seed, scoreOnly, rest } = options(process.argv.slice(2));
const population = await enumerate(mutatedFiles());
const mutants = drawSample(population, size, seed);
const sample: SampleFile = {
  seed,
  population: population.length,
  mutate: [...new Set(mutants.map(mutateRange))],
  mutants,
};
mkdirSync(dirname(SAMPLE_FILE), { recursive: true });
writeFileSync(SAMPLE_FILE, `${JSON.stringify(sample, null, 1)}\n`);
writeFileSync(UNDETECTED_LOG, "");
if (!scoreOnly) {
  const run = spawnSync("npx", ["stryker", "run", "stryker.sample.config.mjs", ...rest], {
    stdio: "inherit",
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
process.exit(report(sample));
