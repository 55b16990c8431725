import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeManagedCredit } from "../../../src/attribution/managed-credit.js";
import type { Assignment, Period } from "../../../src/model.js";
import type { PartnerAccessRepository } from "../../../src/ports/repository.js";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import {
  arbitraries,
  createInMemoryRepository,
  type InMemoryRepository,
  type Scenario,
} from "../../../src/testing/index.js";

// attributeCredit reads only what the period touches and streams the
// activities in pages. Against attributeManagedCredit over everything the
// repository holds, for every partner: the credit is the same, and the
// decisions and lost credit are the full computation's on the clients that
// have an assignment active in the period (pairs elsewhere have no
// assignment active in the period, so they could not earn credit).

async function load(s: Scenario): Promise<InMemoryRepository> {
  const repository = createInMemoryRepository();
  for (const p of s.partners) await repository.savePartner(p, null);
  for (const c of s.clients) await repository.putClient(c);
  for (const u of s.users) await repository.saveUser(u, null);
  for (const a of s.assignments) await repository.insertAssignment(a);
  await repository.recordActivities(s.activities);
  return repository;
}

// rule: active over [activatedAt, removedAt ?? expiresAt ?? ∞), met by [start, end).
function activeIn(a: Assignment, p: Period): boolean {
  if (a.status === "pending_access" || a.activatedAt === undefined) return false;
  const end = a.removedAt ?? a.expiresAt ?? Number.POSITIVE_INFINITY;
  return Math.max(a.activatedAt, p.start) < Math.min(end, p.end);
}

const actorOf = (partnerId: string) => ({
  userId: `${partnerId}-admin`,
  partnerId,
  superAdmin: true,
  permissions: [],
});

describe("attributeCredit against the one-shot attribution of the whole repository", () => {
  it("gives every partner the same credit, and the same decisions and lost credit on the period's clients", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraries.scenario(), async (s) => {
        const repository = await load(s);
        const stored = repository.snapshot();
        const full = attributeManagedCredit({
          period: s.period,
          partners: stored.partners.map((p) => p.value),
          clients: stored.clients,
          users: stored.users.map((u) => u.value),
          assignments: stored.assignments.map((a) => a.value),
          activities: stored.activities,
        });
        if (!full.ok) throw new Error(full.error.message);
        const touched = new Set(
          stored.assignments
            .filter((a) => activeIn(a.value, s.period))
            .map((a) => a.value.clientId),
        );
        const service = createPartnerAccessService({ repository, clock: () => s.period.end });
        for (const { partnerId } of s.partners) {
          const r = await service.attributeCredit({
            actor: actorOf(partnerId),
            partnerId,
            period: s.period,
          });
          if (!r.ok) throw new Error(r.error.message);
          expect(r.value.credit).toEqual(
            full.value.partners.find((p) => p.partnerId === partnerId),
          );
          const mine = <T extends { partnerId: string; clientId: number }>(list: readonly T[]) =>
            list.filter((x) => x.partnerId === partnerId && touched.has(x.clientId));
          expect(r.value.decisions).toEqual(mine(full.value.decisions));
          expect(r.value.lostCredit).toEqual(mine(full.value.lostCredit));
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("attributeCredit reads little, in pages", () => {
  const T0 = Date.UTC(2026, 0, 1);
  const DAY = 86_400_000;
  const period = { start: T0, end: T0 + 31 * DAY };

  async function world(activities: number) {
    const repository = createInMemoryRepository();
    await repository.savePartner(
      { partnerId: "acme", program: "partner", employeeDomains: [] },
      null,
    );
    await repository.saveUser({ partnerId: "acme", email: "jane@acme.com", tagged: true }, null);
    for (const clientId of [42, 43, 44]) {
      await repository.putClient({ clientId, mrr: { amountMinor: 100_000, currency: "USD" } });
    }
    const base = { partnerId: "acme", email: "jane@acme.com", assignedAt: T0 - DAY };
    await repository.insertAssignment({
      ...base,
      clientId: 42,
      status: "active",
      activatedAt: T0 - DAY,
    });
    // ended before the period: client 43 is not touched by it
    await repository.insertAssignment({
      ...base,
      clientId: 43,
      status: "removed",
      activatedAt: T0 - DAY,
      removedAt: T0 - 1,
    });
    const list = Array.from({ length: activities }, (_, i) => ({
      clientId: [42, 43, 44][i % 3]!,
      email: "jane@acme.com",
      at: T0 + (i % (30 * 24)) * 3_600_000,
    }));
    await repository.recordActivities(list);
    return repository;
  }

  it("feeds every activity on the period's clients, page by page, and reports progress", async () => {
    const repository = await world(45_000);
    const pages: { clientIds: unknown; limit: unknown }[] = [];
    const watched: PartnerAccessRepository = {
      ...repository,
      transaction: (fn) =>
        repository.transaction((tx) =>
          fn({
            ...tx,
            listActivities: (p, options) => {
              pages.push({ clientIds: options?.clientIds, limit: options?.limit });
              return tx.listActivities(p, options);
            },
          }),
        ),
    };
    const progress: unknown[] = [];
    const service = createPartnerAccessService({ repository: watched });
    const r = await service.attributeCredit({
      actor: actorOf("acme"),
      partnerId: "acme",
      period,
      onProgress: (p) => progress.push(p),
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.credit.clients.map((c) => c.clientId)).toEqual([42]);
    expect(pages).toEqual([
      { clientIds: [42], limit: 10_000 },
      { clientIds: [42], limit: 10_000 },
    ]);
    expect(progress).toEqual([{ done: 10_000 }, { done: 15_000 }]);
    // the decision on client 43 (ended before the period) is left out
    expect(r.value.decisions.map((d) => d.clientId)).toEqual([42]);
  });

  it("reads no activity when no assignment is active in the period", async () => {
    const repository = await world(10);
    const service = createPartnerAccessService({ repository });
    let read = 0;
    const watched: PartnerAccessRepository = {
      ...repository,
      transaction: (fn) =>
        repository.transaction((tx) =>
          fn({
            ...tx,
            listActivities: (...a) => {
              read++;
              return tx.listActivities(...a);
            },
          }),
        ),
    };
    const earlier = { start: T0 - 400 * DAY, end: T0 - 300 * DAY };
    const quiet = createPartnerAccessService({ repository: watched });
    const r = await quiet.attributeCredit({
      actor: actorOf("acme"),
      partnerId: "acme",
      period: earlier,
    });
    expect(r.ok && r.value.credit).toEqual({
      partnerId: "acme",
      points: 0,
      managedMrr: [],
      clients: [],
    });
    expect(read).toBe(0);
    expect(
      (await service.attributeCredit({ actor: actorOf("nobody"), partnerId: "nobody", period })).ok,
    ).toBe(false);
  });

  it("reports records the period touches that point nowhere, as the full read would", async () => {
    const repository = await world(3);
    // an active assignment on a client the repository does not have
    await repository.insertAssignment({
      partnerId: "acme",
      clientId: 99,
      email: "jane@acme.com",
      status: "active",
      assignedAt: T0,
      activatedAt: T0,
    });
    const service = createPartnerAccessService({ repository });
    const r = await service.attributeCredit({ actor: actorOf("acme"), partnerId: "acme", period });
    expect(r.ok || r.error).toMatchObject({
      code: "invalid_attribution_input",
      issues: [expect.objectContaining({ code: "unknown_client", clientId: 99 })],
    });
  });
});
