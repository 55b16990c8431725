import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// `npm run demo` tells the whole story through the public API and the
// service; these are the lines a reader of the README relies on.

const printed = execFileSync(process.execPath, ["scripts/run-ts.mjs", "examples/demo.ts"], {
  encoding: "utf8",
  timeout: 60_000,
});
// Intl puts a no-break space between a German amount and its currency sign.
const lines = printed.replace(/[\u00a0\u202f]/g, " ").split("\n");

describe("examples/demo.ts", () => {
  it("refuses a manager and a shared domain, then sets the proven domain", () => {
    expect(lines).toContain("manager sets northwind.io: refused: forbidden (super_admin_required)");
    expect(lines).toContain("super admin sets gmail.com: refused: invalid_employee_domains");
    expect(lines).toContain(
      "super admin sets Northwind.io without proof: refused: domain_not_verified",
    );
    expect(lines).toContain("verification: verified");
    expect(lines).toContain(
      'with the proof: ok, employee domains ["northwind.io"], events employee_domain_set',
    );
  });

  it("classifies the users and gives Partner Seats", () => {
    const row = (email: string) => lines.find((l) => l.startsWith(email))?.replace(/\s+/g, " ");
    expect(row("jane@northwind.io")).toBe(
      "jane@northwind.io tagged=true domain_match Partner Seat",
    );
    expect(row("sam@northwind.io")).toBe(
      "sam@northwind.io tagged=false domain_match no seat: not_tagged",
    );
    expect(row("alex.contractor@gmail.com")).toBe(
      "alex.contractor@gmail.com tagged=true client_access_manager (shared_domain) no seat: domain_mismatch",
    );
  });

  it("takes assignments from pending to active, the contractor's too", () => {
    expect(lines).toContain(
      "jane -> client 42: pending_access, access requested from the client: true",
    );
    expect(lines).toContain("alex (Client Access Manager) -> client 42: pending_access");
    expect(lines).toContain("jane -> client 77 (already in its portal): active");
    expect(lines).toContain("sam (untagged) -> client 42: refused: not_tagged");
    expect(lines).toContain("client 42's admin lets alex.contractor@gmail.com in: active");
  });

  it("refuses the second partner with the three ways out, in English and German", () => {
    expect(lines).toContain(
      "contoso -> client 42: refused: email_linked_to_another_partner (held by northwind)",
    );
    const ways = lines.filter((l) => /^ {2}(ask_holder|use_partner|use_different)/.test(l));
    expect(ways.map((l) => l.trim().split(":")[0])).toEqual([
      "ask_holder_to_remove_access",
      "use_partner_domain_address",
      "use_different_address",
    ]);
    expect(lines.find((l) => l.startsWith("en: "))).toMatch(
      /^en: alex\.contractor@gmail\.com is already linked to client 42 by partner northwind/,
    );
    expect(lines.find((l) => l.startsWith("de: "))).toMatch(
      /^de: alex\.contractor@gmail\.com ist bereits mit dem Kunden 42 vom Partner northwind verknüpft/,
    );
  });

  it("credits a month in two currencies and reaches a tier", () => {
    expect(lines).toContain("client 42: share $2,500.00 (de: 2.500,00 $), 25 points");
    expect(lines).toContain("client 77: share €1,000.00 (de: 1.000,00 €), 11.36 points");
    expect(lines).toContain("managed MRR: €1,000.00 + $2,500.00, managed points 36.36");
    expect(lines).toContain("lost credit: sam@northwind.io on client 42");
    expect(lines).toContain(
      "36.36 managed + 20 sourced points: tier gold; for platinum: 43.64 more points, 20 more sourced",
    );
  });

  it("prints the excerpt the README shows, in that order", () => {
    const readme = readFileSync("README.md", "utf8");
    const block = /Part of what it prints:\n\n```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const shown = (block ?? "").split("\n").filter((l) => l !== "…");
    expect(shown.length).toBeGreaterThan(5);
    let at = 0;
    for (const line of shown) {
      const found = printed.split("\n").indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });
});
