import { defineConfig } from "vitest/config";

// The hostile-input suite runs over the built package (dist/), after
// `npm run build`: `npm run test:hostile`. No aliases to src/ here.
export default defineConfig({
  test: {
    include: ["test/hostile/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
