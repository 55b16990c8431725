import { describe, expect, it } from "vitest";
import { migratePostgresSchema } from "../../src/postgres/index.js";
import { tablesOf } from "../../src/postgres/tables.js";
import { recording, type Sent } from "./recording.js";

// The advisory lock keys, led by the table names' schema and prefix: with the
// default names they must stay as the first releases' SQL had them
// (`pa_…`, docs/postgres.md), so that servers running either take the same
// lock; a named schema and prefix lead them, so that two installations in one
// database never wait for each other.

const lockKeys = (sent: readonly Sent[]) =>
  sent.filter((s) => s.text.includes("pg_advisory_xact_lock")).map((s) => s.params);

describe("postgres: the advisory lock keys", () => {
  it("keys a claim's family lock pa_domain_family:<family> under the default names", async () => {
    const { repository, sent } = recording();
    await repository.claimDomain({ domain: "eu.acme.com", partnerId: "p1", claimedAt: 1 });
    expect(lockKeys(sent)).toEqual([["pa_domain_family:acme.com"]]);
  });

  it("starts the family lock key with the schema and the prefix when they are named", async () => {
    const { repository, sent } = recording(() => [], { schema: "tenant_a", tablePrefix: "x_" });
    await repository.claimDomain({ domain: "acme.com", partnerId: "p1", claimedAt: 1 });
    expect(lockKeys(sent)).toEqual([["tenant_a.x_domain_family:acme.com"]]);
  });

  it("keys the migration lock pa_schema under the default names, <schema>.<prefix>schema otherwise", async () => {
    const plain = recording();
    await migratePostgresSchema(plain.db);
    expect(lockKeys(plain.sent)).toEqual([["pa_schema"]]);
    const named = recording();
    await migratePostgresSchema(named.db, { schema: "tenant_a" });
    expect(lockKeys(named.sent)).toEqual([["tenant_a.pa_schema"]]);
  });
});

describe("postgres: refusing a malformed table option", () => {
  it("names the option, its length limit and the allowed characters in the message", () => {
    expect(tablesOf({ tablePrefix: "pa-" })).toEqual({
      ok: false,
      error: {
        code: "invalid_record",
        path: ["options", "tablePrefix"],
        input: "pa-",
        message:
          "tablePrefix is a lower-case identifier of at most 40 characters: letters a–z, digits and _, not starting with a digit.",
      },
    });
    expect(tablesOf({ schema: "Tenant" })).toEqual({
      ok: false,
      error: {
        code: "invalid_record",
        path: ["options", "schema"],
        input: "Tenant",
        message:
          "schema is a lower-case identifier of at most 63 characters: letters a–z, digits and _, not starting with a digit.",
      },
    });
  });
});
