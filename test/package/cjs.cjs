// Requires the built package by its name, as a CommonJS user would, and calls it.
const assert = require("node:assert/strict");
const lib = require("partner-access");
const { arbitraries } = require("partner-access/testing");
const fc = require("fast-check");

// The canonical form must not depend on the runtime's own Unicode tables
// (Node 20's URL parser gives ss.com, fass.de or a refusal for these).
const SAME_IN_EVERY_RUNTIME = {
  "ẞ.com": "xn--zca.com",
  "FAẞ.de": "xn--fa-hia.de",
  "Ⴚ.σ": "xn--ilj.xn--4xa",
  "\u{2F868}.jp": "xn--snl.jp",
};

assert.deepEqual(lib.parseEmailDomain("Bücher.DE."), { ok: true, value: "xn--bcher-kva.de" });
for (const [input, value] of Object.entries(SAME_IN_EVERY_RUNTIME)) {
  assert.deepEqual(lib.parseEmailDomain(input), { ok: true, value }, input);
}
assert.equal(lib.emailKey('"Free"@GMAIL.com'), "free@gmail.com");
assert.equal(lib.parsePartnerEmployeeDomain("gmail.com").error.code, "shared_domain");
assert.equal(lib.parseEmailAddress("Jane@ACME.com").value.key, "jane@acme.com");
assert.throws(() => lib.parseEmailDomainOrThrow("com"), lib.PartnerAccessError);
assert.equal(lib.schemas.emailDomain.parse("ACME.com"), "acme.com");
fc.assert(
  fc.property(arbitraries.emailDomain(), (d) => lib.parsePartnerEmployeeDomain(d).ok),
  { numRuns: 50 },
);
assert.equal(require("partner-access/package.json").name, "partner-access");
console.log(`cjs: ok (${Object.keys(lib).length} exports)`);
// the bundled zod/mini schemas compose into the caller's classic zod schemas
const { z } = require("zod");
const body = z.object({ partner: lib.schemas.partner });
assert.deepEqual(
  body.parse({ partner: { partnerId: "p", program: "partner", employeeDomains: ["ACME.com"] } })
    .partner.employeeDomains,
  ["acme.com"],
);
assert.equal(
  body.safeParse({
    partner: { partnerId: "p", program: "partner", employeeDomains: ["gmail.com"] },
  }).success,
  false,
);
const maybe = z.object({ partner: z.optional(lib.schemas.partner) });
assert.deepEqual(maybe.parse({}), {});
for (const [name, schema] of Object.entries(lib.inputSchemas)) {
  assert.equal(typeof z.toJSONSchema(schema).$schema, "string", name);
}
assert.equal(lib.schemas.timestamp.safeParse("2026-01-01").success, false);
console.log("cjs: schemas compose with classic zod");

// partner-access/postgres: a repository over a stub pool
const pgEntry = require("partner-access/postgres");
const statements = [];
const stub = {
  connect: async () => ({
    query: async (text) => {
      statements.push(text.split(/\s+/)[0]);
      return { rows: [] };
    },
    release: () => {},
  }),
};
const made = pgEntry.createPostgresRepository(stub, { schema: "partner_access" });
assert.equal(made.ok, true);
assert.equal(
  pgEntry.createPostgresRepository(stub, { tablePrefix: "a-" }).error.path[1],
  "tablePrefix",
);
made.value
  .claimDomain({ domain: "acme.com", partnerId: "acme", claimedAt: 1 })
  .then((outcome) => {
    assert.equal(outcome.status, "claimed");
    assert.deepEqual(statements, ["BEGIN", "SELECT", "SELECT", "INSERT", "COMMIT"]);
    assert.equal(pgEntry.POSTGRES_SCHEMA_VERSION, 1);
    console.log("cjs: partner-access/postgres ok");
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
