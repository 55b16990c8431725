import { describe, expect, it } from "vitest";
import { field } from "../../../src/service/pipeline/fields.js";
import {
  invalidRequest,
  parseRequest,
  type RequestSchema,
} from "../../../src/service/pipeline/parse.js";
import * as z from "../../../src/vendor/zod-mini.js";

const CLIENT_ID =
  "A client is identified by its HubID, a positive whole number (a number, not a string).";

// A schema that answers the given zod issues, to reach the mapping of
// issues no field of ours makes.
const answering = (
  issues: { code: string; path: PropertyKey[]; message: string; params?: unknown }[],
): RequestSchema<never> => ({
  safeParse: () => ({ success: false, error: { issues } }),
});

const issuesOf = (r: { ok: boolean; error?: { issues: readonly unknown[] } }) =>
  r.ok ? [] : r.error?.issues;

describe("invalidRequest", () => {
  it("names every bad field once, in order, and the whole request as (the request)", () => {
    const issue = (path?: (string | number)[]) => ({
      code: "invalid_record" as const,
      message: "m",
      input: 1,
      ...(path === undefined ? {} : { path }),
    });
    const issues = [issue(["email"]), issue(["period", "start"]), issue(["email"]), issue()];
    expect(invalidRequest(issues)).toEqual({
      code: "invalid_request",
      message: "The request is not valid: email, period.start, (the request); see issues.",
      issues,
    });
    expect(invalidRequest([issue([])]).message).toBe(
      "The request is not valid: (the request); see issues.",
    );
  });
});

describe("parseRequest", () => {
  it("gives a field's own issue the path zod found it at", () => {
    const schema = z.object({ clientId: field.clientId(), flag: field.flag() });
    expect(parseRequest(schema, { clientId: "42", flag: "yes" })).toEqual({
      ok: false,
      error: {
        code: "invalid_request",
        message: "The request is not valid: clientId, flag; see issues.",
        issues: [
          { code: "invalid_client_id", message: CLIENT_ID, path: ["clientId"], input: "42" },
          {
            code: "invalid_record",
            message: "Expected true or false.",
            path: ["flag"],
            input: "yes",
          },
        ],
      },
    });
    expect(parseRequest(schema, { clientId: 42, flag: false })).toEqual({
      ok: true,
      value: { clientId: 42, flag: false },
    });
  });

  // rule: a value that should be an object is invalid_record, its message
  // naming the path from the root; the request itself has no path.
  it("words a nested value that is not an object with its dotted path", () => {
    const schema = z.object({ outer: z.object({ period: field.period() }) });
    expect(parseRequest(schema, { outer: { period: 7 } })).toEqual({
      ok: false,
      error: {
        code: "invalid_request",
        message: "The request is not valid: outer.period; see issues.",
        issues: [
          {
            code: "invalid_record",
            message: "outer.period must be an object.",
            path: ["outer", "period"],
            input: 7,
          },
        ],
      },
    });
    expect(parseRequest(schema, { outer: "x" })).toEqual({
      ok: false,
      error: {
        code: "invalid_request",
        message: "The request is not valid: outer; see issues.",
        issues: [
          {
            code: "invalid_record",
            message: "outer must be an object.",
            path: ["outer"],
            input: "x",
          },
        ],
      },
    });
    expect(issuesOf(parseRequest(schema, 5))).toEqual([
      { code: "invalid_record", message: "The request must be an object.", input: 5 },
    ]);
  });

  it("maps a list that is not one to invalid_list", () => {
    const schema = z.object({ emails: field.list() });
    expect(issuesOf(parseRequest(schema, { emails: "jane@acme.com" }))).toEqual([
      {
        code: "invalid_list",
        message: "Expected a list (an array, a Set or another iterable).",
        path: ["emails"],
        input: "jane@acme.com",
      },
    ]);
  });

  // rule: only a custom issue carrying one of our issues (a code and a
  // message, both strings) is taken as the field's own; any other is
  // invalid_record at its path.
  it("takes a field's issue only from a custom issue that carries a well-formed one", () => {
    const own = { code: "invalid_email", message: "Bad address.", input: "x" };
    const notOurs = [
      { code: "custom", path: ["a"], message: "zod", params: { issue: { code: "x", message: 5 } } },
      { code: "custom", path: ["a"], message: "zod", params: { issue: { code: 5, message: "m" } } },
      { code: "custom", path: ["a"], message: "zod", params: { issue: "no" } },
      { code: "custom", path: ["a"], message: "zod" },
      { code: "too_big", path: ["a"], message: "zod", params: { issue: own } },
    ];
    for (const issue of notOurs) {
      expect(issuesOf(parseRequest(answering([issue]), { a: 1 }))).toEqual([
        { code: "invalid_record", message: "a must be an object.", path: ["a"], input: 1 },
      ]);
    }
    expect(
      issuesOf(
        parseRequest(
          answering([{ code: "custom", path: ["a"], message: "zod", params: { issue: own } }]),
          {
            a: 1,
          },
        ),
      ),
    ).toEqual([{ ...own, path: ["a"] }]);
    // at the root and with no path inside, the field's issue is kept as it is
    expect(
      issuesOf(
        parseRequest(
          answering([{ code: "custom", path: [], message: "zod", params: { issue: own } }]),
          1,
        ),
      ),
    ).toEqual([own]);
  });
});

describe("request fields", () => {
  const parse = <T>(schema: RequestSchema<T>, value: unknown) => parseRequest(schema, value);

  it("flag: true or false, nothing else", () => {
    const schema = z.object({ f: field.flag() });
    expect(parse(schema, { f: true })).toEqual({ ok: true, value: { f: true } });
    for (const f of ["true", 1, null]) {
      expect(issuesOf(parse(schema, { f }))).toEqual([
        { code: "invalid_record", message: "Expected true or false.", path: ["f"], input: f },
      ]);
    }
  });

  it("program: partner or provider, nothing else", () => {
    const schema = z.object({ program: field.program() });
    expect(parse(schema, { program: "partner" })).toEqual({
      ok: true,
      value: { program: "partner" },
    });
    expect(parse(schema, { program: "provider" })).toEqual({
      ok: true,
      value: { program: "provider" },
    });
    for (const program of ["Partner", "", 1, undefined]) {
      expect(issuesOf(parse(schema, { program }))).toEqual([
        {
          code: "invalid_record",
          message: 'Expected a program: "partner" or "provider".',
          path: ["program"],
          input: program,
        },
      ]);
    }
  });

  it("dayCount: a whole number from 1 to 36500", () => {
    const schema = z.object({ d: field.dayCount() });
    for (const d of [1, 7, 36_500])
      expect(parse(schema, { d })).toEqual({ ok: true, value: { d } });
    for (const d of [0, -1, 36_501, 1.5, "7", Number.NaN]) {
      expect(issuesOf(parse(schema, { d }))).toEqual([
        {
          code: "invalid_record",
          message: "Expected a number of days: a whole number from 1 to 36500.",
          path: ["d"],
          input: d,
        },
      ]);
    }
  });

  it("period: may be empty (end = start), may not end before it starts", () => {
    const schema = z.object({ period: field.period() });
    expect(parse(schema, { period: { start: 5, end: 5 } })).toEqual({
      ok: true,
      value: { period: { start: 5, end: 5 } },
    });
    expect(parse(schema, { period: { start: 5, end: 4 } })).toEqual({
      ok: false,
      error: {
        code: "invalid_request",
        message: "The request is not valid: period; see issues.",
        issues: [
          {
            code: "invalid_period",
            message: "A period cannot end before it starts.",
            path: ["period"],
            input: { start: 5, end: 4 },
          },
        ],
      },
    });
  });

  it("currencyTable: an object of { per100Usd, exponent } rows, copied", () => {
    const schema = z.object({ currencyTable: field.currencyTable() });
    const r = parse(schema, {
      currencyTable: {
        EUR: { per100Usd: 92, exponent: 2, note: "x" },
        JPY: { per100Usd: 15_000, exponent: 0 },
      },
    });
    expect(r).toStrictEqual({
      ok: true,
      value: {
        currencyTable: {
          EUR: { per100Usd: 92, exponent: 2 },
          JPY: { per100Usd: 15_000, exponent: 0 },
        },
      },
    });
    expect(parse(schema, { currencyTable: {} })).toEqual({
      ok: true,
      value: { currencyTable: {} },
    });
    for (const table of [7, null, "EUR", [{ per100Usd: 1, exponent: 2 }]]) {
      expect(parse(schema, { currencyTable: table })).toEqual({
        ok: false,
        error: {
          code: "invalid_request",
          message: "The request is not valid: currencyTable; see issues.",
          issues: [
            {
              code: "invalid_record",
              message: "A currency table is an object.",
              path: ["currencyTable"],
              input: table,
            },
          ],
        },
      });
    }
    const message = "A currency's row is { per100Usd, exponent }, both numbers.";
    for (const row of [5, null, { per100Usd: "92", exponent: 2 }, { per100Usd: 92 }]) {
      expect(
        issuesOf(
          parse(schema, { currencyTable: { USD: { per100Usd: 100, exponent: 2 }, EUR: row } }),
        ),
      ).toEqual([{ code: "invalid_record", message, path: ["currencyTable", "EUR"], input: row }]);
    }
  });

  it("callback: a function, called with the caller's arguments and no this", () => {
    const schema = z.object({ cb: field.callback() });
    const seen: unknown[] = [];
    const r = parse(schema, {
      cb(this: unknown, ...args: unknown[]) {
        seen.push(this, ...args);
        return "answer";
      },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.cb(1, 2)).toBe("answer");
    expect(seen).toEqual([undefined, 1, 2]);
    expect(issuesOf(parse(schema, { cb: "f" }))).toEqual([
      { code: "invalid_record", message: "Expected a function.", path: ["cb"], input: "f" },
    ]);
  });
});
