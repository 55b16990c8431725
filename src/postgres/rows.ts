// Rows as the drivers return them, and the port's records made from them.

import type {
  AssignmentRecord,
  DomainClaimRecord,
  EmailLinkRecord,
  UserRecord,
} from "partner-access";
import type { Tables } from "./tables.js";

/** The statements of one view of the repository. */
export interface Sql {
  rows<R>(text: string, params?: unknown[]): Promise<R[]>;
  one<R>(text: string, params?: unknown[]): Promise<R | null>;
  readonly t: Tables;
  /** `FOR UPDATE` inside a transaction (a locking read), empty outside. */
  readonly lock: string;
}

// bigint columns come back as strings (pg), numbers or bigints (PGlite);
// timestamps and HubIDs are safe integers, so Number() is exact.
type Int8 = string | number | bigint;

export interface ClaimRow {
  domain: string;
  partner_id: string;
  claimed_at: Int8;
  match_subdomains: boolean;
}
export interface LinkRow {
  client_id: Int8;
  email_key: string;
  partner_id: string;
  email: string;
  linked_at: Int8;
}
export interface DataRow {
  data: unknown;
  version: number;
}
export interface UserRow extends DataRow {
  email_key: string;
}
export interface AssignmentRow extends DataRow {
  id: Int8;
  email_key: string;
}
export interface ActivityRow {
  id: Int8;
  client_id: Int8;
  email: string;
  at: Int8;
}

/** jsonb as an object: parsed by the driver, or text when a driver is told not to. */
export function json<T>(data: unknown): T {
  return (typeof data === "string" ? JSON.parse(data) : data) as T;
}

export const toClaim = (r: ClaimRow): DomainClaimRecord => ({
  domain: r.domain,
  partnerId: r.partner_id,
  claimedAt: Number(r.claimed_at),
  matchSubdomains: r.match_subdomains,
});

export const toLink = (r: LinkRow): EmailLinkRecord => ({
  clientId: Number(r.client_id),
  emailKey: r.email_key,
  partnerId: r.partner_id,
  email: r.email,
  linkedAt: Number(r.linked_at),
});

export const toUser = (r: UserRow): UserRecord => ({
  emailKey: r.email_key,
  value: json(r.data),
  version: Number(r.version),
});

export const toAssignment = (r: AssignmentRow): AssignmentRecord => ({
  id: String(r.id),
  emailKey: r.email_key,
  value: json(r.data),
  version: Number(r.version),
});
