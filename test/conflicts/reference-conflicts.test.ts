import { describe, expect, it } from "vitest";
import { referenceEmailConflicts } from "../../src/conflicts/reference-conflicts.js";

const link = (partnerId: string, email: unknown) => ({
  partnerId,
  clientId: 1,
  email,
  status: "active",
  assignedAt: 0,
});

describe("referenceEmailConflicts", () => {
  it("skips a link whose email is not a string", () => {
    expect(referenceEmailConflicts([link("acme", 42), link("globex", "jane@acme.com")])).toEqual(
      [],
    );
    expect(
      referenceEmailConflicts([link("acme", "jane@acme.com"), link("globex", "jane@acme.com")]),
    ).toHaveLength(1);
  });
});
