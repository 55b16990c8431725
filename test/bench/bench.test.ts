// The benchmarks compare the library with bare baselines, and each one
// throws when its baseline's answer differs from the library's. These tests
// run them at small sizes so that a change to a rule, or to the generated
// data, cannot leave `npm run bench` comparing things that are not equal.
import { describe, expect, it, vi } from "vitest";
import { runAdversarialBench, SHAPES, SUBJECTS } from "../../bench/adversarial.bench.js";
import {
  baselineGroupBy as attributionBaseline,
  generateAttributionInput,
  runAttributionBench,
} from "../../bench/attribution.bench.js";
import { runClassificationBench } from "../../bench/classification.bench.js";
import {
  baselineGroupBy as conflictsBaseline,
  generateAssignments,
  runConflictsBench,
} from "../../bench/conflicts.bench.js";
import { runServiceBench } from "../../bench/service.bench.js";
import { measureStateSizes } from "../../bench/state-size.bench.js";
import { runStreamingBench } from "../../bench/streaming.bench.js";
import { attributeManagedCredit } from "../../src/attribution/managed-credit.js";
import { detectEmailConflicts } from "../../src/conflicts/email-conflicts.js";

// Properties run thousands of cases; on a busy shared machine they need more
// than the default five seconds.
vi.setConfig({ testTimeout: 120_000 });

describe("benchmarks", () => {
  it("classification agrees with its baseline", () => {
    const [row] = runClassificationBench({ sizes: [2_000], runs: 1 });
    expect(row?.users).toBe(2_000);
    expect(row?.ratio).toBeGreaterThan(0);
  });

  it("conflict detection agrees with its baseline, and the data holds conflicts", () => {
    const data = generateAssignments(5_000, 3);
    const conflicts = detectEmailConflicts(data.assignments, data.partners).length;
    expect(conflicts).toBeGreaterThan(0);
    expect(conflictsBaseline(data.assignments)).toBe(conflicts);
    const [row] = runConflictsBench({ sizes: [2_000], runs: 1 });
    expect(row?.conflicts).toBeGreaterThan(0);
  });

  it("attribution agrees with its baseline on every partner's total", () => {
    const data = generateAttributionInput(5_000, 3);
    const result = attributeManagedCredit(data);
    if (!result.ok) throw new Error(result.error.message);
    const totals = new Map(
      result.value.partners
        .filter((p) => p.clients.length > 0)
        .map((p) => [p.partnerId, p.clients.reduce((sum, c) => sum + c.share.amountMinor, 0)]),
    );
    expect(totals.size).toBeGreaterThan(0);
    expect(attributionBaseline(data)).toEqual(totals);
    const [row] = runAttributionBench({ sizes: [2_000], runs: 1, heapFor: [] });
    expect(row?.servicingPairs).toBeGreaterThan(0);
  });

  it("streaming gives the one-shot result", () => {
    const [row] = runStreamingBench({ assignments: 1_000, activities: 5_000, batch: 1_000 });
    expect(row?.activities).toBe(5_000);
  });

  it("runs the adversarial shapes, and attribution accepts each of them", async () => {
    const checked: string[] = [];
    const rows = await runAdversarialBench({
      sizes: [100, 1_000],
      runs: () => 1,
      check: (subject, shape, result) => {
        if (subject === "attributeManagedCredit" || subject === "startAttribution") {
          expect(result).toMatchObject({ ok: true });
        } else if (subject === "classifyUsers") {
          expect(result).toMatchObject({ counts: { total: expect.any(Number) } });
        } else if (shape === "shared-address") {
          expect((result as unknown[]).length).toBe(1);
        } else if (subject === "detectDomainConflicts") {
          // subdomains of a matching ancestor conflict with it; own domains never do
          expect((result as unknown[]).length > 0).toBe(shape === "users-one-address");
        }
        checked.push(`${subject} ${shape}`);
      },
    });
    expect(rows).toHaveLength(SHAPES.length * Object.keys(SUBJECTS).length * 2);
    expect(new Set(checked).size).toBe(SHAPES.length * Object.keys(SUBJECTS).length);
  });

  it("measures a compact state smaller than the full one", () => {
    const [row] = measureStateSizes([2_000]);
    expect(row!.compactBytes).toBeGreaterThan(0);
    expect(row!.compactBytes).toBeLessThan(row!.fullBytes);
  });

  it("the service's streamed attribution gives the one-shot credit", async () => {
    const [row] = await runServiceBench({ assignments: 2_000, activities: 10_000 });
    expect(row?.activities).toBe(10_000);
    expect(row?.pages).toBeGreaterThan(0);
    expect(row?.points).toBeGreaterThan(0);
  });
});
