import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  type Actor,
  type AuthorizationTarget,
  authorize,
  can,
} from "../../src/access/authorization.js";

const partnerActorArb = fc.record({
  userId: fc.constantFrom("u1", "u2"),
  partnerId: fc.constantFrom("acme", "northwind"),
  superAdmin: fc.boolean(),
  permissions: fc.subarray(["manage_partner_employees"] as const),
});
const clientActorArb = fc.record({
  kind: fc.constant("client" as const),
  userId: fc.constant("c1"),
  clientId: fc.constantFrom(1, 2),
  superAdmin: fc.boolean(),
});
const actorArb = fc.oneof(partnerActorArb, clientActorArb, fc.anything()) as fc.Arbitrary<Actor>;
const actionArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ACTIONS) },
  fc.anything(),
) as fc.Arbitrary<Action>;
const targetArb = fc.oneof(
  fc.record(
    { partnerId: fc.constantFrom("acme", "northwind"), clientId: fc.constantFrom(1, 2) },
    { requiredKeys: ["partnerId"] },
  ),
  fc.anything(),
) as fc.Arbitrary<AuthorizationTarget>;

describe("authorization properties", () => {
  it("never throws, and can agrees with authorize", () => {
    fc.assert(
      fc.property(actorArb, actionArb, targetArb, (actor, action, target) => {
        const r = authorize(actor, action, target);
        expect(can(actor, action, target)).toBe(r.ok);
        if (!r.ok) {
          expect(r.error.code).toBe("forbidden");
          expect(r.error.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("never lets a partner actor act on another partner's data or in a client's portal", () => {
    fc.assert(
      fc.property(partnerActorArb, actionArb, targetArb, (actor, action, target) => {
        const allowed = can(actor, action, target);
        if (!allowed) return;
        expect((target as AuthorizationTarget).partnerId).toBe(actor.partnerId);
        expect(["delete_portal_user", "grant_portal_access"]).not.toContain(action);
      }),
    );
  });

  it("lets a client actor act only on its own portal", () => {
    fc.assert(
      fc.property(clientActorArb, actionArb, targetArb, (actor, action, target) => {
        if (!can(actor, action, target)) return;
        expect(actor.superAdmin).toBe(true);
        expect((target as AuthorizationTarget).clientId).toBe(actor.clientId);
        expect(["delete_portal_user", "grant_portal_access"]).toContain(action);
      }),
    );
  });

  it("is monotone in rights: more rights never lose an allowance", () => {
    fc.assert(
      fc.property(
        partnerActorArb,
        partnerActorArb,
        actionArb,
        targetArb,
        (a, b, action, target) => {
          const stronger = {
            ...a,
            superAdmin: a.superAdmin || b.superAdmin,
            permissions: [...new Set([...a.permissions, ...b.permissions])],
          };
          if (can(a, action, target)) expect(can(stronger, action, target)).toBe(true);
        },
      ),
    );
  });
});
