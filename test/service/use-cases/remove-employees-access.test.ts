import { describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { manager, setup, T0 } from "../fixtures.js";
import { overriding } from "../overrides.js";

const UNEXPECTED =
  "Something other than the repository failed (the clock, a caller-supplied list, or a bug).";

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? "removed" : r.error?.code);

async function assigned() {
  const world = await setup();
  await world.service.assignEmployees({
    actor: manager(),
    partnerId: "acme",
    clientId: 42,
    emails: ["jane@acme.com", "free@gmail.com"],
  });
  return world;
}

describe("removeEmployeesAccess", () => {
  it("removes each chosen employee's access to the client, one result each, confirmed once", async () => {
    const { repository, service } = await assigned();
    const r = await service.removeEmployeesAccess({
      actor: manager(),
      partnerId: "acme",
      clientId: 42,
      emails: ["JANE@acme.com", "sam@acme.com", "free@gmail.com", "jane@acme.com"],
      confirmation: "REMOVE",
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.results.map((x) => [x.email, codeOf(x.result)])).toEqual([
      ["JANE@acme.com", "removed"],
      ["sam@acme.com", "assignment_not_found"],
      ["free@gmail.com", "removed"],
      ["jane@acme.com", "duplicate_in_request"],
    ]);
    const first = r.value.results[0]!.result;
    expect(first.ok && first.value.assignment.value).toMatchObject({
      status: "removed",
      removedAt: T0 + 2_000,
    });
    expect(r.value.events.map((e) => e.type)).toEqual([
      "client_access_removed",
      "client_access_removed",
    ]);
    expect(await repository.listEmailLinks({ clientId: 42 })).toEqual([]);
    expect(await repository.listAssignments({ clientId: 42, live: true })).toEqual([]);
  });

  it("removes nothing without REMOVE", async () => {
    const { repository, service } = await assigned();
    const before = repository.snapshot();
    const r = await service.removeEmployeesAccess({
      actor: manager(),
      partnerId: "acme",
      clientId: 42,
      emails: ["jane@acme.com"],
      confirmation: "remove",
    });
    expect(r.ok || r.error).toMatchObject({
      code: "confirmation_required",
      path: ["confirmation"],
      expected: "REMOVE",
      input: "remove",
    });
    expect(repository.snapshot()).toEqual(before);
  });

  it("frees the addresses for another partner", async () => {
    const { service } = await assigned();
    const rival = { userId: "r", partnerId: "rival", superAdmin: true, permissions: [] };
    const blocked = await service.assignClient({
      actor: rival,
      partnerId: "rival",
      email: "free@gmail.com",
      clientId: 42,
    });
    expect(blocked.ok || blocked.error.code).toBe("email_linked_to_another_partner");
    await service.removeEmployeesAccess({
      actor: manager(),
      partnerId: "acme",
      clientId: 42,
      emails: ["free@gmail.com"],
      confirmation: "REMOVE",
    });
    const freed = await service.assignClient({
      actor: rival,
      partnerId: "rival",
      email: "free@gmail.com",
      clientId: 42,
    });
    expect(freed.ok).toBe(true);
  });

  // Removes jane@acme.com and free@gmail.com, with the store answering
  // `answer` for free@gmail.com's update.
  async function removeBothWhileTheStoreAnswers(answer: unknown) {
    const { repository } = await assigned();
    const before = repository.snapshot();
    const service = createPartnerAccessService({
      repository: overriding(repository, {
        updateAssignment: async (real, ...args) =>
          (args[1] as { email: string }).email === "free@gmail.com" ? answer : real(...args),
      }),
      clock: () => T0 + 10_000,
    });
    const r = await service.removeEmployeesAccess({
      actor: manager(),
      partnerId: "acme",
      clientId: 42,
      emails: ["jane@acme.com", "free@gmail.com"],
      confirmation: "REMOVE",
    });
    return { r, repository, before };
  }

  // rule: a stale assignment is that address's own result and the others
  // go on; the stale address keeps its link with its live assignment.
  it("gives a stale assignment its own result, keeping its link, and removes the others", async () => {
    const { r, repository } = await removeBothWhileTheStoreAnswers({
      status: "version_conflict",
      current: null,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.results.map((x) => [x.email, codeOf(x.result)])).toEqual([
      ["jane@acme.com", "removed"],
      ["free@gmail.com", "version_conflict"],
    ]);
    expect(r.value.events.map((e) => e.type)).toEqual(["client_access_removed"]);
    expect(
      (await repository.listAssignments({ clientId: 42, live: true })).map((a) => a.emailKey),
    ).toEqual(["free@gmail.com"]);
    expect(await repository.getEmailLink(42, "free@gmail.com")).toMatchObject({
      partnerId: "acme",
    });
    expect(await repository.getEmailLink(42, "jane@acme.com")).toBeNull();
  });

  // rule: a store that refuses the record it is given points at a bug, so
  // the whole request is unexpected_error and nothing of it is kept.
  it("fails the whole request, keeping nothing, when the store refuses a record", async () => {
    const { r, repository, before } = await removeBothWhileTheStoreAnswers({
      status: "invalid_record",
      issues: [{ code: "invalid_record", message: "No.", input: 1 }],
    });
    expect(r).toEqual({
      ok: false,
      error: { code: "unexpected_error", message: UNEXPECTED, cause: expect.any(TypeError) },
    });
    expect(repository.snapshot()).toEqual(before);
  });
});
