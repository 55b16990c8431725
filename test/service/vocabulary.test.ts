import { afterAll, describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../src/service/partner-access-service.js";
import { call, RUN_AT, requestOf, type UseCaseName, useCases, withValue } from "./catalog.js";
import { member, setup } from "./fixtures.js";

// One bad value per kind of field, given to every use case that takes such
// a field: the answer is always `invalid_request`, with an issue of the
// value code of docs/errors.md at the field's path from the request's root,
// before any authorization (a forbidden actor gets the same answer) and
// without touching the repository.

type Row = readonly [UseCaseName, readonly (string | number)[], unknown, string];

function rows(): Row[] {
  const table: Row[] = [];
  for (const c of useCases) {
    table.push([c.name, ["partnerId"], "", "invalid_partner_id"]);
    table.push([c.name, ["partnerId"], 42, "invalid_partner_id"]);
    for (const path of c.clientFields) {
      table.push([c.name, path, "42", "invalid_client_id"]);
      table.push([c.name, path, 0, "invalid_client_id"]);
    }
    for (const path of c.emailFields) table.push([c.name, path, "not an address", "invalid_email"]);
    for (const path of c.timeFields) {
      table.push([c.name, path, 1.5, "invalid_timestamp"]);
      table.push([c.name, path, 1e16, "invalid_timestamp"]);
      table.push([c.name, path, "2026-01-01T00:00:00Z", "invalid_timestamp"]);
    }
  }
  return table;
}

let checked = 0;
afterAll(() => console.log(`vocabulary: ${checked} bad values checked`));

async function world() {
  const { repository } = await setup();
  const before = repository.snapshot();
  let transactions = 0;
  const watched = {
    ...repository,
    transaction: <T>(fn: (tx: never) => Promise<T>) => {
      transactions++;
      return repository.transaction(fn as never) as Promise<T>;
    },
  };
  const service = createPartnerAccessService({ repository: watched, clock: () => RUN_AT });
  return { repository, before, service, transactions: () => transactions };
}

describe("the same bad value gets the same code from every use case", () => {
  it.each(rows())("%s: %j = %j is %s", async (name, path, value, code) => {
    const c = useCases.find((u) => u.name === name)!;
    const { repository, before, service, transactions } = await world();
    for (const actor of [c.allowed, member()]) {
      const r = await call(service, name, withValue(requestOf(c, actor), path, value));
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe("invalid_request");
      expect(r.error).not.toHaveProperty("field");
      expect(r.error?.issues).toContainEqual(expect.objectContaining({ code, path, input: value }));
      // The whole refusal, its English messages included, as pinned in __snapshots__.
      expect(r.error).toMatchSnapshot();
      checked++;
    }
    expect(transactions()).toBe(0);
    expect(repository.snapshot()).toEqual(before);
  });

  it.each(useCases.map((c) => c.name))(
    "%s: a request that is not an object is invalid_record",
    async (name) => {
      const { service } = await world();
      for (const request of [undefined, null, 5, "acme", [1, 2]]) {
        const r = await call(service, name, request);
        expect(r.error?.code).toBe("invalid_request");
        expect(r.error?.issues).toEqual([
          expect.objectContaining({ code: "invalid_record", input: request }),
        ]);
        expect((r.error?.issues as { path?: unknown }[] | undefined)?.[0]).not.toHaveProperty(
          "path",
        );
        checked++;
      }
    },
  );

  it('grantPortalAccess: a clientId of "42" is invalid_request, not forbidden', async () => {
    const c = useCases.find((u) => u.name === "grantPortalAccess")!;
    const { service } = await world();
    const r = await call(service, c.name, { ...requestOf(c), clientId: "42" });
    expect(r.error).toMatchObject({
      code: "invalid_request",
      issues: [{ code: "invalid_client_id", path: ["clientId"], input: "42" }],
    });
  });

  it("reports every bad field at once, each at its path", async () => {
    const c = useCases.find((u) => u.name === "assignEmployees")!;
    const { service } = await world();
    const r = await call(service, c.name, {
      ...requestOf(c),
      partnerId: "",
      clientId: "42",
      emails: ["jane@acme.com", "nope", 7],
      expiresAt: 1.5,
    });
    expect(r.error?.issues).toEqual([
      expect.objectContaining({ code: "invalid_partner_id", path: ["partnerId"] }),
      expect.objectContaining({ code: "invalid_client_id", path: ["clientId"] }),
      expect.objectContaining({ code: "invalid_email", path: ["emails", 1] }),
      expect.objectContaining({ code: "invalid_email", path: ["emails", 2], input: 7 }),
      expect.objectContaining({ code: "invalid_timestamp", path: ["expiresAt"] }),
    ]);
  });

  it("says invalid_list for a list that is not an array, and invalid_record for a flag that is not a boolean", async () => {
    const assign = useCases.find((u) => u.name === "assignClient")!;
    const bulk = useCases.find((u) => u.name === "assignClients")!;
    const { service } = await world();
    const list = await call(service, bulk.name, { ...requestOf(bulk), clientIds: 42 });
    expect(list.error?.issues).toEqual([
      expect.objectContaining({ code: "invalid_list", path: ["clientIds"], input: 42 }),
    ]);
    const flag = await call(service, assign.name, { ...requestOf(assign), hasPortalAccess: "yes" });
    expect(flag.error?.issues).toEqual([
      expect.objectContaining({ code: "invalid_record", path: ["hasPortalAccess"], input: "yes" }),
    ]);
  });
});
