// `npm run test:mutation:sample`: Stryker over a seeded uniform sample of the
// mutants of src/ (scripts/mutation-sample.ts draws it and scores the run).
// Everything else is as in stryker.config.mjs.
import { readFileSync } from "node:fs";
import { SAMPLE_FILE } from "./scripts/mutation/sample-plugin.mjs";
import base from "./stryker.config.mjs";

const { mutate } = JSON.parse(readFileSync(SAMPLE_FILE, "utf8"));

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...base,
  mutate,
  plugins: ["@stryker-mutator/vitest-runner", "./scripts/mutation/sample-plugin.mjs"],
  ignorers: ["sample"],
  incrementalFile: "reports/stryker-sample-incremental.json",
  reporters: ["progress", "json", "undetected-log"],
  jsonReporter: { fileName: "reports/mutation-sample/mutation.json" },
  // The driver judges the sample's score; Stryker's own counts every mutant it ran.
  thresholds: { high: 95, low: 90, break: null },
};
