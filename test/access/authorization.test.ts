import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  type Actor,
  authorize,
  type ClientActor,
  can,
} from "../../src/access/authorization.js";

const target = { partnerId: "acme", clientId: 42 };

const superAdmin: Actor = { userId: "u1", partnerId: "acme", superAdmin: true, permissions: [] };
const manager: Actor = {
  userId: "u2",
  partnerId: "acme",
  superAdmin: false,
  permissions: ["manage_partner_employees"],
};
const plain: Actor = { userId: "u3", partnerId: "acme", superAdmin: false, permissions: [] };
// the strongest actor another partner can have: still nothing on acme's data
const otherPartner: Actor = {
  userId: "u4",
  partnerId: "northwind",
  superAdmin: true,
  permissions: ["manage_partner_employees"],
};
// a super admin of client 42's own portal
const client: ClientActor = { kind: "client", userId: "c1", clientId: 42, superAdmin: true };

const allow = true;
const deny = false;

// rule: update_employee_domain is for super admins only; the
// employee list and assignments for super admins and holders of
// manage_partner_employees; deleting a user from a client's portal is for
// the client's own admins only; nobody acts across partners.
const matrix: Record<Action, [boolean, boolean, boolean, boolean, boolean]> = {
  //                       super  manager plain other  client
  update_employee_domain: [allow, deny, deny, deny, deny],
  view_partner_employees: [allow, allow, deny, deny, deny],
  tag_employee: [allow, allow, deny, deny, deny],
  assign_client: [allow, allow, deny, deny, deny],
  remove_client_access: [allow, allow, deny, deny, deny],
  remove_employee: [allow, allow, deny, deny, deny],
  grant_portal_access: [deny, deny, deny, deny, allow],
  delete_portal_user: [deny, deny, deny, deny, allow],
};
const actors = [
  ["super admin", superAdmin],
  ["manage_partner_employees holder", manager],
  ["plain user", plain],
  ["actor of another partner", otherPartner],
  ["the client", client],
] as const;

describe("authorization matrix", () => {
  it("covers every action", () => {
    expect(Object.keys(matrix).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    actors.forEach(([name, actor], column) => {
      const expected = matrix[action][column]!;
      it(`${expected ? "allows" : "denies"} ${action} to the ${name}`, () => {
        expect(can(actor, action, target)).toBe(expected);
        const r = authorize(actor, action, target);
        expect(r.ok).toBe(expected);
        if (!r.ok) expect(r.error).toMatchObject({ code: "forbidden", action });
      });
    });
  }
});

describe("authorize", () => {
  function reason(actor: unknown, action: unknown, t: unknown = target): string | undefined {
    const r = authorize(actor as Actor, action as Action, t as { partnerId: string });
    return r.ok ? undefined : r.error.reason;
  }

  it("returns ok with no value when allowed", () => {
    expect(authorize(superAdmin, "update_employee_domain", target)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it("says why it denies", () => {
    expect(reason(manager, "update_employee_domain")).toBe("super_admin_required");
    expect(reason(plain, "assign_client")).toBe("permission_required");
    expect(reason(otherPartner, "view_partner_employees")).toBe("other_partner");
    expect(reason(superAdmin, "delete_portal_user")).toBe("client_only");
    expect(reason(client, "assign_client")).toBe("partner_only");
    expect(reason({ ...client, clientId: 7 }, "delete_portal_user")).toBe("other_client");
    expect(reason({ ...client, superAdmin: false }, "delete_portal_user")).toBe(
      "super_admin_required",
    );
    expect(reason(client, "delete_portal_user", { partnerId: "acme" })).toBe("invalid_target");
  });

  it("carries an English message and the action", () => {
    const r = authorize(plain, "tag_employee", target);
    expect(r).toEqual({
      ok: false,
      error: {
        code: "forbidden",
        reason: "permission_required",
        action: "tag_employee",
        message: expect.stringContaining("manage_partner_employees"),
      },
    });
  });

  it("never lets an actor act on another partner's data, whatever its rights", () => {
    for (const action of ACTIONS) {
      expect(can(superAdmin, action, { partnerId: "northwind", clientId: 42 })).toBe(false);
      expect(can(manager, action, { partnerId: "northwind", clientId: 42 })).toBe(false);
    }
  });

  it("denies garbage actors, actions and targets instead of throwing", () => {
    expect(reason(undefined, "view_partner_employees")).toBe("invalid_actor");
    expect(reason(42, "view_partner_employees")).toBe("invalid_actor");
    expect(reason({ ...superAdmin, partnerId: "" }, "view_partner_employees")).toBe(
      "invalid_actor",
    );
    expect(reason({ ...superAdmin, userId: undefined }, "view_partner_employees")).toBe(
      "invalid_actor",
    );
    expect(reason({ ...client, clientId: -1 }, "delete_portal_user")).toBe("invalid_actor");
    expect(reason(superAdmin, "drop_database")).toBe("unknown_action");
    expect(reason(superAdmin, { toString: null })).toBe("unknown_action");
    expect(reason(superAdmin, "view_partner_employees", null)).toBe("invalid_target");
    expect(reason(superAdmin, "view_partner_employees", { partnerId: 7 })).toBe("invalid_target");
    const unknown = authorize(superAdmin, "drop_database" as Action, target);
    expect(unknown).toMatchObject({ ok: false, error: { action: null } });
  });

  it("counts only superAdmin === true and a real permission list", () => {
    expect(can({ ...plain, superAdmin: "true" } as unknown as Actor, "tag_employee", target)).toBe(
      false,
    );
    expect(
      can(
        { ...plain, permissions: "manage_partner_employees" } as unknown as Actor,
        "tag_employee",
        target,
      ),
    ).toBe(false);
    expect(
      can(
        { ...plain, permissions: ["MANAGE_PARTNER_EMPLOYEES"] } as unknown as Actor,
        "tag_employee",
        target,
      ),
    ).toBe(false);
  });
});

describe("authorization trusts only the actor's own fields", () => {
  const target = { partnerId: "acme" };

  it("denies a super admin whose superAdmin is inherited", () => {
    // Object.create: the right is on the prototype
    const created = Object.assign(Object.create({ superAdmin: true }) as object, {
      userId: "u9",
      partnerId: "acme",
      permissions: [],
    }) as unknown as Actor;
    expect(created.superAdmin).toBe(true);
    // the usual copy of request JSON turns a __proto__ key into the prototype
    const copied = Object.assign(
      {},
      JSON.parse(
        '{"userId":"u9","partnerId":"acme","permissions":[],"__proto__":{"superAdmin":true}}',
      ),
    ) as Actor;
    expect(copied.superAdmin).toBe(true);
    for (const actor of [created, copied]) {
      for (const action of ACTIONS)
        expect(can(actor, action, { ...target, clientId: 42 })).toBe(false);
      expect(authorize(actor, "update_employee_domain", target)).toMatchObject({
        ok: false,
        error: {
          code: "forbidden",
          reason: "invalid_actor",
          path: ["actor", "superAdmin"],
          input: undefined,
          issue: { code: "invalid_record", path: ["actor", "superAdmin"] },
        },
      });
    }
  });

  it("denies a permission that is inherited, or found only by an overridden includes", () => {
    const inherited: string[] = [];
    inherited.length = 1;
    Object.setPrototypeOf(
      inherited,
      Object.assign(Object.create(Array.prototype), { 0: "manage_partner_employees" }),
    );
    expect(inherited.includes("manage_partner_employees")).toBe(true);
    const lying = Object.assign([], { includes: () => true });
    for (const permissions of [inherited, lying]) {
      expect(can({ ...plain, permissions } as unknown as Actor, "assign_client", target)).toBe(
        false,
      );
    }
    const manager = { ...plain, permissions: ["manage_partner_employees"] } as Actor;
    expect(can(manager, "assign_client", target)).toBe(true);
  });

  it("denies fields of the wrong type, and says where", () => {
    expect(
      authorize({ ...manager, superAdmin: "true" } as unknown as Actor, "assign_client", target),
    ).toMatchObject({
      error: { reason: "invalid_actor", path: ["actor", "superAdmin"], input: "true" },
    });
    expect(
      authorize(
        { ...plain, permissions: "manage_partner_employees" } as unknown as Actor,
        "assign_client",
        target,
      ),
    ).toMatchObject({
      error: {
        reason: "invalid_actor",
        path: ["actor", "permissions"],
        issue: { code: "invalid_list" },
      },
    });
    expect(
      authorize(
        { ...plain, permissions: ["manage_partner_employees", 7] } as unknown as Actor,
        "assign_client",
        target,
      ),
    ).toMatchObject({
      error: { reason: "invalid_actor", path: ["actor", "permissions", 1], input: 7 },
    });
    expect(authorize(superAdmin, "drop_database" as Action, target)).toMatchObject({
      error: { reason: "unknown_action", path: ["action"], input: "drop_database" },
    });
  });
});

describe("authorize: every denial whole", () => {
  const denial = (actor: unknown, action: unknown, t: unknown): ReturnType<typeof authorize> =>
    authorize(actor as Actor, action as Action, t as { partnerId: string });

  it("a target that cannot be read: the message names the clientId only for portal actions", () => {
    const PARTNER_TARGET =
      "The target needs the partnerId of the partner account whose data is concerned.";
    const PORTAL_TARGET = "The target needs a partnerId and the clientId of the client's portal.";
    // A client's super admin deleting a user of a portal without a clientId.
    const noClient = denial(client, "delete_portal_user", { partnerId: "acme" });
    expect(noClient).toMatchObject({
      ok: false,
      error: {
        code: "forbidden",
        reason: "invalid_target",
        message: PORTAL_TARGET,
        action: "delete_portal_user",
        path: ["target", "clientId"],
        input: undefined,
        issue: { code: "invalid_client_id", path: ["target", "clientId"], input: undefined },
      },
    });
    // The same action by a partner's user, on a target without a partner.
    expect(denial(superAdmin, "grant_portal_access", { clientId: 42 })).toMatchObject({
      ok: false,
      error: {
        reason: "invalid_target",
        message: PORTAL_TARGET,
        action: "grant_portal_access",
        path: ["target", "partnerId"],
        input: undefined,
      },
    });
    // Every partner action names the partnerId only.
    for (const action of ACTIONS) {
      if (action === "delete_portal_user" || action === "grant_portal_access") continue;
      expect(denial(superAdmin, action, { partnerId: 7 }), action).toMatchObject({
        ok: false,
        error: {
          code: "forbidden",
          reason: "invalid_target",
          message: PARTNER_TARGET,
          action,
          path: ["target", "partnerId"],
          input: 7,
          issue: { code: "invalid_partner_id", path: ["target", "partnerId"], input: 7 },
        },
      });
    }
    expect(denial(superAdmin, "tag_employee", null)).toEqual({
      ok: false,
      error: {
        code: "forbidden",
        reason: "invalid_target",
        message: PARTNER_TARGET,
        action: "tag_employee",
        path: ["target"],
        input: null,
        issue: {
          code: "invalid_record",
          message: "The target must be an object.",
          path: ["target"],
          input: null,
        },
      },
    });
  });

  it("each reason with its own sentence, and no path where nothing is malformed", () => {
    const cases: [unknown, Action, unknown, string, string][] = [
      [
        otherPartner,
        "tag_employee",
        target,
        "other_partner",
        "A user of one partner account cannot act on another partner's data.",
      ],
      [
        manager,
        "update_employee_domain",
        target,
        "super_admin_required",
        "Only a super admin of the partner account can change its employee email domain.",
      ],
      [
        { ...client, superAdmin: false },
        "grant_portal_access",
        target,
        "super_admin_required",
        "Only a super admin of the client's portal can change who has access to it.",
      ],
      [
        plain,
        "view_partner_employees",
        target,
        "permission_required",
        "Only super admins and users with the manage_partner_employees permission can see partner employees or change their client assignments.",
      ],
      [
        superAdmin,
        "delete_portal_user",
        target,
        "client_only",
        "Only the client's own admins can change who is a user of the client's portal; ask the client.",
      ],
      [
        client,
        "remove_employee",
        target,
        "partner_only",
        "A user of a client's portal cannot act in a partner account.",
      ],
      [
        client,
        "delete_portal_user",
        { partnerId: "acme", clientId: 43 },
        "other_client",
        "A user of one client's portal cannot act on another client's portal.",
      ],
    ];
    for (const [actor, action, t, reason, message] of cases) {
      expect(denial(actor, action, t), reason).toEqual({
        ok: false,
        error: { code: "forbidden", reason, message, action },
      });
    }
  });

  it("an unknown action, and an actor that cannot be read", () => {
    expect(denial(superAdmin, "drop_database", target)).toEqual({
      ok: false,
      error: {
        code: "forbidden",
        reason: "unknown_action",
        message: "This action is unknown, so it is not allowed.",
        action: null,
        path: ["action"],
        input: "drop_database",
      },
    });
    expect(denial(undefined, "tag_employee", target)).toEqual({
      ok: false,
      error: {
        code: "forbidden",
        reason: "invalid_actor",
        message:
          "The actor is not valid: it needs a userId and a partnerId (or, for a client's user, a clientId).",
        action: "tag_employee",
        path: ["actor"],
        input: undefined,
        issue: {
          code: "invalid_record",
          message: "The actor must be an object.",
          path: ["actor"],
          input: undefined,
        },
      },
    });
    // The value issue says what a userId must be.
    expect(denial({ ...manager, userId: "" }, "tag_employee", target)).toMatchObject({
      ok: false,
      error: {
        reason: "invalid_actor",
        path: ["actor", "userId"],
        input: "",
        issue: {
          code: "invalid_record",
          message: "The actor needs a userId, a non-empty string.",
          path: ["actor", "userId"],
          input: "",
        },
      },
    });
    // An invalid actor is reported before an unknown action, with action null.
    expect(denial(undefined, "drop_database", target)).toMatchObject({
      error: { reason: "invalid_actor", action: null, path: ["actor"] },
    });
  });
});
