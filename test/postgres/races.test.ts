import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Partner } from "../../src/model.js";
import type { ClaimDomainOutcome, PartnerAccessRepository } from "../../src/ports/repository.js";
import { migratePostgresSchema } from "../../src/postgres/index.js";
import { unwrapOrThrow } from "../../src/result.js";
import { type ServerFixture, startPostgresFixture } from "./fixture.js";

// Races on a real PostgreSQL server with a pool of 20 connections, beyond
// the contract's cases: 50 contenders, 20 runs each, in a start order
// shuffled by a seeded generator, calls and transactions mixed.

const RUNS = 20;
const CONTENDERS = 50;
const T0 = Date.UTC(2026, 0, 1);

let fixture: ServerFixture;
let repository: PartnerAccessRepository;

beforeAll(async () => {
  fixture = await startPostgresFixture({ connections: 20 });
  // Deadlocks are found after deadlock_timeout (1 s by default).
  await fixture.pool.query("ALTER SYSTEM SET deadlock_timeout = '50ms'");
  await fixture.pool.query("SELECT pg_reload_conf()");
  repository = await fixture.emptyRepository();
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
}, 60_000);

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// mulberry32: a small seeded generator, so a failing order can be replayed.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Starts every task in the shuffled order at once and returns the outcomes
// in the original order.
async function race<T>(tasks: readonly (() => Promise<T>)[], seed: number): Promise<T[]> {
  const order = shuffled(
    tasks.map((task, i) => ({ task, i })),
    seed,
  );
  const out: T[] = new Array(tasks.length);
  await Promise.all(
    order.map(async ({ task, i }) => {
      out[i] = await task();
    }),
  );
  return out;
}

// Runs a race RUNS times, a few at once on different keys, so that one
// run's waits on its lock overlap another's work.
async function eachRun(run: (run: number) => Promise<void>, parallel = 4): Promise<void> {
  for (let first = 0; first < RUNS; first += parallel) {
    const batch = Array.from({ length: Math.min(parallel, RUNS - first) }, (_, i) => first + i);
    await Promise.all(batch.map(run));
  }
}

const partner = (partnerId: string, employeeDomains: string[] = []): Partner => ({
  partnerId,
  program: "partner",
  employeeDomains,
});
const ids = (n: number, run: number) => Array.from({ length: n }, (_, i) => `r${run}-p${i}`);

describe("postgres: transactions run side by side on a server", () => {
  it("a second transaction begins, writes and commits while the first is still open", async () => {
    const events: string[] = [];
    let opened = () => {};
    const aOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    let finished = () => {};
    const bFinished = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const a = repository.transaction(async (tx) => {
      await tx.savePartner(partner("side-a"), null);
      events.push("a wrote");
      opened();
      await bFinished;
      events.push("a commits");
    });
    await aOpen;
    await repository.transaction(async (tx) => {
      await tx.savePartner(partner("side-b"), null);
      events.push("b wrote");
    });
    events.push("b committed");
    // a is still open: its write is not visible, b's is
    expect(await repository.getPartner("side-a")).toBeNull();
    expect((await repository.getPartner("side-b"))?.version).toBe(1);
    finished();
    await a;
    expect(events).toEqual(["a wrote", "b wrote", "b committed", "a commits"]);
    expect((await repository.getPartner("side-a"))?.version).toBe(1);
  });

  it("a locking read makes a writer wait for the reader's commit; the writer then sees the new version", async () => {
    await repository.savePartner(partner("locked"), null);
    let read = () => {};
    const locked = new Promise<void>((resolve) => {
      read = resolve;
    });
    let go = () => {};
    const release = new Promise<void>((resolve) => {
      go = resolve;
    });
    const reader = repository.transaction(async (tx) => {
      const p = (await tx.getPartner("locked"))!;
      read();
      await release;
      return tx.savePartner({ ...p.value, employeeDomains: ["reader.io"] }, p.version);
    });
    await locked;
    const writer = repository.savePartner(partner("locked", ["writer.io"]), 1);
    // wait until the writer's UPDATE is blocked on the row lock
    let waiting = 0;
    for (let i = 0; i < 500 && waiting === 0; i++) {
      const r = await fixture.pool.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
      );
      waiting = r.rows[0].n;
      if (waiting === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(waiting).toBe(1);
    go();
    expect((await reader).status).toBe("written");
    expect(await writer).toMatchObject({
      status: "version_conflict",
      current: { version: 2, value: { employeeDomains: ["reader.io"] } },
    });
  });

  it("a deadlock is rolled back and its unit runs again, so both units commit", async () => {
    await repository.savePartner(partner("dl-1"), null);
    await repository.savePartner(partner("dl-2"), null);
    let arrived = 0;
    let both = () => {};
    const barrier = new Promise<void>((resolve) => {
      both = resolve;
    });
    let runs = 0;
    const crosswise = (first: string, second: string, domain: string) =>
      repository.transaction(async (tx) => {
        runs++;
        await tx.getPartner(first);
        if (++arrived === 2) both();
        await barrier;
        const p = (await tx.getPartner(second))!;
        return tx.savePartner(
          { ...p.value, employeeDomains: [...p.value.employeeDomains, domain] },
          p.version,
        );
      });
    const outcomes = await Promise.all([
      crosswise("dl-1", "dl-2", "one.io"),
      crosswise("dl-2", "dl-1", "two.io"),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["written", "written"]);
    expect(runs).toBe(3);
    expect((await repository.getPartner("dl-1"))?.value.employeeDomains).toEqual(["two.io"]);
    expect((await repository.getPartner("dl-2"))?.value.employeeDomains).toEqual(["one.io"]);
  });

  it("servers migrating at once apply the migration once", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => migratePostgresSchema(fixture.pool, { schema: "deploy" })),
    );
    const applied = outcomes.map((o) => unwrapOrThrow(o).applied);
    expect(applied.filter((a) => a.length === 1)).toEqual([[1]]);
    expect(applied.filter((a) => a.length === 0)).toHaveLength(7);
  });
});

describe(`postgres: races beyond the contract, ${CONTENDERS} contenders, ${RUNS} runs each`, () => {
  it(`${CONTENDERS} partners claim one domain at once: one holder, every other sees it`, async () => {
    await eachRun(async (run) => {
      const domain = `contested-${run}.io`;
      const outcomes = await race(
        ids(CONTENDERS, run).map((partnerId, i) => () => {
          const claim = { domain, partnerId, claimedAt: T0 + i };
          return i % 2 === 0
            ? repository.claimDomain(claim)
            : repository.transaction(async (tx) => {
                await tx.getDomainClaim(domain);
                await tick();
                return tx.claimDomain(claim);
              });
        }),
        run,
      );
      const winners = outcomes.filter((o) => o.status === "claimed");
      expect(winners, `run ${run}`).toHaveLength(1);
      const held = winners[0]!.status === "claimed" ? winners[0]!.claim : null;
      for (const o of outcomes) {
        if (o !== winners[0])
          expect(o, `run ${run}`).toEqual({ status: "held_by_other", holder: held });
      }
      expect(await repository.getDomainClaim(domain)).toEqual(held);
    });
  }, 60_000);

  it("an ancestor matching subdomains and a descendant, claimed at once in both orders: never both stored", async () => {
    await eachRun(async (run) => {
      for (const topFirst of [true, false]) {
        const family = `acme-${run}-${topFirst ? "t" : "s"}.com`;
        // 25 partners claim the family's domain matching subdomains, 25 its eu. subdomain
        const tasks = ids(CONTENDERS, run).map((partnerId, i) => () => {
          const top = i % 2 === (topFirst ? 0 : 1);
          const claim = {
            domain: top ? family : `eu.${family}`,
            partnerId,
            // the descendant's clock is a minute ahead: the clocks never decide
            claimedAt: top ? T0 : T0 + 60_000,
            matchSubdomains: top,
          };
          return i % 4 < 2
            ? repository.claimDomain(claim)
            : repository.transaction(async (tx) => {
                await tx.getDomainClaim(claim.domain);
                await tick();
                return tx.claimDomain(claim);
              });
        });
        const outcomes: ClaimDomainOutcome[] = topFirst
          ? await Promise.all(tasks.map((t) => t()))
          : await race(tasks, run);
        const winners = outcomes.filter((o) => o.status === "claimed");
        expect(winners, `run ${run}`).toHaveLength(1);
        const held = winners[0]!.status === "claimed" ? winners[0]!.claim : null;
        for (const o of outcomes) {
          if (o !== winners[0])
            expect(o, `run ${run}`).toEqual({ status: "held_by_other", holder: held });
        }
        const stored = (await repository.listDomainClaims()).filter((c) =>
          c.domain.endsWith(family),
        );
        expect(stored, `run ${run}`).toEqual([held]);
      }
    });
  }, 60_000);

  it(`${CONTENDERS} partners link one address to one client at once: one holder, every other sees it`, async () => {
    await eachRun(async (run) => {
      const clientId = 1_000 + run;
      const outcomes = await race(
        ids(CONTENDERS, run).map((partnerId, i) => () => {
          const link = { clientId, partnerId, email: "Jane@Gmail.com", linkedAt: T0 + i };
          return i % 2 === 0
            ? repository.linkEmail(link)
            : repository.transaction(async (tx) => {
                await tx.getEmailLink(clientId, "jane@gmail.com");
                await tick();
                return tx.linkEmail(link);
              });
        }),
        run,
      );
      const winners = outcomes.filter((o) => o.status === "linked");
      expect(winners, `run ${run}`).toHaveLength(1);
      const held = winners[0]!.status === "linked" ? winners[0]!.link : null;
      for (const o of outcomes) {
        if (o !== winners[0])
          expect(o, `run ${run}`).toEqual({ status: "held_by_other", holder: held });
      }
      expect(await repository.listEmailLinks({ clientId })).toEqual([held]);
    });
  }, 60_000);

  it(`${CONTENDERS} transactions read, change and write one partner at once: no update is lost`, async () => {
    await eachRun(async (run) => {
      const partnerId = `versioned-${run}`;
      await repository.savePartner(partner(partnerId), null);
      const outcomes = await race(
        Array.from(
          { length: CONTENDERS },
          (_, i) => () =>
            repository.transaction(async (tx) => {
              const p = (await tx.getPartner(partnerId))!;
              await tick();
              const next = {
                ...p.value,
                employeeDomains: [...p.value.employeeDomains, `d${i}.io`],
              };
              return tx.savePartner(next, p.version);
            }),
        ),
        run,
      );
      // the locking read orders them: every one is written, none lost
      expect(
        outcomes.filter((o) => o.status === "written"),
        `run ${run}`,
      ).toHaveLength(CONTENDERS);
      const final = (await repository.getPartner(partnerId))!;
      expect(final.version).toBe(CONTENDERS + 1);
      expect([...final.value.employeeDomains].sort()).toEqual(
        Array.from({ length: CONTENDERS }, (_, i) => `d${i}.io`).sort(),
      );
    });
  }, 60_000);

  it(`${CONTENDERS} writes at one expected version at once: one is written, every other sees it`, async () => {
    await eachRun(async (run) => {
      const partnerId = `blind-${run}`;
      await repository.savePartner(partner(partnerId), null);
      const outcomes = await race(
        Array.from(
          { length: CONTENDERS },
          (_, i) => () => repository.savePartner(partner(partnerId, [`d${i}.io`]), 1),
        ),
        run,
      );
      const winners = outcomes.filter((o) => o.status === "written");
      expect(winners, `run ${run}`).toHaveLength(1);
      const record = winners[0]!.status === "written" ? winners[0]!.record : null;
      for (const o of outcomes) {
        if (o !== winners[0])
          expect(o, `run ${run}`).toEqual({ status: "version_conflict", current: record });
      }
      expect(await repository.getPartner(partnerId)).toEqual(record);
    });
  }, 60_000);
});
