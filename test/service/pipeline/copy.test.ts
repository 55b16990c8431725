import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyRequest, MAX_REQUEST_LIST } from "../../../src/service/pipeline/copy.js";

describe("copyRequest", () => {
  it("keeps own enumerable data only, as plain objects and arrays", () => {
    const proto = { inherited: true };
    const source = Object.assign(Object.create(proto), {
      a: 1,
      list: [1, { b: "x" }],
      nested: { c: null },
      [Symbol("s")]: 1,
    });
    Object.defineProperty(source, "hidden", { value: 1, enumerable: false });
    const r = copyRequest(source);
    expect(r).toEqual({ ok: true, value: { a: 1, list: [1, { b: "x" }], nested: { c: null } } });
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(r.value).not.toBe(source);
  });

  it("reads each getter once, and a Proxy's trap once per key", () => {
    let reads = 0;
    const getter = Object.defineProperty({}, "partnerId", {
      enumerable: true,
      get: () => (reads++ === 0 ? "acme" : "rival"),
    });
    expect(copyRequest(getter)).toEqual({ ok: true, value: { partnerId: "acme" } });
    expect(reads).toBe(1);
    let gets = 0;
    const proxy = new Proxy(
      { partnerId: "acme" },
      {
        get: (t, k) => {
          gets++;
          return Reflect.get(t, k);
        },
      },
    );
    copyRequest(proxy);
    expect(gets).toBe(1);
  });

  it("keeps a __proto__ key of parsed JSON as a plain own property, never as the prototype", () => {
    const r = copyRequest(JSON.parse('{"actor":{"__proto__":{"superAdmin":true}}}'));
    if (!r.ok) throw new Error("expected a copy");
    const actor = (r.value as { actor: object }).actor;
    expect(Object.getPrototypeOf(actor)).toBe(Object.prototype);
    expect((actor as { superAdmin?: unknown }).superAdmin).toBeUndefined();
  });

  it("drops inherited array elements and keeps holes as undefined", () => {
    const sparse = [1, 2, 3];
    delete sparse[1];
    Object.setPrototypeOf(sparse, Object.assign([], { 1: "inherited" }));
    expect(copyRequest({ list: sparse })).toEqual({ ok: true, value: { list: [1, undefined, 3] } });
  });

  it("refuses what cannot be read, at the path where reading stopped", () => {
    const throwing = {
      a: {
        b: Object.defineProperty({}, "c", {
          enumerable: true,
          get: () => {
            throw new Error("no");
          },
        }),
      },
    };
    expect(copyRequest(throwing)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "invalid_record", path: ["a", "b", "c"] }),
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(copyRequest({ x: revoked.proxy })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "invalid_record", path: ["x"] }),
    });
    const long = new Array(MAX_REQUEST_LIST + 1);
    expect(copyRequest({ list: long })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "invalid_list", path: ["list"] }),
    });
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(copyRequest(deep)).toMatchObject({ ok: false, error: { code: "invalid_record" } });
  });

  it("gives an unreadable list element a path through the list's index", () => {
    const throwingGetter = () => {
      throw new Error("no");
    };
    const list: unknown[] = [1];
    Object.defineProperty(list, 1, { enumerable: true, get: throwingGetter });
    expect(copyRequest({ list })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "invalid_record", path: ["list", 1] }),
    });
    const inside = [
      { ok: 1 },
      Object.defineProperty({}, "c", { enumerable: true, get: throwingGetter }),
    ];
    expect(copyRequest({ list: inside })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "invalid_record", path: ["list", 1, "c"] }),
    });
  });

  it("never throws, and copies JSON values exactly (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(copyRequest(value)).toEqual({ ok: true, value });
      }),
      { numRuns: 1_000 },
    );
    fc.assert(
      fc.property(
        fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true }),
        (value) => {
          expect(typeof copyRequest(value).ok).toBe("boolean");
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
