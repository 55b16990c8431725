// A Stryker ignorer for `npm run test:mutation:sample`. Stryker mutates each
// node that lies inside a `--mutate` range, so the range of a sampled mutant
// also brings in every mutant nested in its node (a block brings in its
// whole function). This ignorer leaves out those nested nodes, unless they
// hold a sampled mutant themselves: only the sampled nodes are tested.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { declareValuePlugin, PluginKind } from "@stryker-mutator/api/plugin";

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

export const strykerPlugins = [
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
