import { describe, expect, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import {
  createPostgresRepository,
  type PostgresDatabase,
  type PostgresQueryable,
  queueTransactions,
} from "../../src/postgres/index.js";
import { unwrapOrThrow } from "../../src/result.js";

// How the repository drives a connection: which statements it sends, when
// it releases, what it reruns. Drivers here are stubs that record every
// statement; the same rules run on real servers in the other files.

const partner = { partnerId: "acme", program: "partner", employeeDomains: [] } as const;

interface Log {
  statements: string[];
  released: (Error | undefined)[];
}

// A pool whose connections answer every statement with `answer` (or its
// rejection) and log what they were sent.
function stubPool(answer: (text: string, n: number) => unknown = () => []) {
  const log: Log = { statements: [], released: [] };
  let n = 0;
  const query = async (text: string) => {
    log.statements.push(text.split(/\s+/).slice(0, 4).join(" "));
    const rows = answer(text, n++);
    if (rows instanceof Error) throw rows;
    return { rows: rows as unknown[] };
  };
  const pool = {
    connect: async () => ({
      query,
      release: (error?: Error) => {
        log.released.push(error);
      },
    }),
  };
  return { pool, log };
}

const failure = (code: string) => Object.assign(new Error(`failed with ${code}`), { code });

function repositoryOver(db: PostgresDatabase, retries?: number): PartnerAccessRepository {
  return unwrapOrThrow(createPostgresRepository(db, retries === undefined ? {} : { retries }));
}

describe("postgres: transactions over a pool", () => {
  it("runs a unit between BEGIN at READ COMMITTED and COMMIT on one connection, then releases it", async () => {
    const { pool, log } = stubPool();
    const value = await repositoryOver(pool).transaction(async (tx) => {
      await tx.getPartner("acme");
      return "done";
    });
    expect(value).toBe("done");
    expect(log.statements).toEqual([
      "BEGIN ISOLATION LEVEL READ",
      "SELECT data, version FROM",
      "COMMIT",
    ]);
    expect(log.released).toEqual([undefined]);
  });

  it("rolls back a rejected unit, releases the connection and rethrows the unit's own reason", async () => {
    const { pool, log } = stubPool();
    const reason = new Error("boom");
    await expect(
      repositoryOver(pool).transaction(async (tx) => {
        await tx.getPartner("acme");
        throw reason;
      }),
    ).rejects.toBe(reason);
    expect(log.statements.at(-1)).toBe("ROLLBACK");
    expect(log.released).toEqual([undefined]);
  });

  it("gives the pool the rollback's error when the rollback fails too, so it discards the connection", async () => {
    const lost = new Error("connection lost");
    const { pool, log } = stubPool((text) => (text.startsWith("SELECT") ? lost : []));
    await expect(repositoryOver(pool).transaction((tx) => tx.getPartner("acme"))).rejects.toBe(
      lost,
    );
    expect(log.released).toEqual([undefined]);
    const gone = new Error("rollback failed");
    const dead = stubPool((text) =>
      text.startsWith("SELECT") ? lost : text === "ROLLBACK" ? gone : [],
    );
    await expect(repositoryOver(dead.pool).transaction((tx) => tx.getPartner("acme"))).rejects.toBe(
      lost,
    );
    expect(dead.log.released).toEqual([gone]);
  });

  it("reads outside a transaction with one statement, and writes in a transaction of their own", async () => {
    const { pool, log } = stubPool((text) => (text.startsWith("INSERT") ? [{ version: 1 }] : []));
    const repository = repositoryOver(pool);
    expect(await repository.listPartners()).toEqual([]);
    expect(log.statements).toEqual(["SELECT data, version FROM"]);
    log.statements.length = 0;
    expect((await repository.savePartner(partner, null)).status).toBe("written");
    expect(log.statements).toEqual([
      "BEGIN ISOLATION LEVEL READ",
      'INSERT INTO "pa_partners" (partner_id,',
      "COMMIT",
    ]);
    expect(log.released).toEqual([undefined, undefined]);
  });

  it("locks what a get… reads inside a transaction, and only there", async () => {
    const texts: string[] = [];
    const pool = {
      connect: async () => ({
        query: async (text: string) => {
          texts.push(text);
          return { rows: [] };
        },
        release: () => {},
      }),
    };
    const repository = repositoryOver(pool);
    await repository.getUser("acme", "jane@acme.com");
    await repository.transaction((tx) => tx.getUser("acme", "jane@acme.com"));
    const reads = texts.filter((t) => t.startsWith("SELECT"));
    expect(reads).toHaveLength(2);
    expect(reads[0]).not.toMatch(/FOR UPDATE/);
    expect(reads[1]).toMatch(/FOR UPDATE$/);
  });
});

describe("postgres: reruns", () => {
  it("reruns a unit that hit a serialization failure or a deadlock, from the start, on a fresh view", async () => {
    let selects = 0;
    const { pool, log } = stubPool((text) => {
      if (!text.startsWith("SELECT")) return [];
      selects++;
      return selects === 1 ? failure("40001") : selects === 2 ? failure("40P01") : [];
    });
    const views = new Set<unknown>();
    let runs = 0;
    const value = await repositoryOver(pool).transaction(async (tx) => {
      runs++;
      views.add(tx);
      await tx.getPartner("acme");
      return runs;
    });
    expect(value).toBe(3);
    expect(views.size).toBe(3);
    expect(log.statements.filter((s) => s === "ROLLBACK")).toHaveLength(2);
    expect(log.statements.filter((s) => s === "COMMIT")).toHaveLength(1);
    expect(log.released).toEqual([undefined, undefined, undefined]);
  });

  it("gives up after `retries` reruns, rejecting with the last failure", async () => {
    const { pool } = stubPool((text) => (text.startsWith("SELECT") ? failure("40001") : []));
    let runs = 0;
    await expect(
      repositoryOver(pool, 2).transaction(async (tx) => {
        runs++;
        return tx.getPartner("acme");
      }),
    ).rejects.toMatchObject({ code: "40001" });
    expect(runs).toBe(3);
  });

  it("never reruns any other failure", async () => {
    const { pool } = stubPool((text) => (text.startsWith("SELECT") ? failure("23505") : []));
    let runs = 0;
    await expect(
      repositoryOver(pool).transaction(async (tx) => {
        runs++;
        return tx.getPartner("acme");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(runs).toBe(1);
  });

  it("reruns a single call outside a transaction too", async () => {
    let selects = 0;
    const { pool } = stubPool((text) =>
      text.startsWith("SELECT") && ++selects === 1 ? failure("40P01") : [],
    );
    expect(await repositoryOver(pool).getPartner("acme")).toBeNull();
    expect(selects).toBe(2);
  });
});

describe("postgres: the view of a transaction", () => {
  it("ends with its unit: a method called on it afterwards rejects and sends nothing", async () => {
    const { pool, log } = stubPool();
    const repository = repositoryOver(pool);
    const kept = await repository.transaction(async (tx) => tx);
    const sent = log.statements.length;
    await expect(kept.getPartner("acme")).rejects.toThrow(/transaction has ended/);
    expect(log.statements).toHaveLength(sent);
  });

  it("has no transaction method, so transactions do not nest", async () => {
    const { pool } = stubPool();
    const tx = await repositoryOver(pool).transaction(async (t) => t);
    expect("transaction" in tx).toBe(false);
  });

  it("refuses a unit that is not a function with a rejection, sending nothing", async () => {
    const { pool, log } = stubPool();
    await expect(
      repositoryOver(pool).transaction(42 as unknown as () => Promise<void>),
    ).rejects.toThrow(TypeError);
    expect(log.statements).toEqual([]);
  });
});

describe("postgres: drivers", () => {
  it("runs a PGlite-like driver's own transaction, setting READ COMMITTED first", async () => {
    const statements: string[] = [];
    const q: PostgresQueryable = {
      query: async (text) => {
        statements.push(text.split(/\s+/).slice(0, 3).join(" "));
        return { rows: [] };
      },
    };
    const db = { transaction: <T>(fn: (tx: PostgresQueryable) => Promise<T>) => fn(q) };
    await repositoryOver(db).transaction((tx) => tx.getPartner("acme"));
    expect(statements).toEqual(["SET TRANSACTION ISOLATION", "SELECT data, version"]);
  });

  it("tells a connect() that gives no connection from a pool, with a clear rejection", async () => {
    const client = { connect: async () => undefined, query: async () => ({ rows: [] }) };
    const repository = repositoryOver(client as unknown as PostgresDatabase);
    await expect(repository.getPartner("acme")).rejects.toThrow(/queueTransactions/);
  });

  it("refuses a connection that lacks query() or release(), before sending anything, in and outside a transaction", async () => {
    const message = /did not give a connection with query\(\) and release\(\).*queueTransactions/;
    const sent: string[] = [];
    const query = async (text: string) => {
      sent.push(text);
      return { rows: [] };
    };
    const released: unknown[] = [];
    const release = () => {
      released.push("released");
    };
    for (const connection of [
      { query },
      { release },
      { query, release: 42 },
      { query: "SELECT", release },
    ]) {
      const repository = repositoryOver({
        connect: async () => connection,
      } as unknown as PostgresDatabase);
      await expect(repository.getPartner("acme")).rejects.toThrow(message);
      await expect(repository.transaction((tx) => tx.getPartner("acme"))).rejects.toThrow(message);
      await expect(repository.savePartner(partner, null)).rejects.toThrow(message);
    }
    expect(sent).toEqual([]);
    expect(released).toEqual([]);
  });

  it("queueTransactions runs the transactions of one connection one after the other, in order", async () => {
    const statements: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const client: PostgresQueryable = {
      query: async (text) => {
        statements.push(text.split(/\s+/)[0]!);
        if (text.startsWith("SELECT") && statements.filter((s) => s === "SELECT").length === 1) {
          await gate;
        }
        return { rows: [] };
      },
    };
    const repository = repositoryOver(queueTransactions(client));
    const first = repository.transaction((tx) => tx.getPartner("a"));
    const second = repository.transaction((tx) => tx.getPartner("b"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // the second has not begun while the first waits on its statement
    expect(statements).toEqual(["BEGIN", "SELECT"]);
    release();
    await Promise.all([first, second]);
    expect(statements).toEqual(["BEGIN", "SELECT", "COMMIT", "BEGIN", "SELECT", "COMMIT"]);
  });

  it("queueTransactions over no connection gives transactions that reject, not throw", async () => {
    const repository = repositoryOver(queueTransactions({} as PostgresQueryable));
    await expect(repository.getPartner("acme")).rejects.toThrow(/needs a connection/);
  });
});
