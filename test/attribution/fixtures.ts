import type { AttributionInput } from "../../src/attribution/managed-credit.js";
import type {
  Activity,
  Assignment,
  Client,
  Partner,
  PartnerUser,
  Period,
} from "../../src/model.js";

export const JAN: Period = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };
export const DAY = 86_400_000;
export const day = (n: number): number => JAN.start + (n - 1) * DAY;

export function partner(partnerId: string, program: Partner["program"] = "partner"): Partner {
  return { partnerId, program, employeeDomains: [`${partnerId}.io`] };
}

export function usd(clientId: number, amountMinor: number, growthMarket?: boolean): Client {
  return growthMarket === undefined
    ? { clientId, mrr: { amountMinor, currency: "USD" } }
    : { clientId, mrr: { amountMinor, currency: "USD" }, growthMarket };
}

export function employee(
  partnerId: string,
  local = "jane",
  extra: Partial<PartnerUser> = {},
): PartnerUser {
  return { partnerId, email: `${local}@${partnerId}.io`, tagged: true, ...extra };
}

export function active(
  partnerId: string,
  clientId: number,
  email: string,
  extra: Partial<Assignment> = {},
): Assignment {
  return {
    partnerId,
    clientId,
    email,
    status: "active",
    assignedAt: day(1) - DAY,
    activatedAt: day(1) - DAY,
    ...extra,
  };
}

export function act(clientId: number, email: string, at = day(15)): Activity {
  return { clientId, email, at };
}

/** One partner per id, each with a tagged employee jane@<id>.io who is assigned to and worked on `clientId`. */
export function servicedBy(
  clientId: number,
  client: Client,
  partnerIds: readonly string[],
): AttributionInput {
  return {
    period: JAN,
    partners: partnerIds.map((id) => partner(id)),
    clients: [client],
    users: partnerIds.map((id) => employee(id)),
    assignments: partnerIds.map((id) => active(id, clientId, `jane@${id}.io`)),
    activities: partnerIds.map((id) => act(clientId, `jane@${id}.io`)),
  };
}

// What a function that opens an attribution state answers for one it cannot use.
export const stateRefusal = (
  reason: string,
  path: readonly (string | number)[],
  detail: string,
) => ({
  ok: false,
  error: {
    code: "invalid_attribution_state",
    message: `Not a usable attribution state: ${detail}`,
    reason,
    path,
  },
});
