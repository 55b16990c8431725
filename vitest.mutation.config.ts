// The unit tests as mutation testing runs them: without the type tests, the
// benchmarks and the tests of the built package or of the documentation,
// which check other things than the rules in src/.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

export default mergeConfig(
  base,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      exclude: ["test/package/**", "test/bench/**", "test/docs/**", "test/examples/**", "node_modules/**"],
    },
  }),
);
