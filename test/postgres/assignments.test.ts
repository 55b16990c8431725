import { describe, expect, it } from "vitest";
import { recording, verb } from "./recording.js";

// The assignment methods of the PostgreSQL store on a recording driver,
// for the answers only a race gives on a real database: the row changed
// between the read and the write.

const pending = {
  partnerId: "acme",
  clientId: 42,
  email: "jane@acme.com",
  status: "pending_access",
  assignedAt: Date.UTC(2026, 0, 1),
} as const;
const row = { id: "7", email_key: "jane@acme.com", data: pending, version: 1 };

describe("postgres: insertAssignment when the live assignment keeps changing", () => {
  // rule: no insert and no live one to report means the live one ended in
  // between; after every attempt the unit is rerun, and past the reruns the
  // call rejects with the serialization failure that names what changed.
  it("rejects with a retryable error that says the live assignment kept changing", async () => {
    const { repository, statements } = recording();
    const rejected = repository.insertAssignment(pending);
    await expect(rejected).rejects.toThrow(
      "insertAssignment: the live assignment kept changing; the unit runs again.",
    );
    await expect(rejected).rejects.toMatchObject({ code: "40001" });
    expect(statements().slice(0, 2).map(verb)).toEqual(["INSERT", "SELECT"]);
  });
});

describe("postgres: updateAssignment when the row changed before the UPDATE", () => {
  it("answers version_conflict with the assignment as read again", async () => {
    const { repository, statements } = recording((text) =>
      text.trimStart().startsWith("SELECT") ? [row] : [],
    );
    expect(await repository.updateAssignment("7", pending, 1)).toEqual({
      status: "version_conflict",
      current: { id: "7", emailKey: "jane@acme.com", value: pending, version: 1 },
    });
    expect(statements().map(verb)).toEqual(["SELECT", "UPDATE", "SELECT"]);
  });
});

describe("postgres: getLiveAssignment with a key no row can have", () => {
  // rule: a key without a text partnerId, a HubID and a text emailKey names
  // no live assignment; it is answered without a statement, even when the
  // database would have answered a row.
  it.each([
    ["a clientId given as text", { partnerId: "acme", clientId: "42", emailKey: "jane@acme.com" }],
    ["a partnerId that is no text", { partnerId: 7, clientId: 42, emailKey: "jane@acme.com" }],
    ["no emailKey", { partnerId: "acme", clientId: 42 }],
  ])("answers null for %s and sends nothing", async (_, key) => {
    const { repository, statements } = recording(() => [row]);
    expect(await repository.getLiveAssignment(key as never)).toBeNull();
    expect(statements()).toEqual([]);
  });
});

describe("postgres: insertAssignment with text PostgreSQL cannot store", () => {
  it("refuses it with invalid_record at the assignment's path and sends nothing", async () => {
    const { repository, statements } = recording(() => [row]);
    const nul = { ...pending, partnerId: "ac\u0000me" };
    expect(await repository.insertAssignment(nul)).toEqual({
      status: "invalid_record",
      issues: [
        {
          code: "invalid_record",
          message:
            "PostgreSQL cannot store this text exactly: it has a NUL character or a lone surrogate.",
          path: ["assignment", "partnerId"],
          input: "ac\u0000me",
        },
      ],
    });
    expect(statements()).toEqual([]);
  });
});
