import { fc, test } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartnerAccessRepository, RepositoryTransaction } from "../../src/ports/repository.js";
import { createInMemoryRepository } from "../../src/testing/index.js";
import { type ServerFixture, startPostgresFixture } from "./fixture.js";

// The PostgreSQL repository (on a server started here) answers every call
// as the in-memory reference store does, on the same stored data, for arguments of every shape: the
// port's own, near misses, and anything at all. No call rejects. Each call
// runs in a transaction that is then rolled back, so every run starts from
// the same data.

const T0 = Date.UTC(2026, 0, 1);
const ROLLBACK = new Error("rolled back on purpose");

async function seed(r: PartnerAccessRepository): Promise<void> {
  const partner = (partnerId: string, employeeDomains: string[]) => ({
    partnerId,
    program: "partner" as const,
    employeeDomains,
  });
  await r.savePartner(partner("acme", ["acme.com"]), null);
  await r.savePartner(partner("rival", ["rival.io"]), null);
  await r.savePartner(partner("rival", ["rival.io", "eu.rival.io"]), 1);
  await r.claimDomain({
    domain: "acme.com",
    partnerId: "acme",
    claimedAt: T0,
    matchSubdomains: true,
  });
  await r.claimDomain({ domain: "eu.rival.io", partnerId: "rival", claimedAt: T0 });
  await r.saveUser({ partnerId: "acme", email: "Jane@ACME.com", tagged: true }, null);
  await r.saveUser({ partnerId: "rival", email: "joe@gmail.com", tagged: false }, null);
  await r.linkEmail({ clientId: 42, partnerId: "rival", email: "joe@gmail.com", linkedAt: T0 });
  const pending = {
    partnerId: "acme",
    clientId: 42,
    email: "jane@acme.com",
    status: "pending_access",
    assignedAt: T0,
  } as const;
  await r.insertAssignment(pending);
  await r.insertAssignment({ ...pending, clientId: 43, status: "active", activatedAt: T0 + 10 });
  await r.insertAssignment({
    ...pending,
    status: "removed",
    activatedAt: T0 + 1,
    removedAt: T0 + 5,
  });
  await r.putClient({ clientId: 42, mrr: { amountMinor: 100_000, currency: "USD" } });
  await r.putClient({ clientId: 43, mrr: { amountMinor: 5, currency: "EUR" }, growthMarket: true });
  await r.recordActivities(
    [0, 1, 1, 2, 3, 5, 8].map((d, i) => ({
      clientId: 42 + (i % 2),
      email: "jane@acme.com",
      at: T0 + d,
    })),
  );
}

let fixture: ServerFixture;
let postgres: PartnerAccessRepository;
const reference = createInMemoryRepository();

beforeAll(async () => {
  fixture = await startPostgresFixture({ connections: 2 });
  postgres = await fixture.emptyRepository();
  await seed(postgres);
  await seed(reference);
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
}, 60_000);

// ---- arguments: the port's shapes, near misses, anything -----------------------

const any = fc.anything();
// Mostly values of the port's shape, sometimes near misses, sometimes anything.
const value = <T>(good: readonly T[], bad: readonly unknown[] = []) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...good) as fc.Arbitrary<unknown> },
    ...(bad.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...bad) }] : []),
    { weight: 1, arbitrary: any },
  );
const or = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: a as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: any });
const partnerId = value(["acme", "rival", "nobody"], [""]);
const emailKey = value(["jane@acme.com", "joe@gmail.com"], ["JANE@acme.com", "x"]);
const email = value(["Jane@ACME.com", "joe@gmail.com"], ["jane", "new@acme.com"]);
const clientId = value([42, 43], [44, 0, -1, 1.5, "42"]);
const domain = value(
  ["acme.com", "eu.acme.com", "rival.io", "eu.rival.io", "new.io"],
  ["ACME.com", "com"],
);
const time = value([T0, T0 + 3, T0 + 20], [1.5, 1e16, "2026-01-01"]);
const version = value([null, 1, 2, 3], [0, 1.5, 2 ** 40, undefined]);
const id = value(["1", "2", "3", "4"], ["01", "99999999999999999999", 1]);
const flag = value([true, false], [1]);

const partner = or(
  fc.record(
    {
      partnerId,
      program: value(["partner", "provider"], ["x"]),
      employeeDomains: or(fc.array(domain, { maxLength: 3 })),
      matchSubdomains: flag,
    },
    { requiredKeys: ["partnerId", "program", "employeeDomains"] },
  ),
);
const user = or(
  fc.record(
    { partnerId, email, tagged: flag, inPartnerAccount: flag },
    { requiredKeys: ["partnerId", "email", "tagged"] },
  ),
);
// Valid assignments of each status, and near misses with any times.
const assignment = fc.oneof(
  fc.record({
    partnerId,
    clientId,
    email,
    status: fc.constant("pending_access"),
    assignedAt: time,
  }),
  fc.record({
    partnerId,
    clientId,
    email,
    status: fc.constant("active"),
    assignedAt: fc.constant(T0),
    activatedAt: time,
  }),
  fc.record({
    partnerId,
    clientId,
    email,
    status: fc.constantFrom("removed", "expired"),
    assignedAt: fc.constant(T0),
    activatedAt: fc.constant(T0),
    removedAt: time,
    expiresAt: time,
  }),
  or(
    fc.record(
      {
        partnerId,
        clientId,
        email,
        status: value(["pending_access", "active", "removed", "expired"], ["gone"]),
        assignedAt: time,
        activatedAt: time,
        removedAt: time,
        expiresAt: time,
      },
      { requiredKeys: ["partnerId", "clientId", "email", "status", "assignedAt"] },
    ),
  ),
);
const claim = or(
  fc.record(
    { domain, partnerId, claimedAt: time, matchSubdomains: flag },
    { requiredKeys: ["domain", "partnerId", "claimedAt"] },
  ),
);
const link = or(fc.record({ clientId, partnerId, email, linkedAt: time }));
const linkKey = or(fc.record({ clientId, emailKey, partnerId }));
const client = or(
  fc.record(
    {
      clientId,
      mrr: or(
        fc.record({
          amountMinor: value([0, 100], [-1, 1.5]),
          currency: value(["USD", "EUR"], ["usd"]),
        }),
      ),
      growthMarket: flag,
    },
    { requiredKeys: ["clientId", "mrr"] },
  ),
);
const activities = or(fc.array(or(fc.record({ clientId, email, at: time })), { maxLength: 3 }));
const period = or(
  fc.record({ start: value([T0, T0 + 2], [1.5]), end: value([T0 + 4, T0 + 100, 8.64e15], ["x"]) }),
);
const list = <T>(a: fc.Arbitrary<T>) => or(fc.array(a, { maxLength: 3 }));
const filter = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
  or(fc.record(fields, { requiredKeys: [] }));

const CALLS: { [K in keyof RepositoryTransaction]: fc.Arbitrary<unknown[]> } = {
  getPartner: fc.tuple(partnerId),
  listPartners: fc.tuple(filter({ partnerIds: list(partnerId) })),
  savePartner: fc.tuple(partner, version),
  claimDomain: fc.tuple(claim),
  releaseDomain: fc.tuple(domain, partnerId),
  getDomainClaim: fc.tuple(domain),
  listDomainClaims: fc.oneof(fc.constant<unknown[]>([]), fc.tuple(partnerId)),
  linkEmail: fc.tuple(link),
  unlinkEmail: fc.tuple(linkKey),
  getEmailLink: fc.tuple(clientId, emailKey),
  listEmailLinks: fc.tuple(filter({ clientId, partnerId })),
  getUser: fc.tuple(partnerId, emailKey),
  listUsers: fc.tuple(filter({ partnerId, keys: list(or(fc.record({ partnerId, emailKey }))) })),
  saveUser: fc.tuple(user, version),
  deleteUser: fc.tuple(partnerId, emailKey, version),
  insertAssignment: fc.tuple(assignment),
  getAssignment: fc.tuple(id),
  getLiveAssignment: fc.tuple(or(fc.record({ partnerId, clientId, emailKey }))),
  listAssignments: fc.tuple(
    filter({
      partnerId,
      clientId,
      clientIds: list(clientId),
      emailKey,
      live: flag,
      activeIn: period,
    }),
  ),
  updateAssignment: fc.oneof(
    fc.tuple(id, assignment, version),
    // the changes a use case makes to a stored assignment
    fc
      .tuple(
        fc.constantFrom("1", "2"),
        fc.constantFrom<Record<string, unknown>>(
          { status: "active", activatedAt: T0 + 3 },
          { status: "removed", activatedAt: T0 + 10, removedAt: T0 + 20 },
          { status: "expired", activatedAt: T0 + 10, expiresAt: T0 + 20 },
        ),
        version,
      )
      .map(([id, change, v]) => [
        id,
        {
          partnerId: "acme",
          clientId: id === "1" ? 42 : 43,
          email: "jane@acme.com",
          assignedAt: T0,
          ...change,
        },
        v,
      ]),
  ),
  putClient: fc.tuple(client),
  listClients: fc.tuple(filter({ clientIds: list(clientId) })),
  recordActivities: fc.tuple(activities),
  listActivities: fc.tuple(
    period,
    filter({
      after: value([null], ["", "page 2"]),
      limit: value([1, 2, 100], [0, 1.5]),
      clientIds: list(clientId),
    }),
  ),
};

// Calls that succeed on the seeded data, or are refused for the one reason
// their name says, so that every outcome is met in every run.
const pending = {
  partnerId: "acme",
  clientId: 42,
  email: "jane@acme.com",
  status: "pending_access",
  assignedAt: T0,
};
const TARGETED: readonly { name: keyof RepositoryTransaction; args: unknown[] }[] = [
  {
    name: "savePartner",
    args: [{ partnerId: "nobody", program: "provider", employeeDomains: [] }, null],
  },
  {
    name: "savePartner",
    args: [{ partnerId: "acme", program: "partner", employeeDomains: [] }, 1],
  },
  { name: "saveUser", args: [{ partnerId: "acme", email: "new@acme.com", tagged: false }, null] },
  { name: "saveUser", args: [{ partnerId: "acme", email: "jane@acme.com", tagged: false }, 1] },
  { name: "deleteUser", args: ["acme", "jane@acme.com", 1] },
  { name: "claimDomain", args: [{ domain: "new.io", partnerId: "acme", claimedAt: T0 }] },
  { name: "claimDomain", args: [{ domain: "acme.com", partnerId: "acme", claimedAt: T0 }] },
  {
    name: "claimDomain",
    args: [{ domain: "acme.com", partnerId: "acme", claimedAt: T0, matchSubdomains: true }],
  },
  { name: "claimDomain", args: [{ domain: "eu.acme.com", partnerId: "rival", claimedAt: T0 }] },
  { name: "releaseDomain", args: ["acme.com", "acme"] },
  { name: "releaseDomain", args: ["acme.com", "rival"] },
  {
    name: "linkEmail",
    args: [{ clientId: 43, partnerId: "acme", email: "joe@gmail.com", linkedAt: T0 }],
  },
  {
    name: "linkEmail",
    args: [{ clientId: 42, partnerId: "acme", email: "Joe@Gmail.com", linkedAt: T0 }],
  },
  {
    name: "linkEmail",
    args: [{ clientId: 42, partnerId: "rival", email: "joe@gmail.com", linkedAt: T0 }],
  },
  { name: "unlinkEmail", args: [{ clientId: 42, emailKey: "joe@gmail.com", partnerId: "rival" }] },
  { name: "unlinkEmail", args: [{ clientId: 42, emailKey: "joe@gmail.com", partnerId: "acme" }] },
  { name: "insertAssignment", args: [pending] },
  { name: "insertAssignment", args: [{ ...pending, clientId: 44 }] },
  {
    name: "updateAssignment",
    args: ["1", { ...pending, status: "active", activatedAt: T0 + 1 }, 1],
  },
  {
    name: "updateAssignment",
    args: ["3", { ...pending, status: "active", activatedAt: T0 + 1 }, 1],
  },
  { name: "putClient", args: [{ clientId: 44, mrr: { amountMinor: 1, currency: "USD" } }] },
  { name: "recordActivities", args: [[{ clientId: 42, email: "jane@acme.com", at: T0 + 2 }]] },
  { name: "listActivities", args: [{ start: T0, end: T0 + 100 }, { limit: 2 }] },
  { name: "listActivities", args: [{ start: T0, end: T0 + 100 }, { after: "page 2" }] },
  { name: "listUsers", args: [{ keys: [{ partnerId: "acme", emailKey: "jane@acme.com" }] }] },
  { name: "listAssignments", args: [{ activeIn: { start: T0 + 2, end: T0 + 12 } }] },
  // the refusals: a stale version, an invalid record, a filter that finds nothing
  {
    name: "savePartner",
    args: [{ partnerId: "acme", program: "partner", employeeDomains: [] }, 99],
  },
  {
    name: "savePartner",
    args: [{ partnerId: "acme", program: "reseller", employeeDomains: [] }, 1],
  },
  { name: "saveUser", args: [{ partnerId: "acme", email: "jane@acme.com", tagged: false }, 99] },
  { name: "saveUser", args: [{ partnerId: "acme", email: "jane@acme.com", tagged: "yes" }, 1] },
  { name: "deleteUser", args: ["acme", "jane@acme.com", 99] },
  { name: "claimDomain", args: [{ domain: "not a domain", partnerId: "acme", claimedAt: T0 }] },
  {
    name: "linkEmail",
    args: [{ clientId: 0, partnerId: "acme", email: "joe@gmail.com", linkedAt: T0 }],
  },
  { name: "insertAssignment", args: [{ ...pending, clientId: 0 }] },
  {
    name: "updateAssignment",
    args: ["1", { ...pending, status: "active", activatedAt: T0 + 1 }, 99],
  },
  { name: "updateAssignment", args: ["1", { ...pending, clientId: 0 }, 1] },
  { name: "putClient", args: [{ clientId: 44, mrr: { amountMinor: -1, currency: "USD" } }] },
  { name: "recordActivities", args: [[{ clientId: 0, email: "jane@acme.com", at: T0 + 2 }]] },
  { name: "listPartners", args: [{ partnerIds: ["nobody"] }] },
  { name: "listUsers", args: [{ keys: [{ partnerId: "acme", emailKey: "nobody@acme.com" }] }] },
  { name: "listAssignments", args: [{ partnerId: "nobody" }] },
  { name: "getPartner", args: ["rival"] },
  { name: "getPartner", args: ["nobody"] },
  { name: "listPartners", args: [{ partnerIds: ["acme", "x"] }] },
  { name: "getDomainClaim", args: ["eu.rival.io"] },
  { name: "listDomainClaims", args: ["acme"] },
  { name: "getEmailLink", args: [42, "joe@gmail.com"] },
  { name: "listEmailLinks", args: [{ partnerId: "rival" }] },
  { name: "getUser", args: ["acme", "jane@acme.com"] },
  { name: "getAssignment", args: ["2"] },
  {
    name: "getLiveAssignment",
    args: [{ partnerId: "acme", clientId: 42, emailKey: "jane@acme.com" }],
  },
  { name: "listClients", args: [{ clientIds: [43] }] },
];

const call = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...TARGETED) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      ...Object.entries(CALLS).map(([name, args]) =>
        args.map((a) => ({ name: name as keyof RepositoryTransaction, args: a })),
      ),
    ),
  },
);

// What may differ: ids of assignments inserted by a probe (a PostgreSQL
// sequence also moves on a refused insert) and the text of page cursors.
function normal(value: unknown, key = ""): unknown {
  if (typeof value === "symbol") return undefined;
  if (key === "next" && typeof value === "string") return "a cursor";
  if (Array.isArray(value)) return value.map((v) => normal(v));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = normal(v, k);
  return out;
}

function normalOutcome(name: string, outcome: unknown): unknown {
  const o = normal(outcome) as { status?: string; record?: { id?: string } };
  if (name === "insertAssignment" && o?.status === "inserted" && o.record) o.record.id = "new";
  return o;
}

async function probe(
  r: PartnerAccessRepository,
  name: keyof RepositoryTransaction,
  args: unknown[],
) {
  let outcome: unknown;
  await r
    .transaction(async (tx) => {
      outcome = await (tx[name] as (...a: unknown[]) => Promise<unknown>)(...args);
      throw ROLLBACK;
    })
    .catch((e) => {
      if (e !== ROLLBACK) throw e;
    });
  return outcome;
}

// What the reference answered, by method: a check that the run was not vacuous.
const seen = new Set<string>();
function kind(outcome: unknown): string {
  const status = (outcome as { status?: unknown } | null)?.status;
  if (typeof status === "string") return status;
  if (Array.isArray(outcome)) return outcome.length > 0 ? "found" : "none";
  return outcome === null ? "null" : "found";
}

async function same(name: keyof RepositoryTransaction, args: unknown[]): Promise<void> {
  const expected = normalOutcome(name, await probe(reference, name, args));
  seen.add(`${name}: ${kind(expected)}`);
  expect(normalOutcome(name, await probe(postgres, name, args))).toEqual(expected);
  if (name.startsWith("get") || name.startsWith("list")) {
    // outside a transaction: one statement, no lock, the same answer
    const outside = await (postgres[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    expect(normalOutcome(name, outside)).toEqual(expected);
  }
}

describe("postgres: answers every call as the in-memory reference does", () => {
  it("for calls that meet each outcome of each method", async () => {
    for (const { name, args } of TARGETED) await same(name, args);
  });

  test.prop([call])(
    "for any arguments: the port's shapes, near misses and anything at all",
    ({ name, args }) => same(name, args),
    120_000,
  );

  it("was not vacuous: every method met both its successes and its refusals", () => {
    const wanted = [
      "getPartner: found",
      "getPartner: null",
      "listPartners: found",
      "listPartners: none",
      "savePartner: written",
      "savePartner: version_conflict",
      "savePartner: invalid_record",
      "claimDomain: claimed",
      "claimDomain: held_by_other",
      "claimDomain: already_ours",
      "claimDomain: updated",
      "claimDomain: invalid_record",
      "releaseDomain: released",
      "releaseDomain: not_held",
      "getDomainClaim: found",
      "linkEmail: linked",
      "linkEmail: held_by_other",
      "linkEmail: invalid_record",
      "unlinkEmail: unlinked",
      "unlinkEmail: not_held",
      "getEmailLink: found",
      "listEmailLinks: found",
      "getUser: found",
      "listUsers: found",
      "listUsers: none",
      "saveUser: written",
      "saveUser: version_conflict",
      "saveUser: invalid_record",
      "deleteUser: deleted",
      "deleteUser: version_conflict",
      "insertAssignment: inserted",
      "insertAssignment: duplicate",
      "insertAssignment: invalid_record",
      "getAssignment: found",
      "getLiveAssignment: found",
      "listAssignments: found",
      "listAssignments: none",
      "updateAssignment: written",
      "updateAssignment: version_conflict",
      "updateAssignment: invalid_record",
      "putClient: written",
      "putClient: invalid_record",
      "listClients: found",
      "recordActivities: recorded",
      "recordActivities: invalid_record",
      "listActivities: page",
      "listActivities: invalid_cursor",
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });
});

// Text PostgreSQL cannot hold exactly (NUL, lone surrogates) and partner ids
// too long for an index are refused as values; everything else round-trips
// exactly. Neither a write nor a read with such a key rejects.
const codeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 12 })
  .map((units) => String.fromCharCode(...units));
const anyText = fc.oneof(
  codeUnits,
  fc.string({ unit: "binary", minLength: 1 }),
  fc.constantFrom("x".repeat(1_000), "é".repeat(501), "x\u0000", "\uD800", "\uDFFFa", "😀"),
);

describe("postgres: text it cannot store exactly is refused, never stored changed", () => {
  test.prop([anyText])(
    "a partner id round-trips exactly, or is refused",
    async (partnerId) => {
      await postgres
        .transaction(async (tx) => {
          const partner = { partnerId, program: "partner", employeeDomains: [] } as const;
          const written = await tx.savePartner(partner, null);
          const user = await tx.saveUser({ partnerId, email: "new@acme.com", tagged: true }, null);
          const claim = await tx.claimDomain({ domain: "fresh.io", partnerId, claimedAt: T0 });
          if (written.status === "written") {
            expect(await tx.getPartner(partnerId)).toEqual({ value: partner, version: 1 });
            expect(await tx.listPartners({ partnerIds: [partnerId] })).toEqual([
              { value: partner, version: 1 },
            ]);
            expect(user.status).toBe("written");
            expect(await tx.getUser(partnerId, "new@acme.com")).toMatchObject({
              value: { partnerId },
            });
            expect(claim.status).toBe("claimed");
            expect(await tx.listDomainClaims(partnerId)).toMatchObject([{ partnerId }]);
          } else {
            expect(written).toMatchObject({
              status: "invalid_record",
              issues: [{ path: ["partner", "partnerId"] }],
            });
            expect(user).toMatchObject({
              status: "invalid_record",
              issues: [{ path: ["user", "partnerId"] }],
            });
            expect(claim).toMatchObject({
              status: "invalid_record",
              issues: [{ path: ["claim", "partnerId"] }],
            });
            expect(await tx.getPartner(partnerId)).toBeNull();
            expect(await tx.getUser(partnerId, "new@acme.com")).toBeNull();
            expect(await tx.listDomainClaims(partnerId)).toEqual([]);
            expect(await tx.listUsers({ partnerId })).toEqual([]);
            expect(await tx.listEmailLinks({ partnerId })).toEqual([]);
            expect(await tx.listAssignments({ partnerId })).toEqual([]);
          }
          throw ROLLBACK;
        })
        .catch((e) => {
          if (e !== ROLLBACK) throw e;
        });
    },
    120_000,
  );

  it("says why: NUL and lone surrogates, and a partner id over 1,000 UTF-8 bytes", async () => {
    const partner = (partnerId: string) =>
      ({ partnerId, program: "partner", employeeDomains: [] }) as const;
    expect(await postgres.savePartner(partner("a\u0000b"), null)).toMatchObject({
      status: "invalid_record",
      issues: [{ code: "invalid_record", path: ["partner", "partnerId"], input: "a\u0000b" }],
    });
    expect(await postgres.savePartner(partner("\uD800"), null)).toMatchObject({
      status: "invalid_record",
      issues: [{ code: "invalid_record", path: ["partner", "partnerId"] }],
    });
    expect(await postgres.savePartner(partner("é".repeat(501)), null)).toMatchObject({
      status: "invalid_record",
      issues: [
        {
          code: "invalid_partner_id",
          path: ["partner", "partnerId"],
          length: 1002,
          maxLength: 1000,
        },
      ],
    });
    expect(await postgres.getPartner("é".repeat(501))).toBeNull();
  });
});
