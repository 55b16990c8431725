import { describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { admin, DAY, from, manager, setup, T0 } from "../fixtures.js";

const HOUR = 3_600_000;

async function withExpiring() {
  const { repository, service } = await setup();
  const assign = (partnerId: string, email: string, clientId: number, expiresAt?: number) =>
    service.assignClient({
      actor: admin(partnerId),
      partnerId,
      email,
      clientId,
      hasPortalAccess: true,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
  await assign("acme", "jane@acme.com", 42, T0 + 2 * HOUR);
  await assign("acme", "free@gmail.com", 43, T0 + 10 * DAY);
  await assign("acme", "jane@acme.com", 44);
  await assign("rival", "max@rival.io", 42, T0 + HOUR);
  return repository;
}

describe("expireDueAssignments", () => {
  it("expires the partner's assignments whose time has come, unlinks them, and touches nothing else", async () => {
    const repository = await withExpiring();
    const before = repository.snapshot();
    const service = createPartnerAccessService({ repository, clock: () => T0 + DAY });
    const r = await service.expireDueAssignments({ actor: manager(), partnerId: "acme" });
    if (!r.ok) throw new Error(r.error.message);
    expect(
      r.value.expired.map((a) => [a.value.clientId, a.value.status, a.value.expiresAt]),
    ).toEqual([[42, "expired", T0 + 2 * HOUR]]);
    expect(r.value.events).toEqual([
      {
        type: "assignment_expired",
        at: T0 + DAY,
        actor: manager(),
        assignmentId: r.value.expired[0]!.id,
        assignment: r.value.expired[0]!.value,
      },
    ]);
    expect(await repository.getEmailLink(42, "jane@acme.com")).toBeNull();
    const after = repository.snapshot();
    const unchanged = (s: typeof before) => ({
      ...s,
      assignments: s.assignments.filter((a) => a.id !== r.value.expired[0]!.id),
      emailLinks: s.emailLinks.filter(
        (l) => !(l.clientId === 42 && l.emailKey === "jane@acme.com"),
      ),
    });
    // rival's due assignment is rival's to sweep
    expect(unchanged(after)).toEqual(unchanged(before));
    const again = await service.expireDueAssignments({ actor: manager(), partnerId: "acme" });
    expect(again.ok && again.value.expired).toEqual([]);
  });
});

describe("remindersDue", () => {
  it("gives each reminder once over consecutive windows, as events", async () => {
    const repository = await withExpiring();
    const at = (t: number) =>
      createPartnerAccessService({ repository: from(repository.snapshot()), clock: () => t });
    const first = await at(T0 + 3 * DAY).remindersDue({
      actor: manager(),
      partnerId: "acme",
      since: T0,
      daysBefore: [9, 1],
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.window).toEqual({ since: T0, now: T0 + 3 * DAY });
    expect(
      first.value.reminders.map((x) => [x.assignment.clientId, x.daysBefore, x.dueAt]),
    ).toEqual([[43, 9, T0 + DAY]]);
    expect(first.value.events).toEqual([
      {
        type: "assignment_expiry_reminder_due",
        at: T0 + 3 * DAY,
        actor: manager(),
        assignmentId: first.value.reminders[0]!.assignmentId,
        assignment: first.value.reminders[0]!.assignment,
        daysBefore: 9,
        dueAt: T0 + DAY,
      },
    ]);
    const next = await at(T0 + 20 * DAY).remindersDue({
      actor: manager(),
      partnerId: "acme",
      since: first.value.window.now,
      daysBefore: [9, 1],
    });
    expect(
      next.ok && next.value.reminders.map((x) => [x.assignment.clientId, x.daysBefore]),
    ).toEqual([[43, 1]]);
    const explicit = await at(T0).remindersDue({
      actor: manager(),
      partnerId: "acme",
      since: T0,
      now: T0 + 3 * DAY,
      daysBefore: [9],
    });
    expect(explicit.ok && explicit.value.reminders.length).toBe(1);
  });
});
