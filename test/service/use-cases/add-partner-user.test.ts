import { describe, expect, it } from "vitest";
import { emailKey } from "../../../src/domain/email-address.js";
import { admin, manager, setup, T0 } from "../fixtures.js";

describe("addPartnerUser", () => {
  it("stores the user under the key of its address, untagged unless asked", async () => {
    const { repository, service } = await setup();
    const r = await service.addPartnerUser({
      actor: manager(),
      partnerId: "acme",
      email: "  Lea.Berg@ACME.com ",
      // a key from the caller is not part of the request, and is ignored
      ...({ emailKey: "someone-else@acme.com" } as object),
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.user).toEqual({
      emailKey: "lea.berg@acme.com",
      version: 1,
      value: { partnerId: "acme", email: "Lea.Berg@ACME.com", tagged: false },
    });
    expect(r.value.user.emailKey).toBe(emailKey("Lea.Berg@ACME.com"));
    expect(r.value.readmitted).toBe(false);
    expect(r.value.events).toEqual([
      {
        type: "partner_user_added",
        at: T0 + 1_000,
        actor: manager(),
        partnerId: "acme",
        email: "Lea.Berg@ACME.com",
        tagged: false,
        readmitted: false,
      },
    ]);
    expect(await repository.getUser("acme", "someone-else@acme.com")).toBeNull();
    // the user is found by the key, in any letter case, by every other use case
    const tagged = await service.tagEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "LEA.BERG@acme.com",
    });
    expect(tagged.ok && tagged.value.user.value.tagged).toBe(true);
  });

  it("refuses a user already in the account, and a partner that does not exist", async () => {
    const { repository, service } = await setup();
    const before = repository.snapshot();
    const twice = await service.addPartnerUser({
      actor: manager(),
      partnerId: "acme",
      email: "JANE@acme.com",
    });
    expect(
      twice.ok || [twice.error.code, "user" in twice.error && twice.error.user.emailKey],
    ).toEqual(["user_already_exists", "jane@acme.com"]);
    const nowhere = await service.addPartnerUser({
      actor: admin("nope"),
      partnerId: "nope",
      email: "a@nope.io",
    });
    expect(nowhere.ok || nowhere.error.code).toBe("partner_not_found");
    expect(repository.snapshot()).toEqual(before);
  });

  it("brings back a user who left the account, with the tag asked for", async () => {
    const { repository, service } = await setup();
    await service.removeEmployee({ actor: manager(), partnerId: "acme", email: "jane@acme.com" });
    const r = await service.addPartnerUser({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
      tagged: true,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.readmitted).toBe(true);
    expect(r.value.user.value).toEqual({ partnerId: "acme", email: "jane@acme.com", tagged: true });
    expect((await repository.getUser("acme", "jane@acme.com"))?.version).toBe(3);
  });
});

describe("removePartnerUser", () => {
  it("takes the user out of the account and revokes every assignment, as removeEmployee does", async () => {
    const { repository, service } = await setup();
    await service.assignClients({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientIds: [42, 43],
    });
    const r = await service.removePartnerUser({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.user.value.inPartnerAccount).toBe(false);
    expect(r.value.revoked.map((a) => a.value.status)).toEqual(["removed", "removed"]);
    expect(r.value.events.map((e) => e.type)).toEqual([
      "client_access_removed",
      "client_access_removed",
      "employee_removed",
    ]);
    expect(await repository.listAssignments({ live: true })).toEqual([]);
  });
});
