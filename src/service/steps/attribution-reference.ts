/**
 * What attribution reads for one period: only the records the period
 * touches, never the whole repository. Internal: not exported from the
 * package.
 *
 * @module
 */

import type {
  Assignment,
  Client,
  ClientId,
  Partner,
  PartnerId,
  PartnerUser,
  Period,
} from "../../model.js";
import type {
  AssignmentRecord,
  RepositoryTransaction,
  UserKey,
  UserRecord,
} from "../../ports/repository.js";

/**
 * The reference data of a period's attribution, and the clients whose
 * activities count.
 *
 * @example
 * ```ts
 * const r: PeriodReference = { partners: [], clients: [], users: [], assignments: [], clientIds: [] };
 * ```
 */
export interface PeriodReference {
  readonly partners: readonly Partner[];
  readonly clients: readonly Client[];
  readonly users: readonly PartnerUser[];
  readonly assignments: readonly Assignment[];
  /** The clients with an assignment active at some instant of the period. */
  readonly clientIds: readonly ClientId[];
}

function byId(lists: readonly (readonly AssignmentRecord[])[]): AssignmentRecord[] {
  const seen = new Map<string, AssignmentRecord>();
  for (const list of lists) for (const a of list) if (!seen.has(a.id)) seen.set(a.id, a);
  return [...seen.values()];
}

function byUserKey(lists: readonly (readonly UserRecord[])[]): PartnerUser[] {
  const seen = new Map<string, PartnerUser>();
  for (const list of lists) {
    for (const u of list) {
      const key = JSON.stringify([u.value.partnerId, u.emailKey]);
      if (!seen.has(key)) seen.set(key, u.value);
    }
  }
  return [...seen.values()];
}

/**
 * Reads what a period touches, for the requesting partner's attribution:
 * - the assignments active at some instant of the period (any partner's);
 *   their clients are the period's clients;
 * - on those clients, the live (pending or active) assignments, which
 *   decide email conflicts, and the requesting partner's whole history,
 *   which decides its decisions there;
 * - the users those assignments name, and the requesting partner's users
 *   still in or out of the account (for its lost credit);
 * - the partners and clients all of these point to.
 * Each record read points only to records read, so nothing read is
 * reported as unknown unless the repository itself lacks it.
 *
 * @param tx - the transaction
 * @param partnerId - the requesting partner
 * @param period - the period
 * @returns the reference data and the period's clients
 * @example
 * ```ts
 * const reference = await readPeriodReference(tx, "acme", january);
 * ```
 */
export async function readPeriodReference(
  tx: RepositoryTransaction,
  partnerId: PartnerId,
  period: Period,
): Promise<PeriodReference> {
  const active = await tx.listAssignments({ activeIn: period });
  const clientIds = [...new Set(active.map((a) => a.value.clientId))];
  const onClients =
    clientIds.length === 0
      ? []
      : [
          await tx.listAssignments({ clientIds, live: true }),
          await tx.listAssignments({ clientIds, partnerId }),
        ];
  const assignments = byId([active, ...onClients]);
  const keys = new Map<string, UserKey>();
  for (const a of assignments) {
    keys.set(JSON.stringify([a.value.partnerId, a.emailKey]), {
      partnerId: a.value.partnerId,
      emailKey: a.emailKey,
    });
  }
  const named = keys.size === 0 ? [] : await tx.listUsers({ keys: [...keys.values()] });
  const users = byUserKey([named, await tx.listUsers({ partnerId })]);
  const partnerIds = [...new Set([partnerId, ...assignments.map((a) => a.value.partnerId)])];
  const partners = (await tx.listPartners({ partnerIds })).map((p) => p.value);
  const clients = clientIds.length === 0 ? [] : await tx.listClients({ clientIds });
  return { partners, clients, users, assignments: assignments.map((a) => a.value), clientIds };
}
