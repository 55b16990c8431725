import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createDomainChallenge,
  DEFAULT_DOMAIN_CHALLENGE_TTL_MS,
  type DomainChallenge,
  verifyDomainChallenge,
} from "../../src/ownership/domain-challenge.js";

const NOW = Date.UTC(2026, 0, 1);
const fixedBytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i * 17);

function challengeOf(domain: string, options: Record<string, unknown> = {}): DomainChallenge {
  const r = createDomainChallenge(domain, { now: NOW, randomBytes: fixedBytes, ...options });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("createDomainChallenge", () => {
  it("names the record and makes a 22-character base64url token", () => {
    const c = challengeOf("Acme.COM.");
    expect(c).toEqual({
      domain: "acme.com",
      recordName: "_partner-access.acme.com",
      recordValue: "partner-access-verification=ABEiM0RVZneImaq7zN3u_w",
      issuedAt: NOW,
      expiresAt: NOW + 7 * 86_400_000,
    });
    expect(DEFAULT_DOMAIN_CHALLENGE_TTL_MS).toBe(604_800_000);
  });

  it("takes its token from crypto.getRandomValues by default", () => {
    const a = createDomainChallenge("acme.com", { now: NOW });
    const b = createDomainChallenge("acme.com", { now: NOW });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    const token = a.value.recordValue.slice("partner-access-verification=".length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.value.recordValue).not.toBe(b.value.recordValue);
  });

  it("writes the token as RFC 4648 base64url without padding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const c = challengeOf("acme.com", { randomBytes: () => bytes });
        expect(c.recordValue).toBe(
          `partner-access-verification=${Buffer.from(bytes).toString("base64url")}`,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("honours ttlMs and carries the partner", () => {
    const c = challengeOf("acme.com", { ttlMs: 1000, partnerId: "acme" });
    expect(c.expiresAt).toBe(NOW + 1000);
    expect(c.partnerId).toBe("acme");
  });

  it("refuses what parsePartnerEmployeeDomain refuses", () => {
    const shared = createDomainChallenge("gmail.com", { now: NOW });
    expect(!shared.ok && shared.error.code).toBe("shared_domain");
    const suffix = createDomainChallenge("co.uk", { now: NOW });
    expect(!suffix.ok && suffix.error.code).toBe("public_suffix");
    const extra = createDomainChallenge("acme-mail.com", {
      now: NOW,
      sharedDomains: { add: ["acme-mail.com"] },
    });
    expect(!extra.ok && extra.error.code).toBe("shared_domain");
  });

  it("refuses malformed options with a path", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [null, "invalid_record", ["options"]],
      [{ now: 1.5 }, "invalid_timestamp", ["options", "now"]],
      [{ now: 1e16 }, "invalid_timestamp", ["options", "now"]],
      [{ now: NOW, ttlMs: 0 }, "invalid_duration", ["options", "ttlMs"]],
      [{ now: NOW, ttlMs: 8.64e15 }, "invalid_duration", ["options", "ttlMs"]],
      [{ now: NOW, ttlMs: "1" }, "invalid_duration", ["options", "ttlMs"]],
      [{ now: NOW, partnerId: "" }, "invalid_partner_id", ["options", "partnerId"]],
    ];
    for (const [options, code, path] of cases) {
      const r = createDomainChallenge("acme.com", options as never);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe(code);
      expect(r.error.path).toEqual(path);
    }
  });

  it("reports a random source that throws or answers garbage", () => {
    for (const randomBytes of [
      () => {
        throw new Error("no entropy");
      },
      () => new Uint8Array(3),
      () => [1, 2, 3],
    ]) {
      const r = createDomainChallenge("acme.com", { now: NOW, randomBytes: randomBytes as never });
      expect(!r.ok && r.error.code).toBe("random_source_failed");
    }
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (domain, options) => {
        const r = createDomainChallenge(domain, options as never);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });
});

describe("verifyDomainChallenge", () => {
  const c = challengeOf("acme.com", { partnerId: "acme" });

  it("verifies a record whose chunks join to the value", async () => {
    const seen: string[] = [];
    const resolver = async (name: string) => {
      seen.push(name);
      return [["v=spf1 -all"], [c.recordValue.slice(0, 12), c.recordValue.slice(12)]];
    };
    expect(await verifyDomainChallenge(c, resolver, NOW + 5)).toEqual({
      status: "verified",
      domain: "acme.com",
      verifiedAt: NOW + 5,
      partnerId: "acme",
    });
    expect(seen).toEqual(["_partner-access.acme.com"]);
  });

  it("trims whitespace around the record", async () => {
    const v = await verifyDomainChallenge(c, async () => [[`  ${c.recordValue}\n`]], NOW);
    expect(v.status).toBe("verified");
  });

  it("reports a wrong token with what was found", async () => {
    const wrong = "partner-access-verification=AAAAAAAAAAAAAAAAAAAAAA";
    expect(await verifyDomainChallenge(c, async () => [[wrong], ["other"]], NOW)).toEqual({
      status: "record_not_found",
      domain: "acme.com",
      recordName: "_partner-access.acme.com",
      found: [wrong, "other"],
    });
    const none = await verifyDomainChallenge(c, async () => [], NOW);
    expect(none).toMatchObject({ status: "record_not_found", found: [] });
  });

  it("never calls the resolver for an expired challenge", async () => {
    let calls = 0;
    const resolver = async () => {
      calls += 1;
      return [[c.recordValue]];
    };
    expect(await verifyDomainChallenge(c, resolver, c.expiresAt)).toEqual({
      status: "expired",
      domain: "acme.com",
      expiresAt: c.expiresAt,
    });
    expect(calls).toBe(0);
  });

  it("reports a resolver that throws, rejects or answers garbage", async () => {
    const boom = new Error("SERVFAIL");
    const resolvers: unknown[] = [
      () => {
        throw boom;
      },
      async () => {
        throw boom;
      },
      async () => "text",
      async () => [["ok"], "not a record"],
      async () => [[1]],
      async () => null,
      () => ({
        // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the point
        then() {
          throw boom;
        },
      }),
      "not a function",
    ];
    for (const resolver of resolvers) {
      const v = await verifyDomainChallenge(c, resolver as never, NOW);
      expect(v.status).toBe("resolver_failed");
    }
    const thrown = await verifyDomainChallenge(
      c,
      () => {
        throw boom;
      },
      NOW,
    );
    expect(thrown).toEqual({ status: "resolver_failed", domain: "acme.com", cause: boom });
  });

  it("refuses a tampered challenge or a bad time without asking the resolver", async () => {
    let calls = 0;
    const resolver = async () => {
      calls += 1;
      return [];
    };
    const tampered: unknown[] = [
      null,
      { ...c, recordName: "_partner-access.evil.com" },
      { ...c, recordValue: "partner-access-verification=short" },
      { ...c, domain: 42 },
      { ...c, expiresAt: "soon" },
      Object.create(c),
    ];
    for (const t of tampered) {
      const v = await verifyDomainChallenge(t as never, resolver, NOW);
      expect(v.status).toBe("invalid_input");
    }
    const badNow = await verifyDomainChallenge(c, resolver, Number.NaN);
    expect(badNow).toMatchObject({
      status: "invalid_input",
      issue: { code: "invalid_timestamp", path: ["now"] },
    });
    expect(calls).toBe(0);
  });

  it("never rejects, whatever it is given", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything(),
        fc.anything(),
        fc.anything(),
        async (challenge, answer, now) => {
          const v = await verifyDomainChallenge(
            challenge as never,
            async () => answer as never,
            now as never,
          );
          expect(typeof v.status).toBe("string");
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// Every refusal whole, each limit on both sides, and each optional field
// present only when it was given.
describe("createDomainChallenge: every refusal whole, at its edges", () => {
  const MAX_TIMESTAMP = 8_640_000_000_000_000;
  const DURATION =
    "ttlMs must be a positive whole number of milliseconds, and the expiry a time a Date can hold.";

  it("has no partnerId key when no partner was named", () => {
    const c = challengeOf("acme.com");
    expect(c).toStrictEqual({
      domain: "acme.com",
      recordName: "_partner-access.acme.com",
      recordValue: "partner-access-verification=ABEiM0RVZneImaq7zN3u_w",
      issuedAt: NOW,
      expiresAt: NOW + DEFAULT_DOMAIN_CHALLENGE_TTL_MS,
    });
    expect(Object.keys(c)).not.toContain("partnerId");
    expect(challengeOf("acme.com", { partnerId: undefined })).toStrictEqual(c);
    expect(challengeOf("acme.com", { partnerId: "acme", ttlMs: 1 })).toStrictEqual({
      ...c,
      expiresAt: NOW + 1,
      partnerId: "acme",
    });
  });

  it("takes an expiry of exactly the largest time a Date holds, not one millisecond more", () => {
    expect(challengeOf("acme.com", { ttlMs: MAX_TIMESTAMP - NOW }).expiresAt).toBe(MAX_TIMESTAMP);
    expect(new Date(MAX_TIMESTAMP).getTime()).toBe(MAX_TIMESTAMP);
    expect(createDomainChallenge("acme.com", { now: NOW, ttlMs: MAX_TIMESTAMP - NOW + 1 })).toEqual(
      {
        ok: false,
        error: {
          code: "invalid_duration",
          message: DURATION,
          path: ["options", "ttlMs"],
          input: MAX_TIMESTAMP - NOW + 1,
        },
      },
    );
    // From the latest time itself, no duration is left.
    expect(createDomainChallenge("acme.com", { now: MAX_TIMESTAMP, ttlMs: 1 })).toMatchObject({
      ok: false,
      error: { code: "invalid_duration", input: 1 },
    });
    // From the earliest time, the longest duration a safe integer holds fits.
    const earliest = createDomainChallenge("acme.com", {
      now: -MAX_TIMESTAMP,
      ttlMs: Number.MAX_SAFE_INTEGER,
      randomBytes: fixedBytes,
    });
    expect(earliest.ok && earliest.value.expiresAt).toBe(-MAX_TIMESTAMP + Number.MAX_SAFE_INTEGER);
  });

  it("takes a duration of 1 ms, and refuses 0, negative, fractional, unsafe and non-numbers", () => {
    expect(challengeOf("acme.com", { ttlMs: 1 }).expiresAt).toBe(NOW + 1);
    for (const ttlMs of [
      0,
      -0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      2 ** 53,
      "1",
      1n,
      {},
    ]) {
      expect(
        createDomainChallenge("acme.com", { now: NOW, ttlMs } as never),
        String(ttlMs),
      ).toEqual({
        ok: false,
        error: {
          code: "invalid_duration",
          message: DURATION,
          path: ["options", "ttlMs"],
          input: ttlMs,
        },
      });
    }
  });

  it("refuses options, now and partnerId whole", () => {
    expect(createDomainChallenge("acme.com", null as never)).toEqual({
      ok: false,
      error: {
        code: "invalid_record",
        message: "The options must be an object with now.",
        path: ["options"],
        input: null,
      },
    });
    expect(createDomainChallenge("acme.com", { now: 1.5 })).toEqual({
      ok: false,
      error: {
        code: "invalid_timestamp",
        message:
          "A time must be a whole number of milliseconds since 1970-01-01 UTC that a Date can hold.",
        path: ["options", "now"],
        input: 1.5,
      },
    });
    for (const partnerId of ["", 7, null]) {
      expect(createDomainChallenge("acme.com", { now: NOW, partnerId } as never)).toEqual({
        ok: false,
        error: {
          code: "invalid_partner_id",
          message: "A partnerId is a non-empty string.",
          path: ["options", "partnerId"],
          input: partnerId,
        },
      });
    }
  });

  it("reads sharedDomains only when given: undefined is the default list", () => {
    expect(
      createDomainChallenge("gmail.com", { now: NOW, sharedDomains: undefined } as never),
    ).toMatchObject({
      ok: false,
      error: { code: "shared_domain", domain: "gmail.com", listedAs: "gmail.com" },
    });
    const own = createDomainChallenge("gmail.com", {
      now: NOW,
      randomBytes: fixedBytes,
      sharedDomains: { replace: [] },
    });
    expect(own.ok && own.value.domain).toBe("gmail.com");
  });

  it("says why the random source failed, with what it threw or a TypeError", () => {
    const boom = new Error("no entropy");
    expect(
      createDomainChallenge("acme.com", {
        now: NOW,
        randomBytes: () => {
          throw boom;
        },
      }),
    ).toEqual({
      ok: false,
      error: {
        code: "random_source_failed",
        message: "No random bytes could be had for the challenge's token.",
        cause: boom,
      },
    });
    for (const bytes of [
      new Uint8Array(15),
      new Uint8Array(17),
      new Uint16Array(16),
      "x".repeat(16),
    ]) {
      const r = createDomainChallenge("acme.com", { now: NOW, randomBytes: () => bytes as never });
      expect(r.ok).toBe(false);
      if (r.ok || r.error.code !== "random_source_failed") continue;
      expect(r.error.cause).toBeInstanceOf(TypeError);
      expect((r.error.cause as Error).message).toBe(
        "randomBytes(16) must return 16 bytes in a Uint8Array.",
      );
    }
  });
});

describe("verifyDomainChallenge: every outcome whole", () => {
  const c = challengeOf("acme.com", { partnerId: "acme" });
  const anonymous = challengeOf("acme.com");
  const found = async () => [[c.recordValue]];

  it("has no partnerId key in a verification of a challenge without a partner", async () => {
    const v = await verifyDomainChallenge(anonymous, found, NOW);
    expect(v).toStrictEqual({ status: "verified", domain: "acme.com", verifiedAt: NOW });
    expect(Object.keys(v)).not.toContain("partnerId");
    const withUndefined = { ...anonymous, partnerId: undefined };
    expect(await verifyDomainChallenge(withUndefined as never, found, NOW)).toStrictEqual(v);
    expect(await verifyDomainChallenge(c, found, -0)).toStrictEqual({
      status: "verified",
      domain: "acme.com",
      verifiedAt: 0,
      partnerId: "acme",
    });
  });

  it("is valid up to the millisecond before expiresAt", async () => {
    expect(await verifyDomainChallenge(c, found, c.expiresAt - 1)).toMatchObject({
      status: "verified",
    });
    expect(await verifyDomainChallenge(c, found, c.expiresAt)).toEqual({
      status: "expired",
      domain: "acme.com",
      expiresAt: c.expiresAt,
    });
  });

  it("refuses each tampered field whole, with its path", async () => {
    const resolver = async () => [[c.recordValue]];
    const invalid = async (challenge: unknown) =>
      verifyDomainChallenge(challenge as DomainChallenge, resolver, NOW);
    const record = (path: (string | number)[], input: unknown, message: string) => ({
      status: "invalid_input",
      issue: { code: "invalid_record", message, path: ["challenge", ...path], input },
    });
    const NOT_OURS = "The challenge must be what createDomainChallenge returned.";
    expect(await invalid(null)).toEqual(record([], null, NOT_OURS));
    expect(await invalid({ ...c, domain: "" })).toEqual(
      record(["domain"], "", "The challenge has no domain."),
    );
    expect(await invalid({ ...c, domain: 42 })).toEqual(
      record(["domain"], 42, "The challenge has no domain."),
    );
    expect(await invalid({ ...c, recordName: "_partner-access.evil.com" })).toEqual(
      record(
        ["recordName"],
        "_partner-access.evil.com",
        "The challenge's record name must be _partner-access.acme.com.",
      ),
    );
    const VALUE =
      "The challenge's value must be partner-access-verification= and a 22-character token.";
    const token = c.recordValue.slice("partner-access-verification=".length);
    for (const recordValue of [
      42,
      `partner-access-verification=${token.slice(1)}`,
      `${c.recordValue}A`,
      `partner-access-verification=${token.slice(1)}=`,
      `x${c.recordValue}`,
      token,
    ]) {
      expect(await invalid({ ...c, recordValue }), String(recordValue)).toEqual(
        record(["recordValue"], recordValue, VALUE),
      );
    }
    const TIME =
      "A time must be a whole number of milliseconds since 1970-01-01 UTC that a Date can hold.";
    expect(await invalid({ ...c, issuedAt: "then" })).toEqual({
      status: "invalid_input",
      issue: {
        code: "invalid_timestamp",
        message: TIME,
        path: ["challenge", "issuedAt"],
        input: "then",
      },
    });
    expect(await invalid({ ...c, expiresAt: 1.5 })).toEqual({
      status: "invalid_input",
      issue: {
        code: "invalid_timestamp",
        message: TIME,
        path: ["challenge", "expiresAt"],
        input: 1.5,
      },
    });
    for (const partnerId of ["", 7]) {
      expect(await invalid({ ...c, partnerId })).toEqual({
        status: "invalid_input",
        issue: {
          code: "invalid_partner_id",
          message: "A partnerId is a non-empty string.",
          path: ["challenge", "partnerId"],
          input: partnerId,
        },
      });
    }
    expect(await verifyDomainChallenge(c, resolver, 1.5)).toEqual({
      status: "invalid_input",
      issue: { code: "invalid_timestamp", message: TIME, path: ["now"], input: 1.5 },
    });
  });

  it("says what the resolver did wrong", async () => {
    const notAFunction = await verifyDomainChallenge(c, "dns" as never, NOW);
    expect(notAFunction).toMatchObject({ status: "resolver_failed", domain: "acme.com" });
    if (notAFunction.status !== "resolver_failed") return;
    expect(notAFunction.cause).toBeInstanceOf(TypeError);
    expect((notAFunction.cause as Error).message).toBe(
      "resolveTxt must be a function that returns the TXT records of a name.",
    );
    for (const answer of [null, "x", [["ok"], "x"], [[1]], [["a", null]]]) {
      const v = await verifyDomainChallenge(c, async () => answer as never, NOW);
      expect(v, JSON.stringify(answer)).toMatchObject({
        status: "resolver_failed",
        domain: "acme.com",
      });
      if (v.status !== "resolver_failed") continue;
      expect(v.cause).toBeInstanceOf(TypeError);
      expect((v.cause as Error).message).toBe(
        "The resolver must answer a list of records, each a list of strings.",
      );
    }
  });

  it("joins the chunks of each record, not the records together", async () => {
    const half = c.recordValue.length / 2;
    const split = [[c.recordValue.slice(0, half)], [c.recordValue.slice(half)]];
    expect(await verifyDomainChallenge(c, async () => split, NOW)).toEqual({
      status: "record_not_found",
      domain: "acme.com",
      recordName: "_partner-access.acme.com",
      found: [c.recordValue.slice(0, half), c.recordValue.slice(half)],
    });
    expect(await verifyDomainChallenge(c, async () => [[]], NOW)).toEqual({
      status: "record_not_found",
      domain: "acme.com",
      recordName: "_partner-access.acme.com",
      found: [""],
    });
  });
});
