// Rows as the drivers return them, and the port's records made from them.

import type {
  AssignmentRecord,
  DomainClaimRecord,
  EmailLinkRecord,
  Partner,
  UserRecord,
  Versioned,
} from "partner-access";
import type { Tables } from "./tables.js";

/**
 * The statements of one view of the repository: every method of a group
 * takes it first.
 *
 * @example
 * ```ts
 * const found = await sql.rows<DataRow>(`SELECT data, version FROM ${sql.t.partners}`);
 * ```
 */
export interface Sql {
  /** Runs a statement; resolves to its rows. */
  rows<R>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs a statement; resolves to its first row, or `null`. */
  one<R>(text: string, params?: unknown[]): Promise<R | null>;
  readonly t: Tables;
  /** `FOR UPDATE` inside a transaction (a locking read), empty outside. */
  readonly lock: string;
}

// bigint columns come back as strings (pg), numbers or bigints (PGlite);
// timestamps and HubIDs are safe integers, so Number() is exact.
type Int8 = string | number | bigint;

/**
 * A row of the domain-claims table.
 *
 * @example
 * ```ts
 * const row: ClaimRow = { domain: "acme.com", partner_id: "acme", claimed_at: "1", match_subdomains: false };
 * ```
 */
export interface ClaimRow {
  domain: string;
  partner_id: string;
  claimed_at: Int8;
  match_subdomains: boolean;
}

/**
 * A row of the email-links table.
 *
 * @example
 * ```ts
 * const row: LinkRow = { client_id: "42", email_key: "jane@gmail.com", partner_id: "acme", email: "Jane@Gmail.com", linked_at: "1" };
 * ```
 */
export interface LinkRow {
  client_id: Int8;
  email_key: string;
  partner_id: string;
  email: string;
  linked_at: Int8;
}

/**
 * A row that keeps a record as JSONB, with its version.
 *
 * @example
 * ```ts
 * const row: DataRow = { data: { partnerId: "acme", program: "partner", employeeDomains: [] }, version: 1 };
 * ```
 */
export interface DataRow {
  data: unknown;
  version: number;
}

/**
 * A row of the users table.
 *
 * @example
 * ```ts
 * const row: UserRow = { email_key: "jane@acme.com", data: { partnerId: "acme", email: "jane@acme.com", tagged: true }, version: 1 };
 * ```
 */
export interface UserRow extends DataRow {
  email_key: string;
}

/**
 * A row of the assignments table (the columns the records are made of).
 *
 * @example
 * ```ts
 * const row: AssignmentRow = { id: "1", email_key: "jane@acme.com", data: assignment, version: 1 };
 * ```
 */
export interface AssignmentRow extends DataRow {
  id: Int8;
  email_key: string;
}

/**
 * A row of the activities table.
 *
 * @example
 * ```ts
 * const row: ActivityRow = { id: "7", client_id: "42", email: "jane@acme.com", at: "1767225600000" };
 * ```
 */
export interface ActivityRow {
  id: Int8;
  client_id: Int8;
  email: string;
  at: Int8;
}

/**
 * A JSONB value as an object: drivers parse it, unless told not to, when
 * it comes as text.
 *
 * @param data - the column's value
 * @returns the parsed value
 * @example
 * ```ts
 * json('{"a":1}'); //=> { a: 1 }
 * json({ a: 1 });  //=> { a: 1 }
 * ```
 */
export function json<T>(data: unknown): T {
  return (typeof data === "string" ? JSON.parse(data) : data) as T;
}

/**
 * A partner record from its row.
 *
 * @param r - the row
 * @returns the partner and its version
 * @example
 * ```ts
 * toPartner({ data: acme, version: "2" as never }); //=> { value: acme, version: 2 }
 * ```
 */
export const toPartner = (r: DataRow): Versioned<Partner> => ({
  value: json(r.data),
  version: Number(r.version),
});

/**
 * A claim record from its row.
 *
 * @param r - the row
 * @returns the claim
 * @example
 * ```ts
 * toClaim({ domain: "acme.com", partner_id: "acme", claimed_at: "1", match_subdomains: false });
 * //=> { domain: "acme.com", partnerId: "acme", claimedAt: 1, matchSubdomains: false }
 * ```
 */
export const toClaim = (r: ClaimRow): DomainClaimRecord => ({
  domain: r.domain,
  partnerId: r.partner_id,
  claimedAt: Number(r.claimed_at),
  matchSubdomains: r.match_subdomains,
});

/**
 * A link record from its row.
 *
 * @param r - the row
 * @returns the link
 * @example
 * ```ts
 * toLink({ client_id: "42", email_key: "j@x.io", partner_id: "acme", email: "J@x.io", linked_at: "1" }).clientId; //=> 42
 * ```
 */
export const toLink = (r: LinkRow): EmailLinkRecord => ({
  clientId: Number(r.client_id),
  emailKey: r.email_key,
  partnerId: r.partner_id,
  email: r.email,
  linkedAt: Number(r.linked_at),
});

/**
 * A user record from its row.
 *
 * @param r - the row
 * @returns the user, its key and its version
 * @example
 * ```ts
 * toUser({ email_key: "jane@acme.com", data: jane, version: 1 }); //=> { emailKey: "jane@acme.com", value: jane, version: 1 }
 * ```
 */
export const toUser = (r: UserRow): UserRecord => ({
  emailKey: r.email_key,
  value: json(r.data),
  version: Number(r.version),
});

/**
 * An assignment record from its row.
 *
 * @param r - the row
 * @returns the assignment, its id (text), its key and its version
 * @example
 * ```ts
 * toAssignment({ id: 7n as never, email_key: "jane@acme.com", data: a, version: 1 }).id; //=> "7"
 * ```
 */
export const toAssignment = (r: AssignmentRow): AssignmentRecord => ({
  id: String(r.id),
  emailKey: r.email_key,
  value: json(r.data),
  version: Number(r.version),
});
