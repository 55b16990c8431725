import {
  type Activity,
  type ActivityPage,
  type Assignment,
  type AssignmentRecord,
  type ClaimDomainOutcome,
  type Client,
  checkActivityRecords,
  checkAssignmentRecord,
  checkAssignmentUpdate,
  checkClientRecord,
  checkDomainClaimRecord,
  checkEmailLinkRecord,
  checkPartnerRecord,
  checkUserRecord,
  type DeleteUserOutcome,
  type DomainClaimRecord,
  domainFamily,
  type EmailLinkRecord,
  findClaimOverlap,
  type InsertAssignmentOutcome,
  isClientId,
  isTimestamp,
  type LinkEmailOutcome,
  type Partner,
  type PartnerAccessRepository,
  type Period,
  type PutClientOutcome,
  type RecordActivitiesOutcome,
  type RecordIssue,
  type ReleaseDomainOutcome,
  type RepositoryTransaction,
  type UnlinkEmailOutcome,
  type UserRecord,
  type Versioned,
  type VersionedWrite,
} from "partner-access";
// The guards are not part of the public API; importing the module itself
// shares their one definition with the library.
import { isRecord, own } from "../guards.js";

/**
 * Everything an in-memory repository stores, as plain data: what
 * {@link InMemoryRepository.snapshot} returns and the `initial` option takes.
 * Lists are in the order the repository's `list…` methods return them.
 *
 * @example
 * ```ts
 * const empty: InMemoryRepositoryState = {
 *   partners: [], domainClaims: [], emailLinks: [], users: [],
 *   assignments: [], clients: [], activities: [], nextAssignmentId: 1,
 * };
 * ```
 */
export interface InMemoryRepositoryState {
  readonly partners: readonly Versioned<Partner>[];
  readonly domainClaims: readonly DomainClaimRecord[];
  readonly emailLinks: readonly EmailLinkRecord[];
  readonly users: readonly UserRecord[];
  readonly assignments: readonly AssignmentRecord[];
  readonly clients: readonly Client[];
  readonly activities: readonly Activity[];
  /** The number the next inserted assignment's id will be made of. */
  readonly nextAssignmentId: number;
}

/**
 * Options of {@link createInMemoryRepository}.
 *
 * @example
 * ```ts
 * const options: InMemoryRepositoryOptions = { initial: other.snapshot(), serializationFailures: 1 };
 * ```
 */
export interface InMemoryRepositoryOptions {
  /**
   * The state to start from, for instance a `snapshot()` of another one.
   * Records are checked as writes are; those refused are left out and
   * listed in {@link InMemoryRepository.initialIssues}.
   */
  readonly initial?: InMemoryRepositoryState;
  /**
   * How many times each transaction is rolled back after its unit resolved
   * and run again, as a store does after a serialization failure (default
   * 0, at most 10): set it to check that a unit is safe to rerun.
   */
  readonly serializationFailures?: number;
}

/**
 * The in-memory reference repository: a {@link PartnerAccessRepository} and
 * a way to look at everything it stores.
 *
 * @example
 * ```ts
 * const repository: InMemoryRepository = createInMemoryRepository();
 * repository.snapshot().partners; //=> []
 * ```
 */
export interface InMemoryRepository extends PartnerAccessRepository {
  /**
   * A deep copy of everything stored, in list order (the writes of a
   * running transaction included): compare two snapshots with a deep
   * equality to check that nothing changed.
   *
   * @returns the state
   * @example
   * ```ts
   * const before = repository.snapshot();
   * await service.assignClient(request); // refused
   * expect(repository.snapshot()).toEqual(before);
   * ```
   */
  snapshot(): InMemoryRepositoryState;
  /** Why records of the `initial` option were left out; empty when all were loaded. */
  readonly initialIssues: readonly RecordIssue[];
}

// ---- the tables ------------------------------------------------------------------------

interface StoredActivity {
  readonly activity: Activity;
  /** Order of recording: with `at`, the position an activity cursor names. */
  readonly seq: number;
}

// Everything stored. Every change goes through `set`/`remove`, which keep
// an undo journal while a transaction runs; a rollback replays it backwards.
class Tables {
  readonly partners = new Map<string, Versioned<Partner>>();
  /** family (last two labels) → domain → claim */
  readonly families = new Map<string, Map<string, DomainClaimRecord>>();
  /** [clientId, emailKey] → link */
  readonly links = new Map<string, EmailLinkRecord>();
  /** [partnerId, emailKey] → user */
  readonly users = new Map<string, UserRecord>();
  /** id → assignment, in insertion order (a rollback only deletes inserted ids) */
  readonly assignments = new Map<string, AssignmentRecord>();
  /** [partnerId, clientId, emailKey] → id of the live assignment */
  readonly live = new Map<string, string>();
  readonly clients = new Map<number, Client>();
  /** sorted by (at, seq) */
  activities: StoredActivity[] = [];
  // Ids and sequence numbers are never rolled back, so never reused.
  nextAssignmentId = 1;
  nextSeq = 1;
  journal: (() => void)[] | null = null;

  set<K, V>(map: Map<K, V>, key: K, value: V): void {
    if (this.journal !== null) {
      const had = map.has(key);
      const previous = map.get(key);
      this.journal.push(() => (had ? map.set(key, previous as V) : map.delete(key)));
    }
    map.set(key, value);
  }

  remove<K, V>(map: Map<K, V>, key: K): void {
    if (!map.has(key)) return;
    if (this.journal !== null) {
      const previous = map.get(key) as V;
      this.journal.push(() => map.set(key, previous));
    }
    map.delete(key);
  }

  family(domain: string): Map<string, DomainClaimRecord> {
    const name = domainFamily(domain);
    let claims = this.families.get(name);
    if (claims === undefined) {
      claims = new Map();
      this.families.set(name, claims);
    }
    return claims;
  }

  rollback(): void {
    const journal = this.journal ?? [];
    this.journal = null;
    for (let i = journal.length - 1; i >= 0; i--) journal[i]!();
  }
}

// Composite keys as JSON arrays: no choice of partnerId or key can collide.
const pair = (a: string | number, b: string) => JSON.stringify([a, b]);
const triple = (partnerId: string, clientId: number, emailKey: string) =>
  JSON.stringify([partnerId, clientId, emailKey]);

// Binary (code-point) order, as PostgreSQL's `COLLATE "C"` sorts UTF-8: it
// differs from `<` (UTF-16 code units) only when a surrogate meets a unit
// at or above U+E000, so those are shifted into code-point order.
function byString(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

const byPartner = (a: Versioned<Partner>, b: Versioned<Partner>) =>
  byString(a.value.partnerId, b.value.partnerId);
const byDomain = (a: DomainClaimRecord, b: DomainClaimRecord) => byString(a.domain, b.domain);
const byLink = (a: EmailLinkRecord, b: EmailLinkRecord) =>
  a.clientId - b.clientId || byString(a.emailKey, b.emailKey);
const byUser = (a: UserRecord, b: UserRecord) =>
  byString(a.value.partnerId, b.value.partnerId) || byString(a.emailKey, b.emailKey);
const byClient = (a: Client, b: Client) => a.clientId - b.clientId;
const byPosition = (a: StoredActivity, b: StoredActivity) =>
  a.activity.at - b.activity.at || a.seq - b.seq;

function isLive(a: Assignment): boolean {
  return a.status === "pending_access" || a.status === "active";
}

// ---- reading the caller's filters without ever throwing ------------------------------------

// A filter value that cannot match anything (garbage, or a getter that threw).
const NO_MATCH: unique symbol = Symbol("no match");
type Read<T> = T | undefined | typeof NO_MATCH;

function field(filter: unknown, key: string): unknown {
  if (filter === undefined) return undefined;
  if (!isRecord(filter)) return NO_MATCH;
  try {
    return own(filter, key);
  } catch {
    return NO_MATCH;
  }
}

function listField(filter: unknown, key: string): Read<unknown[]> {
  const value = field(filter, key);
  if (value === undefined || value === NO_MATCH) return value;
  try {
    return Array.isArray(value) ? [...value] : NO_MATCH;
  } catch {
    return NO_MATCH;
  }
}

function periodOf(value: unknown): Read<Period> {
  if (value === undefined || value === NO_MATCH) return value;
  const start = field(value, "start");
  const end = field(value, "end");
  return isTimestamp(start) && isTimestamp(end) ? { start, end } : NO_MATCH;
}

const matches = (wanted: unknown, actual: unknown) => wanted === undefined || wanted === actual;

// ---- operations: one per port method, each synchronous, so atomic -------------------------

function versionedPut<R extends { readonly version: number }>(
  t: Tables,
  map: Map<string, R>,
  key: string,
  expectedVersion: unknown,
  make: (version: number) => R,
): VersionedWrite<R> {
  const current = map.get(key);
  if ((current?.version ?? null) !== expectedVersion) {
    return { status: "version_conflict", current: current ?? null };
  }
  const record = make((current?.version ?? 0) + 1);
  t.set(map, key, record);
  return { status: "written", record };
}

function getPartner(t: Tables, partnerId: unknown): Versioned<Partner> | null {
  return t.partners.get(partnerId as string) ?? null;
}

function listPartners(t: Tables, filter?: unknown): Versioned<Partner>[] {
  const ids = listField(filter, "partnerIds");
  if (ids === NO_MATCH) return [];
  const found =
    ids === undefined
      ? [...t.partners.values()]
      : [...new Set(ids)].flatMap((id) => t.partners.get(id as string) ?? []);
  return found.sort(byPartner);
}

function savePartner(
  t: Tables,
  partner: unknown,
  expectedVersion: unknown,
): VersionedWrite<Versioned<Partner>> {
  const checked = checkPartnerRecord(partner);
  if (!checked.ok) return checked.error;
  const value = checked.value;
  return versionedPut(t, t.partners, value.partnerId, expectedVersion, (version) => ({
    value,
    version,
  }));
}

function claimDomain(t: Tables, input: unknown): ClaimDomainOutcome {
  const checked = checkDomainClaimRecord(input);
  if (!checked.ok) return checked.error;
  const claim = checked.value;
  const family = t.family(claim.domain);
  const held = family.get(claim.domain);
  const overlap = findClaimOverlap(claim, family.values());
  if (overlap !== null) return { status: "held_by_other", holder: overlap };
  if (held === undefined) {
    t.set(family, claim.domain, claim);
    return { status: "claimed", claim };
  }
  if (held.matchSubdomains === claim.matchSubdomains)
    return { status: "already_ours", claim: held };
  const updated = { ...held, matchSubdomains: claim.matchSubdomains };
  t.set(family, claim.domain, updated);
  return { status: "updated", claim: updated, previous: held };
}

function releaseDomain(t: Tables, domain: unknown, partnerId: unknown): ReleaseDomainOutcome {
  const held = getDomainClaim(t, domain);
  if (held === null || held.partnerId !== partnerId) return { status: "not_held", holder: held };
  t.remove(t.family(held.domain), held.domain);
  return { status: "released", claim: held };
}

function getDomainClaim(t: Tables, domain: unknown): DomainClaimRecord | null {
  if (typeof domain !== "string") return null;
  return t.families.get(domainFamily(domain))?.get(domain) ?? null;
}

function listDomainClaims(t: Tables, partnerId?: unknown): DomainClaimRecord[] {
  const all = [...t.families.values()].flatMap((family) => [...family.values()]);
  return all.filter((c) => matches(partnerId, c.partnerId)).sort(byDomain);
}

function linkEmail(t: Tables, input: unknown): LinkEmailOutcome {
  const checked = checkEmailLinkRecord(input);
  if (!checked.ok) return checked.error;
  const link = checked.value;
  const key = pair(link.clientId, link.emailKey);
  const held = t.links.get(key);
  if (held === undefined) {
    t.set(t.links, key, link);
    return { status: "linked", link };
  }
  return held.partnerId === link.partnerId
    ? { status: "already_ours", link: held }
    : { status: "held_by_other", holder: held };
}

function unlinkEmail(t: Tables, link: unknown): UnlinkEmailOutcome {
  const clientId = field(link, "clientId");
  const emailKey = field(link, "emailKey");
  const held = getEmailLink(t, clientId, emailKey);
  if (held === null || held.partnerId !== field(link, "partnerId")) {
    return { status: "not_held", holder: held };
  }
  t.remove(t.links, pair(held.clientId, held.emailKey));
  return { status: "unlinked", link: held };
}

function getEmailLink(t: Tables, clientId: unknown, emailKey: unknown): EmailLinkRecord | null {
  if (!isClientId(clientId) || typeof emailKey !== "string") return null;
  return t.links.get(pair(clientId, emailKey)) ?? null;
}

function listEmailLinks(t: Tables, filter?: unknown): EmailLinkRecord[] {
  const clientId = field(filter, "clientId");
  const partnerId = field(filter, "partnerId");
  return [...t.links.values()]
    .filter((l) => matches(clientId, l.clientId) && matches(partnerId, l.partnerId))
    .sort(byLink);
}

function getUser(t: Tables, partnerId: unknown, emailKey: unknown): UserRecord | null {
  if (typeof partnerId !== "string" || typeof emailKey !== "string") return null;
  return t.users.get(pair(partnerId, emailKey)) ?? null;
}

function listUsers(t: Tables, filter?: unknown): UserRecord[] {
  const partnerId = field(filter, "partnerId");
  const keys = listField(filter, "keys");
  if (partnerId === NO_MATCH || keys === NO_MATCH) return [];
  const found =
    keys === undefined
      ? [...t.users.values()]
      : [...new Set(keys.map((k) => getUser(t, field(k, "partnerId"), field(k, "emailKey"))))];
  return found
    .filter((u): u is UserRecord => u !== null && matches(partnerId, u.value.partnerId))
    .sort(byUser);
}

function saveUser(t: Tables, user: unknown, expectedVersion: unknown): VersionedWrite<UserRecord> {
  const checked = checkUserRecord(user);
  if (!checked.ok) return checked.error;
  const { user: value, emailKey } = checked.value;
  const key = pair(value.partnerId, emailKey);
  return versionedPut(t, t.users, key, expectedVersion, (version) => ({
    emailKey,
    value,
    version,
  }));
}

function deleteUser(
  t: Tables,
  partnerId: unknown,
  emailKey: unknown,
  expectedVersion: unknown,
): DeleteUserOutcome {
  const current = getUser(t, partnerId, emailKey);
  if (current === null || current.version !== expectedVersion) {
    return { status: "version_conflict", current };
  }
  t.remove(t.users, pair(current.value.partnerId, current.emailKey));
  return { status: "deleted", user: current };
}

function insertAssignment(t: Tables, assignment: unknown): InsertAssignmentOutcome {
  const checked = checkAssignmentRecord(assignment);
  if (!checked.ok) return checked.error;
  const { assignment: value, emailKey } = checked.value;
  const slot = triple(value.partnerId, value.clientId, emailKey);
  const existing = isLive(value) ? t.live.get(slot) : undefined;
  if (existing !== undefined) {
    return { status: "duplicate", existing: t.assignments.get(existing)! };
  }
  const id = String(t.nextAssignmentId++);
  const record: AssignmentRecord = { id, emailKey, value, version: 1 };
  t.set(t.assignments, id, record);
  if (isLive(value)) t.set(t.live, slot, id);
  return { status: "inserted", record };
}

function getAssignment(t: Tables, id: unknown): AssignmentRecord | null {
  return t.assignments.get(id as string) ?? null;
}

function getLiveAssignment(t: Tables, key: unknown): AssignmentRecord | null {
  const partnerId = field(key, "partnerId");
  const clientId = field(key, "clientId");
  const emailKey = field(key, "emailKey");
  if (typeof partnerId !== "string" || !isClientId(clientId) || typeof emailKey !== "string") {
    return null;
  }
  const id = t.live.get(triple(partnerId, clientId, emailKey));
  return id === undefined ? null : (t.assignments.get(id) ?? null);
}

// rule: active over [activatedAt, removedAt ?? expiresAt ?? ∞); pending never.
function activeIn(a: Assignment, period: Period): boolean {
  if (a.status === "pending_access" || a.activatedAt === undefined) return false;
  const end = a.removedAt ?? a.expiresAt ?? Number.POSITIVE_INFINITY;
  return Math.max(a.activatedAt, period.start) < Math.min(end, period.end);
}

function listAssignments(t: Tables, filter?: unknown): AssignmentRecord[] {
  const [partnerId, clientId, emailKey, live] = ["partnerId", "clientId", "emailKey", "live"].map(
    (k) => field(filter, k),
  );
  const clientIds = listField(filter, "clientIds");
  const period = periodOf(field(filter, "activeIn"));
  if ([partnerId, clientId, emailKey, live, clientIds, period].includes(NO_MATCH)) return [];
  const clients =
    clientIds === undefined || clientIds === NO_MATCH ? undefined : new Set(clientIds);
  return [...t.assignments.values()].filter(
    ({ value: a, emailKey: key }) =>
      matches(partnerId, a.partnerId) &&
      matches(clientId, a.clientId) &&
      matches(emailKey, key) &&
      matches(live, isLive(a)) &&
      (clients === undefined || clients.has(a.clientId)) &&
      (period === undefined || period === NO_MATCH || activeIn(a, period)),
  );
}

function updateAssignment(
  t: Tables,
  id: unknown,
  assignment: unknown,
  expectedVersion: unknown,
): VersionedWrite<AssignmentRecord> {
  const current = getAssignment(t, id);
  const checked = checkAssignmentRecord(assignment);
  if (!checked.ok) return checked.error;
  if (current === null || current.version !== expectedVersion) {
    return { status: "version_conflict", current };
  }
  const change = checkAssignmentUpdate(current, assignment);
  if (!change.ok) return change.error;
  const { assignment: value, emailKey } = change.value;
  const record: AssignmentRecord = { ...current, value, version: current.version + 1 };
  t.set(t.assignments, current.id, record);
  if (isLive(current.value) && !isLive(value)) {
    t.remove(t.live, triple(value.partnerId, value.clientId, emailKey));
  }
  return { status: "written", record };
}

function putClient(t: Tables, client: unknown): PutClientOutcome {
  const checked = checkClientRecord(client);
  if (!checked.ok) return checked.error;
  t.set(t.clients, checked.value.clientId, checked.value);
  return { status: "written", client: checked.value };
}

function listClients(t: Tables, filter?: unknown): Client[] {
  const ids = listField(filter, "clientIds");
  if (ids === NO_MATCH) return [];
  const found =
    ids === undefined
      ? [...t.clients.values()]
      : [...new Set(ids)].flatMap((id) => t.clients.get(id as number) ?? []);
  return found.sort(byClient);
}

function recordActivities(t: Tables, activities: unknown): RecordActivitiesOutcome {
  const checked = checkActivityRecords(activities);
  if (!checked.ok) return checked.error;
  const added = checked.value.map((activity) => ({ activity, seq: t.nextSeq++ }));
  if (added.length === 0) return { status: "recorded", count: 0 };
  const before = t.activities;
  t.activities = [...before, ...added].sort(byPosition);
  if (t.journal !== null) {
    t.journal.push(() => {
      const gone = new Set(added.map((a) => a.seq));
      t.activities = t.activities.filter((a) => !gone.has(a.seq));
    });
  }
  return { status: "recorded", count: added.length };
}

const DEFAULT_PAGE = 1_000;
const MAX_PAGE = 10_000;
const CURSOR = /^m1:(-?\d{1,16}):(\d{1,16})$/;

// The cursor names the position of the last activity returned: (at, seq).
function cursorOf(after: unknown): { at: number; seq: number } | null | undefined {
  if (after === undefined || after === null) return null;
  const m = typeof after === "string" ? CURSOR.exec(after) : null;
  const at = Number(m?.[1]);
  const seq = Number(m?.[2]);
  return m !== null && isTimestamp(at) && Number.isSafeInteger(seq) ? { at, seq } : undefined;
}

// The first index whose activity comes after `at`/`seq` (binary search).
function firstAfter(list: readonly StoredActivity[], at: number, seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const a = list[mid]!;
    if (a.activity.at < at || (a.activity.at === at && a.seq <= seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function listActivities(t: Tables, period: unknown, options?: unknown): ActivityPage {
  const after = field(options, "after");
  const cursor = cursorOf(after);
  if (cursor === undefined || after === NO_MATCH)
    return { status: "invalid_cursor", cursor: after };
  const p = periodOf(period);
  const limitValue = field(options, "limit");
  const limit =
    Number.isSafeInteger(limitValue) && (limitValue as number) > 0
      ? Math.min(limitValue as number, MAX_PAGE)
      : DEFAULT_PAGE;
  const ids = listField(options, "clientIds");
  if (p === undefined || p === NO_MATCH || ids === NO_MATCH)
    return { status: "page", activities: [], next: null };
  const clients = ids === undefined ? undefined : new Set(ids);
  const from =
    cursor === null || cursor.at < p.start
      ? firstAfter(t.activities, p.start, 0)
      : firstAfter(t.activities, cursor.at, cursor.seq);
  const page: StoredActivity[] = [];
  for (let i = from; i < t.activities.length; i++) {
    const stored = t.activities[i]!;
    if (stored.activity.at >= p.end) break;
    if (clients !== undefined && !clients.has(stored.activity.clientId)) continue;
    if (page.length === limit) {
      const last = page[page.length - 1]!;
      return {
        status: "page",
        activities: page.map((s) => s.activity),
        next: `m1:${last.activity.at}:${last.seq}`,
      };
    }
    page.push(stored);
  }
  return { status: "page", activities: page.map((s) => s.activity), next: null };
}

// Every method of the port, over the tables; `satisfies` makes the compiler
// refuse a port method this repository does not implement.
const OPERATIONS = {
  getPartner,
  listPartners,
  savePartner,
  claimDomain,
  releaseDomain,
  getDomainClaim,
  listDomainClaims,
  linkEmail,
  unlinkEmail,
  getEmailLink,
  listEmailLinks,
  getUser,
  listUsers,
  saveUser,
  deleteUser,
  insertAssignment,
  getAssignment,
  getLiveAssignment,
  listAssignments,
  updateAssignment,
  putClient,
  listClients,
  recordActivities,
  listActivities,
} satisfies {
  [K in keyof RepositoryTransaction]: (
    t: Tables,
    ...args: Parameters<RepositoryTransaction[K]>
  ) => Awaited<ReturnType<RepositoryTransaction[K]>>;
};

type Name = keyof typeof OPERATIONS;
const NAMES = Object.keys(OPERATIONS) as Name[];

// What goes out is a copy of what is stored, except a refusal, which hands
// back the caller's own input as it was given (it may not even be cloneable).
function answer(result: unknown): unknown {
  const status = own(result, "status");
  if (status === "invalid_record" || status === "invalid_cursor") return result;
  return structuredClone(result);
}

function run(t: Tables, name: Name, args: readonly unknown[]): unknown {
  return answer((OPERATIONS[name] as (t: Tables, ...a: readonly unknown[]) => unknown)(t, ...args));
}

// A FIFO lock: transactions and single calls run one at a time.
function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn);
    tail = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };
}

// ---- loading an initial state ------------------------------------------------------------

type Issues = RecordIssue[];

function within(path: readonly (string | number)[], issues: readonly RecordIssue[]): RecordIssue[] {
  return issues.map((i) => ({ ...i, path: [...path, ...i.path.slice(1)] }));
}

function problem(path: readonly (string | number)[], input: unknown, message: string): RecordIssue {
  return { code: "invalid_record", message, path: ["initial", ...path], input };
}

function rows(initial: unknown, table: string, issues: Issues): unknown[] {
  const value = field(initial, table);
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  issues.push(problem([table], value, `${table} must be an array.`));
  return [];
}

function version(row: unknown, at: readonly (string | number)[], issues: Issues): number | null {
  const v = field(row, "version");
  if (Number.isSafeInteger(v) && (v as number) > 0) return v as number;
  issues.push(problem([...at, "version"], v, "A version is a positive whole number."));
  return null;
}

function loadPartners(t: Tables, initial: unknown, issues: Issues): void {
  rows(initial, "partners", issues).forEach((row, i) => {
    const checked = checkPartnerRecord(field(row, "value"));
    const v = version(row, ["partners", i], issues);
    if (!checked.ok)
      issues.push(...within(["initial", "partners", i, "value"], checked.error.issues));
    else if (t.partners.has(checked.value.partnerId)) {
      issues.push(problem(["partners", i], row, "A second partner with this partnerId."));
    } else if (v !== null)
      t.partners.set(checked.value.partnerId, { value: checked.value, version: v });
  });
}

function loadClaims(t: Tables, initial: unknown, issues: Issues): void {
  rows(initial, "domainClaims", issues).forEach((row, i) => {
    const outcome = claimDomain(t, row);
    if (outcome.status === "invalid_record") {
      issues.push(...within(["initial", "domainClaims", i], outcome.issues));
    } else if (outcome.status !== "claimed") {
      issues.push(
        problem(["domainClaims", i], row, `The claim overlaps another: ${outcome.status}.`),
      );
    }
  });
}

function loadLinks(t: Tables, initial: unknown, issues: Issues): void {
  rows(initial, "emailLinks", issues).forEach((row, i) => {
    const outcome = linkEmail(t, row);
    if (outcome.status === "invalid_record") {
      issues.push(...within(["initial", "emailLinks", i], outcome.issues));
    } else if (outcome.status !== "linked") {
      issues.push(problem(["emailLinks", i], row, "A second link of this client and address."));
    }
  });
}

function loadUsers(t: Tables, initial: unknown, issues: Issues): void {
  rows(initial, "users", issues).forEach((row, i) => {
    const checked = checkUserRecord(field(row, "value"));
    const v = version(row, ["users", i], issues);
    if (!checked.ok) {
      issues.push(...within(["initial", "users", i, "value"], checked.error.issues));
      return;
    }
    const { user, emailKey } = checked.value;
    const key = pair(user.partnerId, emailKey);
    if (field(row, "emailKey") !== emailKey) {
      issues.push(
        problem(["users", i, "emailKey"], field(row, "emailKey"), `The key is ${emailKey}.`),
      );
    } else if (t.users.has(key)) {
      issues.push(problem(["users", i], row, "A second user of this partner and address."));
    } else if (v !== null) t.users.set(key, { emailKey, value: user, version: v });
  });
}

function loadAssignment(t: Tables, row: unknown, i: number, issues: Issues): void {
  const checked = checkAssignmentRecord(field(row, "value"));
  const v = version(row, ["assignments", i], issues);
  const id = field(row, "id");
  if (!checked.ok) {
    issues.push(...within(["initial", "assignments", i, "value"], checked.error.issues));
    return;
  }
  const { assignment, emailKey } = checked.value;
  const slot = triple(assignment.partnerId, assignment.clientId, emailKey);
  if (typeof id !== "string" || id === "" || t.assignments.has(id)) {
    issues.push(problem(["assignments", i, "id"], id, "An id is a non-empty string, unique."));
  } else if (field(row, "emailKey") !== emailKey) {
    issues.push(
      problem(["assignments", i, "emailKey"], field(row, "emailKey"), `The key is ${emailKey}.`),
    );
  } else if (isLive(assignment) && t.live.has(slot)) {
    issues.push(
      problem(
        ["assignments", i],
        row,
        "A second live assignment of this partner, client and address.",
      ),
    );
  } else if (v !== null) {
    t.assignments.set(id, { id, emailKey, value: assignment, version: v });
    if (isLive(assignment)) t.live.set(slot, id);
    if (/^\d{1,15}$/.test(id)) t.nextAssignmentId = Math.max(t.nextAssignmentId, Number(id) + 1);
  }
}

function loadRest(t: Tables, initial: unknown, issues: Issues): void {
  rows(initial, "clients", issues).forEach((row, i) => {
    const outcome = putClient(t, row);
    if (outcome.status === "invalid_record")
      issues.push(...within(["initial", "clients", i], outcome.issues));
  });
  rows(initial, "activities", issues).forEach((row, i) => {
    const outcome = recordActivities(t, [row]);
    if (outcome.status === "invalid_record") {
      issues.push(
        ...within(
          ["initial", "activities", i],
          outcome.issues.map((x) => ({ ...x, path: x.path.slice(1) })),
        ),
      );
    }
  });
  const next = field(initial, "nextAssignmentId");
  if (Number.isSafeInteger(next) && (next as number) > 0) {
    t.nextAssignmentId = Math.max(t.nextAssignmentId, next as number);
  } else if (next !== undefined) {
    issues.push(
      problem(["nextAssignmentId"], next, "nextAssignmentId is a positive whole number."),
    );
  }
}

function load(initial: unknown): { tables: Tables; issues: RecordIssue[] } {
  const t = new Tables();
  const issues: RecordIssue[] = [];
  if (initial === undefined) return { tables: t, issues };
  if (!isRecord(initial)) {
    return { tables: t, issues: [problem([], initial, "initial must be a repository state.")] };
  }
  loadPartners(t, initial, issues);
  loadClaims(t, initial, issues);
  loadLinks(t, initial, issues);
  loadUsers(t, initial, issues);
  rows(initial, "assignments", issues).forEach((row, i) => {
    loadAssignment(t, row, i, issues);
  });
  loadRest(t, initial, issues);
  return { tables: t, issues };
}

function dump(t: Tables): InMemoryRepositoryState {
  return structuredClone({
    partners: listPartners(t),
    domainClaims: listDomainClaims(t),
    emailLinks: listEmailLinks(t),
    users: listUsers(t),
    assignments: [...t.assignments.values()],
    clients: listClients(t),
    activities: t.activities.map((a) => a.activity),
    nextAssignmentId: t.nextAssignmentId,
  });
}

// ---- the repository -------------------------------------------------------------------------

function retriesOf(options: unknown): number {
  const n = field(options, "serializationFailures");
  return Number.isSafeInteger(n) && (n as number) > 0 ? Math.min(n as number, 10) : 0;
}

// Runs a unit under the lock, with an undo journal: rolled back when the
// unit rejects, and `retries` times after it resolves (a rehearsed
// serialization failure) before the run that commits.
async function transaction<T>(
  t: Tables,
  lock: ReturnType<typeof createLock>,
  view: () => { tx: RepositoryTransaction; close: () => void },
  retries: number,
  fn: (tx: RepositoryTransaction) => Promise<T>,
): Promise<T> {
  if (typeof fn !== "function") throw new TypeError("transaction(fn) needs a function.");
  return lock(async () => {
    for (let attempt = 0; ; attempt++) {
      const v = view();
      t.journal = [];
      let value: T;
      try {
        value = await fn(v.tx);
      } catch (reason) {
        v.close();
        t.rollback();
        throw reason;
      }
      v.close();
      if (attempt < retries) t.rollback();
      else {
        t.journal = null;
        return value;
      }
    }
  });
}

/**
 * Creates the in-memory reference implementation of
 * {@link PartnerAccessRepository}: complete, and correct under concurrent
 * calls within one JavaScript process. Transactions run one at a time
 * (serializable isolation: calls from outside a transaction wait for it),
 * and a rejected one is rolled back entirely. Values are checked and copied
 * on the way in and copied on the way out, so callers can neither store a
 * malformed record nor mutate stored state, and `snapshot()` always works.
 * Never throws, whatever the options: a bad `initial` state loads what it
 * can and lists the rest in `initialIssues`. Use it in tests, demos and
 * prototypes; it keeps nothing when the process ends.
 *
 * Inside `transaction(fn)`, call only the view `fn` is given: a call on the
 * repository itself waits for the transaction, which waits for `fn`.
 *
 * @param options - `initial` state; `serializationFailures` to rehearse reruns
 * @returns the repository, with a `snapshot()` of its state
 * @example
 * ```ts
 * const repository = createInMemoryRepository();
 * await repository.claimDomain({ domain: "acme.com", partnerId: "acme", claimedAt: 1, matchSubdomains: true });
 * //=> { status: "claimed", claim: { domain: "acme.com", partnerId: "acme", claimedAt: 1, matchSubdomains: true } }
 * await repository.claimDomain({ domain: "eu.acme.com", partnerId: "rival", claimedAt: 2 });
 * //=> { status: "held_by_other", holder: { domain: "acme.com", partnerId: "acme", … } }
 * ```
 */
export function createInMemoryRepository(
  options: InMemoryRepositoryOptions = {},
): InMemoryRepository {
  const { tables: t, issues } = load(field(options, "initial"));
  const retries = retriesOf(options);
  const lock = createLock();

  const outside = {} as Record<Name, (...args: unknown[]) => Promise<unknown>>;
  for (const name of NAMES) {
    outside[name] = (...args) =>
      lock(async () => {
        // Yield once, so concurrent callers interleave as with a real store.
        await Promise.resolve();
        return run(t, name, args);
      });
  }

  // A transaction's view: calls run at once while it is open (the lock is
  // held), and like outside calls once it is closed.
  function view(): { tx: RepositoryTransaction; close: () => void } {
    let open = true;
    const tx = {} as Record<Name, (...args: unknown[]) => Promise<unknown>>;
    for (const name of NAMES) {
      tx[name] = async (...args) => {
        await Promise.resolve();
        return open ? run(t, name, args) : outside[name]!(...args);
      };
    }
    return { tx: tx as unknown as RepositoryTransaction, close: () => (open = false) };
  }

  return {
    ...(outside as unknown as RepositoryTransaction),
    transaction: (fn) => transaction(t, lock, view, retries, fn),
    snapshot: () => dump(t),
    initialIssues: Object.freeze(issues),
  };
}
