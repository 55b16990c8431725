import { describe, expect, it } from "vitest";
import { readAttributionReference } from "../../src/attribution/credit-core.js";
import { employee, JAN, partner, usd } from "./fixtures.js";

describe("readAttributionReference", () => {
  it("knows the key of every address the reference holds, as entered, and of no other", () => {
    const read = readAttributionReference({
      period: JAN,
      partners: [partner("acme")],
      clients: [usd(42, 100_000)],
      users: [employee("acme"), { partnerId: "acme", email: "Max@ACME.io", tagged: true }],
      assignments: [],
    });
    expect(read.issues).toEqual([]);
    expect(read.knownKeys("jane@acme.io")).toBe("jane@acme.io");
    expect(read.knownKeys("Max@ACME.io")).toBe("max@acme.io");
    // Never seen in the reference (only its key is): not known.
    expect(read.knownKeys("max@acme.io")).toBeUndefined();
    expect(read.knownKeys("not an address")).toBeUndefined();
  });
});
