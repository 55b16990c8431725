// A short tour of partner-access: run it with `npm run demo`.
import { parseEmailAddress, parseEmailDomain, parsePartnerEmployeeDomain } from "../src/index.js";

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
