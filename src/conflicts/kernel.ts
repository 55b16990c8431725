/**
 * The conflicts kernel: the one place where the email conflict rule is
 * written, used by `detectEmailConflicts`, `checkEmailLink` and
 * attribution's third credit check (an assignment of a conflict contender
 * earns nothing).
 *
 * - The link order: rule (an email address can be linked to a given client
 *   by one partner only) the holder is the partner with the earliest
 *   `assignedAt`, ties to the smaller `partnerId`; see {@link precedes}.
 * - The (client, key) group table: assignments are grouped by client and
 *   email key in one open-addressing table of 32-bit cells, so a probe reads
 *   one cache line, a record costs no allocation and no composite string
 *   key, and client ids up to 2^53 fit (their two halves are both keys).
 *
 * Internal.
 *
 * @module
 */

import type { ClientId, PartnerId, Timestamp } from "../model.js";

/**
 * A live, well-formed assignment reduced to what the conflict rule reads.
 *
 * @example
 * ```ts
 * const link: Link = { partnerId: "acme", clientId: 42, email: "Jane@Gmail.com", local: "Jane", key: "jane@gmail.com", assignedAt: 1 };
 * ```
 */
export interface Link {
  readonly partnerId: PartnerId;
  readonly clientId: ClientId;
  /** The address as entered. */
  readonly email: string;
  /** Its local part, for a suggested address. */
  readonly local: string;
  /** Its key: the identity every party shares. */
  readonly key: string;
  readonly assignedAt: Timestamp;
}

/**
 * The conflict rule's order: the holder is the earliest `assignedAt`, ties
 * to the smaller `partnerId`. The email (as entered) breaks the last tie,
 * between two assignments of one partner, so the reported party never
 * depends on input order. Plain `<` compares UTF-16 code units:
 * locale-independent and deterministic.
 *
 * @param a - a link
 * @param b - another link
 * @returns whether `a` comes strictly before `b`
 * @example
 * ```ts
 * precedes({ ...link, assignedAt: 1 }, { ...link, assignedAt: 2 }); //=> true
 * ```
 */
export function precedes(
  a: Pick<Link, "partnerId" | "email" | "assignedAt">,
  b: Pick<Link, "partnerId" | "email" | "assignedAt">,
): boolean {
  return compareLinks(a, b) < 0;
}

/**
 * The link order of {@link precedes} as a comparator: negative when `a`
 * comes first, positive when `b` does, 0 for links alike in all three.
 *
 * @param a - a link
 * @param b - another link
 * @returns the comparison
 * @example
 * ```ts
 * [later, earlier].sort(compareLinks)[0] === earlier; //=> true
 * ```
 */
export function compareLinks(
  a: Pick<Link, "partnerId" | "email" | "assignedAt">,
  b: Pick<Link, "partnerId" | "email" | "assignedAt">,
): number {
  if (a.assignedAt !== b.assignedAt) return a.assignedAt < b.assignedAt ? -1 : 1;
  if (a.partnerId !== b.partnerId) return a.partnerId < b.partnerId ? -1 : 1;
  return a.email < b.email ? -1 : a.email > b.email ? 1 : 0;
}

/**
 * The parties of one group, holder first: each partner represented by its
 * earliest link (by {@link precedes}), in link order. A group with fewer
 * than two partners holds no conflict.
 *
 * @param earliest - each partner's earliest link, in any order
 * @returns the parties sorted, holder first
 * @example
 * ```ts
 * parties([northwindLink, acmeLink])[0].partnerId; //=> "acme" (the earlier)
 * ```
 */
export function parties<L extends Pick<Link, "partnerId" | "email" | "assignedAt">>(
  earliest: Iterable<L>,
): L[] {
  return [...earliest].sort(compareLinks);
}

/**
 * An open-addressing table from (client, key) to a number (a group, or the
 * latest assignment of a group): one `Int32Array` of three numbers per cell,
 * the client's slot (see {@link clientSlot}), the key's number, and the
 * value + 1 (0 for an empty cell), so a probe reads one cache line. Linear
 * probing at a load of at most 2/3; the hash's high bits pick the cell by
 * multiplication rather than a power-of-two mask, so the table need not be
 * twice the size it needs. Internal.
 *
 * @example
 * ```ts
 * const table = createGroupTable(1_000);
 * ```
 */
export interface GroupTable {
  capacity: number;
  cells: Int32Array;
  /** Occupied cells. */
  size: number;
  /** Whether it grows when two thirds full (otherwise it is sized for all its groups). */
  readonly grows: boolean;
}

// Sized up front for at most 2^20 groups when it grows: an array's length
// is only a hint (a sparse array can claim 2^32 - 1).
const MAX_HINT = 1 << 20;

/**
 * An empty table for about `expected` groups.
 *
 * @param expected - how many groups are expected (all of them, unless `grows`)
 * @param grows - whether more may come (then `expected` is a hint, capped at 2^20)
 * @returns the table
 * @example
 * ```ts
 * createGroupTable(0, true).capacity; //=> 16
 * ```
 */
export function createGroupTable(expected: number, grows = false): GroupTable {
  const capacity = Math.max(16, Math.ceil(1.5 * (grows ? Math.min(expected, MAX_HINT) : expected)));
  return { capacity, cells: new Int32Array(3 * capacity), size: 0, grows };
}

/**
 * A client's slot in a {@link GroupTable}: the id itself when it fits in 31
 * bits (HubIDs do), otherwise a negative number unique within the call,
 * from `large` (a map the caller keeps for the call).
 *
 * @param clientId - a positive safe integer
 * @param large - the call's slots of ids of 2^31 and more
 * @returns a 32-bit slot
 * @example
 * ```ts
 * clientSlot(42, new Map()); //=> 42
 * clientSlot(2 ** 40, new Map()); //=> -1
 * ```
 */
export function clientSlot(clientId: number, large: Map<number, number>): number {
  if (clientId <= 0x7fffffff) return clientId;
  let slot = large.get(clientId);
  if (slot === undefined) {
    slot = -1 - large.size;
    large.set(clientId, slot);
  }
  return slot;
}

/**
 * Where (client, key) is in the table, or the empty cell where it goes.
 * `cells[at + 2] - 1` is its value (-1: none yet).
 *
 * @param table - the table
 * @param client - the client's slot (or any 32-bit number naming it)
 * @param key - the key's number
 * @returns the cell's offset in `table.cells`
 * @example
 * ```ts
 * const at = groupCell(table, 42, 7);
 * table.cells[at + 2] - 1; //=> -1 for a new group
 * ```
 */
export function groupCell(table: GroupTable, client: number, key: number): number {
  const { cells, capacity } = table;
  const hash = (Math.imul(client, 0x9e3779b1) ^ Math.imul(key ^ (key >>> 15), 0x85ebca77)) >>> 0;
  let h = 3 * Math.floor((hash * capacity) / 0x100000000);
  while (cells[h + 2] !== 0 && (cells[h] !== client || cells[h + 1] !== key)) {
    h += 3;
    if (h === cells.length) h = 0;
  }
  return h;
}

/**
 * Gives (client, key) the value `value` in the empty cell `at` that
 * {@link groupCell} found, growing the table first when it must (then the
 * cell is found again). Returns where the entry now is.
 *
 * @param table - the table
 * @param at - an empty cell from `groupCell(table, client, key)`
 * @param client - the client's slot
 * @param key - the key's number
 * @param value - the value (≥ 0)
 * @returns the cell's offset
 * @example
 * ```ts
 * claimGroupCell(table, groupCell(table, 42, 7), 42, 7, 0);
 * ```
 */
export function claimGroupCell(
  table: GroupTable,
  at: number,
  client: number,
  key: number,
  value: number,
): number {
  let h = at;
  if (table.grows && 3 * (table.size + 1) > 2 * table.capacity) {
    grow(table);
    h = groupCell(table, client, key);
  }
  const { cells } = table;
  cells[h] = client;
  cells[h + 1] = key;
  cells[h + 2] = value + 1;
  table.size++;
  return h;
}

function grow(table: GroupTable): void {
  const from = table.cells;
  table.capacity *= 2;
  table.cells = new Int32Array(3 * table.capacity);
  for (let i = 0; i < from.length; i += 3) {
    if (from[i + 2] === 0) continue;
    table.cells.set(from.subarray(i, i + 3), groupCell(table, from[i]!, from[i + 1]!));
  }
}
