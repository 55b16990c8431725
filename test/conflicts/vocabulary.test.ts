import { describe, expect, it } from "vitest";
import { detectDomainConflicts } from "../../src/conflicts/domain-conflicts.js";
import { checkEmailLink, detectEmailConflicts } from "../../src/conflicts/email-conflicts.js";
import type { ConflictRecordIssue } from "../../src/conflicts/records.js";
import type { Assignment } from "../../src/model.js";
import type { IssuePath } from "../../src/result.js";

const holder: Assignment = {
  partnerId: "acme",
  clientId: 42,
  email: "jane@gmail.com",
  status: "active",
  assignedAt: 1,
  activatedAt: 1,
};
const contender: Assignment = { ...holder, partnerId: "northwind", assignedAt: 2 };

// field → [bad value, code]
const BAD: readonly (readonly [string, unknown, string])[] = [
  ["clientId", "42", "invalid_client_id"],
  ["assignedAt", 1.5, "invalid_timestamp"],
  ["assignedAt", 1e16, "invalid_timestamp"],
  ["partnerId", "", "invalid_partner_id"],
  ["email", "not an address", "invalid_email"],
  ["status", "done", "invalid_record"],
];

function collect(run: (report: (issue: ConflictRecordIssue) => void) => unknown) {
  const issues: ConflictRecordIssue[] = [];
  const result = run((issue) => issues.push(issue));
  // Every issue whole, its English message included, as pinned in __snapshots__.
  expect(issues).toMatchSnapshot();
  return { issues, result };
}

const codesAndPaths = (issues: readonly ConflictRecordIssue[]) =>
  issues.map((i): [string, IssuePath, unknown] => [i.code, i.path, i.input]);

describe("conflicts: one code and one path per bad value", () => {
  it.each(BAD)("detectEmailConflicts skips and reports a bad %s (%s)", (field, value, code) => {
    const bad = { ...contender, [field]: value };
    const { issues, result } = collect((onInvalidRecord) =>
      detectEmailConflicts([holder, bad], [], { onInvalidRecord }),
    );
    expect(codesAndPaths(issues)).toEqual([[code, ["assignments", 1, field], value]]);
    // Skipped: the one well-formed assignment conflicts with nothing.
    expect(result).toEqual([]);
    expect(detectEmailConflicts([holder, bad])).toEqual([]);
  });

  it.each(BAD)(
    "checkEmailLink reports a bad %s (%s) of the candidate and of existing",
    (field, value, code) => {
      const bad = { ...contender, [field]: value } as Assignment;
      const candidate = collect((onInvalidRecord) =>
        checkEmailLink([holder], bad, undefined, { onInvalidRecord }),
      );
      expect(codesAndPaths(candidate.issues)).toEqual([[code, ["candidate", field], value]]);
      expect(candidate.result).toEqual({ ok: true, value: undefined });
      const existing = collect((onInvalidRecord) =>
        checkEmailLink([{ ...holder, [field]: value } as Assignment], contender, undefined, {
          onInvalidRecord,
        }),
      );
      expect(codesAndPaths(existing.issues)).toEqual([[code, ["existing", 0, field], value]]);
      expect(existing.result).toEqual({ ok: true, value: undefined });
    },
  );

  it("reports a record that is not an object, and a list that is not one", () => {
    expect(
      codesAndPaths(
        collect((onInvalidRecord) =>
          detectEmailConflicts([7 as never], 7 as never, { onInvalidRecord }),
        ).issues,
      ),
    ).toEqual([
      ["invalid_record", ["assignments", 0], 7],
      ["invalid_list", ["partners"], 7],
    ]);
    expect(
      codesAndPaths(
        collect((onInvalidRecord) => detectEmailConflicts(7 as never, [], { onInvalidRecord }))
          .issues,
      ),
    ).toEqual([["invalid_list", ["assignments"], 7]]);
    expect(
      codesAndPaths(
        collect((onInvalidRecord) =>
          checkEmailLink(7 as never, 7 as never, 7 as never, { onInvalidRecord }),
        ).issues,
      ),
    ).toEqual([
      ["invalid_record", ["candidate"], 7],
      ["invalid_record", ["contender"], 7],
      ["invalid_list", ["existing"], 7],
    ]);
    expect(
      codesAndPaths(
        collect((onInvalidRecord) =>
          detectEmailConflicts([holder], [{ partnerId: "" } as never], { onInvalidRecord }),
        ).issues,
      ),
    ).toEqual([["invalid_partner_id", ["partners", 0, "partnerId"], ""]]);
  });

  it("does not report a removed or expired assignment: it is well formed, it just links nothing", () => {
    const removed = { ...contender, status: "removed" as const, removedAt: 3 };
    const { issues } = collect((onInvalidRecord) =>
      detectEmailConflicts([holder, removed], [], { onInvalidRecord }),
    );
    expect(issues).toEqual([]);
  });

  it.each([
    ["partnerId", "", "invalid_partner_id"],
    ["claimedAt", 1.5, "invalid_timestamp"],
    ["claimedAt", 1e16, "invalid_timestamp"],
    ["domain", "not a domain", "invalid_domain"],
    ["matchSubdomains", "yes", "invalid_record"],
  ] as const)("detectDomainConflicts skips and reports a bad %s (%s)", (field, value, code) => {
    const claim = { partnerId: "acme", domain: "acme.com", claimedAt: 1 };
    const bad = { ...claim, partnerId: "rival", [field]: value };
    const { issues, result } = collect((onInvalidRecord) =>
      detectDomainConflicts([claim, bad as never], { onInvalidRecord }),
    );
    expect(codesAndPaths(issues)).toEqual([[code, ["claims", 1, field], value]]);
    expect(result).toEqual([]);
    expect(
      codesAndPaths(
        collect((onInvalidRecord) => detectDomainConflicts([7 as never], { onInvalidRecord }))
          .issues,
      ),
    ).toEqual([["invalid_record", ["claims", 0], 7]]);
    expect(
      codesAndPaths(
        collect((onInvalidRecord) => detectDomainConflicts(7 as never, { onInvalidRecord })).issues,
      ),
    ).toEqual([["invalid_list", ["claims"], 7]]);
  });

  it("gives an invalid email its emailIssue, and an invalid domain its domainIssue", () => {
    const email = collect((onInvalidRecord) =>
      detectEmailConflicts([{ ...holder, email: "x" }], [], { onInvalidRecord }),
    ).issues[0];
    expect(email).toMatchObject({ code: "invalid_email", emailIssue: { code: "missing_at" } });
    const domain = collect((onInvalidRecord) =>
      detectDomainConflicts([{ partnerId: "a", domain: "gmail", claimedAt: 1 }], {
        onInvalidRecord,
      }),
    ).issues[0];
    expect(domain).toMatchObject({
      code: "invalid_domain",
      domainIssue: { code: "public_suffix" },
    });
  });

  it("reads own properties only: an inherited field is absent", () => {
    const inherited = Object.create({ ...contender }) as Assignment;
    const { issues, result } = collect((onInvalidRecord) =>
      detectEmailConflicts([holder, inherited], [], { onInvalidRecord }),
    );
    expect(result).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual([
      "invalid_partner_id",
      "invalid_client_id",
      "invalid_email",
      "invalid_record",
      "invalid_timestamp",
    ]);
  });
});
