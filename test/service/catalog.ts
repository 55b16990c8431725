// Every use case of the service, with an allowed actor, the state it starts
// from and a request that succeeds there: the one table the fault, hostile
// request, authorization and vocabulary suites run over, so that a use case
// added to the service and not here fails the completeness test.
import type { Actor, ClientActor } from "../../src/access/authorization.js";
import type { PartnerAccessService } from "../../src/service/partner-access-service.js";
import { admin, clientAdmin, DAY, manager, T0 } from "./fixtures.js";

export type AnyActor = Actor | ClientActor;
export type Outcome = {
  ok: boolean;
  value?: unknown;
  error?: { code: string } & Record<string, unknown>;
};
export type UseCaseName = keyof PartnerAccessService;

export interface UseCaseCase {
  readonly name: UseCaseName;
  readonly allowed: AnyActor;
  /** Brings a fresh world (setup()) to the state the use case starts from. */
  readonly prepare?: (service: PartnerAccessService) => Promise<unknown>;
  /** The request without its actor. */
  readonly request: Readonly<Record<string, unknown>>;
  /** Whether a successful run writes (read-only use cases still open a transaction). */
  readonly writes: boolean;
  /** Fields naming a client, as paths into the request: `clientId` or a list item. */
  readonly clientFields: readonly (readonly (string | number)[])[];
  /** Fields holding an address. */
  readonly emailFields: readonly (readonly (string | number)[])[];
  /** Fields holding a time. */
  readonly timeFields: readonly (readonly (string | number)[])[];
}

/** The clock of every run: a day after the world began. */
export const RUN_AT = T0 + DAY;

const assignJane =
  (clientId = 42, extra: Record<string, unknown> = {}) =>
  (s: PartnerAccessService) =>
    s.assignClient({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientId,
      ...extra,
    });

export const useCases: readonly UseCaseCase[] = [
  {
    name: "setEmployeeDomains",
    allowed: admin(),
    request: { partnerId: "acme", domains: ["acme.de", "acme.io"] },
    writes: true,
    clientFields: [],
    emailFields: [],
    timeFields: [],
  },
  {
    name: "tagEmployee",
    allowed: manager(),
    request: { partnerId: "acme", email: "sam@acme.com" },
    writes: true,
    clientFields: [],
    emailFields: [["email"]],
    timeFields: [],
  },
  {
    name: "untagEmployee",
    allowed: manager(),
    request: { partnerId: "acme", email: "jane@acme.com" },
    writes: true,
    clientFields: [],
    emailFields: [["email"]],
    timeFields: [],
  },
  {
    name: "assignClient",
    allowed: manager(),
    request: { partnerId: "acme", email: "jane@acme.com", clientId: 42, expiresAt: T0 + 90 * DAY },
    writes: true,
    clientFields: [["clientId"]],
    emailFields: [["email"]],
    timeFields: [["expiresAt"]],
  },
  {
    name: "assignClients",
    allowed: manager(),
    prepare: (s) =>
      s.assignClient({
        actor: admin("rival"),
        partnerId: "rival",
        email: "free@gmail.com",
        clientId: 43,
      }),
    request: {
      partnerId: "acme",
      email: "free@gmail.com",
      clientIds: [42, 43, 44],
      clientsWithPortalAccess: [44],
      expiresAt: T0 + 90 * DAY,
    },
    writes: true,
    clientFields: [
      ["clientIds", 2],
      ["clientsWithPortalAccess", 0],
    ],
    emailFields: [["email"]],
    timeFields: [["expiresAt"]],
  },
  {
    name: "assignEmployees",
    allowed: manager(),
    request: {
      partnerId: "acme",
      clientId: 42,
      emails: ["jane@acme.com", "free@gmail.com", "sam@acme.com"],
      usersWithPortalAccess: ["free@gmail.com"],
      expiresAt: T0 + 90 * DAY,
    },
    writes: true,
    clientFields: [["clientId"]],
    emailFields: [
      ["emails", 2],
      ["usersWithPortalAccess", 0],
    ],
    timeFields: [["expiresAt"]],
  },
  {
    name: "grantPortalAccess",
    allowed: clientAdmin(42),
    prepare: assignJane(),
    request: { partnerId: "acme", clientId: 42, email: "jane@acme.com" },
    writes: true,
    clientFields: [["clientId"]],
    emailFields: [["email"]],
    timeFields: [],
  },
  {
    name: "removeClientAccess",
    allowed: manager(),
    prepare: assignJane(),
    request: { partnerId: "acme", clientId: 42, email: "jane@acme.com", confirmation: "REMOVE" },
    writes: true,
    clientFields: [["clientId"]],
    emailFields: [["email"]],
    timeFields: [],
  },
  {
    name: "removeEmployeesAccess",
    allowed: manager(),
    prepare: (s) =>
      s.assignEmployees({
        actor: manager(),
        partnerId: "acme",
        clientId: 42,
        emails: ["jane@acme.com", "free@gmail.com"],
      }),
    request: {
      partnerId: "acme",
      clientId: 42,
      emails: ["jane@acme.com", "free@gmail.com", "sam@acme.com"],
      confirmation: "REMOVE",
    },
    writes: true,
    clientFields: [["clientId"]],
    emailFields: [["emails", 1]],
    timeFields: [],
  },
  {
    name: "removeEmployee",
    allowed: manager(),
    prepare: (s) =>
      s.assignClients({
        actor: manager(),
        partnerId: "acme",
        email: "jane@acme.com",
        clientIds: [42, 43],
        clientsWithPortalAccess: [43],
      }),
    request: { partnerId: "acme", email: "jane@acme.com" },
    writes: true,
    clientFields: [],
    emailFields: [["email"]],
    timeFields: [],
  },
  {
    name: "removePartnerUser",
    allowed: manager(),
    prepare: assignJane(44),
    request: { partnerId: "acme", email: "jane@acme.com" },
    writes: true,
    clientFields: [],
    emailFields: [["email"]],
    timeFields: [],
  },
  {
    name: "addPartnerUser",
    allowed: manager(),
    request: { partnerId: "acme", email: "Lea@acme.com", tagged: true },
    writes: true,
    clientFields: [],
    emailFields: [["email"]],
    timeFields: [],
  },
  {
    name: "savePartnerAccount",
    allowed: admin(),
    request: { partnerId: "acme", program: "provider", matchSubdomains: true },
    writes: true,
    clientFields: [],
    emailFields: [],
    timeFields: [],
  },
  {
    name: "listPartnerEmployees",
    allowed: manager(),
    request: { partnerId: "acme" },
    writes: false,
    clientFields: [],
    emailFields: [],
    timeFields: [],
  },
  {
    name: "getEmployeeDomainStatus",
    allowed: manager(),
    request: { partnerId: "acme" },
    writes: false,
    clientFields: [],
    emailFields: [],
    timeFields: [],
  },
  {
    name: "previewEmployeeDomains",
    allowed: manager(),
    request: { partnerId: "acme", domains: ["acme.io", "acme.com"] },
    writes: false,
    clientFields: [],
    emailFields: [],
    timeFields: [],
  },
  {
    name: "expireDueAssignments",
    allowed: manager(),
    prepare: assignJane(42, { hasPortalAccess: true, expiresAt: T0 + 7_200_000 }),
    request: { partnerId: "acme" },
    writes: true,
    clientFields: [],
    emailFields: [],
    timeFields: [],
  },
  {
    name: "remindersDue",
    allowed: manager(),
    prepare: assignJane(42, { hasPortalAccess: true, expiresAt: T0 + 10 * DAY }),
    request: { partnerId: "acme", since: T0, daysBefore: [9] },
    writes: false,
    clientFields: [],
    emailFields: [],
    timeFields: [["since"], ["now"]],
  },
  {
    name: "attributeCredit",
    allowed: manager(),
    prepare: assignJane(42, { hasPortalAccess: true }),
    request: { partnerId: "acme", period: { start: T0, end: T0 + 31 * DAY } },
    writes: false,
    clientFields: [],
    emailFields: [],
    timeFields: [
      ["period", "start"],
      ["period", "end"],
    ],
  },
];

/** Runs a use case by name with a request of any shape (the hostile suites need that). */
export function call(
  service: PartnerAccessService,
  name: UseCaseName,
  request: unknown,
): Promise<Outcome> {
  const method = service[name] as (r: unknown) => Promise<Outcome>;
  return method(request);
}

/** The case's request with its allowed actor. */
export function requestOf(c: UseCaseCase, actor: AnyActor = c.allowed): Record<string, unknown> {
  return { actor, ...c.request };
}

/** A copy of `request` with the value at `path` replaced. */
export function withValue(
  request: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(request);
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}
