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

// The rights of a strong actor, placed where they must not count: on the
// prototype (Object.create, or a `__proto__` key of request JSON copied with
// Object.assign or a spread-then-assign), or with the wrong types.
const RIGHTS = { superAdmin: true, permissions: ["manage_partner_employees"] };
const identity = fc.record({
  userId: fc.constantFrom("u1", "u2"),
  partnerId: fc.constantFrom("acme", "northwind"),
});
const inheritedArb: fc.Arbitrary<unknown> = fc.oneof(
  // every right inherited
  identity.map((id) => Object.assign(Object.create(RIGHTS) as object, id)),
  identity.map((id) =>
    Object.assign({}, JSON.parse(JSON.stringify({ ...id, __proto__: RIGHTS })) as object),
  ),
  identity.map((id) =>
    Object.assign({}, JSON.parse(`{"__proto__":${JSON.stringify(RIGHTS)}}`) as object, id),
  ),
  // one right inherited, the other own and empty
  identity.map((id) =>
    Object.assign(Object.create({ superAdmin: true }) as object, id, { permissions: [] }),
  ),
  identity.map((id) =>
    Object.assign(Object.create({ permissions: RIGHTS.permissions }) as object, id, {
      superAdmin: false,
    }),
  ),
  // the permission as an inherited element, or behind an overridden includes
  identity.map((id) => {
    const permissions: string[] = [];
    permissions.length = 1;
    Object.setPrototypeOf(
      permissions,
      Object.assign(Object.create(Array.prototype), RIGHTS.permissions),
    );
    return { ...id, superAdmin: false, permissions };
  }),
  identity.map((id) => {
    const permissions: string[] = [];
    Object.defineProperty(permissions, "includes", { value: () => true });
    return { ...id, superAdmin: false, permissions };
  }),
  // client actors whose kind, clientId or superAdmin is inherited
  fc.constantFrom(1, 2).map((clientId) =>
    Object.assign(Object.create({ kind: "client", superAdmin: true }) as object, {
      userId: "c1",
      clientId,
    }),
  ),
  fc.constantFrom(1, 2).map((clientId) =>
    Object.assign(Object.create({ superAdmin: true }) as object, {
      kind: "client",
      userId: "c1",
      clientId,
    }),
  ),
);
const wrongTypes = fc.oneof(
  fc.constant({ superAdmin: "true" }),
  fc.constant({ superAdmin: 1 }),
  fc.constant({ superAdmin: [true] }),
  fc.constant({ superAdmin: new Boolean(true) }),
  fc.constant({ permissions: "manage_partner_employees" }),
  fc.constant({ permissions: new Set(["manage_partner_employees"]) }),
  fc.constant({ permissions: { 0: "manage_partner_employees", length: 1 } }),
  fc.constant({ permissions: ["manage_partner_employees", 7] }),
  fc.constant({ permissions: [["manage_partner_employees"]] }),
);
const wrongTypedArb: fc.Arbitrary<unknown> = fc
  .tuple(fc.oneof(partnerActorArb, clientActorArb), wrongTypes)
  .map(([actor, wrong]) =>
    "kind" in actor && "permissions" in wrong
      ? { ...actor, superAdmin: 1 }
      : { ...actor, ...wrong },
  );
const anyTargetArb = fc.oneof(
  targetArb,
  fc.record({ partnerId: fc.constantFrom("acme", "northwind"), clientId: fc.constantFrom(1, 2) }),
);

describe("authorization trusts only own data of the right type", () => {
  it("denies every action on every target to an actor whose rights are inherited or of the wrong type", () => {
    fc.assert(
      fc.property(
        fc.oneof(inheritedArb, wrongTypedArb),
        fc.constantFrom(...ACTIONS),
        anyTargetArb,
        (actor, action, target) => {
          expect(can(actor as Actor, action, target)).toBe(false);
          const r = authorize(actor as Actor, action, target);
          expect(r).toMatchObject({ ok: false, error: { code: "forbidden" } });
        },
      ),
    );
  });

  it("ignores a target's inherited partnerId and clientId", () => {
    fc.assert(
      fc.property(partnerActorArb, fc.constantFrom(...ACTIONS), (actor, action) => {
        const target = Object.create({
          partnerId: actor.partnerId,
          clientId: 1,
        }) as AuthorizationTarget;
        expect(authorize({ ...actor, superAdmin: true }, action, target)).toMatchObject({
          ok: false,
          error: { reason: "invalid_target" },
        });
      }),
    );
  });
});

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
