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
