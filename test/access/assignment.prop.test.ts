import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignClient,
  assignClients,
  assignEmployees,
  expireAssignment,
  grantPortalAccess,
  isAssignmentActiveAt,
  removeClientAccess,
  removeEmployee,
} from "../../src/access/assignment.js";
import { emailKey } from "../../src/domain/email-address.js";
import { isTimestamp, MAX_TIMESTAMP } from "../../src/guards.js";
import type { Assignment, AssignmentStatus, PartnerUser } from "../../src/model.js";
import { schemas } from "../../src/schemas.js";
import { arbitraries } from "../../src/testing/arbitraries.js";

// Small pools so that the same user (in other letter cases), other users
// and other partners meet often.
const partnerIds = ["acme", "northwind"];
const emails = [
  "jane@acme.com",
  "Jane@ACME.com",
  " jane@acme.com ",
  "jane+x@acme.com",
  "max@gmail.com",
  "MAX@gmail.com",
  "not an address",
];
const statuses: AssignmentStatus[] = ["pending_access", "active", "removed", "expired"];

// Well-formed assignments in every status, with optional expiry.
const assignmentArb: fc.Arbitrary<Assignment> = fc
  .record({
    partnerId: fc.constantFrom(...partnerIds),
    clientId: fc.integer({ min: 1, max: 4 }),
    email: fc.constantFrom(...emails),
    status: fc.constantFrom(...statuses),
    assignedAt: fc.integer({ min: 0, max: 100 }),
    activation: fc.integer({ min: 0, max: 100 }),
    end: fc.integer({ min: 0, max: 100 }),
    expiry: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
  })
  .map(({ partnerId, clientId, email, status, assignedAt, activation, end, expiry }) => {
    const activatedAt = assignedAt + activation;
    const base = { partnerId, clientId, email, status, assignedAt };
    const expiresAt = expiry === undefined ? undefined : assignedAt + expiry;
    const withExpiry = expiresAt === undefined ? {} : { expiresAt };
    if (status === "pending_access") return { ...base, ...withExpiry };
    if (status === "active") return { ...base, activatedAt, ...withExpiry };
    if (status === "removed") {
      return { ...base, activatedAt, removedAt: activatedAt + end, ...withExpiry };
    }
    return { ...base, activatedAt, expiresAt: expiresAt ?? activatedAt + end };
  });

// Anything at all, now and then, in a list of assignments.
const listArb = fc.array(
  fc.oneof({ weight: 10, arbitrary: assignmentArb }, fc.anything() as fc.Arbitrary<Assignment>),
  { maxLength: 12 },
);
const timeArb = fc.integer({ min: 0, max: 400 });

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

const live = (a: unknown): boolean =>
  typeof a === "object" &&
  a !== null &&
  ((a as Assignment).status === "pending_access" || (a as Assignment).status === "active");

describe("removeEmployee properties", () => {
  it("leaves no pending or active assignment of that user and partner", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...partnerIds),
        fc.constantFrom(...emails),
        listArb,
        timeArb,
        (partnerId, email, list, now) => {
          const key = emailKey(email);
          const { assignments } = removeEmployee({ partnerId, email }, list, now);
          if (key === undefined) return;
          const stillLive = assignments.filter(
            (a) => live(a) && a.partnerId === partnerId && emailKey(a.email) === key,
          );
          expect(stillLive).toEqual([]);
        },
      ),
    );
  });

  it("never changes an assignment of another user or partner, keeps order, and reports what it ended", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...partnerIds),
        fc.constantFrom(...emails),
        listArb,
        timeArb,
        (partnerId, email, list, now) => {
          const key = emailKey(email);
          const r = removeEmployee({ partnerId, email }, list, now);
          expect(r.assignments).toHaveLength(list.length);
          const changed: Assignment[] = [];
          list.forEach((before, i) => {
            const after = r.assignments[i];
            const mine =
              key !== undefined &&
              live(before) &&
              before.partnerId === partnerId &&
              emailKey(before.email) === key;
            if (!mine) {
              expect(after).toBe(before);
              return;
            }
            changed.push(after!);
            expect(after).toMatchObject({
              partnerId: before.partnerId,
              clientId: before.clientId,
              email: before.email,
              assignedAt: before.assignedAt,
            });
            expect(["removed", "expired"]).toContain(after!.status);
          });
          expect(r.revoked).toEqual(changed);
          for (const a of r.revoked) expect(schemas.assignment.safeParse(a).success).toBe(true);
        },
      ),
    );
  });

  it("does not depend on the letter case of the address", () => {
    fc.assert(
      fc.property(fc.constantFrom(...emails), listArb, timeArb, (email, list, now) => {
        const upper = removeEmployee({ partnerId: "acme", email: email.toUpperCase() }, list, now);
        const lower = removeEmployee({ partnerId: "acme", email }, list, now);
        expect(upper.revoked).toEqual(lower.revoked);
        expect(upper.assignments).toEqual(lower.assignments);
        expect(upper.issues?.map((i) => [i.code, i.path])).toEqual(
          lower.issues?.map((i) => [i.code, i.path]),
        );
      }),
    );
  });
});

// The only moves the life cycle allows; removed and expired are final.
const allowed = new Set([
  "pending_access>active",
  "pending_access>removed",
  "pending_access>expired",
  "active>removed",
  "active>expired",
]);

type Step =
  | { op: "grant"; dt: number }
  | { op: "remove"; dt: number; confirmation: string }
  | { op: "expire"; dt: number }
  | { op: "removeEmployee"; dt: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant("grant" as const), dt: fc.integer({ min: -5, max: 50 }) }),
  fc.record({
    op: fc.constant("remove" as const),
    dt: fc.integer({ min: -5, max: 50 }),
    confirmation: fc.constantFrom("REMOVE", "REMOVE ", "remove"),
  }),
  fc.record({ op: fc.constant("expire" as const), dt: fc.integer({ min: -5, max: 50 }) }),
  fc.record({ op: fc.constant("removeEmployee" as const), dt: fc.integer({ min: -5, max: 50 }) }),
);

describe("assignment life cycle properties", () => {
  it("moves only along allowed transitions, and every state passes the assignment schema", () => {
    fc.assert(
      fc.property(
        fc.record({
          tagged: fc.boolean(),
          hasPortalAccess: fc.boolean(),
          expiry: fc.option(fc.integer({ min: -2, max: 80 }), { nil: undefined }),
        }),
        fc.array(stepArb, { maxLength: 6 }),
        ({ tagged, hasPortalAccess, expiry }, steps) => {
          const user: PartnerUser = { partnerId: "acme", email: "Jane@acme.com", tagged };
          const start = 1_000;
          const created = assignClient({
            user,
            clientId: 7,
            now: start,
            hasPortalAccess,
            ...(expiry === undefined ? {} : { expiresAt: start + expiry }),
          });
          if (!created.ok) {
            expect(!tagged || (expiry !== undefined && expiry <= 0)).toBe(true);
            return;
          }
          expect(created.value.clientAccessRequested).toBe(!hasPortalAccess);
          let a = created.value.assignment;
          let now = start;
          for (const step of steps) {
            now += step.dt;
            const before = a;
            let next: Assignment | undefined;
            if (step.op === "grant") {
              const r = grantPortalAccess(a, now);
              next = r.ok ? r.value : undefined;
            } else if (step.op === "remove") {
              const r = removeClientAccess(a, step.confirmation, now);
              if (step.confirmation !== "REMOVE") expect(r.ok).toBe(false);
              next = r.ok ? r.value : undefined;
            } else if (step.op === "expire") {
              const r = expireAssignment(a, now);
              next = r.ok ? r.value : undefined;
            } else {
              const r = removeEmployee({ partnerId: "acme", email: "JANE@ACME.COM" }, [a], now);
              next = r.assignments[0];
              expect(live(next)).toBe(false);
            }
            if (next === undefined || next === before) continue;
            expect(allowed.has(`${before.status}>${next.status}`)).toBe(true);
            expect(schemas.assignment.safeParse(next).success).toBe(true);
            // identity never changes
            expect([next.partnerId, next.clientId, next.email, next.assignedAt]).toEqual([
              before.partnerId,
              before.clientId,
              before.email,
              before.assignedAt,
            ]);
            // the active interval never outlives the expiry, nor starts before the assignment
            if (next.removedAt !== undefined && next.expiresAt !== undefined) {
              expect(next.removedAt).toBeLessThanOrEqual(next.expiresAt);
            }
            if (next.removedAt !== undefined) {
              expect(next.removedAt).toBeGreaterThanOrEqual(next.activatedAt ?? next.assignedAt);
            }
            a = next;
          }
          if (a.status === "pending_access") expect(isAssignmentActiveAt(a, now)).toBe(false);
        },
      ),
    );
  });
});

describe("purity properties", () => {
  it("never mutates its inputs (deep-frozen) and never throws on anything", () => {
    fc.assert(
      fc.property(
        listArb,
        fc.oneof(assignmentArb, fc.anything() as fc.Arbitrary<Assignment>),
        fc.oneof(timeArb, fc.anything() as fc.Arbitrary<number>),
        fc.oneof(fc.constantFrom("REMOVE", "remove"), fc.anything() as fc.Arbitrary<string>),
        fc.anything(),
        (list, one, now, confirmation, junk) => {
          const user = { partnerId: "acme", email: "jane@acme.com", tagged: true };
          const inputs = deepFreeze({ list, one, now, confirmation, junk, user });
          const snapshot = structuredCloneOrSelf(inputs);
          grantPortalAccess(inputs.one, inputs.now);
          removeClientAccess(inputs.one, inputs.confirmation, inputs.now);
          expireAssignment(inputs.one, inputs.now);
          isAssignmentActiveAt(inputs.one, inputs.now);
          removeEmployee(inputs.junk as never, inputs.list, inputs.now);
          removeEmployee({ partnerId: "acme", email: "jane@acme.com" }, inputs.list, inputs.now);
          assignClient(inputs.junk as never);
          assignClient({ user: inputs.user, clientId: 3, now: inputs.now });
          assignClients({ user: inputs.user, clientIds: [1, 2, 1], now: inputs.now });
          assignClients(inputs.junk as never);
          assignEmployees({
            users: [inputs.user, inputs.junk as PartnerUser],
            clientId: 3,
            now: inputs.now,
            usersWithPortalAccess: inputs.list as never,
          });
          if (snapshot !== undefined) expect(inputs).toEqual(snapshot);
        },
      ),
    );
  });
});

// fc.anything() may produce values structuredClone refuses (none by default,
// but be safe): then the frozen objects alone prove nothing was written.
function structuredCloneOrSelf<T>(value: T): T | undefined {
  try {
    return structuredClone(value);
  } catch {
    return undefined;
  }
}

// ---- every assignment the transitions produce is one they all accept ----

const MAX = MAX_TIMESTAMP;
const timestampArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -MAX, max: MAX }) },
  fc.constantFrom(-MAX, MAX, 0, -0, Date.UTC(2026, 0, 1)),
);
const TIME_FIELDS = ["assignedAt", "activatedAt", "removedAt", "expiresAt"] as const;
const SHAPE_CODES = [
  "invalid_record",
  "invalid_partner_id",
  "invalid_client_id",
  "invalid_email",
  "invalid_timestamp",
];

function expectWellFormed(a: Assignment): void {
  expect(schemas.assignment.safeParse(a).success).toBe(true);
  for (const key of TIME_FIELDS) {
    const t = a[key];
    if (key !== "assignedAt" && t === undefined) continue;
    expect(isTimestamp(t)).toBe(true);
    expect(Object.is(t, -0)).toBe(false);
  }
}

// What each transition must do with a well-formed assignment, at a time its
// status and dates allow: succeed if the status allows the move, otherwise
// refuse it as a transition, never as a malformed record.
function expectAcceptedByEveryTransition(a: Assignment): void {
  const live = a.status === "pending_access" || a.status === "active";
  const earliest = a.activatedAt ?? a.assignedAt;
  const beforeExpiry = a.expiresAt === undefined || earliest < a.expiresAt;
  const grant = grantPortalAccess(a, a.assignedAt);
  if (a.status === "pending_access" && beforeExpiry) expect(grant.ok).toBe(true);
  else if (!grant.ok) expect(SHAPE_CODES).not.toContain(grant.error.code);
  const removed = removeClientAccess(a, "REMOVE", earliest);
  if (live && beforeExpiry) expect(removed.ok).toBe(true);
  else if (!removed.ok) expect(SHAPE_CODES).not.toContain(removed.error.code);
  if (a.expiresAt !== undefined) {
    const expired = expireAssignment(a, a.expiresAt);
    expect(expired.ok).toBe(live);
    if (!expired.ok) expect(expired.error.code).toBe("invalid_transition");
  }
  const revoked = removeEmployee({ partnerId: a.partnerId, email: a.email }, [a], earliest);
  expect(revoked.issues).toBeUndefined();
  expect(revoked.revoked).toHaveLength(live ? 1 : 0);
  for (const next of [grant, removed]) if (next.ok) expectWellFormed(next.value);
  for (const next of revoked.revoked) expectWellFormed(next);
}

const validUserArb = fc.record({
  partnerId: arbitraries.partnerId(),
  email: arbitraries.emailAddress(),
  tagged: fc.constant(true),
});

type Move =
  | { op: "grant"; at: number }
  | { op: "remove"; at: number }
  | { op: "expire"; at: number }
  | { op: "removeEmployee"; at: number };

const moveArb: fc.Arbitrary<Move> = fc.record({
  op: fc.constantFrom("grant", "remove", "expire", "removeEmployee"),
  at: timestampArb,
}) as fc.Arbitrary<Move>;

function apply(a: Assignment, move: Move): Assignment | undefined {
  if (move.op === "grant") {
    const r = grantPortalAccess(a, move.at);
    return r.ok ? r.value : undefined;
  }
  if (move.op === "remove") {
    const r = removeClientAccess(a, "REMOVE", move.at);
    return r.ok ? r.value : undefined;
  }
  if (move.op === "expire") {
    const r = expireAssignment(a, move.at);
    return r.ok ? r.value : undefined;
  }
  const r = removeEmployee({ partnerId: a.partnerId, email: a.email }, [a], move.at);
  return r.revoked[0];
}

describe("assignments produced by the transitions", () => {
  it("pass the assignment schema and isTimestamp, and every other transition accepts them", () => {
    fc.assert(
      fc.property(
        validUserArb,
        arbitraries.clientId(),
        timestampArb,
        fc.boolean(),
        fc.option(timestampArb, { nil: undefined }),
        fc.array(moveArb, { maxLength: 4 }),
        (user, clientId, now, hasPortalAccess, expiresAt, moves) => {
          const made = assignClient({
            user,
            clientId,
            now,
            hasPortalAccess,
            ...(expiresAt === undefined ? {} : { expiresAt }),
          });
          if (!made.ok) {
            expect(made.error.code).toBe("expiry_not_after_now");
            return;
          }
          let a = made.value.assignment;
          expectWellFormed(a);
          expectAcceptedByEveryTransition(a);
          for (const move of moves) {
            const next = apply(a, move);
            if (next === undefined) continue;
            expectWellFormed(next);
            expectAcceptedByEveryTransition(next);
            a = next;
          }
        },
      ),
    );
  });
});

// ---- the transitions and schemas.assignment agree on what is well-formed ----

const looseAssignmentArb = fc.record(
  {
    partnerId: fc.constantFrom("acme", "", 7),
    clientId: fc.constantFrom(42, 0, 1.5, "42", 2 ** 53),
    email: fc.constantFrom("jane@acme.com", " Jane@ACME.com ", "jane", 42),
    status: fc.constantFrom("pending_access", "active", "removed", "expired", "paused"),
    assignedAt: fc.constantFrom(0, 10, 1.5, 1e16, Number.NaN, -0),
    activatedAt: fc.constantFrom(0, 5, 10, 20, 1e300),
    removedAt: fc.constantFrom(10, 30, Number.POSITIVE_INFINITY),
    expiresAt: fc.constantFrom(10, 40, 0.5),
  },
  { requiredKeys: [] },
);

describe("what a transition takes for a malformed assignment", () => {
  it("is exactly what schemas.assignment refuses", () => {
    fc.assert(
      fc.property(looseAssignmentArb, (a) => {
        const r = grantPortalAccess(a as Assignment, 1_000);
        const malformed = !r.ok && SHAPE_CODES.includes(r.error.code);
        expect(malformed).toBe(!schemas.assignment.safeParse(a).success);
      }),
    );
  });
});
