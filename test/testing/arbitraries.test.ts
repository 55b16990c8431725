import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { attributeManagedCredit } from "../../src/attribution/managed-credit.js";
import {
  detectDomainConflicts,
  detectEmailConflicts,
  parseEmailAddress,
  parsePartnerEmployeeDomain,
  schemas,
} from "../../src/index.js";
import type { Partner } from "../../src/model.js";
import { arbitraries, type Scenario } from "../../src/testing/index.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

describe("testing arbitraries", () => {
  it("emailDomain() yields canonical partner employee domains", () => {
    fc.assert(
      fc.property(arbitraries.emailDomain(), (d) => {
        expect(parsePartnerEmployeeDomain(d)).toEqual({ ok: true, value: d });
      }),
    );
  });

  it("emailAddress() yields valid addresses, on a given domain when asked", () => {
    fc.assert(
      fc.property(arbitraries.emailAddress(fc.constant("northwind.io")), (a) => {
        const r = parseEmailAddress(a);
        expect(r.ok && r.value.domain).toBe("northwind.io");
      }),
    );
  });
});

describe("testing arbitraries for every input type", () => {
  const valid = <T>(name: keyof typeof schemas, arb: fc.Arbitrary<T>) =>
    it(`${String(name)}() yields values schemas.${String(name)} accepts unchanged`, () => {
      fc.assert(
        fc.property(arb, (value) => {
          const r = schemas[name].safeParse(value);
          expect(r.success).toBe(true);
          expect(r.data).toEqual(value);
        }),
      );
    });

  valid("partner", arbitraries.partner());
  valid("partnerUser", arbitraries.partnerUser());
  valid("client", arbitraries.client());
  valid("assignment", arbitraries.assignment());
  valid("activity", arbitraries.activity());
  valid("period", arbitraries.period());
  valid("deal", arbitraries.deal());
  valid("tierThreshold", arbitraries.tierThreshold());
  valid("money", arbitraries.money());

  it("partner() can be pinned to a partnerId, and lists no domain twice", () => {
    fc.assert(
      fc.property(arbitraries.partner({ partnerId: fc.constant("acme") }), (p) => {
        expect(p.partnerId).toBe("acme");
        expect(new Set(p.employeeDomains).size).toBe(p.employeeDomains.length);
      }),
    );
  });

  it("assignment() carries the timestamp its status needs, and activatedAt ≥ assignedAt", () => {
    const statuses = new Set<string>();
    fc.assert(
      fc.property(arbitraries.assignment(), (a) => {
        statuses.add(a.status);
        if (a.status === "active") expect(a.activatedAt).toBeGreaterThanOrEqual(a.assignedAt);
        if (a.status === "pending_access") expect(a.activatedAt).toBeUndefined();
        if (a.status === "removed") expect(a.removedAt).toBeGreaterThanOrEqual(a.assignedAt);
        if (a.status === "expired") expect(a.expiresAt).toBeGreaterThanOrEqual(a.assignedAt);
      }),
    );
    expect([...statuses].sort()).toEqual(["active", "expired", "pending_access", "removed"]);
  });

  it("actor() yields partner actors with or without the permission", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraries.actor({ partnerId: fc.constant("acme") }), (a) => {
        expect(a.partnerId).toBe("acme");
        expect(a.userId).not.toBe("");
        expect(a.permissions.every((p) => p === "manage_partner_employees")).toBe(true);
        seen.add(`${a.superAdmin}/${a.permissions.length}`);
      }),
    );
    expect(seen.size).toBe(4);
  });

  it("scenario() yields coherent data that attributeManagedCredit accepts", () => {
    fc.assert(
      fc.property(arbitraries.scenario(), (s) => {
        const r = attributeManagedCredit(s);
        expect(r.ok ? "ok" : r.error.issues).toBe("ok");
        const ids = s.partners.map((p) => p.partnerId);
        expect(new Set(ids).size).toBe(ids.length);
        const domains = s.partners.flatMap((p) => p.employeeDomains);
        expect(new Set(domains).size).toBe(domains.length);
        expect(detectDomainConflicts(s.partners.flatMap(claimsOf))).toEqual([]);
      }),
    );
  });

  it("scenario() sometimes has an email conflict, a credited partner and an untagged user", () => {
    let conflicts = 0;
    let credited = 0;
    let untagged = 0;
    for (const s of fc.sample(arbitraries.scenario(), { numRuns: 300, seed: 42 })) {
      if (detectEmailConflicts(s.assignments).length > 0) conflicts++;
      const r = attributeManagedCredit(s);
      if (r.ok && r.value.decisions.some((d) => d.outcome === "credited")) credited++;
      if (s.users.some((u) => !u.tagged)) untagged++;
    }
    expect(conflicts).toBeGreaterThan(10);
    expect(credited).toBeGreaterThan(20);
    expect(untagged).toBeGreaterThan(50);
  });
});

function claimsOf(p: Partner) {
  return p.employeeDomains.map((domain) => ({
    partnerId: p.partnerId,
    domain,
    claimedAt: 0,
    ...(p.matchSubdomains === undefined ? {} : { matchSubdomains: p.matchSubdomains }),
  }));
}

describe("testing arbitraries take any options", () => {
  const hostileOptions = fc.anything({
    key: fc.oneof(fc.constantFrom("partnerId", "clientId", "email", "__proto__"), fc.string()),
    maxDepth: 2,
    withBigInt: true,
    withMap: true,
    withNullPrototype: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
  });

  it("never throws when built with odd options, and treats them as the defaults", () => {
    const builders = arbitraries as unknown as Record<
      string,
      (options?: unknown) => fc.Arbitrary<unknown>
    >;
    const names = Object.keys(builders).filter((name) => name !== "scenario");
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        hostileOptions,
        fc.integer(),
        (name, options, seed) => {
          const built = builders[name]!(options);
          const [odd] = fc.sample(built, { numRuns: 1, seed });
          const [plain] = fc.sample(builders[name]!(), { numRuns: 1, seed });
          // An option that is not an arbitrary is ignored: the same draw as without it.
          expect(odd).toEqual(plain);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("arbitraries.partner(null) is arbitraries.partner() (it threw before)", () => {
    expect(fc.sample(arbitraries.partner(null as never), { numRuns: 3, seed: 7 })).toEqual(
      fc.sample(arbitraries.partner(), { numRuns: 3, seed: 7 }),
    );
  });

  it("still uses an option that is an arbitrary", () => {
    expect(
      fc.sample(arbitraries.partner({ partnerId: fc.constant("acme") }), 5).map((p) => p.partnerId),
    ).toEqual(["acme", "acme", "acme", "acme", "acme"]);
  });
});

describe("arbitraries.scenario() exercises conflicts", () => {
  const rates = (samples: readonly Scenario[]) => {
    let conflict = 0;
    let contender = 0;
    for (const s of samples) {
      if (detectEmailConflicts(s.assignments).length > 0) conflict++;
      const r = attributeManagedCredit(s);
      expect(r.ok).toBe(true);
      if (r.ok && r.value.decisions.some((d) => d.outcome === "conflict_contender")) contender++;
    }
    return { conflict: conflict / samples.length, contender: contender / samples.length };
  };

  it("puts a conflict and a contender decision in at least a fifth of its samples by default", () => {
    const { conflict, contender } = rates(
      fc.sample(arbitraries.scenario(), { numRuns: 1_000, seed: 42 }),
    );
    expect(conflict).toBeGreaterThanOrEqual(0.2);
    expect(contender).toBeGreaterThanOrEqual(0.2);
  });

  it("follows its options: conflict rate, partners per client, sizes, shared addresses", () => {
    const always = fc.sample(
      arbitraries.scenario({ conflictRate: 1, partnersPerClient: 5, maxPartners: 8 }),
      {
        numRuns: 200,
        seed: 7,
      },
    );
    const withTwo = always.filter((s) => s.partners.length >= 2);
    // Every one holds the conflict; a contender whose pair another of its
    // assignments credits is credited, so a few have no contender decision.
    expect(rates(withTwo).conflict).toBe(1);
    expect(rates(withTwo).contender).toBeGreaterThanOrEqual(0.8);
    expect(Math.max(...always.map((s) => s.partners.length))).toBeLessThanOrEqual(8);
    expect(
      Math.max(
        ...always.flatMap((s) =>
          detectEmailConflicts(s.assignments).map((c) => c.contenders.length + 1),
        ),
      ),
    ).toBeGreaterThanOrEqual(3);
    const never = fc.sample(
      arbitraries.scenario({ conflictRate: 0, sharedAddresses: 0, maxClients: 1 }),
      { numRuns: 200, seed: 7 },
    );
    // Only partners without a domain still put users on a shared address.
    expect(rates(never).conflict).toBeLessThan(0.05);
    expect(never.every((s) => s.clients.length === 1)).toBe(true);
  });

  it("ignores options that are not numbers and clamps numbers out of range", () => {
    for (const options of [
      null,
      7,
      "x",
      { conflictRate: "high" },
      { maxPartners: -3, conflictRate: 9 },
      { maxClients: Number.NaN },
    ]) {
      const samples = fc.sample(arbitraries.scenario(options as never), { numRuns: 20, seed: 3 });
      for (const s of samples) expect(attributeManagedCredit(s).ok).toBe(true);
    }
  });
});
