// The hostile-input suite over the BUILT package (dist/): every exported
// function and method of `partner-access`, `partner-access/testing` and
// `partner-access/postgres` (over a fake driver), and every use case of the
// service over the in-memory repository, all enumerated at run time, so a
// new export is covered without editing this file. Each is called with
// hostile values (values.ts) and must return (a promise must resolve),
// leave the built-in prototypes as they were, and report every failure as a
// typed error with a string `code` and `message` (harness.ts).
//
// Runs after `npm run build` (`npm run test:hostile`); replay a failure with
// `HOSTILE_SEED=<seed> npm run test:hostile`.
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import type { PartnerAccessService } from "../../src/service/partner-access-service.js";
import { RUN_AT, requestOf, useCases } from "../service/catalog.js";
import { seed, world } from "../service/fixtures.js";
import { check, distEntry, hostileCall, SEED, stats } from "./harness.js";
import { corruptedFrom, hostile, huge, hugeFrom, VALID, valid } from "./values.js";

type Fn = (...args: unknown[]) => unknown;
type Module = Readonly<Record<string, unknown>>;

const load = async (entry: Parameters<typeof distEntry>[0]): Promise<Module> =>
  (await import(pathToFileURL(distEntry(entry)).href)) as Module;
const ENTRIES: Readonly<Record<string, Module>> = {
  "partner-access": await load("index"),
  "partner-access/testing": await load("testing/index"),
  "partner-access/postgres": await load("postgres/index"),
};
const main = ENTRIES["partner-access"]!;
const testing = ENTRIES["partner-access/testing"]!;
const postgres = ENTRIES["partner-access/postgres"]!;

/**
 * Runs per hostile property (about 185 targets × 2 properties: 700 gives
 * about 1.3 × 10^5 calls in under a minute); the 10^6-character properties
 * run `HUGE_RUNS` times each. `HOSTILE_RUNS` raises it for a deeper run.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 700);
const HUGE_RUNS = 3;

// What is not called, and why. Everything else exported is.
const SKIPPED: Readonly<Record<string, string>> = {
  "…OrThrow": "throws a PartnerAccessError by design (its non-throwing twin is fuzzed)",
  constants: "strings, numbers, arrays and tables are not callable",
  "schemas.*.parse, inputSchemas.*.parse": "zod's parse throws by design; safeParse is fuzzed",
  "repositoryContract(…)[i].run":
    "runs the whole contract suite against the caller's factory: a test, not an input check",
  "createPartnerAccessService(…).*": "fuzzed below as use cases, with requests of their shape",
  "rejections allowed":
    "transaction(fn) rejects with a TypeError for a non-function fn (no Result to refuse it in); over the fake PostgreSQL driver, the driver's own failure passes through",
};

// A driver whose every query fails with this: a repository call over it
// either refuses its input as a value or rejects with the database's own
// failure, never with an error of the library's making.
const DATABASE_DOWN = new Error("the fake database is down");
const failing = async () => {
  throw DATABASE_DOWN;
};
const fakeConnection = { query: failing, release: () => undefined };
const fakePool = { connect: async () => fakeConnection };
const fakeTransactor = {
  transaction: async (fn: (q: unknown) => Promise<unknown>) => fn(fakeConnection),
};
const FAKE_DRIVERS = [fakePool, fakeTransactor, fakeConnection];

// A repository's `transaction(fn)` answers with what `fn` resolves to, so
// it has no Result to refuse a non-function in: it rejects with a TypeError,
// as the port documents (in memory and over PostgreSQL alike).
const notAFunction = (reason: unknown) =>
  reason instanceof TypeError && /^transaction\(fn\) needs a function/.test(reason.message);

// Rejections the postgres entry documents, besides that one: the database's
// failure, passed through, and `queueTransactions` over a value without
// `query()`.
function documentedRejection(reason: unknown): boolean {
  return (
    reason === DATABASE_DOWN ||
    notAFunction(reason) ||
    (reason instanceof TypeError && /^queueTransactions needs a connection/.test(reason.message))
  );
}

interface Target {
  readonly label: string;
  readonly fn: Fn;
  readonly arity: number;
  readonly construct: boolean;
  readonly postgres: boolean;
}

const isClass = (f: Fn) => /^class[\s{]/.test(Function.prototype.toString.call(f));
const arityOf = (f: Fn) => Math.min(Math.max(f.length, 1) + 1, 4);

function target(label: string, fn: Fn, self: unknown, onPostgres: boolean): Target {
  return {
    label,
    fn: isClass(fn) ? fn : (fn.bind(self) as Fn),
    arity: arityOf(fn),
    construct: isClass(fn),
    postgres: onPostgres,
  };
}

/** The methods of an object: its own function-valued properties, `…OrThrow` aside. */
function methodsOf(label: string, object: object, onPostgres: boolean): Target[] {
  const found: Target[] = [];
  for (const [name, value] of Object.entries(object)) {
    if (/OrThrow$/.test(name)) continue;
    if (typeof value === "function") {
      found.push(target(`${label}.${name}`, value as Fn, object, onPostgres));
    } else if (typeof value === "object" && value !== null) {
      const safeParse = (value as { safeParse?: unknown }).safeParse;
      if (typeof safeParse === "function") {
        found.push(target(`${label}.${name}.safeParse`, safeParse as Fn, value, onPostgres));
      }
    }
  }
  return found;
}

// Factories whose results have methods, with arguments that make one. A
// factory listed here and no longer exported fails the completeness test.
const FACTORIES: Readonly<Record<string, () => unknown>> = {
  "partner-access.createSharedDomainList": () => (main.createSharedDomainList as Fn)(),
  "partner-access.defaultSharedDomainList": () => (main.defaultSharedDomainList as Fn)(),
  "partner-access/testing.createInMemoryRepository": () =>
    (testing.createInMemoryRepository as Fn)(),
  "partner-access/postgres.createPostgresRepository": () =>
    ((postgres.createPostgresRepository as Fn)(fakePool) as { value: unknown }).value,
  "partner-access/postgres.queueTransactions": () =>
    (postgres.queueTransactions as Fn)(fakeConnection),
};

function enumerate(): Target[] {
  const targets: Target[] = [];
  for (const [entry, module] of Object.entries(ENTRIES)) {
    const onPostgres = entry === "partner-access/postgres";
    for (const [name, value] of Object.entries(module)) {
      const label = `${entry}.${name}`;
      if (/OrThrow$/.test(name)) continue;
      if (typeof value === "function") {
        targets.push(target(label, value as Fn, module, onPostgres));
        const make = FACTORIES[label];
        if (make !== undefined) {
          targets.push(...methodsOf(`${label}(…)`, make() as object, onPostgres));
        }
      } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        targets.push(...methodsOf(label, value, onPostgres));
      }
    }
  }
  return targets;
}

const TARGETS = enumerate();

/** The arguments of one call: `arity` hostile values (a fake driver first, for the postgres entry). */
function argumentsFor(t: Target): fc.Arbitrary<unknown[]> {
  const args = fc.array(hostile, { minLength: t.arity, maxLength: t.arity });
  if (!t.postgres) return args;
  return fc.oneof(
    args,
    fc
      .tuple(fc.constantFrom(...FAKE_DRIVERS), args)
      .map(([driver, rest]) => [driver, ...rest.slice(1)]),
  );
}

/** The arguments of one call with a 10^6-character string at one position, the rest valid or hostile. */
function hugeArgumentsFor(t: Target): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(
      fc.nat(t.arity - 1),
      huge,
      fc.array(fc.oneof(valid, hostile), { minLength: t.arity, maxLength: t.arity }),
    )
    .map(([at, big, rest]) => rest.map((v, i) => (i === at ? big : v)));
}

function invoke(t: Target, args: unknown[]): () => unknown {
  if (t.construct) return () => Reflect.construct(t.fn, args);
  return () => t.fn(...args);
}

const allow = (t: Target) =>
  t.postgres ? documentedRejection : /\.transaction$/.test(t.label) ? notAFunction : undefined;

afterAll(() => {
  console.log(
    `hostile: seed ${SEED} (replay with HOSTILE_SEED=${SEED}), ${stats.properties} hostile properties, ${stats.calls} calls`,
  );
  console.log(
    `hostile: not called: ${Object.entries(SKIPPED)
      .map(([k, why]) => `${k} (${why})`)
      .join("; ")}`,
  );
});

describe("the built package's exports", () => {
  it("enumerates every entry's functions and the factories' methods", () => {
    const labels = TARGETS.map((t) => t.label);
    expect(labels).toContain("partner-access.parseEmailDomain");
    expect(labels).toContain("partner-access/testing.arbitraries.scenario");
    expect(labels).toContain("partner-access.schemas.partner.safeParse");
    expect(labels).toContain("partner-access/postgres.createPostgresRepository(…).claimDomain");
    expect(labels.some((l) => /OrThrow/.test(l))).toBe(false);
    for (const factory of Object.keys(FACTORIES)) expect(labels).toContain(factory);
  });

  describe.each(TARGETS.map((t) => [t.label, t] as const))("%s", (_label, t) => {
    it("survives hostile arguments", async () => {
      await check(RUNS, argumentsFor(t), (args) =>
        hostileCall(t.label, args, invoke(t, args), allow(t)),
      );
    });

    it("survives strings of 10^6 characters", async () => {
      await check(HUGE_RUNS, hugeArgumentsFor(t), (args) =>
        hostileCall(t.label, args, invoke(t, args), allow(t)),
      );
    });
  });
});

// The service over the in-memory repository of the built testing entry,
// seeded with the usual world; its use cases are the service object's
// methods, each called with its catalog request with one field corrupted,
// or with anything at all.
describe("the built service's use cases", async () => {
  const repository = (testing.createInMemoryRepository as Fn)() as PartnerAccessRepository;
  await seed(repository, world);
  const service = (main.createPartnerAccessService as Fn)({
    repository,
    clock: () => RUN_AT,
  }) as PartnerAccessService & Record<string, unknown>;
  const names = Object.keys(service).filter((k) => typeof service[k] === "function");

  it("enumerates the service's methods", () => {
    expect(names).toEqual(expect.arrayContaining(useCases.map((c) => c.name)));
  });

  describe.each(names)("%s", (name) => {
    const c = useCases.find((u) => u.name === name);
    const base = () =>
      c ? structuredClone(requestOf(c)) : { actor: VALID.actor!(), partnerId: "acme" };
    const method = service[name] as Fn;
    const label = `service.${name}`;

    it("survives hostile requests", async () => {
      await c?.prepare?.(service);
      const request = fc.oneof({ arbitrary: corruptedFrom(base), weight: 3 }, hostile);
      await check(RUNS, request, (r) => hostileCall(label, [r], () => method(r)));
    });

    it("survives strings of 10^6 characters", async () => {
      await check(HUGE_RUNS, hugeFrom(base), (r) => hostileCall(label, [r], () => method(r)));
    });
  });
});
