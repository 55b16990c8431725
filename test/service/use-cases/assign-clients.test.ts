import { describe, expect, it } from "vitest";
import { DAY, manager, setup, T0 } from "../fixtures.js";

describe("assignClients", () => {
  it("gives every placed assignment the requested expiresAt, and none when it is left out", async () => {
    const { repository, service } = await setup();
    const expiresAt = T0 + 30 * DAY;
    const withExpiry = await service.assignClients({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientIds: [42, 43],
      expiresAt,
    });
    const without = await service.assignClients({
      actor: manager(),
      partnerId: "acme",
      email: "free@gmail.com",
      clientIds: [44],
    });
    if (!withExpiry.ok) throw new Error(withExpiry.error.message);
    if (!without.ok) throw new Error(without.error.message);
    const stored = repository
      .snapshot()
      .assignments.map((a) => [a.value.email, a.value.clientId, a.value.expiresAt]);
    expect(stored).toEqual([
      ["jane@acme.com", 42, expiresAt],
      ["jane@acme.com", 43, expiresAt],
      ["free@gmail.com", 44, undefined],
    ]);
  });
});
