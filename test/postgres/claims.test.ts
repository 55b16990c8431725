import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import { type PostgresFixture, startPGliteFixture } from "./fixture.js";
import { recording } from "./recording.js";

// Domain claims in the PostgreSQL store: a claim PostgreSQL cannot store
// exactly is refused before anything is sent.

describe("postgres: claimDomain refuses what PostgreSQL cannot store", () => {
  it("answers invalid_record for a partnerId with a NUL or over 1000 bytes, sending nothing", async () => {
    const { repository, statements } = recording();
    expect(
      await repository.claimDomain({ domain: "acme.com", partnerId: "a\u0000", claimedAt: 1 }),
    ).toEqual({
      status: "invalid_record",
      issues: [
        {
          code: "invalid_record",
          message:
            "PostgreSQL cannot store this text exactly: it has a NUL character or a lone surrogate.",
          path: ["claim", "partnerId"],
          input: "a\u0000",
        },
      ],
    });
    const long = "a".repeat(1001);
    expect(
      await repository.claimDomain({ domain: "acme.com", partnerId: long, claimedAt: 1 }),
    ).toEqual({
      status: "invalid_record",
      issues: [
        {
          code: "invalid_partner_id",
          message: "A partnerId stored in PostgreSQL has at most 1000 UTF-8 bytes.",
          path: ["claim", "partnerId"],
          input: long,
          length: 1001,
          maxLength: 1000,
        },
      ],
    });
    expect(statements()).toEqual([]);
  });
});

describe("postgres: claims on PGlite", () => {
  let fixture: PostgresFixture;
  let repository: PartnerAccessRepository;

  beforeAll(async () => {
    fixture = await startPGliteFixture();
    repository = await fixture.emptyRepository();
  }, 60_000);

  afterAll(async () => {
    await fixture?.stop();
  }, 60_000);

  it("refuses a claim whose partnerId it cannot store, and stores nothing", async () => {
    const outcome = await repository.claimDomain({
      domain: "nul.io",
      partnerId: "a\u0000b",
      claimedAt: 1,
    });
    expect(outcome).toMatchObject({
      status: "invalid_record",
      issues: [{ code: "invalid_record", path: ["claim", "partnerId"], input: "a\u0000b" }],
    });
    expect(await repository.getDomainClaim("nul.io")).toBeNull();
    expect(await repository.listDomainClaims()).toEqual([]);
  });
});

describe("postgres: listDomainClaims of a partnerId no row can have", () => {
  it.each([[7], [null], [{ toString: () => "acme" }]])(
    "answers no claims for %j and sends nothing, never every partner's claims",
    async (partnerId) => {
      const row = { domain: "acme.com", partner_id: "acme", claimed_at: "1" };
      const { repository, statements } = recording(() => [row]);
      expect(await repository.listDomainClaims(partnerId as never)).toEqual([]);
      expect(statements()).toEqual([]);
    },
  );
});
