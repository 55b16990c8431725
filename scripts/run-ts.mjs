#!/usr/bin/env node
// Runs a TypeScript file on Node 20 (which cannot strip types itself): esbuild
// bundles it, with packages left external, into node_modules/.cache, then the
// bundle is imported. Usage: node scripts/run-ts.mjs file.ts [args…]
import { mkdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const [, , entry, ...rest] = process.argv;
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args…]");
  process.exit(2);
}
const outdir = resolve("node_modules/.cache/run-ts");
mkdirSync(outdir, { recursive: true });
const outfile = resolve(outdir, `${basename(entry).replace(/\.[cm]?ts$/, "")}-${process.pid}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "inline",
  logLevel: "warning",
});
process.argv = [process.argv[0], resolve(entry), ...rest];
await import(pathToFileURL(outfile).href);
