import { describe, expect, it } from "vitest";
import type { Actor, ClientActor, ForbiddenReason } from "../../src/access/authorization.js";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import {
  createPartnerAccessService,
  type PartnerAccessService,
} from "../../src/service/partner-access-service.js";
import { admin, clientAdmin, DAY, manager, member, setup, T0 } from "./fixtures.js";

// Each use case refuses the actors design 2.3 refuses, and then writes
// nothing: a spy records every write method the service calls. The allowed
// actor is run too, through the same spy, so a spy that saw nothing cannot
// pass for a refusal.

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
  "transaction",
]);

function spied(repository: PartnerAccessRepository, writes: string[]): PartnerAccessRepository {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repository)) {
    if (typeof value !== "function") continue;
    const method = value as (...a: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      if (WRITES.has(name)) writes.push(name);
      if (name !== "transaction") return method(...args);
      const fn = args[0] as (tx: PartnerAccessRepository) => Promise<unknown>;
      return method((tx: PartnerAccessRepository) => fn(spied(tx, writes)));
    };
  }
  return wrapped as unknown as PartnerAccessRepository;
}

type AnyActor = Actor | ClientActor;
type Run = (
  service: PartnerAccessService,
  actor: AnyActor,
) => Promise<{ ok: boolean; error?: unknown }>;

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

// rule (design 2.3): who may not do each action, and why.
const partnerRefusals: [string, AnyActor, ForbiddenReason][] = [
  ["a user without the permission", member(), "permission_required"],
  ["another partner's super admin", other("rival", true), "other_partner"],
  ["another partner's manager", other("rival", false), "other_partner"],
  ["a client's admin", clientAdmin(42), "partner_only"],
];

interface Case {
  readonly name: string;
  readonly allowed: AnyActor;
  readonly refused: readonly [string, AnyActor, ForbiddenReason][];
  readonly prepare?: (service: PartnerAccessService) => Promise<unknown>;
  readonly run: Run;
}

const cases: Case[] = [
  {
    name: "setEmployeeDomains",
    allowed: admin(),
    refused: [
      // rule (design 1): only a super admin sets the employee domain
      ["a manager (not a super admin)", manager(), "super_admin_required"],
      ["a user without the permission", member(), "super_admin_required"],
      ["another partner's super admin", other("rival", true), "other_partner"],
      ["a client's admin", clientAdmin(42), "partner_only"],
    ],
    run: (s, actor) =>
      s.setEmployeeDomains({ actor: actor as Actor, partnerId: "acme", domains: ["acme.de"] }),
  },
  {
    name: "tagEmployee",
    allowed: manager(),
    refused: partnerRefusals,
    run: (s, actor) =>
      s.tagEmployee({ actor: actor as Actor, partnerId: "acme", email: "sam@acme.com" }),
  },
  {
    name: "untagEmployee",
    allowed: manager(),
    refused: partnerRefusals,
    run: (s, actor) =>
      s.untagEmployee({ actor: actor as Actor, partnerId: "acme", email: "jane@acme.com" }),
  },
  {
    name: "assignClient",
    allowed: manager(),
    refused: partnerRefusals,
    run: (s, actor) =>
      s.assignClient({
        actor: actor as Actor,
        partnerId: "acme",
        email: "jane@acme.com",
        clientId: 42,
      }),
  },
  {
    name: "assignClients",
    allowed: manager(),
    refused: partnerRefusals,
    run: (s, actor) =>
      s.assignClients({
        actor: actor as Actor,
        partnerId: "acme",
        email: "jane@acme.com",
        clientIds: [42, 43],
      }),
  },
  {
    name: "assignEmployees",
    allowed: manager(),
    refused: partnerRefusals,
    run: (s, actor) =>
      s.assignEmployees({
        actor: actor as Actor,
        partnerId: "acme",
        clientId: 42,
        emails: ["jane@acme.com"],
      }),
  },
  {
    name: "grantPortalAccess",
    allowed: clientAdmin(42),
    refused: [
      // rule (design 2.3): only the client's own admins decide who is in its portal
      ["the partner's super admin", admin(), "client_only"],
      ["the partner's manager", manager(), "client_only"],
      ["another client's admin", clientAdmin(43), "other_client"],
      ["a client user who is not its admin", clientMember, "super_admin_required"],
    ],
    prepare: (s) =>
      s.assignClient({ actor: manager(), partnerId: "acme", email: "jane@acme.com", clientId: 42 }),
    run: (s, actor) =>
      s.grantPortalAccess({
        actor: actor as ClientActor,
        partnerId: "acme",
        clientId: 42,
        email: "jane@acme.com",
      }),
  },
  {
    name: "removeClientAccess",
    allowed: manager(),
    refused: partnerRefusals,
    prepare: (s) =>
      s.assignClient({ actor: manager(), partnerId: "acme", email: "jane@acme.com", clientId: 42 }),
    run: (s, actor) =>
      s.removeClientAccess({
        actor: actor as Actor,
        partnerId: "acme",
        clientId: 42,
        email: "jane@acme.com",
        confirmation: "REMOVE",
      }),
  },
  {
    name: "removeEmployee",
    allowed: manager(),
    refused: partnerRefusals,
    prepare: (s) =>
      s.assignClient({ actor: manager(), partnerId: "acme", email: "jane@acme.com", clientId: 42 }),
    run: (s, actor) =>
      s.removeEmployee({ actor: actor as Actor, partnerId: "acme", email: "jane@acme.com" }),
  },
  {
    name: "attributeCredit",
    allowed: manager(),
    refused: partnerRefusals,
    run: (s, actor) =>
      s.attributeCredit({
        actor: actor as Actor,
        partnerId: "acme",
        period: { start: T0, end: T0 + 31 * DAY },
      }),
  },
];

describe.each(cases)("$name", (c) => {
  async function world() {
    const { repository, service } = await setup();
    await c.prepare?.(service);
    const writes: string[] = [];
    const spy = createPartnerAccessService({
      repository: spied(repository, writes),
      clock: () => T0 + DAY,
    });
    return { repository, service: spy, writes };
  }

  it.each(c.refused)("refuses %s (%s) and writes nothing", async (_who, actor, reason) => {
    const { repository, service, writes } = await world();
    const before = repository.snapshot();
    const r = await c.run(service, actor);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: "forbidden", reason });
    expect(writes).toEqual([]);
    expect(repository.snapshot()).toEqual(before);
  });

  it("allows the actor design 2.3 allows, through the same spy", async () => {
    const { service, writes } = await world();
    const r = await c.run(service, c.allowed);
    expect(r.ok).toBe(true);
    // everything runs inside one transaction; attribution only reads in it
    expect(writes[0]).toBe("transaction");
    expect(writes.length > 1).toBe(c.name !== "attributeCredit");
  });
});
