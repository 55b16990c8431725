import { describe, expect, it } from "vitest";
import type { Period } from "../../../src/model.js";
import type { ListActivitiesOptions } from "../../../src/ports/repository.js";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { admin, DAY, manager, setup, T0 } from "../fixtures.js";
import { overriding } from "../overrides.js";

const UNEXPECTED =
  "Something other than the repository failed (the clock, a caller-supplied list, or a bug).";
const period = { start: T0, end: T0 + 31 * DAY };

async function janeActive() {
  const { repository, service } = await setup();
  const r = await service.assignClient({
    actor: admin(),
    partnerId: "acme",
    email: "jane@acme.com",
    clientId: 42,
    hasPortalAccess: true,
  });
  if (!r.ok) throw new Error(r.error.message);
  await repository.recordActivities([
    { clientId: 42, email: "jane@acme.com", at: T0 + DAY },
    { clientId: 42, email: "jane@acme.com", at: T0 + 2 * DAY },
  ]);
  return repository;
}

describe("attributeCredit over a store's pages", () => {
  // rule: the service follows the store's own cursors; a store that refuses
  // one (invalid_cursor) is unexpected_error.
  it("is unexpected_error when the store refuses its own cursor", async () => {
    const repository = await janeActive();
    const cursors: unknown[] = [];
    const progress: unknown[] = [];
    const service = createPartnerAccessService({
      repository: overriding(repository, {
        listActivities: async (real, ...args) => {
          const options = args[1] as ListActivitiesOptions;
          cursors.push(options.after);
          if (options.after === null) {
            return real(args[0] as Period, { ...options, limit: 1 });
          }
          return { status: "invalid_cursor", cursor: options.after };
        },
      }),
      clock: () => T0 + 40 * DAY,
    });
    const r = await service.attributeCredit({
      actor: manager(),
      partnerId: "acme",
      period,
      onProgress: (p: unknown) => progress.push(p),
    });
    expect(r).toEqual({
      ok: false,
      error: { code: "unexpected_error", message: UNEXPECTED, cause: expect.any(TypeError) },
    });
    expect(!r.ok && (r.error as { cause?: Error }).cause?.message).toBe(
      "The repository refused its own cursor.",
    );
    expect(cursors).toEqual([null, expect.any(String)]);
    expect(progress).toEqual([{ done: 1 }]);
  });

  it("follows every page to the end, reporting the progress", async () => {
    const repository = await janeActive();
    const progress: unknown[] = [];
    const service = createPartnerAccessService({
      repository: overriding(repository, {
        listActivities: (real, ...args) =>
          real(args[0], { ...(args[1] as ListActivitiesOptions), limit: 1 }),
      }),
      clock: () => T0 + 40 * DAY,
    });
    const r = await service.attributeCredit({
      actor: manager(),
      partnerId: "acme",
      period,
      onProgress: (p: unknown) => progress.push(p),
    });
    const whole = await createPartnerAccessService({
      repository,
      clock: () => T0 + 40 * DAY,
    }).attributeCredit({ actor: manager(), partnerId: "acme", period });
    expect(whole.ok && whole.value.credit.points).toBeGreaterThan(0);
    expect(r).toEqual(whole);
    // one report per page, counting the activities so far
    expect(progress).toEqual([{ done: 1 }, { done: 2 }]);
  });

  // rule: an activity the store answers that is not a valid record is the
  // attribution's own refusal, invalid_attribution_input naming it, as the
  // full computation would give it (not a failure of the service).
  it("refuses an invalid activity in the store's pages as invalid_attribution_input", async () => {
    const repository = await janeActive();
    const service = createPartnerAccessService({
      repository: overriding(repository, {
        listActivities: async (real, ...args) => {
          const page = (await real(...args)) as { activities: unknown[] };
          return { ...page, activities: [...page.activities, { clientId: 42, email: 7, at: T0 }] };
        },
      }),
      clock: () => T0 + 40 * DAY,
    });
    const r = await service.attributeCredit({ actor: manager(), partnerId: "acme", period });
    expect(r.ok || r.error).toMatchObject({
      code: "invalid_attribution_input",
      issues: [
        expect.objectContaining({
          code: "invalid_email",
          path: ["activities", 2, "email"],
          input: 7,
        }),
      ],
    });
  });

  it("refuses a currency table that is not an object, before reading anything", async () => {
    const repository = await janeActive();
    const calls: string[] = [];
    const service = createPartnerAccessService({
      repository: overriding(repository, {}, calls),
      clock: () => T0 + 40 * DAY,
    });
    const r = await service.attributeCredit({
      actor: manager(),
      partnerId: "acme",
      period,
      currencyTable: 7,
    } as never);
    expect(r).toEqual({
      ok: false,
      error: {
        code: "invalid_request",
        message: "The request is not valid: currencyTable; see issues.",
        issues: [
          {
            code: "invalid_record",
            message: "A currency table is an object.",
            path: ["currencyTable"],
            input: 7,
          },
        ],
      },
    });
    expect(calls).toEqual([]);
  });
});
