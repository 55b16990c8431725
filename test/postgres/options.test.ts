import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  createPostgresRepository,
  migratePostgresSchema,
  type PostgresDatabase,
  postgresSchema,
} from "../../src/postgres/index.js";

// Bad arguments never throw: createPostgresRepository and postgresSchema
// answer a typed `invalid_record` naming the argument, migratePostgresSchema
// resolves to it. Nothing is sent to a database for a refused argument.

const pool = {
  connect: async () => {
    throw new Error("nothing may be sent for a refused argument");
  },
};

const hostile = new Proxy(
  {},
  {
    get() {
      throw new Error("trap");
    },
    getOwnPropertyDescriptor() {
      throw new Error("trap");
    },
    has() {
      throw new Error("trap");
    },
  },
);

describe("postgres: createPostgresRepository refuses bad arguments with a value", () => {
  test.prop([fc.anything()])("any db that is no driver is invalid_record at [db]", (db) => {
    const r = createPostgresRepository(db as PostgresDatabase);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: "invalid_record", path: ["db"], input: db });
  });

  test.prop([fc.anything()])(
    "any options give a repository or invalid_record under [options]",
    (options) => {
      const r = createPostgresRepository(pool, options as never);
      if (!r.ok) {
        expect(r.error.code).toBe("invalid_record");
        expect(r.error.path[0]).toBe("options");
        expect(typeof r.error.message).toBe("string");
      }
    },
  );

  it.each([
    [{ tablePrefix: "pa-" }, ["options", "tablePrefix"]],
    [{ tablePrefix: "PA_" }, ["options", "tablePrefix"]],
    [{ tablePrefix: "1pa" }, ["options", "tablePrefix"]],
    [{ tablePrefix: "a".repeat(41) }, ["options", "tablePrefix"]],
    [{ schema: "" }, ["options", "schema"]],
    [{ schema: 'x"; DROP TABLE users; --' }, ["options", "schema"]],
    [{ schema: "Partner" }, ["options", "schema"]],
    [{ schema: 7 }, ["options", "schema"]],
    [{ retries: -1 }, ["options", "retries"]],
    [{ retries: 1.5 }, ["options", "retries"]],
    [{ retries: 101 }, ["options", "retries"]],
    [{ retries: "3" }, ["options", "retries"]],
    [42, ["options"]],
    [null, ["options"]],
  ])("%j is refused at %j", (options, path) => {
    const r = createPostgresRepository(pool, options as never);
    expect(r.ok || r.error.path).toEqual(path);
  });

  it("accepts the edges: an empty prefix, 0 and 100 retries, a schema of 63 characters", () => {
    for (const options of [
      { tablePrefix: "" },
      { retries: 0 },
      { retries: 100 },
      { schema: "s".repeat(63) },
    ]) {
      expect(createPostgresRepository(pool, options).ok).toBe(true);
    }
  });

  it("refuses a db or options whose properties throw, without throwing", () => {
    const r = createPostgresRepository(hostile as PostgresDatabase);
    expect(r.ok || r.error.path).toEqual(["db"]);
    const o = createPostgresRepository(pool, hostile as never);
    expect(o.ok || o.error.path).toEqual(["options", "schema"]);
  });
});

describe("postgres: migratePostgresSchema and postgresSchema refuse bad arguments with a value", () => {
  it("resolves to invalid_record for a db that is no driver, or bad table options", async () => {
    expect(await migratePostgresSchema(null as never)).toMatchObject({
      ok: false,
      error: { code: "invalid_record", path: ["db"] },
    });
    expect(await migratePostgresSchema(pool, { tablePrefix: "x-" })).toMatchObject({
      ok: false,
      error: { code: "invalid_record", path: ["options", "tablePrefix"] },
    });
  });

  test.prop([fc.anything()])("postgresSchema never throws", (options) => {
    const r = postgresSchema(options as never);
    if (!r.ok) expect(r.error.path[0]).toBe("options");
    else expect(r.value.sql.length).toBeGreaterThan(0);
  });
});
