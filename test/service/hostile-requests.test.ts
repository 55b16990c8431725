import { afterAll, describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../src/service/partner-access-service.js";
import type { InMemoryRepositoryState } from "../../src/testing/index.js";
import { call, type Outcome, RUN_AT, requestOf, type UseCaseCase, useCases } from "./catalog.js";
import { from, setup } from "./fixtures.js";

// A request whose partnerId or clientId is a getter that changes its value,
// a Proxy that answers differently on each read, or a property inherited
// from a prototype: every use case reads the request once, into a copy, so
// it either refuses it or acts exactly as on the plain request with the
// first value read. Never a cross-partner effect: the other partner's data
// stays as it was.

type Request = Record<string, unknown>;

/** `key` as an own getter: `first` on the first read, `later` afterwards. */
function shifting(request: Request, key: string, first: unknown, later: unknown): Request {
  let reads = 0;
  const copy = { ...request };
  delete copy[key];
  return Object.defineProperty(copy, key, {
    enumerable: true,
    get: () => (reads++ === 0 ? first : later),
  });
}

/** A Proxy over the request whose `key` reads `first`, then `later`. */
function proxied(request: Request, key: string, first: unknown, later: unknown): Request {
  let reads = 0;
  return new Proxy(request, {
    get: (target, k, receiver) =>
      k === key ? (reads++ === 0 ? first : later) : Reflect.get(target, k, receiver),
  });
}

/** The request with `key` only on its prototype. */
function inherited(request: Request, key: string): Request {
  const own = { ...request };
  delete own[key];
  return Object.assign(Object.create({ [key]: request[key] }), own);
}

const RIVAL_TABLES = (s: InMemoryRepositoryState) => ({
  partners: s.partners.filter((p) => p.value.partnerId === "rival"),
  claims: s.domainClaims.filter((c) => c.partnerId === "rival"),
  links: s.emailLinks.filter((l) => l.partnerId === "rival"),
  users: s.users.filter((u) => u.value.partnerId === "rival"),
  assignments: s.assignments.filter((a) => a.value.partnerId === "rival"),
});
const data = (s: InMemoryRepositoryState) => ({ ...s, nextAssignmentId: 0 });

async function start(c: UseCaseCase): Promise<InMemoryRepositoryState> {
  const { repository, service } = await setup();
  await c.prepare?.(service);
  return repository.snapshot();
}

async function run(before: InMemoryRepositoryState, c: UseCaseCase, request: unknown) {
  const repository = from(before);
  const service = createPartnerAccessService({ repository, clock: () => RUN_AT });
  const result: Outcome = await call(service, c.name, request);
  return { result, after: repository.snapshot() };
}

const summary = (r: Outcome) => (r.ok ? "ok" : r.error?.code);
let checked = 0;
afterAll(() =>
  console.log(`hostile requests: ${checked} getter, Proxy and inherited requests checked`),
);

describe.each(useCases)("$name", (c) => {
  const fields = ["partnerId", ...("clientId" in c.request ? ["clientId"] : [])];
  const other = (key: string) => (key === "partnerId" ? "rival" : 43);

  // Whatever the first read gives, the use case acts as on a plain request
  // holding that value: the partner's own value (then the other partner's
  // data is untouched), or the other one (then the actor is refused, or,
  // for a client id, the partner works on that client of its own).
  it.each(fields)("acts as on the plain request with the first value read of %s", async (key) => {
    const before = await start(c);
    const value = c.request[key];
    for (const [first, later] of [
      [value, other(key)],
      [other(key), value],
    ]) {
      const plain = await run(before, c, { ...requestOf(c), [key]: first });
      for (const make of [shifting, proxied]) {
        const hostile = await run(before, c, make(requestOf(c), key, first, later));
        expect(summary(hostile.result)).toBe(summary(plain.result));
        expect(data(hostile.after)).toEqual(data(plain.after));
        if (first === value || key === "partnerId") {
          expect(RIVAL_TABLES(hostile.after)).toEqual(RIVAL_TABLES(before));
        }
        checked++;
      }
    }
  });

  // (A client's admin may act on any partner's assignment in its own portal:
  // acme's employee is simply not rival's.)
  it("is refused when its partnerId is the other partner's, and changes nothing", async () => {
    const before = await start(c);
    const r = await run(before, c, shifting(requestOf(c), "partnerId", "rival", "acme"));
    const expected = c.name === "grantPortalAccess" ? "assignment_not_found" : "forbidden";
    expect(r.result.error?.code).toBe(expected);
    expect(data(r.after)).toEqual(data(before));
    checked++;
  });

  it.each(fields)("refuses an inherited %s as missing", async (key) => {
    const before = await start(c);
    const hostile = await run(before, c, inherited(requestOf(c), key));
    expect(hostile.result.error).toMatchObject({
      code: "invalid_request",
      issues: [{ path: [key], input: undefined }],
    });
    expect(data(hostile.after)).toEqual(data(before));
    checked++;
  });
});
