// Streaming attribution in worker threads: a generated month of activity is
// split into N chunks, each processed in its own worker thread from the same
// started state, the parts merged, and the totals printed next to those of
// the one-shot run, which they must equal.
//
//   node scripts/run-ts.mjs examples/streaming/main.ts [N] [--small]
//
// N worker threads (4 by default); --small generates a small month (the
// test runs it so).
//
// scripts/run-ts.mjs bundles this file, so the worker is bundled here too,
// with esbuild, and started from the bundled code (`eval: true`).
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import {
  generateMonth,
  mergeAndFinish,
  oneShot,
  SMALL_MONTH,
  splitInto,
  startMonth,
  totals,
} from "./month.js";

const threads = Math.max(1, Number(process.argv[2] ?? 4) || 4);
const here = dirname(process.argv[1] ?? ".");
const month = process.argv.includes("--small")
  ? SMALL_MONTH
  : {
      partners: 300,
      clients: 20_000,
      employees: 40,
      assignmentsPerClient: 5,
      activities: 1_000_000,
      seed: 2026,
    };

const bundled = await build({
  entryPoints: [join(here, "worker.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  write: false,
  logLevel: "warning",
});
const workerCode = bundled.outputFiles[0]?.text ?? "";

const { reference, activities } = generateMonth(month);
console.log(
  `A month: ${month.partners} partners, ${month.clients} clients, ${[...reference.assignments].length} assignments, ${activities.length} activities; ${threads} worker threads.`,
);

let t = performance.now();
const state = startMonth(reference);
const parts = await Promise.all(
  splitInto(activities, threads).map(
    (chunk) =>
      new Promise<string>((resolve, reject) => {
        const worker = new Worker(workerCode, {
          eval: true,
          workerData: { state, activities: JSON.stringify(chunk) },
        });
        worker.once("message", (message: string) => {
          resolve(message);
          void worker.terminate();
        });
        worker.once("error", reject);
      }),
  ),
);
const streamed = mergeAndFinish(parts);
const streamedMs = performance.now() - t;

t = performance.now();
const expected = oneShot(reference, activities);
const oneShotMs = performance.now() - t;

const a = totals(streamed);
const b = totals(expected);
const line = (label: string, x: unknown, y: unknown) =>
  console.log(`${label.padEnd(28)}${String(x).padStart(22)}${String(y).padStart(22)}`);
console.log("");
line("", `streamed (${threads} threads)`, "one-shot");
line("partners", a.partners, b.partners);
line("credited (partner, client)", a.credited, b.credited);
line("managed points, all partners", a.points, b.points);
for (const currency of Object.keys(b.managedMrr).sort()) {
  line(`managed MRR ${currency} (minor)`, a.managedMrr[currency], b.managedMrr[currency]);
}
for (let i = 0; i < b.top.length; i++) {
  line(
    `#${i + 1} ${b.top[i]![0]}`,
    `${a.top[i]?.[1]} pts, ${a.top[i]?.[2]} clients`,
    `${b.top[i]![1]} pts, ${b.top[i]![2]} clients`,
  );
}
line("time (ms)", streamedMs.toFixed(0), oneShotMs.toFixed(0));

const identical = JSON.stringify(streamed) === JSON.stringify(expected);
console.log(
  `\nThe streamed attribution is ${identical ? "identical to" : "DIFFERENT FROM"} the one-shot attribution.`,
);
if (!identical) process.exitCode = 1;
