import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  type Attribution,
  type AttributionInput,
  attributeManagedCredit,
  type CreditOutcome,
} from "../../src/attribution/managed-credit.js";
import { managedPoints, soldPoints } from "../../src/attribution/points.js";
import { evaluateTier } from "../../src/attribution/tiers.js";
import { detectEmailConflicts } from "../../src/conflicts/email-conflicts.js";
import { anyScenario, keyOf, PERIOD, scenario } from "./arbitraries.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

function attribute(input: AttributionInput): Attribution {
  const result = attributeManagedCredit(input);
  if (!result.ok) throw new Error(`expected ok: ${JSON.stringify(result.error.issues)}`);
  return result.value;
}

const list = <T>(items: Iterable<T>): T[] => [...items];

function shuffle<T>(items: Iterable<T>, keys: readonly number[]): T[] {
  return list(items)
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((x, y) => x.key - y.key || x.i - y.i)
    .map((x) => x.item);
}

function sharesByClient(result: Attribution): Map<number, number[]> {
  const shares = new Map<number, number[]>();
  for (const p of result.partners) {
    for (const c of p.clients)
      shares.set(c.clientId, [...(shares.get(c.clientId) ?? []), c.share.amountMinor]);
  }
  return shares;
}

// A naive oracle of design 2.5: every assignment of every pair through the
// four checks, literally, with detectEmailConflicts over all assignments.
function oracleOutcomes(input: AttributionInput): Map<string, CreditOutcome> {
  const users = list(input.users);
  const assignments = list(input.assignments);
  const activities = list(input.activities);
  const conflicts = detectEmailConflicts(assignments, input.partners);
  const { start, end } = input.period;
  const rank: CreditOutcome[] = [
    "no_tagged_employee",
    "no_active_assignment",
    "conflict_contender",
    "no_qualifying_activity",
    "credited",
  ];
  const outcomes = new Map<string, CreditOutcome>();
  for (const a of assignments) {
    const key = keyOf(a.email);
    const user = users.find((u) => u.partnerId === a.partnerId && keyOf(u.email) === key);
    const from = a.activatedAt ?? Number.NaN;
    const until = a.removedAt ?? a.expiresAt ?? Number.POSITIVE_INFINITY;
    let stage: number;
    if (user === undefined || !user.tagged || user.inPartnerAccount === false) stage = 0;
    else if (
      a.status === "pending_access" ||
      a.activatedAt === undefined ||
      !(from < end && until > start && from < until)
    )
      stage = 1;
    else if (
      conflicts.some(
        (c) =>
          c.clientId === a.clientId &&
          c.email === key &&
          c.contenders.some((p) => p.partnerId === a.partnerId),
      )
    )
      stage = 2;
    else if (
      activities.some(
        (x) =>
          x.clientId === a.clientId &&
          keyOf(x.email) === key &&
          x.at >= start &&
          x.at < end &&
          x.at >= from &&
          x.at < until,
      )
    )
      stage = 4;
    else stage = 3;
    const pair = `${a.partnerId}|${a.clientId}`;
    const previous = outcomes.get(pair);
    if (previous === undefined || rank.indexOf(previous) < stage) outcomes.set(pair, rank[stage]!);
  }
  return outcomes;
}

describe("attributeManagedCredit properties", () => {
  it("agrees with a naive oracle of the four checks (and with detectEmailConflicts on contenders)", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = attribute(input);
        const actual = new Map(
          result.decisions.map((d) => [`${d.partnerId}|${d.clientId}`, d.outcome]),
        );
        expect(actual).toEqual(oracleOutcomes(input));
      }),
    );
  });

  it("shares sum exactly to each serviced client's MRR, each within one unit of an even split", () => {
    fc.assert(
      fc.property(anyScenario, (input) => {
        const result = attribute(input);
        const shares = sharesByClient(result);
        for (const client of input.clients) {
          const s = shares.get(client.clientId);
          if (s === undefined) continue;
          expect(s.reduce((x, y) => x + y, 0)).toBe(client.mrr.amountMinor);
          const even = Math.floor(client.mrr.amountMinor / s.length);
          for (const share of s) expect(share === even || share === even + 1).toBe(true);
        }
        const credited = result.decisions.filter((d) => d.outcome === "credited").length;
        expect([...shares.values()].reduce((n, s) => n + s.length, 0)).toBe(credited);
      }),
    );
  });

  it("does not depend on the order of any input collection", () => {
    fc.assert(
      fc.property(
        anyScenario,
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (input, keys) => {
          const shuffled: AttributionInput = {
            period: input.period,
            partners: shuffle(input.partners, keys),
            clients: shuffle(input.clients, keys.slice(1)),
            users: shuffle(input.users, keys.slice(2)),
            assignments: shuffle(input.assignments, keys.slice(3)),
            activities: shuffle(input.activities, keys.slice(4)),
          };
          expect(attribute(shuffled)).toEqual(attribute(input));
        },
      ),
    );
  });

  it("removing the activity of users who are no tagged employee anywhere changes no credit and no decision", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const employees = new Set(
          list(input.users)
            .filter((u) => u.tagged && u.inPartnerAccount !== false)
            .map((u) => keyOf(u.email)),
        );
        const before = attribute(input);
        const after = attribute({
          ...input,
          activities: list(input.activities).filter((a) => employees.has(keyOf(a.email))),
        });
        expect(after.partners).toEqual(before.partners);
        expect(after.decisions).toEqual(before.decisions);
      }),
    );
  });

  it("adding a servicing partner never raises another partner's share", () => {
    fc.assert(
      fc.property(anyScenario, fc.nat(), fc.constantFrom("0new", "zz"), (input, pick, newId) => {
        const clients = list(input.clients);
        const target = clients[pick % clients.length]!.clientId;
        const email = `fresh@${newId}.io`;
        const extended: AttributionInput = {
          ...input,
          partners: [
            ...input.partners,
            { partnerId: newId, program: "partner", employeeDomains: [`${newId}.io`] },
          ],
          users: [...input.users, { partnerId: newId, email, tagged: true }],
          assignments: [
            ...input.assignments,
            {
              partnerId: newId,
              clientId: target,
              email,
              status: "active",
              assignedAt: 0,
              activatedAt: 0,
            },
          ],
          activities: [...input.activities, { clientId: target, email, at: PERIOD.start }],
        };
        const before = attribute(input);
        const after = attribute(extended);
        expect(after.decisions.find((d) => d.partnerId === newId)?.outcome).toBe("credited");
        const shareOf = (r: Attribution, partnerId: string, clientId: number) =>
          r.partners
            .find((p) => p.partnerId === partnerId)
            ?.clients.find((c) => c.clientId === clientId)?.share.amountMinor ?? 0;
        for (const p of before.partners) {
          for (const c of p.clients)
            expect(shareOf(after, p.partnerId, c.clientId)).toBeLessThanOrEqual(
              c.share.amountMinor,
            );
        }
      }),
    );
  });

  it("gives every credited pair evidence that satisfies every rule", () => {
    fc.assert(
      fc.property(anyScenario, (input) => {
        const result = attribute(input);
        const conflicts = detectEmailConflicts(input.assignments, input.partners);
        const { start, end } = input.period;
        for (const d of result.decisions) {
          if (d.outcome !== "credited") continue;
          const { assignment, user, activity, activeWindow } = d.evidence;
          const key = keyOf(assignment.email);
          // The decision's own records.
          expect([assignment.partnerId, assignment.clientId]).toEqual([d.partnerId, d.clientId]);
          expect(list(input.assignments)).toContain(assignment);
          expect(list(input.users)).toContain(user);
          // 1. a tagged employee of that partner.
          expect([
            user.partnerId,
            keyOf(user.email),
            user.tagged,
            user.inPartnerAccount !== false,
          ]).toEqual([d.partnerId, key, true, true]);
          // 2. active during the period; the window is that overlap.
          expect(assignment.status).not.toBe("pending_access");
          const until = assignment.removedAt ?? assignment.expiresAt ?? Number.POSITIVE_INFINITY;
          expect(activeWindow).toEqual({
            start: Math.max(start, assignment.activatedAt!),
            end: Math.min(end, until),
          });
          expect(activeWindow.start).toBeLessThan(activeWindow.end);
          // 3. not a conflict contender.
          const contended = conflicts.some(
            (c) =>
              c.clientId === d.clientId &&
              c.email === key &&
              c.contenders.some((p) => p.partnerId === d.partnerId),
          );
          expect(contended).toBe(false);
          // 4. a qualifying activity of that user on that client inside the window.
          expect(activity.clientId).toBe(d.clientId);
          expect(keyOf(activity.email)).toBe(key);
          expect(activity.at).toBeGreaterThanOrEqual(activeWindow.start);
          expect(activity.at).toBeLessThan(activeWindow.end);
          expect(list(input.activities)).toContainEqual(activity);
        }
      }),
    );
  });

  it("totals a USD partner's points from the exact sum, rounded half up once", () => {
    const usdOnly = scenario.map((input) => ({
      ...input,
      clients: list(input.clients).map((c) => ({ ...c, mrr: { ...c.mrr, currency: "USD" } })),
    }));
    fc.assert(
      fc.property(usdOnly, (input) => {
        const growth = new Map(
          list(input.clients).map((c) => [c.clientId, c.growthMarket === true]),
        );
        for (const p of attribute(input).partners) {
          // Weighted cents W are worth W / 10,000 points: W / 100 hundredths, half up.
          const w = p.clients.reduce(
            (sum, c) => sum + c.share.amountMinor * (growth.get(c.clientId) ? 2 : 1),
            0,
          );
          expect(p.points).toBe(Math.floor((w + 50) / 100) / 100);
          for (const c of p.clients) {
            const wc = c.share.amountMinor * (growth.get(c.clientId) ? 2 : 1);
            expect(c.points).toBe(Math.floor((wc + 50) / 100) / 100);
          }
        }
      }),
    );
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
        const result = attributeManagedCredit(value as AttributionInput);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it("never throws on records with arbitrary fields, and reports them instead", () => {
    const field = fc.oneof(
      fc.anything({ withNullPrototype: true }),
      fc.constantFrom("a", 1, "jane@gmail.com", 150),
    );
    const record = fc.dictionary(
      fc.constantFrom(
        "partnerId",
        "clientId",
        "email",
        "status",
        "assignedAt",
        "at",
        "mrr",
        "tagged",
        "program",
        "__proto__",
      ),
      field,
    );
    fc.assert(
      fc.property(scenario, fc.array(record, { maxLength: 3 }), fc.nat(), (input, junk, where) => {
        const keys = ["partners", "clients", "users", "assignments", "activities"] as const;
        const name = keys[where % keys.length]!;
        const broken = { ...input, [name]: [...input[name], ...junk] };
        const result = attributeManagedCredit(broken as AttributionInput);
        if (!result.ok) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  it("managedPoints, soldPoints and evaluateTier never throw", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        managedPoints(a as never, b as never);
        soldPoints(a as never, b as never);
        evaluateTier(a as never, b as never, c as never);
      }),
    );
  });
});
