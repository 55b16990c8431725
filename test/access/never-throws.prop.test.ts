// Every function of the access module returns, whatever it is given, and
// never writes to Object.prototype (or Array.prototype).
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
import { authorize, can } from "../../src/access/authorization.js";
import { argument, iterable, record, returns } from "./garbage.js";

const never = <T>(value: unknown): T => value as T;
const RUNS = { numRuns: 1_000 };

// Results are plain data: a Result, a boolean, or the documented shapes.
function isResult(r: unknown): boolean {
  return typeof r === "object" && r !== null && typeof (r as { ok?: unknown }).ok === "boolean";
}

describe("the access functions never throw", () => {
  it("assignClient", () => {
    fc.assert(
      fc.property(fc.oneof(argument, record), (input) => {
        expect(isResult(returns(() => assignClient(never(input))))).toBe(true);
      }),
      RUNS,
    );
  });

  it("assignClients", () => {
    fc.assert(
      fc.property(fc.oneof(argument, record), iterable, (input, clientIds) => {
        const withList =
          typeof input === "object" && input !== null ? { ...input, clientIds } : input;
        for (const i of [input, withList]) {
          const r = returns(() => assignClients(never(i)));
          expect(Array.isArray(r.results)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("assignEmployees", () => {
    fc.assert(
      fc.property(fc.oneof(argument, record), iterable, (input, users) => {
        const withList = typeof input === "object" && input !== null ? { ...input, users } : input;
        for (const i of [input, withList]) {
          const r = returns(() => assignEmployees(never(i)));
          expect(Array.isArray(r.assignments)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("grantPortalAccess, removeClientAccess and expireAssignment", () => {
    fc.assert(
      fc.property(fc.oneof(argument, record), argument, argument, (a, now, confirmation) => {
        expect(isResult(returns(() => grantPortalAccess(never(a), never(now))))).toBe(true);
        expect(
          isResult(returns(() => removeClientAccess(never(a), never(confirmation), never(now)))),
        ).toBe(true);
        expect(isResult(returns(() => removeClientAccess(never(a), "REMOVE", never(now))))).toBe(
          true,
        );
        expect(isResult(returns(() => expireAssignment(never(a), never(now))))).toBe(true);
      }),
      RUNS,
    );
  });

  it("removeEmployee", () => {
    fc.assert(
      fc.property(
        fc.oneof(argument, record),
        fc.oneof(iterable, argument),
        argument,
        (who, list, now) => {
          const r = returns(() => removeEmployee(never(who), never(list), never(now)));
          expect(Array.isArray(r.assignments) && Array.isArray(r.revoked)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("isAssignmentActiveAt", () => {
    fc.assert(
      fc.property(fc.oneof(argument, record), argument, (a, at) => {
        expect(typeof returns(() => isAssignmentActiveAt(never(a), never(at)))).toBe("boolean");
      }),
      RUNS,
    );
  });

  it("can and authorize", () => {
    fc.assert(
      fc.property(
        fc.oneof(argument, record),
        argument,
        fc.oneof(argument, record),
        (actor, action, target) => {
          const allowed = returns(() => can(never(actor), never(action), never(target)));
          const r = returns(() => authorize(never(actor), never(action), never(target)));
          expect(r.ok).toBe(allowed);
        },
      ),
      RUNS,
    );
  });
});
