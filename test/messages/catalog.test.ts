// The fields of an issue as a sentence shows them (catalog.ts): a path as
// `users[3].partnerId`, a text or a number, a list of at most five texts
// read from the first 64 elements, a share as a percentage. Each rule is
// checked on both sides of its limit, through the English sentence of a code
// that shows the field.
import { describe, expect, it } from "vitest";
import { type FieldsEnv, fieldsOf } from "../../src/messages/catalog.js";
import { formatIssue } from "../../src/messages/format-issue.js";

const en = (issue: object) => formatIssue(issue, "en");

describe("a path field", () => {
  const partnerId = (path: unknown, input?: unknown) =>
    en({ code: "invalid_partner_id", message: "…", path, input });
  const NONE = "The partner ID must be non-empty text.";

  it("writes numbers as indexes and strings as dotted keys", () => {
    expect(partnerId(["users", 3, "partnerId"])).toBe(
      "The partner ID must be non-empty text (users[3].partnerId).",
    );
    expect(partnerId(["users", 3, "partnerId"], 7)).toBe(
      "The partner ID must be non-empty text (users[3].partnerId: 7).",
    );
    expect(partnerId([0, "partnerId"])).toBe(
      "The partner ID must be non-empty text ([0].partnerId).",
    );
    expect(partnerId(["partnerId"])).toBe("The partner ID must be non-empty text (partnerId).");
    // A string that looks like a number is still a key, not an index.
    expect(partnerId(["users", "0"])).toBe("The partner ID must be non-empty text (users.0).");
    expect(partnerId(["users", 0])).toBe("The partner ID must be non-empty text (users[0]).");
    expect(partnerId(["users", Number.MAX_SAFE_INTEGER])).toBe(
      `The partner ID must be non-empty text (users[${Number.MAX_SAFE_INTEGER}]).`,
    );
  });

  it("leaves out a path with a key that is no index or no key, and shows the value as received", () => {
    for (const key of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, "", null, true, {}]) {
      expect(partnerId(["users", key]), String(key)).toBe(NONE);
      expect(partnerId(["users", key], 7), String(key)).toBe(
        "The partner ID must be non-empty text (received: 7).",
      );
    }
    const holey: unknown[] = ["users"];
    holey[2] = "partnerId";
    expect(partnerId(holey)).toBe(NONE);
    for (const path of [[], "users.partnerId", { 0: "users", length: 1 }, undefined]) {
      expect(partnerId(path), JSON.stringify(path)).toBe(NONE);
    }
  });

  it("shows a path of 16 keys, and none of 17", () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i.toString(16)}`);
    expect(partnerId(keys(16))).toBe(
      `The partner ID must be non-empty text (${keys(16).join(".")}).`,
    );
    expect(partnerId(keys(17))).toBe(NONE);
  });

  it("cuts a path after 120 characters", () => {
    const key120 = "abcdefghij".repeat(12);
    expect(partnerId([key120])).toBe(`The partner ID must be non-empty text (${key120}).`);
    expect(partnerId([`${key120}X`])).toBe(`The partner ID must be non-empty text (${key120}…).`);
  });
});

describe("a text or number field", () => {
  const notFound = (partnerId: unknown) =>
    en({ code: "partner_not_found", message: "…", partnerId });

  it("shows text cleaned, and a finite number as it is", () => {
    expect(notFound("northwind")).toBe("Partner northwind was not found.");
    expect(notFound("  north\u202ewind\n")).toBe("Partner north wind was not found.");
    expect(notFound(42)).toBe("Partner 42 was not found.");
    expect(notFound(-0.5)).toBe("Partner -0.5 was not found.");
    expect(notFound("a".repeat(80))).toBe(`Partner ${"a".repeat(80)} was not found.`);
    expect(notFound("a".repeat(81))).toBe(`Partner ${"a".repeat(80)}… was not found.`);
  });

  it("leaves out what is no finite number and no text", () => {
    for (const value of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      undefined,
      null,
      true,
      7n,
      ["northwind"],
      { toString: () => "northwind" },
      "",
      " \n ",
    ]) {
      expect(notFound(value), String(value)).toBe("The partner was not found.");
    }
  });
});

describe("a number field", () => {
  const schema = (version: unknown, locale = "en") =>
    formatIssue({ code: "schema_too_new", message: "…", version, supported: 3 }, locale);
  const sentence = (version: string) =>
    `The database was set up by a newer release (schema version ${version}, this release knows up to 3). Nothing was changed. Run the newer release.`;

  it("rounds a number to at most two decimals, in the reader's locale", () => {
    expect(schema(4)).toBe(sentence("4"));
    expect(schema(1.23456)).toBe(sentence("1.23"));
    expect(schema(12345.6789)).toBe(sentence("12,345.68"));
    expect(schema(1.23456, "de")).toContain("1,23");
    expect(schema(1.23456, "de")).not.toContain("1,235");
  });
});

describe("a field named from a table", () => {
  const transition = (from: unknown) =>
    en({ code: "invalid_transition", message: "…", from, to: "active" });

  it("names a status given as text, and no value that only converts to one", () => {
    expect(transition("removed")).toBe(
      "This assignment cannot go from “removed” to “active”. Nothing was changed.",
    );
    const unnamed = "This assignment cannot go from its status to “active”. Nothing was changed.";
    for (const from of [["removed"], { toString: () => "removed" }, "toString", 7, undefined]) {
      expect(transition(from), String(from)).toBe(unnamed);
    }
  });
});

describe("a list field", () => {
  const unverified = (domains: unknown) =>
    en({ code: "domain_not_verified", message: "…", domains });
  const REST =
    ": no proof of ownership was given. Publish the DNS TXT record of the domain challenge, verify it, then set the domains again with the verification.";
  const domains = (n: number) => Array.from({ length: n }, (_, i) => `d${i}.com`);

  it("shows at most five texts, and says when there are more", () => {
    expect(unverified(["acme.com"])).toBe(`acme.com${REST}`);
    expect(unverified(domains(5))).toBe(`d0.com, d1.com, d2.com, d3.com, d4.com${REST}`);
    expect(unverified(domains(6))).toBe(`d0.com, d1.com, d2.com, d3.com, d4.com, …${REST}`);
    // Elements that are neither text nor a finite number are skipped, but count as entries.
    expect(unverified([null, "acme.com", 7, { d: 1 }])).toBe(`acme.com, 7${REST}`);
    expect(unverified([null, null, null, null, null, "acme.com"])).toBe(`acme.com, …${REST}`);
  });

  it("reads the first 64 elements only", () => {
    const at = (index: number) => {
      const list: unknown[] = Array.from({ length: index }, () => null);
      list.push("late.com");
      return list;
    };
    expect(unverified(at(63))).toBe(`late.com, …${REST}`);
    expect(unverified(at(64))).toBe(`This domain${REST}`);
    expect(unverified(at(100))).toBe(`This domain${REST}`);
  });

  it("leaves out a list with no text, or what is no list", () => {
    for (const value of [[], [null, 1n], "acme.com", { 0: "acme.com", length: 1 }, undefined]) {
      expect(unverified(value), String(value)).toBe(`This domain${REST}`);
    }
    const holey: unknown[] = [];
    holey[3] = "acme.com";
    expect(unverified(holey)).toBe(`acme.com${REST}`);
  });

  it("finds the first element with a text field, among the first 64", () => {
    const conflict = (resolutions: unknown[]) =>
      en({
        code: "email_linked_to_another_partner",
        message: "…",
        email: "jane@gmail.com",
        clientId: 42,
        holder: { partnerId: "acme" },
        contenders: [{ partnerId: "northwind" }],
        resolutions,
      });
    const sentence = (address: string) =>
      `jane@gmail.com is already linked to client 42 by partner acme; partner northwind cannot link it too and would earn no managed credit for this user. Ask the first partner to remove the user's access to the client, give the user an address on your partner employee domain${address}, or use another of the user's addresses.`;
    expect(
      conflict([
        { kind: "ask_holder_to_remove_access" },
        { suggestedAddress: null },
        { suggestedAddress: "jane@northwind.io" },
        { suggestedAddress: "jane@other.io" },
      ]),
    ).toBe(sentence(" (jane@northwind.io)"));
    const addressAt = (index: number) => [
      ...Array.from({ length: index }, () => ({ suggestedAddress: null })),
      { suggestedAddress: "jane@northwind.io" },
    ];
    expect(conflict(addressAt(63))).toBe(sentence(" (jane@northwind.io)"));
    expect(conflict(addressAt(64))).toBe(sentence(""));
    expect(conflict([])).toBe(sentence(""));
  });
});

describe("a share field", () => {
  const suggestion = (share: unknown, count: unknown = 3) =>
    en({
      code: "suggested_domain_not_set",
      message: "…",
      suggestion: { domain: "acme.com", count, share },
      employeeDomains: ["acme.io"],
    });
  const sentence = (paren: string) =>
    `Most of your client-facing users${paren} use acme.com, which is not among your partner employee domains (acme.io). Set it as your partner employee email domain so that they are recognised automatically.`;

  it("shows a share from 0 to 1 as a whole percentage", () => {
    expect(suggestion(2 / 3)).toBe(sentence(" (3, 67%)"));
    expect(suggestion(0)).toBe(sentence(" (3, 0%)"));
    expect(suggestion(1)).toBe(sentence(" (3, 100%)"));
    expect(suggestion(1, 1234)).toBe(sentence(" (1,234, 100%)"));
  });

  it("leaves out a share below 0, above 1, or no number", () => {
    for (const share of [-0.001, 1.001, 2, Number.NaN, Number.POSITIVE_INFINITY, "0.5", null]) {
      expect(suggestion(share), String(share)).toBe(sentence(" (3)"));
    }
    expect(suggestion(Number.NaN, Number.POSITIVE_INFINITY)).toBe(sentence(""));
  });
});

describe("a list of issues (fieldsOf)", () => {
  // The nested formatter is the caller's: it is asked for the first issue
  // only when there is one, so an empty list has no first issue to show.
  const listed = (issues: unknown) => {
    const asked: unknown[] = [];
    const env: FieldsEnv = {
      locales: ["en"],
      nest: (issue) => {
        asked.push(issue);
        return "formatted";
      },
    };
    return { envelope: fieldsOf({ code: "invalid_request", issues }, env).list("issues"), asked };
  };

  it("counts the issues and formats the first, or none of an empty list", () => {
    const first = { code: "invalid_client_id", input: "42" };
    expect(listed([first, { code: "invalid_timestamp" }])).toEqual({
      envelope: { count: 2, first: "formatted" },
      asked: [first],
    });
    expect(listed([{ issue: first }])).toEqual({
      envelope: { count: 1, first: "formatted" },
      asked: [first],
    });
    expect(listed([])).toEqual({ envelope: { count: 0, first: undefined }, asked: [] });
    expect(listed("issues")).toEqual({ envelope: undefined, asked: [] });
  });
});
