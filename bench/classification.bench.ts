// Benchmark of classifyUsers against a bare loop with a Map and Sets that
// answers the same question (which users match the partner's domains, which
// are on shared domains, which elsewhere) over the same generated roster in
// the same run. Run it with `npm run bench:classification`.
import { classifyUsers } from "../src/classification/classify-user.js";
import { defaultSharedDomainList } from "../src/domain/shared-domains.js";
import type { Partner, PartnerUser } from "../src/model.js";
import { exposeGc, growth, markdownTable, mulberry32, runsFor, sideBySide } from "./lib.js";

export interface ClassificationBenchRow {
  readonly users: number;
  readonly libraryMs: number;
  readonly baselineMs: number;
  readonly ratio: number;
}

const FIRST = ["jane", "max", "lea", "tom", "ana", "li", "omar", "sara", "ivo", "mia"];
const FREE_MAIL = ["gmail.com", "outlook.com", "web.de", "yahoo.fr", "uol.com.br"];

/** A partner with two employee domains and a roster of `n` users. */
export function generateRoster(
  n: number,
  seed: number,
): { partner: Partner; users: PartnerUser[] } {
  const rand = mulberry32(seed);
  const partner: Partner = {
    partnerId: "northwind",
    program: "partner",
    employeeDomains: ["northwind.io", "northwind-consulting.com"],
  };
  const users: PartnerUser[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    const domain =
      r < 0.7
        ? partner.employeeDomains[i % 2]!
        : r < 0.85
          ? FREE_MAIL[Math.floor(rand() * FREE_MAIL.length)]!
          : `contractor${Math.floor(rand() * 500)}.com`;
    const name = `${FIRST[i % FIRST.length]}.${i.toString(36)}`;
    users.push({
      partnerId: "northwind",
      email: `${r < 0.1 ? name.toUpperCase() : name}@${domain}`,
      tagged: r < 0.9,
    });
  }
  return { partner, users };
}

// The least work that answers the question for well-formed input: lower-case
// the domain after the last "@", look it up in a Set of the partner's domains,
// then in the Set of shared domains, and count.
function baseline(
  partner: Partner,
  users: readonly PartnerUser[],
  shared: ReadonlySet<string>,
): Map<string, number> {
  const own = new Set(partner.employeeDomains);
  const counts = new Map<string, number>([
    ["domain_match", 0],
    ["shared_domain", 0],
    ["different_domain", 0],
  ]);
  for (const user of users) {
    const domain = user.email.slice(user.email.lastIndexOf("@") + 1).toLowerCase();
    const kind = own.has(domain)
      ? "domain_match"
      : shared.has(domain)
        ? "shared_domain"
        : "different_domain";
    counts.set(kind, counts.get(kind)! + 1);
  }
  return counts;
}

export function runClassificationBench({
  sizes = [10_000, 100_000, 1_000_000],
  runs,
  seed = 7,
}: {
  sizes?: readonly number[];
  runs?: number;
  seed?: number;
} = {}): ClassificationBenchRow[] {
  const shared = new Set(defaultSharedDomainList().domains());
  const gc = exposeGc();
  return sizes.map((n) => {
    const { partner, users } = generateRoster(n, seed);
    const r = sideBySide(
      () => classifyUsers(users, partner),
      () => baseline(partner, users, shared),
      { runs: runs ?? runsFor(n), gc },
    );
    // Both must agree, or the comparison means nothing.
    const byReason = r.library.counts.byReason;
    const libraryCounts = [
      r.library.counts.byKind.domain_match,
      byReason.shared_domain,
      byReason.different_domain,
    ];
    const baselineCounts = [...r.baseline.values()];
    if (libraryCounts.join() !== baselineCounts.join()) {
      throw new Error(
        `classification disagrees with the baseline: ${libraryCounts} vs ${baselineCounts}`,
      );
    }
    return {
      users: n,
      libraryMs: r.libraryMs,
      baselineMs: r.baselineMs,
      ratio: r.libraryMs / r.baselineMs,
    };
  });
}

export function formatClassificationBench(rows: readonly ClassificationBenchRow[]): string {
  return markdownTable(
    ["users", "classifyUsers ms", "baseline ms", "ratio", "growth (lib)", "growth (baseline)"],
    rows.map((r, i) => [
      r.users.toLocaleString("en"),
      r.libraryMs.toFixed(1),
      r.baselineMs.toFixed(1),
      r.ratio.toFixed(2),
      growth(r.libraryMs, rows[i - 1]?.libraryMs),
      growth(r.baselineMs, rows[i - 1]?.baselineMs),
    ]),
  );
}

if (process.argv[1]?.endsWith("classification.bench.ts")) {
  console.log(formatClassificationBench(runClassificationBench()));
}
