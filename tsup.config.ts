import { defineConfig, type Options } from "tsup";

// ESM is emitted one file per source module, so that a user's bundler, told
// by `"sideEffects": false` that unused modules can go, drops whole modules
// with their imports: code that never parses a domain then never pulls in the
// Public Suffix List. CommonJS, which bundlers cannot shake anyway, is one
// bundled file per entry. Every entry's types are bundled declaration files.
// The zod functions the schemas use are bundled in (see src/vendor/zod-mini.ts).
const common: Options = {
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: false,
  // partner-access/testing and partner-access/postgres import the main entry
  // by name, so all entries share one copy of the library (and one
  // PartnerAccessError class).
  external: ["partner-access"],
};

export default defineConfig([
  {
    ...common,
    entry: ["src/**/*.ts", "!src/vendor/**"],
    format: ["esm"],
    bundle: false,
    dts: {
      entry: {
        index: "src/index.ts",
        "testing/index": "src/testing/index.ts",
        "postgres/index": "src/postgres/index.ts",
      },
    },
  },
  {
    ...common,
    entry: {
      index: "src/index.ts",
      "testing/index": "src/testing/index.ts",
      "postgres/index": "src/postgres/index.ts",
    },
    format: ["cjs"],
    bundle: true,
    splitting: false,
    treeshake: true,
    noExternal: ["zod"],
    dts: true,
  },
  {
    ...common,
    entry: { "vendor/zod-mini": "src/vendor/zod-mini.ts" },
    format: ["esm"],
    bundle: true,
    treeshake: true,
    noExternal: ["zod"],
    dts: false,
  },
]);
