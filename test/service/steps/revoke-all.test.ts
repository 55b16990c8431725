import { describe, expect, it } from "vitest";
import type { AssignmentRecord } from "../../../src/ports/repository.js";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { admin, DAY, manager, setup, T0 } from "../fixtures.js";
import { overriding } from "../overrides.js";

async function janeOnThree() {
  let now = T0;
  const world = await setup({ clock: () => now });
  const assign = (clientId: number, expiresAt?: number) =>
    world.service.assignClient({
      actor: admin(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientId,
      hasPortalAccess: true,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
  const ids: string[] = [];
  for (const [clientId, expiresAt] of [[42], [43, T0 + DAY], [44]] as const) {
    const r = await assign(clientId, expiresAt);
    if (!r.ok) throw new Error(r.error.message);
    ids.push(r.value.assignment.id);
  }
  return { ...world, ids, at: (t: number) => (now = t) };
}

describe("revoking every live assignment of a user", () => {
  // rule: removing the user ends each live assignment: removed at now, or
  // expired when its expiry had passed; each is unlinked, with an event.
  it("removes or expires each live assignment, unlinking each", async () => {
    const { repository, service, ids, at } = await janeOnThree();
    at(T0 + DAY);
    const r = await service.removeEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.revoked.map((a) => [a.id, a.value.status, a.value.removedAt])).toEqual([
      [ids[0], "removed", T0 + DAY],
      [ids[1], "expired", undefined],
      [ids[2], "removed", T0 + DAY],
    ]);
    expect(r.value.events.map((e) => e.type)).toEqual([
      "client_access_removed",
      "assignment_expired",
      "client_access_removed",
      "employee_removed",
    ]);
    expect(await repository.listEmailLinks({ partnerId: "acme" })).toEqual([]);
  });

  // A record the pure rule does not end (here one a store answered
  // malformed) is left as it is: not written, not unlinked, not reported.
  it("leaves a live assignment the rule does not end untouched", async () => {
    const { repository, ids, at } = await janeOnThree();
    at(T0 + 2 * DAY);
    const calls: string[] = [];
    const writes: unknown[][] = [];
    const spied = overriding(
      repository,
      {
        getLiveAssignment: async (real, ...args) => {
          const found = (await real(...args)) as AssignmentRecord | null;
          if (found === null || found.id !== ids[1]) return found;
          return { ...found, value: { ...found.value, assignedAt: 1.5 } };
        },
        updateAssignment: (real, ...args) => {
          writes.push(["updateAssignment", args[0]]);
          return real(...args);
        },
        unlinkEmail: (real, ...args) => {
          writes.push(["unlinkEmail", args[0]]);
          return real(...args);
        },
      },
      calls,
    );
    const service = createPartnerAccessService({ repository: spied, clock: () => T0 + 2 * DAY });
    const r = await service.removeEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.revoked.map((a) => a.id)).toEqual([ids[0], ids[2]]);
    expect(writes).toEqual([
      ["updateAssignment", ids[0]],
      ["unlinkEmail", { clientId: 42, emailKey: "jane@acme.com", partnerId: "acme" }],
      ["updateAssignment", ids[2]],
      ["unlinkEmail", { clientId: 44, emailKey: "jane@acme.com", partnerId: "acme" }],
    ]);
    const employeeRemoved = r.value.events.find((e) => e.type === "employee_removed");
    expect(employeeRemoved).toMatchObject({ revokedAssignmentIds: [ids[0], ids[2]] });
    expect((await repository.getAssignment(ids[1]!))?.value.status).toBe("active");
    expect((await repository.getEmailLink(43, "jane@acme.com"))?.partnerId).toBe("acme");
  });

  // A listed assignment the locking read no longer finds live (ended
  // meanwhile) is not revoked again.
  it("revokes only what the locking read still finds live", async () => {
    const { repository, ids } = await janeOnThree();
    const service = createPartnerAccessService({
      repository: overriding(repository, {
        getLiveAssignment: async (real, ...args) => {
          const key = args[0] as { clientId: number };
          return key.clientId === 44 ? null : real(...args);
        },
      }),
      clock: () => T0 + 1_000,
    });
    const r = await service.removeEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.revoked.map((a) => a.id)).toEqual([ids[0], ids[1]]);
    expect((await repository.getAssignment(ids[2]!))?.value.status).toBe("active");
  });
});
