import type {
  Assignment,
  AssignmentRecord,
  DomainClaimRecord,
  EmailLinkRecord,
  Partner,
  PartnerAccessRepository,
  PartnerUser,
} from "partner-access";

// The contract every PartnerAccessRepository must keep, as plain async test
// cases: no test runner is imported, so callers run them under vitest, jest,
// node:test or mocha alike. A failed expectation throws a
// RepositoryContractViolation; a case that resolves has passed.

/**
 * One test case of {@link repositoryContract}: a name, and a function that
 * resolves when the repository keeps the rule and rejects with a
 * {@link RepositoryContractViolation} (or the repository's own error) when it
 * does not.
 *
 * @example
 * ```ts
 * const c: RepositoryContractCase = { name: "claimDomain: a free domain is claimed", run: async () => {} };
 * ```
 */
export interface RepositoryContractCase {
  readonly name: string;
  readonly run: () => Promise<void>;
}

/**
 * Options of {@link repositoryContract}.
 *
 * @example
 * ```ts
 * const options: RepositoryContractOptions = { contenders: 8 };
 * ```
 */
export interface RepositoryContractOptions {
  /** How many concurrent callers race in the concurrency cases; default 16, at least 2. */
  readonly contenders?: number;
}

/**
 * The error a contract case rejects with when the repository breaks a rule:
 * the message says which rule, what was expected and what came back.
 *
 * @example
 * ```ts
 * new RepositoryContractViolation("expected 1 winner, got 2").name; //=> "RepositoryContractViolation"
 * ```
 */
export class RepositoryContractViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RepositoryContractViolation";
  }
}

// ---- a tiny assertion kit ---------------------------------------------------

function fail(message: string): never {
  throw new RepositoryContractViolation(message);
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) fail(message);
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

// Structural equality over JSON-like data. A key whose value is `undefined`
// counts as absent: a SQL adapter storing JSON cannot tell them apart.
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = (r: Record<string, unknown>) =>
    Object.keys(r)
      .filter((k) => r[k] !== undefined)
      .sort();
  const ka = keys(ra);
  const kb = keys(rb);
  return same(ka, kb) && ka.every((k) => same(ra[k], rb[k]));
}

function equal(actual: unknown, expected: unknown, what: string): void {
  if (!same(actual, expected)) {
    fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

// ---- data ----------------------------------------------------------------------

const T0 = Date.UTC(2026, 0, 1);

function partner(partnerId: string, employeeDomains: readonly string[] = []): Partner {
  return { partnerId, program: "partner", employeeDomains: [...employeeDomains] };
}

function user(partnerId: string, local: string, tagged = true): PartnerUser {
  return { partnerId, email: `${local}@${partnerId}.example`, tagged };
}

function keyOf(u: PartnerUser): string {
  return u.email.toLowerCase();
}

function pending(partnerId: string, clientId: number, email: string, at = T0): Assignment {
  return { partnerId, clientId, email, status: "pending_access", assignedAt: at };
}

function link(partnerId: string, clientId: number, emailKey: string, at = T0): EmailLinkRecord {
  return { clientId, emailKey, partnerId, email: emailKey, linkedAt: at };
}

function claim(domain: string, partnerId: string, at = T0): DomainClaimRecord {
  return { domain, partnerId, claimedAt: at };
}

function ids(n: number): string[] {
  // zero-padded so code-unit order is numeric order
  return Array.from({ length: n }, (_, i) => `partner-${String(i).padStart(3, "0")}`);
}

async function inserted(
  repository: PartnerAccessRepository,
  emailKey: string,
  assignment: Assignment,
): Promise<AssignmentRecord> {
  const r = await repository.insertAssignment(emailKey, assignment);
  check(r.status === "inserted", `insertAssignment of a new assignment: got ${show(r)}`);
  return r.record;
}

/**
 * The test cases every {@link PartnerAccessRepository} must pass: each
 * method's outcomes, refusal of stale versions without losing the stored
 * record, copies in and out, and concurrency (many simultaneous claims of one
 * domain, or links of one email on one client, by different partners:
 * exactly one wins and every loser is told the winner). When the repository
 * offers `transaction`, its commit and rollback are checked too.
 *
 * The cases do not depend on a test runner: run each `run()` and fail the
 * test when it rejects. `factory` is called once per case and must return an
 * empty repository (fresh tables, or truncated ones).
 *
 * @param factory - makes an empty repository
 * @param options - `contenders`: how many callers race (default 16)
 * @returns the test cases, each with a descriptive name
 * @example
 * ```ts
 * import { describe, it } from "vitest";
 * import { createInMemoryRepository, repositoryContract } from "partner-access/testing";
 *
 * describe("my repository", () => {
 *   for (const c of repositoryContract(() => createInMemoryRepository())) it(c.name, c.run);
 * });
 * ```
 */
export function repositoryContract(
  factory: () => PartnerAccessRepository | Promise<PartnerAccessRepository>,
  options: RepositoryContractOptions = {},
): RepositoryContractCase[] {
  const contenders = Math.max(2, Math.floor(options.contenders ?? 16));
  const cases: RepositoryContractCase[] = [];
  const test = (name: string, body: (repository: PartnerAccessRepository) => Promise<void>) => {
    cases.push({ name, run: async () => body(await factory()) });
  };

  // ---- partners ----

  test("savePartner: creates with expected version null, at version 1", async (r) => {
    const p = partner("northwind", ["northwind.io"]);
    equal(await r.getPartner("northwind"), null, "getPartner before create");
    equal(
      await r.savePartner(p, null),
      { status: "written", record: { value: p, version: 1 } },
      "create",
    );
    equal(await r.getPartner("northwind"), { value: p, version: 1 }, "getPartner after create");
  });

  test("savePartner: refuses to create a partner that exists, keeping the stored one", async (r) => {
    const p = partner("northwind", ["northwind.io"]);
    await r.savePartner(p, null);
    const again = await r.savePartner(partner("northwind", ["other.io"]), null);
    equal(
      again,
      { status: "version_conflict", current: { value: p, version: 1 } },
      "second create",
    );
    equal(await r.getPartner("northwind"), { value: p, version: 1 }, "stored partner");
  });

  test("savePartner: replaces at the expected version and counts versions up", async (r) => {
    await r.savePartner(partner("northwind"), null);
    const v2 = partner("northwind", ["northwind.io"]);
    equal(
      await r.savePartner(v2, 1),
      { status: "written", record: { value: v2, version: 2 } },
      "v2",
    );
    const v3 = { ...v2, matchSubdomains: true };
    equal(
      await r.savePartner(v3, 2),
      { status: "written", record: { value: v3, version: 3 } },
      "v3",
    );
    equal(await r.getPartner("northwind"), { value: v3, version: 3 }, "stored");
  });

  test("savePartner: a stale version is refused and the newer write is not lost", async (r) => {
    await r.savePartner(partner("northwind"), null);
    const first = partner("northwind", ["first.io"]);
    await r.savePartner(first, 1);
    const stale = await r.savePartner(partner("northwind", ["second.io"]), 1);
    equal(stale, { status: "version_conflict", current: { value: first, version: 2 } }, "stale");
    equal(await r.getPartner("northwind"), { value: first, version: 2 }, "stored");
  });

  test("savePartner: replacing a partner that does not exist is a version conflict", async (r) => {
    const res = await r.savePartner(partner("ghost"), 1);
    equal(res, { status: "version_conflict", current: null }, "update of missing partner");
    equal(await r.getPartner("ghost"), null, "nothing created");
  });

  test("listPartners: every partner, sorted by partnerId", async (r) => {
    equal(await r.listPartners(), [], "empty");
    const astral = "\u{1D400}cme"; // after U+FF21 by code point, before it in UTF-16
    for (const id of ["northwind", "\uFF21cme", astral, "acme", "émile", "Zeta", "beta"]) {
      await r.savePartner(partner(id), null);
    }
    const listed = (await r.listPartners()).map((p) => p.value.partnerId);
    equal(
      listed,
      ["Zeta", "acme", "beta", "northwind", "émile", "\uFF21cme", astral],
      "binary order (by code point, not by locale)",
    );
  });

  test("partners: stored values are copies, in and out", async (r) => {
    const domains = ["northwind.io"];
    const p: Partner = { partnerId: "northwind", program: "partner", employeeDomains: domains };
    await r.savePartner(p, null);
    domains.push("mutated.io");
    const read = await r.getPartner("northwind");
    equal(read?.value.employeeDomains, ["northwind.io"], "after mutating the input");
    (read?.value.employeeDomains as string[] | undefined)?.push("mutated.io");
    const listed = await r.listPartners();
    (listed[0]?.value.employeeDomains as string[] | undefined)?.push("mutated.io");
    equal(
      (await r.getPartner("northwind"))?.value.employeeDomains,
      ["northwind.io"],
      "after mutating outputs",
    );
  });

  // ---- domain claims ----

  test("claimDomain: a free domain is claimed; the same partner again is already_ours", async (r) => {
    const c = claim("acme.com", "acme", T0);
    equal(await r.claimDomain(c), { status: "claimed", claim: c }, "first claim");
    equal(
      await r.claimDomain(claim("acme.com", "acme", T0 + 5)),
      { status: "already_ours", claim: c },
      "second claim keeps the original claimedAt",
    );
    equal(await r.getDomainClaim("acme.com"), c, "stored claim");
  });

  test("claimDomain: another partner is refused with the holder", async (r) => {
    const c = claim("acme.com", "acme", T0);
    await r.claimDomain(c);
    equal(
      await r.claimDomain(claim("acme.com", "rival", T0 + 1)),
      { status: "held_by_other", holder: c },
      "rival claim",
    );
    equal(await r.getDomainClaim("acme.com"), c, "holder unchanged");
  });

  test("claimDomain: domains are compared as exact strings", async (r) => {
    await r.claimDomain(claim("acme.com", "acme"));
    equal(
      (await r.claimDomain(claim("eu.acme.com", "rival"))).status,
      "claimed",
      "a subdomain is another domain",
    );
    equal((await r.claimDomain(claim("acme.co", "other"))).status, "claimed", "a prefix");
  });

  test("releaseDomain: only the holder releases; then another partner can claim", async (r) => {
    const c = claim("acme.com", "acme");
    await r.claimDomain(c);
    equal(
      await r.releaseDomain("acme.com", "rival"),
      { status: "not_held", holder: c },
      "rival release",
    );
    equal(await r.getDomainClaim("acme.com"), c, "still held");
    equal(await r.releaseDomain("acme.com", "acme"), { status: "released" }, "holder release");
    equal(await r.getDomainClaim("acme.com"), null, "free");
    equal(await r.releaseDomain("acme.com", "acme"), { status: "not_held", holder: null }, "again");
    const next = claim("acme.com", "rival", T0 + 9);
    equal(await r.claimDomain(next), { status: "claimed", claim: next }, "rival claims after");
  });

  test("listDomainClaims: of one partner or all, sorted by domain", async (r) => {
    equal(await r.listDomainClaims(), [], "empty");
    await r.claimDomain(claim("b.io", "acme"));
    await r.claimDomain(claim("z.io", "rival"));
    await r.claimDomain(claim("a.io", "acme"));
    equal(
      (await r.listDomainClaims()).map((c) => c.domain),
      ["a.io", "b.io", "z.io"],
      "all",
    );
    equal(
      await r.listDomainClaims("acme"),
      [claim("a.io", "acme"), claim("b.io", "acme")],
      "acme's",
    );
    equal(await r.listDomainClaims("nobody"), [], "nobody's");
  });

  // ---- email links ----

  test("linkEmail: a free pair is linked; the same partner again is already_ours", async (r) => {
    const l = link("acme", 42, "jane@gmail.com", T0);
    equal(await r.linkEmail(l), { status: "linked", link: l }, "first link");
    equal(
      await r.linkEmail({ ...l, email: "Jane@Gmail.com", linkedAt: T0 + 5 }),
      { status: "already_ours", link: l },
      "second link keeps the stored one",
    );
    equal(await r.getEmailLink(42, "jane@gmail.com"), l, "stored link");
  });

  test("linkEmail: another partner is refused with the holder", async (r) => {
    const l = link("acme", 42, "jane@gmail.com");
    await r.linkEmail(l);
    equal(
      await r.linkEmail(link("rival", 42, "jane@gmail.com", T0 + 1)),
      { status: "held_by_other", holder: l },
      "rival link",
    );
    equal(await r.getEmailLink(42, "jane@gmail.com"), l, "holder unchanged");
  });

  test("linkEmail: other clients and other keys are independent", async (r) => {
    await r.linkEmail(link("acme", 42, "jane@gmail.com"));
    equal(
      (await r.linkEmail(link("rival", 43, "jane@gmail.com"))).status,
      "linked",
      "other client",
    );
    equal((await r.linkEmail(link("rival", 42, "jane2@gmail.com"))).status, "linked", "other key");
  });

  test("unlinkEmail: only the holder unlinks; then another partner can link", async (r) => {
    const l = link("acme", 42, "jane@gmail.com");
    await r.linkEmail(l);
    const by = (partnerId: string) => ({ clientId: 42, emailKey: "jane@gmail.com", partnerId });
    equal(await r.unlinkEmail(by("rival")), { status: "not_held", holder: l }, "rival unlink");
    equal(await r.getEmailLink(42, "jane@gmail.com"), l, "still linked");
    equal(await r.unlinkEmail(by("acme")), { status: "unlinked" }, "holder unlink");
    equal(await r.getEmailLink(42, "jane@gmail.com"), null, "free");
    equal(await r.unlinkEmail(by("acme")), { status: "not_held", holder: null }, "again");
    equal((await r.linkEmail(link("rival", 42, "jane@gmail.com"))).status, "linked", "rival after");
  });

  test("listEmailLinks: filtered by client and partner, sorted by client then key", async (r) => {
    equal(await r.listEmailLinks(), [], "empty");
    const a = link("acme", 43, "b@x.io");
    const b = link("acme", 42, "z@x.io");
    const c = link("rival", 42, "a@x.io");
    for (const l of [a, b, c]) await r.linkEmail(l);
    equal(await r.listEmailLinks(), [c, b, a], "all");
    equal(await r.listEmailLinks({ clientId: 42 }), [c, b], "client 42");
    equal(await r.listEmailLinks({ partnerId: "acme" }), [b, a], "acme");
    equal(await r.listEmailLinks({ clientId: 42, partnerId: "acme" }), [b], "both");
  });

  // ---- users ----

  test("saveUser: creates, replaces at the expected version, refuses stale versions", async (r) => {
    const jane = user("northwind", "jane", false);
    const key = keyOf(jane);
    equal(await r.getUser("northwind", key), null, "before");
    equal(
      await r.saveUser(key, jane, null),
      { status: "written", record: { emailKey: key, value: jane, version: 1 } },
      "create",
    );
    equal(
      await r.saveUser(key, jane, null),
      { status: "version_conflict", current: { emailKey: key, value: jane, version: 1 } },
      "create again",
    );
    const tagged = { ...jane, tagged: true };
    equal(
      await r.saveUser(key, tagged, 1),
      { status: "written", record: { emailKey: key, value: tagged, version: 2 } },
      "tag",
    );
    equal(
      await r.saveUser(key, { ...jane, inPartnerAccount: false }, 1),
      { status: "version_conflict", current: { emailKey: key, value: tagged, version: 2 } },
      "stale write",
    );
    equal(
      await r.getUser("northwind", key),
      { emailKey: key, value: tagged, version: 2 },
      "stored",
    );
    equal(
      await r.saveUser("ghost@northwind.example", user("northwind", "ghost"), 3),
      { status: "version_conflict", current: null },
      "update of a missing user",
    );
  });

  test("users: keyed by partner and email key; listUsers filters and sorts", async (r) => {
    const a = user("northwind", "jane");
    const b = { ...user("acme", "jane"), email: "jane@northwind.example" };
    const c = user("northwind", "adam");
    for (const u of [a, b, c]) await r.saveUser(keyOf(u), u, null);
    equal((await r.getUser("acme", keyOf(a)))?.value, b, "same key, other partner");
    equal(
      (await r.listUsers()).map((u) => [u.value.partnerId, u.emailKey]),
      [
        ["acme", "jane@northwind.example"],
        ["northwind", "adam@northwind.example"],
        ["northwind", "jane@northwind.example"],
      ],
      "all users",
    );
    equal(
      (await r.listUsers({ partnerId: "northwind" })).map((u) => u.emailKey),
      ["adam@northwind.example", "jane@northwind.example"],
      "northwind's",
    );
  });

  test("users: stored values are copies, in and out", async (r) => {
    const jane = { ...user("northwind", "jane") };
    await r.saveUser(keyOf(jane), jane, null);
    (jane as { tagged: boolean }).tagged = false;
    const read = await r.getUser("northwind", "jane@northwind.example");
    equal(read?.value.tagged, true, "after mutating the input");
    if (read) (read.value as { tagged: boolean }).tagged = false;
    equal((await r.getUser("northwind", "jane@northwind.example"))?.value.tagged, true, "output");
  });

  // ---- assignments ----

  test("insertAssignment: stores at version 1 with a fresh id; getAssignment reads it", async (r) => {
    const a = pending("northwind", 42, "Jane@northwind.example");
    const rec = await inserted(r, "jane@northwind.example", a);
    check(
      typeof rec.id === "string" && rec.id !== "",
      `id must be a non-empty string: ${show(rec)}`,
    );
    equal(rec, { id: rec.id, emailKey: "jane@northwind.example", value: a, version: 1 }, "record");
    equal(await r.getAssignment(rec.id), rec, "getAssignment");
    equal(await r.getAssignment(`${rec.id}-missing`), null, "unknown id");
  });

  test("insertAssignment: a second live assignment of one partner, client and key is a duplicate", async (r) => {
    const key = "jane@northwind.example";
    const first = await inserted(r, key, pending("northwind", 42, key));
    const active: Assignment = {
      ...pending("northwind", 42, "JANE@northwind.example", T0 + 1),
      status: "active",
      activatedAt: T0 + 1,
    };
    equal(await r.insertAssignment(key, active), { status: "duplicate", existing: first }, "dup");
    equal((await r.listAssignments()).length, 1, "nothing written");
  });

  test("insertAssignment: history never collides; other partners and clients do not collide", async (r) => {
    const key = "jane@gmail.com";
    await inserted(r, key, pending("northwind", 42, key));
    const removed: Assignment = {
      ...pending("northwind", 42, key, T0 - 10),
      status: "removed",
      removedAt: T0 - 5,
    };
    await inserted(r, key, removed);
    await inserted(r, key, { ...removed, status: "expired", expiresAt: T0 - 5 });
    await inserted(r, key, pending("acme", 42, key));
    await inserted(r, key, pending("northwind", 43, key));
    equal((await r.listAssignments()).length, 5, "all stored");
  });

  test("insertAssignment: a live one can be inserted again once the earlier is removed", async (r) => {
    const key = "jane@northwind.example";
    const first = await inserted(r, key, pending("northwind", 42, key));
    const removed: Assignment = { ...first.value, status: "removed", removedAt: T0 + 1 };
    equal((await r.updateAssignment(first.id, removed, 1)).status, "written", "remove");
    const second = await inserted(r, key, pending("northwind", 42, key, T0 + 2));
    check(second.id !== first.id, `ids must differ: ${first.id} / ${second.id}`);
  });

  test("updateAssignment: replaces at the expected version; stale and missing are conflicts", async (r) => {
    const key = "jane@northwind.example";
    const rec = await inserted(r, key, pending("northwind", 42, key));
    const active: Assignment = { ...rec.value, status: "active", activatedAt: T0 + 1 };
    equal(
      await r.updateAssignment(rec.id, active, 1),
      { status: "written", record: { ...rec, value: active, version: 2 } },
      "activate",
    );
    const removed: Assignment = { ...rec.value, status: "removed", removedAt: T0 + 2 };
    equal(
      await r.updateAssignment(rec.id, removed, 1),
      { status: "version_conflict", current: { ...rec, value: active, version: 2 } },
      "stale write",
    );
    equal((await r.getAssignment(rec.id))?.value, active, "the newer write is kept");
    equal(
      await r.updateAssignment(`${rec.id}-missing`, removed, 1),
      { status: "version_conflict", current: null },
      "missing id",
    );
  });

  test("updateAssignment: a removed assignment can be written back live (an undo)", async (r) => {
    const key = "jane@northwind.example";
    const rec = await inserted(r, key, pending("northwind", 42, key));
    const removed: Assignment = { ...rec.value, status: "removed", removedAt: T0 + 1 };
    await r.updateAssignment(rec.id, removed, 1);
    equal(
      await r.updateAssignment(rec.id, rec.value, 2),
      { status: "written", record: { ...rec, version: 3 } },
      "written back",
    );
  });

  test("updateAssignment: one that would make two live assignments of one triple throws", async (r) => {
    const key = "jane@northwind.example";
    const first = await inserted(r, key, pending("northwind", 42, key));
    await r.updateAssignment(first.id, { ...first.value, status: "removed", removedAt: T0 + 1 }, 1);
    await inserted(r, key, pending("northwind", 42, key, T0 + 2));
    let threw = false;
    try {
      await r.updateAssignment(first.id, first.value, 2);
    } catch {
      threw = true;
    }
    check(threw, "the update must be refused by throwing");
    equal((await r.listAssignments({ live: true })).length, 1, "live assignments");
  });

  test("deleteAssignment: deletes at the expected version only; ids are not reused", async (r) => {
    const key = "jane@northwind.example";
    const rec = await inserted(r, key, pending("northwind", 42, key));
    equal(
      await r.deleteAssignment(rec.id, 2),
      { status: "version_conflict", current: rec },
      "wrong version",
    );
    equal(await r.deleteAssignment(rec.id, 1), { status: "deleted" }, "delete");
    equal(await r.getAssignment(rec.id), null, "gone");
    equal(
      await r.deleteAssignment(rec.id, 1),
      { status: "version_conflict", current: null },
      "again",
    );
    const next = await inserted(r, key, pending("northwind", 42, key));
    check(next.id !== rec.id, `a deleted id must not be reused: ${rec.id}`);
  });

  test("listAssignments: every filter field must match; insertion order", async (r) => {
    const k1 = "jane@northwind.example";
    const k2 = "adam@northwind.example";
    const a = await inserted(r, k1, pending("northwind", 42, k1));
    const b = await inserted(r, k2, pending("northwind", 43, k2));
    const c = await inserted(r, k1, pending("acme", 42, k1));
    const d = await inserted(r, k1, {
      ...pending("northwind", 43, k1),
      status: "removed",
      removedAt: T0 + 1,
    });
    const idsOf = (list: AssignmentRecord[]) => list.map((x) => x.id);
    equal(idsOf(await r.listAssignments()), [a.id, b.id, c.id, d.id], "all");
    equal(idsOf(await r.listAssignments({})), [a.id, b.id, c.id, d.id], "empty filter");
    equal(
      idsOf(await r.listAssignments({ partnerId: "northwind" })),
      [a.id, b.id, d.id],
      "partner",
    );
    equal(idsOf(await r.listAssignments({ clientId: 42 })), [a.id, c.id], "client");
    equal(idsOf(await r.listAssignments({ emailKey: k1 })), [a.id, c.id, d.id], "key");
    equal(idsOf(await r.listAssignments({ live: true })), [a.id, b.id, c.id], "live");
    equal(idsOf(await r.listAssignments({ live: false })), [d.id], "history");
    equal(
      idsOf(await r.listAssignments({ partnerId: "northwind", clientId: 43, emailKey: k1 })),
      [d.id],
      "all three",
    );
  });

  test("assignments: stored values are copies, in and out", async (r) => {
    const key = "jane@northwind.example";
    const a = { ...pending("northwind", 42, key) };
    const rec = await inserted(r, key, a);
    (a as { status: string }).status = "active";
    (rec.value as { status: string }).status = "active";
    equal((await r.getAssignment(rec.id))?.value.status, "pending_access", "stored status");
  });

  // ---- clients and activities ----

  test("putClient and listClients: upsert by clientId, sorted by clientId", async (r) => {
    equal(await r.listClients(), [], "empty");
    const c43 = { clientId: 43, mrr: { amountMinor: 100, currency: "EUR" } };
    const c42 = { clientId: 42, mrr: { amountMinor: 5_000, currency: "USD" }, growthMarket: true };
    await r.putClient(c43);
    await r.putClient(c42);
    const c43b = { ...c43, mrr: { amountMinor: 200, currency: "EUR" } };
    await r.putClient(c43b);
    equal(await r.listClients(), [c42, c43b], "clients");
  });

  test("recordActivities and listActivities: the half-open period, sorted", async (r) => {
    const act = (clientId: number, email: string, at: number) => ({ clientId, email, at });
    await r.recordActivities([
      act(42, "b@x.io", T0 + 10),
      act(42, "a@x.io", T0 - 1),
      act(43, "a@x.io", T0),
      act(42, "a@x.io", T0 + 10),
    ]);
    await r.recordActivities([act(42, "a@x.io", T0 + 100), act(41, "a@x.io", T0 + 10)]);
    await r.recordActivities([]);
    equal(
      await r.listActivities({ start: T0, end: T0 + 100 }),
      [
        act(43, "a@x.io", T0),
        act(41, "a@x.io", T0 + 10),
        act(42, "a@x.io", T0 + 10),
        act(42, "b@x.io", T0 + 10),
      ],
      "inside [T0, T0 + 100)",
    );
    equal(await r.listActivities({ start: T0 + 200, end: T0 + 300 }), [], "empty period");
  });

  // ---- concurrency ----

  test(`concurrency: ${contenders} partners link one email to one client at once; one wins, all others see it`, async (r) => {
    const partners = ids(contenders);
    const outcomes = await Promise.all(
      partners.map((p, i) => r.linkEmail(link(p, 42, "jane@gmail.com", T0 + i))),
    );
    const winners = outcomes.flatMap((o) => (o.status === "linked" ? [o.link] : []));
    check(winners.length === 1, `exactly one link must succeed, got ${winners.length}`);
    const winner = winners[0]!;
    for (const o of outcomes) {
      if (o.status === "linked") continue;
      equal(o, { status: "held_by_other", holder: winner }, "a loser's outcome");
    }
    equal(await r.getEmailLink(42, "jane@gmail.com"), winner, "stored link");
  });

  test(`concurrency: ${contenders} partners claim one domain at once; one wins, all others see it`, async (r) => {
    const partners = ids(contenders);
    const outcomes = await Promise.all(
      partners.map((p, i) => r.claimDomain(claim("contested.io", p, T0 + i))),
    );
    const winners = outcomes.flatMap((o) => (o.status === "claimed" ? [o.claim] : []));
    check(winners.length === 1, `exactly one claim must succeed, got ${winners.length}`);
    const winner = winners[0]!;
    for (const o of outcomes) {
      if (o.status === "claimed") continue;
      equal(o, { status: "held_by_other", holder: winner }, "a loser's outcome");
    }
    equal(await r.getDomainClaim("contested.io"), winner, "stored claim");
  });

  test(`concurrency: one partner links one email ${contenders} times at once; one link, the rest already_ours`, async (r) => {
    const outcomes = await Promise.all(
      Array.from({ length: contenders }, (_, i) =>
        r.linkEmail(link("acme", 42, "jane@gmail.com", T0 + i)),
      ),
    );
    const winners = outcomes.flatMap((o) => (o.status === "linked" ? [o.link] : []));
    check(winners.length === 1, `exactly one link must be created, got ${winners.length}`);
    for (const o of outcomes) {
      if (o.status !== "linked") equal(o, { status: "already_ours", link: winners[0] }, "outcome");
    }
  });

  test(`concurrency: ${contenders} inserts of one live assignment at once; one is stored`, async (r) => {
    const key = "jane@northwind.example";
    const outcomes = await Promise.all(
      Array.from({ length: contenders }, (_, i) =>
        r.insertAssignment(key, pending("northwind", 42, key, T0 + i)),
      ),
    );
    const winners = outcomes.flatMap((o) => (o.status === "inserted" ? [o.record] : []));
    check(winners.length === 1, `exactly one insert must succeed, got ${winners.length}`);
    for (const o of outcomes) {
      if (o.status !== "inserted")
        equal(o, { status: "duplicate", existing: winners[0] }, "outcome");
    }
    equal((await r.listAssignments()).length, 1, "stored assignments");
  });

  test(`concurrency: ${contenders} writes at one expected version; one is written, none lost silently`, async (r) => {
    await r.savePartner(partner("northwind"), null);
    const outcomes = await Promise.all(
      Array.from({ length: contenders }, (_, i) =>
        r.savePartner(partner("northwind", [`d${i}.io`]), 1),
      ),
    );
    const winners = outcomes.flatMap((o) => (o.status === "written" ? [o.record] : []));
    check(winners.length === 1, `exactly one write must succeed, got ${winners.length}`);
    equal(await r.getPartner("northwind"), winners[0], "stored partner");
    for (const o of outcomes) {
      if (o.status === "written") continue;
      check(
        o.status === "version_conflict" && o.current?.version === 2,
        `a loser must see version 2: ${show(o)}`,
      );
    }
    const users = await Promise.all(
      Array.from({ length: contenders }, () => r.saveUser("a@x.io", user("northwind", "a"), null)),
    );
    const created = users.filter((o) => o.status === "written").length;
    check(created === 1, `exactly one user create must succeed, got ${created}`);
  });

  // ---- transactions (when offered) ----

  test("transaction: when offered, commits every write of a resolved unit", async (r) => {
    if (r.transaction === undefined) return;
    const value = await r.transaction(async (tx) => {
      await tx.savePartner(partner("northwind"), null);
      await tx.claimDomain(claim("northwind.io", "northwind"));
      await tx.linkEmail(link("northwind", 42, "jane@gmail.com"));
      return "done";
    });
    equal(value, "done", "resolved value");
    equal((await r.getPartner("northwind"))?.version, 1, "partner");
    equal((await r.getDomainClaim("northwind.io"))?.partnerId, "northwind", "claim");
    equal((await r.getEmailLink(42, "jane@gmail.com"))?.partnerId, "northwind", "link");
  });

  test("transaction: when offered, keeps none of the writes of a rejected unit and rethrows", async (r) => {
    if (r.transaction === undefined) return;
    await r.savePartner(partner("northwind"), null);
    const key = "jane@northwind.example";
    const kept = await inserted(r, key, pending("northwind", 42, key));
    const reason = new Error("boom");
    let caught: unknown;
    try {
      await r.transaction(async (tx) => {
        await tx.savePartner(partner("northwind", ["northwind.io"]), 1);
        await tx.claimDomain(claim("northwind.io", "northwind"));
        await tx.linkEmail(link("northwind", 42, key));
        await tx.saveUser(key, user("northwind", "jane"), null);
        await tx.updateAssignment(
          kept.id,
          { ...kept.value, status: "removed", removedAt: T0 + 1 },
          1,
        );
        await tx.insertAssignment(key, pending("northwind", 43, key));
        throw reason;
      });
    } catch (e) {
      caught = e;
    }
    check(caught === reason, `the unit's own reason must be rethrown, got ${show(caught)}`);
    equal(await r.getPartner("northwind"), { value: partner("northwind"), version: 1 }, "partner");
    equal(await r.getDomainClaim("northwind.io"), null, "claim");
    equal(await r.getEmailLink(42, key), null, "link");
    equal(await r.getUser("northwind", key), null, "user");
    equal(await r.listAssignments(), [kept], "assignments");
  });

  return cases;
}
