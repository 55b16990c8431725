import { describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../src/service/partner-access-service.js";
import { createInMemoryRepository, type InMemoryRepositoryState } from "../../src/testing/index.js";
import { call, RUN_AT, requestOf, useCases } from "./catalog.js";
import { setup } from "./fixtures.js";

// A store may roll a transaction back and run it again (a serialization
// failure). Every use case must then answer and store exactly what one run
// does: it keeps nothing outside the transaction and builds its result and
// events from the run that committed. The in-memory repository's
// `serializationFailures` reruns every transaction that many times.

// Assignment ids are never reused, so a rolled-back insert uses one up:
// compare ids by their order of appearance instead.
function normalised(value: unknown): unknown {
  const ids = new Map<string, string>();
  const rename = (id: string) => {
    if (!ids.has(id)) ids.set(id, `#${ids.size}`);
    return ids.get(id);
  };
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if ((key === "id" || key === "assignmentId") && typeof v === "string") return rename(v);
      if (key === "revokedAssignmentIds" && Array.isArray(v)) return v.map(rename);
      if (key === "nextAssignmentId" || key === "cause") return undefined;
      return v;
    }),
  );
}

async function runOn(
  state: InMemoryRepositoryState,
  failures: number,
  c: (typeof useCases)[number],
) {
  const repository = createInMemoryRepository({ initial: state, serializationFailures: failures });
  const service = createPartnerAccessService({ repository, clock: () => RUN_AT });
  const result = await call(service, c.name, requestOf(c));
  return normalised({ result, stored: repository.snapshot() });
}

describe.each(useCases)("$name", (c) => {
  it("answers and stores the same when its transaction is rerun once or three times", async () => {
    const { repository, service } = await setup();
    await c.prepare?.(service);
    const before = repository.snapshot();
    const once = await runOn(before, 0, c);
    expect((once as { result: { ok: boolean } }).result.ok).toBe(true);
    expect(await runOn(before, 1, c)).toEqual(once);
    expect(await runOn(before, 3, c)).toEqual(once);
  });
});
