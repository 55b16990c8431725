/**
 * Assigning in bulk: many clients to one employee (from the employee's
 * side), or many employees to one client (from the client's side), each item
 * through `assignClient` with its own result.
 *
 * @module
 */

import { emailKey } from "../domain/email-address.js";
import { isClientId, isIterable, isRecord, own } from "../guards.js";
import type { Assignment, ClientId, PartnerUser, Timestamp } from "../model.js";
import { err, type IssueBase, type IssuePath, type Result } from "../result.js";
import {
  type AssignClientError,
  type AssignClientInput,
  type AssignClientSuccess,
  assignClient,
} from "./assign-client.js";
import {
  type InvalidListIssue,
  type InvalidRecordIssue,
  invalidList,
  invalidRecord,
  reroot,
} from "./issues.js";

/**
 * The input of {@link assignClients}: one employee, many clients.
 *
 * @example
 * ```ts
 * const input: AssignClientsInput = { user, clientIds: [42, 43], now, clientsWithPortalAccess: [43] };
 * ```
 */
export interface AssignClientsInput {
  readonly user: PartnerUser;
  readonly clientIds: Iterable<ClientId>;
  readonly now: Timestamp;
  /** The clients whose portal the user is already in: those start `active`. */
  readonly clientsWithPortalAccess?: Iterable<ClientId>;
  readonly expiresAt?: Timestamp;
}

/**
 * The input of {@link assignEmployees}: many employees, one client.
 *
 * @example
 * ```ts
 * const input: AssignEmployeesInput = { users, clientId: 42, now, usersWithPortalAccess: ["max@acme.com"] };
 * ```
 */
export interface AssignEmployeesInput {
  readonly users: Iterable<PartnerUser>;
  readonly clientId: ClientId;
  readonly now: Timestamp;
  /** Addresses (any letter case) of users already in the client's portal: those start `active`. */
  readonly usersWithPortalAccess?: Iterable<string>;
  readonly expiresAt?: Timestamp;
}

/**
 * The error of an item of a bulk assignment: what {@link assignClient}
 * returns, with the item's own fields under the list's path
 * (`["clientIds", 3]`, `["users", 2, "email"]`), or `duplicate_in_request`
 * when the same client (or the same user, by partner and email key) already
 * came earlier in the request, at `firstPath`.
 *
 * @example
 * ```ts
 * const e: BulkAssignError = {
 *   code: "duplicate_in_request", message: "…", path: ["clientIds", 2], firstPath: ["clientIds", 0], input: 42,
 * };
 * ```
 */
export type BulkAssignError =
  | AssignClientError
  | (IssueBase<"duplicate_in_request"> & {
      readonly path: IssuePath;
      readonly firstPath: IssuePath;
      readonly input: unknown;
    });

/**
 * Why a bulk request as a whole could not be read: it is not an object
 * (`invalid_record`, no path), or a list in it is not iterable
 * (`invalid_list`, such as `["clientIds"]`).
 *
 * @example
 * ```ts
 * const issue: BulkAssignRequestIssue = { code: "invalid_list", message: "…", path: ["clientIds"], input: 5 };
 * ```
 */
export type BulkAssignRequestIssue = InvalidRecordIssue | InvalidListIssue;

/**
 * The result of a bulk assignment: one `result` per item, in request order,
 * and the assignments made. `issues` is present only when the request
 * itself could not be read; then nothing is assigned.
 *
 * @example
 * ```ts
 * const r: BulkAssignResult<{ clientId: ClientId }> = { results: [], assignments: [] };
 * ```
 */
export interface BulkAssignResult<Item> {
  readonly results: ReadonlyArray<
    Item & { readonly result: Result<AssignClientSuccess, BulkAssignError> }
  >;
  readonly assignments: readonly Assignment[];
  readonly issues?: readonly BulkAssignRequestIssue[];
}

type ItemResult = Result<AssignClientSuccess, BulkAssignError>;

interface BulkRequest {
  /** The fields every item shares, as assignClient reads them. */
  readonly shared: { readonly user: unknown; readonly now: unknown; readonly expiresAt: unknown };
  readonly items: Iterable<unknown>;
  readonly withAccess: Iterable<unknown>;
}

function readBulk(
  input: unknown,
  itemsKey: string,
  accessKey: string,
): BulkRequest | BulkAssignRequestIssue[] {
  if (!isRecord(input)) {
    return [
      invalidRecord(undefined, input, `The input must be an object with ${itemsKey} and now.`),
    ];
  }
  const items = own(input, itemsKey);
  const given = own(input, accessKey);
  const withAccess = given === undefined ? [] : given;
  const issues: BulkAssignRequestIssue[] = [];
  if (!isIterable(items)) issues.push(invalidList([itemsKey], items));
  if (!isIterable(withAccess)) issues.push(invalidList([accessKey], withAccess));
  if (issues.length > 0) return issues;
  return {
    shared: {
      user: own(input, "user"),
      now: own(input, "now"),
      expiresAt: own(input, "expiresAt"),
    },
    items: items as Iterable<unknown>,
    withAccess: withAccess as Iterable<unknown>,
  };
}

function duplicate(path: IssuePath, firstPath: IssuePath, input: unknown): ItemResult {
  return err({
    code: "duplicate_in_request",
    message: "This item is repeated in the request; it was assigned where it first appears.",
    path,
    firstPath,
    input,
  });
}

// One item of a bulk request: its identity (repeats of it are duplicates;
// undefined for none) and its own fields for assignClient.
interface Prepared {
  readonly id: unknown;
  readonly fields: { readonly [key: string]: unknown };
}

// The shared loop of both bulk assignments: each item through assignClient,
// its issues under [itemsKey, index], repeats refused.
function assignAll<Key extends string>(
  request: BulkRequest,
  itemsKey: string,
  itemKey: Key,
  prepare: (item: unknown) => Prepared,
): BulkAssignResult<{ readonly [K in Key]: unknown }> {
  const seen = new Map<unknown, number>();
  const results: ({ readonly [K in Key]: unknown } & { readonly result: ItemResult })[] = [];
  const assignments: Assignment[] = [];
  let index = 0;
  for (const item of request.items) {
    const path = [itemsKey, index];
    const { id, fields } = prepare(item);
    const first = id === undefined ? undefined : seen.get(id);
    let result: ItemResult;
    if (first !== undefined) result = duplicate(path, [itemsKey, first], item);
    else {
      result = assignClient({ ...request.shared, ...fields } as unknown as AssignClientInput);
      if (result.ok) {
        seen.set(id, index);
        assignments.push(result.value.assignment);
      } else result = err(reroot(result.error, itemKey, path));
    }
    results.push({ [itemKey]: item, result } as { readonly [K in Key]: unknown } & {
      readonly result: ItemResult;
    });
    index++;
  }
  return { results, assignments };
}

/**
 * Assigns many clients to one employee in one call, from the employee's
 * side: each client goes through {@link assignClient}, with its own result in
 * request order and paths under `["clientIds", i]`. A client repeated in the
 * request is assigned once; later copies get `duplicate_in_request`.
 * Clients listed in `clientsWithPortalAccess` start `active`; values there
 * that are not client ids match nothing. A request that is not an object, or
 * whose lists are not iterable, assigns nothing and says why in `issues`.
 * Only own properties are read. Never throws, except what the caller's own
 * getters or iterators throw.
 *
 * @param input - the employee, the clients, the time, and options
 * @returns a result per client and the assignments made
 * @example
 * ```ts
 * const user = { partnerId: "acme", email: "jane@acme.com", tagged: true };
 * const r = assignClients({ user, clientIds: [1, 2, 1], now: 5, clientsWithPortalAccess: [2] });
 * r.results.map((x) => x.result.ok);              //=> [true, true, false]
 * r.assignments.map((a) => a.status);             //=> ["pending_access", "active"]
 * assignClients({ user, clientIds: 5 as never, now: 5 }).issues;
 * //=> [{ code: "invalid_list", path: ["clientIds"], input: 5, message: "…" }]
 * ```
 */
export function assignClients(input: AssignClientsInput): BulkAssignResult<{
  readonly clientId: ClientId;
}> {
  const request = readBulk(input, "clientIds", "clientsWithPortalAccess");
  if (Array.isArray(request)) return { results: [], assignments: [], issues: request };
  const withAccess = new Set<unknown>(request.withAccess);
  return assignAll(request, "clientIds", "clientId", (clientId) => ({
    id: isClientId(clientId) ? clientId : undefined,
    fields: { clientId, hasPortalAccess: withAccess.has(clientId) },
  })) as BulkAssignResult<{ readonly clientId: ClientId }>;
}

// The identity of a user in a request: partner and email key. JSON of the
// pair cannot collide the way "a" + "|" + "b" could.
function identityOf(user: unknown): { readonly id: string | undefined; readonly key: unknown } {
  const partnerId = own(user, "partnerId");
  const key = emailKey(own(user, "email"));
  const id =
    key === undefined || typeof partnerId !== "string"
      ? undefined
      : JSON.stringify([partnerId, key]);
  return { id, key };
}

/**
 * Assigns many employees to one client in one call, from the client's side:
 * each user goes through {@link assignClient}, with its own result in request
 * order and paths under `["users", i]`. A user repeated in the request (same
 * partner and email key) is assigned once; later copies get
 * `duplicate_in_request`. Users whose address is in `usersWithPortalAccess`
 * (compared by key) start `active`; entries there that are not addresses
 * match nobody. A request that is not an object, or whose lists are not
 * iterable, assigns nothing and says why in `issues`. Only own properties
 * are read. Never throws, except what the caller's own getters or iterators
 * throw.
 *
 * @param input - the employees, the client, the time, and options
 * @returns a result per user and the assignments made
 * @example
 * ```ts
 * const r = assignEmployees({
 *   users: [
 *     { partnerId: "acme", email: "jane@acme.com", tagged: true },
 *     { partnerId: "acme", email: "li@acme.com", tagged: false },
 *   ],
 *   clientId: 42,
 *   now: 5,
 * });
 * r.results.map((x) => (x.result.ok ? "ok" : x.result.error.code)); //=> ["ok", "not_tagged"]
 * ```
 */
export function assignEmployees(input: AssignEmployeesInput): BulkAssignResult<{
  readonly user: PartnerUser;
}> {
  const request = readBulk(input, "users", "usersWithPortalAccess");
  if (Array.isArray(request)) return { results: [], assignments: [], issues: request };
  const withAccess = new Set<unknown>();
  for (const address of request.withAccess) withAccess.add(emailKey(address));
  withAccess.delete(undefined);
  const clientId = own(input, "clientId");
  return assignAll(request, "users", "user", (user) => {
    const { id, key } = identityOf(user);
    return { id, fields: { user, clientId, hasPortalAccess: withAccess.has(key) } };
  }) as BulkAssignResult<{ readonly user: PartnerUser }>;
}
