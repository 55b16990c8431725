import { describe, expect, it } from "vitest";
import {
  assignClient,
  assignClients,
  assignEmployees,
  expireAssignment,
  grantPortalAccess,
  isAssignmentActiveAt,
  REMOVE_CONFIRMATION,
  removeClientAccess,
  removeEmployee,
} from "../../src/access/assignment.js";
import type { Assignment, PartnerUser } from "../../src/model.js";

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const jane: PartnerUser = { partnerId: "acme", email: " Jane@ACME.com ", tagged: true };

function pending(overrides: Partial<Assignment> = {}): Assignment {
  return {
    partnerId: "acme",
    clientId: 42,
    email: "jane@acme.com",
    status: "pending_access",
    assignedAt: T0,
    ...overrides,
  };
}

function active(overrides: Partial<Assignment> = {}): Assignment {
  return pending({ status: "active", activatedAt: T0 + HOUR, ...overrides });
}

function code(r: { ok: boolean; error?: { code: string } }): string {
  return r.ok ? "ok" : (r.error?.code ?? "");
}

describe("assignClient", () => {
  it("starts pending_access and requests access from the client", () => {
    expect(assignClient({ user: jane, clientId: 42, now: T0 })).toEqual({
      ok: true,
      value: {
        assignment: {
          partnerId: "acme",
          clientId: 42,
          email: "Jane@ACME.com",
          status: "pending_access",
          assignedAt: T0,
        },
        clientAccessRequested: true,
      },
    });
  });

  it("starts active, with no request to the client, when the user already has portal access", () => {
    expect(assignClient({ user: jane, clientId: 42, now: T0, hasPortalAccess: true })).toEqual({
      ok: true,
      value: {
        assignment: {
          partnerId: "acme",
          clientId: 42,
          email: "Jane@ACME.com",
          status: "active",
          assignedAt: T0,
          activatedAt: T0,
        },
        clientAccessRequested: false,
      },
    });
  });

  it("keeps an expiry after now", () => {
    const r = assignClient({ user: jane, clientId: 42, now: T0, expiresAt: T0 + HOUR });
    expect(r).toMatchObject({ ok: true, value: { assignment: { expiresAt: T0 + HOUR } } });
    expect(code(assignClient({ user: jane, clientId: 42, now: T0, expiresAt: T0 }))).toBe(
      "expiry_not_after_now",
    );
    expect(code(assignClient({ user: jane, clientId: 42, now: T0, expiresAt: T0 - 1 }))).toBe(
      "expiry_not_after_now",
    );
  });

  it("refuses an untagged user: only tagged employees earn credit", () => {
    expect(assignClient({ user: { ...jane, tagged: false }, clientId: 42, now: T0 })).toEqual({
      ok: false,
      error: {
        code: "not_tagged",
        message: expect.stringContaining("tag"),
        path: ["user", "tagged"],
        input: false,
        partnerId: "acme",
        email: "Jane@ACME.com",
      },
    });
  });

  it("refuses a user outside the partner account, pointing at inPartnerAccount", () => {
    const r = assignClient({ user: { ...jane, inPartnerAccount: false }, clientId: 42, now: T0 });
    expect(r).toEqual({
      ok: false,
      error: {
        code: "not_in_partner_account",
        message: expect.stringContaining("no longer a user of the partner account"),
        path: ["user", "inPartnerAccount"],
        input: false,
        partnerId: "acme",
        email: "Jane@ACME.com",
      },
    });
  });

  it("assigns users on any domain: the Client Access Manager is for them", () => {
    const r = assignClient({ user: { ...jane, email: "jane@gmail.com" }, clientId: 42, now: T0 });
    expect(code(r)).toBe("ok");
  });

  it.each([
    [{ user: { ...jane, email: "jane" }, clientId: 42, now: T0 }, "invalid_email"],
    [{ user: null, clientId: 42, now: T0 }, "invalid_record"],
    [{ user: { ...jane, partnerId: "" }, clientId: 42, now: T0 }, "invalid_partner_id"],
    [{ user: { ...jane, tagged: undefined }, clientId: 42, now: T0 }, "invalid_record"],
    [{ user: { ...jane, inPartnerAccount: "no" }, clientId: 42, now: T0 }, "invalid_record"],
    [{ user: jane, clientId: 42, now: T0, hasPortalAccess: 1 }, "invalid_record"],
    [{ user: jane, clientId: 0, now: T0 }, "invalid_client_id"],
    [{ user: jane, clientId: 1.5, now: T0 }, "invalid_client_id"],
    [{ user: jane, clientId: "42", now: T0 }, "invalid_client_id"],
    [{ user: jane, clientId: 2 ** 53, now: T0 }, "invalid_client_id"],
    [{ user: jane, clientId: 42, now: Number.NaN }, "invalid_timestamp"],
    [{ user: jane, clientId: 42, now: "2026-01-01" }, "invalid_timestamp"],
    [{ user: jane, clientId: 42, now: 1.5 }, "invalid_timestamp"],
    [{ user: jane, clientId: 42, now: 1e16 }, "invalid_timestamp"],
    [{ user: jane, clientId: 42, now: 1e300 }, "invalid_timestamp"],
    [
      { user: jane, clientId: 42, now: T0, expiresAt: Number.POSITIVE_INFINITY },
      "invalid_timestamp",
    ],
    [undefined, "invalid_record"],
  ])("refuses %j with %s", (input, expected) => {
    expect(code(assignClient(input as never))).toBe(expected);
  });

  it("says which timestamp is wrong", () => {
    const r = assignClient({ user: jane, clientId: 42, now: T0, expiresAt: Number.NaN });
    expect(r).toMatchObject({
      ok: false,
      error: { code: "invalid_timestamp", path: ["expiresAt"], input: Number.NaN },
    });
  });
});

describe("grantPortalAccess", () => {
  it("activates a pending assignment at now", () => {
    expect(grantPortalAccess(pending(), T0 + HOUR)).toEqual({
      ok: true,
      value: { ...pending(), status: "active", activatedAt: T0 + HOUR },
    });
  });

  it("keeps the caller's extra fields", () => {
    const withId = { ...pending(), id: "a-1" } as Assignment;
    expect(grantPortalAccess(withId, T0)).toMatchObject({ ok: true, value: { id: "a-1" } });
  });

  it.each([
    [active(), "active"],
    [pending({ status: "removed", removedAt: T0 }), "removed"],
    [pending({ status: "expired", expiresAt: T0 }), "expired"],
  ] as const)("refuses to grant an assignment that is %s", (assignment, from) => {
    expect(grantPortalAccess(assignment, T0 + 2 * HOUR)).toMatchObject({
      ok: false,
      error: { code: "invalid_transition", from, to: "active" },
    });
  });

  it("refuses a grant before the assignment or after its expiry", () => {
    expect(code(grantPortalAccess(pending(), T0 - 1))).toBe("time_out_of_order");
    expect(code(grantPortalAccess(pending({ expiresAt: T0 + HOUR }), T0 + HOUR))).toBe(
      "assignment_expired",
    );
  });

  it("refuses malformed assignments and times", () => {
    expect(grantPortalAccess(undefined as never, T0)).toMatchObject({
      error: { code: "invalid_record", path: ["assignment"], input: undefined },
    });
    expect(grantPortalAccess({ ...pending(), status: "paused" } as never, T0)).toMatchObject({
      error: { code: "invalid_record", path: ["assignment", "status"], input: "paused" },
    });
    expect(grantPortalAccess({ ...pending(), clientId: -3 }, T0)).toMatchObject({
      error: { code: "invalid_client_id", path: ["assignment", "clientId"], input: -3 },
    });
    expect(grantPortalAccess(pending({ status: "active" }), T0)).toMatchObject({
      error: { code: "invalid_timestamp", path: ["assignment", "activatedAt"], input: undefined },
    });
    expect(grantPortalAccess(pending({ activatedAt: T0 - 1 }), T0)).toMatchObject({
      error: { code: "invalid_record", path: ["assignment", "activatedAt"], input: T0 - 1 },
    });
    expect(grantPortalAccess(pending(), Number.NaN)).toMatchObject({
      error: { code: "invalid_timestamp", path: ["now"] },
    });
  });
});

describe("removeClientAccess", () => {
  it("removes a pending or active assignment with the typed confirmation REMOVE", () => {
    expect(REMOVE_CONFIRMATION).toBe("REMOVE");
    expect(removeClientAccess(active(), "REMOVE", T0 + 2 * HOUR)).toEqual({
      ok: true,
      value: { ...active(), status: "removed", removedAt: T0 + 2 * HOUR },
    });
    expect(removeClientAccess(pending(), "REMOVE", T0)).toMatchObject({
      ok: true,
      value: { status: "removed", removedAt: T0 },
    });
  });

  it.each(["REMOVE ", "remove", " REMOVE", "Remove", "", undefined, null, ["REMOVE"]])(
    "refuses the confirmation %j",
    (confirmation) => {
      expect(removeClientAccess(active(), confirmation as string, T0 + 2 * HOUR)).toEqual({
        ok: false,
        error: {
          code: "confirmation_required",
          message: expect.stringContaining("REMOVE"),
          path: ["confirmation"],
          expected: "REMOVE",
          input: confirmation,
        },
      });
    },
  );

  it("refuses to remove twice or to remove an expired assignment", () => {
    const once = removeClientAccess(active(), "REMOVE", T0 + 2 * HOUR);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    expect(removeClientAccess(once.value, "REMOVE", T0 + 3 * HOUR)).toMatchObject({
      ok: false,
      error: { code: "invalid_transition", from: "removed", to: "removed" },
    });
    expect(
      removeClientAccess(pending({ status: "expired", expiresAt: T0 }), "REMOVE", T0 + HOUR),
    ).toMatchObject({ ok: false, error: { code: "invalid_transition", from: "expired" } });
  });

  it("refuses to remove before activation, or after an expiry that already ended it", () => {
    expect(code(removeClientAccess(active(), "REMOVE", T0))).toBe("time_out_of_order");
    expect(
      code(removeClientAccess(active({ expiresAt: T0 + 2 * HOUR }), "REMOVE", T0 + 3 * HOUR)),
    ).toBe("assignment_expired");
  });
});

describe("expireAssignment", () => {
  it("expires a pending or active assignment once its expiry has passed", () => {
    const a = active({ expiresAt: T0 + 2 * HOUR });
    expect(expireAssignment(a, T0 + 2 * HOUR)).toEqual({
      ok: true,
      value: { ...a, status: "expired" },
    });
    expect(code(expireAssignment(a, T0 + HOUR))).toBe("not_expired");
    expect(code(expireAssignment(active(), T0 + 10 * HOUR))).toBe("not_expired");
    expect(
      expireAssignment(pending({ status: "removed", removedAt: T0, expiresAt: T0 }), T0 + HOUR),
    ).toMatchObject({
      ok: false,
      error: { code: "invalid_transition", from: "removed", to: "expired" },
    });
  });
});

describe("removeEmployee", () => {
  const others: Assignment[] = [
    pending({ partnerId: "northwind", clientId: 1 }), // same address, another partner
    active({ email: "max@acme.com", clientId: 1 }), // another user
    pending({ status: "removed", clientId: 9, removedAt: T0 }), // already removed
  ];

  it("revokes every pending or active assignment of the user: 3 clients, 3 revocations", () => {
    const mine = [
      active({ clientId: 1 }),
      pending({ clientId: 2, email: "JANE@acme.com" }),
      active({ clientId: 3 }),
    ];
    const all = [others[0]!, mine[0]!, others[1]!, mine[1]!, others[2]!, mine[2]!];
    const now = T0 + 5 * HOUR;
    const r = removeEmployee({ partnerId: "acme", email: " Jane@Acme.com " }, all, now);
    expect(r.revoked).toEqual(mine.map((a) => ({ ...a, status: "removed", removedAt: now })));
    expect(r.assignments).toEqual([
      others[0],
      r.revoked[0],
      others[1],
      r.revoked[1],
      others[2],
      r.revoked[2],
    ]);
    // untouched assignments are the very same objects
    expect(r.assignments[0]).toBe(others[0]);
    expect(r.assignments[2]).toBe(others[1]);
    expect(r.assignments[4]).toBe(others[2]);
  });

  it("marks an assignment whose expiry already passed as expired rather than removed", () => {
    const lapsed = active({ expiresAt: T0 + 2 * HOUR });
    const r = removeEmployee(
      { partnerId: "acme", email: "jane@acme.com" },
      [lapsed],
      T0 + 3 * HOUR,
    );
    expect(r.revoked).toEqual([{ ...lapsed, status: "expired" }]);
  });

  it("never dates a removal before the assignment began (clock skew)", () => {
    const r = removeEmployee({ partnerId: "acme", email: "jane@acme.com" }, [active()], T0);
    expect(r.revoked).toEqual([{ ...active(), status: "removed", removedAt: T0 + HOUR }]);
  });

  it("changes nothing for an invalid address, partner or time, and says why", () => {
    const list = [active(), 7 as unknown as Assignment];
    for (const [who, now, issue] of [
      [{ partnerId: "acme", email: "jane" }, T0 + 5 * HOUR, ["invalid_email", "employee", "email"]],
      [
        { partnerId: "", email: "jane@acme.com" },
        T0 + 5 * HOUR,
        ["invalid_partner_id", "employee", "partnerId"],
      ],
      [{ partnerId: "acme", email: "jane@acme.com" }, Number.NaN, ["invalid_timestamp", "now"]],
      [{ partnerId: "acme", email: "jane@acme.com" }, 1.5, ["invalid_timestamp", "now"]],
    ] as const) {
      const r = removeEmployee(who, list, now);
      expect(r.revoked).toEqual([]);
      expect(r.assignments).toEqual(list);
      const [code, ...path] = issue;
      expect(r.issues).toEqual([expect.objectContaining({ code, path })]);
    }
    expect(
      removeEmployee({ partnerId: "acme", email: "jane@acme.com" }, null as never, T0),
    ).toEqual({
      revoked: [],
      assignments: [],
      issues: [
        expect.objectContaining({ code: "invalid_list", path: ["assignments"], input: null }),
      ],
    });
  });

  it("leaves garbage and other users' records alone, and reports the employee's malformed ones", () => {
    const broken = { ...active({ clientId: 5 }), activatedAt: 1.5 } as Assignment;
    const list = [7 as unknown as Assignment, broken, active({ clientId: 6 })];
    const r = removeEmployee({ partnerId: "acme", email: "jane@acme.com" }, list, T0 + 5 * HOUR);
    expect(r.revoked.map((a) => a.clientId)).toEqual([6]);
    expect(r.assignments[0]).toBe(list[0]);
    expect(r.assignments[1]).toBe(broken);
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: "invalid_timestamp",
        path: ["assignments", 1, "activatedAt"],
        input: 1.5,
      }),
    ]);
  });
});

describe("removeEmployee: a stored record without an email", () => {
  it("leaves it as it is and revokes the others", () => {
    const odd = { ...active({ clientId: 7 }), email: 42 } as unknown as Assignment;
    const now = T0 + 5 * HOUR;
    const r = removeEmployee({ partnerId: "acme", email: "jane@acme.com" }, [odd, active()], now);
    expect(r.assignments[0]).toBe(odd);
    expect(r.revoked).toEqual([{ ...active(), status: "removed", removedAt: now }]);
    expect(r.issues ?? []).toEqual([]);
  });
});

describe("assignClients and assignEmployees", () => {
  it("assigns many clients to one employee, with a result per client", () => {
    const r = assignClients({
      user: jane,
      clientIds: [1, 2, 1, -5],
      now: T0,
      clientsWithPortalAccess: [2],
    });
    expect(r.results.map((x) => [x.clientId, code(x.result)])).toEqual([
      [1, "ok"],
      [2, "ok"],
      [1, "duplicate_in_request"],
      [-5, "invalid_client_id"],
    ]);
    expect(r.assignments.map((a) => [a.clientId, a.status])).toEqual([
      [1, "pending_access"],
      [2, "active"],
    ]);
    expect(r.results[2]!.result).toMatchObject({
      error: { path: ["clientIds", 2], firstPath: ["clientIds", 0], input: 1 },
    });
    expect(r.results[3]!.result).toMatchObject({
      error: { code: "invalid_client_id", path: ["clientIds", 3], input: -5 },
    });
  });

  it("refuses every client for an untagged employee", () => {
    const r = assignClients({ user: { ...jane, tagged: false }, clientIds: [1, 2], now: T0 });
    expect(r.results.map((x) => code(x.result))).toEqual(["not_tagged", "not_tagged"]);
    expect(r.assignments).toEqual([]);
  });

  it("assigns many employees to one client, with a result per employee", () => {
    const users: PartnerUser[] = [
      jane,
      { partnerId: "acme", email: "max@gmail.com", tagged: true },
      { partnerId: "acme", email: "li@acme.com", tagged: false },
      { partnerId: "acme", email: "JANE@acme.com", tagged: true },
    ];
    const r = assignEmployees({
      users,
      clientId: 42,
      now: T0,
      usersWithPortalAccess: ["MAX@gmail.com"],
      expiresAt: T0 + HOUR,
    });
    expect(r.results.map((x) => [x.user, code(x.result)])).toEqual([
      [users[0], "ok"],
      [users[1], "ok"],
      [users[2], "not_tagged"],
      [users[3], "duplicate_in_request"],
    ]);
    expect(r.assignments).toEqual([
      {
        partnerId: "acme",
        clientId: 42,
        email: "Jane@ACME.com",
        status: "pending_access",
        assignedAt: T0,
        expiresAt: T0 + HOUR,
      },
      {
        partnerId: "acme",
        clientId: 42,
        email: "max@gmail.com",
        status: "active",
        assignedAt: T0,
        activatedAt: T0,
        expiresAt: T0 + HOUR,
      },
    ]);
  });

  it("assigns nothing when the request cannot be read, and says why", () => {
    expect(assignClients({ user: jane, clientIds: 5 as never, now: T0 })).toEqual({
      results: [],
      assignments: [],
      issues: [expect.objectContaining({ code: "invalid_list", path: ["clientIds"], input: 5 })],
    });
    expect(assignEmployees(undefined as never)).toEqual({
      results: [],
      assignments: [],
      issues: [expect.objectContaining({ code: "invalid_record", input: undefined })],
    });
    expect(assignEmployees(undefined as never).issues?.[0]).not.toHaveProperty("path");
  });

  it("puts each user's issues under its place in the list", () => {
    const r = assignEmployees({
      users: [jane, { ...jane, email: "jane" }, { ...jane, email: "JANE@acme.com" }],
      clientId: 42,
      now: T0,
    });
    expect(
      r.results.map((x) => (x.result.ok ? "ok" : [x.result.error.code, x.result.error.path])),
    ).toEqual([
      "ok",
      ["invalid_email", ["users", 1, "email"]],
      ["duplicate_in_request", ["users", 2]],
    ]);
    expect(r.results[2]!.result).toMatchObject({ error: { firstPath: ["users", 0] } });
  });

  it("refuses a user whose partnerId is not a string as invalid, never as a duplicate", () => {
    // A boxed "acme" serialises like jane's partnerId and a bigint does not
    // serialise at all: neither is a partner id, so neither has an identity.
    const boxed = { ...jane, partnerId: new String("acme") } as unknown as PartnerUser;
    const big = { ...jane, partnerId: 7n } as unknown as PartnerUser;
    const r = assignEmployees({ users: [jane, boxed, big], clientId: 42, now: T0 });
    expect(
      r.results.map((x) => (x.result.ok ? "ok" : [x.result.error.code, x.result.error.path])),
    ).toEqual([
      "ok",
      ["invalid_partner_id", ["users", 1, "partnerId"]],
      ["invalid_partner_id", ["users", 2, "partnerId"]],
    ]);
    expect(r.assignments).toHaveLength(1);
  });
});

describe("isAssignmentActiveAt", () => {
  it("is active over [activatedAt, removedAt ?? expiresAt ?? ∞)", () => {
    const a = active();
    expect(isAssignmentActiveAt(a, T0 + HOUR - 1)).toBe(false);
    expect(isAssignmentActiveAt(a, T0 + HOUR)).toBe(true);
    expect(isAssignmentActiveAt(a, T0 + 1000 * HOUR)).toBe(true);
    const removed = active({
      status: "removed",
      removedAt: T0 + 2 * HOUR,
      expiresAt: T0 + 3 * HOUR,
    });
    expect(isAssignmentActiveAt(removed, T0 + 2 * HOUR - 1)).toBe(true);
    expect(isAssignmentActiveAt(removed, T0 + 2 * HOUR)).toBe(false);
    const expiring = active({ expiresAt: T0 + 3 * HOUR });
    expect(isAssignmentActiveAt(expiring, T0 + 3 * HOUR - 1)).toBe(true);
    expect(isAssignmentActiveAt(expiring, T0 + 3 * HOUR)).toBe(false);
  });

  it("is never active while pending, nor for garbage", () => {
    expect(isAssignmentActiveAt(pending({ activatedAt: T0 }), T0 + HOUR)).toBe(false);
    expect(isAssignmentActiveAt(undefined as never, T0)).toBe(false);
    expect(isAssignmentActiveAt(active(), Number.NaN)).toBe(false);
  });
});

describe("every refusal of a transition, whole", () => {
  it("invalid_transition says what the assignment is and what it cannot become", () => {
    expect(grantPortalAccess(active(), T0 + 2 * HOUR)).toEqual({
      ok: false,
      error: {
        code: "invalid_transition",
        message: "The assignment is already active, so it cannot become active.",
        path: ["assignment", "status"],
        input: "active",
        from: "active",
        to: "active",
      },
    });
    expect(
      expireAssignment(pending({ status: "removed", removedAt: T0, expiresAt: T0 }), T0 + HOUR),
    ).toEqual({
      ok: false,
      error: {
        code: "invalid_transition",
        message: "The assignment was removed, so it cannot become expired.",
        path: ["assignment", "status"],
        input: "removed",
        from: "removed",
        to: "expired",
      },
    });
  });

  it("time_out_of_order and assignment_expired point at now", () => {
    expect(removeClientAccess(active(), "REMOVE", T0)).toEqual({
      ok: false,
      error: {
        code: "time_out_of_order",
        message: "This change is dated before the assignment was made or activated.",
        path: ["now"],
        input: T0,
        now: T0,
        earliest: T0 + HOUR,
      },
    });
    expect(grantPortalAccess(pending({ expiresAt: T0 + HOUR }), T0 + HOUR)).toEqual({
      ok: false,
      error: {
        code: "assignment_expired",
        message: "The assignment has already expired; mark it expired instead.",
        path: ["now"],
        input: T0 + HOUR,
        expiresAt: T0 + HOUR,
        now: T0 + HOUR,
      },
    });
  });

  it("not_expired tells an assignment without expiry from one whose expiry is ahead", () => {
    expect(expireAssignment(active(), T0 + 10 * HOUR)).toEqual({
      ok: false,
      error: {
        code: "not_expired",
        message: "The assignment has no expiry.",
        path: ["assignment", "expiresAt"],
        input: undefined,
        expiresAt: null,
        now: T0 + 10 * HOUR,
      },
    });
    expect(expireAssignment(active({ expiresAt: T0 + 2 * HOUR }), T0 + HOUR)).toEqual({
      ok: false,
      error: {
        code: "not_expired",
        message: "The assignment's expiry has not come yet.",
        path: ["now"],
        input: T0 + HOUR,
        expiresAt: T0 + 2 * HOUR,
        now: T0 + HOUR,
      },
    });
  });

  it("a malformed assignment is reported before a bad now", () => {
    expect(grantPortalAccess({ ...pending(), clientId: -3 }, Number.NaN)).toMatchObject({
      error: { code: "invalid_client_id", path: ["assignment", "clientId"] },
    });
    expect(expireAssignment(undefined as never, Number.NaN)).toMatchObject({
      error: { code: "invalid_record", path: ["assignment"] },
    });
  });

  it("an expired or removed assignment with a lapsed expiry is not expired again", () => {
    for (const status of ["removed", "expired"] as const)
      expect(
        expireAssignment(
          active({ status, removedAt: T0 + 2 * HOUR, expiresAt: T0 + 2 * HOUR }),
          T0 + 3 * HOUR,
        ),
      ).toMatchObject({ ok: false, error: { code: "invalid_transition", from: status } });
  });
});

describe("isAssignmentActiveAt, at the edges of its interval", () => {
  it("is false before activation, true from it, false from the end on", () => {
    const a = active({ expiresAt: T0 + 3 * HOUR });
    expect(isAssignmentActiveAt(a, T0 + HOUR - 1)).toBe(false);
    expect(isAssignmentActiveAt(a, T0 + HOUR)).toBe(true);
    expect(isAssignmentActiveAt(a, T0 + 3 * HOUR - 1)).toBe(true);
    expect(isAssignmentActiveAt(a, T0 + 3 * HOUR)).toBe(false);
    expect(isAssignmentActiveAt(active(), T0 + 1000 * HOUR)).toBe(true);
    expect(isAssignmentActiveAt(pending({ activatedAt: T0 }), T0 + HOUR)).toBe(false);
  });

  it("is never true for an assignment removed before it was activated", () => {
    const removed = pending({ status: "removed", removedAt: T0 + 2 * HOUR });
    expect(isAssignmentActiveAt(removed, T0 + HOUR)).toBe(false);
  });
});

describe("a malformed assignment record, whole", () => {
  it("names the statuses there are", () => {
    expect(grantPortalAccess({ ...pending(), status: "paused" } as never, T0)).toEqual({
      ok: false,
      error: {
        code: "invalid_record",
        message: "The assignment's status must be one of pending_access, active, removed, expired.",
        path: ["assignment", "status"],
        input: "paused",
      },
    });
  });

  it("refuses an activation before the assignment, and takes one at the same moment", () => {
    expect(grantPortalAccess(pending({ activatedAt: T0 - 1 }), T0 + HOUR)).toEqual({
      ok: false,
      error: {
        code: "invalid_record",
        message: "activatedAt cannot be before assignedAt.",
        path: ["assignment", "activatedAt"],
        input: T0 - 1,
      },
    });
    expect(removeClientAccess(active({ activatedAt: T0 }), "REMOVE", T0 + HOUR)).toEqual({
      ok: true,
      value: { ...active({ activatedAt: T0 }), status: "removed", removedAt: T0 + HOUR },
    });
    // An activation time on any status is checked, not only on an active one.
    expect(
      expireAssignment(pending({ activatedAt: T0 - 1, expiresAt: T0 + HOUR }), T0 + HOUR),
    ).toMatchObject({
      ok: false,
      error: { code: "invalid_record", path: ["assignment", "activatedAt"], input: T0 - 1 },
    });
  });

  it.each([
    ["active", "activatedAt"],
    ["removed", "removedAt"],
    ["expired", "expiresAt"],
  ] as const)("an assignment that is %s needs %s", (status, time) => {
    expect(grantPortalAccess(pending({ status }), T0 + HOUR)).toEqual({
      ok: false,
      error: {
        code: "invalid_timestamp",
        message: `An assignment that is ${status} needs ${time}.`,
        path: ["assignment", time],
        input: undefined,
      },
    });
  });

  it("checks each optional time that is there", () => {
    for (const time of ["activatedAt", "removedAt", "expiresAt"] as const) {
      expect(grantPortalAccess(pending({ [time]: 1.5 }), T0 + HOUR), time).toMatchObject({
        ok: false,
        error: { code: "invalid_timestamp", path: ["assignment", time], input: 1.5 },
      });
    }
  });
});
