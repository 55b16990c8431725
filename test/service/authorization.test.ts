import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor, ClientActor, ForbiddenReason } from "../../src/access/authorization.js";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import { createPartnerAccessService } from "../../src/service/partner-access-service.js";
import { type AnyActor, call, RUN_AT, requestOf, type UseCaseCase, useCases } from "./catalog.js";
import { admin, clientAdmin, manager, member, setup } from "./fixtures.js";

// Each use case refuses the actors the rules refuse, and then writes
// nothing: a spy records every write method the service calls. The allowed
// actor runs through the same spy, so a spy that saw nothing cannot pass
// for a refusal. Then a property: an actor whose rights are inherited, or of
// the wrong type, is `forbidden` by every use case.

const WRITES = new Set([
  "savePartner",
  "claimDomain",
  "releaseDomain",
  "linkEmail",
  "unlinkEmail",
  "saveUser",
  "insertAssignment",
  "updateAssignment",
  "deleteUser",
  "putClient",
  "recordActivities",
]);

function spied(repository: PartnerAccessRepository, calls: string[]): PartnerAccessRepository {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repository)) {
    if (typeof value !== "function") continue;
    const method = value as (...a: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      calls.push(name);
      if (name !== "transaction") return method(...args);
      const fn = args[0] as (tx: PartnerAccessRepository) => Promise<unknown>;
      return method((tx: PartnerAccessRepository) => fn(spied(tx, calls)));
    };
  }
  return wrapped as unknown as PartnerAccessRepository;
}

const other = (partnerId: string, superAdmin: boolean): Actor => ({
  userId: "intruder",
  partnerId,
  superAdmin,
  permissions: superAdmin ? [] : ["manage_partner_employees"],
});
const clientMember: ClientActor = {
  kind: "client",
  userId: "c-2",
  clientId: 42,
  superAdmin: false,
};

type Refusal = readonly [string, AnyActor, ForbiddenReason];

// rule: who may not do each action, and why.
const REFUSED: Record<"super_admin" | "portal" | "manage", readonly Refusal[]> = {
  super_admin: [
    ["a manager (not a super admin)", manager(), "super_admin_required"],
    ["a user without the permission", member(), "super_admin_required"],
    ["another partner's super admin", other("rival", true), "other_partner"],
    ["a client's admin", clientAdmin(42), "partner_only"],
  ],
  portal: [
    ["the partner's super admin", admin(), "client_only"],
    ["the partner's manager", manager(), "client_only"],
    ["another client's admin", clientAdmin(43), "other_client"],
    ["a client user who is not its admin", clientMember, "super_admin_required"],
  ],
  manage: [
    ["a user without the permission", member(), "permission_required"],
    ["another partner's super admin", other("rival", true), "other_partner"],
    ["another partner's manager", other("rival", false), "other_partner"],
    ["a client's admin", clientAdmin(42), "partner_only"],
  ],
};

function refusalsOf(c: UseCaseCase): readonly Refusal[] {
  if (c.name === "setEmployeeDomains" || c.name === "savePartnerAccount")
    return REFUSED.super_admin;
  if (c.name === "grantPortalAccess") return REFUSED.portal;
  return REFUSED.manage;
}

async function world(c: UseCaseCase) {
  const { repository, service } = await setup();
  await c.prepare?.(service);
  const calls: string[] = [];
  const spy = createPartnerAccessService({
    repository: spied(repository, calls),
    clock: () => RUN_AT,
  });
  return { repository, service: spy, calls };
}

let cases = 0;
afterAll(() => {
  console.log(`authorization: ${cases} authorization cases checked`);
});

describe.each(useCases)("$name", (c) => {
  it.each(refusalsOf(c))(
    "refuses %s (%s) and reads and writes nothing",
    async (_who, actor, reason) => {
      const { repository, service, calls } = await world(c);
      const before = repository.snapshot();
      const r = await call(service, c.name, requestOf(c, actor));
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ code: "forbidden", reason });
      expect(calls).toEqual([]);
      expect(repository.snapshot()).toEqual(before);
      cases++;
    },
  );

  it("allows the actor the rules allow, through the same spy, in one transaction", async () => {
    const { service, calls } = await world(c);
    const r = await call(service, c.name, requestOf(c));
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(calls[0]).toBe("transaction");
    expect(calls.filter((n) => n === "transaction")).toHaveLength(1);
    expect(calls.some((n) => WRITES.has(n))).toBe(c.writes);
    cases++;
  });
});

// Actors that look like the allowed one but whose rights do not hold: taken
// from a prototype, or of the wrong type. Each is made from the allowed
// actor, so that the only thing wrong is the one field; `forClient` says
// whether it applies to a client's actor (`kind: "client"`), a partner's,
// or both.
type Counterfeit = readonly [string, "partner" | "client" | "both", (a: AnyActor) => unknown];
const protoJson = (a: AnyActor) =>
  `${JSON.stringify(without(a, "superAdmin")).slice(0, -1)},"__proto__":{"superAdmin":true}}`;
const counterfeits: readonly Counterfeit[] = [
  ["every field inherited", "both", (a) => Object.create(a)],
  ["superAdmin inherited", "both", (a) => inherit(a, "superAdmin", true)],
  [
    "superAdmin from a __proto__ key of parsed JSON",
    "both",
    (a) => Object.assign({}, JSON.parse(protoJson(a))),
  ],
  ["superAdmin the string true", "both", (a) => ({ ...a, superAdmin: "true" })],
  ["superAdmin 1", "both", (a) => ({ ...a, superAdmin: 1 })],
  ["superAdmin a getter that says true once", "both", (a) => once(a, "superAdmin", "true")],
  ["no userId", "both", (a) => without(a, "userId")],
  ["not an object", "both", () => "admin"],
  [
    "permissions inherited",
    "partner",
    (a) => inherit(a, "permissions", ["manage_partner_employees"]),
  ],
  ["permissions a string", "partner", (a) => ({ ...a, permissions: "manage_partner_employees" })],
  [
    "permissions an array-like",
    "partner",
    (a) => ({ ...a, permissions: { 0: "manage_partner_employees", length: 1 } }),
  ],
  [
    "a permission that is not a string",
    "partner",
    (a) => ({ ...a, permissions: [["manage_partner_employees"]] }),
  ],
  ["partnerId inherited", "partner", (a) => inherit(a, "partnerId", "acme")],
  ["kind inherited", "client", (a) => inherit(a, "kind", "client")],
  ["clientId inherited", "client", (a) => inherit(a, "clientId", 42)],
];

// The actor with `key` moved to its prototype.
function inherit(actor: AnyActor, key: string, value: unknown): unknown {
  return Object.assign(Object.create({ [key]: value }), without(actor, key));
}

// The actor with `key` an own getter whose first read is `value` (then the real one).
function once(actor: AnyActor, key: string, value: unknown): unknown {
  const real = (actor as unknown as Record<string, unknown>)[key];
  let reads = 0;
  return Object.defineProperty({ ...actor }, key, {
    enumerable: true,
    get: () => (reads++ === 0 ? value : real),
  });
}

function without(actor: AnyActor, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...actor };
  delete copy[key];
  return copy;
}

describe("an actor whose rights are inherited or of the wrong type", () => {
  it("is forbidden by every use case (property)", async () => {
    const runs = 1_000;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...useCases),
        fc.constantFrom(...counterfeits),
        async (c, [, applies, counterfeit]) => {
          const kind = "kind" in c.allowed ? "client" : "partner";
          fc.pre(applies === "both" || applies === kind);
          const { repository, service } = await world(c);
          const before = repository.snapshot();
          const r = await call(service, c.name, requestOf(c, counterfeit(c.allowed) as AnyActor));
          expect(r.ok).toBe(false);
          expect(r.error?.code).toBe("forbidden");
          expect(repository.snapshot()).toEqual(before);
          cases++;
        },
      ),
      { numRuns: runs },
    );
  });

  it("includes the JSON __proto__ case as the issue states it", () => {
    const parsed = Object.assign({}, JSON.parse('{"__proto__":{"superAdmin":true}}'));
    expect(Object.hasOwn(parsed, "superAdmin")).toBe(false);
    expect((parsed as { superAdmin?: unknown }).superAdmin).toBe(true);
  });
});
