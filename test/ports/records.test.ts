import { describe, expect, it } from "vitest";
import {
  checkActivityRecords,
  checkAssignmentRecord,
  checkAssignmentUpdate,
  checkClientRecord,
  checkDomainClaimRecord,
  checkEmailLinkRecord,
  checkPartnerRecord,
  checkUserRecord,
  MAX_ACTIVITIES_PER_CALL,
} from "../../src/ports/records.js";
import type { AssignmentRecord } from "../../src/ports/repository.js";

const paths = (r: { ok: boolean; error?: { issues: readonly { path: unknown }[] } }) =>
  r.ok ? [] : r.error!.issues.map((i) => i.path);

describe("checkPartnerRecord", () => {
  it("accepts a partner and rebuilds it from its known fields", () => {
    const input = {
      partnerId: "acme",
      program: "partner",
      employeeDomains: ["acme.com"],
      extra: 1,
    };
    const r = checkPartnerRecord(input);
    expect(r).toEqual({
      ok: true,
      value: { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] },
    });
    expect(r.ok && r.value.employeeDomains).not.toBe(input.employeeDomains);
  });

  it("refuses domains that are not canonical, twice listed or no domain, and a bad program", () => {
    const r = checkPartnerRecord({
      partnerId: "",
      program: "gold",
      employeeDomains: ["ACME.com", "acme.de", "acme.de", "com"],
      matchSubdomains: "yes",
    });
    expect(paths(r)).toEqual([
      ["partner", "partnerId"],
      ["partner", "program"],
      ["partner", "employeeDomains", 0],
      ["partner", "employeeDomains", 2],
      ["partner", "employeeDomains", 3],
      ["partner", "matchSubdomains"],
    ]);
    expect(!r.ok && r.error.issues[2]).toMatchObject({
      code: "invalid_domain",
      canonical: "acme.com",
    });
    expect(!r.ok && r.error.issues[4]).toMatchObject({
      code: "invalid_domain",
      domainIssue: { code: "public_suffix" },
    });
  });

  it("refuses a program other than partner or provider with an invalid_record issue at program", () => {
    for (const program of ["gold", "Partner", undefined, 1]) {
      expect(
        checkPartnerRecord({ partnerId: "acme", program, employeeDomains: [] }),
        String(program),
      ).toEqual({
        ok: false,
        error: {
          status: "invalid_record",
          issues: [
            {
              code: "invalid_record",
              message: 'program is "partner" or "provider".',
              path: ["partner", "program"],
              input: program,
            },
          ],
        },
      });
    }
  });

  it("reads own properties only and never throws", () => {
    const proto = JSON.parse(
      '{"__proto__": {"partnerId": "acme"}, "program": "partner", "employeeDomains": []}',
    );
    expect(paths(checkPartnerRecord(proto))).toEqual([["partner", "partnerId"]]);
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(checkPartnerRecord(hostile)).toMatchObject({
      ok: false,
      error: { status: "invalid_record", issues: [{ code: "invalid_record", path: ["partner"] }] },
    });
    for (const v of [null, undefined, 42, "acme", []]) {
      expect(checkPartnerRecord(v).ok).toBe(false);
    }
  });
});

describe("checkUserRecord", () => {
  it("computes the key of the address, keeping the address as entered", () => {
    for (const [email, key] of [
      ["Jane@BÜCHER.de", "jane@xn--bcher-kva.de"],
      [" Max@Acme.COM. ", "max@acme.com"],
      ["ana@ＡＣＭＥ.com", "ana@acme.com"],
    ]) {
      expect(checkUserRecord({ partnerId: "acme", email, tagged: true })).toEqual({
        ok: true,
        value: { user: { partnerId: "acme", email, tagged: true }, emailKey: key },
      });
    }
  });

  it("refuses an address with no key, with the reason", () => {
    const r = checkUserRecord({ partnerId: "acme", email: "jane", tagged: "yes" });
    expect(paths(r)).toEqual([
      ["user", "email"],
      ["user", "tagged"],
    ]);
    expect(!r.ok && r.error.issues[0]).toMatchObject({
      code: "invalid_email",
      input: "jane",
      emailIssue: { code: "missing_at" },
    });
  });
});

describe("checkAssignmentRecord", () => {
  const pending = {
    partnerId: "acme",
    clientId: 42,
    email: "Jane@acme.com",
    status: "pending_access",
    assignedAt: 10,
  };

  it("accepts the shapes of each status and computes the key", () => {
    expect(checkAssignmentRecord(pending)).toEqual({
      ok: true,
      value: { assignment: pending, emailKey: "jane@acme.com" },
    });
    const active = { ...pending, status: "active", activatedAt: 10, expiresAt: 99 };
    expect(checkAssignmentRecord(active).ok).toBe(true);
    expect(checkAssignmentRecord({ ...pending, status: "removed", removedAt: 11 }).ok).toBe(true);
  });

  it("refuses a missing time of its status, a time before assignedAt, and bad fields", () => {
    expect(paths(checkAssignmentRecord({ ...pending, status: "active" }))).toEqual([
      ["assignment", "activatedAt"],
    ]);
    expect(paths(checkAssignmentRecord({ ...pending, status: "expired" }))).toEqual([
      ["assignment", "expiresAt"],
    ]);
    expect(paths(checkAssignmentRecord({ ...pending, status: "active", activatedAt: 9 }))).toEqual([
      ["assignment", "activatedAt"],
    ]);
    expect(
      paths(checkAssignmentRecord({ ...pending, clientId: "42", assignedAt: 1.5, status: "done" })),
    ).toEqual([
      ["assignment", "status"],
      ["assignment", "clientId"],
      ["assignment", "assignedAt"],
    ]);
    // a present but invalid time is reported once
    expect(
      paths(checkAssignmentRecord({ ...pending, status: "removed", removedAt: "2026-01-01" })),
    ).toEqual([["assignment", "removedAt"]]);
  });
});

describe("checkAssignmentUpdate", () => {
  const stored: AssignmentRecord = {
    id: "1",
    emailKey: "jane@acme.com",
    version: 1,
    value: {
      partnerId: "acme",
      clientId: 42,
      email: "jane@acme.com",
      status: "pending_access",
      assignedAt: 1,
    },
  };

  // Found by the hostile-input suite: a `current` that is not a stored
  // record threw a TypeError reading its value.
  it("refuses a current value that is not a stored record, as invalid_record at current", () => {
    for (const current of [undefined, null, 42, {}, { value: stored.value }, { emailKey: "x" }]) {
      const r = checkAssignmentUpdate(current as unknown as AssignmentRecord, stored.value);
      expect(r.ok).toBe(false);
      expect(paths(r as never)).toEqual([["current"]]);
    }
  });

  it("accepts a change of status and the address in another case", () => {
    const next = { ...stored.value, email: "JANE@acme.com", status: "active", activatedAt: 2 };
    expect(checkAssignmentUpdate(stored, next).ok).toBe(true);
  });

  it("refuses a new partner, client or key, and a removed one coming back", () => {
    const moved = { ...stored.value, partnerId: "rival", clientId: 43, email: "max@acme.com" };
    expect(paths(checkAssignmentUpdate(stored, moved))).toEqual([
      ["assignment", "partnerId"],
      ["assignment", "clientId"],
      ["assignment", "email"],
    ]);
    const removed: AssignmentRecord = {
      ...stored,
      value: { ...stored.value, status: "removed", removedAt: 3 },
    };
    expect(paths(checkAssignmentUpdate(removed, stored.value))).toEqual([["assignment", "status"]]);
    expect(checkAssignmentUpdate(removed, { ...removed.value, removedAt: 4 }).ok).toBe(true);
  });
});

describe("checkDomainClaimRecord, checkEmailLinkRecord, checkClientRecord", () => {
  it("sets matchSubdomains on a claim, refuses a public suffix", () => {
    expect(checkDomainClaimRecord({ domain: "acme.com", partnerId: "acme", claimedAt: 1 })).toEqual(
      {
        ok: true,
        value: { domain: "acme.com", partnerId: "acme", claimedAt: 1, matchSubdomains: false },
      },
    );
    expect(
      paths(checkDomainClaimRecord({ domain: "co.uk", partnerId: "acme", claimedAt: 1 })),
    ).toEqual([["claim", "domain"]]);
  });

  it("computes a link's key and ignores one given", () => {
    const r = checkEmailLinkRecord({
      clientId: 42,
      partnerId: "acme",
      email: "Jane@Gmail.com",
      linkedAt: 1,
      emailKey: "made-up@key.io",
    });
    expect(r.ok && r.value.emailKey).toBe("jane@gmail.com");
  });

  it("checks a client's MRR", () => {
    expect(
      checkClientRecord({
        clientId: 42,
        mrr: { amountMinor: 100, currency: "USD" },
        growthMarket: true,
      }).ok,
    ).toBe(true);
    expect(
      paths(checkClientRecord({ clientId: 42, mrr: { amountMinor: 1.5, currency: "usd" } })),
    ).toEqual([
      ["client", "mrr", "amountMinor"],
      ["client", "mrr", "currency"],
    ]);
    expect(paths(checkClientRecord({ clientId: 42 }))).toEqual([["client", "mrr"]]);
  });
});

describe("checkActivityRecords", () => {
  it("takes any list, and reports every bad field", () => {
    const good = { clientId: 42, email: "jane@acme.com", at: 5 };
    expect(checkActivityRecords(new Set([good]))).toEqual({ ok: true, value: [good] });
    expect(
      paths(checkActivityRecords([good, { clientId: 0, email: "x", at: Number.NaN }, null])),
    ).toEqual([
      ["activities", 1, "clientId"],
      ["activities", 1, "email"],
      ["activities", 1, "at"],
      ["activities", 2],
    ]);
  });

  it("refuses what is not a list, and a list longer than the limit without reading it", () => {
    expect(paths(checkActivityRecords("abc"))).toEqual([["activities"]]);
    const huge: unknown[] = [];
    huge.length = MAX_ACTIVITIES_PER_CALL + 1;
    expect(checkActivityRecords(huge)).toMatchObject({
      ok: false,
      error: { issues: [{ path: ["activities"], input: MAX_ACTIVITIES_PER_CALL + 1 }] },
    });
  });
});

describe("the flags of each record", () => {
  const flagIssue = (path: (string | number)[], input: unknown) => ({
    code: "invalid_record",
    message: `${String(path.at(-1))} must be true or false.`,
    path,
    input,
  });

  it("names the flag in the message of a flag that is no boolean", () => {
    expect(flagIssue(["user", "tagged"], 1).message).toBe("tagged must be true or false.");
    expect(
      checkUserRecord({
        partnerId: "acme",
        email: "jane@acme.com",
        tagged: "yes",
        inPartnerAccount: 1,
      }),
    ).toEqual({
      ok: false,
      error: {
        status: "invalid_record",
        issues: [flagIssue(["user", "tagged"], "yes"), flagIssue(["user", "inPartnerAccount"], 1)],
      },
    });
    // tagged is required, inPartnerAccount is not
    expect(checkUserRecord({ partnerId: "acme", email: "jane@acme.com" })).toEqual({
      ok: false,
      error: { status: "invalid_record", issues: [flagIssue(["user", "tagged"], undefined)] },
    });
    expect(
      checkUserRecord({
        partnerId: "acme",
        email: "jane@acme.com",
        tagged: false,
        inPartnerAccount: false,
      }),
    ).toEqual({
      ok: true,
      value: {
        user: { partnerId: "acme", email: "jane@acme.com", tagged: false, inPartnerAccount: false },
        emailKey: "jane@acme.com",
      },
    });
  });

  it("checks a partner's and a claim's matchSubdomains, absent meaning false", () => {
    const partner = { partnerId: "acme", program: "provider", employeeDomains: [] };
    expect(checkPartnerRecord({ ...partner, matchSubdomains: "true" })).toEqual({
      ok: false,
      error: {
        status: "invalid_record",
        issues: [flagIssue(["partner", "matchSubdomains"], "true")],
      },
    });
    expect(checkPartnerRecord({ ...partner, matchSubdomains: false })).toEqual({
      ok: true,
      value: { ...partner, matchSubdomains: false },
    });
    expect(checkPartnerRecord(partner)).toEqual({ ok: true, value: partner });
    const claim = { domain: "acme.com", partnerId: "acme", claimedAt: 1 };
    expect(checkDomainClaimRecord({ ...claim, matchSubdomains: null })).toEqual({
      ok: false,
      error: { status: "invalid_record", issues: [flagIssue(["claim", "matchSubdomains"], null)] },
    });
    expect(checkDomainClaimRecord({ ...claim, matchSubdomains: true })).toEqual({
      ok: true,
      value: { ...claim, matchSubdomains: true },
    });
  });

  it("checks a client's growthMarket, kept only when given", () => {
    const client = { clientId: 42, mrr: { amountMinor: 0, currency: "EUR" } };
    expect(checkClientRecord({ ...client, growthMarket: "yes" })).toEqual({
      ok: false,
      error: {
        status: "invalid_record",
        issues: [flagIssue(["client", "growthMarket"], "yes")],
      },
    });
    expect(checkClientRecord({ ...client, growthMarket: false })).toEqual({
      ok: true,
      value: { ...client, growthMarket: false },
    });
    expect(checkClientRecord({ ...client, extra: 1 })).toEqual({ ok: true, value: client });
  });
});

describe("checkClientRecord: mrr", () => {
  it("names mrr in the refusal of an mrr that is no object", () => {
    expect(checkClientRecord({ clientId: 42, mrr: "100 USD" })).toEqual({
      ok: false,
      error: {
        status: "invalid_record",
        issues: [
          {
            code: "invalid_record",
            message: "mrr must be an object.",
            path: ["client", "mrr"],
            input: "100 USD",
          },
        ],
      },
    });
  });

  // A String object or an array reads as "USD" to a regular expression, so
  // only the type check keeps it out of the stored currency.
  it.each([
    ["a String object", new String("USD")],
    ["an array", ["USD"]],
  ])("refuses %s as the currency, though it reads as USD", (_, code) => {
    expect(checkClientRecord({ clientId: 42, mrr: { amountMinor: 1, currency: code } })).toEqual({
      ok: false,
      error: {
        status: "invalid_record",
        issues: [
          {
            code: "invalid_record",
            message: "currency is an ISO 4217 code such as USD.",
            path: ["client", "mrr", "currency"],
            input: code,
          },
        ],
      },
    });
  });
});

describe("checkClientRecord: clientId", () => {
  it("refuses a clientId that is no positive whole number, saying a client is its HubID", () => {
    expect(checkClientRecord({ clientId: 0, mrr: { amountMinor: 1, currency: "USD" } })).toEqual({
      ok: false,
      error: {
        status: "invalid_record",
        issues: [
          {
            code: "invalid_client_id",
            message: "A client is identified by its HubID, a positive whole number.",
            path: ["client", "clientId"],
            input: 0,
          },
        ],
      },
    });
  });
});

describe("checkPartnerRecord: employeeDomains", () => {
  const issue = (input: unknown) => ({
    code: "invalid_record",
    message: "employeeDomains must be an array of domains.",
    path: ["partner", "employeeDomains"],
    input,
  });

  it("refuses anything but an array with one issue, without reading it as a list", () => {
    for (const domains of [undefined, null, "acme.com", 42, { 0: "acme.com", length: 1 }]) {
      expect(
        checkPartnerRecord({ partnerId: "acme", program: "partner", employeeDomains: domains }),
      ).toEqual({ ok: false, error: { status: "invalid_record", issues: [issue(domains)] } });
    }
  });

  it("reports each bad element at its index, a domain listed twice at its second place", () => {
    const r = checkPartnerRecord({
      partnerId: "acme",
      program: "partner",
      employeeDomains: ["acme.com", "acme.de", "acme.com", 7],
    });
    expect(!r.ok && r.error.issues.map(({ code, path, input }) => ({ code, path, input }))).toEqual(
      [
        { code: "invalid_domain", path: ["partner", "employeeDomains", 2], input: "acme.com" },
        { code: "invalid_domain", path: ["partner", "employeeDomains", 3], input: 7 },
      ],
    );
    expect(!r.ok && r.error.issues[0]?.message).toBe("acme.com is listed twice.");
  });
});
