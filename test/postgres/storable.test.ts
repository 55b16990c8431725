import { describe, expect, it } from "vitest";
import { unstorable } from "../../src/postgres/storable.js";

// What PostgreSQL cannot store exactly, on top of the library's checks: a
// NUL character or a lone surrogate anywhere in a record, and a partnerId
// over 1,000 UTF-8 bytes. Each is an issue whose path starts at the
// method's parameter.

const NOT_EXACT =
  "PostgreSQL cannot store this text exactly: it has a NUL character or a lone surrogate.";
const TOO_LONG = "A partnerId stored in PostgreSQL has at most 1000 UTF-8 bytes.";

describe("postgres: unstorable", () => {
  it("answers null when every text of the record can be stored", () => {
    expect(
      unstorable("partner", {
        partnerId: "Bücher 😀",
        program: "partner",
        employeeDomains: ["acme.com", "xn--bcher-kva.de"],
        matchSubdomains: true,
      }),
    ).toBeNull();
    expect(unstorable("claim", { domain: "acme.com", partnerId: "a", claimedAt: 1 })).toBeNull();
    expect(unstorable("user", null)).toBeNull();
    expect(unstorable("activities", [])).toBeNull();
  });

  it("refuses a NUL character or a lone surrogate, with one issue per text at its path", () => {
    const record = {
      partnerId: "a\u0000b",
      program: "partner",
      employeeDomains: ["acme.com", "\uD800"],
      nested: { deep: ["ok", { note: "x\uDC00" }] },
    };
    expect(unstorable("partner", record)).toEqual({
      status: "invalid_record",
      issues: [
        {
          code: "invalid_record",
          message: NOT_EXACT,
          path: ["partner", "partnerId"],
          input: "a\u0000b",
        },
        {
          code: "invalid_record",
          message: NOT_EXACT,
          path: ["partner", "employeeDomains", 1],
          input: "\uD800",
        },
        {
          code: "invalid_record",
          message: NOT_EXACT,
          path: ["partner", "nested", "deep", 1, "note"],
          input: "x\uDC00",
        },
      ],
    });
    expect(unstorable("email", "\u0000")).toEqual({
      status: "invalid_record",
      issues: [{ code: "invalid_record", message: NOT_EXACT, path: ["email"], input: "\u0000" }],
    });
  });

  it("refuses a partnerId over 1000 UTF-8 bytes, at each side of the limit", () => {
    const fits = "é".repeat(500); // 1000 bytes
    const over = `${"é".repeat(499)}😀`; // 998 + 4 bytes, in 501 code units
    expect(unstorable("user", { partnerId: fits, email: "jane@acme.com" })).toBeNull();
    expect(unstorable("user", { partnerId: "a".repeat(1000) })).toBeNull();
    expect(unstorable("user", { partnerId: over, email: "jane@acme.com" })).toEqual({
      status: "invalid_record",
      issues: [
        {
          code: "invalid_partner_id",
          message: TOO_LONG,
          path: ["user", "partnerId"],
          input: over,
          length: 1002,
          maxLength: 1000,
        },
      ],
    });
    const ascii = "a".repeat(1001);
    expect(unstorable("claim", { domain: "acme.com", partnerId: ascii })).toEqual({
      status: "invalid_record",
      issues: [
        {
          code: "invalid_partner_id",
          message: TOO_LONG,
          path: ["claim", "partnerId"],
          input: ascii,
          length: 1001,
          maxLength: 1000,
        },
      ],
    });
  });

  it("measures only fields named partnerId, at any depth, and reports a NUL in one only once", () => {
    const long = "a".repeat(1001);
    expect(unstorable("user", { email: long, note: { partnerIds: long } })).toBeNull();
    expect(unstorable("x", { list: [{ partnerId: long }] })).toEqual({
      status: "invalid_record",
      issues: [
        {
          code: "invalid_partner_id",
          message: TOO_LONG,
          path: ["x", "list", 0, "partnerId"],
          input: long,
          length: 1001,
          maxLength: 1000,
        },
      ],
    });
    const both = `${"a".repeat(1001)}\u0000`;
    expect(unstorable("user", { partnerId: both })).toEqual({
      status: "invalid_record",
      issues: [
        { code: "invalid_record", message: NOT_EXACT, path: ["user", "partnerId"], input: both },
      ],
    });
  });
});
