import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_REMINDER_DAYS,
  dueReminders,
  type ExpiryReminder,
  expireAssignments,
} from "../../src/access/expiry-reminders.js";
import type { Assignment } from "../../src/model.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

function active(overrides: Partial<Assignment> = {}): Assignment {
  return {
    partnerId: "acme",
    clientId: 42,
    email: "jane@acme.com",
    status: "active",
    assignedAt: T0,
    activatedAt: T0,
    expiresAt: T0 + 60 * DAY,
    ...overrides,
  };
}

const summary = (rs: ExpiryReminder[]) =>
  rs.map((r) => [r.assignment.clientId, r.daysBefore, (r.dueAt - T0) / DAY]);

describe("dueReminders", () => {
  it("gives the 30, 7 and 1 day reminders, each once across consecutive windows", () => {
    const a = active();
    expect(DEFAULT_REMINDER_DAYS).toEqual([30, 7, 1]);
    const ends = [
      T0,
      T0 + 29 * DAY,
      T0 + 30 * DAY,
      T0 + 52 * DAY,
      T0 + 53 * DAY,
      T0 + 58 * DAY,
      T0 + 59 * DAY,
      T0 + 90 * DAY,
    ];
    const given: ExpiryReminder[][] = [];
    for (let i = 1; i < ends.length; i++) {
      given.push(dueReminders([a], { since: ends[i - 1]!, now: ends[i]! }));
    }
    expect(given.map(summary)).toEqual([
      [],
      [[42, 30, 30]],
      [],
      [[42, 7, 53]],
      [],
      [[42, 1, 59]],
      [],
    ]);
    expect(given.flat().every((r) => r.assignment === a)).toBe(true);
  });

  it("reminds pending assignments, not removed or expired ones, nor ones without expiry", () => {
    const window = { since: T0, now: T0 + 100 * DAY };
    const pending = active({ status: "pending_access", clientId: 1 });
    delete (pending as { activatedAt?: number }).activatedAt;
    const removed = active({ status: "removed", removedAt: T0 + DAY, clientId: 2 });
    const expired = active({ status: "expired", clientId: 3 });
    const endless = active({ clientId: 4 });
    delete (endless as { expiresAt?: number }).expiresAt;
    expect(summary(dueReminders([pending, removed, expired, endless], window))).toEqual([
      [1, 30, 30],
      [1, 7, 53],
      [1, 1, 59],
    ]);
  });

  it("does not remind of a moment before the assignment existed", () => {
    const late = active({ assignedAt: T0 + 55 * DAY, activatedAt: T0 + 55 * DAY });
    expect(summary(dueReminders([late], { since: T0, now: T0 + 100 * DAY }))).toEqual([
      [42, 1, 59],
    ]);
  });

  it("sorts by dueAt, partner, client, email key, then the earlier reminder", () => {
    const window = { since: T0, now: T0 + 100 * DAY };
    const list = [
      active({ partnerId: "b", clientId: 1, email: "z@b.io" }),
      active({ partnerId: "a", clientId: 2, email: "y@a.io" }),
      active({ partnerId: "a", clientId: 1, email: "Y@a.io" }),
      active({ partnerId: "a", clientId: 1, email: "x@a.io" }),
    ];
    const firstFour = dueReminders(list, window, { daysBefore: [30] }).map(
      (r) => `${r.assignment.partnerId}/${r.assignment.clientId}/${r.assignment.email}`,
    );
    expect(firstFour).toEqual(["a/1/x@a.io", "a/1/Y@a.io", "a/2/y@a.io", "b/1/z@b.io"]);
    // same dueAt from two different expiries: 2 days before one, 1 day before the other
    const a = active({ expiresAt: T0 + 10 * DAY });
    const b = active({ expiresAt: T0 + 9 * DAY, clientId: 42, email: "jane@acme.com" });
    const same = dueReminders([a, b], window, { daysBefore: [2, 1] }).filter(
      (r) => r.dueAt === T0 + 8 * DAY,
    );
    expect(same.map((r) => r.daysBefore)).toEqual([2, 1]);
  });

  it("takes caller days, and gives nothing for a malformed window or days", () => {
    const a = active();
    expect(
      summary(dueReminders([a], { since: T0, now: T0 + 100 * DAY }, { daysBefore: [14, 14] })),
    ).toEqual([[42, 14, 46]]);
    for (const [window, options] of [
      [{ since: 1.5, now: T0 }, {}],
      [{ since: T0, now: "later" }, {}],
      [null, {}],
      [{ since: T0, now: T0 + 100 * DAY }, { daysBefore: [0] }],
      [{ since: T0, now: T0 + 100 * DAY }, { daysBefore: [1.5] }],
      [{ since: T0, now: T0 + 100 * DAY }, { daysBefore: "30" }],
    ] as const) {
      expect(dueReminders([a], window as never, options as never)).toEqual([]);
    }
    expect(dueReminders(42 as never, { since: T0, now: T0 })).toEqual([]);
    expect(
      dueReminders([null, 42, { ...a, clientId: "42" }] as never, {
        since: T0,
        now: T0 + 100 * DAY,
      }),
    ).toEqual([]);
  });

  it("property: over increasing window ends each reminder comes exactly once, as in one wide window", () => {
    const assignmentArb = fc.record({
      partnerId: fc.constantFrom("a", "b", "c"),
      clientId: fc.integer({ min: 1, max: 5 }),
      email: fc.constantFrom("x@a.io", "y@a.io", "X@a.io"),
      status: fc.constantFrom("pending_access", "active", "removed", "expired"),
      assignedAt: fc.integer({ min: 0, max: 40 * DAY }),
      expiresAt: fc.integer({ min: 0, max: 80 * DAY }),
    });
    fc.assert(
      fc.property(
        fc.array(assignmentArb, { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 100 * DAY }), { maxLength: 12 }),
        fc.integer({ min: -DAY, max: 10 * DAY }),
        fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }),
        (list, rawEnds, start, daysBefore) => {
          const ends = [
            start,
            ...[...rawEnds].sort((x, y) => x - y).map((e) => Math.max(e, start)),
          ];
          const pieces: ExpiryReminder[] = [];
          for (let i = 1; i < ends.length; i++) {
            pieces.push(
              ...dueReminders(
                list as Assignment[],
                { since: ends[i - 1]!, now: ends[i]! },
                { daysBefore },
              ),
            );
          }
          const wide = dueReminders(
            list as Assignment[],
            { since: start, now: ends[ends.length - 1]! },
            { daysBefore },
          );
          const key = (r: ExpiryReminder) =>
            `${list.indexOf(r.assignment as never)}:${r.daysBefore}`;
          const keys = pieces.map(key);
          expect(new Set(keys).size).toBe(keys.length);
          expect([...keys].sort()).toEqual(wide.map(key).sort());
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("expireAssignments", () => {
  it("expires every pending or active assignment whose expiry has come", () => {
    const due = active({ expiresAt: T0 + DAY });
    const pending = { ...active({ status: "pending_access", clientId: 2, expiresAt: T0 + DAY }) };
    delete (pending as { activatedAt?: number }).activatedAt;
    const later = active({ clientId: 3 });
    const removed = active({
      status: "removed",
      removedAt: T0 + 1,
      clientId: 4,
      expiresAt: T0 + DAY,
    });
    const input = [due, pending, later, removed];
    const r = expireAssignments(input, T0 + DAY);
    expect(r.expired).toEqual([
      { ...due, status: "expired" },
      { ...pending, status: "expired" },
    ]);
    expect(r.assignments).toEqual([
      { ...due, status: "expired" },
      { ...pending, status: "expired" },
      later,
      removed,
    ]);
    expect(r.assignments[2]).toBe(later);
    expect(due.status).toBe("active"); // not mutated
  });

  it("expires nothing for a bad time and keeps malformed records", () => {
    const due = active({ expiresAt: T0 });
    expect(expireAssignments([due], Number.NaN)).toEqual({ expired: [], assignments: [due] });
    expect(expireAssignments([null, 3] as never, T0)).toEqual({
      expired: [],
      assignments: [null, 3],
    });
    expect(expireAssignments(7 as never, T0)).toEqual({ expired: [], assignments: [] });
  });

  it("keeps as it is a due record that cannot be expired (its email is not an address)", () => {
    const broken = active({ expiresAt: T0, email: "not an address" });
    const r = expireAssignments([broken], T0);
    expect(r).toEqual({ expired: [], assignments: [broken] });
    expect(r.assignments[0]).toBe(broken);
  });

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (list, window, options) => {
        expect(Array.isArray(dueReminders(list as never, window as never, options as never))).toBe(
          true,
        );
        expect(Array.isArray(expireAssignments(list as never, window as never).expired)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("dueReminders: order and loose records", () => {
  const base = {
    partnerId: "acme",
    clientId: 1,
    email: "jane@acme.com",
    status: "active",
    assignedAt: T0,
    activatedAt: T0,
    expiresAt: T0 + 40 * DAY,
  } as const;
  const window = { since: T0, now: T0 + 40 * DAY };
  const order = (list: readonly object[]) =>
    dueReminders(list as Assignment[], window, { daysBefore: [30] }).map((r) => [
      r.assignment.partnerId,
      r.assignment.email,
    ]);

  it("sorts reminders due together by partner, then by email key, in any input order", () => {
    const a = { ...base, partnerId: "acme" };
    const b = { ...base, partnerId: "globex" };
    expect(order([b, a])).toEqual([
      ["acme", "jane@acme.com"],
      ["globex", "jane@acme.com"],
    ]);
    expect(order([a, b])).toEqual([
      ["acme", "jane@acme.com"],
      ["globex", "jane@acme.com"],
    ]);
    const jo = { ...base, email: "jo@acme.com" };
    expect(order([jo, base])).toEqual([
      ["acme", "jane@acme.com"],
      ["acme", "jo@acme.com"],
    ]);
    expect(order([base, jo])).toEqual([
      ["acme", "jane@acme.com"],
      ["acme", "jo@acme.com"],
    ]);
  });

  it("keys an email that does not parse by its text, and skips one that is not a string", () => {
    const odd = { ...base, email: "not an email" };
    expect(order([odd, { ...base, email: 42 }])).toEqual([["acme", "not an email"]]);
  });

  it("accepts reminder days up to 2^53 ms before expiry, and no further", () => {
    // 104,249,991 days is the most whose distance in milliseconds is at most 2^53.
    const most = 104_249_991;
    expect(most * DAY <= 2 ** 53 && (most + 1) * DAY > 2 ** 53).toBe(true);
    const wide = { since: T0, now: T0 + 100 * DAY };
    expect(summary(dueReminders([active()], wide, { daysBefore: [14, most] }))).toEqual([
      [42, 14, 46],
    ]);
    expect(dueReminders([active()], wide, { daysBefore: [14, most + 1] })).toEqual([]);
  });

  it("gives no reminders for a daysBefore list with a hole", () => {
    const days: number[] = [30];
    days[2] = 7;
    expect(dueReminders([base as Assignment], window, { daysBefore: days })).toEqual([]);
  });
});
