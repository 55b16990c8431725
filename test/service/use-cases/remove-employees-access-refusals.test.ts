import { describe, expect, it } from "vitest";
import { admin, DAY, manager, setup, T0 } from "../fixtures.js";

const HOUR = 3_600_000;

async function janeAndFree(options: { janeExpiresAt?: number } = {}) {
  let now = T0 + 10_000;
  const world = await setup({ clock: () => now });
  const assign = (email: string, expiresAt?: number) =>
    world.service.assignClient({
      actor: admin(),
      partnerId: "acme",
      email,
      clientId: 42,
      hasPortalAccess: true,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
  const jane = await assign("jane@acme.com", options.janeExpiresAt);
  const free = await assign("free@gmail.com");
  if (!jane.ok || !free.ok) throw new Error("not assigned");
  return { ...world, jane: jane.value.assignment, at: (t: number) => (now = t) };
}

const removeBoth = {
  actor: manager(),
  partnerId: "acme",
  clientId: 42,
  emails: ["jane@acme.com", "free@gmail.com"],
  confirmation: "REMOVE",
};

describe("removeEmployeesAccess: what the rule refuses", () => {
  // rule: an assignment whose expiry has passed is not removed (it is to be
  // marked expired); that address gets the refusal, the others go on.
  it("refuses an assignment whose expiry has passed, and removes the others", async () => {
    const { repository, service, jane, at } = await janeAndFree({ janeExpiresAt: T0 + HOUR });
    at(T0 + DAY);
    const r = await service.removeEmployeesAccess(removeBoth);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.results[0]).toEqual({
      email: "jane@acme.com",
      result: {
        ok: false,
        error: {
          code: "assignment_expired",
          message: "The assignment has already expired; mark it expired instead.",
          path: ["now"],
          input: T0 + DAY,
          expiresAt: T0 + HOUR,
          now: T0 + DAY,
        },
      },
    });
    expect(r.value.results[1]?.result.ok).toBe(true);
    expect(r.value.events.map((e) => [e.type, "assignment" in e && e.assignment.email])).toEqual([
      ["client_access_removed", "free@gmail.com"],
    ]);
    expect(await repository.getAssignment(jane.id)).toEqual(jane);
    expect((await repository.getEmailLink(42, "jane@acme.com"))?.partnerId).toBe("acme");
    expect(await repository.getEmailLink(42, "free@gmail.com")).toBeNull();
  });

  // rule: a removal is never dated before the assignment was activated.
  it("refuses a removal dated before the activation, and removes the others", async () => {
    const { repository, service, jane, at } = await janeAndFree();
    at(T0 + 10_000 - 1);
    const r = await service.removeEmployeesAccess({
      ...removeBoth,
      emails: ["jane@acme.com", "sam@acme.com"],
    });
    expect(r.ok && r.value).toEqual({
      results: [
        {
          email: "jane@acme.com",
          result: {
            ok: false,
            error: {
              code: "time_out_of_order",
              message: "This change is dated before the assignment was made or activated.",
              path: ["now"],
              input: T0 + 10_000 - 1,
              now: T0 + 10_000 - 1,
              earliest: T0 + 10_000,
            },
          },
        },
        {
          email: "sam@acme.com",
          result: {
            ok: false,
            error: {
              code: "assignment_not_found",
              message:
                'Partner "acme" has no pending or active assignment of sam@acme.com to client 42.',
              partnerId: "acme",
              clientId: 42,
              email: "sam@acme.com",
            },
          },
        },
      ],
      events: [],
    });
    expect(await repository.getAssignment(jane.id)).toEqual(jane);
  });
});
