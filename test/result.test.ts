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
