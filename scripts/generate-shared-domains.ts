// Writes src/domain/shared-domains.generated.ts from two maintained lists:
// email-providers (a devDependency) and the domains.json inside the published
// free-email-domains tarball, fetched with `npm pack` at the pinned version
// and committed to scripts/data/ (never installed: its install script
// downloads from the internet). Every entry is canonicalised through
// parseEmailDomain; entries it refuses are dropped (public suffixes such as
// com.ar, addresses, bad names), and so are entries under another listed
// entry, since subdomain matching covers them. Run `npm run generate` after
// updating email-providers or FREE_EMAIL_DOMAINS_VERSION; a unit test fails
// while the committed file is out of date. `--offline` skips `npm pack` and
// uses the committed copy.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  FREE_EMAIL_DOMAINS_DATA,
  FREE_EMAIL_DOMAINS_VERSION,
  type FreeEmailDomainsData,
  GENERATED_PATH,
  renderSharedDomainModule,
} from "./shared-domains-module.js";

function run(command: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

function fetchFreeEmailDomains(version: string): FreeEmailDomainsData {
  const dir = mkdtempSync(join(tmpdir(), "free-email-domains-"));
  try {
    const spec = `free-email-domains@${version}`;
    const [packed] = JSON.parse(run("npm", ["pack", spec, "--json", "--ignore-scripts"], dir));
    run("tar", ["-xzf", packed.filename], dir);
    const read = (file: string) => readFileSync(join(dir, "package", file), "utf8");
    const manifest = JSON.parse(read("package.json"));
    if (manifest.version !== version) throw new Error(`${spec} packed ${manifest.version}`);
    const licenseText = read("LICENSE.md");
    return {
      package: "free-email-domains",
      version,
      license: manifest.license,
      copyright: licenseText.match(/^Copyright .*$/m)?.[0] ?? "",
      note: `domains.json of the published ${spec} tarball, unchanged; written by npm run generate.`,
      licenseText,
      domains: JSON.parse(read("domains.json")),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.argv.includes("--offline")) {
  const data = fetchFreeEmailDomains(FREE_EMAIL_DOMAINS_VERSION);
  writeFileSync(FREE_EMAIL_DOMAINS_DATA, `${JSON.stringify(data, null, 2)}\n`);
}
const { text, summary } = renderSharedDomainModule();
writeFileSync(GENERATED_PATH, text);
console.log(summary);
