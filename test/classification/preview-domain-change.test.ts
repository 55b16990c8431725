import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyUser } from "../../src/classification/classify-user.js";
import { partnerSeatEligibility } from "../../src/classification/partner-seat.js";
import { previewDomainChange } from "../../src/classification/preview-domain-change.js";
import type { Partner, PartnerUser } from "../../src/model.js";

const acme: Partner = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] };
const users: PartnerUser[] = [
  { partnerId: "acme", email: "jane@acme.com", tagged: true },
  { partnerId: "acme", email: "max@acme.com", tagged: false },
  { partnerId: "acme", email: "jo@acme.io", tagged: true },
  { partnerId: "acme", email: "li@acme.io", tagged: true },
  { partnerId: "acme", email: "sam@gmail.com", tagged: true },
];

describe("previewDomainChange", () => {
  it("from acme.com to acme.io: who loses and gains recognition and seats", () => {
    const r = previewDomainChange(acme, ["ACME.io"], users);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.domains).toEqual({ added: ["acme.io"], removed: ["acme.com"], kept: [] });
    expect(p.recognitionLost.map((c) => c.user.email)).toEqual(["jane@acme.com", "max@acme.com"]);
    expect(p.recognitionLost[0]).toEqual({
      user: users[0],
      before: { kind: "domain_match", matchedDomain: "acme.com" },
      after: { kind: "client_access_manager", reason: "different_domain" },
    });
    expect(p.recognitionGained.map((c) => [c.user.email, c.after])).toEqual([
      ["jo@acme.io", { kind: "domain_match", matchedDomain: "acme.io" }],
      ["li@acme.io", { kind: "domain_match", matchedDomain: "acme.io" }],
    ]);
    expect(p.seatsLost).toEqual([users[0]]); // max is not tagged: no seat before either
    expect(p.seatsGained).toEqual([users[2], users[3]]);
    expect(p.unchanged).toBe(1); // sam, on a shared domain
    expect(p.warning).toBeNull();
  });

  it("adding a domain keeps the old one and warns when most users are elsewhere", () => {
    const r = previewDomainChange(acme, ["acme.com", "acme-old.com"], users);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.domains).toEqual({ added: ["acme-old.com"], removed: [], kept: ["acme.com"] });
    expect(r.value.recognitionGained).toEqual([]);
    expect(r.value.warning?.code).toBe("suggested_domain_not_set");
    expect(r.value.warning?.suggestion.domain).toBe("acme.io");
  });

  it("refuses gmail.com and another partner's domain, all at once", () => {
    const claims = [
      { partnerId: "rival", domain: "rival.io", claimedAt: 1 },
      { partnerId: "acme", domain: "acme.com", claimedAt: 1 },
    ];
    const r = previewDomainChange(
      acme,
      ["gmail.com", "acme.com", "Rival.io", "co.uk", "not a domain"],
      users,
      {
        claims,
      },
    );
    expect(r.ok).toBe(false);
    if (r.ok || r.error.code !== "domain_change_refused") return;
    expect(r.error.problems.map((p) => [p.index, p.path, p.issue.code])).toEqual([
      [0, ["nextDomains", 0], "shared_domain"],
      [2, ["nextDomains", 2], "domain_claimed_by_another_partner"],
      [3, ["nextDomains", 3], "public_suffix"],
      [4, ["nextDomains", 4], "invalid_character"],
    ]);
    expect(r.error.problems[1]?.issue).toMatchObject({
      domain: "rival.io",
      holder: { partnerId: "rival", domain: "rival.io", claimedAt: 1, matchSubdomains: false },
      input: "Rival.io",
    });
  });

  it("refuses overlaps through subdomain matching, in both directions", () => {
    const above = previewDomainChange(acme, ["eu.rival.io"], [], {
      claims: [{ partnerId: "rival", domain: "rival.io", claimedAt: 1, matchSubdomains: true }],
    });
    expect(
      !above.ok && above.error.code === "domain_change_refused" && above.error.problems[0]?.issue,
    ).toMatchObject({
      code: "domain_claimed_by_another_partner",
      domain: "rival.io",
    });
    const notMatching = previewDomainChange(acme, ["eu.rival.io"], [], {
      claims: [{ partnerId: "rival", domain: "rival.io", claimedAt: 1 }],
    });
    expect(notMatching.ok).toBe(true);
    const below = previewDomainChange({ ...acme, matchSubdomains: true }, ["shared-host.com"], [], {
      claims: [{ partnerId: "rival", domain: "eu.shared-host.com", claimedAt: 1 }],
    });
    expect(
      !below.ok && below.error.code === "domain_change_refused" && below.error.problems[0]?.issue,
    ).toMatchObject({
      domain: "shared-host.com",
      holder: { partnerId: "rival", domain: "eu.shared-host.com" },
    });
    const belowWithout = previewDomainChange(acme, ["shared-host.com"], [], {
      claims: [{ partnerId: "rival", domain: "eu.shared-host.com", claimedAt: 1 }],
    });
    expect(belowWithout.ok).toBe(true);
  });

  it("honours sharedDomains options", () => {
    const r = previewDomainChange(acme, ["acme.com"], [], { sharedDomains: { add: ["acme.com"] } });
    expect(
      !r.ok && r.error.code === "domain_change_refused" && r.error.problems[0]?.issue.code,
    ).toBe("shared_domain");
  });

  it("refuses malformed arguments with a path", () => {
    const cases: [unknown, unknown, unknown, string, (string | number)[]][] = [
      [null, [], [], "invalid_record", ["partner"]],
      [{ ...acme, partnerId: "" }, [], [], "invalid_partner_id", ["partner", "partnerId"]],
      [acme, "acme.com", [], "invalid_list", ["nextDomains"]],
      [acme, [], 42, "invalid_list", ["users"]],
    ];
    for (const [partner, next, list, code, path] of cases) {
      const r = previewDomainChange(partner as never, next as never, list as never);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe(code);
      expect("path" in r.error && r.error.path).toEqual(path);
    }
  });

  const domainArb = fc.constantFrom(
    "acme.com",
    "acme.io",
    "eu.acme.com",
    "northwind.io",
    "gmail.com",
  );
  const userArb = fc.record({
    partnerId: fc.constantFrom("acme", "other"),
    email: fc.tuple(fc.constantFrom("a", "b", "c"), domainArb).map(([l, d]) => `${l}@${d}`),
    tagged: fc.boolean(),
    inPartnerAccount: fc.boolean(),
  });
  const partnerArb = fc.record({
    partnerId: fc.constant("acme"),
    program: fc.constant("partner" as const),
    employeeDomains: fc.uniqueArray(
      fc.constantFrom("acme.com", "acme.io", "eu.acme.com", "northwind.io"),
      {
        maxLength: 3,
      },
    ),
    matchSubdomains: fc.boolean(),
  });

  it("property: previewing the partner's own domains reports no change", () => {
    fc.assert(
      fc.property(partnerArb, fc.array(userArb, { maxLength: 10 }), (partner, list) => {
        const r = previewDomainChange(partner, partner.employeeDomains, list);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.domains).toEqual({ added: [], removed: [], kept: partner.employeeDomains });
        expect(r.value.recognitionGained).toEqual([]);
        expect(r.value.recognitionLost).toEqual([]);
        expect(r.value.seatsGained).toEqual([]);
        expect(r.value.seatsLost).toEqual([]);
        expect(r.value.unchanged).toBe(list.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: after applying the previewed domains, classifyUser agrees with the preview", () => {
    fc.assert(
      fc.property(
        partnerArb,
        fc.uniqueArray(fc.constantFrom("acme.com", "acme.io", "eu.acme.com", "northwind.io"), {
          maxLength: 3,
        }),
        fc.array(userArb, { maxLength: 10 }),
        (partner, next, list) => {
          const r = previewDomainChange(partner, next, list);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const applied = { ...partner, employeeDomains: next };
          for (const change of [...r.value.recognitionGained, ...r.value.recognitionLost]) {
            expect(classifyUser(change.user.email, applied)).toEqual(change.after);
            expect(classifyUser(change.user.email, partner)).toEqual(change.before);
          }
          const changed = new Set(
            [...r.value.recognitionGained, ...r.value.recognitionLost].map((c) => c.user),
          );
          for (const user of list) {
            const before = classifyUser(user.email, partner).kind === "domain_match";
            const after = classifyUser(user.email, applied).kind === "domain_match";
            expect(changed.has(user)).toBe(before !== after);
            const seatBefore = partnerSeatEligibility(user, partner).eligible;
            const seatAfter = partnerSeatEligibility(user, applied).eligible;
            expect(r.value.seatsGained.includes(user)).toBe(seatAfter && !seatBefore);
            expect(r.value.seatsLost.includes(user)).toBe(seatBefore && !seatAfter);
          }
          expect(r.value.unchanged).toBe(list.length - changed.size);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (p, n, u, o) => {
        const r = previewDomainChange(p as never, n as never, u as never, o as never);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });
});

describe("previewDomainChange: loosely shaped input", () => {
  const users = [{ email: "jane@acme.com", status: "active" }] as never[];

  it("reads a partner without a list of domains as having none", () => {
    const r = previewDomainChange({ partnerId: "acme" } as never, ["acme.com"], users);
    expect(r.ok && r.value.domains).toEqual({ added: ["acme.com"], removed: [], kept: [] });
  });

  it("reads holes in the domain lists as absent domains", () => {
    const current = ["acme.com"];
    current[2] = "acme.io";
    const next: string[] = [];
    next[1] = "acme.io";
    const r = previewDomainChange(
      { partnerId: "acme", employeeDomains: current } as never,
      next,
      users,
    );
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.code === "domain_change_refused") {
      expect(r.error.problems.map((p) => p.index)).toEqual([0]);
    }
    const kept = previewDomainChange(
      { partnerId: "acme", employeeDomains: current } as never,
      ["acme.io"],
      users,
    );
    expect(kept.ok && kept.value.domains).toEqual({
      added: [],
      removed: ["acme.com"],
      kept: ["acme.io"],
    });
  });

  it("reads a domain claimed twice, two claims under one domain, and a next domain given twice", () => {
    const claims = [
      { partnerId: "rival", domain: "eu.host.io", claimedAt: 1 },
      { partnerId: "rival", domain: "EU.host.io", claimedAt: 2 },
      { partnerId: "rival", domain: "us.host.io", claimedAt: 1 },
    ];
    const held = previewDomainChange(
      { ...acme, matchSubdomains: true },
      ["eu.host.io", "host.io"],
      [],
      {
        claims,
      },
    );
    expect(
      !held.ok &&
        held.error.code === "domain_change_refused" &&
        held.error.problems.map((p) => "holder" in p.issue && p.issue.holder.partnerId),
    ).toEqual(["rival", "rival"]);
    const twice = previewDomainChange(acme, ["acme.io", "ACME.io", "acme.com"], users);
    expect(twice.ok && twice.value.domains).toEqual({
      added: ["acme.io"],
      removed: [],
      kept: ["acme.com"],
    });
  });

  it("ignores a claim whose domain does not parse", () => {
    const claims = [
      { partnerId: "rival", domain: "not a domain", claimedAt: 0 },
      { partnerId: "rival", domain: "acme.io", claimedAt: 0 },
    ];
    const r = previewDomainChange(
      { partnerId: "acme", employeeDomains: ["acme.com"] } as never,
      ["acme.com"],
      users,
      { claims },
    );
    expect(r.ok && r.value.domains.kept).toEqual(["acme.com"]);
  });
});
