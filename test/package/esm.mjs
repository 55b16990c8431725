// Imports the built package by its name, as an ESM user would, and calls it.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as lib from "partner-access";
import { arbitraries } from "partner-access/testing";

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
assert.equal(lib.parsePartnerEmployeeDomain("gmail.com").error?.code, "shared_domain");
assert.equal(lib.parseEmailAddress("Jane@ACME.com").value?.key, "jane@acme.com");
assert.throws(() => lib.parseEmailDomainOrThrow("com"), lib.PartnerAccessError);
assert.equal(lib.schemas.emailDomain.parse("ACME.com"), "acme.com");
// the testing entry shares the main entry's code
fc.assert(
  fc.property(arbitraries.emailDomain(), (d) => lib.parsePartnerEmployeeDomain(d).ok),
  { numRuns: 50 },
);
console.log(`esm: ok (${Object.keys(lib).length} exports)`);

// the bundled zod/mini schemas compose into the caller's classic zod schemas
import { z } from "zod";

const body = z.object({ partner: lib.schemas.partner, at: lib.schemas.timestamp });
const parsed = body.parse({
  partner: { partnerId: "p", program: "partner", employeeDomains: ["ACME.com"] },
  at: "2026-01-01T00:00:00Z",
});
assert.deepEqual(parsed.partner.employeeDomains, ["acme.com"]);
assert.equal(parsed.at, Date.UTC(2026, 0, 1));
// a date alone names no instant
assert.equal(body.safeParse({ ...parsed, at: "2026-01-01" }).success, false);
assert.equal(
  body.safeParse({
    partner: { partnerId: "p", program: "partner", employeeDomains: ["gmail.com"] },
    at: 0,
  }).success,
  false,
);
// mini schemas have no methods: classic users wrap them with z.optional(…)
const maybe = z.object({ partner: z.optional(lib.schemas.partner) });
assert.deepEqual(maybe.parse({}), {});
// the input schemas convert to JSON Schema with classic zod
for (const [name, schema] of Object.entries(lib.inputSchemas)) {
  assert.equal(typeof z.toJSONSchema(schema).$schema, "string", name);
}
assert.deepEqual(Object.keys(lib.inputSchemas).sort(), Object.keys(lib.schemas).sort());
console.log("esm: schemas compose with classic zod");

// partner-access/postgres: a repository over any driver of the shape, here
// a stub pool that records statements and answers nothing
import {
  createPostgresRepository,
  migratePostgresSchema,
  POSTGRES_SCHEMA,
  queueTransactions,
} from "partner-access/postgres";

const sent = [];
const stub = {
  connect: async () => ({
    query: async (text) => {
      sent.push(text.split(/\s+/)[0]);
      return { rows: text.startsWith("INSERT") ? [{ version: 1 }] : [] };
    },
    release: () => {},
  }),
};
const made = createPostgresRepository(stub);
assert.equal(made.ok, true);
const written = await made.value.savePartner(
  { partnerId: "p", program: "partner", employeeDomains: ["acme.com"], extra: 1 },
  null,
);
assert.equal(written.status, "written");
assert.deepEqual(written.record.value, {
  partnerId: "p",
  program: "partner",
  employeeDomains: ["acme.com"],
});
assert.deepEqual(sent, ["BEGIN", "INSERT", "COMMIT"]);
assert.equal(createPostgresRepository({}).error.path[0], "db");
assert.equal((await migratePostgresSchema(null)).error.code, "invalid_record");
assert.equal(
  typeof queueTransactions({ query: async () => ({ rows: [] }) }).transaction,
  "function",
);
assert.match(POSTGRES_SCHEMA, /CREATE TABLE IF NOT EXISTS "pa_partners"/);
// refusals are the main entry's values, so its helpers work on them
assert.throws(() => lib.unwrapOrThrow(createPostgresRepository({})), lib.PartnerAccessError);
console.log("esm: partner-access/postgres ok");
