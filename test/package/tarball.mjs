// The package as a user gets it: `npm pack`, installed into a fresh project
// without the optional peer fast-check, imported from ES modules and
// CommonJS, type-checked under the node16, bundler and node10 resolutions,
// and the repository contract run against the in-memory repository of the
// installed package. Then fast-check is added and the arbitraries used.
// Dependencies come from npm's cache (`npm ci` filled it), so no download
// is needed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(".");
const work = mkdtempSync(join(tmpdir(), "partner-access-tarball-"));
const run = (cmd, args, cwd = work) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

function typecheck(app, skipLibCheck) {
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  for (const [module, moduleResolution] of [
    ["node16", "node16"],
    ["esnext", "bundler"],
    ["commonjs", "node10"],
  ]) {
    // node10 projects cannot check fast-check's and zod's own declarations
    // (they need newer resolutions), so theirs are skipped there.
    const compilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: skipLibCheck || moduleResolution === "node10",
      esModuleInterop: true,
      types: [],
      target: "es2022",
      lib: ["es2022", "dom"],
      module,
      moduleResolution,
    };
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions, files: ["use.ts"] }),
    );
    try {
      run("node", [tsc, "-p", "tsconfig.json"], app);
    } catch (e) {
      throw new Error(
        `tsc (${moduleResolution}, skipLibCheck ${skipLibCheck}) failed:\n${e.stdout}${e.stderr}`,
      );
    }
  }
}

try {
  // dist/ is fresh (npm test builds first), so prepack's build is skipped.
  run("npm", ["pack", "--ignore-scripts", "--pack-destination", work, "--loglevel=error"], root);
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  assert.ok(tarball, "npm pack wrote no tarball");
  const files = run("tar", ["-tzf", tarball]).split("\n");
  for (const f of [
    "package/LICENSE",
    "package/README.md",
    "package/dist/index.js",
    "package/dist/index.cjs",
  ]) {
    assert.ok(files.includes(f), `the tarball lacks ${f}`);
  }
  assert.ok(!files.some((f) => f.startsWith("package/src/")), "the tarball ships src/");

  const app = join(work, "app");
  run("mkdir", ["-p", app]);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "app", private: true, type: "module" }),
  );
  execFileSync(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      join(work, tarball),
    ],
    {
      cwd: app,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );

  writeFileSync(
    join(app, "contract.mjs"),
    `import { createInMemoryRepository, repositoryContract, arbitraries } from "partner-access/testing";
import { parseEmailDomainOrThrow, PartnerAccessError, isPartnerAccessError } from "partner-access";
import { createRequire } from "node:module";
const cases = repositoryContract(() => createInMemoryRepository());
for (const c of cases) await c.run();
let missing = "";
try { arbitraries.partner(); } catch (e) { missing = String(e.message); }
// one error class across both builds
const cjs = createRequire(import.meta.url)("partner-access");
let crossed = false;
try { cjs.parseEmailDomainOrThrow("gmail"); } catch (e) { crossed = e instanceof PartnerAccessError && isPartnerAccessError(e); }
console.log(JSON.stringify({ cases: cases.length, missing, crossed, domain: parseEmailDomainOrThrow("ẞ.com") }));
`,
  );
  const esm = JSON.parse(run("node", ["contract.mjs"], app));
  assert.ok(esm.cases > 40, `only ${esm.cases} contract cases ran`);
  assert.match(esm.missing, /need fast-check/);
  assert.equal(esm.crossed, true);
  assert.equal(esm.domain, "xn--zca.com");

  writeFileSync(
    join(app, "contract.cjs"),
    `const { createInMemoryRepository, repositoryContract, arbitraries } = require("partner-access/testing");
(async () => {
  const cases = repositoryContract(() => createInMemoryRepository());
  for (const c of cases.slice(0, 10)) await c.run();
  let missing = "";
  try { arbitraries.partner(); } catch (e) { missing = String(e.message); }
  console.log(JSON.stringify({ ran: 10, missing }));
})();
`,
  );
  const cjs = JSON.parse(run("node", ["contract.cjs"], app));
  assert.match(cjs.missing, /need fast-check/);

  // Type-check one file under three module resolutions.
  writeFileSync(
    join(app, "use.ts"),
    `import { type Partner, classifyUser, parsePartnerEmployeeDomain } from "partner-access";
import { createInMemoryRepository, repositoryContract } from "partner-access/testing";
const acme: Partner = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] };
const kind: "domain_match" | "client_access_manager" | "invalid_email" = classifyUser("jane@acme.com", acme).kind;
const r = parsePartnerEmployeeDomain("acme.com");
if (r.ok) { const d: string = r.value; void d; }
void kind; void createInMemoryRepository; void repositoryContract;
`,
  );
  // Without fast-check, with skipLibCheck (the testing entry's types name it).
  typecheck(app, true);
  // With fast-check installed, the arbitraries work from both builds.
  execFileSync(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", "fast-check@4"],
    {
      cwd: app,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  writeFileSync(
    join(app, "arbitraries.mjs"),
    `import fc from "fast-check";
import { arbitraries } from "partner-access/testing";
import { parsePartnerEmployeeDomain } from "partner-access";
fc.assert(fc.property(arbitraries.emailDomain(), (d) => parsePartnerEmployeeDomain(d).ok), { numRuns: 50 });
console.log("ok");
`,
  );
  assert.equal(run("node", ["arbitraries.mjs"], app).trim(), "ok");
  writeFileSync(
    join(app, "arbitraries.cjs"),
    `const fc = require("fast-check");
const { arbitraries } = require("partner-access/testing");
fc.assert(fc.property(arbitraries.partner(), (p) => typeof p.partnerId === "string"), { numRuns: 50 });
console.log("ok");
`,
  );
  assert.equal(run("node", ["arbitraries.cjs"], app).trim(), "ok");
  // With fast-check, every declaration file checked too.
  typecheck(app, false);
  console.log(
    `tarball: ok (${files.length - 1} files; ${esm.cases} contract cases from the installed package)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
