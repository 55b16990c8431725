import { describe, expect, it } from "vitest";
import { z } from "zod";
import { schemas } from "../src/schemas.js";

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

  it("accept ISO 8601 strings, Dates and epoch milliseconds for timestamps", () => {
    expect(schemas.timestamp.parse("2026-01-05T09:00:00Z")).toBe(Date.UTC(2026, 0, 5, 9));
    expect(schemas.timestamp.parse("2026-01-05T10:00:00+01:00")).toBe(Date.UTC(2026, 0, 5, 9));
    expect(schemas.timestamp.parse("2026-01-05")).toBe(Date.UTC(2026, 0, 5));
    expect(schemas.timestamp.parse(new Date(Date.UTC(2026, 0, 5)))).toBe(Date.UTC(2026, 0, 5));
    expect(schemas.timestamp.parse(1_700_000_000_000)).toBe(1_700_000_000_000);
    for (const bad of [
      "2026-01-05T09:00:00",
      "yesterday",
      new Date(Number.NaN),
      1.5,
      Number.NaN,
      null,
    ]) {
      expect(schemas.timestamp.safeParse(bad).success).toBe(false);
    }
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
    expect(
      schemas.client.safeParse({ clientId: 5, mrr: { amountMinor: 1, currency: "usd" } }).success,
    ).toBe(false);
    expect(schemas.period.safeParse({ start: "2026-02-01", end: "2026-01-01" }).success).toBe(
      false,
    );
    expect(schemas.period.parse({ start: "2026-01-01", end: "2026-02-01" })).toEqual({
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
