// A short tour of partner-access: run it with `npm run demo`.
import {
  type Assignment,
  attributeManagedCredit,
  classifyUsers,
  detectEmailConflicts,
  type Partner,
  type PartnerUser,
  parseEmailAddress,
  parseEmailDomain,
  parsePartnerEmployeeDomain,
  partnerSeatEligibility,
} from "../src/index.js";

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
}

function table(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  console.log(`\n${title}\n`);
  console.log(row(header, widths));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(row(r, widths));
}

const domains = [
  "ACME.com.",
  "bücher.de",
  "ＡＣＭＥ.com",
  "northwind.io",
  "gmail.com",
  "mail.yahoo.com",
  "co.uk",
  "github.io",
  "www.acme.com",
  "https://acme.com/team",
  "jane@acme.com",
  "192.168.0.1",
  "acme",
  "-acme.com",
  "\u0430cme.com",
];

table(
  "Partner employee domains",
  ["input", "as any email domain", "as a partner employee domain", "suggestion"],
  domains.map((input) => {
    const any = parseEmailDomain(input);
    const partner = parsePartnerEmployeeDomain(input);
    const suggestion =
      !partner.ok && "suggestion" in partner.error ? String(partner.error.suggestion) : "";
    return [
      JSON.stringify(input),
      any.ok ? any.value : `refused: ${any.error.code}`,
      partner.ok ? partner.value : `refused: ${partner.error.code}`,
      suggestion,
    ];
  }),
);

const addresses = [
  "Jane.Doe@ACME.com",
  "jane+crm@acme.com",
  '"a@b"@acme.com',
  "o'brien@bücher.de",
  "jane@",
  "jane..doe@acme.com",
];
table(
  "Email addresses",
  ["input", "key (the identity used for comparisons)", "or refused"],
  addresses.map((input) => {
    const r = parseEmailAddress(input);
    return [JSON.stringify(input), r.ok ? r.value.key : "", r.ok ? "" : r.error.code];
  }),
);

// --- Classification: who is recognised as a partner employee? -------------
const northwind: Partner = {
  partnerId: "northwind",
  program: "partner",
  employeeDomains: ["northwind.io"],
};
const contoso: Partner = {
  partnerId: "contoso",
  program: "provider",
  employeeDomains: ["contoso.com"],
};
const roster: PartnerUser[] = [
  { partnerId: "northwind", email: "Jane@Northwind.io", tagged: true },
  { partnerId: "northwind", email: "raj@eu.northwind.io", tagged: true },
  { partnerId: "northwind", email: "freelance.mo@gmail.com", tagged: true },
  { partnerId: "northwind", email: "lee@northwind.io", tagged: false },
  { partnerId: "northwind", email: "lee@", tagged: true },
];
const { classifications, counts } = classifyUsers(roster, northwind);
table(
  "Classification of northwind's users (employee domain northwind.io)",
  ["user", "classification", "Partner Seat"],
  roster.map((user, i) => {
    const c = classifications[i]!;
    const seat = partnerSeatEligibility(user, northwind);
    return [
      user.email,
      c.kind === "domain_match"
        ? `domain_match (${c.matchedDomain})`
        : c.kind === "client_access_manager"
          ? `client_access_manager: ${c.reason}`
          : `invalid_email: ${c.error.code}`,
      seat.eligible ? "yes" : `no: ${seat.reasons.join(", ")}`,
    ];
  }),
);
console.log(`\ncounts: ${JSON.stringify(counts.byKind)}`);

// --- Conflicts: one partner per address and client ------------------------
const day = 86_400_000;
const jan = Date.UTC(2026, 0, 1);
const assignments: Assignment[] = [
  {
    partnerId: "northwind",
    clientId: 501,
    email: "freelance.mo@gmail.com",
    status: "active",
    assignedAt: jan,
    activatedAt: jan,
  },
  {
    partnerId: "contoso",
    clientId: 501,
    email: "Freelance.Mo@gmail.com",
    status: "pending_access",
    assignedAt: jan + day,
  },
  {
    partnerId: "northwind",
    clientId: 501,
    email: "jane@northwind.io",
    status: "active",
    assignedAt: jan,
    activatedAt: jan,
  },
  {
    partnerId: "contoso",
    clientId: 502,
    email: "ann@contoso.com",
    status: "active",
    assignedAt: jan,
    activatedAt: jan,
  },
];
for (const conflict of detectEmailConflicts(assignments, [northwind, contoso])) {
  console.log(
    `\nConflict on client ${conflict.clientId} for ${conflict.email}: held by ${conflict.holder.partnerId}, refused for ${conflict.contenders.map((c) => c.partnerId).join(", ")}`,
  );
  for (const r of conflict.resolutions) console.log(`  way out: ${JSON.stringify(r)}`);
}

// --- Attribution: who earns managed credit for January? -------------------
const attribution = attributeManagedCredit({
  period: { start: jan, end: Date.UTC(2026, 1, 1) },
  partners: [northwind, contoso],
  clients: [
    { clientId: 501, mrr: { amountMinor: 100_000, currency: "USD" } },
    { clientId: 502, mrr: { amountMinor: 50_000, currency: "EUR" }, growthMarket: true },
  ],
  users: [
    ...roster.filter((u) => u.email !== "lee@"),
    { partnerId: "contoso", email: "freelance.mo@gmail.com", tagged: true },
    { partnerId: "contoso", email: "ann@contoso.com", tagged: true },
  ],
  assignments,
  activities: [
    { clientId: 501, email: "jane@northwind.io", at: jan + 3 * day },
    { clientId: 501, email: "freelance.mo@gmail.com", at: jan + 4 * day },
    { clientId: 502, email: "ann@contoso.com", at: jan + 5 * day },
  ],
});
if (attribution.ok) {
  table(
    "Managed credit, January 2026",
    ["partner", "points", "managed MRR", "decisions"],
    attribution.value.partners.map((p) => [
      p.partnerId,
      String(p.points),
      p.managedMrr.map((m) => `${m.amountMinor} ${m.currency} (minor units)`).join(", "),
      attribution.value.decisions
        .filter((d) => d.partnerId === p.partnerId)
        .map((d) => `${d.clientId}: ${d.outcome}`)
        .join("; "),
    ]),
  );
} else {
  console.log(attribution.error);
}
