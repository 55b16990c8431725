import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignClient } from "../../src/access/assignment.js";
import { authorize } from "../../src/access/authorization.js";
import { attributeManagedCredit } from "../../src/attribution/managed-credit.js";
import { previewDomainChange } from "../../src/classification/preview-domain-change.js";
import { employeeDomainStatus } from "../../src/classification/suggest-domain.js";
import { detectEmailConflicts } from "../../src/conflicts/email-conflicts.js";
import { parseEmailAddress } from "../../src/domain/email-address.js";
import { parseEmailDomain } from "../../src/domain/email-domain.js";
import { parsePartnerEmployeeDomain } from "../../src/domain/partner-employee-domain.js";
import type { IssueCode } from "../../src/messages/any-issue.js";
import { DE } from "../../src/messages/de.js";
import { EN } from "../../src/messages/en.js";
import { formatIssue } from "../../src/messages/format-issue.js";
import { FR } from "../../src/messages/fr.js";
import { ISSUE_CODES } from "../../src/messages/issue-codes.js";
import { IT } from "../../src/messages/it.js";
import { PT } from "../../src/messages/pt.js";
import type { Assignment, Partner } from "../../src/model.js";
import { PartnerAccessError } from "../../src/result.js";
import { COVERED, NOT_ISSUES } from "./exported-issue-types.js";
import { FIXTURES } from "./fixtures.js";

const LANGUAGES = ["en", "de", "fr", "it", "pt"] as const;
const CATALOGS = { en: EN, de: DE, fr: FR, it: IT, pt: PT };
const CODES = Object.keys(FIXTURES).sort() as IssueCode[];

// What a sentence must never show: a missing value printed as such, an
// object printed by toString, a gap left by a missing piece.
function expectReadable(text: string): void {
  expect(text).not.toBe("");
  expect(text).not.toMatch(/\bundefined\b|\bNaN\b|\[object /);
  expect(text).not.toMatch(/ {2}| [.,;:)](?![a-z])|\( |,,/);
  expect(text).toMatch(/[.!?)”»“]$/);
}

describe("ISSUE_CODES", () => {
  it("lists every code once, sorted, frozen", () => {
    expect([...ISSUE_CODES]).toEqual([...new Set(ISSUE_CODES)].sort());
    expect(Object.isFrozen(ISSUE_CODES)).toBe(true);
    expect(ISSUE_CODES.length).toBe(77);
  });

  it("is exactly the codes every catalog has a sentence for", () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(CATALOGS[language].issues).sort()).toEqual([...ISSUE_CODES]);
    }
    expect(CODES).toEqual([...ISSUE_CODES]);
  });
});

describe("the exported issue types", () => {
  // Every `export { … }` and `export type { … }` of the entry point.
  const source = readFileSync(new URL("../../src/index.ts", import.meta.url), "utf8");
  const exported = [...source.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
    (m[1] ?? "")
      .split(",")
      .map(
        (name) =>
          name
            .replace(/^\s*type\s+/, "")
            .split(/\s+as\s+/)
            .pop()
            ?.trim() ?? "",
      )
      .filter((name) => name !== ""),
  );
  // Types and classes: the names that start with a capital.
  const issueLike = exported.filter((name) =>
    /^[A-Z].*(?:Error|Issue|Warning|Refused|Refusal|Conflict|Code)$/.test(name),
  );

  it("are all part of AnyIssue, or named as no issue with the reason", () => {
    expect(issueLike.length).toBeGreaterThan(50);
    const known = [...Object.keys(COVERED), ...Object.keys(NOT_ISSUES), "PartnerAccessError"];
    expect(issueLike.filter((name) => !known.includes(name))).toEqual([]);
    expect(known.filter((name) => !issueLike.includes(name))).toEqual([]);
  });

  it("a PartnerAccessError is formatted by the issue it carries", () => {
    const e = new PartnerAccessError(FIXTURES.shared_domain.issue);
    for (const language of LANGUAGES) {
      expect(formatIssue(e, language)).toBe(formatIssue(FIXTURES.shared_domain.issue, language));
    }
  });
});

describe("formatIssue: every code in every language", () => {
  for (const code of CODES) {
    it(code, () => {
      const { issue, data } = FIXTURES[code];
      const english = formatIssue(issue, "en");
      for (const language of LANGUAGES) {
        const text = formatIssue(issue, language);
        expectReadable(text);
        for (const piece of data) expect(text, `${language}: ${text}`).toContain(piece);
        if (language !== "en") expect(text).not.toBe(english);
      }
      // Not the English `message` of the issue: a sentence of our own.
      expect(english).not.toBe(issue.message);
    });
  }

  it("reads well with nothing but the code, in every language", () => {
    for (const code of CODES) {
      for (const language of LANGUAGES) {
        const text = formatIssue({ code }, language);
        expectReadable(text);
        expect(text).not.toBe(CATALOGS[language].fallback);
      }
    }
  });

  it("leaves the issue as it is, its English message included", () => {
    for (const code of CODES) {
      const { issue } = FIXTURES[code];
      const before = JSON.stringify(issue);
      for (const language of LANGUAGES) formatIssue(issue, language);
      expect(JSON.stringify(issue)).toBe(before);
      expect(issue.message).toBe("…");
    }
  });
});

describe("formatIssue: the locale", () => {
  const issue = FIXTURES.not_tagged.issue;

  it("takes the language of the first subtag, in any case", () => {
    for (const [locale, language] of [
      ["de-AT", "de"],
      ["de-CH", "de"],
      ["DE", "de"],
      ["dE-aT", "de"],
      ["de_AT", "de"],
      ["pt-BR", "pt"],
      ["PT-br", "pt"],
      ["fr-CA", "fr"],
      ["it-CH", "it"],
      ["de-Latn-AT", "de"],
      ["en-GB", "en"],
    ] as const) {
      expect(formatIssue(issue, locale), locale).toBe(formatIssue(issue, language));
    }
  });

  it("uses English for any other locale, or none", () => {
    const english = formatIssue(issue, "en");
    expect(formatIssue(issue)).toBe(english);
    for (const locale of [
      "",
      "es",
      "ja-JP",
      "x-de",
      "deu",
      "d",
      " ",
      "not a tag!",
      "constructor",
    ]) {
      expect(formatIssue(issue, locale), locale).toBe(english);
    }
    for (const locale of [42, null, {}, ["de"], Symbol("de")]) {
      expect(formatIssue(issue, locale as never)).toBe(english);
    }
  });

  it("writes numbers and dates as the locale does", () => {
    const tooMany = {
      code: "invalid_list",
      message: "…",
      path: ["activities"],
      length: 70_000_000,
      maxLength: 67_108_864,
    };
    expect(formatIssue(tooMany, "en")).toContain("67,108,864");
    expect(formatIssue(tooMany, "de")).toContain("67.108.864");
    expect(formatIssue(tooMany, "de-CH")).toMatch(/67['’]108['’]864/);
    const expired = FIXTURES.assignment_expired.issue;
    expect(formatIssue(expired, "en")).toContain("Jan 8, 2026");
    expect(formatIssue(expired, "de")).toContain("08.01.2026");
    expect(formatIssue(expired, "pt-BR")).toContain("2026");
  });
});

describe("formatIssue: what it says", () => {
  it("pins one sentence per language", () => {
    const issue = FIXTURES.shared_domain.issue;
    expect(formatIssue(issue, "en")).toBe(
      "gmail.com is a shared email domain: anyone can get an address there, so it cannot identify your partner employees. Enter your company's own domain; add users with shared-domain addresses through the Client Access Manager.",
    );
    expect(formatIssue(issue, "de")).toBe(
      "gmail.com ist eine gemeinsam genutzte E-Mail-Domain: Dort kann jeder eine Adresse erhalten, daher kann sie Ihre Partner-Mitarbeiter nicht identifizieren. Geben Sie die eigene Domain Ihres Unternehmens ein; Benutzer mit Adressen auf gemeinsam genutzten Domains fügen Sie über den Client Access Manager hinzu.",
    );
  });

  it("gives the results its documentation shows", () => {
    expect(formatIssue(FIXTURES.partner_not_found.issue, "pt-BR")).toBe(
      "O parceiro northwind não foi encontrado.",
    );
    const www = parseEmailDomain("www.acme.com");
    expect(www.ok).toBe(false);
    if (!www.ok) {
      expect(formatIssue(www.error, "fr-CA")).toBe(
        "Saisissez le domaine e-mail sans «\u00a0www.\u00a0»\u00a0: acme.com.",
      );
    }
    expect(formatIssue({ code: "brand_new", message: "Try later." }, "de")).toBe("Try later.");
    expect(formatIssue(42, "it")).toBe("Si è verificato un problema. Riprovare.");
    const tagged = { code: "not_tagged", message: "…", partnerId: "acme", email: "li@acme.com" };
    expect(formatIssue(tagged, "en")).toMatch(
      /^li@acme\.com is not tagged as a partner employee of acme\. /,
    );
    expect(formatIssue(tagged, "de")).toMatch(
      /^li@acme\.com ist nicht als Partner-Mitarbeiter von acme markiert\. /,
    );
    expect(formatIssue(tagged, "fr")).toMatch(
      /^li@acme\.com n’est pas marqué comme employé partenaire de acme\. /,
    );
    expect(formatIssue(tagged, "it")).toMatch(
      /^li@acme\.com non è contrassegnato come dipendente partner di acme\. /,
    );
    expect(formatIssue(tagged, "pt-BR")).toMatch(
      /^li@acme\.com não está marcado como funcionário do parceiro acme\. /,
    );
  });

  it("names the listed domain when a subdomain of it is refused", () => {
    const issue = {
      ...FIXTURES.shared_domain.issue,
      domain: "mail.gmail.com",
      listedAs: "gmail.com",
    };
    for (const language of LANGUAGES) {
      const text = formatIssue(issue, language);
      expect(text).toContain("mail.gmail.com");
      expect(text.replace("mail.gmail.com", "")).toContain("gmail.com");
    }
  });

  it("shows the limit the issue carries, not a fixed one", () => {
    const issue = { ...FIXTURES.too_long.issue, length: 300, maxLength: 255 };
    for (const language of LANGUAGES) {
      const text = formatIssue(issue, language);
      expect(text).toContain("255");
      expect(text).not.toContain("253");
    }
  });

  it("says why per reason of a forbidden error", () => {
    const reasons = [
      "invalid_actor",
      "unknown_action",
      "invalid_target",
      "other_partner",
      "super_admin_required",
      "permission_required",
      "client_only",
      "partner_only",
      "other_client",
    ];
    for (const language of LANGUAGES) {
      const texts = reasons.map((reason) =>
        formatIssue({ code: "forbidden", message: "…", reason, action: "assign_client" }, language),
      );
      expect(new Set(texts).size).toBe(reasons.length);
      for (const text of texts) expectReadable(text);
      const unknown = formatIssue({ code: "forbidden", reason: "who_knows" }, language);
      expectReadable(unknown);
      expect(texts).not.toContain(unknown);
    }
  });

  it("names the action a super admin is needed for", () => {
    const actions = ["update_employee_domain", "tag_employee", "delete_portal_user"];
    for (const language of LANGUAGES) {
      const texts = actions.map((action) =>
        formatIssue({ code: "forbidden", reason: "super_admin_required", action }, language),
      );
      expect(new Set(texts).size).toBe(actions.length);
    }
  });

  it("names the statuses of a refused transition", () => {
    for (const language of LANGUAGES) {
      const a = formatIssue(
        { code: "invalid_transition", from: "removed", to: "active" },
        language,
      );
      const b = formatIssue(
        { code: "invalid_transition", from: "active", to: "removed" },
        language,
      );
      const c = formatIssue(
        { code: "invalid_transition", from: "expired", to: "active" },
        language,
      );
      expect(new Set([a, b, c]).size).toBe(3);
    }
  });

  it("gives an envelope's count and its first issue in full", () => {
    const first = FIXTURES.unknown_client.issue;
    for (const language of LANGUAGES) {
      const firstText = formatIssue(first, language);
      const two = formatIssue(FIXTURES.invalid_attribution_input.issue, language);
      expect(two).toContain("2");
      expect(two).toContain(firstText);
      const one = formatIssue({ code: "invalid_attribution_input", issues: [first] }, language);
      expect(one).toContain(firstText);
      expect(one).not.toBe(two);
      const none = formatIssue({ code: "invalid_attribution_input", issues: [] }, language);
      expectReadable(none);
      const problems = formatIssue(FIXTURES.domain_change_refused.issue, language);
      expect(problems).toContain(formatIssue(FIXTURES.shared_domain.issue, language));
      // The service's requests gain `issues`; they are counted the same way.
      const request = formatIssue(
        { code: "invalid_request", issues: [first, first, first] },
        language,
      );
      expect(request).toContain("3");
      expect(request).toContain(firstText);
    }
  });

  it("formats nested issues in the same language", () => {
    const nested = FIXTURES.invalid_email.issue;
    for (const language of LANGUAGES) {
      expect(formatIssue(nested, language)).toContain(formatIssue(nested.emailIssue, language));
    }
  });
});

describe("formatIssue: issues from the library", () => {
  const partners: Partner[] = [
    { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] },
    { partnerId: "northwind", program: "partner", employeeDomains: ["northwind.io"] },
  ];
  const T = Date.UTC(2026, 0, 1);
  const link = (partnerId: string, assignedAt: number): Assignment => ({
    partnerId,
    clientId: 42,
    email: "jane@gmail.com",
    status: "active",
    assignedAt,
    activatedAt: assignedAt,
  });

  function expectAll(issue: unknown, data: readonly string[]): void {
    for (const language of LANGUAGES) {
      const text = formatIssue(issue, language);
      expectReadable(text);
      for (const piece of data) expect(text, `${language}: ${text}`).toContain(piece);
    }
  }

  it("domains and addresses", () => {
    const refused = (r: { ok: boolean; error?: unknown }) => (r.ok ? undefined : r.error);
    expectAll(refused(parsePartnerEmployeeDomain("gmail.com")), ["gmail.com"]);
    expectAll(refused(parseEmailDomain("https://acme.com/team")), ["acme.com"]);
    expectAll(refused(parseEmailDomain("www.acme.com")), ["acme.com"]);
    expectAll(refused(parseEmailDomain("co.uk")), ["co.uk"]);
    expectAll(refused(parseEmailDomain("acme")), ["acme.com"]);
    expectAll(refused(parseEmailAddress("jane@northwind")), ["jane@northwind", "northwind.com"]);
    // gmail is a top-level domain of its own, so a public suffix.
    expectAll(refused(parseEmailAddress("jane@gmail")), ["jane@gmail", "gmail"]);
  });

  it("an email conflict names the holder, the contender and the suggested address", () => {
    const [conflict] = detectEmailConflicts([link("acme", T), link("northwind", T + 1)], partners);
    expect(conflict).toBeDefined();
    expectAll(conflict, ["jane@gmail.com", "42", "acme", "northwind", "jane@northwind.io"]);
  });

  it("authorization, assignment and attribution", () => {
    const actor = { userId: "u-1", partnerId: "acme", superAdmin: false, permissions: [] };
    const denied = authorize(actor, "update_employee_domain", { partnerId: "acme" });
    expect(denied.ok).toBe(false);
    if (!denied.ok) expectAll(denied.error, []);
    const untagged = assignClient({
      user: { partnerId: "acme", email: "li@acme.com", tagged: false },
      clientId: 42,
      now: T,
    });
    if (!untagged.ok) expectAll(untagged.error, ["li@acme.com", "acme"]);
    expect(untagged.ok).toBe(false);
    const attribution = attributeManagedCredit({
      period: { start: T, end: T + 86_400_000 },
      partners,
      clients: [],
      users: [],
      assignments: [link("acme", T)],
      activities: [],
    });
    expect(attribution.ok).toBe(false);
    if (!attribution.ok) expectAll(attribution.error, ["42"]);
  });

  it("a domain change and the employee-domain warning", () => {
    const preview = previewDomainChange(partners[0] as Partner, ["gmail.com", "rival.io"], [], {
      claims: [{ partnerId: "rival", domain: "rival.io", claimedAt: T }],
    });
    expect(preview.ok).toBe(false);
    if (!preview.ok) expectAll(preview.error, ["2", "gmail.com"]);
    const status = employeeDomainStatus(partners[0] as Partner, [
      { partnerId: "acme", email: "a@acme.io", tagged: true },
      { partnerId: "acme", email: "b@acme.io", tagged: true },
      { partnerId: "acme", email: "c@acme.com", tagged: true },
    ]);
    expect(status.status).toBe("set");
    if (status.status === "set") expectAll(status.warning, ["acme.io", "acme.com", "67"]);
  });
});

describe("formatIssue: total", () => {
  it("falls back to the issue's own message for an unknown code", () => {
    for (const language of LANGUAGES) {
      expect(formatIssue({ code: "brand_new", message: "Try again later." }, language)).toBe(
        "Try again later.",
      );
      const bare = formatIssue({ code: "brand_new" }, language);
      expect(bare).toBe(CATALOGS[language].fallback);
    }
  });

  it("shows a nested issue of an unknown code by its own message", () => {
    const inner = { code: "brand_new", message: "Try again later." };
    expect(formatIssue({ code: "invalid_request", message: "…", issues: [inner] }, "en")).toBe(
      "The request is not valid: one field is wrong. Try again later.",
    );
    for (const language of LANGUAGES) {
      const text = formatIssue({ code: "invalid_attribution_input", issues: [inner] }, language);
      expect(text).toContain("Try again later.");
    }
  });

  it("gives a general sentence for what is no issue", () => {
    for (const language of LANGUAGES) {
      for (const value of [undefined, null, 42, "shared_domain", [], {}, { code: 7 }, () => 1]) {
        expect(formatIssue(value, language)).toBe(CATALOGS[language].fallback);
      }
    }
  });

  it("reads own properties only", () => {
    const inherited = Object.create({ domain: "evil.example", code: "shared_domain" });
    expect(formatIssue(inherited)).toBe(EN.fallback);
    const issue = Object.assign(Object.create({ domain: "evil.example" }), {
      code: "shared_domain",
    });
    expect(formatIssue(issue)).not.toContain("evil.example");
    // JSON.parse makes "__proto__" an own key; what it holds is not the issue's.
    const parsed = JSON.parse('{"code":"shared_domain","__proto__":{"domain":"evil.example"}}');
    expect(formatIssue(parsed)).not.toContain("evil.example");
    expectReadable(formatIssue(parsed));
  });

  it("survives getters and proxies that throw, and issues that contain themselves", () => {
    const trap = () => {
      throw new Error("boom");
    };
    const proxy = new Proxy({}, { get: trap, getOwnPropertyDescriptor: trap, has: trap });
    const getter = Object.defineProperty({ code: "shared_domain" }, "domain", { get: trap });
    const loop: { code: string; issues: unknown[] } = {
      code: "invalid_attribution_input",
      issues: [],
    };
    loop.issues.push(loop);
    const badMessage = Object.defineProperty({ code: "brand_new" }, "message", { get: trap });
    for (const language of LANGUAGES) {
      expect(formatIssue(proxy, language)).toBe(CATALOGS[language].fallback);
      expect(formatIssue(getter, language)).toBe(CATALOGS[language].fallback);
      expect(formatIssue(badMessage, language)).toBe(CATALOGS[language].fallback);
      expectReadable(formatIssue(loop, language));
      const nestedTrap = { code: "invalid_email", input: "jane", emailIssue: proxy };
      expectReadable(formatIssue(nestedTrap, language));
    }
  });

  it("shortens long values and removes control and direction characters", () => {
    const long = "a".repeat(1_000_000);
    const text = formatIssue({ code: "shared_domain", domain: long }, "de");
    expect(text.length).toBeLessThan(600);
    expect(text).toContain("…");
    const spoof = formatIssue({ code: "shared_domain", domain: "moc.\u202eliamg\nx" }, "fr");
    expect(spoof).not.toMatch(/[\u202e\n]/);
  });
});

describe("formatIssue: English numbers for any other locale, or none", () => {
  // A sentence with a number: it is written with the locale's digits.
  const tooMany = {
    code: "invalid_list",
    message: "…",
    path: ["activities"],
    length: 70_000_000,
    maxLength: 67_108_864,
  };
  const ENGLISH =
    "The list (activities) has 70,000,000 entries; one call reads at most 67,108,864. Split it into smaller parts.";
  const GERMAN =
    "Die Liste (activities) hat 70.000.000 Einträge; ein Aufruf liest höchstens 67.108.864. Teilen Sie sie in kleinere Teile auf.";

  it("writes the sentence and its numbers in English without a locale, or with one that is no text", () => {
    expect(formatIssue(tooMany, "en")).toBe(ENGLISH);
    expect(formatIssue(tooMany)).toBe(ENGLISH);
    for (const locale of [42, null, ["de"]]) {
      expect(formatIssue(tooMany, locale as never)).toBe(ENGLISH);
    }
  });

  it("writes them in English for a language it does not have", () => {
    for (const locale of ["es", "ja-JP", "", "constructor"]) {
      expect(formatIssue(tooMany, locale), locale).toBe(ENGLISH);
    }
  });

  it("reads a locale of up to 64 characters, and takes a longer one for none", () => {
    // Ill-formed (a subtag of more than 8 letters), so numbers follow "de".
    const tag64 = `de-${"a".repeat(61)}`;
    expect(tag64).toHaveLength(64);
    expect(formatIssue(tooMany, tag64)).toBe(GERMAN);
    expect(formatIssue(tooMany, `${tag64}a`)).toBe(ENGLISH);
    expect(formatIssue(tooMany, `de-${"a".repeat(100)}`)).toBe(ENGLISH);
  });
});

describe("formatIssue: a value that is no attribution state, without saying which", () => {
  it("says “this” in every language", () => {
    const issue = { code: "invalid_attribution_state", message: "…", reason: "not_a_state" };
    expect(LANGUAGES.map((language) => formatIssue(issue, language))).toEqual([
      "This is not a saved attribution state. Start the attribution again.",
      "Das ist kein gespeicherter Zwischenstand der Zuordnung. Starten Sie die Zuordnung neu.",
      "Ceci n’est pas un état d’attribution enregistré. Relancez l’attribution du crédit.",
      "Questo non è uno stato di attribuzione salvato. Avviare di nuovo l'attribuzione.",
      "Isto não é um estado de atribuição salvo. Inicie a atribuição novamente.",
    ]);
  });
});
