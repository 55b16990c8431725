import { describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { refusedRecord } from "../../../src/service/steps/failures.js";
import { admin, manager, setup, T0 } from "../fixtures.js";
import { overriding } from "../overrides.js";

const UNEXPECTED =
  "Something other than the repository failed (the clock, a caller-supplied list, or a bug).";
const WRITES = ["linkEmail", "insertAssignment", "updateAssignment", "unlinkEmail", "saveUser"];

const jane = (at: number) => ({
  partnerId: "acme",
  clientId: 42,
  email: "jane@acme.com",
  status: "pending_access" as const,
  assignedAt: at,
});

describe("refusedRecord", () => {
  it("is unexpected_error whose cause names every issue of the store", () => {
    const r = refusedRecord({
      status: "invalid_record",
      issues: [
        { code: "invalid_record", message: "Bad email.", path: ["email"], input: 1 },
        { code: "invalid_record", message: "Bad time.", path: ["assignedAt"], input: 2 },
      ],
    });
    expect(r).toEqual({
      code: "unexpected_error",
      message: UNEXPECTED,
      cause: expect.any(TypeError),
    });
    expect((r.cause as Error).message).toBe(
      "The repository refused a record: Bad email. Bad time.",
    );
  });
});

describe("placing an assignment", () => {
  // rule: a partner has one live assignment per client and address; a
  // second one is already_assigned, with the live one, and writes nothing
  // (no link, no insert), without the events of a conflict.
  it("refuses the partner's second live assignment before linking or inserting", async () => {
    const { repository } = await setup();
    const calls: string[] = [];
    let tick = 0;
    const service = createPartnerAccessService({
      repository: overriding(repository, {}, calls),
      clock: () => T0 + ++tick * 1_000,
    });
    const request = { actor: admin(), partnerId: "acme", email: "jane@acme.com", clientId: 42 };
    const first = await service.assignClient(request);
    if (!first.ok) throw new Error(first.error.message);
    expect(calls.filter((c) => WRITES.includes(c))).toEqual(["linkEmail", "insertAssignment"]);
    calls.length = 0;
    const before = repository.snapshot();
    const again = await service.assignClient({ ...request, email: "JANE@acme.com" });
    expect(again).toStrictEqual({
      ok: false,
      error: {
        code: "already_assigned",
        message: "jane@acme.com is already assigned to client 42 (pending_access).",
        assignment: first.value.assignment,
      },
    });
    expect(calls.filter((c) => WRITES.includes(c))).toEqual([]);
    expect(repository.snapshot()).toEqual(before);
  });

  // Imported data: the partner's live assignment with no link. It is still
  // already_assigned, and the batch links nothing for it.
  it("refuses an imported live assignment without a link, and links nothing for it", async () => {
    const { repository, service } = await setup();
    const imported = await repository.insertAssignment(jane(T0));
    if (imported.status !== "inserted") throw new Error(imported.status);
    const r = await service.assignEmployees({
      actor: manager(),
      partnerId: "acme",
      clientId: 42,
      emails: ["jane@acme.com", "free@gmail.com"],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.results[0]).toStrictEqual({
      email: "jane@acme.com",
      result: {
        ok: false,
        error: {
          code: "already_assigned",
          message: "jane@acme.com is already assigned to client 42 (pending_access).",
          assignment: imported.record,
        },
      },
    });
    expect(r.value.results[1]?.result.ok).toBe(true);
    expect(r.value.events.map((e) => e.type)).toEqual([
      "client_assigned",
      "client_access_requested",
    ]);
    expect((await repository.listEmailLinks({ clientId: 42 })).map((l) => l.emailKey)).toEqual([
      "free@gmail.com",
    ]);
    expect(await repository.listAssignments({ clientId: 42, emailKey: "jane@acme.com" })).toEqual([
      imported.record,
    ]);
  });

  // Imported data: another partner's live assignment of the address with
  // no link. The stored assignments show the conflict: refused, with the
  // event, and nothing linked or inserted.
  it("refuses an address another partner's stored assignment holds, even without a link", async () => {
    const { repository } = await setup();
    const imported = await repository.insertAssignment({
      partnerId: "rival",
      clientId: 42,
      email: "free@gmail.com",
      status: "pending_access",
      assignedAt: T0,
    });
    if (imported.status !== "inserted") throw new Error(imported.status);
    const calls: string[] = [];
    const service = createPartnerAccessService({
      repository: overriding(repository, {}, calls),
      clock: () => T0 + 1_000,
    });
    const before = repository.snapshot();
    const r = await service.assignClient({
      actor: admin(),
      partnerId: "acme",
      email: "Free@gmail.com",
      clientId: 42,
    });
    expect(r.ok || r.error).toMatchObject({
      code: "email_linked_to_another_partner",
      clientId: 42,
      holder: { partnerId: "rival", email: "free@gmail.com", assignedAt: T0 },
      events: [
        {
          type: "email_conflict_refused",
          partnerId: "acme",
          clientId: 42,
          holder: { partnerId: "rival", email: "free@gmail.com", assignedAt: T0 },
          at: T0 + 1_000,
          actor: admin(),
        },
      ],
    });
    expect(calls.filter((c) => WRITES.includes(c))).toEqual([]);
    expect(repository.snapshot()).toEqual(before);
  });

  // A race: the rival linked the address to the client and has not
  // inserted its assignment yet, so only the atomic link shows the holder.
  // The refusal names the holder's address as the link stores it.
  it("refuses an address another partner's link holds with no stored assignment, inserting nothing", async () => {
    const { repository } = await setup();
    const held = await repository.linkEmail({
      clientId: 42,
      partnerId: "rival",
      email: "Free@Gmail.com",
      linkedAt: T0,
    });
    if (held.status !== "linked") throw new Error(held.status);
    const calls: string[] = [];
    const service = createPartnerAccessService({
      repository: overriding(repository, {}, calls),
      clock: () => T0 + 1_000,
    });
    const before = repository.snapshot();
    const r = await service.assignClient({
      actor: admin(),
      partnerId: "acme",
      email: "free@gmail.com",
      clientId: 42,
    });
    expect(r.ok || r.error).toMatchObject({
      code: "email_linked_to_another_partner",
      clientId: 42,
      holder: { partnerId: "rival", email: "Free@Gmail.com", assignedAt: T0 },
      events: [
        {
          type: "email_conflict_refused",
          partnerId: "acme",
          clientId: 42,
          holder: { partnerId: "rival", email: "Free@Gmail.com", assignedAt: T0 },
          at: T0 + 1_000,
        },
      ],
    });
    expect(calls.filter((c) => WRITES.includes(c))).toEqual(["linkEmail"]);
    expect(repository.snapshot()).toEqual(before);
  });

  // A race: the partner's own live assignment appears between the read of
  // the live assignments and the insert (the store refuses a second live
  // one). It is already_assigned with the one the store holds, with no
  // event, and the transaction keeps nothing.
  it("refuses as already_assigned when the store finds the partner's live one at insert", async () => {
    const { repository } = await setup();
    let existing: unknown;
    const service = createPartnerAccessService({
      repository: overriding(repository, {
        insertAssignment: async (real, ...args) => {
          const racing = (await real(...args)) as { status: string; record?: unknown };
          existing = racing.record;
          return real(...args);
        },
      }),
      clock: () => T0 + 1_000,
    });
    const r = await service.assignClient({
      actor: admin(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientId: 42,
    });
    expect(existing).toMatchObject({ value: jane(T0 + 1_000) });
    expect(r).toStrictEqual({
      ok: false,
      error: {
        code: "already_assigned",
        message: "jane@acme.com is already assigned to client 42 (pending_access).",
        assignment: existing,
      },
    });
    // ids are drawn like a sequence's, outside the rollback; the records are not kept
    expect(await repository.listAssignments({ clientId: 42 })).toEqual([]);
    expect(await repository.listEmailLinks({ clientId: 42 })).toEqual([]);
  });

  // rule: the service checks each record before writing it, so a store
  // that refuses one is unexpected_error, and nothing is kept.
  it.each(["linkEmail", "insertAssignment"] as const)(
    "is unexpected_error when %s refuses the record, and keeps nothing",
    async (method) => {
      const { repository } = await setup();
      const before = repository.snapshot();
      const calls: string[] = [];
      const service = createPartnerAccessService({
        repository: overriding(
          repository,
          {
            [method]: async () => ({
              status: "invalid_record",
              issues: [
                { code: "invalid_record", message: "No.", input: 1 },
                { code: "invalid_record", message: "Never.", input: 2 },
              ],
            }),
          },
          calls,
        ),
        clock: () => T0,
      });
      const r = await service.assignClient({
        actor: admin(),
        partnerId: "acme",
        email: "jane@acme.com",
        clientId: 42,
      });
      expect(r).toEqual({
        ok: false,
        error: { code: "unexpected_error", message: UNEXPECTED, cause: expect.any(TypeError) },
      });
      expect(!r.ok && (r.error as { cause?: Error }).cause?.message).toBe(
        "The repository refused a record: No. Never.",
      );
      // a refused link stops before the insert
      expect(calls.filter((c) => WRITES.includes(c))).toEqual(
        method === "linkEmail" ? ["linkEmail"] : ["linkEmail", "insertAssignment"],
      );
      expect(repository.snapshot()).toEqual(before);
    },
  );
});
