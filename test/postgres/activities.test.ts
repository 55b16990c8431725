import { describe, expect, it } from "vitest";
import { recording, verb } from "./recording.js";

// listActivities of the PostgreSQL store on a recording driver: how it
// reads the period, the cursor, the limit (default 1,000, capped at
// 10,000, one row more asked to know whether a next page exists) and the
// clients, and the page and cursor it makes of the rows.

const january = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) };

describe("postgres: listActivities", () => {
  it("asks one row more than the limit; any limit that is no positive whole number means 1000", async () => {
    const { repository, sent } = recording();
    const limits: [unknown, number][] = [
      [1, 2],
      [5, 6],
      [9_999, 10_000],
      [10_000, 10_001],
      [10_001, 10_001],
      [2 ** 53 - 1, 10_001],
      [undefined, 1_001],
      [0, 1_001],
      [-1, 1_001],
      [1.5, 1_001],
      ["5", 1_001],
      [Number.NaN, 1_001],
      [Number.POSITIVE_INFINITY, 1_001],
      [2 ** 53, 1_001],
      [null, 1_001],
    ];
    for (const [limit] of limits) {
      expect(await repository.listActivities(january, { limit } as never)).toEqual({
        status: "page",
        activities: [],
        next: null,
      });
    }
    expect(sent.map((s) => s.params?.[5])).toEqual(limits.map(([, asked]) => asked));
    expect(sent.every((s) => verb(s) === "SELECT" && !s.text.includes("FOR UPDATE"))).toBe(true);
  });

  it("sends the period, the cursor's time and row id, and the clients that are HubIDs", async () => {
    const { repository, sent } = recording();
    await repository.listActivities(january);
    await repository.listActivities(january, { after: null, clientIds: [42, "43", 0, 7] as never });
    await repository.listActivities(january, { after: "p1:-5:12", clientIds: [] });
    await repository.listActivities(january, { after: "p1:1767225600000:123456789012345678" });
    expect(sent.map((s) => s.params)).toEqual([
      [january.start, january.end, null, null, null, 1_001],
      [january.start, january.end, null, null, [42, 7], 1_001],
      [january.start, january.end, -5, "12", [], 1_001],
      [january.start, january.end, 1767225600000, "123456789012345678", null, 1_001],
    ]);
  });

  it("answers invalid_cursor, sending nothing, for a cursor it did not give", async () => {
    const { repository, sent } = recording();
    for (const after of [
      "",
      "p1:5",
      "p1:5:0",
      "p1:5:012",
      "p2:5:12",
      " p1:5:12",
      "p1:5:12 ",
      "p1:1.5:12",
      "p1:12345678901234567:1",
      "p1:9999999999999999:1",
      "p1:5:1234567890123456789",
      42,
      {},
    ]) {
      expect(await repository.listActivities(january, { after } as never)).toEqual({
        status: "invalid_cursor",
        cursor: after,
      });
    }
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(await repository.listActivities(january, hostile as never)).toEqual({
      status: "invalid_cursor",
      cursor: undefined,
    });
    expect(sent).toEqual([]);
  });

  it("answers an empty last page, sending nothing, for a period or clients no row can match", async () => {
    const { repository, sent } = recording();
    for (const [period, options] of [
      [undefined, undefined],
      [{ start: 0 }, undefined],
      [{ start: 0, end: "1" }, undefined],
      [42, undefined],
      [january, { clientIds: 42 }],
      [january, { clientIds: "42" }],
    ] as const) {
      expect(await repository.listActivities(period as never, options as never)).toEqual({
        status: "page",
        activities: [],
        next: null,
      });
    }
    expect(sent).toEqual([]);
  });

  it("makes a page of the first `limit` rows, and a cursor naming the last one only when more exist", async () => {
    const rows = [
      { id: "7", client_id: "42", email: "jane@acme.com", at: "100" },
      { id: 9, client_id: 43, email: "max@acme.com", at: 100 },
      { id: 11n, client_id: 42n, email: "ana@acme.com", at: 250n },
    ];
    const { repository } = recording(() => rows);
    expect(await repository.listActivities(january, { limit: 2 })).toEqual({
      status: "page",
      activities: [
        { clientId: 42, email: "jane@acme.com", at: 100 },
        { clientId: 43, email: "max@acme.com", at: 100 },
      ],
      next: "p1:100:9",
    });
    const all = [
      { clientId: 42, email: "jane@acme.com", at: 100 },
      { clientId: 43, email: "max@acme.com", at: 100 },
      { clientId: 42, email: "ana@acme.com", at: 250 },
    ];
    expect(await repository.listActivities(january, { limit: 3 })).toEqual({
      status: "page",
      activities: all,
      next: null,
    });
    expect(await repository.listActivities(january)).toEqual({
      status: "page",
      activities: all,
      next: null,
    });
    expect(await repository.listActivities(january, { limit: 1 })).toEqual({
      status: "page",
      activities: [{ clientId: 42, email: "jane@acme.com", at: 100 }],
      next: "p1:100:7",
    });
  });
});
