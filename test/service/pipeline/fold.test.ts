import { describe, expect, it } from "vitest";
import { err, ok } from "../../../src/result.js";
import { fold, take } from "../../../src/service/pipeline/fold.js";

describe("fold and take", () => {
  it("unwraps each step and returns the generator's result", async () => {
    const r = await fold(
      (async function* () {
        const a = yield* take(ok(1));
        const b = yield* take(ok(2));
        return ok(a + b);
      })(),
    );
    expect(r).toEqual({ ok: true, value: 3 });
  });

  it("stops at the first failure and runs no further step", async () => {
    const ran: string[] = [];
    const r = await fold(
      (async function* () {
        ran.push("first");
        yield* take(err({ code: "first_failed" }));
        ran.push("second");
        yield* take(err({ code: "second_failed" }));
        return ok("done");
      })(),
    );
    expect(r).toEqual({ ok: false, error: { code: "first_failed" } });
    expect(ran).toEqual(["first"]);
  });
});
