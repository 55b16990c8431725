import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  checkEmailLink,
  detectEmailConflicts,
  type EmailConflict,
} from "../../src/conflicts/email-conflicts.js";
import { parseEmailAddress } from "../../src/domain/email-address.js";
import type { Assignment, Partner } from "../../src/model.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

// Small pools so that collisions, ties, case variants, plus tags and invalid
// addresses are frequent; a sprinkling of arbitrary values keeps the
// malformed-record path exercised.
const partnerIds = ["a", "b", "c", "B", "ab"];
const emails = [
  "jane@acme.com",
  "Jane@Acme.com",
  "JANE@ACME.COM.",
  " jane@acme.com ",
  "jane+x@acme.com",
  "max@gmail.com",
  "Max@Gmail.com",
  "bob@northwind.io",
  "not an email",
  "",
  "jane@com",
  "@acme.com",
];
const statuses = ["pending_access", "active", "removed", "expired"] as const;

const assignmentArb: fc.Arbitrary<Assignment> = fc.record({
  partnerId: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...partnerIds) }, fc.constant("")),
  clientId: fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 1, max: 2 }) },
    fc.constantFrom(0, -1, 1.5, Number.NaN, 2 ** 53),
  ),
  email: fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...emails) },
    fc.emailAddress(),
    fc.string(),
  ),
  status: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...statuses) }, fc.constant("paused")),
  assignedAt: fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 0, max: 4 }) },
    fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY),
  ),
}) as fc.Arbitrary<Assignment>;

const partnerArb: fc.Arbitrary<Partner> = fc.record({
  partnerId: fc.constantFrom(...partnerIds),
  program: fc.constantFrom("partner", "provider"),
  employeeDomains: fc.array(fc.constantFrom("northwind.io", "acme.com", "gmail.com", "com"), {
    maxLength: 2,
  }),
});
const partnersArb = fc.uniqueArray(partnerArb, { selector: (p) => p.partnerId });

// ---- naive quadratic oracle, independent of the implementation's maps ----

interface OracleLink {
  partnerId: string;
  clientId: number;
  email: string;
  local: string;
  key: string;
  assignedAt: number;
}

function oracleLinks(assignments: readonly Assignment[]): OracleLink[] {
  const out: OracleLink[] = [];
  for (const a of assignments) {
    if (a.status !== "active" && a.status !== "pending_access") continue;
    if (!Number.isSafeInteger(a.clientId) || a.clientId < 1) continue;
    if (typeof a.partnerId !== "string" || a.partnerId.length === 0) continue;
    if (!Number.isFinite(a.assignedAt)) continue;
    const parsed = parseEmailAddress(a.email);
    if (!parsed.ok) continue;
    const { local, key } = parsed.value;
    out.push({ ...a, local, key, assignedAt: a.assignedAt === 0 ? 0 : a.assignedAt });
  }
  return out;
}

const before = (x: OracleLink, y: OracleLink) =>
  x.assignedAt < y.assignedAt ||
  (x.assignedAt === y.assignedAt &&
    (x.partnerId < y.partnerId || (x.partnerId === y.partnerId && x.email < y.email)));

function oracleSuggestion(c: OracleLink, partners: readonly Partner[]) {
  const partner = partners.find((p) => p.partnerId === c.partnerId);
  if (partner === undefined) return { suggestedAddress: null, reason: "partner_unknown" };
  const primary = partner.employeeDomains[0];
  if (primary === undefined || primary === "") {
    return { suggestedAddress: null, reason: "partner_has_no_domain" };
  }
  const parsed = parseEmailAddress(`${c.local}@${primary}`);
  if (!parsed.ok) return { suggestedAddress: null, reason: "invalid_suggested_address" };
  if (parsed.value.key === c.key) {
    return { suggestedAddress: null, reason: "already_on_partner_domain" };
  }
  return { suggestedAddress: `${parsed.value.local}@${parsed.value.domain}` };
}

function oracle(assignments: readonly Assignment[], partners: readonly Partner[] = []) {
  const links = oracleLinks(assignments);
  const same = (x: OracleLink, y: OracleLink) => x.clientId === y.clientId && x.key === y.key;
  const conflicts = [];
  for (let i = 0; i < links.length; i++) {
    const first = links[i]!;
    if (links.slice(0, i).some((earlier) => same(earlier, first))) continue;
    const members = links.filter((l) => same(l, first));
    const ids = [...new Set(members.map((m) => m.partnerId))];
    if (ids.length < 2) continue;
    const parties = ids
      .map((id) =>
        members.filter((m) => m.partnerId === id).reduce((x, y) => (before(y, x) ? y : x)),
      )
      .sort((x, y) => (before(x, y) ? -1 : 1));
    const [holder, ...contenders] = parties.map((p) => ({
      partnerId: p.partnerId,
      email: p.email,
      assignedAt: p.assignedAt,
    }));
    conflicts.push({
      code: "email_linked_to_another_partner",
      clientId: first.clientId,
      email: first.key,
      holder,
      contenders,
      resolutions: [
        { kind: "ask_holder_to_remove_access", partnerId: holder!.partnerId },
        ...parties.slice(1).map((c) => ({
          kind: "use_partner_domain_address",
          partnerId: c.partnerId,
          ...oracleSuggestion(c, partners),
        })),
        { kind: "use_different_address" },
      ],
    });
  }
  return conflicts.sort((x, y) =>
    x.clientId !== y.clientId ? x.clientId - y.clientId : x.email < y.email ? -1 : 1,
  );
}

// The English messages are prose: compare everything else.
function withoutMessages(conflicts: readonly EmailConflict[]) {
  return conflicts.map(({ message: _m, resolutions, ...rest }) => ({
    ...rest,
    resolutions: resolutions.map(({ message: _r, ...r }) => r),
  }));
}

function keyOf(email: string): string | null {
  const parsed = parseEmailAddress(email);
  return parsed.ok ? parsed.value.key : null;
}

const dataArb = fc.tuple(fc.array(assignmentArb, { maxLength: 30, size: "medium" }), partnersArb);

describe("detectEmailConflicts properties", () => {
  it("agrees exactly with a naive quadratic oracle", () => {
    fc.assert(
      fc.property(dataArb, ([assignments, partners]) => {
        expect(withoutMessages(detectEmailConflicts(assignments, partners))).toEqual(
          oracle(assignments, partners),
        );
      }),
    );
  });

  it("does not depend on the order of the input", () => {
    const arb = dataArb.chain(([assignments, partners]) =>
      fc.tuple(
        fc.constant(assignments),
        fc.constant(partners),
        fc.shuffledSubarray(assignments, { minLength: assignments.length }),
        fc.shuffledSubarray(partners, { minLength: partners.length }),
      ),
    );
    fc.assert(
      fc.property(arb, ([assignments, partners, shuffled, shuffledPartners]) => {
        expect(detectEmailConflicts(shuffled, shuffledPartners)).toEqual(
          detectEmailConflicts(assignments, partners),
        );
      }),
    );
  });

  it("gives every conflict one holder and distinct contenders, all linking that client and key", () => {
    fc.assert(
      fc.property(dataArb, ([assignments, partners]) => {
        const live = oracleLinks(assignments);
        for (const conflict of detectEmailConflicts(assignments, partners)) {
          expect(conflict.contenders.length).toBeGreaterThanOrEqual(1);
          const parties = [conflict.holder, ...conflict.contenders];
          expect(new Set(parties.map((p) => p.partnerId)).size).toBe(parties.length);
          for (const party of parties) {
            expect(keyOf(party.email)).toBe(conflict.email);
            // Each party is one of the input's live assignments, as entered.
            expect(
              live.some(
                (l) =>
                  l.clientId === conflict.clientId &&
                  l.partnerId === party.partnerId &&
                  l.email === party.email &&
                  l.assignedAt === party.assignedAt,
              ),
            ).toBe(true);
          }
          for (const contender of conflict.contenders) {
            const h = conflict.holder;
            const holderFirst =
              h.assignedAt < contender.assignedAt ||
              (h.assignedAt === contender.assignedAt && h.partnerId < contender.partnerId);
            expect(holderFirst).toBe(true);
          }
          expect(conflict.resolutions.map((r) => r.kind)).toEqual([
            "ask_holder_to_remove_access",
            ...conflict.contenders.map(() => "use_partner_domain_address"),
            "use_different_address",
          ]);
        }
      }),
    );
  });

  it("leaves no conflict once every contender's assignments are removed", () => {
    fc.assert(
      fc.property(dataArb, ([assignments, partners]) => {
        const conflicts = detectEmailConflicts(assignments, partners);
        const losing = new Set(
          conflicts.flatMap((c) =>
            c.contenders.map((p) => JSON.stringify([c.clientId, c.email, p.partnerId])),
          ),
        );
        const rest = assignments.filter(
          (a) => !losing.has(JSON.stringify([a.clientId, keyOf(a.email), a.partnerId])),
        );
        expect(detectEmailConflicts(rest, partners)).toEqual([]);
        // The holders are untouched: each one still links its address alone.
        for (const c of conflicts) {
          expect(
            rest.some(
              (a) =>
                a.clientId === c.clientId &&
                a.partnerId === c.holder.partnerId &&
                keyOf(a.email) === c.email,
            ),
          ).toBe(true);
        }
      }),
    );
  });

  it("never throws, whatever the input", () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    const looseRecord = fc.record(
      {
        partnerId: fc.oneof(fc.constantFrom(...partnerIds), anything),
        clientId: fc.oneof(fc.integer({ min: 1, max: 2 }), anything),
        email: fc.oneof(fc.constantFrom(...emails), anything),
        status: fc.oneof(fc.constantFrom(...statuses), anything),
        assignedAt: fc.oneof(fc.integer({ min: 0, max: 2 }), anything),
        employeeDomains: fc.oneof(fc.array(fc.constantFrom("acme.com", "com")), anything),
      },
      { requiredKeys: [] },
    );
    const input = fc.oneof(anything, fc.array(fc.oneof(anything, looseRecord)));
    fc.assert(
      fc.property(input, input, input, (x, y, z) => {
        expect(Array.isArray(detectEmailConflicts(x as Assignment[], y as Partner[]))).toBe(true);
        expect(typeof checkEmailLink(x as Assignment[], y as Assignment, z as Partner).ok).toBe(
          "boolean",
        );
      }),
    );
  });
});

describe("checkEmailLink properties", () => {
  it("refuses a new link exactly when the whole data set would make its partner a contender", () => {
    const arb = fc.tuple(dataArb, assignmentArb).map(([[existing, partners], candidate]) => {
      // A new link comes after everything already stored.
      const latest = Math.max(0, ...existing.map((a) => a.assignedAt).filter(Number.isFinite));
      return { existing, partners, candidate: { ...candidate, assignedAt: latest + 1 } };
    });
    fc.assert(
      fc.property(arb, ({ existing, partners, candidate }) => {
        const contender = partners.find((p) => p.partnerId === candidate.partnerId);
        const result = checkEmailLink(existing, candidate, contender);
        const key = keyOf(candidate.email);
        const after = detectEmailConflicts([...existing, candidate], partners).find(
          (c) => c.clientId === candidate.clientId && c.email === key,
        );
        const refused =
          after?.contenders.some((p) => p.partnerId === candidate.partnerId) === true &&
          // The candidate's partner may already be a contender through an
          // older assignment; the check reports the candidate itself.
          oracleLinks([candidate]).length === 1;
        expect(result.ok).toBe(!refused);
        if (!result.ok && after !== undefined) {
          expect(result.error.holder).toEqual(after.holder);
          expect(result.error.email).toBe(after.email);
          expect(result.error.contenders).toEqual([
            {
              partnerId: candidate.partnerId,
              email: candidate.email,
              assignedAt: candidate.assignedAt,
            },
          ]);
          // When the candidate is its partner's earliest link, the whole
          // data set suggests the same domain address for it.
          const index = after.contenders.findIndex(
            (p) => p.partnerId === candidate.partnerId && p.email === candidate.email,
          );
          if (index !== -1) {
            expect(result.error.resolutions[1]).toEqual(after.resolutions[index + 1]);
          }
        }
      }),
    );
  });
});

// The detector's group table is sized for an array, and starts small and
// doubles for any other iterable; client ids fill
// 53 bits. Inputs here are large (up to 1,500 records, hundreds of groups)
// and client ids share their low or high 32 bits, so growth and the mixing
// of both halves are exercised. They are derived from a generated seed (a
// quadratic oracle, or 1,500 shrinkable records per run, would be too slow
// at 1,000 runs), and compared with the oracle's rules applied per group.
const HUGE_CLIENTS = [
  1,
  2,
  2 ** 32 + 1,
  2 ** 32 + 2,
  2 ** 33 + 1,
  2 ** 53 - 1,
  2 ** 53 - 2,
  4_294_967_295,
];

function seededAssignments(seed: number, n: number): Assignment[] {
  let state = seed >>> 0;
  const next = (below: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return (((t ^ (t >>> 14)) >>> 0) % below) as number;
  };
  const out: Assignment[] = [];
  for (let i = 0; i < n; i++) {
    const local = `u${next(40)}`;
    out.push({
      partnerId: partnerIds[next(partnerIds.length)]!,
      clientId: next(3) === 0 ? HUGE_CLIENTS[next(HUGE_CLIENTS.length)]! : 1 + next(60),
      email: next(2) === 0 ? `${local}@acme.com` : `${local.toUpperCase()}@ACME.com`,
      status: statuses[next(statuses.length)]!,
      assignedAt: next(5),
    });
  }
  return out;
}

function groupedOracle(assignments: readonly Assignment[]) {
  const groups = new Map<string, Assignment[]>();
  for (const assignment of assignments) {
    const [link] = oracleLinks([assignment]);
    if (link === undefined) continue;
    const group = `${link.clientId} ${link.key}`;
    const members = groups.get(group);
    if (members === undefined) groups.set(group, [assignment]);
    else members.push(assignment);
  }
  return [...groups.values()]
    .flatMap((members) => oracle(members))
    .sort((x, y) =>
      x.clientId !== y.clientId ? x.clientId - y.clientId : x.email < y.email ? -1 : 1,
    );
}

describe("detectEmailConflicts at scale", () => {
  it("agrees with the oracle per group on large inputs with 53-bit client ids", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 1_500 }), (seed, n) => {
        const assignments = seededAssignments(seed, n);
        const expected = groupedOracle(assignments);
        expect(withoutMessages(detectEmailConflicts(assignments))).toEqual(expected);
        // A generator has no length, so the table starts small and grows.
        const stream = (function* () {
          yield* assignments;
        })();
        expect(withoutMessages(detectEmailConflicts(stream))).toEqual(expected);
      }),
    );
  }, 30_000);
});
