import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWithOneConnection } from "../../examples/postgres/open-client.js";
import { openInProcess } from "../../examples/postgres/open-pglite.js";
import { openPartnerAccess } from "../../examples/postgres/open-pool.js";
import { walkthrough } from "../../examples/postgres/walkthrough.js";
import { type PostgresServer, startPostgresServer } from "../support/postgres-server.js";

// examples/postgres as written: each way of opening the service, against a
// real PostgreSQL server started here (and PGlite), running the
// walkthrough; the README shows every file exactly.

const FILES = ["open-pool.ts", "open-client.ts", "open-pglite.ts", "walkthrough.ts"];
const read = (file: string) =>
  readFileSync(new URL(`../../examples/postgres/${file}`, import.meta.url), "utf8");

let server: PostgresServer;
let url: string;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  server = await startPostgresServer();
  const c = server.config;
  url = `postgres://${c.user}:${c.password}@${c.host}:${c.port}/${c.database}`;
}, 60_000);

afterAll(async () => {
  for (const close of closers) await close();
  await server?.stop();
}, 60_000);

const expected = {
  acmeDomains: ["acme.com"],
  rivalDomains: "domain_claimed_by_another_partner",
  assignments: ["email_linked_to_another_partner", "pending_access"],
};

describe("examples/postgres", () => {
  it("README shows each example file exactly", () => {
    const readme = read("README.md");
    for (const file of FILES) expect(readme).toContain(`\`\`\`ts\n// ${file}\n${read(file)}\`\`\``);
  });

  it("open-pool.ts: the walkthrough over a pg.Pool", async () => {
    const { pool, repository, service } = await openPartnerAccess(url);
    closers.push(() => pool.end());
    expect(await walkthrough(repository, service)).toEqual(expected);
    // the tables are in the database, for every server of the application
    const partners = await pool.query("SELECT partner_id FROM pa_partners ORDER BY 1");
    expect(partners.rows).toEqual([{ partner_id: "acme" }, { partner_id: "rival" }]);
  });

  it("open-client.ts: a second start migrates nothing and finds the data", async () => {
    const { client, repository } = await openWithOneConnection(url);
    closers.push(() => client.end());
    expect((await repository.listDomainClaims()).map((c) => c.partnerId)).toEqual(["acme"]);
    expect(await repository.listEmailLinks({ clientId: 42 })).toHaveLength(1);
  });

  it("open-pglite.ts: the walkthrough in-process", async () => {
    const { db, repository, service } = await openInProcess();
    closers.push(() => db.close());
    expect(await walkthrough(repository, service)).toEqual(expected);
  }, 60_000); // starting PGlite takes seconds
});
