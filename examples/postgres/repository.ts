// A PartnerAccessRepository over PostgreSQL: the template to copy into your
// application. It needs the tables of schema.sql and any client with
// `query(sql, params)` returning `{ rows }`: PGlite as it is, or node-postgres
// (`pg`) through the small adapter shown at the end of this file.
//
// How it keeps the rules of the port under concurrency, across processes:
// - claims and links are `INSERT … ON CONFLICT DO NOTHING` on a primary key;
//   when nothing was inserted, the row that won is read back and reported;
// - versioned writes are `UPDATE … WHERE version = $expected`; when no row
//   was updated, the current row is read back and reported as a conflict;
// - one live assignment per partner, client and address is a partial unique
//   index, used the same way.

import type {
  Activity,
  Assignment,
  AssignmentFilter,
  AssignmentRecord,
  ClaimDomainOutcome,
  Client,
  DomainClaimRecord,
  EmailLinkRecord,
  LinkEmailOutcome,
  Partner,
  PartnerAccessRepository,
  PartnerUser,
  UserRecord,
  Versioned,
  VersionedWrite,
} from "partner-access";

/** What the repository needs from a PostgreSQL client. */
export interface SqlClient {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Optional: run `fn` in one transaction (PGlite has it; see `fromPgPool` for pg). */
  transaction?<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

const LIVE = "status IN ('pending_access', 'active')";
const json = (value: unknown) => JSON.stringify(value);
// Ids are bigserial; anything else cannot name a row (and must not reach ::bigint).
const isId = (id: string) => /^[1-9]\d{0,17}$/.test(id);

interface ClaimRow {
  domain: string;
  partner_id: string;
  claimed_at: string | number;
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

/**
 * Creates a {@link PartnerAccessRepository} over PostgreSQL.
 *
 * @param db - a client with `query` (and `transaction`, to offer transactions)
 * @returns the repository
 * @example
 * ```ts
 * const db = await PGlite.create();
 * await db.exec(readFileSync("examples/postgres/schema.sql", "utf8"));
 * const service = createPartnerAccessService({ repository: createPostgresRepository(db) });
 * ```
 */
export function createPostgresRepository(db: SqlClient): PartnerAccessRepository {
  const rows = async <R>(sql: string, params: unknown[] = []) =>
    (await db.query<R>(sql, params)).rows;
  const one = async <R>(sql: string, params: unknown[] = []) =>
    (await rows<R>(sql, params))[0] ?? null;

  const getPartner = async (partnerId: string): Promise<Versioned<Partner> | null> => {
    const r = await one<VersionedRow<Partner>>(
      "SELECT data, version FROM pa_partners WHERE partner_id = $1",
      [partnerId],
    );
    return r && { value: r.data, version: r.version };
  };
  const getDomainClaim = async (domain: string) => {
    const r = await one<ClaimRow>("SELECT * FROM pa_domain_claims WHERE domain = $1", [domain]);
    return r && toClaim(r);
  };
  const getEmailLink = async (clientId: number, emailKey: string) => {
    const r = await one<LinkRow>(
      "SELECT * FROM pa_email_links WHERE client_id = $1 AND email_key = $2",
      [clientId, emailKey],
    );
    return r && toLink(r);
  };
  const getUser = async (partnerId: string, emailKey: string) => {
    const r = await one<UserRow>(
      "SELECT email_key, data, version FROM pa_users WHERE partner_id = $1 AND email_key = $2",
      [partnerId, emailKey],
    );
    return r && toUser(r);
  };
  const getAssignment = async (id: string) => {
    if (!isId(id)) return null;
    const r = await one<AssignmentRow>("SELECT * FROM pa_assignments WHERE id = $1", [id]);
    return r && toAssignment(r);
  };

  const repository: PartnerAccessRepository = {
    getPartner,
    listPartners: async () =>
      (
        await rows<VersionedRow<Partner>>(
          "SELECT data, version FROM pa_partners ORDER BY partner_id",
        )
      ).map((r) => ({ value: r.data, version: r.version })),
    savePartner: async (partner, expectedVersion): Promise<VersionedWrite<Versioned<Partner>>> => {
      const written =
        expectedVersion === null
          ? await one<{ version: number }>(
              `INSERT INTO pa_partners (partner_id, data, version) VALUES ($1, $2::jsonb, 1)
               ON CONFLICT DO NOTHING RETURNING version`,
              [partner.partnerId, json(partner)],
            )
          : await one<{ version: number }>(
              `UPDATE pa_partners SET data = $2::jsonb, version = version + 1
               WHERE partner_id = $1 AND version = $3 RETURNING version`,
              [partner.partnerId, json(partner), expectedVersion],
            );
      return written
        ? { status: "written", record: { value: partner, version: written.version } }
        : { status: "version_conflict", current: await getPartner(partner.partnerId) };
    },

    claimDomain: async (claim): Promise<ClaimDomainOutcome> => {
      for (;;) {
        const inserted = await one<ClaimRow>(
          `INSERT INTO pa_domain_claims (domain, partner_id, claimed_at) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING *`,
          [claim.domain, claim.partnerId, claim.claimedAt],
        );
        if (inserted) return { status: "claimed", claim: toClaim(inserted) };
        const held = await getDomainClaim(claim.domain);
        // null: the holder released it between the two statements; try again.
        if (held === null) continue;
        return held.partnerId === claim.partnerId
          ? { status: "already_ours", claim: held }
          : { status: "held_by_other", holder: held };
      }
    },
    releaseDomain: async (domain, partnerId) => {
      const deleted = await one(
        "DELETE FROM pa_domain_claims WHERE domain = $1 AND partner_id = $2 RETURNING domain",
        [domain, partnerId],
      );
      return deleted
        ? { status: "released" }
        : { status: "not_held", holder: await getDomainClaim(domain) };
    },
    getDomainClaim,
    listDomainClaims: async (partnerId) =>
      (
        await rows<ClaimRow>(
          "SELECT * FROM pa_domain_claims WHERE $1::text IS NULL OR partner_id = $1 ORDER BY domain",
          [partnerId ?? null],
        )
      ).map(toClaim),

    linkEmail: async (link): Promise<LinkEmailOutcome> => {
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
    unlinkEmail: async ({ clientId, emailKey, partnerId }) => {
      const deleted = await one(
        `DELETE FROM pa_email_links WHERE client_id = $1 AND email_key = $2 AND partner_id = $3
         RETURNING client_id`,
        [clientId, emailKey, partnerId],
      );
      return deleted
        ? { status: "unlinked" }
        : { status: "not_held", holder: await getEmailLink(clientId, emailKey) };
    },
    getEmailLink,
    listEmailLinks: async (filter = {}) =>
      (
        await rows<LinkRow>(
          `SELECT * FROM pa_email_links
           WHERE ($1::bigint IS NULL OR client_id = $1) AND ($2::text IS NULL OR partner_id = $2)
           ORDER BY client_id, email_key`,
          [filter.clientId ?? null, filter.partnerId ?? null],
        )
      ).map(toLink),

    getUser,
    listUsers: async (filter = {}) =>
      (
        await rows<UserRow>(
          `SELECT email_key, data, version FROM pa_users WHERE $1::text IS NULL OR partner_id = $1
           ORDER BY partner_id, email_key`,
          [filter.partnerId ?? null],
        )
      ).map(toUser),
    saveUser: async (emailKey, user, expectedVersion): Promise<VersionedWrite<UserRecord>> => {
      const written =
        expectedVersion === null
          ? await one<{ version: number }>(
              `INSERT INTO pa_users (partner_id, email_key, data, version) VALUES ($1, $2, $3::jsonb, 1)
               ON CONFLICT DO NOTHING RETURNING version`,
              [user.partnerId, emailKey, json(user)],
            )
          : await one<{ version: number }>(
              `UPDATE pa_users SET data = $3::jsonb, version = version + 1
               WHERE partner_id = $1 AND email_key = $2 AND version = $4 RETURNING version`,
              [user.partnerId, emailKey, json(user), expectedVersion],
            );
      return written
        ? { status: "written", record: { emailKey, value: user, version: written.version } }
        : { status: "version_conflict", current: await getUser(user.partnerId, emailKey) };
    },

    insertAssignment: async (emailKey, a) => {
      for (;;) {
        const inserted = await one<AssignmentRow>(
          `INSERT INTO pa_assignments (partner_id, client_id, email_key, status, data, version)
           VALUES ($1, $2, $3, $4, $5::jsonb, 1)
           ON CONFLICT (partner_id, client_id, email_key) WHERE ${LIVE} DO NOTHING RETURNING *`,
          [a.partnerId, a.clientId, emailKey, a.status, json(a)],
        );
        if (inserted) return { status: "inserted", record: toAssignment(inserted) };
        const existing = await one<AssignmentRow>(
          `SELECT * FROM pa_assignments
           WHERE partner_id = $1 AND client_id = $2 AND email_key = $3 AND ${LIVE}`,
          [a.partnerId, a.clientId, emailKey],
        );
        if (existing) return { status: "duplicate", existing: toAssignment(existing) };
        // the live one was removed in between: try again
      }
    },
    getAssignment,
    listAssignments: async (filter: AssignmentFilter = {}) =>
      (
        await rows<AssignmentRow>(
          `SELECT * FROM pa_assignments
           WHERE ($1::text IS NULL OR partner_id = $1) AND ($2::bigint IS NULL OR client_id = $2)
             AND ($3::text IS NULL OR email_key = $3) AND ($4::boolean IS NULL OR (${LIVE}) = $4)
           ORDER BY id`,
          [
            filter.partnerId ?? null,
            filter.clientId ?? null,
            filter.emailKey ?? null,
            filter.live ?? null,
          ],
        )
      ).map(toAssignment),
    updateAssignment: async (id, a, expectedVersion) => {
      if (!isId(id)) return { status: "version_conflict", current: null };
      // A second live assignment of one partner, client and address fails
      // the partial unique index: the statement throws, as the port asks.
      const updated = await one<AssignmentRow>(
        `UPDATE pa_assignments SET data = $2::jsonb, status = $3, version = version + 1
         WHERE id = $1 AND version = $4 RETURNING *`,
        [id, json(a), a.status, expectedVersion],
      );
      return updated
        ? { status: "written", record: toAssignment(updated) }
        : { status: "version_conflict", current: await getAssignment(id) };
    },
    deleteAssignment: async (id, expectedVersion) => {
      const deleted =
        isId(id) &&
        (await one("DELETE FROM pa_assignments WHERE id = $1 AND version = $2 RETURNING id", [
          id,
          expectedVersion,
        ]));
      return deleted
        ? { status: "deleted" }
        : { status: "version_conflict", current: await getAssignment(id) };
    },

    putClient: async (client: Client) => {
      await db.query(
        `INSERT INTO pa_clients (client_id, data) VALUES ($1, $2::jsonb)
         ON CONFLICT (client_id) DO UPDATE SET data = EXCLUDED.data`,
        [client.clientId, json(client)],
      );
    },
    listClients: async () =>
      (await rows<{ data: Client }>("SELECT data FROM pa_clients ORDER BY client_id")).map(
        (r) => r.data,
      ),
    recordActivities: async (activities: readonly Activity[]) => {
      // One statement: all of them or none.
      await db.query(
        `INSERT INTO pa_activities (client_id, email, at)
         SELECT (a->>'clientId')::bigint, a->>'email', (a->>'at')::bigint
         FROM jsonb_array_elements($1::jsonb) AS a`,
        [json(activities)],
      );
    },
    listActivities: async ({ start, end }) =>
      (
        await rows<{ client_id: string | number; email: string; at: string | number }>(
          `SELECT client_id, email, at FROM pa_activities WHERE at >= $1 AND at < $2
           ORDER BY at, client_id, email`,
          [start, end],
        )
      ).map((r) => ({ clientId: Number(r.client_id), email: r.email, at: Number(r.at) })),
  };

  const transaction = db.transaction?.bind(db);
  if (transaction) {
    repository.transaction = (fn) => transaction((tx) => fn(createPostgresRepository(tx)));
  }
  return repository;
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
