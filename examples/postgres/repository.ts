// A PartnerAccessRepository over PostgreSQL: the template to copy into your
// application. It needs the tables of schema.sql and a client with
// `query(sql, params)` returning `{ rows }` and `transaction(fn)`: PGlite as
// it is, or node-postgres (`pg`) through `fromPgPool` at the end of this file.
//
// How it keeps the rules of the port under concurrency, across processes:
// - every call runs in a transaction (a call on the repository itself is a
//   transaction of its own); a serialization failure or a deadlock reruns
//   the whole unit, a few times, as the port allows;
// - inside a transaction, every get… is `SELECT … FOR UPDATE`: what a use
//   case read to decide stays as it read it until it commits;
// - links and live assignments are `INSERT … ON CONFLICT DO NOTHING` on a
//   unique key; when nothing was inserted, the row that won is read back;
// - a domain claim first takes `pg_advisory_xact_lock` on the domain's
//   family (its last two labels), then reads the family's claims, asks
//   `findClaimOverlap`, and writes: overlapping claims never coexist;
// - versioned writes are `UPDATE … WHERE version = $expected`;
// - records are checked with the library's `check…Record` functions, which
//   also compute every email key, before anything is written.

import {
  type Activity,
  type ActivityPage,
  type Assignment,
  type AssignmentFilter,
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
  type DomainClaimRecord,
  domainFamily,
  type EmailLinkRecord,
  findClaimOverlap,
  type InsertAssignmentOutcome,
  type LinkEmailOutcome,
  type ListActivitiesOptions,
  type Partner,
  type PartnerAccessRepository,
  type PartnerUser,
  type Period,
  type RepositoryTransaction,
  type UserFilter,
  type UserRecord,
  type Versioned,
  type VersionedWrite,
} from "partner-access";

/** What the repository needs to run statements. */
export interface SqlQuery {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** What the repository needs from a PostgreSQL client: statements and transactions. */
export interface SqlClient extends SqlQuery {
  /** Runs `fn` in one transaction on one connection (PGlite has it; see `fromPgPool` for pg). */
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T>;
}

const LIVE = "status IN ('pending_access', 'active')";
const json = (value: unknown) => JSON.stringify(value);
// Ids are bigserial; anything else cannot name a row (and must not reach ::bigint).
const isId = (id: unknown): id is string => typeof id === "string" && /^[1-9]\d{0,17}$/.test(id);
const isVersion = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const text = (v: unknown) => (typeof v === "string" ? v : null);

interface ClaimRow {
  domain: string;
  partner_id: string;
  claimed_at: string | number;
  match_subdomains: boolean;
}
interface LinkRow {
  client_id: string | number;
  email_key: string;
  partner_id: string;
  email: string;
  linked_at: string | number;
}
interface VersionedRow<T> {
  data: T;
  version: number;
}
interface UserRow extends VersionedRow<PartnerUser> {
  email_key: string;
}
interface AssignmentRow extends VersionedRow<Assignment> {
  id: string | number;
  email_key: string;
}

// bigint columns come back as strings (pg) or bigints (PGlite); timestamps
// and HubIDs are safe integers, so Number() is exact.
const toClaim = (r: ClaimRow): DomainClaimRecord => ({
  domain: r.domain,
  partnerId: r.partner_id,
  claimedAt: Number(r.claimed_at),
  matchSubdomains: r.match_subdomains,
});
const toLink = (r: LinkRow): EmailLinkRecord => ({
  clientId: Number(r.client_id),
  emailKey: r.email_key,
  partnerId: r.partner_id,
  email: r.email,
  linkedAt: Number(r.linked_at),
});
const toUser = (r: UserRow): UserRecord => ({
  emailKey: r.email_key,
  value: r.data,
  version: r.version,
});
const toAssignment = (r: AssignmentRow): AssignmentRecord => ({
  id: String(r.id),
  emailKey: r.email_key,
  value: r.data,
  version: r.version,
});

// The window in which an assignment is active, for the indexed columns.
function window(a: Assignment): [number | null, number | null] {
  if (a.status === "pending_access" || a.activatedAt === undefined) return [null, null];
  return [a.activatedAt, a.removedAt ?? a.expiresAt ?? null];
}

// A list filter: absent, or an array (anything else matches nothing).
function listOf(filter: unknown, key: string): unknown[] | null | "none" {
  const value =
    typeof filter === "object" && filter !== null
      ? (filter as Record<string, unknown>)[key]
      : undefined;
  if (value === undefined) return null;
  return Array.isArray(value) ? value : "none";
}

const CURSOR = /^p1:(-?\d{1,16}):(\d{1,18})$/;
const MAX_PAGE = 10_000;

// Each function below returns one group of the port's methods, so it is as
// long as its group; every method in it is short.
function partners({ one, rows }: Rows) {
  const getPartner = async (partnerId: string): Promise<Versioned<Partner> | null> => {
    const r = await one<VersionedRow<Partner>>(
      "SELECT data, version FROM pa_partners WHERE partner_id = $1 FOR UPDATE",
      [text(partnerId)],
    );
    return r && { value: r.data, version: r.version };
  };
  return {
    getPartner,
    listPartners: async (filter?: { readonly partnerIds?: readonly string[] }) => {
      const ids = listOf(filter, "partnerIds");
      if (ids === "none") return [];
      const found = await rows<VersionedRow<Partner>>(
        `SELECT data, version FROM pa_partners WHERE $1::text[] IS NULL OR partner_id = ANY($1)
         ORDER BY partner_id`,
        [ids?.filter((id) => typeof id === "string") ?? null],
      );
      return found.map((r) => ({ value: r.data, version: r.version }));
    },
    savePartner: async (
      input: Partner,
      expectedVersion: number | null,
    ): Promise<VersionedWrite<Versioned<Partner>>> => {
      const checked = checkPartnerRecord(input);
      if (!checked.ok) return checked.error;
      const partner = checked.value;
      const written =
        expectedVersion === null
          ? await one<{ version: number }>(
              `INSERT INTO pa_partners (partner_id, data, version) VALUES ($1, $2::jsonb, 1)
               ON CONFLICT DO NOTHING RETURNING version`,
              [partner.partnerId, json(partner)],
            )
          : isVersion(expectedVersion)
            ? await one<{ version: number }>(
                `UPDATE pa_partners SET data = $2::jsonb, version = version + 1
                 WHERE partner_id = $1 AND version = $3 RETURNING version`,
                [partner.partnerId, json(partner), expectedVersion],
              )
            : null;
      return written
        ? { status: "written", record: { value: partner, version: written.version } }
        : { status: "version_conflict", current: await getPartner(partner.partnerId) };
    },
  } satisfies Partial<RepositoryTransaction>;
}

interface Rows {
  rows<R>(sql: string, params?: unknown[]): Promise<R[]>;
  one<R>(sql: string, params?: unknown[]): Promise<R | null>;
}

function claims({ one, rows }: Rows) {
  const getDomainClaim = async (domain: string) => {
    const r = await one<ClaimRow>("SELECT * FROM pa_domain_claims WHERE domain = $1 FOR UPDATE", [
      text(domain),
    ]);
    return r && toClaim(r);
  };
  // Serialises every claim and release in the domain's family, then reads it.
  const lockFamily = async (domain: string): Promise<DomainClaimRecord[]> => {
    const family = domainFamily(domain);
    await one("SELECT pg_advisory_xact_lock(hashtextextended('pa_domain_family:' || $1, 0))", [
      family,
    ]);
    return (await rows<ClaimRow>("SELECT * FROM pa_domain_claims WHERE family = $1", [family])).map(
      toClaim,
    );
  };
  return {
    getDomainClaim,
    claimDomain: async (input: unknown): Promise<ClaimDomainOutcome> => {
      const checked = checkDomainClaimRecord(input);
      if (!checked.ok) return checked.error;
      const claim = checked.value;
      const family = await lockFamily(claim.domain);
      const overlap = findClaimOverlap(claim, family);
      if (overlap !== null) return { status: "held_by_other", holder: overlap };
      const held = family.find((c) => c.domain === claim.domain);
      if (held === undefined) {
        await one(
          `INSERT INTO pa_domain_claims (domain, family, partner_id, claimed_at, match_subdomains)
           VALUES ($1, $2, $3, $4, $5)`,
          [
            claim.domain,
            domainFamily(claim.domain),
            claim.partnerId,
            claim.claimedAt,
            claim.matchSubdomains,
          ],
        );
        return { status: "claimed", claim };
      }
      if (held.matchSubdomains === claim.matchSubdomains)
        return { status: "already_ours", claim: held };
      await one("UPDATE pa_domain_claims SET match_subdomains = $2 WHERE domain = $1", [
        claim.domain,
        claim.matchSubdomains,
      ]);
      return {
        status: "updated",
        claim: { ...held, matchSubdomains: claim.matchSubdomains },
        previous: held,
      };
    },
    releaseDomain: async (domain: string, partnerId: string) => {
      if (typeof domain !== "string") return { status: "not_held", holder: null } as const;
      await lockFamily(domain);
      const deleted = await one<ClaimRow>(
        "DELETE FROM pa_domain_claims WHERE domain = $1 AND partner_id = $2 RETURNING *",
        [domain, text(partnerId)],
      );
      return deleted
        ? ({ status: "released", claim: toClaim(deleted) } as const)
        : ({ status: "not_held", holder: await getDomainClaim(domain) } as const);
    },
    listDomainClaims: async (partnerId?: string) => {
      if (partnerId !== undefined && typeof partnerId !== "string") return [];
      return (
        await rows<ClaimRow>(
          "SELECT * FROM pa_domain_claims WHERE $1::text IS NULL OR partner_id = $1 ORDER BY domain",
          [partnerId ?? null],
        )
      ).map(toClaim);
    },
  } satisfies Partial<RepositoryTransaction>;
}

function links({ one, rows }: Rows) {
  const getEmailLink = async (clientId: number, emailKey: string) => {
    if (!Number.isSafeInteger(clientId)) return null;
    const r = await one<LinkRow>(
      "SELECT * FROM pa_email_links WHERE client_id = $1 AND email_key = $2 FOR UPDATE",
      [clientId, text(emailKey)],
    );
    return r && toLink(r);
  };
  return {
    getEmailLink,
    linkEmail: async (input: unknown): Promise<LinkEmailOutcome> => {
      const checked = checkEmailLinkRecord(input);
      if (!checked.ok) return checked.error;
      const link = checked.value;
      for (;;) {
        const inserted = await one<LinkRow>(
          `INSERT INTO pa_email_links (client_id, email_key, partner_id, email, linked_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING *`,
          [link.clientId, link.emailKey, link.partnerId, link.email, link.linkedAt],
        );
        if (inserted) return { status: "linked", link: toLink(inserted) };
        const held = await getEmailLink(link.clientId, link.emailKey);
        if (held === null) continue; // unlinked in between: try again
        return held.partnerId === link.partnerId
          ? { status: "already_ours", link: held }
          : { status: "held_by_other", holder: held };
      }
    },
    unlinkEmail: async ({
      clientId,
      emailKey,
      partnerId,
    }: {
      clientId: number;
      emailKey: string;
      partnerId: string;
    }) => {
      const deleted = Number.isSafeInteger(clientId)
        ? await one<LinkRow>(
            `DELETE FROM pa_email_links WHERE client_id = $1 AND email_key = $2 AND partner_id = $3
             RETURNING *`,
            [clientId, text(emailKey), text(partnerId)],
          )
        : null;
      return deleted
        ? ({ status: "unlinked", link: toLink(deleted) } as const)
        : ({ status: "not_held", holder: await getEmailLink(clientId, emailKey) } as const);
    },
    listEmailLinks: async (filter: { clientId?: number; partnerId?: string } = {}) =>
      (
        await rows<LinkRow>(
          `SELECT * FROM pa_email_links
           WHERE ($1::bigint IS NULL OR client_id = $1) AND ($2::text IS NULL OR partner_id = $2)
           ORDER BY client_id, email_key`,
          [filter.clientId ?? null, filter.partnerId ?? null],
        )
      ).map(toLink),
  } satisfies Partial<RepositoryTransaction>;
}

function users({ one, rows }: Rows) {
  const getUser = async (partnerId: string, emailKey: string) => {
    const r = await one<UserRow>(
      `SELECT email_key, data, version FROM pa_users WHERE partner_id = $1 AND email_key = $2
       FOR UPDATE`,
      [text(partnerId), text(emailKey)],
    );
    return r && toUser(r);
  };
  return {
    getUser,
    listUsers: async (filter: UserFilter = {}) => {
      const keys = listOf(filter, "keys");
      if (keys === "none") return [];
      const pairs = (keys ?? []).map((k) => k as { partnerId?: unknown; emailKey?: unknown });
      return (
        await rows<UserRow>(
          `SELECT email_key, data, version FROM pa_users
           WHERE ($1::text IS NULL OR partner_id = $1)
             AND ($2::text[] IS NULL OR (partner_id, email_key) IN
                  (SELECT * FROM unnest($2::text[], $3::text[])))
           ORDER BY partner_id, email_key`,
          [
            filter.partnerId ?? null,
            keys === null ? null : pairs.map((k) => text(k.partnerId)),
            pairs.map((k) => text(k.emailKey)),
          ],
        )
      ).map(toUser);
    },
    saveUser: async (
      input: unknown,
      expectedVersion: number | null,
    ): Promise<VersionedWrite<UserRecord>> => {
      const checked = checkUserRecord(input);
      if (!checked.ok) return checked.error;
      const { user, emailKey } = checked.value;
      const written =
        expectedVersion === null
          ? await one<{ version: number }>(
              `INSERT INTO pa_users (partner_id, email_key, data, version) VALUES ($1, $2, $3::jsonb, 1)
               ON CONFLICT DO NOTHING RETURNING version`,
              [user.partnerId, emailKey, json(user)],
            )
          : isVersion(expectedVersion)
            ? await one<{ version: number }>(
                `UPDATE pa_users SET data = $3::jsonb, version = version + 1
                 WHERE partner_id = $1 AND email_key = $2 AND version = $4 RETURNING version`,
                [user.partnerId, emailKey, json(user), expectedVersion],
              )
            : null;
      return written
        ? { status: "written", record: { emailKey, value: user, version: written.version } }
        : { status: "version_conflict", current: await getUser(user.partnerId, emailKey) };
    },
    deleteUser: async (partnerId: string, emailKey: string, expectedVersion: number) => {
      const deleted = isVersion(expectedVersion)
        ? await one<UserRow>(
            `DELETE FROM pa_users WHERE partner_id = $1 AND email_key = $2 AND version = $3
             RETURNING email_key, data, version`,
            [text(partnerId), text(emailKey), expectedVersion],
          )
        : null;
      return deleted
        ? ({ status: "deleted", user: toUser(deleted) } as const)
        : ({ status: "version_conflict", current: await getUser(partnerId, emailKey) } as const);
    },
  } satisfies Partial<RepositoryTransaction>;
}

function assignmentQuery(filter: AssignmentFilter): { where: string; params: unknown[] } | null {
  const clientIds = listOf(filter, "clientIds");
  if (clientIds === "none") return null;
  const period: Period | undefined = filter.activeIn;
  return {
    // [active_from, active_until) meets [start, end)
    where: `($1::text IS NULL OR partner_id = $1) AND ($2::bigint IS NULL OR client_id = $2)
      AND ($3::text IS NULL OR email_key = $3) AND ($4::boolean IS NULL OR (${LIVE}) = $4)
      AND ($5::bigint[] IS NULL OR client_id = ANY($5))
      AND ($6::bigint IS NULL OR (active_from < $7 AND $6 < $7
           AND active_from < COALESCE(active_until, 9007199254740991)
           AND $6 < COALESCE(active_until, 9007199254740991)))`,
    params: [
      filter.partnerId ?? null,
      filter.clientId ?? null,
      filter.emailKey ?? null,
      filter.live ?? null,
      clientIds,
      period?.start ?? null,
      period?.end ?? null,
    ],
  };
}

function assignments({ one, rows }: Rows) {
  const getAssignment = async (id: string) => {
    if (!isId(id)) return null;
    const r = await one<AssignmentRow>("SELECT * FROM pa_assignments WHERE id = $1 FOR UPDATE", [
      id,
    ]);
    return r && toAssignment(r);
  };
  const getLiveAssignment = async (key: {
    partnerId: string;
    clientId: number;
    emailKey: string;
  }) => {
    if (!Number.isSafeInteger(key?.clientId)) return null;
    const r = await one<AssignmentRow>(
      `SELECT * FROM pa_assignments
       WHERE partner_id = $1 AND client_id = $2 AND email_key = $3 AND ${LIVE} FOR UPDATE`,
      [text(key.partnerId), key.clientId, text(key.emailKey)],
    );
    return r && toAssignment(r);
  };
  return {
    getAssignment,
    getLiveAssignment,
    insertAssignment: async (input: unknown): Promise<InsertAssignmentOutcome> => {
      const checked = checkAssignmentRecord(input);
      if (!checked.ok) return checked.error;
      const { assignment: a, emailKey } = checked.value;
      for (;;) {
        const inserted = await one<AssignmentRow>(
          `INSERT INTO pa_assignments
             (partner_id, client_id, email_key, status, active_from, active_until, data, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 1)
           ON CONFLICT (partner_id, client_id, email_key) WHERE ${LIVE} DO NOTHING RETURNING *`,
          [a.partnerId, a.clientId, emailKey, a.status, ...window(a), json(a)],
        );
        if (inserted) return { status: "inserted", record: toAssignment(inserted) };
        const existing = await getLiveAssignment({ ...a, emailKey });
        if (existing) return { status: "duplicate", existing };
        // the live one was removed in between: try again
      }
    },
    listAssignments: async (filter: AssignmentFilter = {}) => {
      const q = assignmentQuery(filter);
      if (q === null) return [];
      return (
        await rows<AssignmentRow>(
          `SELECT * FROM pa_assignments WHERE ${q.where} ORDER BY id`,
          q.params,
        )
      ).map(toAssignment);
    },
    updateAssignment: async (
      id: string,
      input: unknown,
      expectedVersion: number,
    ): Promise<VersionedWrite<AssignmentRecord>> => {
      const checked = checkAssignmentRecord(input);
      if (!checked.ok) return checked.error;
      const current = await getAssignment(id);
      if (current === null || current.version !== expectedVersion) {
        return { status: "version_conflict", current };
      }
      const change = checkAssignmentUpdate(current, input);
      if (!change.ok) return change.error;
      const a = change.value.assignment;
      const updated = await one<AssignmentRow>(
        `UPDATE pa_assignments
         SET data = $2::jsonb, status = $3, active_from = $4, active_until = $5, version = version + 1
         WHERE id = $1 RETURNING *`,
        [id, json(a), a.status, ...window(a)],
      );
      return updated
        ? { status: "written", record: toAssignment(updated) }
        : { status: "version_conflict", current: null };
    },
  } satisfies Partial<RepositoryTransaction>;
}

function activities({ one, rows }: Rows) {
  return {
    putClient: async (input: unknown) => {
      const checked = checkClientRecord(input);
      if (!checked.ok) return checked.error;
      await one(
        `INSERT INTO pa_clients (client_id, data) VALUES ($1, $2::jsonb)
         ON CONFLICT (client_id) DO UPDATE SET data = EXCLUDED.data`,
        [checked.value.clientId, json(checked.value)],
      );
      return { status: "written", client: checked.value } as const;
    },
    listClients: async (filter?: { clientIds?: readonly number[] }) => {
      const ids = listOf(filter, "clientIds");
      if (ids === "none") return [];
      return (
        await rows<{ data: Client }>(
          "SELECT data FROM pa_clients WHERE $1::bigint[] IS NULL OR client_id = ANY($1) ORDER BY client_id",
          [ids?.filter((id) => Number.isSafeInteger(id)) ?? null],
        )
      ).map((r) => r.data);
    },
    recordActivities: async (input: unknown) => {
      const checked = checkActivityRecords(input);
      if (!checked.ok) return checked.error;
      // One statement: all of them or none.
      await one(
        `INSERT INTO pa_activities (client_id, email, at)
         SELECT (a->>'clientId')::bigint, a->>'email', (a->>'at')::bigint
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(a, n) ORDER BY n`,
        [json(checked.value)],
      );
      return { status: "recorded", count: checked.value.length } as const;
    },
    listActivities: async (
      period: Period,
      options: ListActivitiesOptions = {},
    ): Promise<ActivityPage> => {
      const after = options?.after ?? null;
      const cursor = after === null ? null : typeof after === "string" ? CURSOR.exec(after) : null;
      if (after !== null && cursor === null) return { status: "invalid_cursor", cursor: after };
      const ids = listOf(options, "clientIds");
      const limit =
        Number.isSafeInteger(options?.limit) && (options.limit as number) > 0
          ? Math.min(options.limit as number, MAX_PAGE)
          : 1_000;
      if (
        ids === "none" ||
        !Number.isSafeInteger(period?.start) ||
        !Number.isSafeInteger(period?.end)
      ) {
        return { status: "page", activities: [], next: null };
      }
      const found = await rows<{
        id: string | number;
        client_id: string | number;
        email: string;
        at: string | number;
      }>(
        `SELECT id, client_id, email, at FROM pa_activities
         WHERE at >= $1 AND at < $2 AND ($3::bigint IS NULL OR (at, id) > ($3, $4::bigint))
           AND ($5::bigint[] IS NULL OR client_id = ANY($5))
         ORDER BY at, id LIMIT $6`,
        [period.start, period.end, cursor?.[1] ?? null, cursor?.[2] ?? null, ids, limit + 1],
      );
      const page = found.slice(0, limit);
      const last = page[page.length - 1];
      const activities: Activity[] = page.map((r) => ({
        clientId: Number(r.client_id),
        email: r.email,
        at: Number(r.at),
      }));
      const next = found.length > limit && last ? `p1:${Number(last.at)}:${String(last.id)}` : null;
      return { status: "page", activities, next };
    },
  } satisfies Partial<RepositoryTransaction>;
}

// Every method of the port over one connection (inside a transaction).
function operations(db: SqlQuery): RepositoryTransaction {
  const rows = async <R>(sql: string, params: unknown[] = []) =>
    (await db.query<R>(sql, params)).rows;
  const one = async <R>(sql: string, params: unknown[] = []) =>
    (await rows<R>(sql, params))[0] ?? null;
  const q: Rows = { rows, one };
  return {
    ...partners(q),
    ...claims(q),
    ...links(q),
    ...users(q),
    ...assignments(q),
    ...activities(q),
  } as RepositoryTransaction;
}

// PostgreSQL's codes for a transaction it could not serialise.
const RETRYABLE = new Set(["40001", "40P01"]);

/**
 * Creates a {@link PartnerAccessRepository} over PostgreSQL.
 *
 * @param db - a client with `query` and `transaction`
 * @param options - `retries`: how often a unit that hit a serialization failure or a deadlock is rerun (default 3)
 * @returns the repository
 * @example
 * ```ts
 * const db = await PGlite.create();
 * await db.exec(readFileSync("examples/postgres/schema.sql", "utf8"));
 * const service = createPartnerAccessService({ repository: createPostgresRepository(db) });
 * ```
 */
export function createPostgresRepository(
  db: SqlClient,
  options: { retries?: number } = {},
): PartnerAccessRepository {
  const retries = options.retries ?? 3;
  const transaction = async <T>(fn: (tx: RepositoryTransaction) => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction((tx) => fn(operations(tx)));
      } catch (e) {
        const code = (e as { code?: unknown } | null)?.code;
        if (attempt >= retries || typeof code !== "string" || !RETRYABLE.has(code)) throw e;
      }
    }
  };
  // A call on the repository itself is a transaction of its own.
  const names = Object.keys(operations(db)) as (keyof RepositoryTransaction)[];
  const repository: Record<string, unknown> = { transaction };
  for (const name of names) {
    repository[name] = (...args: unknown[]) =>
      transaction((tx) => (tx[name] as (...a: unknown[]) => Promise<unknown>)(...args));
  }
  return repository as unknown as PartnerAccessRepository;
}

/**
 * The same client interface over a node-postgres pool: each transaction runs
 * on one connection of its own.
 *
 * @param pool - a `pg.Pool`
 * @returns a {@link SqlClient}
 * @example
 * ```ts
 * const repository = createPostgresRepository(fromPgPool(new pg.Pool()));
 * ```
 */
export function fromPgPool(pool: {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  connect(): Promise<{
    query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
    release(): void;
  }>;
}): SqlClient {
  const wrap =
    (q: typeof pool.query): SqlClient["query"] =>
    async <R>(sql: string, params?: unknown[]) =>
      (await q(sql, params)) as { rows: R[] };
  return {
    query: wrap(pool.query.bind(pool)),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const value = await fn({ query: wrap(client.query.bind(client)) });
        await client.query("COMMIT");
        return value;
      } catch (reason) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw reason;
      } finally {
        client.release();
      }
    },
  };
}
