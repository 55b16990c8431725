import { describe, expect, it } from "vitest";
import {
  type AttributionInput,
  attributeManagedCredit,
} from "../../../src/attribution/managed-credit.js";
import { addActivities, finishAttribution } from "../../../src/attribution/streaming.js";
import { act, active, DAY, employee, partner, usd } from "../fixtures.js";
import { roundTrip, split, start } from "../streaming-helpers.js";

// A period around the epoch, so that an activity at -0 is inside it.
const period = { start: -DAY, end: DAY };
const input: AttributionInput = {
  period,
  partners: [partner("northwind"), partner("zeta")],
  clients: [usd(42, 100_000)],
  users: [employee("northwind"), employee("zeta", "sam", { tagged: false })],
  assignments: [
    active("northwind", 42, "jane@northwind.io", { assignedAt: -2 * DAY, activatedAt: -2 * DAY }),
    active("zeta", 42, "sam@zeta.io", { assignedAt: -2 * DAY, activatedAt: -2 * DAY }),
  ],
  activities: [act(42, "jane@northwind.io", -0), act(42, "sam@zeta.io", -0)],
};

describe("readActivities", () => {
  it("reports an activity at -0 at 0, as a state through JSON does", () => {
    const result = attributeManagedCredit(input);
    if (!result.ok) throw new Error(result.error.message);
    const { decisions, lostCredit } = result.value;
    expect(decisions.map((d) => [d.partnerId, d.outcome])).toEqual([
      ["northwind", "credited"],
      ["zeta", "no_tagged_employee"],
    ]);
    const credited = decisions[0]!;
    const activity = credited.outcome === "credited" ? credited.evidence.activity : undefined;
    expect(activity).toEqual({ clientId: 42, email: "jane@northwind.io", at: 0 });
    expect(Object.is(activity?.at, 0)).toBe(true);
    expect(lostCredit.map((l) => l.activity)).toEqual([
      { clientId: 42, email: "sam@zeta.io", at: 0 },
    ]);
    expect(Object.is(lostCredit[0]?.activity.at, 0)).toBe(true);
    // The streamed result, through JSON (which writes -0 as 0), is the same.
    const [reference, activities] = split(input);
    const state = roundTrip(addActivities(start(reference), activities));
    expect(finishAttribution(state)).toEqual(result);
  });
});
