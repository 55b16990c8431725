import { describe, expect, it } from "vitest";
import type { PartnerUser } from "../../../src/model.js";
import { createPartnerAccessService } from "../../../src/service/partner-access-service.js";
import { manager, setup, T0 } from "../fixtures.js";
import { overriding } from "../overrides.js";

describe("writing a user", () => {
  // rule: a user changed by someone else between the read and the write is
  // version_conflict, naming the user as partner/address key, and nothing
  // of the change is kept.
  it("refuses a stale user as version_conflict keyed partner/address", async () => {
    const { repository } = await setup();
    const service = createPartnerAccessService({
      repository: overriding(repository, {
        // someone else saves the user first, at the version read
        saveUser: async (real, ...args) => {
          const [user, version] = args as [PartnerUser, number];
          await real({ ...user, tagged: false }, version);
          return real(...args);
        },
      }),
      clock: () => T0,
    });
    const before = repository.snapshot();
    const r = await service.tagEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "SAM@acme.com",
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: "version_conflict",
        message:
          'The user "acme/sam@acme.com" was changed by someone else meanwhile; nothing was changed. Read it again and retry.',
        record: "user",
        key: "acme/sam@acme.com",
      },
    });
    expect(repository.snapshot()).toEqual(before);
  });
});
