import { describe, expect, it } from "vitest";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { createInMemoryRepository } from "../../../src/testing/index.js";
import { acme, manager, seed, T0, user } from "../fixtures.js";

describe("removeEmployee", () => {
  // rule: only a user stored with inPartnerAccount: false has left; one
  // stored with true (or without the flag) is taken out and stored again.
  it("takes out a user stored with inPartnerAccount: true, and stores them with false", async () => {
    const repository = createInMemoryRepository();
    await seed(repository, {
      partners: [acme],
      users: [user("acme", "jane@acme.com", { inPartnerAccount: true })],
    });
    const service = createPartnerAccessService({ repository, clock: () => T0 });
    const r = await service.removeEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
    });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.user.value.inPartnerAccount, r.value.user.version]).toEqual([false, 2]);
    expect(r.value.events.map((e) => e.type)).toEqual(["employee_removed"]);
    const stored = await repository.getUser("acme", "jane@acme.com");
    expect([stored?.value.inPartnerAccount, stored?.version]).toEqual([false, 2]);
  });
});
