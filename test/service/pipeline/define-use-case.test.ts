import { describe, expect, it } from "vitest";
import type { AuthorizationTarget } from "../../../src/access/authorization.js";
import { ok } from "../../../src/result.js";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { defineUseCase, type ServiceDeps } from "../../../src/service/pipeline/define-use-case.js";
import { field } from "../../../src/service/pipeline/fields.js";
import { take } from "../../../src/service/pipeline/fold.js";
import { createInMemoryRepository } from "../../../src/testing/index.js";
import * as z from "../../../src/vendor/zod-mini.js";
import { admin, member, seed, T0, world } from "../fixtures.js";

const UNEXPECTED =
  "Something other than the repository failed (the clock, a caller-supplied list, or a bug).";

async function over(clock: () => unknown) {
  const repository = createInMemoryRepository();
  await seed(repository, world);
  let reads = 0;
  let transactions = 0;
  const service = createPartnerAccessService({
    repository: {
      ...repository,
      transaction: (fn) => {
        transactions++;
        return repository.transaction(fn);
      },
    },
    clock: () => {
      reads++;
      return clock() as number;
    },
  });
  return { repository, service, reads: () => reads, transactions: () => transactions };
}

const tag = { actor: admin(), partnerId: "acme", email: "sam@acme.com" };

describe("the pipeline's clock", () => {
  // rule: the clock is the caller's; an answer that is not a time is
  // unexpected_error, with a TypeError naming what it returned, and no
  // transaction is opened.
  it("refuses a clock that answers anything but a time, naming the answer", async () => {
    for (const [answer, shown] of [
      [Number.NaN, "NaN"],
      [1.5, "1.5"],
      ["2026-01-01", "2026-01-01"],
      [undefined, "undefined"],
      [1e16, "10000000000000000"],
    ] as const) {
      const { repository, service, reads, transactions } = await over(() => answer);
      const before = repository.snapshot();
      const r = await service.tagEmployee(tag);
      expect(r).toEqual({
        ok: false,
        error: { code: "unexpected_error", message: UNEXPECTED, cause: expect.any(TypeError) },
      });
      expect(!r.ok && (r.error as { cause?: Error }).cause?.message).toBe(
        `The clock returned ${shown}, not a time.`,
      );
      expect(reads()).toBe(1);
      expect(transactions()).toBe(0);
      expect(repository.snapshot()).toEqual(before);
    }
  });

  it("gives what a throwing clock threw as the cause, as it is", async () => {
    const thrown = new RangeError("no time");
    const { repository, service, transactions } = await over(() => {
      throw thrown;
    });
    const before = repository.snapshot();
    const r = await service.tagEmployee(tag);
    expect(r).toEqual({
      ok: false,
      error: { code: "unexpected_error", message: UNEXPECTED, cause: thrown },
    });
    expect(!r.ok && (r.error as { cause?: unknown }).cause).toBe(thrown);
    const odd = await over(() => {
      throw "a string";
    });
    expect(await odd.service.tagEmployee(tag)).toEqual({
      ok: false,
      error: { code: "unexpected_error", message: UNEXPECTED, cause: "a string" },
    });
    expect(transactions()).toBe(0);
    expect(repository.snapshot()).toEqual(before);
  });

  it("reads the clock once, after authorizing, and stamps the events with it", async () => {
    const { service, reads } = await over(() => T0 + 5);
    const refused = await service.tagEmployee({ ...tag, actor: member() });
    expect(!refused.ok && refused.error.code).toBe("forbidden");
    expect(reads()).toBe(0);
    const r = await service.tagEmployee(tag);
    expect(reads()).toBe(1);
    expect(r.ok && r.value.events.map((e) => [e.type, e.at])).toEqual([
      ["employee_tagged", T0 + 5],
    ]);
  });
});

describe("defineUseCase's safety net", () => {
  // rule: a use case resolves, never rejects; a throw that no step turned
  // into a result (here, the definition's own target) is unexpected_error
  // with what was thrown as the cause, and no transaction is opened.
  it("gives a throw outside every step as unexpected_error, with the cause as it is", async () => {
    const thrown = new RangeError("no target");
    const repository = createInMemoryRepository();
    let transactions = 0;
    let ran = false;
    const useCase = defineUseCase({
      action: "view_partner_employees",
      request: z.object({ actor: field.any(), partnerId: field.partnerId() }),
      target: (): AuthorizationTarget => {
        throw thrown;
      },
      run: async function* () {
        ran = true;
        yield* take(ok(undefined));
        return ok({ events: [] });
      },
    });
    const deps: ServiceDeps = {
      repository: {
        ...repository,
        transaction: (fn) => {
          transactions++;
          return repository.transaction(fn);
        },
      },
      clock: () => T0,
      domainOptions: {},
      requireDomainProof: false,
    };
    const r = await useCase(deps, { actor: admin(), partnerId: "acme" });
    expect(r).toEqual({
      ok: false,
      error: { code: "unexpected_error", message: UNEXPECTED, cause: thrown },
    });
    expect(!r.ok && (r.error as { cause?: unknown }).cause).toBe(thrown);
    expect(transactions).toBe(0);
    expect(ran).toBe(false);
  });
});
