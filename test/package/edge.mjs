// Runs the built package inside an edge-runtime VM (the Web APIs of Vercel's
// and similar edge runtimes, no Node built-ins): bundled as a user's bundler
// would, then evaluated and called.
import assert from "node:assert/strict";
import { EdgeVM } from "@edge-runtime/vm";
import { build } from "esbuild";

// The canonical form must not depend on the runtime's own Unicode tables
// (Node 20's URL parser gives ss.com, fass.de or a refusal for these).
const SAME_IN_EVERY_RUNTIME = {
  "ẞ.com": "xn--zca.com",
  "FAẞ.de": "xn--fa-hia.de",
  "Ⴚ.σ": "xn--ilj.xn--4xa",
  "\u{2F868}.jp": "xn--snl.jp",
};

const out = await build({
  stdin: {
    contents: `import * as lib from "partner-access"; globalThis.lib = lib;`,
    resolveDir: process.cwd(),
  },
  bundle: true,
  format: "iife",
  platform: "neutral",
  mainFields: ["module", "main"],
  write: false,
  logLevel: "silent",
});
const vm = new EdgeVM();
vm.evaluate(out.outputFiles[0].text);
const result = vm.evaluate(`(() => {
  const domain = lib.parsePartnerEmployeeDomain("Bücher.DE");
  const shared = lib.parsePartnerEmployeeDomain("gmail.com");
  const credit = lib.attributeManagedCredit({
    period: { start: 0, end: 1000 },
    partners: [{ partnerId: "p", program: "partner", employeeDomains: ["p.io"] }],
    clients: [{ clientId: 1, mrr: { amountMinor: 100000, currency: "USD" } }],
    users: [{ partnerId: "p", email: "a@p.io", tagged: true }],
    assignments: [{ partnerId: "p", clientId: 1, email: "a@p.io", status: "active", assignedAt: 0, activatedAt: 0 }],
    activities: [{ clientId: 1, email: "a@p.io", at: 10 }],
  });
  const canonical = Object.fromEntries(
    ${JSON.stringify(Object.keys(SAME_IN_EVERY_RUNTIME))}.map((d) => [d, lib.parseEmailDomain(d).value]),
  );
  const key = lib.emailKey('"Free"@GMAIL.com');
  return JSON.stringify({ domain: domain.value, shared: shared.error.code, points: credit.value.partners[0].points, canonical, key });
})()`);
assert.deepEqual(JSON.parse(result), {
  domain: "xn--bcher-kva.de",
  shared: "shared_domain",
  points: 10,
  canonical: SAME_IN_EVERY_RUNTIME,
  key: "free@gmail.com",
});
console.log("edge: ok");

// partner-access/postgres in the same runtime, over a driver of the shape
// an HTTP driver would have: no Node built-in is needed.
const postgresBundle = await build({
  stdin: {
    contents: `import * as postgres from "partner-access/postgres"; globalThis.postgres = postgres;`,
    resolveDir: process.cwd(),
  },
  bundle: true,
  format: "iife",
  platform: "neutral",
  mainFields: ["module", "main"],
  write: false,
  logLevel: "silent",
});
vm.evaluate(postgresBundle.outputFiles[0].text);
const linked = await vm.evaluate(`(async () => {
  const statements = [];
  const row = { client_id: "1", email_key: "a@p.io", partner_id: "p", email: "A@p.io", linked_at: "0" };
  const db = {
    transaction: async (fn) =>
      fn({
        query: async (text) => {
          statements.push(text.split(/\\s+/)[0]);
          return { rows: text.startsWith("INSERT") ? [row] : [] };
        },
      }),
  };
  const repository = postgres.createPostgresRepository(db).value;
  const outcome = await repository.linkEmail({ clientId: 1, partnerId: "p", email: "A@p.io", linkedAt: 0 });
  return JSON.stringify({ status: outcome.status, key: outcome.link.emailKey, statements });
})()`);
assert.deepEqual(JSON.parse(linked), {
  status: "linked",
  key: "a@p.io",
  statements: ["SET", "INSERT"],
});
console.log("edge: partner-access/postgres ok");
