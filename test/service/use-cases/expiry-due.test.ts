import { describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { admin, DAY, manager, setup, T0 } from "../fixtures.js";
import { overriding } from "../overrides.js";

const NOW = T0 + DAY;

// jane on 42, 43, 44 expiring just before, at and just after NOW, and
// free@gmail.com on 42 without an expiry.
async function aroundNow() {
  const { repository, service } = await setup();
  const ids: Record<string, string> = {};
  for (const [email, clientId, expiresAt] of [
    ["jane@acme.com", 42, NOW - 1],
    ["jane@acme.com", 43, NOW],
    ["jane@acme.com", 44, NOW + 1],
    ["free@gmail.com", 42, undefined],
  ] as const) {
    const r = await service.assignClient({
      actor: admin(),
      partnerId: "acme",
      email,
      clientId,
      hasPortalAccess: true,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
    if (!r.ok) throw new Error(r.error.message);
    ids[`${email} ${clientId}`] = r.value.assignment.id;
  }
  return { repository, ids };
}

describe("expireDueAssignments at the boundary", () => {
  // rule: an assignment is active over [activatedAt, expiresAt): at
  // expiresAt it has expired. Only the due ones are read again with a
  // locking read.
  it("expires those with expiresAt ≤ now, locking only those", async () => {
    const { repository, ids } = await aroundNow();
    const locked: unknown[] = [];
    const service = createPartnerAccessService({
      repository: overriding(repository, {
        getLiveAssignment: (real, ...args) => {
          locked.push(args[0]);
          return real(...args);
        },
      }),
      clock: () => NOW,
    });
    const r = await service.expireDueAssignments({ actor: manager(), partnerId: "acme" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.expired.map((a) => [a.id, a.value.clientId, a.value.status])).toEqual([
      [ids["jane@acme.com 42"], 42, "expired"],
      [ids["jane@acme.com 43"], 43, "expired"],
    ]);
    expect(locked).toEqual([
      { partnerId: "acme", clientId: 42, emailKey: "jane@acme.com" },
      { partnerId: "acme", clientId: 43, emailKey: "jane@acme.com" },
    ]);
    expect(r.value.events.map((e) => [e.type, "assignmentId" in e && e.assignmentId])).toEqual([
      ["assignment_expired", ids["jane@acme.com 42"]],
      ["assignment_expired", ids["jane@acme.com 43"]],
    ]);
    const live = await repository.listAssignments({ partnerId: "acme", live: true });
    expect(live.map((a) => a.id).sort()).toEqual(
      [ids["jane@acme.com 44"], ids["free@gmail.com 42"]].sort(),
    );
    expect(await repository.getEmailLink(43, "jane@acme.com")).toBeNull();
    expect((await repository.getEmailLink(44, "jane@acme.com"))?.partnerId).toBe("acme");
  });

  // A due assignment that the locking read no longer finds live (a removal
  // won the race) is left to the removal.
  it("expires only what the locking read still finds live", async () => {
    const { repository, ids } = await aroundNow();
    const service = createPartnerAccessService({
      repository: overriding(repository, {
        getLiveAssignment: async (real, ...args) => {
          const key = args[0] as { clientId: number };
          return key.clientId === 42 ? null : real(...args);
        },
      }),
      clock: () => NOW,
    });
    const r = await service.expireDueAssignments({ actor: manager(), partnerId: "acme" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.expired.map((a) => a.id)).toEqual([ids["jane@acme.com 43"]]);
    expect((await repository.getAssignment(ids["jane@acme.com 42"]!))?.value.status).toBe("active");
  });

  it("expires nothing, and locks nothing, a millisecond before the first expiry", async () => {
    const { repository } = await aroundNow();
    const calls: string[] = [];
    const service = createPartnerAccessService({
      repository: overriding(repository, {}, calls),
      clock: () => NOW - 2,
    });
    const before = repository.snapshot();
    const r = await service.expireDueAssignments({ actor: manager(), partnerId: "acme" });
    expect(r).toEqual({ ok: true, value: { expired: [], events: [] } });
    expect(calls).toEqual(["listAssignments"]);
    expect(repository.snapshot()).toEqual(before);
  });
});

describe("remindersDue reads the partner's live assignments only", () => {
  it("gives no reminder of another partner's or of an ended assignment", async () => {
    const { repository, service } = await setup();
    const expiresAt = T0 + 10 * DAY;
    const assign = (partnerId: string, email: string, clientId: number) =>
      service.assignClient({
        actor: admin(partnerId),
        partnerId,
        email,
        clientId,
        hasPortalAccess: true,
        expiresAt,
      });
    const jane = await assign("acme", "jane@acme.com", 42);
    await assign("rival", "max@rival.io", 43);
    await assign("acme", "free@gmail.com", 44);
    await service.removeEmployeesAccess({
      actor: manager(),
      partnerId: "acme",
      clientId: 44,
      emails: ["free@gmail.com"],
      confirmation: "REMOVE",
    });
    if (!jane.ok) throw new Error(jane.error.message);
    const at = createPartnerAccessService({ repository, clock: () => T0 + 3 * DAY });
    const r = await at.remindersDue({
      actor: manager(),
      partnerId: "acme",
      since: T0,
      daysBefore: [9],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.reminders).toEqual([
      {
        assignmentId: jane.value.assignment.id,
        assignment: jane.value.assignment.value,
        daysBefore: 9,
        dueAt: T0 + DAY,
      },
    ]);
    expect(r.value.events.map((e) => e.type)).toEqual(["assignment_expiry_reminder_due"]);
  });
});
