// The unit tests as mutation testing runs them: without the type tests, the
// benchmarks and the tests of the built package or of the documentation,
// which check other things than the rules in src/, and without the suites
// that start a PostgreSQL server or race many transactions on PGlite (each
// takes minutes, and the suite runs once per mutant: the in-memory race
// suite and the PGlite contract still run). Properties run 300 times each
// (test/setup.ts): a mutant killed in fewer runs is killed in more, so the
// score is a lower bound of the full suite's.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

export default mergeConfig(
  base,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      env: { MUTATION_NUM_RUNS: process.env.MUTATION_NUM_RUNS ?? "300" },
      exclude: [
        "test/package/**",
        "test/bench/**",
        "test/docs/**",
        "test/examples/**",
        "test/hostile/**",
        "test/postgres/contract.server.test.ts",
        "test/postgres/races.test.ts",
        "test/service/race.pglite.test.ts",
        "test/service/race.postgres.test.ts",
        "node_modules/**",
      ],
    },
  }),
);
