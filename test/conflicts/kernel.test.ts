import { describe, expect, it } from "vitest";
import {
  claimGroupCell,
  clientSlot,
  compareLinks,
  createGroupTable,
  groupCell,
  precedes,
} from "../../src/conflicts/kernel.js";

const link = { partnerId: "acme", email: "jane@acme.com", assignedAt: 10 };

describe("the link order", () => {
  it("puts the earlier link first, then the smaller partnerId, then the smaller email", () => {
    expect(compareLinks({ ...link, assignedAt: 9 }, link)).toBe(-1);
    expect(compareLinks(link, { ...link, assignedAt: 9 })).toBe(1);
    expect(compareLinks({ ...link, partnerId: "abc" }, link)).toBe(-1);
    expect(compareLinks(link, { ...link, partnerId: "abc" })).toBe(1);
    expect(compareLinks({ ...link, email: "ann@acme.com" }, link)).toBe(-1);
    expect(compareLinks(link, { ...link, email: "ann@acme.com" })).toBe(1);
  });

  it("ties links alike in all three, and neither precedes the other", () => {
    expect(compareLinks(link, { ...link })).toBe(0);
    expect(precedes(link, { ...link })).toBe(false);
    expect(precedes({ ...link, assignedAt: 9 }, link)).toBe(true);
    expect(precedes(link, { ...link, assignedAt: 9 })).toBe(false);
  });
});

describe("clientSlot", () => {
  it("keeps an id of 31 bits, up to 2^31 − 1, and numbers larger ids −1, −2, …", () => {
    const large = new Map<number, number>();
    expect(clientSlot(42, large)).toBe(42);
    expect(clientSlot(0x7fffffff, large)).toBe(0x7fffffff);
    expect(clientSlot(0x80000000, large)).toBe(-1);
    expect(clientSlot(2 ** 40, large)).toBe(-2);
    expect(clientSlot(0x80000000, large)).toBe(-1);
    expect(large.size).toBe(2);
  });
});

describe("the group table", () => {
  it("is sized for what is expected, and grows only when told it may", () => {
    expect(createGroupTable(0).capacity).toBe(16);
    expect(createGroupTable(100)).toMatchObject({ capacity: 150, size: 0, grows: false });
    expect(createGroupTable(100, true).grows).toBe(true);
    // A growing table takes the expected count as a hint, capped at 2^20.
    expect(createGroupTable(2 ** 21).capacity).toBe(1.5 * 2 ** 21);
    expect(createGroupTable(2 ** 21, true).capacity).toBe(1.5 * 2 ** 20);
  });

  it("doubles when an entry would fill more than two thirds of it, and keeps every entry", () => {
    const table = createGroupTable(0, true);
    const put = (client: number, key: number, value: number) =>
      claimGroupCell(table, groupCell(table, client, key), client, key, value);
    // (0, 0) is a real entry: an empty cell copied on growth must not overwrite it.
    put(0, 0, 7);
    for (let i = 1; i < 10; i++) put(i, i, i);
    expect(table).toMatchObject({ capacity: 16, size: 10 });
    put(10, 10, 10); // 3 × 11 > 2 × 16
    expect(table).toMatchObject({ capacity: 32, size: 11 });
    expect(table.cells[groupCell(table, 0, 0) + 2]! - 1).toBe(7);
    for (let i = 1; i <= 10; i++) expect(table.cells[groupCell(table, i, i) + 2]! - 1).toBe(i);
    expect(table.cells[groupCell(table, 11, 11) + 2]! - 1).toBe(-1);
  });

  it("grows only past two thirds: a table of 24 cells holds 16 entries", () => {
    const table = createGroupTable(16, true);
    expect(table.capacity).toBe(24);
    for (let i = 0; i < 16; i++) claimGroupCell(table, groupCell(table, i, 1), i, 1, i);
    expect(table).toMatchObject({ capacity: 24, size: 16 });
    claimGroupCell(table, groupCell(table, 16, 1), 16, 1, 16);
    expect(table).toMatchObject({ capacity: 48, size: 17 });
  });

  it("never grows a table that was sized for all its groups", () => {
    const table = createGroupTable(11);
    for (let i = 0; i < 11; i++) claimGroupCell(table, groupCell(table, i, 0), i, 0, i);
    expect(table).toMatchObject({ capacity: 17, size: 11 });
  });
});
