import { describe, expect, it, vi } from "vitest";
import {
  type AttributionInput,
  type AttributionIssue,
  attributeManagedCredit,
  type CreditDecision,
} from "../../src/attribution/managed-credit.js";
import { evaluateTier } from "../../src/attribution/tiers.js";
import { detectEmailConflicts } from "../../src/conflicts/email-conflicts.js";
import type { Assignment } from "../../src/model.js";
import { act, active, DAY, day, employee, JAN, partner, servicedBy, usd } from "./fixtures.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

function attribute(input: AttributionInput) {
  const result = attributeManagedCredit(input);
  if (!result.ok)
    throw new Error(`expected ok, got ${JSON.stringify(result.error.issues, null, 2)}`);
  return result.value;
}

function issuesOf(input: unknown): AttributionIssue[] {
  const result = attributeManagedCredit(input as AttributionInput);
  if (result.ok) throw new Error("expected an error");
  expect(result.error.code).toBe("invalid_attribution_input");
  return [...result.error.issues];
}

function decision(
  decisions: readonly CreditDecision[],
  partnerId: string,
  clientId: number,
): CreditDecision {
  const found = decisions.find((d) => d.partnerId === partnerId && d.clientId === clientId);
  if (found === undefined) throw new Error(`no decision for ${partnerId}/${clientId}`);
  return found;
}

describe("attributeManagedCredit: a flag that is no boolean", () => {
  it("refuses a client's growthMarket given as text, at that field", () => {
    const input = servicedBy(42, usd(42, 100_000), ["northwind"]);
    const clients = [...input.clients].map((c) => ({ ...c, growthMarket: "yes" }));
    const issues = issuesOf({ ...input, clients });
    expect(issues.map((i) => [i.code, i.path, i.input])).toEqual([
      [expect.any(String), ["clients", 0, "growthMarket"], "yes"],
    ]);
  });
});

describe("attributeManagedCredit: points and shares", () => {
  it("gives 10 points for a US$1,000 client serviced by one partner", () => {
    const input = servicedBy(42, usd(42, 100_000), ["northwind"]);
    const result = attribute(input);
    expect(result.partners).toEqual([
      {
        partnerId: "northwind",
        points: 10,
        managedMrr: [{ amountMinor: 100_000, currency: "USD" }],
        clients: [{ clientId: 42, share: { amountMinor: 100_000, currency: "USD" }, points: 10 }],
      },
    ]);
    expect(result.decisions).toEqual([
      {
        partnerId: "northwind",
        clientId: 42,
        outcome: "credited",
        evidence: {
          assignment: [...input.assignments][0],
          user: [...input.users][0],
          activeWindow: JAN,
          activity: { clientId: 42, email: "jane@northwind.io", at: day(15) },
        },
      },
    ]);
    expect(result.lostCredit).toEqual([]);
  });

  it("splits US$1,000 between three partners as 33,334 / 33,333 / 33,333 cents, the extra cent to the smallest partnerId", () => {
    // Listed out of order on purpose: the split follows partnerId, not input order.
    const result = attribute(servicedBy(42, usd(42, 100_000), ["charlie", "alpha", "bravo"]));
    expect(
      result.partners.map((p) => [p.partnerId, p.clients[0]?.share.amountMinor, p.points]),
    ).toEqual([
      ["alpha", 33_334, 3.33],
      ["bravo", 33_333, 3.33],
      ["charlie", 33_333, 3.33],
    ]);
  });

  it("gives the leftover units to the smaller partnerIds first when the remainder is more than one", () => {
    const result = attribute(servicedBy(42, usd(42, 11), ["d", "a", "c", "b"]));
    expect(result.partners.map((p) => p.clients[0]?.share.amountMinor)).toEqual([3, 3, 3, 2]);
  });

  it("doubles the points of a growth-market client", () => {
    const result = attribute(servicedBy(42, usd(42, 100_000, true), ["northwind"]));
    expect(result.partners[0]?.points).toBe(20);
    expect(result.partners[0]?.clients[0]?.points).toBe(20);
    expect(result.partners[0]?.managedMrr).toEqual([{ amountMinor: 100_000, currency: "USD" }]);
  });

  it("counts a JPY client in yen, which have no minor unit (¥14,400 = US$100)", () => {
    const client = { clientId: 7, mrr: { amountMinor: 144_000, currency: "JPY" } };
    const result = attribute(servicedBy(7, client, ["northwind"]));
    expect(result.partners[0]?.points).toBe(10);
    expect(result.partners[0]?.managedMrr).toEqual([{ amountMinor: 144_000, currency: "JPY" }]);
  });

  it("counts a COP client in centavos (ISO 4217 exponent 2, which Intl gets wrong)", () => {
    const client = { clientId: 7, mrr: { amountMinor: 40_800_000, currency: "COP" } };
    expect(attribute(servicedBy(7, client, ["northwind"])).partners[0]?.points).toBe(1);
  });

  it("rounds each reported number from its own exact value, half up", () => {
    // Each client is worth exactly 0.125 points (reported 0.13); together
    // they are exactly 0.25, not 0.13 + 0.13.
    const input: AttributionInput = {
      period: JAN,
      partners: [partner("northwind")],
      clients: [usd(1, 1_250), usd(2, 1_250)],
      users: [employee("northwind")],
      assignments: [
        active("northwind", 1, "jane@northwind.io"),
        active("northwind", 2, "jane@northwind.io"),
      ],
      activities: [act(1, "jane@northwind.io"), act(2, "jane@northwind.io")],
    };
    const [northwind] = attribute(input).partners;
    expect(northwind?.clients.map((c) => c.points)).toEqual([0.13, 0.13]);
    expect(northwind?.points).toBe(0.25);
    expect(northwind?.managedMrr).toEqual([{ amountMinor: 2_500, currency: "USD" }]);
  });

  it("reports managed MRR per currency and totals points across currencies exactly", () => {
    const input: AttributionInput = {
      period: JAN,
      partners: [partner("northwind")],
      clients: [
        usd(1, 10_000),
        { clientId: 2, mrr: { amountMinor: 8_800, currency: "EUR" }, growthMarket: true },
      ],
      users: [employee("northwind")],
      assignments: [
        active("northwind", 2, "jane@northwind.io"),
        active("northwind", 1, "jane@northwind.io"),
      ],
      activities: [act(1, "jane@northwind.io"), act(2, "jane@northwind.io")],
    };
    const [northwind] = attribute(input).partners;
    expect(northwind?.managedMrr).toEqual([
      { amountMinor: 8_800, currency: "EUR" },
      { amountMinor: 10_000, currency: "USD" },
    ]);
    expect(northwind?.clients.map((c) => [c.clientId, c.points])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(northwind?.points).toBe(3);
  });

  it("lists every partner, with 0 points when nothing is credited", () => {
    const input = servicedBy(42, usd(42, 100_000), ["northwind"]);
    const result = attribute({
      ...input,
      partners: [...input.partners, partner("idle"), partner("aardvark")],
    });
    expect(result.partners.map((p) => [p.partnerId, p.points, p.clients.length])).toEqual([
      ["aardvark", 0, 0],
      ["idle", 0, 0],
      ["northwind", 10, 1],
    ]);
  });

  it("gives a provider points, but no tier", () => {
    const input = servicedBy(42, usd(42, 100_000), ["northwind"]);
    const provider = partner("northwind", "provider");
    const [credit] = attribute({ ...input, partners: [provider] }).partners;
    expect(credit?.points).toBe(10);
    const thresholds = [{ tier: "gold" as const, totalPoints: 5, sourcedPoints: 0 }];
    expect(
      evaluateTier({ totalPoints: credit!.points, sourcedPoints: 0 }, provider.program, thresholds),
    ).toEqual({
      tier: null,
      reason: "provider_program_has_no_tiers",
    });
    expect(
      evaluateTier({ totalPoints: credit!.points, sourcedPoints: 0 }, "partner", thresholds),
    ).toEqual({
      tier: "gold",
    });
  });

  it("uses a caller's currency table instead of the defaults", () => {
    const input = servicedBy(42, { clientId: 42, mrr: { amountMinor: 8_000, currency: "CHF" } }, [
      "northwind",
    ]);
    const table = { CHF: { per100Usd: 80, exponent: 2 } };
    expect(attribute({ ...input, currencyTable: table }).partners[0]?.points).toBe(1);
    // USD is not in that table: it replaces the defaults entirely.
    const usdInput = servicedBy(42, usd(42, 100), ["northwind"]);
    expect(issuesOf({ ...usdInput, currencyTable: table }).map((i) => [i.code, i.path])).toEqual([
      ["unknown_currency", ["clients", 0, "mrr", "currency"]],
    ]);
  });
});

describe("attributeManagedCredit: each failed check has its own outcome", () => {
  const base = servicedBy(42, usd(42, 100_000), ["northwind"]);
  const jane = "jane@northwind.io";

  it("pending assignment → no_active_assignment (pending_access)", () => {
    const pending: Assignment = {
      partnerId: "northwind",
      clientId: 42,
      email: jane,
      status: "pending_access",
      assignedAt: day(2),
    };
    const result = attribute({ ...base, assignments: [pending] });
    expect(result.decisions).toEqual([
      {
        partnerId: "northwind",
        clientId: 42,
        outcome: "no_active_assignment",
        evidence: { assignment: pending, user: [...base.users][0], reason: "pending_access" },
      },
    ]);
    expect(result.partners[0]?.points).toBe(0);
  });

  it("assignment removed before the period → no_active_assignment (outside_period)", () => {
    const removed = active("northwind", 42, jane, { status: "removed", removedAt: JAN.start });
    const d = decision(attribute({ ...base, assignments: [removed] }).decisions, "northwind", 42);
    expect(d.outcome).toBe("no_active_assignment");
    expect(d.outcome === "no_active_assignment" && d.evidence.reason).toBe("outside_period");
  });

  it("removed assignment without activatedAt → no_active_assignment (not_activated)", () => {
    const removed: Assignment = {
      partnerId: "northwind",
      clientId: 42,
      email: jane,
      status: "removed",
      assignedAt: day(1),
      removedAt: day(3),
    };
    const d = decision(attribute({ ...base, assignments: [removed] }).decisions, "northwind", 42);
    expect(d.outcome === "no_active_assignment" && d.evidence.reason).toBe("not_activated");
  });

  it("untagged user → no_tagged_employee (not_tagged), and the activity shows as lost credit", () => {
    const untagged = employee("northwind", "jane", { tagged: false });
    const result = attribute({ ...base, users: [untagged] });
    expect(decision(result.decisions, "northwind", 42)).toEqual({
      partnerId: "northwind",
      clientId: 42,
      outcome: "no_tagged_employee",
      evidence: { assignment: [...base.assignments][0], user: untagged, reason: "not_tagged" },
    });
    expect(result.lostCredit).toEqual([
      {
        partnerId: "northwind",
        clientId: 42,
        email: jane,
        user: untagged,
        reason: "not_tagged",
        activity: act(42, jane),
      },
    ]);
  });

  it("user no longer in the partner account → no_tagged_employee (not_in_partner_account)", () => {
    const gone = employee("northwind", "jane", { inPartnerAccount: false });
    const result = attribute({ ...base, users: [gone] });
    const d = decision(result.decisions, "northwind", 42);
    expect(d.outcome === "no_tagged_employee" && d.evidence.reason).toBe("not_in_partner_account");
    expect(result.lostCredit.map((l) => l.reason)).toEqual(["not_in_partner_account"]);
  });

  it("assignment of an address that is no user of the partner → no_tagged_employee (unknown_user)", () => {
    const d = decision(attribute({ ...base, users: [] }).decisions, "northwind", 42);
    expect(d).toMatchObject({
      outcome: "no_tagged_employee",
      evidence: { user: null, reason: "unknown_user" },
    });
  });

  it("conflict contender → conflict_contender, with the conflict; the holder keeps the whole MRR", () => {
    const max = "max@gmail.com";
    const input: AttributionInput = {
      period: JAN,
      partners: [partner("acme"), partner("northwind")],
      clients: [usd(42, 100_000)],
      users: [
        { partnerId: "acme", email: max, tagged: true },
        { partnerId: "northwind", email: "Max@Gmail.com", tagged: true },
      ],
      assignments: [
        active("northwind", 42, "Max@Gmail.com", { assignedAt: day(1) - 5 * DAY }),
        active("acme", 42, max, { assignedAt: day(1) - 9 * DAY }),
      ],
      activities: [act(42, max)],
    };
    const result = attribute(input);
    const contender = decision(result.decisions, "northwind", 42);
    const [conflict] = detectEmailConflicts(input.assignments, input.partners);
    expect(contender.outcome).toBe("conflict_contender");
    // The same parties as the detector's conflict, without its message and resolutions.
    expect(contender.outcome === "conflict_contender" && contender.evidence.conflict).toEqual({
      clientId: conflict?.clientId,
      email: conflict?.email,
      holder: conflict?.holder,
      contenders: conflict?.contenders,
    });
    expect(conflict?.holder.partnerId).toBe("acme");
    expect(decision(result.decisions, "acme", 42).outcome).toBe("credited");
    expect(result.partners.map((p) => [p.partnerId, p.points])).toEqual([
      ["acme", 10],
      ["northwind", 0],
    ]);
  });

  it("activity outside the period → no_qualifying_activity, with the window searched", () => {
    const result = attribute({
      ...base,
      activities: [act(42, jane, JAN.end), act(42, jane, JAN.start - 1)],
    });
    expect(decision(result.decisions, "northwind", 42)).toEqual({
      partnerId: "northwind",
      clientId: 42,
      outcome: "no_qualifying_activity",
      evidence: {
        assignment: [...base.assignments][0],
        user: [...base.users][0],
        activeWindow: JAN,
      },
    });
  });

  it("activity in the period but before the assignment was activated → no_qualifying_activity", () => {
    const late = active("northwind", 42, jane, { activatedAt: day(20) });
    const d = decision(
      attribute({ ...base, assignments: [late], activities: [act(42, jane, day(10))] }).decisions,
      "northwind",
      42,
    );
    expect(d).toMatchObject({
      outcome: "no_qualifying_activity",
      evidence: { activeWindow: { start: day(20), end: JAN.end } },
    });
  });

  it("activity before removal is credited; the window ends at removedAt", () => {
    const removed = active("northwind", 42, jane, { status: "removed", removedAt: day(10) });
    const ok = attribute({ ...base, assignments: [removed], activities: [act(42, jane, day(9))] });
    expect(decision(ok.decisions, "northwind", 42)).toMatchObject({
      outcome: "credited",
      evidence: { activeWindow: { start: JAN.start, end: day(10) } },
    });
    const late = attribute({
      ...base,
      assignments: [removed],
      activities: [act(42, jane, day(10))],
    });
    expect(decision(late.decisions, "northwind", 42).outcome).toBe("no_qualifying_activity");
  });

  it("matches activity by email key: case and a trailing dot on the domain do not matter", () => {
    const result = attribute({ ...base, activities: [act(42, " JANE@Northwind.IO. ")] });
    expect(decision(result.decisions, "northwind", 42).outcome).toBe("credited");
  });

  it("reports the assignment that got furthest when a pair has several", () => {
    const pending: Assignment = {
      partnerId: "northwind",
      clientId: 42,
      email: "bob@northwind.io",
      status: "pending_access",
      assignedAt: day(2),
    };
    const untagged = active("northwind", 42, "sam@northwind.io");
    const input: AttributionInput = {
      ...base,
      users: [employee("northwind", "bob"), employee("northwind", "sam", { tagged: false })],
      assignments: [untagged, pending],
      activities: [],
    };
    expect(decision(attribute(input).decisions, "northwind", 42)).toMatchObject({
      outcome: "no_active_assignment",
      evidence: { assignment: pending },
    });
  });

  it("credits the pair with the earliest qualifying activity among its assignments", () => {
    const input: AttributionInput = {
      ...base,
      users: [employee("northwind", "bob"), employee("northwind", "jane")],
      assignments: [
        active("northwind", 42, "jane@northwind.io"),
        active("northwind", 42, "bob@northwind.io"),
      ],
      activities: [
        act(42, "jane@northwind.io", day(12)),
        act(42, "bob@northwind.io", day(3)),
        act(42, "jane@northwind.io", day(2)),
      ],
    };
    expect(decision(attribute(input).decisions, "northwind", 42)).toMatchObject({
      outcome: "credited",
      evidence: { activity: { email: "jane@northwind.io", at: day(2) } },
    });
  });

  it("credits the assignment with the earlier activity, not the one assigned first, for one employee assigned twice", () => {
    // Assigned first but active only from day 10: its evidence is day 12.
    const waited: Assignment = {
      partnerId: "northwind",
      clientId: 42,
      email: jane,
      status: "active",
      assignedAt: day(1),
      activatedAt: day(10),
    };
    // Assigned later, active days 2–5: its evidence is day 3, the earlier one.
    const early = active("northwind", 42, jane, {
      status: "removed",
      assignedAt: day(2),
      activatedAt: day(2),
      removedAt: day(5),
    });
    const input: AttributionInput = {
      ...base,
      assignments: [early, waited],
      activities: [act(42, jane, day(12)), act(42, jane, day(3))],
    };
    expect(decision(attribute(input).decisions, "northwind", 42)).toMatchObject({
      outcome: "credited",
      evidence: { assignment: early, activity: { clientId: 42, email: jane, at: day(3) } },
    });
  });

  it("gives no decision to a pair without assignments, and an activity without assignment earns nothing", () => {
    const result = attribute({
      ...base,
      clients: [...base.clients, usd(43, 5_000)],
      activities: [act(43, jane)],
    });
    expect(result.decisions.map((d) => [d.partnerId, d.clientId, d.outcome])).toEqual([
      ["northwind", 42, "no_qualifying_activity"],
    ]);
    expect(result.lostCredit).toEqual([]);
  });

  it("accepts an empty period: nothing can qualify in it", () => {
    const result = attribute({ ...base, period: { start: day(5), end: day(5) } });
    expect(decision(result.decisions, "northwind", 42)).toMatchObject({
      outcome: "no_active_assignment",
      evidence: { reason: "outside_period" },
    });
  });
});

describe("attributeManagedCredit: invalid input, every record at once", () => {
  it("lists unknown references, duplicates, bad money, bad period, bad timestamps and bad emails together", () => {
    const input = {
      period: { start: JAN.end, end: JAN.start },
      partners: [partner("northwind"), partner("northwind")],
      clients: [
        usd(1, -100),
        usd(2, 10.5),
        { clientId: 3, mrr: { amountMinor: 100, currency: "XYZ" } },
        usd(4, 100),
      ],
      users: [
        employee("northwind"),
        { partnerId: "northwind", email: "JANE@northwind.io", tagged: true },
        employee("ghost"),
        { partnerId: "northwind", email: "not an email", tagged: true },
      ],
      assignments: [
        active("ghost", 4, "jane@northwind.io"),
        active("northwind", 99, "jane@northwind.io"),
        active("northwind", 4, "jane@northwind.io", { activatedAt: Number.NaN }),
      ],
      activities: [
        act(77, "jane@northwind.io"),
        act(4, "jane@northwind.io", Number.POSITIVE_INFINITY),
      ],
    };
    expect(issuesOf(input).map((i) => [i.code, i.path])).toEqual([
      ["invalid_period", ["period"]],
      ["duplicate_partner", ["partners", 1]],
      ["invalid_amount", ["clients", 0, "mrr", "amountMinor"]],
      ["invalid_amount", ["clients", 1, "mrr", "amountMinor"]],
      ["unknown_currency", ["clients", 2, "mrr", "currency"]],
      ["duplicate_user", ["users", 1]],
      ["unknown_partner", ["users", 2, "partnerId"]],
      ["invalid_email", ["users", 3, "email"]],
      ["unknown_partner", ["assignments", 0, "partnerId"]],
      ["unknown_client", ["assignments", 1, "clientId"]],
      ["invalid_timestamp", ["assignments", 2, "activatedAt"]],
      ["unknown_client", ["activities", 0, "clientId"]],
      ["invalid_timestamp", ["activities", 1, "at"]],
    ]);
  });

  it("reports every bad field of a record, not only the first", () => {
    const input = servicedBy(42, usd(42, 100), ["northwind"]);
    const issues = issuesOf({
      ...input,
      users: [{ partnerId: "ghost", email: "no address", tagged: "yes", inPartnerAccount: 1 }],
      assignments: [
        {
          partnerId: "",
          clientId: 0,
          email: 5,
          status: "done",
          assignedAt: "x",
          expiresAt: Number.NaN,
        },
      ],
      activities: [{ clientId: 99, email: "@", at: undefined }],
    });
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["unknown_partner", "users.0.partnerId"],
      ["invalid_email", "users.0.email"],
      ["invalid_record", "users.0.tagged"],
      ["invalid_record", "users.0.inPartnerAccount"],
      ["invalid_partner_id", "assignments.0.partnerId"],
      ["invalid_client_id", "assignments.0.clientId"],
      ["invalid_email", "assignments.0.email"],
      ["invalid_record", "assignments.0.status"],
      ["invalid_timestamp", "assignments.0.assignedAt"],
      ["invalid_timestamp", "assignments.0.expiresAt"],
      ["unknown_client", "activities.0.clientId"],
      ["invalid_email", "activities.0.email"],
      ["invalid_timestamp", "activities.0.at"],
    ]);
  });

  it("gives each issue a message and the data a caller needs", () => {
    const input = servicedBy(42, usd(42, 100), ["northwind"]);
    const [issue] = issuesOf({ ...input, users: [...input.users, employee("northwind")] });
    expect(issue).toEqual({
      code: "duplicate_user",
      message: expect.stringContaining("jane@northwind.io"),
      path: ["users", 1],
      input: employee("northwind"),
      partnerId: "northwind",
      email: "jane@northwind.io",
      firstPath: ["users", 0],
    });
  });

  it("does not call a client unknown when its record exists but is invalid", () => {
    const input = servicedBy(42, usd(42, -1), ["northwind"]);
    expect(issuesOf(input).map((i) => i.code)).toEqual(["invalid_amount"]);
  });

  it("refuses values that are not the input shape, without throwing", () => {
    for (const bad of [
      undefined,
      null,
      42,
      "input",
      [],
      { __proto__: null },
      JSON.parse('{"__proto__": {"x": 1}}'),
    ]) {
      const result = attributeManagedCredit(bad as AttributionInput);
      expect(result.ok).toBe(false);
    }
    expect(issuesOf(null).map((i) => [i.code, i.path])).toEqual([["invalid_record", []]]);
    expect(
      issuesOf({
        period: JAN,
        partners: 1,
        clients: [],
        users: [],
        assignments: [],
        activities: "x",
      }).map((i) => i.path),
    ).toEqual([["partners"], ["activities"]]);
  });

  it("refuses a list longer than 2^26 entries as one issue, without reading it or throwing", () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 31; // all holes: typed arrays of that size cannot be made
    const input = { ...servicedBy(42, usd(42, 100), ["northwind"]), assignments: sparse };
    expect(issuesOf(input)).toEqual([
      {
        code: "invalid_list",
        message: expect.any(String),
        path: ["assignments"],
        length: 2 ** 31,
        maxLength: 2 ** 26,
      },
    ]);
    const activities = { ...servicedBy(42, usd(42, 100), ["northwind"]), activities: sparse };
    expect(issuesOf(activities).map((i) => [i.code, i.path])).toEqual([
      ["invalid_list", ["activities"]],
    ]);
    expect(issuesOf(activities)[0]?.message).toBe(
      "activities holds 2147483648 entries; one call reads at most 67108864 (feed activities in batches).",
    );
  });

  it("refuses a currency table that is not an object and a row that is not a rate", () => {
    const input = servicedBy(42, usd(42, 100), ["northwind"]);
    expect(issuesOf({ ...input, currencyTable: 5 }).map((i) => [i.code, i.path])).toEqual([
      ["invalid_record", ["currencyTable"]],
    ]);
    expect(
      issuesOf({ ...input, currencyTable: { USD: { per100Usd: 0, exponent: 2 } } }).map(
        (i) => i.code,
      ),
    ).toEqual(["invalid_currency_rate"]);
  });

  it("reports a partner's managed MRR that no longer fits in a safe integer", () => {
    const big = Number.MAX_SAFE_INTEGER;
    const input: AttributionInput = {
      period: JAN,
      partners: [partner("northwind")],
      clients: [usd(1, big), usd(2, big)],
      users: [employee("northwind")],
      assignments: [
        active("northwind", 1, "jane@northwind.io"),
        active("northwind", 2, "jane@northwind.io"),
      ],
      activities: [act(1, "jane@northwind.io"), act(2, "jane@northwind.io")],
    };
    expect(issuesOf(input).map((i) => [i.code, i.path])).toEqual([
      ["amount_overflow", ["partners", 0]],
    ]);
  });
});
