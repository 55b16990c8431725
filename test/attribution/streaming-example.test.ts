import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runWithoutThreads, SMALL_MONTH, totals } from "../../examples/streaming/month.js";

describe("examples/streaming", () => {
  it("splits a month into chunks, streams and merges them, and gets the one-shot attribution", () => {
    const { streamed, oneShot } = runWithoutThreads(SMALL_MONTH, 3);
    expect(streamed).toEqual(oneShot);
    const t = totals(streamed);
    expect(t.partners).toBe(SMALL_MONTH.partners);
    // Most clients are serviced by someone in the generated month.
    expect(t.credited).toBeGreaterThan(SMALL_MONTH.clients / 2);
    expect(Object.keys(t.managedMrr).sort()).toEqual(["EUR", "GBP", "JPY", "USD"]);
  });

  it("runs in worker threads and prints totals identical to the one-shot run", () => {
    const output = execFileSync(
      process.execPath,
      ["scripts/run-ts.mjs", "examples/streaming/main.ts", "3", "--small"],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(output).toContain("3 worker threads");
    expect(output).toContain("The streamed attribution is identical to the one-shot attribution.");
  }, 60_000);
});
