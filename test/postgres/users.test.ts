import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import { type PostgresFixture, startPGliteFixture } from "./fixture.js";
import { recording, verb } from "./recording.js";

// The partner-user methods of the PostgreSQL store: what they send for
// filters and keys no row can have (nothing, or NULL parameters), and what
// they answer, on a recording driver and on PGlite.

describe("postgres: listUsers reads its filter", () => {
  it("answers [] and sends nothing for a filter no row can match", async () => {
    const { repository, sent } = recording(() => [
      { email_key: "jane@acme.com", data: { partnerId: "acme" }, version: 1 },
    ]);
    const filters: unknown[] = [
      "acme",
      42,
      null,
      { partnerId: 42 },
      { partnerId: null },
      { partnerId: "a\u0000" },
      { partnerId: "a".repeat(1001) },
      { keys: "jane@acme.com" },
      { keys: 42 },
      { keys: null },
      { partnerId: "acme", keys: {} },
    ];
    for (const filter of filters) {
      expect(await repository.listUsers(filter as never), JSON.stringify(filter)).toEqual([]);
    }
    expect(sent).toEqual([]);
  });

  it("sends the partner and the identities that can name a row as parallel arrays", async () => {
    const { repository, sent } = recording();
    await repository.listUsers();
    await repository.listUsers({});
    await repository.listUsers({ partnerId: "acme" });
    await repository.listUsers({ keys: [] });
    await repository.listUsers({
      partnerId: "acme",
      keys: [
        { partnerId: "acme", emailKey: "jane@acme.com" },
        42,
        { partnerId: 7, emailKey: "max@acme.com" },
        { partnerId: "acme", emailKey: "a\u0000" },
        { partnerId: "rival", emailKey: "max@rival.io" },
      ] as never,
    });
    expect(sent.map((s) => s.params)).toEqual([
      [null, null, []],
      [null, null, []],
      ["acme", null, []],
      [null, [], []],
      ["acme", ["acme", "rival"], ["jane@acme.com", "max@rival.io"]],
    ]);
    expect(
      sent.every((s) => s.text.startsWith('SELECT email_key, data, version FROM "pa_users"')),
    ).toBe(true);
  });
});

describe("postgres: deleteUser sends a DELETE only for a key and a version a row can have", () => {
  it("answers version_conflict with no current user, sending nothing, for a partner or key no row has", async () => {
    const { repository, statements } = recording();
    for (const [partnerId, emailKey] of [
      [42, "jane@acme.com"],
      ["acme", 7],
      ["a\u0000", "jane@acme.com"],
      ["acme", "jane\uD800@acme.com"],
      [null, null],
    ] as const) {
      expect(await repository.deleteUser(partnerId as never, emailKey as never, 1)).toEqual({
        status: "version_conflict",
        current: null,
      });
    }
    expect(statements()).toEqual([]);
  });

  it("reads the current user, without a DELETE, for a version no row can have", async () => {
    const row = {
      email_key: "jane@acme.com",
      data: { partnerId: "acme", email: "Jane@acme.com", tagged: true },
      version: 3,
    };
    const { repository, statements } = recording((text) =>
      text.startsWith("SELECT") ? [row] : [],
    );
    for (const version of [0, -1, 1.5, "3", null, 2 ** 31]) {
      expect(await repository.deleteUser("acme", "jane@acme.com", version as never)).toEqual({
        status: "version_conflict",
        current: {
          emailKey: "jane@acme.com",
          value: { partnerId: "acme", email: "Jane@acme.com", tagged: true },
          version: 3,
        },
      });
    }
    expect(statements().map(verb)).toEqual([
      "SELECT",
      "SELECT",
      "SELECT",
      "SELECT",
      "SELECT",
      "SELECT",
    ]);
    expect(statements()[0]?.params).toEqual(["acme", "jane@acme.com"]);
    expect(statements()[0]?.text).toMatch(/FOR UPDATE$/);
  });

  it("deletes at the version given and answers the deleted user", async () => {
    const row = {
      email_key: "jane@acme.com",
      data: { partnerId: "acme", email: "Jane@acme.com", tagged: false },
      version: 2,
    };
    const { repository, statements } = recording((text) =>
      text.startsWith("DELETE") ? [row] : [],
    );
    expect(await repository.deleteUser("acme", "jane@acme.com", 2)).toEqual({
      status: "deleted",
      user: {
        emailKey: "jane@acme.com",
        value: { partnerId: "acme", email: "Jane@acme.com", tagged: false },
        version: 2,
      },
    });
    expect(statements().map((s) => [verb(s), s.params])).toEqual([
      ["DELETE", ["acme", "jane@acme.com", 2]],
    ]);
  });
});

describe("postgres: users on PGlite", () => {
  let fixture: PostgresFixture;
  let repository: PartnerAccessRepository;

  beforeAll(async () => {
    fixture = await startPGliteFixture();
    repository = await fixture.emptyRepository();
  }, 60_000);

  afterAll(async () => {
    await fixture?.stop();
  }, 60_000);

  it("deletes a user only at its version, and answers the current one otherwise", async () => {
    const user = { partnerId: "acme", email: "Jane@ACME.com", tagged: true };
    expect(await repository.saveUser(user, null)).toEqual({
      status: "written",
      record: { emailKey: "jane@acme.com", value: user, version: 1 },
    });
    const current = { emailKey: "jane@acme.com", value: user, version: 1 };
    for (const version of [2, 0, "1", null]) {
      expect(await repository.deleteUser("acme", "jane@acme.com", version as never)).toEqual({
        status: "version_conflict",
        current,
      });
    }
    expect(await repository.deleteUser("acme", "jane@acme.com\u0000", 1)).toEqual({
      status: "version_conflict",
      current: null,
    });
    expect(await repository.listUsers({ partnerId: 42 } as never)).toEqual([]);
    expect(await repository.listUsers({ partnerId: "acme" })).toEqual([current]);
    expect(await repository.deleteUser("acme", "jane@acme.com", 1)).toEqual({
      status: "deleted",
      user: current,
    });
    expect(await repository.listUsers()).toEqual([]);
  });
});
