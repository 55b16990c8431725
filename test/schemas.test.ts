import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import { isTimestamp, MAX_TIMESTAMP } from "../src/guards.js";
import { inputSchemas, schemas } from "../src/schemas.js";
import { arbitraries } from "../src/testing/arbitraries.js";

describe("schemas", () => {
  it("canonicalise domains and keep the library's issue", () => {
    expect(schemas.emailDomain.parse("ACME.com.")).toBe("acme.com");
    const r = schemas.partnerEmployeeDomain.safeParse("gmail.com");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      code: "custom",
      params: { issue: { code: "shared_domain" } },
    });
  });

  it("parse email addresses into their parts", () => {
    expect(schemas.emailAddress.parse("Jane@ACME.com")).toEqual({
      local: "Jane",
      domain: "acme.com",
      key: "jane@acme.com",
    });
    expect(schemas.emailAddress.safeParse("jane").success).toBe(false);
  });

  it("accept ISO 8601 strings with a time zone, Dates and epoch milliseconds for timestamps", () => {
    expect(schemas.timestamp.parse("2026-01-05T09:00:00Z")).toBe(Date.UTC(2026, 0, 5, 9));
    expect(schemas.timestamp.parse("2026-01-05T10:00:00+01:00")).toBe(Date.UTC(2026, 0, 5, 9));
    expect(schemas.timestamp.parse("2026-01-05t09:00z")).toBe(Date.UTC(2026, 0, 5, 9));
    expect(schemas.timestamp.parse("2026-01-05 09:00:00.5-00:30")).toBe(
      Date.UTC(2026, 0, 5, 9, 30, 0, 500),
    );
    // years below 100 are years, not 19xx as Date.UTC would read them
    expect(schemas.timestamp.parse("0001-01-01T00:00:00Z")).toBe(-62_135_596_800_000);
    expect(schemas.timestamp.parse("0000-03-01T00:00:00Z")).toBe(
      Date.parse("0000-03-01T00:00:00Z"),
    );
    expect(schemas.timestamp.parse(new Date(Date.UTC(2026, 0, 5)))).toBe(Date.UTC(2026, 0, 5));
    expect(schemas.timestamp.parse(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(Object.is(schemas.timestamp.parse(-0), 0)).toBe(true);
    expect(schemas.timestamp.parse(MAX_TIMESTAMP)).toBe(MAX_TIMESTAMP);
    expect(schemas.timestamp.parse(-MAX_TIMESTAMP)).toBe(-MAX_TIMESTAMP);
  });

  it.each([
    ["a date without a time, as the message says", "2026-02-01"],
    ["a time without a zone", "2026-01-05T09:00:00"],
    ["an offset without a colon", "2026-01-05T09:00:00+0100"],
    ["a day that does not exist", "2026-02-30T00:00:00Z"],
    ["the 29th of February of a common year", "2025-02-29T00:00:00Z"],
    ["hour 24", "2026-01-05T24:00:00Z"],
    ["a leap second", "2026-06-30T23:59:60Z"],
    ["surrounding spaces", " 2026-01-05T09:00:00Z "],
    ["words", "yesterday"],
    ["an invalid Date", new Date(Number.NaN)],
    ["an object that only looks like a Date", { getTime: (): number => 0 }],
    ["a fraction of a millisecond", 1.5],
    ["beyond the range of Date", 1e16],
    ["far beyond", 1e300],
    ["just beyond", MAX_TIMESTAMP + 1],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["null", null],
    ["a bigint", 5n],
  ])("refuse %s as a timestamp", (_what, bad) => {
    const r = schemas.timestamp.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      code: "custom",
      params: { issue: { code: "invalid_timestamp" } },
    });
  });

  it("accept exactly the numbers isTimestamp accepts", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer(),
          fc.maxSafeInteger(),
          fc.integer({ min: -MAX_TIMESTAMP - 5, max: -MAX_TIMESTAMP + 5 }),
          fc.integer({ min: MAX_TIMESTAMP - 5, max: MAX_TIMESTAMP + 5 }),
        ),
        (n) => {
          const r = schemas.timestamp.safeParse(n);
          expect(r.success).toBe(isTimestamp(n));
          if (r.success) expect(Object.is(r.data, n + 0)).toBe(true);
        },
      ),
    );
  });

  it("read ISO strings as Date.parse reads the standard form, in every zone", () => {
    fc.assert(
      fc.property(
        // years 0000 to 9999, the four-digit years of ISO 8601
        fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (t, offsetMinutes) => {
          const iso = new Date(t).toISOString();
          if (!/^\d{4}-/.test(iso)) return;
          expect(schemas.timestamp.parse(iso)).toBe(t);
          // the same instant written in another zone
          const local = new Date(t + offsetMinutes * 60_000).toISOString();
          if (!/^\d{4}-/.test(local)) return;
          const sign = offsetMinutes < 0 ? "-" : "+";
          const abs = Math.abs(offsetMinutes);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
          const text = local.replace("Z", zone);
          expect(schemas.timestamp.parse(text)).toBe(t);
          expect(Date.parse(text)).toBe(t);
        },
      ),
    );
  });

  it("validate partners, with canonical employee domains", () => {
    expect(
      schemas.partner.parse({
        partnerId: "p1",
        program: "partner",
        employeeDomains: ["Northwind.IO"],
      }),
    ).toEqual({ partnerId: "p1", program: "partner", employeeDomains: ["northwind.io"] });
    expect(
      schemas.partner.safeParse({ partnerId: "", program: "partner", employeeDomains: [] }).success,
    ).toBe(false);
    expect(
      schemas.partner.safeParse({
        partnerId: "p",
        program: "partner",
        employeeDomains: ["a.com", "A.com"],
      }).success,
    ).toBe(false);
    expect(
      schemas.partner.safeParse({ partnerId: "p", program: "gold", employeeDomains: [] }).success,
    ).toBe(false);
  });

  it("enforce the assignment status rules", () => {
    const base = {
      partnerId: "p",
      clientId: 1,
      email: "jane@acme.com",
      assignedAt: "2026-01-01T00:00:00Z",
    };
    expect(schemas.assignment.parse({ ...base, status: "pending_access" })).toEqual({
      ...base,
      status: "pending_access",
      assignedAt: Date.UTC(2026, 0, 1),
    });
    expect(schemas.assignment.safeParse({ ...base, status: "active" }).success).toBe(false);
    expect(schemas.assignment.safeParse({ ...base, status: "removed" }).success).toBe(false);
    expect(schemas.assignment.safeParse({ ...base, status: "expired" }).success).toBe(false);
    expect(
      schemas.assignment.safeParse({
        ...base,
        status: "active",
        activatedAt: "2025-12-31T00:00:00Z",
      }).success,
    ).toBe(false);
    expect(
      schemas.assignment.safeParse({ ...base, status: "active", activatedAt: Date.UTC(2026, 0, 2) })
        .success,
    ).toBe(true);
    expect(
      schemas.assignment.safeParse({ ...base, clientId: 0, status: "pending_access" }).success,
    ).toBe(false);
    expect(
      schemas.assignment.safeParse({ ...base, clientId: 1.5, status: "pending_access" }).success,
    ).toBe(false);
  });

  it("validate money, clients, periods, deals and thresholds", () => {
    expect(
      schemas.client.safeParse({ clientId: 5, mrr: { amountMinor: 100, currency: "USD" } }).success,
    ).toBe(true);
    expect(
      schemas.client.safeParse({ clientId: 5, mrr: { amountMinor: -1, currency: "USD" } }).success,
    ).toBe(false);
    expect(
      schemas.client.safeParse({ clientId: 5, mrr: { amountMinor: 1.5, currency: "USD" } }).success,
    ).toBe(false);
    // A currency is exactly three capital letters: not more on either side, not fewer.
    const usd = { clientId: 5, mrr: { amountMinor: 1, currency: "USD" } };
    expect(inputSchemas.client.safeParse(usd).success).toBe(true);
    for (const currency of ["usd", "USDX", "XUSD", "US", "U$D", " USD"]) {
      const client = { clientId: 5, mrr: { amountMinor: 1, currency } };
      expect(schemas.client.safeParse(client).success, currency).toBe(false);
      expect(inputSchemas.client.safeParse(client).success, currency).toBe(false);
    }
    const backwards = schemas.period.safeParse({
      start: "2026-02-01T00:00:00Z",
      end: "2026-01-01T00:00:00Z",
    });
    expect(backwards.success).toBe(false);
    // the refusal points at the end, the field a form shows it beside
    expect(backwards.error?.issues).toEqual([
      expect.objectContaining({ message: "A period cannot end before it starts.", path: ["end"] }),
    ]);
    expect(schemas.period.safeParse({ start: "2026-01-01", end: "2026-02-01" }).success).toBe(
      false,
    );
    expect(
      schemas.period.parse({ start: "2026-01-01T00:00:00Z", end: "2026-02-01T00:00:00Z" }),
    ).toEqual({
      start: Date.UTC(2026, 0, 1),
      end: Date.UTC(2026, 1, 1),
    });
    expect(
      schemas.deal.safeParse({ kind: "sourced", mrr: { amountMinor: 1, currency: "EUR" } }).success,
    ).toBe(true);
    expect(
      schemas.deal.safeParse({ kind: "found", mrr: { amountMinor: 1, currency: "EUR" } }).success,
    ).toBe(false);
    expect(
      schemas.tierThreshold.safeParse({ tier: "gold", totalPoints: 10, sourcedPoints: -1 }).success,
    ).toBe(false);
    expect(
      schemas.partnerUser.safeParse({ partnerId: "p", email: "x", tagged: true }).success,
    ).toBe(false);
    expect(
      schemas.activity.safeParse({ clientId: 3, email: "a@b.com", at: "2026-01-01T00:00:00Z" })
        .success,
    ).toBe(true);
  });

  it("accept an amountMinor of zero: a client may pay nothing yet", () => {
    const free = { clientId: 5, mrr: { amountMinor: 0, currency: "USD" } };
    expect(schemas.client.parse(free)).toEqual(free);
    expect(
      schemas.deal.safeParse({ kind: "sourced", mrr: { amountMinor: 0, currency: "EUR" } }).success,
    ).toBe(true);
  });

  it("compose into classic zod schemas", () => {
    const body = z.object({ partner: schemas.partner, users: z.array(schemas.partnerUser) });
    const parsed = body.parse({
      partner: { partnerId: "p", program: "provider", employeeDomains: [] },
      users: [{ partnerId: "p", email: " jane@acme.com ", tagged: true }],
    });
    expect(parsed.users[0]?.email).toBe("jane@acme.com");
  });

  it("never throw from safeParse, whatever the input", () => {
    for (const input of [
      undefined,
      null,
      1,
      "x",
      [],
      { __proto__: { partnerId: "p" } },
      Object.create(null),
    ]) {
      for (const schema of Object.values(schemas)) {
        expect(
          schema.safeParse(input).success === true || schema.safeParse(input).success === false,
        ).toBe(true);
      }
    }
  });
});

// What a JSON body may hold for each schema: numbers and ISO strings for
// times (JSON has no Dates), drawn from the testing arbitraries.
const iso = (t: number) => new Date(t).toISOString();
const jsonTime = fc.oneof(arbitraries.timestamp(), arbitraries.timestamp().map(iso));
const samples: { readonly [K in keyof typeof schemas]: fc.Arbitrary<unknown> } = {
  emailDomain: arbitraries.emailDomain(),
  partnerEmployeeDomain: arbitraries.emailDomain(),
  emailAddress: arbitraries.emailAddress(),
  timestamp: jsonTime,
  money: arbitraries.money(),
  partner: arbitraries.partner(),
  partnerUser: arbitraries.partnerUser(),
  client: arbitraries.client(),
  assignment: fc
    .tuple(arbitraries.assignment(), fc.boolean())
    .map(([a, asText]) => (asText ? { ...a, assignedAt: iso(a.assignedAt) } : a)),
  activity: arbitraries.activity(),
  period: arbitraries.period().map((p) => ({ start: iso(p.start), end: p.end })),
  deal: arbitraries.deal(),
  tierThreshold: arbitraries.tierThreshold(),
};

describe("JSON Schema", () => {
  const names = Object.keys(schemas) as (keyof typeof schemas)[];

  it("has an input schema for every schema, under the same name", () => {
    expect(Object.keys(inputSchemas).sort()).toEqual([...names].sort());
  });

  it.each(names)("converts inputSchemas.%s with classic zod, for input and output", (name) => {
    for (const io of ["input", "output"] as const) {
      const json = z.toJSONSchema(inputSchemas[name], { io });
      expect(json.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    }
  });

  it.each(names)("converts the input side of schemas.%s", (name) => {
    expect(() => z.toJSONSchema(schemas[name], { io: "input" })).not.toThrow();
  });

  it("describes timestamps as the integers and ISO strings they accept", () => {
    const json = z.toJSONSchema(inputSchemas.timestamp) as { anyOf: object[] };
    expect(json.anyOf).toEqual([
      // whole numbers, said the way the smallest zod build can: a multiple of 1
      { type: "number", minimum: -MAX_TIMESTAMP, maximum: MAX_TIMESTAMP, multipleOf: 1 },
      { type: "string", pattern: expect.stringContaining("Z") },
    ]);
    const pattern = new RegExp((json.anyOf[1] as { pattern: string }).pattern);
    expect(pattern.test("2026-01-05T09:00:00Z")).toBe(true);
    expect(pattern.test("2026-01-05T09:00:00+01:00")).toBe(true);
    expect(pattern.test("2026-02-01")).toBe(false);
  });

  it.each(names)(
    "inputSchemas.%s accepts every JSON value schemas.%s accepts, and so does its JSON Schema",
    (name) => {
      const fromJson = z.fromJSONSchema(z.toJSONSchema(inputSchemas[name]) as never);
      let accepted = 0;
      fc.assert(
        fc.property(samples[name], (value) => {
          if (!schemas[name].safeParse(value).success) return;
          accepted++;
          expect(inputSchemas[name].safeParse(value).success).toBe(true);
          expect(fromJson.safeParse(value).success).toBe(true);
        }),
        { numRuns: 1_000 },
      );
      // not vacuous: most samples are valid
      expect(accepted).toBeGreaterThan(500);
    },
  );

  it("refuses in the input schemas what JSON Schema can say", () => {
    const a = {
      partnerId: "p",
      clientId: 42,
      email: "jane@acme.com",
      status: "pending_access",
      assignedAt: "2026-01-01T00:00:00Z",
    };
    expect(inputSchemas.assignment.safeParse(a).success).toBe(true);
    expect(inputSchemas.assignment.safeParse({ ...a, clientId: "42" }).success).toBe(false);
    expect(inputSchemas.assignment.safeParse({ ...a, assignedAt: 1.5 }).success).toBe(false);
    expect(inputSchemas.assignment.safeParse({ ...a, assignedAt: 1e16 }).success).toBe(false);
    expect(inputSchemas.assignment.safeParse({ ...a, assignedAt: "2026-02-01" }).success).toBe(
      false,
    );
    expect(inputSchemas.assignment.safeParse({ ...a, status: "paused" }).success).toBe(false);
    expect(inputSchemas.assignment.safeParse({ ...a, partnerId: "" }).success).toBe(false);
  });
});

describe("with classic zod", () => {
  it("has no methods on the schemas: they are zod/mini schemas", () => {
    expect((schemas.partner as unknown as { optional?: unknown }).optional).toBeUndefined();
  });

  it("composes with the functions of zod/mini and of classic zod instead", () => {
    const body = z.object({
      partner: z.optional(schemas.partner),
      users: z.array(schemas.partnerUser),
      at: zm.optional(schemas.timestamp),
    });
    expect(body.parse({ users: [] })).toEqual({ users: [] });
    expect(
      body.parse({
        partner: { partnerId: "p", program: "partner", employeeDomains: ["ACME.com"] },
        users: [{ partnerId: "p", email: " jane@acme.com ", tagged: true }],
        at: "2026-01-01T00:00:00Z",
      }),
    ).toEqual({
      partner: { partnerId: "p", program: "partner", employeeDomains: ["acme.com"] },
      users: [{ partnerId: "p", email: "jane@acme.com", tagged: true }],
      at: Date.UTC(2026, 0, 1),
    });
    const mini = zm.object({ partner: zm.optional(schemas.partner) });
    expect(
      mini.safeParse({ partner: { partnerId: "", program: "partner", employeeDomains: [] } })
        .success,
    ).toBe(false);
  });
});

// Each refusal of `schemas` written by this library: its words and the
// field it points at, so a form can show it beside the right input.
describe("schemas: the library's own refusals", () => {
  const T = "2026-01-05T09:00:00Z";
  const at = { partnerId: "acme", clientId: 42, email: "jane@acme.com", assignedAt: T };
  it.each<
    [
      string,
      { safeParse(v: unknown): { error?: { issues: unknown[] } } },
      unknown,
      string,
      (string | number)[],
    ]
  >([
    [
      "an empty partnerId",
      schemas.partnerUser,
      { partnerId: "", email: "jane@acme.com", tagged: true },
      "partnerId must be a non-empty string.",
      ["partnerId"],
    ],
    [
      "a clientId of 0",
      schemas.client,
      { clientId: 0, mrr: { amountMinor: 1, currency: "USD" } },
      "A client's HubID is a positive integer.",
      ["clientId"],
    ],
    [
      "a negative amount",
      schemas.client,
      { clientId: 5, mrr: { amountMinor: -1, currency: "USD" } },
      "amountMinor is a non-negative integer in the currency's smallest unit.",
      ["mrr", "amountMinor"],
    ],
    [
      "a currency in lower case",
      schemas.client,
      { clientId: 5, mrr: { amountMinor: 1, currency: "usd" } },
      "currency is an ISO 4217 code such as USD.",
      ["mrr", "currency"],
    ],
    [
      "a domain listed twice",
      schemas.partner,
      { partnerId: "acme", program: "partner", employeeDomains: ["acme.com", "ACME.com"] },
      "employeeDomains lists a domain twice.",
      ["employeeDomains"],
    ],
    [
      "an active assignment without activatedAt",
      schemas.assignment,
      { ...at, status: "active" },
      "An active assignment needs activatedAt.",
      ["activatedAt"],
    ],
    [
      "a removed assignment without removedAt",
      schemas.assignment,
      { ...at, status: "removed", activatedAt: T },
      "A removed assignment needs removedAt.",
      ["removedAt"],
    ],
    [
      "an expired assignment without expiresAt",
      schemas.assignment,
      { ...at, status: "expired", activatedAt: T },
      "An expired assignment needs expiresAt.",
      ["expiresAt"],
    ],
    [
      "activatedAt before assignedAt",
      schemas.assignment,
      { ...at, status: "active", activatedAt: "2026-01-04T09:00:00Z" },
      "activatedAt cannot be before assignedAt.",
      ["activatedAt"],
    ],
    [
      "negative points",
      schemas.tierThreshold,
      { tier: "gold", totalPoints: -1, sourcedPoints: 0 },
      "Points are a finite number, 0 or more.",
      ["totalPoints"],
    ],
  ])("refuses %s with its own words, at its field", (_, schema, value, message, path) => {
    expect(schema.safeParse(value).error?.issues).toEqual([
      expect.objectContaining({ message, path }),
    ]);
  });
});
