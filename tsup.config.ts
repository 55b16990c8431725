import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "testing/index": "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  splitting: false,
  treeshake: true,
  // partner-access/testing imports the main entry by name, so both entries
  // share one copy of the library (and one PartnerAccessError class).
  external: ["partner-access"],
});
