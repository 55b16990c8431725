import { describe, expect, it } from "vitest";
import { err, ok, PartnerAccessError, unwrapOrThrow } from "../src/result.js";

describe("Result helpers", () => {
  it("ok and err build the two shapes", () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(err({ code: "x", message: "m" })).toEqual({
      ok: false,
      error: { code: "x", message: "m" },
    });
  });

  it("unwrapOrThrow returns the value or throws the issue", () => {
    expect(unwrapOrThrow(ok("v"))).toBe("v");
    const issue = { code: "bad_thing", message: "It is bad.", input: 3 } as const;
    try {
      unwrapOrThrow(err(issue));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PartnerAccessError);
      expect(e).toBeInstanceOf(Error);
      const error = e as PartnerAccessError<typeof issue>;
      expect(error.name).toBe("PartnerAccessError");
      expect(error.message).toBe("It is bad.");
      expect(error.code).toBe("bad_thing");
      expect(error.issue).toBe(issue);
    }
  });
});

describe("PartnerAccessError brand", () => {
  it("instanceof and isPartnerAccessError recognise an error by its brand", async () => {
    const { isPartnerAccessError } = await import("../src/result.js");
    const e = new PartnerAccessError({ code: "x", message: "m" });
    expect(isPartnerAccessError(e)).toBe(true);
    expect(e instanceof PartnerAccessError).toBe(true);
    expect(isPartnerAccessError(new Error("m"))).toBe(false);
    expect(new Error("m") instanceof PartnerAccessError).toBe(false);
    expect(isPartnerAccessError({ code: "x", message: "m" })).toBe(false);
    expect(isPartnerAccessError(null)).toBe(false);
    // an error made by another copy of the module carries the same registered brand
    const foreign = Object.defineProperty(
      new Error("m"),
      Symbol.for("partner-access.PartnerAccessError"),
      {
        value: true,
      },
    );
    expect(foreign instanceof PartnerAccessError).toBe(true);
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(isPartnerAccessError(hostile)).toBe(false);
  });

  it("isPartnerAccessError refuses an object whose own brand is anything but true", async () => {
    const { isPartnerAccessError } = await import("../src/result.js");
    const brand = Symbol.for("partner-access.PartnerAccessError");
    for (const value of [false, 1, "true", null, undefined]) {
      expect(isPartnerAccessError(Object.defineProperty(new Error("m"), brand, { value }))).toBe(
        false,
      );
    }
  });

  it("the constructor survives a malformed issue", () => {
    const e = new PartnerAccessError(null as never);
    expect(e.message).toBe("partner-access error");
    expect(e.code).toBeUndefined();
  });
});
