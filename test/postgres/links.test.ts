import { describe, expect, it } from "vitest";
import { recording } from "./recording.js";

// Email links in the PostgreSQL store: a key no row can have is answered
// without a statement, never sent as a parameter PostgreSQL would refuse.

describe("postgres: unlinkEmail sends a DELETE only for a key a row can have", () => {
  it("answers not_held with no holder, sending nothing, for a clientId or emailKey no row has", async () => {
    const { repository, statements } = recording();
    for (const [clientId, emailKey] of [
      [42, 7],
      [42, "jane\u0000@gmail.com"],
      ["42", "jane@gmail.com"],
      [0, "jane@gmail.com"],
      [1.5, "jane@gmail.com"],
    ] as const) {
      expect(
        await repository.unlinkEmail({ clientId, emailKey, partnerId: "acme" } as never),
        `${String(clientId)} ${String(emailKey)}`,
      ).toEqual({ status: "not_held", holder: null });
    }
    expect(statements()).toEqual([]);
  });
});
