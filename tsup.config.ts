import { resolve } from "node:path";
import { defineConfig, type Options } from "tsup";

// The testing entry loads fast-check (an optional peer) only when an
// arbitrary is used: ES modules through a top-level `await import()` that
// never rejects (src/testing/fast-check.ts), CommonJS through a `require` on
// first use (src/testing/fast-check.cjs.ts), swapped in here.
const commonJsFastCheck = {
  name: "commonjs-fast-check",
  setup(build: {
    onResolve: (o: { filter: RegExp }, f: (a: { resolveDir: string }) => { path: string }) => void;
  }) {
    build.onResolve({ filter: /^\.\/fast-check\.js$/ }, (args) => ({
      path: resolve(args.resolveDir, "fast-check.cjs.ts"),
    }));
  },
};

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
    entry: ["src/**/*.ts", "!src/vendor/**", "!src/**/*.cjs.ts"],
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
    esbuildPlugins: [commonJsFastCheck],
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
