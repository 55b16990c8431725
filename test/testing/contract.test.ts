import { describe, expect, it } from "vitest";
import type { Activity } from "../../src/model.js";
import { findClaimOverlap } from "../../src/ports/domain-claims.js";
import type {
  DomainClaimInput,
  DomainClaimRecord,
  PartnerAccessRepository,
  RepositoryTransaction,
} from "../../src/ports/repository.js";
import {
  createInMemoryRepository,
  type InMemoryRepository,
  RepositoryContractViolation,
  repositoryContract,
} from "../../src/testing/index.js";

// The contract must be able to fail: each broken repository below breaks one
// rule, and the cases of that rule must reject with a violation.

type Tx = RepositoryTransaction;
type Methods = Record<keyof Tx, (...args: never[]) => Promise<unknown>>;

const OPTIONS = { contenders: 4, rounds: 6 };

// The names of the cases that reject: with a violation, or with the broken
// store's own error (a wrapper below may trip over the garbage a case sends).
async function failures(factory: () => PartnerAccessRepository): Promise<string[]> {
  const failed: string[] = [];
  for (const c of repositoryContract(factory, OPTIONS)) {
    try {
      await c.run();
    } catch {
      failed.push(c.name);
    }
  }
  return failed;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const NAMES = Object.keys(createInMemoryRepository()).filter(
  (k) => !["transaction", "snapshot", "initialIssues"].includes(k),
) as (keyof Tx)[];

// Replaces some methods, on the repository and inside its transactions;
// `setup` runs once per repository (for state the replacements share).
function overriding(
  make: (base: Tx) => Partial<Tx>,
  setup?: () => (base: Tx) => Partial<Tx>,
): () => PartnerAccessRepository {
  return () => {
    const inner = createInMemoryRepository();
    if (setup !== undefined) make = setup();
    return {
      ...inner,
      ...make(inner),
      transaction: (fn) => inner.transaction((tx) => fn({ ...tx, ...make(tx) })),
    };
  };
}

// A store without isolation: a transaction runs its unit on the plain
// methods (others see its writes at once, nothing is serialised), and a
// rejected unit is undone by putting back a snapshot.
function unisolated(make: (base: Tx) => Partial<Tx> = () => ({})): () => PartnerAccessRepository {
  return () => {
    let current: InMemoryRepository = createInMemoryRepository();
    const plain = {} as Methods;
    for (const name of NAMES) {
      plain[name] = (...args: never[]) =>
        (current[name] as (...a: never[]) => Promise<unknown>)(...args);
    }
    const methods = { ...(plain as unknown as Tx), ...make(plain as unknown as Tx) };
    return {
      ...methods,
      transaction: async (fn) => {
        const before = current.snapshot();
        try {
          return await fn(methods);
        } catch (reason) {
          current = createInMemoryRepository({ initial: before });
          throw reason;
        }
      },
    };
  };
}

// Claims kept beside the repository, checked then written in two steps.
function claimsBeside(rule: "exact" | "overlap"): () => PartnerAccessRepository {
  return overriding(
    () => ({}),
    () => {
      const claims = new Map<string, DomainClaimRecord>();
      return () => ({
        claimDomain: async (input: DomainClaimInput) => {
          const claim = { ...input, matchSubdomains: input.matchSubdomains === true };
          const held =
            rule === "exact"
              ? (claims.get(claim.domain) ?? null)
              : findClaimOverlap(claim, claims.values());
          await tick();
          if (held !== null && held.partnerId !== claim.partnerId) {
            return { status: "held_by_other", holder: held };
          }
          claims.set(claim.domain, claim);
          return { status: "claimed", claim };
        },
        getDomainClaim: async (domain: string) => claims.get(domain) ?? null,
        listDomainClaims: async () =>
          [...claims.values()].sort((a, b) => (a.domain < b.domain ? -1 : 1)),
      });
    },
  );
}

// Checks, waits, then forces its write: the last writer wins.
const twoStepClaim = (base: Tx): Partial<Tx> => ({
  claimDomain: async (claim) => {
    const held = await base.getDomainClaim(claim.domain);
    await tick();
    if (held !== null) return base.claimDomain(claim);
    const now = await base.getDomainClaim(claim.domain);
    if (now !== null) await base.releaseDomain(claim.domain, now.partnerId);
    return base.claimDomain(claim);
  },
});

const twoStepLink = (base: Tx): Partial<Tx> => ({
  linkEmail: async (link) => {
    const key = link.email.toLowerCase();
    const held = await base.getEmailLink(link.clientId, key);
    await tick();
    if (held !== null) return base.linkEmail(link);
    const now = await base.getEmailLink(link.clientId, key);
    if (now !== null) await base.unlinkEmail(now);
    return base.linkEmail(link);
  },
});

const ignoringVersion = (base: Tx): Partial<Tx> => ({
  savePartner: async (partner) => {
    const current = await base.getPartner(partner.partnerId);
    return base.savePartner(partner, current?.version ?? null);
  },
});

// Pages by position in the list, as OFFSET does.
const offsetPaging = (base: Tx): Partial<Tx> => ({
  listActivities: async (period, options = {}) => {
    const all: Activity[] = [];
    let after: string | null = null;
    do {
      const page = await base.listActivities(period, { after, limit: 10_000 });
      if (page.status !== "page") return page;
      all.push(...page.activities);
      after = page.next;
    } while (after !== null);
    const from = Number(options.after ?? 0) || 0;
    const limit = options.limit ?? 1_000;
    const kept = all.filter(
      (a) => options.clientIds === undefined || options.clientIds.includes(a.clientId),
    );
    const next = from + limit < kept.length ? String(from + limit) : null;
    return { status: "page", activities: kept.slice(from, from + limit), next };
  },
});

const ANCESTOR_RACE =
  "concurrency: an ancestor matching subdomains and a descendant claimed at once, 6 times in both orders; never both";

describe("repositoryContract", () => {
  it("returns named cases, each with a run function", () => {
    const cases = repositoryContract(() => createInMemoryRepository());
    expect(cases.length).toBeGreaterThan(50);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.some((c) => c.name.includes("16 partners link one email"))).toBe(true);
    expect(
      repositoryContract(() => createInMemoryRepository(), { rounds: 3 }).map((c) => c.name),
    ).toContain(ANCESTOR_RACE.replace("6 times", "3 times"));
  });

  it("is passed by the in-memory repository", async () => {
    expect(await failures(() => createInMemoryRepository())).toEqual([]);
  });

  it("never throws on garbage: bad options are defaults, a missing factory fails each case", async () => {
    const cases = repositoryContract(null as never, 42 as never);
    expect(cases.length).toBe(repositoryContract(() => createInMemoryRepository()).length);
    await expect(cases[0]!.run()).rejects.toBeInstanceOf(RepositoryContractViolation);
  });
});

describe("repositoryContract catches a broken store, rule by rule", () => {
  it("a store missing a method of the port", async () => {
    const failed = await failures(() => {
      const { getLiveAssignment: _, ...rest } = createInMemoryRepository();
      return rest as unknown as PartnerAccessRepository;
    });
    expect(failed).toContain(
      "port: the repository and every transaction view have each method of the port",
    );
  });

  it("a link that checks and writes in two steps (a race)", async () => {
    const failed = await failures(overriding(twoStepLink));
    expect(failed).toContain(
      "concurrency: 4 partners link one email to one client at once; one wins, all others see it",
    );
  });

  it("transactions without isolation, each reading then linking in two steps", async () => {
    const failed = await failures(unisolated(twoStepLink));
    expect(failed).toContain(
      "concurrency: 4 transactions read, then link one email to one client; one holder",
    );
  });

  it("a domain claim that lets a second partner in", async () => {
    const failed = await failures(
      overriding((base) => ({
        claimDomain: async (claim) => {
          const r = await base.claimDomain(claim);
          return r.status === "held_by_other"
            ? { status: "claimed", claim: { ...claim, matchSubdomains: false } }
            : r;
        },
      })),
    );
    expect(failed).toContain("claimDomain: another partner is refused with the holder");
    expect(failed).toContain(
      "concurrency: 4 partners claim one domain at once; one wins, all others see it",
    );
  });

  it("transactions without isolation, each reading then claiming in two steps", async () => {
    const failed = await failures(unisolated(twoStepClaim));
    expect(failed).toContain("concurrency: 4 transactions read, then claim one domain; one holder");
  });

  it("claims compared as exact strings only, subdomain matching ignored", async () => {
    const failed = await failures(claimsBeside("exact"));
    expect(failed).toContain(
      "claimDomain: an ancestor matching subdomains and another partner's descendant never coexist, in either order",
    );
    expect(failed).toContain(ANCESTOR_RACE);
  });

  it("an overlap check and the claim made in two steps", async () => {
    const failed = await failures(claimsBeside("overlap"));
    expect(failed).not.toContain(
      "claimDomain: an ancestor matching subdomains and another partner's descendant never coexist, in either order",
    );
    expect(failed).toContain(ANCESTOR_RACE);
  });

  it("a change of matchSubdomains reported as nothing done", async () => {
    const failed = await failures(
      overriding((base) => ({
        claimDomain: async (claim) => {
          const r = await base.claimDomain(claim);
          return r.status === "updated" ? { status: "already_ours", claim: r.previous } : r;
        },
      })),
    );
    expect(failed).toContain(
      "claimDomain: changing matchSubdomains updates the claim, unless another partner holds a subdomain",
    );
  });

  it("another overlapping claim reported as the holder", async () => {
    const failed = await failures(
      overriding((base) => ({
        claimDomain: async (claim) => {
          const r = await base.claimDomain(claim);
          if (r.status !== "held_by_other") return r;
          const c = { ...claim, matchSubdomains: claim.matchSubdomains === true };
          const first = (await base.listDomainClaims()).find(
            (other) => findClaimOverlap(c, [other]) !== null,
          );
          return { status: "held_by_other", holder: first ?? r.holder };
        },
      })),
    );
    expect(failed).toContain(
      "claimDomain: the holder reported is the same domain, else the closest ancestor, else the first descendant",
    );
  });

  it("versioned writes that ignore the expected version (lost updates)", async () => {
    expect(await failures(overriding(ignoringVersion))).toContain(
      "savePartner: a stale version is refused and the newer write is not lost",
    );
    expect(await failures(unisolated(ignoringVersion))).toContain(
      "concurrency: 4 transactions read, change and write one partner; no update is lost",
    );
  });

  it("a repository that hands out its stored objects", async () => {
    const failed = await failures(() => {
      const inner = createInMemoryRepository();
      const stored = new Map<string, { value: never; version: number }>();
      return {
        ...inner,
        savePartner: async (partner, expected) => {
          const r = await inner.savePartner(partner, expected);
          if (r.status === "written") {
            stored.set(partner.partnerId, { value: partner as never, version: r.record.version });
          }
          return r;
        },
        getPartner: async (id) => stored.get(id) ?? null,
      } satisfies PartnerAccessRepository;
    });
    expect(failed).toContain("partners: stored values are copies, in and out");
  });

  it("filters that are ignored: partnerIds, keys, clientIds, activeIn", async () => {
    const failed = await failures(
      overriding((base) => ({
        listPartners: () => base.listPartners(),
        listUsers: (f) =>
          base.listUsers(f?.partnerId === undefined ? {} : { partnerId: f.partnerId }),
        listClients: () => base.listClients(),
        listAssignments: (f = {}) => {
          const { clientIds: _, activeIn: __, ...rest } = f;
          return base.listAssignments(rest);
        },
        listActivities: (period, o = {}) => {
          const { clientIds: _, ...rest } = o;
          return base.listActivities(period, rest);
        },
      })),
    );
    for (const name of [
      "listPartners: partnerIds reads only those partners, skipping unknown ids",
      "users: keyed by partner and email key; listUsers filters by partner and by keys, sorted",
      "putClient and listClients: upsert by clientId, sorted by clientId, or by ids",
      "listAssignments: every filter field must match; insertion order",
      "listAssignments: activeIn keeps those active at some instant of the period",
      "listActivities: clientIds keeps the activities of those clients",
    ]) {
      expect(failed).toContain(name);
    }
  });

  it("deleteUser without its version check", async () => {
    const failed = await failures(
      overriding((base) => ({
        deleteUser: async (partnerId, emailKey, expected) => {
          const current = await base.getUser(partnerId, emailKey);
          return base.deleteUser(partnerId, emailKey, current?.version ?? expected);
        },
      })),
    );
    expect(failed).toContain("deleteUser: deletes at the expected version only");
  });

  it("keys the store takes as the lower-cased address, not emailKey(email)", async () => {
    const failed = await failures(
      overriding((base) => ({
        saveUser: async (user, expected) => {
          const r = await base.saveUser(user, expected);
          const naive = String(user.email).trim().toLowerCase();
          return r.status === "written" ? { ...r, record: { ...r.record, emailKey: naive } } : r;
        },
        insertAssignment: async (assignment) => {
          const r = await base.insertAssignment(assignment);
          const naive = String(assignment.email).toLowerCase();
          return r.status === "inserted" ? { ...r, record: { ...r.record, emailKey: naive } } : r;
        },
      })),
    );
    expect(failed).toContain("keys: a user is stored under emailKey(email), computed by the store");
    expect(failed).toContain(
      "keys: assignments and email links are keyed by emailKey(email), computed by the store",
    );
  });

  it("records accepted though malformed", async () => {
    const failed = await failures(
      overriding((base) => ({
        saveUser: async (user, expected) => {
          const r = await base.saveUser(user, expected);
          if (r.status !== "invalid_record") return r;
          const record = { emailKey: String(user.email), value: user, version: 1 };
          return { status: "written", record };
        },
        claimDomain: async (claim) => {
          const r = await base.claimDomain(claim);
          if (r.status !== "invalid_record") return r;
          return { status: "claimed", claim: { ...claim, matchSubdomains: false } };
        },
      })),
    );
    expect(failed).toContain(
      "keys: a record whose address has no key is refused, and nothing is stored",
    );
    expect(failed).toContain(
      "invalid records: every write refuses a malformed record, with the issues, and writes nothing",
    );
  });

  it("an update that changes an assignment's identity or revives a removed one", async () => {
    const failed = await failures(
      overriding((base) => ({
        updateAssignment: async (id, assignment, expected) => {
          const r = await base.updateAssignment(id, assignment, expected);
          const current = await base.getAssignment(id);
          if (r.status !== "invalid_record" || current === null) return r;
          return {
            status: "written",
            record: { ...current, value: assignment, version: expected + 1 },
          };
        },
      })),
    );
    expect(failed).toContain(
      "updateAssignment: an assignment keeps its partner, client and key, and a removed or expired one its status",
    );
  });

  it("getLiveAssignment that returns history too", async () => {
    const failed = await failures(
      overriding((base) => ({
        getLiveAssignment: async (key) => (await base.listAssignments(key))[0] ?? null,
      })),
    );
    expect(failed).toContain(
      "getLiveAssignment: the pending or active assignment of one partner, client and key",
    );
  });

  it("activities paged by offset, or with repeats dropped", async () => {
    const name =
      "listActivities: following next returns every activity exactly once, even while others are recorded";
    expect(await failures(overriding(offsetPaging))).toContain(name);
    // a store that drops an activity it already has (a unique index on it)
    const deduped = await failures(
      overriding((base) => ({
        recordActivities: async (activities) => {
          const key = (a: Activity) => `${a.at}|${a.clientId}|${a.email}`;
          const seen = new Set<string>();
          let after: string | null = null;
          do {
            const page = await base.listActivities({ start: -8.64e15, end: 8.64e15 }, { after });
            if (page.status !== "page") break;
            for (const a of page.activities) seen.add(key(a));
            after = page.next;
          } while (after !== null);
          const fresh = Array.isArray(activities)
            ? activities.filter((a) => !seen.has(key(a)) && seen.add(key(a)) !== null)
            : activities;
          return base.recordActivities(fresh);
        },
      })),
    );
    expect(deduped).toContain(name);
  });

  it("a cursor the store did not give, taken as the start", async () => {
    const failed = await failures(
      overriding((base) => ({
        listActivities: (period, options = {}) =>
          base.listActivities(period, {
            ...options,
            after:
              typeof options.after === "string" && options.after.startsWith("m1:")
                ? options.after
                : null,
          }),
      })),
    );
    expect(failed).toContain("listActivities: a cursor the store did not give is refused");
  });

  it("a transaction that keeps no writes apart, or keeps some of a rejected unit", async () => {
    const none = await failures(() => {
      const inner = createInMemoryRepository();
      return { ...inner, transaction: (fn) => fn(inner) } satisfies PartnerAccessRepository;
    });
    expect(none).toContain(
      "transaction: a rejected unit keeps none of its writes, of every kind, and rethrows its reason",
    );
    const some = await failures(() => {
      const inner = createInMemoryRepository();
      return {
        ...inner,
        transaction: async (fn) => {
          const kept: Activity[][] = [];
          try {
            return await inner.transaction((tx) =>
              fn({
                ...tx,
                recordActivities: async (a) => {
                  kept.push([...a]);
                  return tx.recordActivities(a);
                },
              }),
            );
          } catch (reason) {
            for (const a of kept) await inner.recordActivities(a);
            throw reason;
          }
        },
      } satisfies PartnerAccessRepository;
    });
    expect(some).toEqual([
      "transaction: a rejected unit keeps none of its writes, of every kind, and rethrows its reason",
    ]);
  });

  it("a transaction whose reads do not see its own writes", async () => {
    const failed = await failures(() => {
      const inner = createInMemoryRepository();
      return {
        ...inner,
        transaction: (fn) =>
          inner.transaction((tx) => {
            const before = createInMemoryRepository({ initial: inner.snapshot() });
            return fn({ ...tx, getPartner: before.getPartner, listPartners: before.listPartners });
          }),
      } satisfies PartnerAccessRepository;
    });
    expect(failed).toContain("transaction: a unit reads its own writes before it commits");
  });

  it("transactions without isolation: dirty reads, and decisions on what changed meanwhile", async () => {
    const failed = await failures(unisolated());
    expect(failed).toContain(
      "transaction: nobody else sees the writes of a unit before it commits, nor ever those of a unit that rolls back",
    );
    expect(failed).toContain(
      "concurrency: what a transaction read with get… stays as read until it commits (6 rounds of assign against remove)",
    );
  });
});

// Found by the hostile-input suite: Error() turns its message into a
// string, which threw for an object without toString.
describe("RepositoryContractViolation", () => {
  it("keeps a string message and replaces any other", () => {
    expect(new RepositoryContractViolation("two winners").message).toBe("two winners");
    const odd = Object.create(null) as string;
    expect(new RepositoryContractViolation(odd).message).toBe("repository contract violated");
  });
});
