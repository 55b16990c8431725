import {
  type Activity,
  type Assignment,
  type AssignmentRecord,
  type DomainClaimInput,
  type DomainClaimRecord,
  type EmailLinkInput,
  type EmailLinkRecord,
  emailKey,
  type Partner,
  type PartnerAccessRepository,
  type PartnerUser,
  type Period,
  type RepositoryTransaction,
  type UserRecord,
} from "partner-access";

// The contract every PartnerAccessRepository must keep, as plain async test
// cases: no test runner is imported, so callers run them under vitest, jest,
// node:test or mocha alike. A failed expectation throws a
// RepositoryContractViolation; a case that resolves has passed. The cases
// are a table of specs rather than one long function, so each rule reads on
// its own.

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
  /** What the case checks, to name the test. */
  readonly name: string;
  /** Runs the case: resolves when the repository passes, rejects with a `RepositoryContractViolation` when not. */
  readonly run: () => Promise<void>;
}

/**
 * Options of {@link repositoryContract}.
 *
 * @example
 * ```ts
 * const options: RepositoryContractOptions = { contenders: 8, rounds: 4 };
 * ```
 */
export interface RepositoryContractOptions {
  /** How many concurrent callers race in the concurrency cases; default 16, at least 2. */
  readonly contenders?: number;
  /** How many races the interleaving cases run, each in a fresh corner of the data; default 8, at least 1. */
  readonly rounds?: number;
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
  /**
   * @param message - what the repository did wrong
   */
  constructor(message: string) {
    // Error() converts its message to a string, which throws for an object
    // without toString (a null-prototype one): such a message is not kept.
    super(typeof message === "string" ? message : "repository contract violated");
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

// An `invalid_record` refusal whose every issue lies under `param`.
function refused(outcome: unknown, param: string, what: string): void {
  const o = outcome as { status?: unknown; issues?: readonly { path?: readonly unknown[] }[] };
  check(
    o.status === "invalid_record" &&
      Array.isArray(o.issues) &&
      o.issues.length > 0 &&
      o.issues.every((i) => Array.isArray(i.path) && i.path[0] === param),
    `${what}: expected an invalid_record refusal with issues under "${param}", got ${show(outcome)}`,
  );
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// ---- data ----------------------------------------------------------------------

const T0 = Date.UTC(2026, 0, 1);
const EVER: Period = { start: -8.64e15, end: 8.64e15 };

function keyOf(email: string): string {
  return emailKey(email) ?? fail(`test data: ${email} has no key`);
}

function partner(partnerId: string, employeeDomains: readonly string[] = []): Partner {
  return { partnerId, program: "partner", employeeDomains: [...employeeDomains] };
}

function user(partnerId: string, local: string, tagged = true): PartnerUser {
  return { partnerId, email: `${local}@${partnerId}.example`, tagged };
}

function pending(partnerId: string, clientId: number, email: string, at = T0): Assignment {
  return { partnerId, clientId, email, status: "pending_access", assignedAt: at };
}

function active(a: Assignment, activatedAt: number, end: Partial<Assignment> = {}): Assignment {
  return { ...a, status: "active", activatedAt, ...end };
}

function link(partnerId: string, clientId: number, email: string, at = T0): EmailLinkInput {
  return { clientId, partnerId, email, linkedAt: at };
}

function linked(partnerId: string, clientId: number, email: string, at = T0): EmailLinkRecord {
  return { clientId, emailKey: keyOf(email), partnerId, email, linkedAt: at };
}

function claim(domain: string, partnerId: string, at = T0, matchSubdomains = false) {
  return { domain, partnerId, claimedAt: at, matchSubdomains } satisfies DomainClaimInput &
    DomainClaimRecord;
}

function ids(n: number): string[] {
  // zero-padded so code-unit order is numeric order
  return Array.from({ length: n }, (_, i) => `partner-${String(i).padStart(3, "0")}`);
}

async function inserted(
  r: RepositoryTransaction,
  assignment: Assignment,
): Promise<AssignmentRecord> {
  const o = await r.insertAssignment(assignment);
  check(o.status === "inserted", `insertAssignment of a new assignment: got ${show(o)}`);
  return o.record;
}

async function savedUser(r: RepositoryTransaction, u: PartnerUser): Promise<UserRecord> {
  const o = await r.saveUser(u, null);
  check(o.status === "written", `saveUser of a new user: got ${show(o)}`);
  return o.record;
}

// Every activity of a period, page after page (a broken pager is stopped).
async function allActivities(
  r: RepositoryTransaction,
  period: Period,
  options: { limit?: number; clientIds?: readonly number[]; between?: () => Promise<void> } = {},
): Promise<{ activities: Activity[]; pages: Activity[][] }> {
  const pages: Activity[][] = [];
  let after: string | null = null;
  for (let n = 0; n < 10_000; n++) {
    const page = await r.listActivities(period, {
      after,
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(options.clientIds === undefined ? {} : { clientIds: options.clientIds }),
    });
    check(page.status === "page", `listActivities with the previous page's cursor: ${show(page)}`);
    pages.push(page.activities);
    if (page.next === null) return { activities: pages.flat(), pages };
    check(page.activities.length > 0, "a page with a next cursor must not be empty");
    after = page.next;
    if (n === 0) await options.between?.();
  }
  return fail("listActivities: more than 10,000 pages; next never became null");
}

// Everything the repository holds, read through its list methods.
async function tables(r: RepositoryTransaction) {
  return {
    partners: await r.listPartners(),
    claims: await r.listDomainClaims(),
    links: await r.listEmailLinks(),
    users: await r.listUsers(),
    assignments: await r.listAssignments(),
    clients: await r.listClients(),
    activities: (await allActivities(r, EVER)).activities,
  };
}

const EMPTY = {
  partners: [],
  claims: [],
  links: [],
  users: [],
  assignments: [],
  clients: [],
  activities: [],
};

const activityKey = (a: Activity) => `${a.at}|${a.clientId}|${a.email}`;

function counts(activities: readonly Activity[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of activities) m.set(activityKey(a), (m.get(activityKey(a)) ?? 0) + 1);
  return m;
}

function sortedByAt(activities: readonly Activity[], what: string): void {
  for (let i = 1; i < activities.length; i++) {
    check(
      activities[i - 1]!.at <= activities[i]!.at,
      `${what}: activities must be sorted by at: ${show(activities)}`,
    );
  }
}

// The methods of the port. `satisfies` makes the compiler refuse this list
// when the port gains or loses a method.
const METHODS = Object.keys({
  getPartner: true,
  listPartners: true,
  savePartner: true,
  claimDomain: true,
  releaseDomain: true,
  getDomainClaim: true,
  listDomainClaims: true,
  linkEmail: true,
  unlinkEmail: true,
  getEmailLink: true,
  listEmailLinks: true,
  getUser: true,
  listUsers: true,
  saveUser: true,
  deleteUser: true,
  insertAssignment: true,
  getAssignment: true,
  getLiveAssignment: true,
  listAssignments: true,
  updateAssignment: true,
  putClient: true,
  listClients: true,
  recordActivities: true,
  listActivities: true,
} satisfies Record<keyof RepositoryTransaction, true>);

interface Settings {
  readonly contenders: number;
  readonly rounds: number;
}

interface Spec {
  readonly name: string | ((s: Settings) => string);
  readonly run: (r: PartnerAccessRepository, s: Settings) => Promise<void>;
}

// ---- the port, partners ---------------------------------------------------------

const PORT_AND_PARTNERS: Spec[] = [
  {
    name: "port: the repository and every transaction view have each method of the port",
    run: async (r) => {
      check(typeof r.transaction === "function", "transaction must be a function");
      const missing = (o: object) =>
        METHODS.filter((m) => typeof (o as Record<string, unknown>)[m] !== "function");
      equal(missing(r), [], "methods missing on the repository");
      equal(await r.transaction(async (tx) => missing(tx)), [], "methods missing on a view");
    },
  },
  {
    name: "savePartner: creates with expected version null, at version 1",
    run: async (r) => {
      const p = partner("northwind", ["northwind.io"]);
      equal(await r.getPartner("northwind"), null, "getPartner before create");
      equal(
        await r.savePartner(p, null),
        { status: "written", record: { value: p, version: 1 } },
        "create",
      );
      equal(await r.getPartner("northwind"), { value: p, version: 1 }, "getPartner after create");
    },
  },
  {
    name: "savePartner: refuses to create a partner that exists, keeping the stored one",
    run: async (r) => {
      const p = partner("northwind", ["northwind.io"]);
      await r.savePartner(p, null);
      const again = await r.savePartner(partner("northwind", ["other.io"]), null);
      equal(
        again,
        { status: "version_conflict", current: { value: p, version: 1 } },
        "second create",
      );
      equal(await r.getPartner("northwind"), { value: p, version: 1 }, "stored partner");
    },
  },
  {
    name: "savePartner: replaces at the expected version and counts versions up",
    run: async (r) => {
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
    },
  },
  {
    name: "savePartner: a stale version is refused and the newer write is not lost",
    run: async (r) => {
      await r.savePartner(partner("northwind"), null);
      const first = partner("northwind", ["first.io"]);
      await r.savePartner(first, 1);
      const stale = await r.savePartner(partner("northwind", ["second.io"]), 1);
      equal(stale, { status: "version_conflict", current: { value: first, version: 2 } }, "stale");
      equal(await r.getPartner("northwind"), { value: first, version: 2 }, "stored");
    },
  },
  {
    name: "savePartner: replacing a partner that does not exist is a version conflict",
    run: async (r) => {
      const res = await r.savePartner(partner("ghost"), 1);
      equal(res, { status: "version_conflict", current: null }, "update of missing partner");
      equal(await r.getPartner("ghost"), null, "nothing created");
    },
  },
  {
    name: "listPartners: every partner, sorted by partnerId",
    run: async (r) => {
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
    },
  },
  {
    name: "listPartners: partnerIds reads only those partners, skipping unknown ids",
    run: async (r) => {
      for (const id of ["acme", "beta", "northwind"]) await r.savePartner(partner(id), null);
      const only = await r.listPartners({ partnerIds: ["northwind", "ghost", "acme"] });
      equal(
        only,
        [
          { value: partner("acme"), version: 1 },
          { value: partner("northwind"), version: 1 },
        ],
        "two of three",
      );
      equal(await r.listPartners({ partnerIds: [] }), [], "no ids");
    },
  },
  {
    name: "partners: stored values are copies, in and out",
    run: async (r) => {
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
    },
  },
];

// ---- domain claims ------------------------------------------------------------------

const CLAIMS: Spec[] = [
  {
    name: "claimDomain: a free domain is claimed; the same partner again is already_ours",
    run: async (r) => {
      const c = claim("acme.com", "acme", T0);
      equal(
        await r.claimDomain({ domain: "acme.com", partnerId: "acme", claimedAt: T0 }),
        { status: "claimed", claim: c },
        "first claim (matchSubdomains defaults to false)",
      );
      equal(
        await r.claimDomain(claim("acme.com", "acme", T0 + 5)),
        { status: "already_ours", claim: c },
        "second claim keeps the original claimedAt",
      );
      equal(await r.getDomainClaim("acme.com"), c, "stored claim");
    },
  },
  {
    name: "claimDomain: another partner is refused with the holder",
    run: async (r) => {
      const c = claim("acme.com", "acme", T0);
      await r.claimDomain(c);
      equal(
        await r.claimDomain(claim("acme.com", "rival", T0 + 1)),
        { status: "held_by_other", holder: c },
        "rival claim",
      );
      equal(await r.getDomainClaim("acme.com"), c, "holder unchanged");
    },
  },
  {
    name: "claimDomain: without subdomain matching, a subdomain or a prefix is another domain",
    run: async (r) => {
      await r.claimDomain(claim("acme.com", "acme"));
      equal((await r.claimDomain(claim("eu.acme.com", "rival"))).status, "claimed", "subdomain");
      equal((await r.claimDomain(claim("acme.co", "other"))).status, "claimed", "a prefix");
      equal(
        (await r.claimDomain(claim("x.acme.co", "other2", T0, true))).status,
        "claimed",
        "matching subdomains of an unrelated domain",
      );
    },
  },
  {
    name: "claimDomain: an ancestor matching subdomains and another partner's descendant never coexist, in either order",
    run: async (r) => {
      const a = claim("acme.com", "a", T0, true);
      equal(await r.claimDomain(a), { status: "claimed", claim: a }, "a claims acme.com");
      for (const domain of ["eu.acme.com", "x.eu.acme.com"]) {
        equal(
          await r.claimDomain(claim(domain, "b", T0 + 1)),
          { status: "held_by_other", holder: a },
          `b claims ${domain} under a's subdomain-matching claim`,
        );
      }
      for (const domain of ["notacme.com", "acme.com.evil.io", "acme.co"]) {
        equal((await r.claimDomain(claim(domain, "b", T0 + 1))).status, "claimed", domain);
      }
      const b = claim("eu.rival.io", "b", T0);
      await r.claimDomain(b);
      equal(
        await r.claimDomain(claim("rival.io", "c", T0 - 60_000, true)),
        { status: "held_by_other", holder: b },
        "c claims rival.io matching subdomains, earlier by its clock, after b's eu.rival.io",
      );
      equal(
        (await r.claimDomain(claim("rival.io", "c", T0 + 2))).status,
        "claimed",
        "c claims rival.io without matching subdomains",
      );
      equal(
        (await r.claimDomain(claim("b.acme.com", "a", T0 + 3, true))).status,
        "claimed",
        "a partner's own claims do not overlap",
      );
      equal(await r.getDomainClaim("eu.acme.com"), null, "nothing stored for refused claims");
    },
  },
  {
    name: "claimDomain: changing matchSubdomains updates the claim, unless another partner holds a subdomain",
    run: async (r) => {
      const plain = claim("acme.com", "a", T0);
      await r.claimDomain(plain);
      const on = claim("acme.com", "a", T0 + 9, true);
      equal(
        await r.claimDomain(on),
        { status: "updated", claim: { ...plain, matchSubdomains: true }, previous: plain },
        "switched on (claimedAt kept)",
      );
      equal(
        await r.claimDomain(claim("acme.com", "a", T0 + 10, false)),
        { status: "updated", claim: plain, previous: { ...plain, matchSubdomains: true } },
        "switched off",
      );
      const eu = claim("eu.acme.com", "b", T0 + 11);
      await r.claimDomain(eu);
      equal(
        await r.claimDomain(on),
        { status: "held_by_other", holder: eu },
        "switched on while b holds eu.acme.com",
      );
      equal(await r.getDomainClaim("acme.com"), plain, "the claim is unchanged");
    },
  },
  {
    name: "claimDomain: the holder reported is the same domain, else the closest ancestor, else the first descendant",
    run: async (r) => {
      await r.claimDomain(claim("acme.com", "p1", T0, true));
      const eu = claim("eu.acme.com", "p1", T0, true);
      await r.claimDomain(eu);
      equal(
        await r.claimDomain(claim("x.eu.acme.com", "p2")),
        { status: "held_by_other", holder: eu },
        "closest ancestor",
      );
      const a = claim("a.rival.io", "p1");
      await r.claimDomain(claim("b.rival.io", "p1"));
      await r.claimDomain(a);
      equal(
        await r.claimDomain(claim("rival.io", "p2", T0, true)),
        { status: "held_by_other", holder: a },
        "first descendant in binary order",
      );
      const top = claim("rival.io", "p1");
      await r.claimDomain(top);
      equal(
        await r.claimDomain(claim("rival.io", "p2", T0, true)),
        { status: "held_by_other", holder: top },
        "the same domain first",
      );
    },
  },
  {
    name: "releaseDomain: only the holder releases; then another partner can claim",
    run: async (r) => {
      const c = claim("acme.com", "acme");
      await r.claimDomain(c);
      equal(
        await r.releaseDomain("acme.com", "rival"),
        { status: "not_held", holder: c },
        "rival release",
      );
      equal(await r.getDomainClaim("acme.com"), c, "still held");
      equal(
        await r.releaseDomain("acme.com", "acme"),
        { status: "released", claim: c },
        "holder release",
      );
      equal(await r.getDomainClaim("acme.com"), null, "free");
      equal(
        await r.releaseDomain("acme.com", "acme"),
        { status: "not_held", holder: null },
        "again",
      );
      const next = claim("acme.com", "rival", T0 + 9);
      equal(await r.claimDomain(next), { status: "claimed", claim: next }, "rival claims after");
    },
  },
  {
    name: "listDomainClaims: of one partner or all, sorted by domain",
    run: async (r) => {
      equal(await r.listDomainClaims(), [], "empty");
      await r.claimDomain(claim("b.io", "acme"));
      await r.claimDomain(claim("z.io", "rival", T0, true));
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
      equal(await r.listDomainClaims("rival"), [claim("z.io", "rival", T0, true)], "rival's");
      equal(await r.listDomainClaims("nobody"), [], "nobody's");
    },
  },
];

// ---- email links ----------------------------------------------------------------------

const LINKS: Spec[] = [
  {
    name: "linkEmail: a free pair is linked; the same partner again is already_ours",
    run: async (r) => {
      const l = linked("acme", 42, "jane@gmail.com", T0);
      equal(
        await r.linkEmail(link("acme", 42, "jane@gmail.com", T0)),
        { status: "linked", link: l },
        "first link",
      );
      equal(
        await r.linkEmail(link("acme", 42, "Jane@Gmail.com", T0 + 5)),
        { status: "already_ours", link: l },
        "second link keeps the stored one",
      );
      equal(await r.getEmailLink(42, "jane@gmail.com"), l, "stored link");
    },
  },
  {
    name: "linkEmail: another partner is refused with the holder",
    run: async (r) => {
      await r.linkEmail(link("acme", 42, "jane@gmail.com"));
      equal(
        await r.linkEmail(link("rival", 42, "JANE@gmail.com", T0 + 1)),
        { status: "held_by_other", holder: linked("acme", 42, "jane@gmail.com") },
        "rival link, same key",
      );
      equal(
        await r.getEmailLink(42, "jane@gmail.com"),
        linked("acme", 42, "jane@gmail.com"),
        "holder unchanged",
      );
    },
  },
  {
    name: "linkEmail: other clients and other keys are independent",
    run: async (r) => {
      await r.linkEmail(link("acme", 42, "jane@gmail.com"));
      equal(
        (await r.linkEmail(link("rival", 43, "jane@gmail.com"))).status,
        "linked",
        "other client",
      );
      equal(
        (await r.linkEmail(link("rival", 42, "jane2@gmail.com"))).status,
        "linked",
        "other key",
      );
    },
  },
  {
    name: "unlinkEmail: only the holder unlinks; then another partner can link",
    run: async (r) => {
      const l = linked("acme", 42, "jane@gmail.com");
      await r.linkEmail(link("acme", 42, "jane@gmail.com"));
      const by = (partnerId: string) => ({ clientId: 42, emailKey: "jane@gmail.com", partnerId });
      equal(await r.unlinkEmail(by("rival")), { status: "not_held", holder: l }, "rival unlink");
      equal(await r.getEmailLink(42, "jane@gmail.com"), l, "still linked");
      equal(await r.unlinkEmail(by("acme")), { status: "unlinked", link: l }, "holder unlink");
      equal(await r.getEmailLink(42, "jane@gmail.com"), null, "free");
      equal(await r.unlinkEmail(by("acme")), { status: "not_held", holder: null }, "again");
      equal(
        (await r.linkEmail(link("rival", 42, "jane@gmail.com"))).status,
        "linked",
        "rival after",
      );
    },
  },
  {
    name: "listEmailLinks: filtered by client and partner, sorted by client then key",
    run: async (r) => {
      equal(await r.listEmailLinks(), [], "empty");
      const a = linked("acme", 43, "b@x.io");
      const b = linked("acme", 42, "z@x.io");
      const c = linked("rival", 42, "a@x.io");
      for (const l of [a, b, c]) await r.linkEmail(link(l.partnerId, l.clientId, l.email));
      equal(await r.listEmailLinks(), [c, b, a], "all");
      equal(await r.listEmailLinks({ clientId: 42 }), [c, b], "client 42");
      equal(await r.listEmailLinks({ partnerId: "acme" }), [b, a], "acme");
      equal(await r.listEmailLinks({ clientId: 42, partnerId: "acme" }), [b], "both");
    },
  },
];

// ---- users ------------------------------------------------------------------------------

const USERS: Spec[] = [
  {
    name: "saveUser: creates, replaces at the expected version, refuses stale versions",
    run: async (r) => {
      const jane = user("northwind", "jane", false);
      const key = keyOf(jane.email);
      equal(await r.getUser("northwind", key), null, "before");
      equal(
        await r.saveUser(jane, null),
        { status: "written", record: { emailKey: key, value: jane, version: 1 } },
        "create",
      );
      equal(
        await r.saveUser(jane, null),
        { status: "version_conflict", current: { emailKey: key, value: jane, version: 1 } },
        "create again",
      );
      const tagged = { ...jane, tagged: true };
      equal(
        await r.saveUser(tagged, 1),
        { status: "written", record: { emailKey: key, value: tagged, version: 2 } },
        "tag",
      );
      equal(
        await r.saveUser({ ...jane, inPartnerAccount: false }, 1),
        { status: "version_conflict", current: { emailKey: key, value: tagged, version: 2 } },
        "stale write",
      );
      equal(
        await r.getUser("northwind", key),
        { emailKey: key, value: tagged, version: 2 },
        "stored",
      );
      equal(
        await r.saveUser(user("northwind", "ghost"), 3),
        { status: "version_conflict", current: null },
        "update of a missing user",
      );
    },
  },
  {
    name: "users: keyed by partner and email key; listUsers filters by partner and by keys, sorted",
    run: async (r) => {
      const a = user("northwind", "jane");
      const b = { ...user("acme", "jane"), email: "jane@northwind.example" };
      const c = user("northwind", "adam");
      for (const u of [a, b, c]) await r.saveUser(u, null);
      equal((await r.getUser("acme", keyOf(a.email)))?.value, b, "same key, other partner");
      const pairs = (list: UserRecord[]) => list.map((u) => [u.value.partnerId, u.emailKey]);
      equal(
        pairs(await r.listUsers()),
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
      const keys = [
        { partnerId: "northwind", emailKey: "jane@northwind.example" },
        { partnerId: "ghost", emailKey: "jane@northwind.example" },
        { partnerId: "acme", emailKey: "jane@northwind.example" },
      ];
      equal(
        pairs(await r.listUsers({ keys })),
        [
          ["acme", "jane@northwind.example"],
          ["northwind", "jane@northwind.example"],
        ],
        "by keys",
      );
      equal(await r.listUsers({ keys: [] }), [], "no keys");
      equal(
        pairs(await r.listUsers({ keys, partnerId: "acme" })),
        [["acme", "jane@northwind.example"]],
        "keys and partner",
      );
    },
  },
  {
    name: "users: stored values are copies, in and out",
    run: async (r) => {
      const jane = { ...user("northwind", "jane") };
      await r.saveUser(jane, null);
      (jane as { tagged: boolean }).tagged = false;
      const read = await r.getUser("northwind", "jane@northwind.example");
      equal(read?.value.tagged, true, "after mutating the input");
      if (read) (read.value as { tagged: boolean }).tagged = false;
      equal((await r.getUser("northwind", "jane@northwind.example"))?.value.tagged, true, "output");
    },
  },
  {
    name: "deleteUser: deletes at the expected version only",
    run: async (r) => {
      const jane = await savedUser(r, user("northwind", "jane"));
      const key = jane.emailKey;
      equal(
        await r.deleteUser("northwind", key, 2),
        { status: "version_conflict", current: jane },
        "wrong version",
      );
      equal(await r.deleteUser("northwind", key, 1), { status: "deleted", user: jane }, "delete");
      equal(await r.getUser("northwind", key), null, "gone");
      equal(
        await r.deleteUser("northwind", key, 1),
        { status: "version_conflict", current: null },
        "again",
      );
      equal(await r.listUsers(), [], "no users left");
    },
  },
];

// ---- keys: computed by the store, never taken from the caller ---------------------

// Addresses whose key is not their lower-cased text: an IDN domain, a
// trailing dot, surrounding spaces, a full-width domain.
const TRICKY = ["Jane@BÜCHER.de", " Max@Acme.COM. ", "ana@ＡＣＭＥ.com"];

const KEYS: Spec[] = [
  {
    name: "keys: a user is stored under emailKey(email), computed by the store",
    run: async (r) => {
      for (const email of TRICKY) {
        const u: PartnerUser = { partnerId: "acme", email, tagged: true };
        const key = keyOf(email);
        const written = await r.saveUser({ ...u, emailKey: "wrong@key.io" } as PartnerUser, null);
        equal(
          written,
          { status: "written", record: { emailKey: key, value: u, version: 1 } },
          `saveUser ${email}`,
        );
        equal(await r.getUser("acme", key), { emailKey: key, value: u, version: 1 }, "getUser");
      }
      equal(await r.getUser("acme", "wrong@key.io"), null, "a key the caller made up");
      equal(
        (await r.listUsers()).map((u) => u.emailKey).sort(),
        TRICKY.map(keyOf).sort(),
        "listUsers",
      );
    },
  },
  {
    name: "keys: assignments and email links are keyed by emailKey(email), computed by the store",
    run: async (r) => {
      for (const [i, email] of TRICKY.entries()) {
        const key = keyOf(email);
        const rec = await inserted(r, pending("acme", 42 + i, email));
        equal(rec.emailKey, key, `the key of an assignment of ${email}`);
        equal(
          (await r.getLiveAssignment({ partnerId: "acme", clientId: 42 + i, emailKey: key }))?.id,
          rec.id,
          "getLiveAssignment by the computed key",
        );
        const l = await r.linkEmail({
          ...link("acme", 42, email),
          emailKey: "wrong@key.io",
        } as EmailLinkInput);
        equal(l, { status: "linked", link: linked("acme", 42, email) }, `linkEmail ${email}`);
        equal((await r.getEmailLink(42, key))?.email, email, "getEmailLink by the computed key");
      }
      equal(await r.getEmailLink(42, "wrong@key.io"), null, "a key the caller made up");
      equal(
        (await r.listAssignments({ emailKey: keyOf(TRICKY[0]!) })).length,
        1,
        "listAssignments by key",
      );
    },
  },
  {
    name: "keys: a record whose address has no key is refused, and nothing is stored",
    run: async (r) => {
      for (const email of ["jane", "jane@", "", "@acme.com", 42]) {
        const e = email as string;
        refused(
          await r.saveUser({ partnerId: "acme", email: e, tagged: true }, null),
          "user",
          `saveUser ${show(email)}`,
        );
        refused(
          await r.insertAssignment(pending("acme", 42, e)),
          "assignment",
          `insertAssignment ${show(email)}`,
        );
        refused(await r.linkEmail(link("acme", 42, e)), "link", `linkEmail ${show(email)}`);
        refused(
          await r.recordActivities([{ clientId: 42, email: e, at: T0 }]),
          "activities",
          `recordActivities ${show(email)}`,
        );
      }
      equal(await tables(r), EMPTY, "stored data");
    },
  },
];

// ---- malformed records ----------------------------------------------------------------

const INVALID: Spec[] = [
  {
    name: "invalid records: every write refuses a malformed record, with the issues, and writes nothing",
    run: async (r) => {
      const rec = await inserted(r, pending("acme", 42, "jane@acme.com"));
      await r.savePartner(partner("acme"), null);
      const before = await tables(r);
      const p = partner("acme");
      // one row per refusal (the outcome, its parameter, what is wrong): a
      // long table rather than a long function
      const bad: [unknown, string, string][] = [
        [
          await r.savePartner({ ...p, employeeDomains: ["ACME.com"] }, 1),
          "partner",
          "a domain not in canonical form",
        ],
        [
          await r.savePartner({ ...p, employeeDomains: ["acme.com", "acme.com"] }, 1),
          "partner",
          "a domain twice",
        ],
        [
          await r.savePartner({ ...p, program: "gold" } as never, 1),
          "partner",
          "an unknown program",
        ],
        [await r.savePartner({ ...p, partnerId: "" }, null), "partner", "an empty partnerId"],
        [
          await r.saveUser({ ...user("acme", "jane"), tagged: "yes" } as never, null),
          "user",
          "tagged as text",
        ],
        [
          await r.insertAssignment({ ...pending("acme", 43, "jane@acme.com"), status: "active" }),
          "assignment",
          "active without activatedAt",
        ],
        [
          await r.insertAssignment({ ...pending("acme", 43, "jane@acme.com"), assignedAt: 1.5 }),
          "assignment",
          "a fractional time",
        ],
        [
          await r.updateAssignment(rec.id, { ...rec.value, status: "removed" }, 1),
          "assignment",
          "removed without removedAt",
        ],
        [await r.claimDomain(claim("com", "acme")), "claim", "a single label"],
        [await r.claimDomain(claim("ACME.io", "acme")), "claim", "a domain not in canonical form"],
        [await r.claimDomain(claim("co.uk", "acme")), "claim", "a public suffix"],
        [
          await r.linkEmail({ ...link("acme", 42, "jane@acme.com"), clientId: "42" } as never),
          "link",
          "a client id as text",
        ],
        [
          await r.putClient({ clientId: 42, mrr: { amountMinor: 100, currency: "usd" } }),
          "client",
          "a currency in lower case",
        ],
        [
          await r.putClient({ clientId: 0, mrr: { amountMinor: -1, currency: "USD" } }),
          "client",
          "a bad id and amount",
        ],
        [
          await r.recordActivities([
            { clientId: 42, email: "jane@acme.com", at: T0 },
            { clientId: 42, email: "jane@acme.com", at: Number.NaN },
          ]),
          "activities",
          "one bad activity among good ones",
        ],
      ];
      for (const [outcome, param, what] of bad) refused(outcome, param, what);
      equal(await tables(r), before, "stored data");
    },
  },
  {
    name: "invalid records: every write refuses what is not a record at all, and writes nothing",
    run: async (r) => {
      for (const garbage of [null, 42, "text"]) {
        const g = garbage as never;
        refused(await r.savePartner(g, null), "partner", `savePartner(${show(garbage)})`);
        refused(await r.saveUser(g, null), "user", `saveUser(${show(garbage)})`);
        refused(await r.insertAssignment(g), "assignment", `insertAssignment(${show(garbage)})`);
        refused(await r.claimDomain(g), "claim", `claimDomain(${show(garbage)})`);
        refused(await r.linkEmail(g), "link", `linkEmail(${show(garbage)})`);
        refused(await r.putClient(g), "client", `putClient(${show(garbage)})`);
        refused(await r.recordActivities(g), "activities", `recordActivities(${show(garbage)})`);
      }
      equal(await tables(r), EMPTY, "stored data");
    },
  },
];

// ---- assignments --------------------------------------------------------------------------

const ASSIGNMENTS: Spec[] = [
  {
    name: "insertAssignment: stores at version 1 with a fresh id; getAssignment reads it",
    run: async (r) => {
      const a = pending("northwind", 42, "Jane@northwind.example");
      const rec = await inserted(r, a);
      check(
        typeof rec.id === "string" && rec.id !== "",
        `id must be a non-empty string: ${show(rec)}`,
      );
      equal(
        rec,
        { id: rec.id, emailKey: "jane@northwind.example", value: a, version: 1 },
        "record",
      );
      equal(await r.getAssignment(rec.id), rec, "getAssignment");
      equal(await r.getAssignment(`${rec.id}-missing`), null, "unknown id");
    },
  },
  {
    name: "insertAssignment: a second live assignment of one partner, client and key is a duplicate",
    run: async (r) => {
      const first = await inserted(r, pending("northwind", 42, "jane@northwind.example"));
      const again = active(pending("northwind", 42, "JANE@northwind.example", T0 + 1), T0 + 1);
      equal(await r.insertAssignment(again), { status: "duplicate", existing: first }, "dup");
      equal((await r.listAssignments()).length, 1, "nothing written");
    },
  },
  {
    name: "insertAssignment: history never collides; other partners and clients do not collide",
    run: async (r) => {
      const email = "jane@gmail.com";
      await inserted(r, pending("northwind", 42, email));
      const removed: Assignment = {
        ...pending("northwind", 42, email, T0 - 10),
        status: "removed",
        removedAt: T0 - 5,
      };
      await inserted(r, removed);
      await inserted(r, { ...removed, status: "expired", expiresAt: T0 - 5 });
      await inserted(r, pending("acme", 42, email));
      await inserted(r, pending("northwind", 43, email));
      equal((await r.listAssignments()).length, 5, "all stored");
    },
  },
  {
    name: "insertAssignment: a live one can be inserted again once the earlier is removed",
    run: async (r) => {
      const first = await inserted(r, pending("northwind", 42, "jane@northwind.example"));
      const removed: Assignment = { ...first.value, status: "removed", removedAt: T0 + 1 };
      equal((await r.updateAssignment(first.id, removed, 1)).status, "written", "remove");
      const second = await inserted(r, pending("northwind", 42, "jane@northwind.example", T0 + 2));
      check(second.id !== first.id, `ids must differ: ${first.id} / ${second.id}`);
    },
  },
  {
    name: "updateAssignment: replaces at the expected version; stale and missing are conflicts",
    run: async (r) => {
      const rec = await inserted(r, pending("northwind", 42, "jane@northwind.example"));
      const on = active(rec.value, T0 + 1);
      equal(
        await r.updateAssignment(rec.id, on, 1),
        { status: "written", record: { ...rec, value: on, version: 2 } },
        "activate",
      );
      const removed: Assignment = { ...on, status: "removed", removedAt: T0 + 2 };
      equal(
        await r.updateAssignment(rec.id, removed, 1),
        { status: "version_conflict", current: { ...rec, value: on, version: 2 } },
        "stale write",
      );
      equal((await r.getAssignment(rec.id))?.value, on, "the newer write is kept");
      equal(
        await r.updateAssignment(`${rec.id}-missing`, removed, 1),
        { status: "version_conflict", current: null },
        "missing id",
      );
    },
  },
  {
    name: "updateAssignment: an assignment keeps its partner, client and key, and a removed or expired one its status",
    run: async (r) => {
      const rec = await inserted(r, pending("northwind", 42, "jane@northwind.example"));
      const changes: [Assignment, string][] = [
        [{ ...rec.value, partnerId: "acme" }, "partnerId"],
        [{ ...rec.value, clientId: 43 }, "clientId"],
        [{ ...rec.value, email: "adam@northwind.example" }, "email"],
      ];
      for (const [next, field] of changes) {
        refused(await r.updateAssignment(rec.id, next, 1), "assignment", `a new ${field}`);
      }
      const recased = { ...rec.value, email: "JANE@Northwind.example" };
      equal(
        (await r.updateAssignment(rec.id, recased, 1)).status,
        "written",
        "same key, other case",
      );
      const removed: Assignment = { ...recased, status: "removed", removedAt: T0 + 1 };
      equal((await r.updateAssignment(rec.id, removed, 2)).status, "written", "removed");
      refused(
        await r.updateAssignment(rec.id, recased, 3),
        "assignment",
        "a removed one back live",
      );
      const ended = await inserted(r, {
        ...pending("northwind", 44, "jane@northwind.example"),
        status: "expired",
        expiresAt: T0,
      });
      refused(
        await r.updateAssignment(ended.id, active(ended.value, T0), 1),
        "assignment",
        "an expired one back live",
      );
      equal(
        (await r.updateAssignment(rec.id, { ...removed, removedAt: T0 + 2 }, 3)).status,
        "written",
        "a removed one stays removed",
      );
      equal((await r.getAssignment(ended.id))?.version, 1, "the refused write left it");
      equal(await r.listAssignments({ live: true }), [], "nothing live");
    },
  },
  {
    name: "getLiveAssignment: the pending or active assignment of one partner, client and key",
    run: async (r) => {
      const key = "jane@northwind.example";
      const at = { partnerId: "northwind", clientId: 42, emailKey: key };
      equal(await r.getLiveAssignment(at), null, "none yet");
      await inserted(r, {
        ...pending("northwind", 42, key, T0 - 9),
        status: "removed",
        removedAt: T0 - 5,
      });
      const live = await inserted(r, pending("northwind", 42, key));
      await inserted(r, pending("acme", 42, key));
      await inserted(r, pending("northwind", 43, key));
      equal(await r.getLiveAssignment(at), live, "the live one");
      const on = active(live.value, T0 + 1);
      const written = await r.updateAssignment(live.id, on, 1);
      equal(await r.getLiveAssignment(at), { ...live, value: on, version: 2 }, "active");
      check(written.status === "written", "activate");
      await r.updateAssignment(live.id, { ...on, status: "removed", removedAt: T0 + 2 }, 2);
      equal(await r.getLiveAssignment(at), null, "removed");
    },
  },
  {
    name: "listAssignments: every filter field must match; insertion order",
    run: async (r) => {
      const k1 = "jane@northwind.example";
      const k2 = "adam@northwind.example";
      const a = await inserted(r, pending("northwind", 42, k1));
      const b = await inserted(r, pending("northwind", 43, k2));
      const c = await inserted(r, pending("acme", 42, k1));
      const d = await inserted(r, {
        ...pending("northwind", 43, k1),
        status: "removed",
        removedAt: T0 + 1,
      });
      const e = await inserted(r, pending("acme", 44, k2));
      const idsOf = (list: AssignmentRecord[]) => list.map((x) => x.id);
      equal(idsOf(await r.listAssignments()), [a.id, b.id, c.id, d.id, e.id], "all");
      equal(idsOf(await r.listAssignments({})), [a.id, b.id, c.id, d.id, e.id], "empty filter");
      equal(
        idsOf(await r.listAssignments({ partnerId: "northwind" })),
        [a.id, b.id, d.id],
        "partner",
      );
      equal(idsOf(await r.listAssignments({ clientId: 42 })), [a.id, c.id], "client");
      equal(
        idsOf(await r.listAssignments({ clientIds: [44, 42, 7] })),
        [a.id, c.id, e.id],
        "clients",
      );
      equal(idsOf(await r.listAssignments({ clientIds: [] })), [], "no clients");
      equal(idsOf(await r.listAssignments({ emailKey: k1 })), [a.id, c.id, d.id], "key");
      equal(idsOf(await r.listAssignments({ live: true })), [a.id, b.id, c.id, e.id], "live");
      equal(idsOf(await r.listAssignments({ live: false })), [d.id], "history");
      equal(
        idsOf(await r.listAssignments({ partnerId: "northwind", clientId: 43, emailKey: k1 })),
        [d.id],
        "all three",
      );
    },
  },
  {
    name: "listAssignments: activeIn keeps those active at some instant of the period",
    run: async (r) => {
      const period = { start: T0 + 10, end: T0 + 20 };
      let n = 0;
      const add = async (a: Partial<Assignment>) =>
        inserted(r, { ...pending("northwind", 42, `u${n++}@northwind.example`), ...a });
      await add({}); // pending: never active
      const from = await add({ status: "active", activatedAt: T0 });
      await add({ status: "active", activatedAt: T0 + 20 }); // starts at the end
      const late = await add({ status: "active", activatedAt: T0 + 19 });
      await add({ status: "removed", activatedAt: T0, removedAt: T0 + 10 }); // ends at the start
      const removed = await add({ status: "removed", activatedAt: T0, removedAt: T0 + 11 });
      const expired = await add({ status: "expired", activatedAt: T0, expiresAt: T0 + 15 });
      await add({ status: "active", activatedAt: T0, expiresAt: T0 + 5 }); // past its expiry
      await add({ status: "removed", removedAt: T0 + 15 }); // removed while pending
      const other = await inserted(r, active(pending("acme", 43, "x@acme.example"), T0));
      const idsOf = (list: AssignmentRecord[]) => list.map((x) => x.id);
      equal(
        idsOf(await r.listAssignments({ activeIn: period })),
        [from.id, late.id, removed.id, expired.id, other.id],
        "active in [T0 + 10, T0 + 20)",
      );
      equal(
        idsOf(await r.listAssignments({ activeIn: period, clientIds: [43] })),
        [other.id],
        "with clientIds",
      );
      equal(
        await r.listAssignments({ activeIn: { start: T0 + 12, end: T0 + 12 } }),
        [],
        "an empty period",
      );
    },
  },
  {
    name: "assignments: stored values are copies, in and out",
    run: async (r) => {
      const a = { ...pending("northwind", 42, "jane@northwind.example") };
      const rec = await inserted(r, a);
      (a as { status: string }).status = "active";
      (rec.value as { status: string }).status = "active";
      equal((await r.getAssignment(rec.id))?.value.status, "pending_access", "stored status");
    },
  },
];

// ---- clients and activities -------------------------------------------------------------------

const act = (clientId: number, email: string, at: number): Activity => ({ clientId, email, at });

const ACTIVITIES: Spec[] = [
  {
    name: "putClient and listClients: upsert by clientId, sorted by clientId, or by ids",
    run: async (r) => {
      equal(await r.listClients(), [], "empty");
      const c43 = { clientId: 43, mrr: { amountMinor: 100, currency: "EUR" } };
      const c42 = {
        clientId: 42,
        mrr: { amountMinor: 5_000, currency: "USD" },
        growthMarket: true,
      };
      equal(await r.putClient(c43), { status: "written", client: c43 }, "put 43");
      await r.putClient(c42);
      const c43b = { ...c43, mrr: { amountMinor: 200, currency: "EUR" } };
      await r.putClient(c43b);
      equal(await r.listClients(), [c42, c43b], "clients");
      equal(await r.listClients({ clientIds: [43, 7] }), [c43b], "by ids");
      equal(await r.listClients({ clientIds: [] }), [], "no ids");
    },
  },
  {
    name: "recordActivities and listActivities: the half-open period, sorted by at",
    run: async (r) => {
      const outcome = await r.recordActivities([
        act(42, "b@x.io", T0 + 10),
        act(42, "a@x.io", T0 - 1),
        act(43, "a@x.io", T0),
        act(42, "a@x.io", T0 + 10),
      ]);
      equal(outcome, { status: "recorded", count: 4 }, "recorded");
      await r.recordActivities([act(42, "a@x.io", T0 + 100), act(41, "a@x.io", T0 + 10)]);
      equal(await r.recordActivities([]), { status: "recorded", count: 0 }, "none");
      const page = await r.listActivities({ start: T0, end: T0 + 100 }, { limit: 100 });
      check(page.status === "page" && page.next === null, `one page: ${show(page)}`);
      sortedByAt(page.activities, "one page");
      equal(
        [...counts(page.activities)].sort(),
        [
          ...counts([
            act(43, "a@x.io", T0),
            act(41, "a@x.io", T0 + 10),
            act(42, "a@x.io", T0 + 10),
            act(42, "b@x.io", T0 + 10),
          ]),
        ].sort(),
        "inside [T0, T0 + 100)",
      );
      equal(
        await r.listActivities({ start: T0 + 200, end: T0 + 300 }),
        { status: "page", activities: [], next: null },
        "an empty period",
      );
    },
  },
  {
    name: "listActivities: following next returns every activity exactly once, even while others are recorded",
    run: async (r) => {
      const stored: Activity[] = [];
      for (let i = 0; i < 23; i++) stored.push(act(41 + (i % 3), `u${i % 4}@x.io`, T0 + (i % 7)));
      stored.push(act(42, "u1@x.io", T0 + 3), act(42, "u1@x.io", T0 + 3)); // the same twice
      await r.recordActivities(stored);
      await r.recordActivities([act(42, "out@x.io", T0 + 7), act(42, "out@x.io", T0 - 1)]);
      const period = { start: T0, end: T0 + 7 };
      const { activities, pages } = await allActivities(r, period, { limit: 5 });
      check(
        pages.every((p) => p.length <= 5),
        `pages of at most 5: ${show(pages.map((p) => p.length))}`,
      );
      sortedByAt(activities, "all pages");
      equal([...counts(activities)].sort(), [...counts(stored)].sort(), "every activity once");
      const late = [act(41, "late@x.io", T0), act(41, "late@x.io", T0 + 6)];
      // the first page ends inside T0 + 1, after the activities at T0: a
      // late one at T0 lands before the cursor, where OFFSET paging repeats one
      const during = await allActivities(r, period, {
        limit: 5,
        between: async () => void (await r.recordActivities(late)),
      });
      const seen = counts(during.activities);
      for (const [key, n] of counts(stored)) {
        equal(seen.get(key), n, `activity ${key} while others were recorded`);
      }
      check(
        during.activities.length <= stored.length + late.length,
        `no activity twice: ${during.activities.length} > ${stored.length + late.length}`,
      );
    },
  },
  {
    name: "listActivities: clientIds keeps the activities of those clients",
    run: async (r) => {
      const stored = [
        act(41, "a@x.io", T0),
        act(42, "a@x.io", T0 + 1),
        act(43, "b@x.io", T0 + 2),
        act(42, "c@x.io", T0 + 3),
      ];
      await r.recordActivities(stored);
      const { activities } = await allActivities(r, EVER, { limit: 1, clientIds: [42, 43] });
      equal(
        [...counts(activities)].sort(),
        [...counts(stored.filter((a) => a.clientId !== 41))].sort(),
        "clients 42 and 43",
      );
      equal((await allActivities(r, EVER, { clientIds: [] })).activities, [], "no clients");
    },
  },
  {
    name: "listActivities: a cursor the store did not give is refused",
    run: async (r) => {
      await r.recordActivities([act(42, "a@x.io", T0), act(42, "a@x.io", T0 + 1)]);
      for (const cursor of ["\u0000 not a cursor", 42, {}]) {
        const page = await r.listActivities(EVER, { after: cursor as never, limit: 1 });
        equal(page.status, "invalid_cursor", `after: ${show(cursor)}`);
      }
    },
  },
];

// ---- transactions ----------------------------------------------------------------------------

// Writes of every kind, inside one transaction, on top of `seeded`.
async function everyKindOfWrite(tx: RepositoryTransaction, seeded: AssignmentRecord) {
  const key = seeded.emailKey;
  await tx.savePartner(partner("northwind", ["northwind.io"]), 1);
  await tx.savePartner(partner("acme"), null);
  await tx.claimDomain(claim("northwind.io", "northwind"));
  await tx.claimDomain(claim("seeded.io", "northwind", T0, true));
  await tx.releaseDomain("kept.io", "northwind");
  await tx.linkEmail(link("northwind", 43, seeded.value.email));
  await tx.unlinkEmail({ clientId: 42, emailKey: key, partnerId: "northwind" });
  await tx.saveUser(user("northwind", "adam"), null);
  await tx.saveUser({ ...user("northwind", "jane"), tagged: false }, 1);
  await tx.deleteUser("northwind", "old@northwind.example", 1);
  await tx.updateAssignment(
    seeded.id,
    { ...seeded.value, status: "removed", removedAt: T0 + 1 },
    1,
  );
  await tx.insertAssignment(pending("northwind", 43, seeded.value.email));
  await tx.putClient({ clientId: 42, mrr: { amountMinor: 1, currency: "EUR" } });
  await tx.putClient({ clientId: 99, mrr: { amountMinor: 1, currency: "EUR" } });
  await tx.recordActivities([act(42, seeded.value.email, T0)]);
}

async function seedForRollback(r: PartnerAccessRepository): Promise<AssignmentRecord> {
  await r.savePartner(partner("northwind"), null);
  await r.claimDomain(claim("kept.io", "northwind"));
  await r.claimDomain(claim("seeded.io", "northwind"));
  await r.linkEmail(link("northwind", 42, "jane@northwind.example"));
  await r.saveUser(user("northwind", "jane"), null);
  await r.saveUser({ ...user("northwind", "x"), email: "old@northwind.example" }, null);
  await r.putClient({ clientId: 42, mrr: { amountMinor: 100, currency: "USD" } });
  await r.recordActivities([act(42, "jane@northwind.example", T0 - 1)]);
  return inserted(r, pending("northwind", 42, "jane@northwind.example"));
}

async function rejects(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  return fail("the transaction resolved, though its unit rejected");
}

const TRANSACTIONS: Spec[] = [
  {
    name: "transaction: commits every write of a resolved unit, and resolves to its value",
    run: async (r) => {
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
    },
  },
  {
    name: "transaction: a rejected unit keeps none of its writes, of every kind, and rethrows its reason",
    run: async (r) => {
      const seeded = await seedForRollback(r);
      const before = await tables(r);
      const reason = new Error("boom");
      const caught = await rejects(() =>
        r.transaction(async (tx) => {
          await everyKindOfWrite(tx, seeded);
          throw reason;
        }),
      );
      check(caught === reason, `the unit's own reason must be rethrown, got ${show(caught)}`);
      equal(await tables(r), before, "stored data after the rollback");
      const committed = await r.transaction(async (tx) => {
        await everyKindOfWrite(tx, seeded);
        return tables(tx);
      });
      equal(await tables(r), committed, "the same writes, committed");
    },
  },
  {
    name: "transaction: a unit reads its own writes before it commits",
    run: async (r) => {
      await r.savePartner(partner("northwind"), null);
      await r.transaction(async (tx) => {
        await tx.savePartner(partner("northwind", ["northwind.io"]), 1);
        equal((await tx.getPartner("northwind"))?.version, 2, "getPartner");
        equal((await tx.listPartners())[0]?.version, 2, "listPartners");
        await tx.claimDomain(claim("northwind.io", "northwind"));
        equal((await tx.getDomainClaim("northwind.io"))?.partnerId, "northwind", "getDomainClaim");
        equal(
          (await tx.claimDomain(claim("northwind.io", "rival"))).status,
          "held_by_other",
          "claim",
        );
        const u = await savedUser(tx, user("northwind", "jane"));
        equal(await tx.getUser("northwind", u.emailKey), u, "getUser");
        equal(await tx.listUsers({ partnerId: "northwind" }), [u], "listUsers");
        const a = await inserted(tx, pending("northwind", 42, u.value.email));
        equal(
          await tx.getLiveAssignment({
            partnerId: "northwind",
            clientId: 42,
            emailKey: u.emailKey,
          }),
          a,
          "getLiveAssignment",
        );
        equal((await tx.insertAssignment(a.value)).status, "duplicate", "insertAssignment");
        await tx.linkEmail(link("northwind", 42, u.value.email));
        equal((await tx.getEmailLink(42, u.emailKey))?.partnerId, "northwind", "getEmailLink");
        await tx.recordActivities([act(42, u.value.email, T0)]);
        equal(
          (await allActivities(tx, EVER)).activities,
          [act(42, u.value.email, T0)],
          "listActivities",
        );
      });
    },
  },
  {
    name: "transaction: nobody else sees the writes of a unit before it commits, nor ever those of a unit that rolls back",
    run: async (r) => {
      await r.savePartner(partner("northwind"), null);
      const before = await tables(r);
      let outside: Promise<unknown> = Promise.resolve();
      await rejects(() =>
        r.transaction(async (tx) => {
          await tx.savePartner(partner("northwind", ["northwind.io"]), 1);
          await tx.claimDomain(claim("northwind.io", "northwind"));
          await tx.saveUser(user("northwind", "jane"), null);
          // read from outside while the unit is open; it may wait for the end
          outside = tables(r);
          await tick();
          await tick();
          throw new Error("rolled back");
        }),
      );
      equal(await outside, before, "what another caller read while the unit was open");
      equal(await tables(r), before, "after the rollback");
    },
  },
];

// ---- concurrency ------------------------------------------------------------------------------

function oneWinner<O extends { status: string }>(
  outcomes: readonly O[],
  status: string,
  what: string,
): O {
  const winners = outcomes.filter((o) => o.status === status);
  check(
    winners.length === 1,
    `${what}: exactly one must be ${status}, got ${winners.length}: ${show(outcomes)}`,
  );
  return winners[0]!;
}

const CONCURRENT_CALLS: Spec[] = [
  {
    name: (s) =>
      `concurrency: ${s.contenders} partners link one email to one client at once; one wins, all others see it`,
    run: async (r, s) => {
      const outcomes = await Promise.all(
        ids(s.contenders).map((p, i) => r.linkEmail(link(p, 42, "jane@gmail.com", T0 + i))),
      );
      const winner = oneWinner(outcomes, "linked", "links");
      const held = winner.status === "linked" ? winner.link : fail("unreachable");
      for (const o of outcomes) {
        if (o !== winner) equal(o, { status: "held_by_other", holder: held }, "a loser's outcome");
      }
      equal(await r.getEmailLink(42, "jane@gmail.com"), held, "stored link");
    },
  },
  {
    name: (s) =>
      `concurrency: ${s.contenders} partners claim one domain at once; one wins, all others see it`,
    run: async (r, s) => {
      const outcomes = await Promise.all(
        ids(s.contenders).map((p, i) => r.claimDomain(claim("contested.io", p, T0 + i))),
      );
      const winner = oneWinner(outcomes, "claimed", "claims");
      const held = winner.status === "claimed" ? winner.claim : fail("unreachable");
      for (const o of outcomes) {
        if (o !== winner) equal(o, { status: "held_by_other", holder: held }, "a loser's outcome");
      }
      equal(await r.getDomainClaim("contested.io"), held, "stored claim");
    },
  },
  {
    name: (s) =>
      `concurrency: one partner links one email ${s.contenders} times at once; one link, the rest already_ours`,
    run: async (r, s) => {
      const outcomes = await Promise.all(
        Array.from({ length: s.contenders }, (_, i) =>
          r.linkEmail(link("acme", 42, "jane@gmail.com", T0 + i)),
        ),
      );
      const winner = oneWinner(outcomes, "linked", "links");
      const held = winner.status === "linked" ? winner.link : fail("unreachable");
      for (const o of outcomes) {
        if (o !== winner) equal(o, { status: "already_ours", link: held }, "outcome");
      }
    },
  },
  {
    name: (s) =>
      `concurrency: ${s.contenders} inserts of one live assignment at once; one is stored`,
    run: async (r, s) => {
      const key = "jane@northwind.example";
      const outcomes = await Promise.all(
        Array.from({ length: s.contenders }, (_, i) =>
          r.insertAssignment(pending("northwind", 42, key, T0 + i)),
        ),
      );
      const winner = oneWinner(outcomes, "inserted", "inserts");
      const record = winner.status === "inserted" ? winner.record : fail("unreachable");
      for (const o of outcomes) {
        if (o !== winner) equal(o, { status: "duplicate", existing: record }, "outcome");
      }
      equal((await r.listAssignments()).length, 1, "stored assignments");
    },
  },
  {
    name: (s) =>
      `concurrency: ${s.contenders} writes at one expected version; one is written, none lost silently`,
    run: async (r, s) => {
      await r.savePartner(partner("northwind"), null);
      const outcomes = await Promise.all(
        Array.from({ length: s.contenders }, (_, i) =>
          r.savePartner(partner("northwind", [`d${i}.io`]), 1),
        ),
      );
      const winner = oneWinner(outcomes, "written", "writes");
      equal(
        await r.getPartner("northwind"),
        winner.status === "written" ? winner.record : null,
        "stored partner",
      );
      for (const o of outcomes) {
        if (o === winner) continue;
        check(
          o.status === "version_conflict" && o.current?.version === 2,
          `a loser must see version 2: ${show(o)}`,
        );
      }
      const users = await Promise.all(
        Array.from({ length: s.contenders }, () => r.saveUser(user("northwind", "a"), null)),
      );
      oneWinner(users, "written", "user creates");
    },
  },
];

const CONCURRENT_TRANSACTIONS: Spec[] = [
  {
    name: (s) =>
      `concurrency: ${s.contenders} transactions read, then claim one domain; one holder`,
    run: async (r, s) => {
      const outcomes = await Promise.all(
        ids(s.contenders).map((p, i) =>
          r.transaction(async (tx) => {
            await tx.getDomainClaim("contested.io");
            await tick();
            return tx.claimDomain(claim("contested.io", p, T0 + i));
          }),
        ),
      );
      const winner = oneWinner(outcomes, "claimed", "claims");
      const held = winner.status === "claimed" ? winner.claim : fail("unreachable");
      for (const o of outcomes) {
        if (o !== winner) equal(o, { status: "held_by_other", holder: held }, "a loser's outcome");
      }
      equal(await r.listDomainClaims(), [held], "stored claims");
    },
  },
  {
    name: (s) =>
      `concurrency: an ancestor matching subdomains and a descendant claimed at once, ${s.rounds} times in both orders; never both`,
    run: async (r, s) => {
      for (let i = 0; i < s.rounds; i++) {
        const top = claim(`acme${i}.io`, "a", T0 + 60_000, true);
        const sub = claim(`eu.acme${i}.io`, "b", T0);
        const claimOf = (c: DomainClaimRecord) =>
          i % 4 < 2
            ? r.claimDomain(c)
            : r.transaction(async (tx) => {
                await tx.getDomainClaim(c.domain);
                await tick();
                return tx.claimDomain(c);
              });
        const [x, y] = i % 2 === 0 ? [top, sub] : [sub, top];
        const outcomes = await Promise.all([claimOf(x), claimOf(y)]);
        const winner = oneWinner(outcomes, "claimed", `round ${i}`);
        const held = winner.status === "claimed" ? winner.claim : fail("unreachable");
        const loser = outcomes.find((o) => o !== winner);
        equal(loser, { status: "held_by_other", holder: held }, `round ${i}: the loser's outcome`);
        const stored = (await r.listDomainClaims()).filter((c) => c.domain.endsWith(`acme${i}.io`));
        equal(stored, [held], `round ${i}: stored claims`);
      }
    },
  },
  {
    name: (s) =>
      `concurrency: ${s.contenders} transactions read, then link one email to one client; one holder`,
    run: async (r, s) => {
      const outcomes = await Promise.all(
        ids(s.contenders).map((p, i) =>
          r.transaction(async (tx) => {
            await tx.getEmailLink(42, "jane@gmail.com");
            await tick();
            return tx.linkEmail(link(p, 42, "jane@gmail.com", T0 + i));
          }),
        ),
      );
      const winner = oneWinner(outcomes, "linked", "links");
      const held = winner.status === "linked" ? winner.link : fail("unreachable");
      for (const o of outcomes) {
        if (o !== winner) equal(o, { status: "held_by_other", holder: held }, "a loser's outcome");
      }
      equal(await r.listEmailLinks(), [held], "stored links");
    },
  },
  {
    name: (s) =>
      `concurrency: ${s.contenders} transactions read, change and write one partner; no update is lost`,
    run: async (r, s) => {
      await r.savePartner(partner("northwind"), null);
      const outcomes = await Promise.all(
        Array.from({ length: s.contenders }, (_, i) =>
          r.transaction(async (tx) => {
            const p = (await tx.getPartner("northwind")) ?? fail("the partner is gone");
            await tick();
            const next = { ...p.value, employeeDomains: [...p.value.employeeDomains, `d${i}.io`] };
            return { i, outcome: await tx.savePartner(next, p.version) };
          }),
        ),
      );
      const final = (await r.getPartner("northwind")) ?? fail("the partner is gone");
      const written = outcomes.filter((o) => o.outcome.status === "written");
      check(written.length > 0, "at least one write must succeed");
      for (const { i } of written) {
        check(
          final.value.employeeDomains.includes(`d${i}.io`),
          `the write of d${i}.io was lost: ${show(final)}`,
        );
      }
      equal(final.version, 1 + written.length, "one version per write");
    },
  },
  {
    name: (s) =>
      `concurrency: what a transaction read with get… stays as read until it commits (${s.rounds} rounds of assign against remove)`,
    run: async (r, s) => {
      await r.savePartner(partner("northwind"), null);
      for (let i = 0; i < s.rounds; i++) {
        const u = await savedUser(r, user("northwind", `u${i}`));
        const assign = () =>
          r.transaction(async (tx) => {
            const found = await tx.getUser("northwind", u.emailKey);
            await tick();
            if (found !== null && found.value.inPartnerAccount !== false) {
              await tx.insertAssignment(pending("northwind", 42, u.value.email));
            }
          });
        const remove = () =>
          r.transaction(async (tx) => {
            const found = (await tx.getUser("northwind", u.emailKey)) ?? fail("the user is gone");
            await tick();
            const live = await tx.listAssignments({
              partnerId: "northwind",
              emailKey: u.emailKey,
              live: true,
            });
            for (const a of live) {
              await tx.updateAssignment(
                a.id,
                { ...a.value, status: "removed", removedAt: T0 + 1 },
                a.version,
              );
            }
            await tx.saveUser({ ...found.value, inPartnerAccount: false }, found.version);
          });
        await Promise.all(i % 2 === 0 ? [assign(), remove()] : [remove(), assign()]);
        const live = await r.listAssignments({ emailKey: u.emailKey, live: true });
        equal(live, [], `round ${i}: live assignments of a user removed from the account`);
      }
    },
  },
];

const SPECS: readonly Spec[] = [
  ...PORT_AND_PARTNERS,
  ...CLAIMS,
  ...LINKS,
  ...USERS,
  ...KEYS,
  ...INVALID,
  ...ASSIGNMENTS,
  ...ACTIVITIES,
  ...TRANSACTIONS,
  ...CONCURRENT_CALLS,
  ...CONCURRENT_TRANSACTIONS,
];

function count(value: unknown, fallback: number, least: number): number {
  return typeof value === "number" && Number.isFinite(value)
    ? Math.max(least, Math.floor(value))
    : fallback;
}

/**
 * The test cases every {@link PartnerAccessRepository} must pass, for the
 * library's own stores and for yours: each method's outcomes, malformed
 * records refused, keys computed by the store, refusal of stale versions
 * without losing the stored record, copies in and out, overlapping domain
 * claims, paging, transactions (commit, rollback of every kind of write,
 * reading one's own writes, no dirty reads) and concurrency (many
 * simultaneous claims, links, inserts and versioned writes, in and out of
 * transactions: exactly one wins and every loser is told the winner; what a
 * transaction read with `get…` stays as read).
 *
 * The cases do not depend on a test runner: run each `run()` and fail the
 * test when it rejects. `factory` is called once per case and must return
 * an empty repository (fresh tables, or truncated ones). Cases may run one
 * after the other or in parallel, each on its own repository. A case that
 * rejects with a {@link RepositoryContractViolation} names the broken rule;
 * any other rejection is the store's own failure.
 *
 * @param factory - makes an empty repository
 * @param options - `contenders`: how many callers race (default 16); `rounds`: how many interleaving races (default 8)
 * @returns the test cases, each with a descriptive name
 * @example
 * ```ts
 * import { describe, it } from "vitest";
 * import { repositoryContract } from "partner-access/testing";
 *
 * describe("my repository", () => {
 *   for (const c of repositoryContract(() => createMyRepository(emptyDatabase()))) it(c.name, c.run);
 * });
 * ```
 */
export function repositoryContract(
  factory: () => PartnerAccessRepository | Promise<PartnerAccessRepository>,
  options: RepositoryContractOptions = {},
): RepositoryContractCase[] {
  const o = typeof options === "object" && options !== null ? options : {};
  const settings: Settings = {
    contenders: count(o.contenders, 16, 2),
    rounds: count(o.rounds, 8, 1),
  };
  return SPECS.map((spec) => ({
    name: typeof spec.name === "function" ? spec.name(settings) : spec.name,
    run: async () => {
      if (typeof factory !== "function") fail("repositoryContract needs a factory function");
      await spec.run(await factory(), settings);
    },
  }));
}
