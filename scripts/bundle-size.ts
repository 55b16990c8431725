// Bundle sizes of the built package as a user's bundler would produce them:
// esbuild, minified, tree-shaken, gzipped (level 9). `--check` exits non-zero
// when a budget is exceeded, so a change that breaks tree-shaking fails
// `npm test` instead of silently growing every user's cold start.
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleRow {
  readonly name: string;
  readonly entry: string;
  readonly minBytes: number;
  readonly gzipBytes: number;
  /** The size `--check` refuses to exceed. */
  readonly budgetBytes?: number;
  readonly budgetNote?: string;
}

// Issue 7 set (a) at 100 kB. tldts (the Public Suffix List, 47 kB gzip) and
// the shared-domain list (33 kB) leave 20 kB for the library and the zod
// functions its schemas use, which take about 36 kB: the target is missed (see
// docs/performance.md), and the check holds the line where it stands now so
// that a regression, or broken tree-shaking, still fails the build. The
// ownership challenge, the expiry reminders, the domain-change preview and
// formatMoney added 3.4 kB gzip to the whole entry (118.0 -> 121.4 kB); the
// limit moved by that much. The entry then measured 125,850 B; the service's
// use cases in one file each on one pipeline, with the nine new ones
// (several employees' access at once, partner users, partner accounts, the
// employee list, domain status and Partner Seats, the domain preview,
// expiry and reminders) and attribution streamed from the repository, add
// 3,437 B: 129,287.
const WHOLE_ENTRY_LIMIT = 129_287;
// Issue 7 set (b) at 6 kB. Keying addresses (canonical domains, 2.3 kB),
// exact money arithmetic (1.5 kB) and the attribution core with its
// validation (4.3 kB) come to 8.2 kB; without any error message the core
// would still be 7.7 kB. Missed too; the limit holds the line.
const ATTRIBUTION_LIMIT = 8_600;

// Paths from the repository root: npm scripts run there.
const DIST = resolve("dist/index.js");
const GENERATED = resolve("src/domain/shared-domains.generated.ts");

async function measure(contents: string): Promise<{ minBytes: number; gzipBytes: number }> {
  const out = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    alias: { "partner-access": DIST },
    write: false,
    logLevel: "silent",
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

export async function measureBundles(): Promise<BundleRow[]> {
  const whole = await measure(`export * from "partner-access";`);
  const attribution = await measure(`export { attributeManagedCredit } from "partner-access";`);
  const classify = await measure(`export { classifyUser } from "partner-access";`);
  // What classifyUser cannot do without: the PSL (tldts), the shared-domain
  // list and a Punycode decoder. Our own code may add 10% on top.
  const floor = await measure(
    `export { getPublicSuffix, parse } from "tldts";
     export { SHARED_DOMAINS_TEXT } from ${JSON.stringify(GENERATED)};
     export { default as punycode } from "punycode/punycode.js";`,
  );
  return [
    {
      name: "(a) whole main entry",
      entry: "*",
      ...whole,
      budgetBytes: WHOLE_ENTRY_LIMIT,
      budgetNote: `target ≤ 100 kB (missed); limit ${WHOLE_ENTRY_LIMIT / 1000} kB`,
    },
    {
      name: "(b) attributeManagedCredit only",
      entry: "attributeManagedCredit",
      ...attribution,
      budgetBytes: ATTRIBUTION_LIMIT,
      budgetNote: `target ≤ 6 kB (missed); limit ${ATTRIBUTION_LIMIT / 1000} kB`,
    },
    {
      name: "(c) classifyUser only",
      entry: "classifyUser",
      ...classify,
      budgetBytes: Math.floor(floor.gzipBytes * 1.1),
      budgetNote: `≤ 110% of tldts + shared list + punycode (${floor.gzipBytes} B)`,
    },
    { name: "    tldts + shared list + punycode", entry: "(reference)", ...floor },
  ];
}

export function formatBundles(rows: readonly BundleRow[]): string {
  const lines = [
    "| bundle | minified | gzip | budget (gzip) | within |",
    "| --- | ---: | ---: | --- | --- |",
  ];
  for (const r of rows) {
    const within =
      r.budgetBytes === undefined ? "" : r.gzipBytes <= r.budgetBytes ? "yes" : "**NO**";
    lines.push(
      `| ${r.name} | ${(r.minBytes / 1000).toFixed(1)} kB | ${(r.gzipBytes / 1000).toFixed(1)} kB | ${r.budgetNote ?? ""} | ${within} |`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("bundle-size.ts")) {
  const rows = await measureBundles();
  console.log(formatBundles(rows));
  const over = rows.filter((r) => r.budgetBytes !== undefined && r.gzipBytes > r.budgetBytes);
  if (process.argv.includes("--check") && over.length > 0) {
    console.error(`bundle budget exceeded: ${over.map((r) => r.name.trim()).join(", ")}`);
    process.exit(1);
  }
}
