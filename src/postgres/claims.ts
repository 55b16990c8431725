// Employee domain claims: one row per claimed domain, with its family (the
// last two labels). Every claim and release first takes a transaction-scoped
// advisory lock on the family, then reads the family's claims: two claims
// that could overlap share a family, so they are decided one after the
// other, against committed data (READ COMMITTED reads anew at each
// statement, after the lock was granted).

import {
  type ClaimDomainOutcome,
  checkDomainClaimRecord,
  type DomainClaimRecord,
  domainFamily,
  findClaimOverlap,
  type ReleaseDomainOutcome,
} from "partner-access";
import { keyText } from "./read.js";
import { type ClaimRow, type Sql, toClaim } from "./rows.js";
import { unstorable } from "./storable.js";

async function getDomainClaim(sql: Sql, domain: unknown): Promise<DomainClaimRecord | null> {
  const d = keyText(domain);
  if (d === null) return null;
  const r = await sql.one<ClaimRow>(
    `SELECT * FROM ${sql.t.domainClaims} WHERE domain = $1 ${sql.lock}`,
    [d],
  );
  return r && toClaim(r);
}

// Serialises every claim and release in the domain's family, then reads it.
async function lockFamily(sql: Sql, domain: string): Promise<DomainClaimRecord[]> {
  const family = domainFamily(domain);
  await sql.one("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
    `${sql.t.lockPrefix}domain_family:${family}`,
  ]);
  const rows = await sql.rows<ClaimRow>(`SELECT * FROM ${sql.t.domainClaims} WHERE family = $1`, [
    family,
  ]);
  return rows.map(toClaim);
}

async function claimDomain(sql: Sql, input: unknown): Promise<ClaimDomainOutcome> {
  const checked = checkDomainClaimRecord(input);
  if (!checked.ok) return checked.error;
  const claim = checked.value;
  const refused = unstorable("claim", claim);
  if (refused !== null) return refused;
  const family = await lockFamily(sql, claim.domain);
  const overlap = findClaimOverlap(claim, family);
  if (overlap !== null) return { status: "held_by_other", holder: overlap };
  const held = family.find((c) => c.domain === claim.domain);
  if (held === undefined) {
    await sql.one(
      `INSERT INTO ${sql.t.domainClaims} (domain, family, partner_id, claimed_at, match_subdomains)
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
  if (held.matchSubdomains === claim.matchSubdomains) {
    return { status: "already_ours", claim: held };
  }
  await sql.one(`UPDATE ${sql.t.domainClaims} SET match_subdomains = $2 WHERE domain = $1`, [
    claim.domain,
    claim.matchSubdomains,
  ]);
  return {
    status: "updated",
    claim: { ...held, matchSubdomains: claim.matchSubdomains },
    previous: held,
  };
}

async function releaseDomain(
  sql: Sql,
  domain: unknown,
  partnerId: unknown,
): Promise<ReleaseDomainOutcome> {
  const d = keyText(domain);
  if (d === null) return { status: "not_held", holder: null };
  const family = await lockFamily(sql, d);
  const held = family.find((c) => c.domain === d) ?? null;
  if (held === null || held.partnerId !== partnerId) return { status: "not_held", holder: held };
  await sql.one(`DELETE FROM ${sql.t.domainClaims} WHERE domain = $1`, [d]);
  return { status: "released", claim: held };
}

async function listDomainClaims(sql: Sql, partnerId?: unknown): Promise<DomainClaimRecord[]> {
  const id = partnerId === undefined ? null : keyText(partnerId);
  if (partnerId !== undefined && id === null) return [];
  const rows = await sql.rows<ClaimRow>(
    `SELECT * FROM ${sql.t.domainClaims} WHERE $1::text IS NULL OR partner_id = $1 ORDER BY domain`,
    [id],
  );
  return rows.map(toClaim);
}

/**
 * The port's domain-claim methods over one view's statements. Each takes the statements first, then the port
 * method's own arguments, and answers as the port says.
 *
 * @example
 * ```ts
 * claimMethods.claimDomain(sql, { domain: "acme.com", partnerId: "acme", claimedAt: 1 }); //=> Promise of { status: "claimed", … }
 * ```
 */
export const claimMethods = { claimDomain, releaseDomain, getDomainClaim, listDomainClaims };
