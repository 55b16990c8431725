import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgresServer } from "../support/postgres-server.js";
import { type CodeBlock, codeBlocks, markdownFiles } from "./code-blocks.js";

// Every code block of the README, the guides and the examples' READMEs is
// compiled with the project's strict settings and run, so documentation
// cannot drift from the library. See code-blocks.ts for the conventions.

const root = resolve(".");
const out = join(root, "node_modules/.cache/doc-blocks");
const blocks = markdownFiles(root).flatMap((f) => codeBlocks(root, f));
const code = blocks.filter((b) => b.lang === "ts" || b.lang === "typescript");
const commands = blocks.filter((b) => b.lang === "sh");
const KNOWN_LANGS = new Set(["ts", "typescript", "sh", "text", "sql", "json", "jsonc", "mermaid"]);
const name = (b: CodeBlock) => `${b.file.replace(/[/.]/g, "_")}_L${b.line}`;
// Each block is written next to its page, so that a relative import in it
// (`../examples/scale/scale.js`) means what it says to a reader of the page.
const sourceOf = (b: CodeBlock) => join(root, dirname(b.file), `.${name(b)}.ts`);
// Blocks that open a PostgreSQL pool read DATABASE_URL: they get a real
// server, started for this file.
let server: PostgresServer | undefined;
const env: NodeJS.ProcessEnv = { ...process.env };
beforeAll(async () => {
  if (!code.some((b) => b.code.includes("DATABASE_URL"))) return;
  server = await startPostgresServer();
  const c = server.config;
  env.DATABASE_URL = `postgres://${c.user}:${c.password}@${c.host}:${c.port}/${c.database}`;
}, 120_000);
afterAll(async () => {
  for (const b of code) rmSync(sourceOf(b), { force: true });
  await server?.stop();
});

const aliases = {
  "partner-access/testing": join(root, "src/testing/index.ts"),
  "partner-access/postgres": join(root, "src/postgres/index.ts"),
  "partner-access": join(root, "src/index.ts"),
};

describe("documentation code blocks", () => {
  it("are all of a known kind, and there are some", () => {
    expect(code.length).toBeGreaterThan(10);
    for (const b of blocks)
      expect(KNOWN_LANGS.has(b.lang), `${b.file}:${b.line} is \`${b.lang}\``).toBe(true);
    console.log(
      `documentation: ${blocks.length} blocks, ${code.length} TypeScript blocks compiled and run, ${code.filter((b) => b.output !== undefined).length} text blocks compared with their output`,
    );
  });

  it("compile with the project's strict settings", () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const b of code) writeFileSync(sourceOf(b), `${b.code}\nexport {};\n`);
    writeFileSync(
      join(out, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../tsconfig.json",
        include: [],
        files: code.map(sourceOf),
        compilerOptions: { noUnusedLocals: false },
      }),
    );
    try {
      execFileSync(
        process.execPath,
        [join(root, "node_modules/typescript/bin/tsc"), "-p", join(out, "tsconfig.json")],
        {
          encoding: "utf8",
        },
      );
    } catch (e) {
      const text = `${(e as { stdout?: string }).stdout ?? ""}`;
      // Point each error back to the Markdown line it comes from.
      const located = text.replace(
        /(\S+?)_L(\d+)\.ts\((\d+),(\d+)\)/g,
        (_, f: string, l: string, row: string) => {
          const base = f.split("/").pop()?.replace(/^\./, "");
          const block = code.find((b) => name(b) === `${base}_L${l}`);
          return block === undefined ? _ : `${block.file}:${Number(l) + Number(row)}`;
        },
      );
      expect.fail(`documentation code does not compile:\n${located}`);
    }
  }, 120_000);

  for (const b of code) {
    it(`${b.file}:${b.line} runs${b.output === undefined ? "" : " and prints what the page shows"}`, async () => {
      const entry = sourceOf(b);
      writeFileSync(entry, `${b.code}\nexport {};\n`);
      const bundle = join(out, `${name(b)}.mjs`);
      await build({
        entryPoints: [entry],
        outfile: bundle,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        packages: "external",
        alias: aliases,
        logLevel: "silent",
      });
      const printed = execFileSync(process.execPath, [bundle], {
        cwd: root,
        env,
        encoding: "utf8",
        timeout: 60_000,
      });
      if (b.output !== undefined) expect(printed.trimEnd()).toBe(b.output.trimEnd());
    }, 90_000);
  }

  it("name only npm scripts that exist", () => {
    const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts as Record<
      string,
      string
    >;
    for (const b of commands) {
      for (const m of b.code.matchAll(/npm run ([\w:-]+)/g)) {
        expect(scripts[m[1] ?? ""], `${b.file}:${b.line} runs npm run ${m[1]}`).toBeDefined();
      }
    }
  });
});
