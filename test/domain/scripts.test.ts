import { describe, expect, it } from "vitest";
import { scriptsOf } from "../../src/domain/scripts.js";

describe("scriptsOf", () => {
  it("names the scripts of a text, ignoring common characters", () => {
    expect(scriptsOf("pаypal-1")).toEqual(new Set(["Latin", "Cyrillic"]));
  });

  it("reports an unassigned code point as Unknown", () => {
    expect(scriptsOf("a\u0378")).toEqual(new Set(["Latin", "Unknown"]));
  });
});
