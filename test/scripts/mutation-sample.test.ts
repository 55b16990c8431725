// The sampled estimate of the mutation score (scripts/mutation/sample.ts)
// and the ignorer that keeps a Stryker run to the sampled nodes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  compareMutants,
  drawSample,
  generator,
  mutateRange,
  type ReportFiles,
  reportedKey,
  type SampledMutant,
  sampledKey,
  scoreSample,
  spanContains,
  wilson,
} from "../../scripts/mutation/sample.js";

const at = (line: number, column: number, endLine: number, endColumn: number) => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});
const mutant = (fileName: string, line: number, mutatorName = "StringLiteral"): SampledMutant => ({
  fileName,
  mutatorName,
  replacement: '""',
  location: at(line, 2, line, 9),
});
const population = Array.from({ length: 50 }, (_, i) =>
  mutant(`src/${"abc"[i % 3]}.ts`, i, i % 2 ? "BooleanLiteral" : "StringLiteral"),
);
// The report's form of a sampled mutant: positions from 1.
const reported = (m: SampledMutant, status: string) => ({
  mutatorName: m.mutatorName,
  replacement: m.replacement,
  status,
  location: at(
    m.location.start.line + 1,
    m.location.start.column + 1,
    m.location.end.line + 1,
    m.location.end.column + 1,
  ),
});

describe("generator", () => {
  it("is a function of its seed, with values in [0, 1)", () => {
    const a = generator(7);
    const b = generator(7);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
    expect(generator(8)()).not.toBe(generator(7)());
  });
});

describe("drawSample", () => {
  it("draws the asked number of distinct mutants, in file order, the same for the same seed", () => {
    const sample = drawSample(population, 12, 1);
    expect(sample).toHaveLength(12);
    expect(new Set(sample.map(sampledKey)).size).toBe(12);
    expect([...sample].sort(compareMutants)).toEqual(sample);
    expect(drawSample([...population].reverse(), 12, 1)).toEqual(sample);
    expect(drawSample(population, 12, 2)).not.toEqual(sample);
  });

  it("draws everything when asked for more than there is, and nothing from nothing", () => {
    expect(drawSample(population, 500, 3)).toEqual([...population].sort(compareMutants));
    expect(drawSample([], 5, 3)).toEqual([]);
  });

  it("a smaller sample with the same seed is part of a larger one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer(), (size, seed) => {
        const small = new Set(drawSample(population, size, seed).map(sampledKey));
        const large = new Set(drawSample(population, 50, seed).map(sampledKey));
        expect([...small].every((k) => large.has(k))).toBe(true);
      }),
    );
  });

  it("draws each subset about equally often", () => {
    // 4 mutants, samples of 2: 6 subsets, 6,000 seeds, about 1,000 each.
    const four = population.slice(0, 4);
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 6000; seed++) {
      const key = drawSample(four, 2, seed).map(sampledKey).join(" ");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(count).toBeGreaterThan(850);
    for (const count of counts.values()) expect(count).toBeLessThan(1150);
  });
});

describe("mutateRange and the keys", () => {
  it("writes Stryker's range: lines from 1, columns from 0", () => {
    expect(mutateRange({ ...mutant("src/x.ts", 0), location: at(0, 4, 2, 1) })).toBe(
      "src/x.ts:1:4-3:1",
    );
  });

  it("a reported mutant has the key of the sampled mutant it is", () => {
    const m = mutant("src/a.ts", 9);
    expect(reportedKey("src/a.ts", reported(m, "Killed"))).toBe(sampledKey(m));
    expect(reportedKey("src/b.ts", reported(m, "Killed"))).not.toBe(sampledKey(m));
  });
});

describe("wilson", () => {
  it("gives the known intervals", () => {
    const round = ({ low, high }: { low: number; high: number }) => [
      Number(low.toFixed(4)),
      Number(high.toFixed(4)),
    ];
    expect(round(wilson(90, 100))).toEqual([0.8256, 0.9448]);
    expect(round(wilson(0, 10))).toEqual([0, 0.2775]);
    expect(round(wilson(10, 10))).toEqual([0.7225, 1]);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it("holds the observed share, and narrows as the sample grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, p) => {
          const k = Math.round(p * n);
          const small = wilson(k, n);
          const large = wilson(4 * k, 4 * n);
          expect(small.low).toBeLessThanOrEqual(k / n + 1e-12);
          expect(small.high).toBeGreaterThanOrEqual(k / n - 1e-12);
          expect(large.high - large.low).toBeLessThanOrEqual(small.high - small.low + 1e-12);
        },
      ),
    );
  });
});

describe("scoreSample", () => {
  const sample = population.slice(0, 6);
  const statuses = ["Killed", "Timeout", "Survived", "NoCoverage", "Ignored", "CompileError"];
  // Each sampled mutant gets the status of its line.
  const status = (m: SampledMutant) => statuses[m.location.start.line] as string;
  const inFile = (name: string) =>
    sample.filter((m) => m.fileName === name).map((m) => reported(m, status(m)));
  const files: ReportFiles = {
    "src/a.ts": {
      mutants: [
        ...inFile("src/a.ts"),
        // a mutant beside the sample, on the same node: not counted
        { ...reported(mutant("src/a.ts", 0), "Survived"), replacement: '"Stryker was here!"' },
      ],
    },
    "src/b.ts": { mutants: inFile("src/b.ts") },
    "src/c.ts": { mutants: inFile("src/c.ts") },
  };

  it("counts killed and timed out as detected, survived and uncovered as undetected, the rest not at all", () => {
    const score = scoreSample(sample, files);
    expect(score.statuses).toEqual({
      Killed: 1,
      Timeout: 1,
      Survived: 1,
      NoCoverage: 1,
      Ignored: 1,
      CompileError: 1,
    });
    expect(score.detected).toBe(2);
    expect(score.valid).toBe(4);
    expect(score.score).toBe(0.5);
    expect(score.undetected.map((m) => m.status)).toEqual(["Survived", "NoCoverage"]);
    expect(score.missing).toEqual([]);
    expect(score.low).toBeLessThan(0.5);
    expect(score.high).toBeGreaterThan(0.5);
  });

  it("names the sampled mutants the report does not hold", () => {
    const score = scoreSample([...sample, mutant("src/d.ts", 3)], files);
    expect(score.missing).toEqual([mutant("src/d.ts", 3)]);
    expect(scoreSample([], {}).score).toBe(1);
  });
});

describe("spanContains", () => {
  it("holds a span in itself and in a wider one, not in a narrower or a crossing one", () => {
    const inner = at(3, 4, 3, 10);
    expect(spanContains(inner, inner)).toBe(true);
    expect(spanContains(at(2, 0, 5, 0), inner)).toBe(true);
    expect(spanContains(at(3, 5, 3, 10), inner)).toBe(false);
    expect(spanContains(at(3, 0, 3, 9), inner)).toBe(false);
    expect(spanContains(inner, at(2, 0, 5, 0))).toBe(false);
  });
});

describe("the sample ignorer", () => {
  it("keeps the sampled nodes and those around them, and leaves out what lies inside a sampled node", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mutation-sample-"));
    const file = join(dir, "sample.json");
    const sampled = { ...mutant("src/a.ts", 4), location: at(4, 0, 8, 1) };
    writeFileSync(file, JSON.stringify({ seed: 1, population: 1, mutate: [], mutants: [sampled] }));
    process.env.MUTATION_SAMPLE_FILE = file;
    const { strykerPlugins } = await import("../../scripts/mutation/sample-plugin.mjs");
    delete process.env.MUTATION_SAMPLE_FILE;
    const plugin = strykerPlugins.find((p) => p.name === "sample");
    expect(plugin?.name).toBe("sample");
    // Babel's positions: lines from 1.
    const node = (fileName: string, span: ReturnType<typeof at>) => ({
      node: {
        loc: {
          start: { line: span.start.line + 1, column: span.start.column },
          end: { line: span.end.line + 1, column: span.end.column },
        },
      },
      hub: { file: { opts: { filename: resolve(fileName) } } },
    });
    const ignore = (path: unknown) => plugin?.value?.shouldIgnore(path);
    expect(ignore(node("src/a.ts", at(4, 0, 8, 1)))).toBeUndefined();
    expect(ignore(node("src/a.ts", at(1, 0, 20, 0)))).toBeUndefined();
    expect(ignore(node("src/a.ts", at(5, 2, 5, 9)))).toBe("Not in the sample");
    expect(ignore(node("src/a.ts", at(10, 0, 12, 0)))).toBeUndefined();
    expect(ignore(node("src/b.ts", at(5, 2, 5, 9)))).toBeUndefined();
    expect(ignore({ node: {} })).toBeUndefined();
  });
});

describe("the undetected-mutant log", () => {
  it("writes each surviving or uncovered mutant as it is tested, and nothing for the others", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "mutation-log-")), "undetected.log");
    process.env.MUTATION_UNDETECTED_LOG = log;
    vi.resetModules(); // a fresh module, which reads the path just set
    const { strykerPlugins } = await import("../../scripts/mutation/sample-plugin.mjs");
    delete process.env.MUTATION_UNDETECTED_LOG;
    const Reporter = strykerPlugins.find((p) => p.name === "undetected-log")?.injectableClass;
    if (Reporter === undefined) throw new Error("no undetected-log reporter");
    const reporter = new Reporter();
    const result = (status: string, isStatic?: boolean) => ({
      status,
      static: isStatic,
      fileName: resolve("src/a.ts"),
      mutatorName: "StringLiteral",
      replacement: '""',
      // a reported result counts from 1
      location: { start: { line: 3, column: 5 }, end: { line: 3, column: 9 } },
    });
    for (const status of ["Killed", "Timeout", "Ignored", "Survived", "NoCoverage"]) {
      reporter.onMutantTested(result(status));
    }
    reporter.onMutantTested(result("Survived", true));
    expect(readFileSync(log, "utf8")).toBe(
      [
        'Survived src/a.ts:3:5 StringLiteral "\\"\\""',
        'NoCoverage src/a.ts:3:5 StringLiteral "\\"\\""',
        'Survived src/a.ts:3:5 StringLiteral "\\"\\"" (static)',
        "",
      ].join("\n"),
    );
  });
});
