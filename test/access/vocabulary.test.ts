// One bad value, one code, one path: the same bad value given to every
// function of the access and classification modules that takes that field
// gets the same code, and a path that starts at the parameter name (or at the
// property of the single input object).
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
import { type Action, authorize } from "../../src/access/authorization.js";
import { attributeManagedCredit } from "../../src/attribution/managed-credit.js";
import { classifyUser, classifyUsers } from "../../src/classification/classify-user.js";
import { employeeDomainStatus } from "../../src/classification/suggest-domain.js";
import { MAX_TIMESTAMP } from "../../src/guards.js";
import type { Assignment, PartnerUser } from "../../src/model.js";
import type { IssuePath } from "../../src/result.js";

const T0 = Date.UTC(2026, 0, 1);
const user: PartnerUser = { partnerId: "acme", email: "jane@acme.com", tagged: true };
const pending: Assignment = {
  partnerId: "acme",
  clientId: 42,
  email: "jane@acme.com",
  status: "pending_access",
  assignedAt: T0,
};
const active: Assignment = { ...pending, status: "active", activatedAt: T0 };
const employee = { partnerId: "acme", email: "jane@acme.com" };
const admin = { userId: "u1", partnerId: "acme", superAdmin: true, permissions: [] };
const clientAdmin = { kind: "client", userId: "c1", clientId: 42, superAdmin: true };
const acme = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] } as const;

interface Found {
  readonly code: string;
  readonly path?: IssuePath;
  readonly input?: unknown;
}

// The issue a call reported, whatever the function's result shape.
type Call = () => Found | undefined;

const never = <T>(value: unknown): T => value as T;

function failure(r: { ok: boolean; error?: Found }): Found | undefined {
  return r.ok ? undefined : r.error;
}

function firstItem(r: { results: readonly { result: { ok: boolean; error?: Found } }[] }) {
  return r.results[0] === undefined ? undefined : failure(r.results[0].result);
}

function removal(r: { issues?: readonly Found[] }): Found | undefined {
  return r.issues?.[0];
}

// authorize keeps its code, forbidden; the value code is in its `issue`.
function denial(actor: unknown, action: Action, target: unknown): Found | undefined {
  const r = authorize(never(actor), action, never(target));
  if (r.ok) return undefined;
  expect(r.error.code).toBe("forbidden");
  expect(r.error.path).toEqual(r.error.issue?.path);
  return r.error.issue;
}

function transitions(assignment: unknown, now: unknown, prefix: IssuePath) {
  return [
    [
      `grantPortalAccess ${prefix.join(".")}`,
      () => failure(grantPortalAccess(never(assignment), never(now))),
    ],
    [
      `removeClientAccess ${prefix.join(".")}`,
      () => failure(removeClientAccess(never(assignment), "REMOVE", never(now))),
    ],
    [
      `expireAssignment ${prefix.join(".")}`,
      () => failure(expireAssignment(never(assignment), never(now))),
    ],
  ] as const;
}

type Row = readonly [name: string, call: Call, path: IssuePath | undefined];

function table(code: string, rows: readonly Row[]) {
  describe(code, () => {
    it.each(rows.map((row) => [row[0], row] as const))("%s", (_name, [, call, path]) => {
      const issue = call();
      expect(issue?.code).toBe(code);
      expect(issue?.path).toEqual(path);
      expect(issue).toHaveProperty("input");
      expect(typeof (issue as { message?: unknown }).message).toBe("string");
      // The whole issue, its English message included, as pinned in __snapshots__.
      expect(issue).toMatchSnapshot();
    });
  });
}

describe('a string client id, "42"', () => {
  const bad = "42";
  table("invalid_client_id", [
    [
      "assignClient",
      () => failure(assignClient(never({ user, clientId: bad, now: T0 }))),
      ["clientId"],
    ],
    [
      "assignClients",
      () => firstItem(assignClients(never({ user, clientIds: [bad], now: T0 }))),
      ["clientIds", 0],
    ],
    [
      "assignEmployees",
      () => firstItem(assignEmployees(never({ users: [user], clientId: bad, now: T0 }))),
      ["clientId"],
    ],
    ...transitions({ ...pending, clientId: bad }, T0, ["assignment", "clientId"]).map(
      ([name, call]) => [name, call, ["assignment", "clientId"]] as const,
    ),
    [
      "removeEmployee",
      () => removal(removeEmployee(employee, never([{ ...active, clientId: bad }]), T0)),
      ["assignments", 0, "clientId"],
    ],
    [
      "authorize (client actor)",
      () =>
        denial({ ...clientAdmin, clientId: bad }, "grant_portal_access", {
          partnerId: "acme",
          clientId: 42,
        }),
      ["actor", "clientId"],
    ],
    [
      "authorize (target)",
      () => denial(clientAdmin, "grant_portal_access", { partnerId: "acme", clientId: bad }),
      ["target", "clientId"],
    ],
  ]);

  it("is never active", () => {
    expect(isAssignmentActiveAt(never({ ...active, clientId: bad }), T0)).toBe(false);
  });
});

for (const bad of [1.5, 1e16, 1e300, Number.NaN, -1e16, "2026-01-01T00:00:00Z"]) {
  describe(`the timestamp ${String(bad)}`, () => {
    table("invalid_timestamp", [
      [
        "assignClient now",
        () => failure(assignClient(never({ user, clientId: 42, now: bad }))),
        ["now"],
      ],
      [
        "assignClient expiresAt",
        () => failure(assignClient(never({ user, clientId: 42, now: T0, expiresAt: bad }))),
        ["expiresAt"],
      ],
      [
        "assignClients now",
        () => firstItem(assignClients(never({ user, clientIds: [42], now: bad }))),
        ["now"],
      ],
      [
        "assignClients expiresAt",
        () => firstItem(assignClients(never({ user, clientIds: [42], now: T0, expiresAt: bad }))),
        ["expiresAt"],
      ],
      [
        "assignEmployees now",
        () => firstItem(assignEmployees(never({ users: [user], clientId: 42, now: bad }))),
        ["now"],
      ],
      ...transitions(pending, bad, ["now"]).map(([name, call]) => [name, call, ["now"]] as const),
      ...transitions({ ...pending, assignedAt: bad }, T0, ["assignment", "assignedAt"]).map(
        ([name, call]) => [name, call, ["assignment", "assignedAt"]] as const,
      ),
      ...transitions({ ...pending, expiresAt: bad }, T0, ["assignment", "expiresAt"]).map(
        ([name, call]) => [name, call, ["assignment", "expiresAt"]] as const,
      ),
      [
        "removeEmployee now",
        () => removal(removeEmployee(employee, [active], never(bad))),
        ["now"],
      ],
      [
        "removeEmployee record",
        () => removal(removeEmployee(employee, never([{ ...active, activatedAt: bad }]), T0)),
        ["assignments", 0, "activatedAt"],
      ],
    ]);

    it("is never active at that time, nor on a record carrying it", () => {
      expect(isAssignmentActiveAt(active, never(bad))).toBe(false);
      expect(isAssignmentActiveAt(never({ ...active, assignedAt: bad }), T0)).toBe(false);
    });
  });
}

describe('an empty partner id, ""', () => {
  table("invalid_partner_id", [
    [
      "assignClient",
      () => failure(assignClient({ user: { ...user, partnerId: "" }, clientId: 42, now: T0 })),
      ["user", "partnerId"],
    ],
    [
      "assignClients",
      () =>
        firstItem(assignClients({ user: { ...user, partnerId: "" }, clientIds: [42], now: T0 })),
      ["user", "partnerId"],
    ],
    [
      "assignEmployees",
      () =>
        firstItem(assignEmployees({ users: [{ ...user, partnerId: "" }], clientId: 42, now: T0 })),
      ["users", 0, "partnerId"],
    ],
    ...transitions({ ...pending, partnerId: "" }, T0, ["assignment", "partnerId"]).map(
      ([name, call]) => [name, call, ["assignment", "partnerId"]] as const,
    ),
    [
      "removeEmployee",
      () => removal(removeEmployee({ ...employee, partnerId: "" }, [active], T0)),
      ["employee", "partnerId"],
    ],
    [
      "authorize (actor)",
      () => denial({ ...admin, partnerId: "" }, "assign_client", { partnerId: "acme" }),
      ["actor", "partnerId"],
    ],
    [
      "authorize (target)",
      () => denial(admin, "assign_client", { partnerId: "" }),
      ["target", "partnerId"],
    ],
  ]);
});

describe("a record that is not an object", () => {
  const bad = 42;
  table("invalid_record", [
    ["assignClient input", () => failure(assignClient(never(bad))), undefined],
    [
      "assignClient user",
      () => failure(assignClient(never({ user: bad, clientId: 42, now: T0 }))),
      ["user"],
    ],
    [
      "assignClients user",
      () => firstItem(assignClients(never({ user: bad, clientIds: [42], now: T0 }))),
      ["user"],
    ],
    ["assignClients input", () => removal(assignClients(never(bad))), undefined],
    [
      "assignEmployees users[0]",
      () => firstItem(assignEmployees(never({ users: [bad], clientId: 42, now: T0 }))),
      ["users", 0],
    ],
    ["assignEmployees input", () => removal(assignEmployees(never(bad))), undefined],
    ...transitions(bad, T0, ["assignment"]).map(
      ([name, call]) => [name, call, ["assignment"]] as const,
    ),
    ["removeEmployee", () => removal(removeEmployee(never(bad), [active], T0)), ["employee"]],
    ["authorize (actor)", () => denial(bad, "assign_client", { partnerId: "acme" }), ["actor"]],
    ["authorize (target)", () => denial(admin, "assign_client", bad), ["target"]],
    // fields with no code of their own
    [
      "assignClient user.tagged",
      () =>
        failure(assignClient(never({ user: { ...user, tagged: "yes" }, clientId: 42, now: T0 }))),
      ["user", "tagged"],
    ],
    ...transitions({ ...pending, status: "paused" }, T0, ["assignment", "status"]).map(
      ([name, call]) => [name, call, ["assignment", "status"]] as const,
    ),
    [
      "authorize actor.superAdmin",
      () => denial({ ...admin, superAdmin: "true" }, "assign_client", { partnerId: "acme" }),
      ["actor", "superAdmin"],
    ],
  ]);
});

describe('a bad email address, "jane"', () => {
  const bad = "jane";
  table("invalid_email", [
    [
      "assignClient",
      () => failure(assignClient({ user: { ...user, email: bad }, clientId: 42, now: T0 })),
      ["user", "email"],
    ],
    [
      "assignClients",
      () => firstItem(assignClients({ user: { ...user, email: bad }, clientIds: [42], now: T0 })),
      ["user", "email"],
    ],
    [
      "assignEmployees",
      () => firstItem(assignEmployees({ users: [{ ...user, email: bad }], clientId: 42, now: T0 })),
      ["users", 0, "email"],
    ],
    ...transitions({ ...pending, email: bad }, T0, ["assignment", "email"]).map(
      ([name, call]) => [name, call, ["assignment", "email"]] as const,
    ),
    [
      "removeEmployee",
      () => removal(removeEmployee({ ...employee, email: bad }, [active], T0)),
      ["employee", "email"],
    ],
  ]);

  it("says why, with the address parser's issue", () => {
    const r = assignClient({ user: { ...user, email: bad }, clientId: 42, now: T0 });
    expect(r).toMatchObject({ ok: false, error: { emailIssue: { code: "missing_at" } } });
  });

  it("is the invalid_email kind of the classifications", () => {
    expect(classifyUser(bad, acme)).toMatchObject({
      kind: "invalid_email",
      error: { code: "missing_at" },
    });
    expect(classifyUsers([{ ...user, email: bad }], acme).classifications[0]).toMatchObject({
      kind: "invalid_email",
    });
    expect(employeeDomainStatus(acme, [{ ...user, email: bad }]).invalidEmailUsers).toHaveLength(1);
  });
});

describe("a list that is not iterable", () => {
  const bad = 5;
  table("invalid_list", [
    [
      "assignClients clientIds",
      () => removal(assignClients(never({ user, clientIds: bad, now: T0 }))),
      ["clientIds"],
    ],
    [
      "assignClients clientsWithPortalAccess",
      () =>
        removal(
          assignClients(never({ user, clientIds: [42], now: T0, clientsWithPortalAccess: bad })),
        ),
      ["clientsWithPortalAccess"],
    ],
    [
      "assignEmployees users",
      () => removal(assignEmployees(never({ users: bad, clientId: 42, now: T0 }))),
      ["users"],
    ],
    [
      "assignEmployees usersWithPortalAccess",
      () =>
        removal(
          assignEmployees(
            never({ users: [user], clientId: 42, now: T0, usersWithPortalAccess: bad }),
          ),
        ),
      ["usersWithPortalAccess"],
    ],
    ["removeEmployee", () => removal(removeEmployee(employee, never(bad), T0)), ["assignments"]],
    [
      "authorize actor.permissions",
      () =>
        denial(
          { ...admin, superAdmin: false, permissions: "manage_partner_employees" },
          "assign_client",
          {
            partnerId: "acme",
          },
        ),
      ["actor", "permissions"],
    ],
  ]);
});

describe("the examples that started this", () => {
  it("assignClient refused nothing finite; now 1.5, 1e300 and 1e16 are invalid_timestamp, with one shape", () => {
    for (const now of [1.5, 1e300, 1e16]) {
      const r = assignClient({ user, clientId: 42, now });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(Object.keys(r.error).sort()).toEqual(["code", "input", "message", "path"]);
      expect(r.error).toMatchObject({ code: "invalid_timestamp", path: ["now"], input: now });
    }
  });

  it("what assignClient makes at the edges of time, attribution takes", () => {
    for (const now of [-MAX_TIMESTAMP, 0, MAX_TIMESTAMP - 1]) {
      const made = assignClient({ user, clientId: 42, now, hasPortalAccess: true });
      expect(made.ok).toBe(true);
      if (!made.ok) continue;
      const r = attributeManagedCredit({
        period: { start: now, end: now + 1 },
        partners: [{ partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] }],
        clients: [{ clientId: 42, mrr: { amountMinor: 10_000, currency: "USD" } }],
        users: [user],
        assignments: [made.value.assignment],
        activities: [{ clientId: 42, email: "jane@acme.com", at: now }],
      });
      expect(r.ok).toBe(true);
    }
    expect(assignClient({ user, clientId: 42, now: MAX_TIMESTAMP + 1 }).ok).toBe(false);
  });

  it('a client id of "42" is invalid_client_id from every function, never a bare forbidden', () => {
    const target = denial(clientAdmin, "grant_portal_access", {
      partnerId: "acme",
      clientId: "42",
    });
    expect(target).toMatchObject({
      code: "invalid_client_id",
      path: ["target", "clientId"],
      input: "42",
    });
    expect(failure(assignClient(never({ user, clientId: "42", now: T0 })))).toMatchObject({
      code: "invalid_client_id",
      path: ["clientId"],
    });
    expect(
      firstItem(assignEmployees(never({ users: [user], clientId: "42", now: T0 }))),
    ).toMatchObject({
      code: "invalid_client_id",
      path: ["clientId"],
    });
  });
});
