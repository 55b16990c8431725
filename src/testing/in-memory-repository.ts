import type {
  Activity,
  Assignment,
  AssignmentFilter,
  AssignmentRecord,
  ClaimDomainOutcome,
  Client,
  DeleteAssignmentOutcome,
  DomainClaimRecord,
  EmailLinkRecord,
  InsertAssignmentOutcome,
  LinkEmailOutcome,
  Partner,
  PartnerAccessRepository,
  PartnerId,
  PartnerUser,
  Period,
  ReleaseDomainOutcome,
  UnlinkEmailOutcome,
  UserRecord,
  Versioned,
  VersionedWrite,
} from "partner-access";

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
 * const options: InMemoryRepositoryOptions = { transactions: true };
 * ```
 */
export interface InMemoryRepositoryOptions {
  /**
   * Whether the repository offers `transaction` (default `false`, like most
   * key-value stores; the service then undoes its own writes on failure).
   */
  readonly transactions?: boolean;
  /** The state to start from, for instance a `snapshot()` of another one. */
  readonly initial?: InMemoryRepositoryState;
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
   * A deep copy of everything stored, in list order: compare two snapshots
   * with a deep equality to check that nothing changed.
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
}

interface Tables {
  partners: Map<PartnerId, Versioned<Partner>>;
  claims: Map<string, DomainClaimRecord>;
  links: Map<string, EmailLinkRecord>;
  users: Map<string, UserRecord>;
  assignments: Map<string, AssignmentRecord>;
  clients: Map<number, Client>;
  activities: Activity[];
  nextAssignmentId: number;
}

// Copies in and out, so no caller can reach the stored objects. Stored data
// is JSON-like (the shapes of design 2.0a), which structuredClone copies
// exactly; it exists in Node ≥ 17, browsers, Deno, Bun and edge runtimes.
function copy<T>(value: T): T {
  return structuredClone(value);
}

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

function isLive(a: Assignment): boolean {
  return a.status === "pending_access" || a.status === "active";
}

// Keys of composite identities; "\u0000" cannot occur in a partnerId that a
// caller would choose, nor in an email key, so the pairs cannot collide.
const pairKey = (a: string | number, b: string) => `${a}\u0000${b}`;

function load(state: InMemoryRepositoryState | undefined): Tables {
  const s = copy(state);
  return {
    partners: new Map((s?.partners ?? []).map((p) => [p.value.partnerId, p])),
    claims: new Map((s?.domainClaims ?? []).map((c) => [c.domain, c])),
    links: new Map((s?.emailLinks ?? []).map((l) => [pairKey(l.clientId, l.emailKey), l])),
    users: new Map((s?.users ?? []).map((u) => [pairKey(u.value.partnerId, u.emailKey), u])),
    assignments: new Map((s?.assignments ?? []).map((a) => [a.id, a])),
    clients: new Map((s?.clients ?? []).map((c) => [c.clientId, c])),
    activities: s?.activities.slice() ?? [],
    nextAssignmentId: s?.nextAssignmentId ?? 1,
  };
}

function dump(t: Tables): InMemoryRepositoryState {
  return copy({
    partners: [...t.partners.values()].sort((a, b) =>
      byString(a.value.partnerId, b.value.partnerId),
    ),
    domainClaims: [...t.claims.values()].sort((a, b) => byString(a.domain, b.domain)),
    emailLinks: sortLinks([...t.links.values()]),
    users: sortUsers([...t.users.values()]),
    assignments: [...t.assignments.values()],
    clients: [...t.clients.values()].sort((a, b) => a.clientId - b.clientId),
    activities: sortActivities(t.activities.slice()),
    nextAssignmentId: t.nextAssignmentId,
  });
}

function sortLinks(links: EmailLinkRecord[]): EmailLinkRecord[] {
  return links.sort((a, b) => a.clientId - b.clientId || byString(a.emailKey, b.emailKey));
}

function sortUsers(users: UserRecord[]): UserRecord[] {
  return users.sort(
    (a, b) => byString(a.value.partnerId, b.value.partnerId) || byString(a.emailKey, b.emailKey),
  );
}

function sortActivities(activities: Activity[]): Activity[] {
  return activities.sort(
    (a, b) => a.at - b.at || a.clientId - b.clientId || byString(a.email, b.email),
  );
}

// A versioned write against one map entry: the rule of savePartner/saveUser.
function versionedPut<R extends { readonly version: number }>(
  map: Map<string, R>,
  key: string,
  expectedVersion: number | null,
  make: (version: number) => R,
): VersionedWrite<R> {
  const current = map.get(key);
  const expected = current === undefined ? null : current.version;
  if (expected !== expectedVersion) {
    return { status: "version_conflict", current: current === undefined ? null : copy(current) };
  }
  const record = make((current?.version ?? 0) + 1);
  map.set(key, record);
  return { status: "written", record: copy(record) };
}

// The live assignment of the same partner, client and key, other than `id`.
function liveDuplicate(
  t: Tables,
  emailKey: string,
  a: Assignment,
  id?: string,
): AssignmentRecord | undefined {
  for (const other of t.assignments.values()) {
    if (
      other.id !== id &&
      other.emailKey === emailKey &&
      other.value.partnerId === a.partnerId &&
      other.value.clientId === a.clientId &&
      isLive(other.value)
    ) {
      return other;
    }
  }
  return undefined;
}

// The operations over one set of tables. Each runs synchronously, so it is
// atomic within one JavaScript event loop: no other call can run between
// its check and its write.
function operations(t: Tables) {
  return {
    getPartner: (partnerId: PartnerId) => copy(t.partners.get(partnerId) ?? null),
    listPartners: () =>
      copy([...t.partners.values()].sort((a, b) => byString(a.value.partnerId, b.value.partnerId))),
    savePartner: (partner: Partner, expectedVersion: number | null) =>
      versionedPut(t.partners, partner.partnerId, expectedVersion, (version) => ({
        value: copy(partner),
        version,
      })),

    claimDomain: (claim: DomainClaimRecord): ClaimDomainOutcome => {
      const held = t.claims.get(claim.domain);
      if (held === undefined) {
        t.claims.set(claim.domain, copy(claim));
        return { status: "claimed", claim: copy(claim) };
      }
      return held.partnerId === claim.partnerId
        ? { status: "already_ours", claim: copy(held) }
        : { status: "held_by_other", holder: copy(held) };
    },
    releaseDomain: (domain: string, partnerId: PartnerId): ReleaseDomainOutcome => {
      const held = t.claims.get(domain);
      if (held === undefined || held.partnerId !== partnerId) {
        return { status: "not_held", holder: copy(held ?? null) };
      }
      t.claims.delete(domain);
      return { status: "released" };
    },
    getDomainClaim: (domain: string) => copy(t.claims.get(domain) ?? null),
    listDomainClaims: (partnerId?: PartnerId) =>
      copy(
        [...t.claims.values()]
          .filter((c) => partnerId === undefined || c.partnerId === partnerId)
          .sort((a, b) => byString(a.domain, b.domain)),
      ),

    linkEmail: (link: EmailLinkRecord): LinkEmailOutcome => {
      const key = pairKey(link.clientId, link.emailKey);
      const held = t.links.get(key);
      if (held === undefined) {
        t.links.set(key, copy(link));
        return { status: "linked", link: copy(link) };
      }
      return held.partnerId === link.partnerId
        ? { status: "already_ours", link: copy(held) }
        : { status: "held_by_other", holder: copy(held) };
    },
    unlinkEmail: (link: {
      readonly clientId: number;
      readonly emailKey: string;
      readonly partnerId: PartnerId;
    }): UnlinkEmailOutcome => {
      const key = pairKey(link.clientId, link.emailKey);
      const held = t.links.get(key);
      if (held === undefined || held.partnerId !== link.partnerId) {
        return { status: "not_held", holder: copy(held ?? null) };
      }
      t.links.delete(key);
      return { status: "unlinked" };
    },
    getEmailLink: (clientId: number, emailKey: string) =>
      copy(t.links.get(pairKey(clientId, emailKey)) ?? null),
    listEmailLinks: (filter?: { readonly clientId?: number; readonly partnerId?: PartnerId }) =>
      copy(
        sortLinks(
          [...t.links.values()].filter(
            (l) =>
              (filter?.clientId === undefined || l.clientId === filter.clientId) &&
              (filter?.partnerId === undefined || l.partnerId === filter.partnerId),
          ),
        ),
      ),

    getUser: (partnerId: PartnerId, emailKey: string) =>
      copy(t.users.get(pairKey(partnerId, emailKey)) ?? null),
    listUsers: (filter?: { readonly partnerId?: PartnerId }) =>
      copy(
        sortUsers(
          [...t.users.values()].filter(
            (u) => filter?.partnerId === undefined || u.value.partnerId === filter.partnerId,
          ),
        ),
      ),
    saveUser: (emailKey: string, user: PartnerUser, expectedVersion: number | null) =>
      versionedPut(t.users, pairKey(user.partnerId, emailKey), expectedVersion, (version) => ({
        emailKey,
        value: copy(user),
        version,
      })),

    insertAssignment: (emailKey: string, assignment: Assignment): InsertAssignmentOutcome => {
      const existing = isLive(assignment) ? liveDuplicate(t, emailKey, assignment) : undefined;
      if (existing !== undefined) return { status: "duplicate", existing: copy(existing) };
      const id = String(t.nextAssignmentId++);
      const record: AssignmentRecord = { id, emailKey, value: copy(assignment), version: 1 };
      t.assignments.set(id, record);
      return { status: "inserted", record: copy(record) };
    },
    getAssignment: (id: string) => copy(t.assignments.get(id) ?? null),
    listAssignments: (filter: AssignmentFilter = {}) =>
      copy(
        [...t.assignments.values()].filter(
          (a) =>
            (filter.partnerId === undefined || a.value.partnerId === filter.partnerId) &&
            (filter.clientId === undefined || a.value.clientId === filter.clientId) &&
            (filter.emailKey === undefined || a.emailKey === filter.emailKey) &&
            (filter.live === undefined || isLive(a.value) === filter.live),
        ),
      ),
    updateAssignment: (
      id: string,
      assignment: Assignment,
      expectedVersion: number,
    ): VersionedWrite<AssignmentRecord> => {
      const current = t.assignments.get(id);
      if (current === undefined || current.version !== expectedVersion) {
        return { status: "version_conflict", current: copy(current ?? null) };
      }
      // rule (port): one live assignment per partner, client and key, as
      // a unique index would refuse it.
      if (isLive(assignment) && !isLive(current.value)) {
        const other = liveDuplicate(t, current.emailKey, assignment, id);
        if (other !== undefined) {
          throw new Error(
            `assignment ${id} cannot become live: assignment ${other.id} is live for the same partner, client and address`,
          );
        }
      }
      const record: AssignmentRecord = {
        id,
        emailKey: current.emailKey,
        value: copy(assignment),
        version: current.version + 1,
      };
      t.assignments.set(id, record);
      return { status: "written", record: copy(record) };
    },
    deleteAssignment: (id: string, expectedVersion: number): DeleteAssignmentOutcome => {
      const current = t.assignments.get(id);
      if (current === undefined || current.version !== expectedVersion) {
        return { status: "version_conflict", current: copy(current ?? null) };
      }
      t.assignments.delete(id);
      return { status: "deleted" };
    },

    putClient: (client: Client) => {
      t.clients.set(client.clientId, copy(client));
    },
    listClients: () => copy([...t.clients.values()].sort((a, b) => a.clientId - b.clientId)),
    recordActivities: (activities: readonly Activity[]) => {
      t.activities.push(...copy(activities));
    },
    listActivities: (period: Period) =>
      copy(sortActivities(t.activities.filter((a) => a.at >= period.start && a.at < period.end))),
  };
}

type Operations = ReturnType<typeof operations>;
type Asynced<O> = {
  [K in keyof O]: O[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

// A tiny FIFO lock: a transaction holds it from start to end, and every call
// outside a transaction waits for it, so a transaction is serializable.
function createLock() {
  let tail: Promise<void> = Promise.resolve();
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      const previous = tail;
      let release!: () => void;
      tail = new Promise((resolve) => {
        release = resolve;
      });
      await previous;
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}

/**
 * Creates the in-memory reference implementation of
 * {@link PartnerAccessRepository}: complete, and correct under concurrent
 * calls within one JavaScript process (each method checks and writes in one
 * synchronous step, after yielding once so that concurrent calls really
 * interleave). Values are deep-copied in and out, so callers cannot mutate
 * stored state. Use it in tests, demos and prototypes; it keeps nothing when
 * the process ends.
 *
 * With `transactions: true` it also offers `transaction(fn)`: a unit runs
 * alone (calls from outside wait), and on rejection the state is put back as
 * it was before the unit.
 *
 * @param options - `transactions` to offer `transaction`; `initial` state
 * @returns the repository, with a `snapshot()` of its state
 * @example
 * ```ts
 * const repository = createInMemoryRepository();
 * await repository.claimDomain({ domain: "acme.com", partnerId: "acme", claimedAt: 1 });
 * //=> { status: "claimed", claim: { domain: "acme.com", partnerId: "acme", claimedAt: 1 } }
 * await repository.claimDomain({ domain: "acme.com", partnerId: "rival", claimedAt: 2 });
 * //=> { status: "held_by_other", holder: { domain: "acme.com", partnerId: "acme", claimedAt: 1 } }
 * ```
 */
export function createInMemoryRepository(
  options: InMemoryRepositoryOptions = {},
): InMemoryRepository {
  let tables = load(options.initial);
  const lock = createLock();
  // Operations always act on the current tables: a rollback replaces them.
  const current = () => operations(tables);

  // `locked`: outside a transaction, wait for any running transaction.
  function bind(locked: boolean): Asynced<Operations> {
    const names = Object.keys(current()) as (keyof Operations)[];
    const bound: Partial<Record<keyof Operations, unknown>> = {};
    for (const name of names) {
      bound[name] = async (...args: unknown[]) => {
        const call = async () => {
          // Yield once, so concurrent callers interleave as with a real store.
          await Promise.resolve();
          const op = current()[name] as (...a: unknown[]) => unknown;
          return op(...args);
        };
        return locked && options.transactions === true ? lock.run(call) : call();
      };
    }
    return bound as Asynced<Operations>;
  }

  const repository: InMemoryRepository = {
    ...bind(true),
    snapshot: () => dump(tables),
  };
  if (options.transactions === true) {
    const inside = bind(false);
    repository.transaction = <T>(fn: (tx: PartnerAccessRepository) => Promise<T>) =>
      lock.run(async () => {
        const before = dump(tables);
        try {
          return await fn(inside);
        } catch (reason) {
          // Ids are never reused, even those of rolled-back inserts (as with
          // a SQL sequence): someone inside the unit may have seen them.
          const nextAssignmentId = tables.nextAssignmentId;
          tables = load(before);
          tables.nextAssignmentId = nextAssignmentId;
          throw reason;
        }
      });
  }
  return repository;
}
