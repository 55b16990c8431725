// Mutation testing: `npm run test:mutation`. Not part of `npm test` (it runs
// the suite once per mutant, which takes long); run it before a release and
// after changing a rule. Incremental: results are kept in
// reports/stryker-incremental.json, so a rerun only tests mutants in code or
// tests that changed.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: [
    "src/**/*.ts",
    "!src/testing/**",
    "!src/**/*.generated.ts",
    "!src/vendor/**",
    "!src/**/*.cjs.ts",
  ],
  coverageAnalysis: "perTest",
  // Stryker marks the sandbox's files with @ts-nocheck; the generated list must stay byte for byte as committed.
  disableTypeChecks: "{src,test}/**/!(*.generated).{ts,tsx,js,mjs,cjs}",
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 95, low: 90, break: 90 },
  // The first run of the whole suite, instrumented, on a shared 2-core machine.
  dryRunTimeoutMinutes: 60,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
