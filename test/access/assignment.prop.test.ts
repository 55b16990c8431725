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
import type { Assignment, AssignmentStatus, PartnerUser } from "../../src/model.js";
import { schemas } from "../../src/schemas.js";

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
        expect(
          removeEmployee({ partnerId: "acme", email: email.toUpperCase() }, list, now),
        ).toEqual(removeEmployee({ partnerId: "acme", email }, list, now));
      }),
    );
  });
});

// The only moves design 2.3 allows; removed and expired are final.
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
