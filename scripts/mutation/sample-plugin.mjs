// A Stryker ignorer for `npm run test:mutation:sample`. Stryker mutates each
// node that lies inside a `--mutate` range, so the range of a sampled mutant
// also brings in every mutant nested in its node (a block brings in its
// whole function). This ignorer leaves out those nested nodes, unless they
// hold a sampled mutant themselves: only the sampled nodes are tested.
import { appendFileSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { declareClassPlugin, declareValuePlugin, PluginKind } from "@stryker-mutator/api/plugin";

/** Where scripts/mutation-sample.ts writes the sample (another path for a test of this file). */
export const SAMPLE_FILE =
  process.env.MUTATION_SAMPLE_FILE ?? "reports/mutation-sample/sample.json";

/** @type {Map<string, {start: {line: number, column: number}, end: {line: number, column: number}}[]> | undefined} */
let spansByFile;

function sampledSpans(fileName) {
  if (spansByFile === undefined) {
    spansByFile = new Map();
    for (const mutant of JSON.parse(readFileSync(SAMPLE_FILE, "utf8")).mutants) {
      const spans = spansByFile.get(mutant.fileName) ?? [];
      spans.push(mutant.location);
      spansByFile.set(mutant.fileName, spans);
    }
  }
  return spansByFile.get(fileName) ?? [];
}

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
const holds = (outer, inner) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** Where the log reporter writes each undetected mutant the moment it is known. */
export const UNDETECTED_LOG =
  process.env.MUTATION_UNDETECTED_LOG ?? "reports/mutation-sample/undetected.log";

// A reporter that writes each surviving or uncovered mutant as soon as it is
// tested, so that a long run can be read (and its survivors worked on) before
// it ends; Stryker's own reports are written at the end only.
class UndetectedLog {
  onMutantTested(result) {
    if (result.status !== "Survived" && result.status !== "NoCoverage") return;
    const { line, column } = result.location.start;
    const file = relative(process.cwd(), result.fileName);
    // A reported result counts lines and columns from 1.
    const where = `${file}:${line}:${column}`;
    appendFileSync(
      UNDETECTED_LOG,
      `${result.status} ${where} ${result.mutatorName} ${JSON.stringify(result.replacement)}${result.static ? " (static)" : ""}\n`,
    );
  }
}

export const strykerPlugins = [
  declareClassPlugin(PluginKind.Reporter, "undetected-log", UndetectedLog),
  declareValuePlugin(PluginKind.Ignore, "sample", {
    shouldIgnore(path) {
      const loc = path.node.loc;
      const fileName = path.hub?.file?.opts?.filename;
      if (!loc || typeof fileName !== "string") return undefined;
      // Babel counts lines from 1, the instrumenter from 0.
      const span = {
        start: { line: loc.start.line - 1, column: loc.start.column },
        end: { line: loc.end.line - 1, column: loc.end.column },
      };
      const spans = sampledSpans(relative(process.cwd(), fileName).replaceAll("\\", "/"));
      if (spans.some((sampled) => holds(span, sampled))) return undefined;
      return spans.some((sampled) => holds(sampled, span)) ? "Not in the sample" : undefined;
    },
  }),
];
