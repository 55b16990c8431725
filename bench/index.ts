// `npm run bench`: the whole benchmark suite, printed as Markdown tables.
// Every comparison runs the library and a bare baseline over the same seeded
// data in the same process, alternately, and reports medians; read the
// ratios, not the absolute times, on a shared machine. See docs/performance.md.

import { formatBundles, measureBundles } from "../scripts/bundle-size.js";
import { formatAdversarialBench, runAdversarialBench } from "./adversarial.bench.js";
import { formatAttributionBench, runAttributionBench } from "./attribution.bench.js";
import { formatClassificationBench, runClassificationBench } from "./classification.bench.js";
import { formatColdStart, runColdStart } from "./cold-start.js";
import { formatConflictsBench, runConflictsBench } from "./conflicts.bench.js";
import { formatParsersBench, runParsersBench } from "./parsers.bench.js";
import { formatServiceBench, runServiceBench } from "./service.bench.js";
import { formatStateSizes, measureStateSizes } from "./state-size.bench.js";
import { formatStreamingBench, runStreamingBench } from "./streaming.bench.js";

const quick = process.argv.includes("--quick");
const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const log = (line: string) => console.error(`  … ${line}`);
const started = performance.now();

function section(title: string, body: string): void {
  console.log(`\n## ${title}\n\n${body}`);
}

console.log(
  `# partner-access benchmarks\n\nnode ${process.version}, ${new Date().toISOString().slice(0, 10)}${quick ? " (quick)" : ""}`,
);
section(
  "Classification (classifyUsers vs a bare Map/Set loop)",
  formatClassificationBench(runClassificationBench({ sizes })),
);
section(
  "Email conflicts (detectEmailConflicts vs a bare Map group-by)",
  formatConflictsBench(runConflictsBench({ sizes, log })),
);
section(
  "Attribution (attributeManagedCredit vs a bare Map group-by)",
  formatAttributionBench(runAttributionBench({ sizes, log, heapFor: [sizes[sizes.length - 1]!] })),
);
section(
  "Streaming attribution (batches, heap per batch, next to the one-shot run)",
  formatStreamingBench(
    runStreamingBench(
      quick
        ? { assignments: 10_000, activities: 100_000, batch: 10_000 }
        : { assignments: 100_000, activities: 1_000_000, batch: 10_000 },
    ),
  ),
);
section(
  "Streaming state size (JSON, full and compact)",
  formatStateSizes(measureStateSizes([sizes[sizes.length - 1]!])),
);
section(
  "Adversarial shapes (one address shared by n partners, n users on one address, one client with n partners)",
  formatAdversarialBench(await runAdversarialBench({ sizes, log })),
);
section(
  "Parsers on adversarial strings (time per call at 10^5 and 10^6 characters, growth per ×10)",
  formatParsersBench(
    runParsersBench({ sizes: quick ? [10_000, 100_000] : [100_000, 1_000_000], log }),
  ),
);
section(
  "Service attribution (service.attributeCredit over the in-memory repository, next to the one-shot run)",
  formatServiceBench(
    await runServiceBench(
      quick
        ? { assignments: 10_000, activities: 100_000, log }
        : { assignments: 100_000, activities: 1_000_000, log },
    ),
  ),
);
section("Bundle sizes (esbuild, minified, gzip -9)", formatBundles(await measureBundles()));
section("Cold start (median of 10 fresh processes)", formatColdStart(runColdStart()));
console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s.`);
