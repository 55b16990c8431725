import { describe, expect, it } from "vitest";
import {
  checkEmailLink,
  detectEmailConflicts,
  type EmailConflict,
} from "../../src/conflicts/email-conflicts.js";
import type { Assignment, Partner } from "../../src/model.js";

const acme: Partner = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] };
const northwind: Partner = {
  partnerId: "northwind",
  program: "partner",
  employeeDomains: ["northwind.io", "northwind.de"],
};
const nodomain: Partner = { partnerId: "solo", program: "provider", employeeDomains: [] };

function link(
  partnerId: string,
  email: string,
  assignedAt: number,
  extra: Partial<Assignment> = {},
): Assignment {
  return { partnerId, clientId: 42, email, status: "pending_access", assignedAt, ...extra };
}

// The parts of a conflict that identify it, without the English messages.
function summary(c: EmailConflict) {
  return {
    clientId: c.clientId,
    email: c.email,
    holder: c.holder.partnerId,
    contenders: c.contenders.map((p) => p.partnerId),
  };
}

describe("detectEmailConflicts", () => {
  it("reports an address linked to one client by two partners, with the earlier one holding it", () => {
    const conflicts = detectEmailConflicts([
      link("northwind", "jane@gmail.com", 2_000),
      link("acme", "jane@gmail.com", 1_000, { status: "active", activatedAt: 1_500 }),
    ]);
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({
      code: "email_linked_to_another_partner",
      clientId: 42,
      email: "jane@gmail.com",
      holder: { partnerId: "acme", email: "jane@gmail.com", assignedAt: 1_000 },
      contenders: [{ partnerId: "northwind", email: "jane@gmail.com", assignedAt: 2_000 }],
    });
    expect(conflict?.message).toBe(
      'jane@gmail.com is already linked to client 42 by partner "acme"; partner "northwind" cannot link it too.',
    );
  });

  it("compares addresses by key: a difference in case conflicts", () => {
    const conflicts = detectEmailConflicts([
      link("acme", "Jane@Acme.com", 1),
      link("northwind", "jane@acme.com", 2),
    ]);
    expect(conflicts.map(summary)).toEqual([
      { clientId: 42, email: "jane@acme.com", holder: "acme", contenders: ["northwind"] },
    ]);
    // The parties keep the address as entered; the conflict names the key.
    expect(conflicts[0]?.holder.email).toBe("Jane@Acme.com");
  });

  it("compares addresses by key: a plus tag makes another address", () => {
    expect(
      detectEmailConflicts([
        link("acme", "jane+x@acme.com", 1),
        link("northwind", "jane@acme.com", 2),
      ]),
    ).toEqual([]);
  });

  it("does not count removed or expired assignments", () => {
    const removed = link("acme", "jane@gmail.com", 1, { status: "removed", removedAt: 5 });
    const expired = link("solo", "jane@gmail.com", 2, { status: "expired", expiresAt: 5 });
    const live = link("northwind", "jane@gmail.com", 3);
    expect(detectEmailConflicts([removed, expired, live])).toEqual([]);
    // …but a pending one counts as much as an active one.
    const pending = link("acme", "jane@gmail.com", 4);
    expect(detectEmailConflicts([removed, expired, live, pending]).map(summary)).toEqual([
      { clientId: 42, email: "jane@gmail.com", holder: "northwind", contenders: ["acme"] },
    ]);
  });

  it("does not call the same partner linking an address twice a conflict", () => {
    expect(
      detectEmailConflicts([link("acme", "jane@gmail.com", 1), link("acme", "JANE@gmail.com", 2)]),
    ).toEqual([]);
  });

  it("keeps clients apart", () => {
    expect(
      detectEmailConflicts([
        link("acme", "jane@gmail.com", 1),
        link("northwind", "jane@gmail.com", 2, { clientId: 43 }),
      ]),
    ).toEqual([]);
  });

  it("breaks a tie on assignedAt in favour of the smaller partnerId, by code units", () => {
    const conflicts = detectEmailConflicts([
      link("beta", "jane@gmail.com", 7),
      link("Zeta", "jane@gmail.com", 7),
      link("alpha", "jane@gmail.com", 7),
    ]);
    // "Z" (U+005A) sorts before "a" (U+0061) in code units, unlike localeCompare.
    expect(conflicts.map(summary)).toEqual([
      { clientId: 42, email: "jane@gmail.com", holder: "Zeta", contenders: ["alpha", "beta"] },
    ]);
  });

  it("represents each partner once, by its earliest assignment", () => {
    const [conflict] = detectEmailConflicts([
      link("northwind", "JANE@gmail.com", 9),
      link("acme", "jane@gmail.com", 5),
      link("northwind", "Jane@gmail.com", 3),
      link("acme", "jane@gmail.com", 1),
    ]);
    expect(conflict?.holder).toEqual({ partnerId: "acme", email: "jane@gmail.com", assignedAt: 1 });
    expect(conflict?.contenders).toEqual([
      { partnerId: "northwind", email: "Jane@gmail.com", assignedAt: 3 },
    ]);
  });

  it("sorts conflicts by clientId, then email key", () => {
    const data = [
      link("acme", "zoe@gmail.com", 1, { clientId: 7 }),
      link("northwind", "zoe@gmail.com", 2, { clientId: 7 }),
      link("acme", "bob@gmail.com", 1, { clientId: 100 }),
      link("northwind", "bob@gmail.com", 2, { clientId: 100 }),
      link("acme", "amy@gmail.com", 1, { clientId: 7 }),
      link("northwind", "amy@gmail.com", 2, { clientId: 7 }),
    ];
    expect(detectEmailConflicts(data).map((c) => [c.clientId, c.email])).toEqual([
      [7, "amy@gmail.com"],
      [7, "zoe@gmail.com"],
      [100, "bob@gmail.com"],
    ]);
  });

  it("skips assignments whose email is not a valid address, and malformed records", () => {
    const data: unknown[] = [
      link("acme", "not an email", 1),
      link("northwind", "not an email", 2),
      link("acme", "jane@gmail.com", 1, { clientId: 0 }),
      link("northwind", "jane@gmail.com", 2, { clientId: 0 }),
      { ...link("solo", "jane@gmail.com", 3), status: "paused" },
      link("", "jane@gmail.com", 3),
      null,
      42,
    ];
    expect(detectEmailConflicts(data as Assignment[])).toEqual([]);
  });

  it("gives the three resolutions in order, one domain address per contender", () => {
    const [conflict] = detectEmailConflicts(
      [
        link("acme", "jane@gmail.com", 1),
        link("northwind", "Jane@gmail.com", 2),
        link("solo", "jane@gmail.com", 3),
        link("ghost", "jane@gmail.com", 4),
      ],
      [acme, northwind, nodomain],
    );
    expect(conflict?.resolutions).toEqual([
      {
        kind: "ask_holder_to_remove_access",
        message: 'Ask partner "acme" to remove the access of jane@gmail.com to client 42.',
        partnerId: "acme",
      },
      {
        kind: "use_partner_domain_address",
        message:
          'Give the user an address on the employee domain of partner "northwind": Jane@northwind.io.',
        partnerId: "northwind",
        suggestedAddress: "Jane@northwind.io",
      },
      {
        kind: "use_partner_domain_address",
        message:
          'Partner "solo" has no employee domain, so there is no partner address to offer; set its employee domain first.',
        partnerId: "solo",
        suggestedAddress: null,
        reason: "partner_has_no_domain",
      },
      {
        kind: "use_partner_domain_address",
        message:
          'Give the user an address on the employee domain of partner "ghost" (no address can be suggested: that partner\'s record was not provided).',
        partnerId: "ghost",
        suggestedAddress: null,
        reason: "partner_unknown",
      },
      {
        kind: "use_different_address",
        message: "Link another address of the user that no other partner has linked to client 42.",
      },
    ]);
  });

  it("offers no domain address when the contended address already is on that domain", () => {
    const [conflict] = detectEmailConflicts(
      [link("acme", "jane@northwind.io", 1), link("northwind", "jane@northwind.io", 2)],
      [northwind],
    );
    expect(conflict?.resolutions[1]).toMatchObject({
      kind: "use_partner_domain_address",
      partnerId: "northwind",
      suggestedAddress: null,
      reason: "already_on_partner_domain",
    });
  });

  it("offers no domain address when the partner's stored domain does not make a valid address", () => {
    const broken: Partner = {
      partnerId: "northwind",
      program: "partner",
      employeeDomains: ["com"],
    };
    const [conflict] = detectEmailConflicts(
      [link("acme", "jane@gmail.com", 1), link("northwind", "jane@gmail.com", 2)],
      [broken],
    );
    expect(conflict?.resolutions[1]).toMatchObject({
      suggestedAddress: null,
      reason: "invalid_suggested_address",
    });
  });

  it("reads only the first partner record of a partnerId", () => {
    const other: Partner = { ...northwind, employeeDomains: ["other.org"] };
    const [conflict] = detectEmailConflicts(
      [link("acme", "jane@gmail.com", 1), link("northwind", "jane@gmail.com", 2)],
      [northwind, other],
    );
    expect(conflict?.resolutions[1]).toMatchObject({ suggestedAddress: "jane@northwind.io" });
  });

  it("grows its group table for an iterable of unknown size past two million cells", () => {
    const count = 1_500_000; // more groups than two thirds of 2^21 cells: the table doubles to 2^22
    function* many() {
      for (let clientId = 1; clientId <= count; clientId++) {
        yield link("acme", "jane@acme.com", 1, { clientId });
      }
      yield link("northwind", "Jane@acme.com", 2, { clientId: count });
    }
    expect(detectEmailConflicts(many()).map(summary)).toEqual([
      { clientId: count, email: "jane@acme.com", holder: "acme", contenders: ["northwind"] },
    ]);
  });

  it("treats an array's length as a hint only", () => {
    const items = [link("acme", "jane@acme.com", 1), link("northwind", "jane@acme.com", 2)];
    let reads = 0;
    // Claims 2^32 - 1 elements once (as a huge sparse array could), then tells the truth.
    const liar = new Proxy(items, {
      get: (target, property, receiver) =>
        property === "length" && reads++ === 0
          ? 2 ** 32 - 1
          : Reflect.get(target, property, receiver),
    });
    expect(detectEmailConflicts(liar).map(summary)).toEqual([
      { clientId: 42, email: "jane@acme.com", holder: "acme", contenders: ["northwind"] },
    ]);
  });

  it("accepts any iterable, including a one-shot generator", () => {
    function* data() {
      yield link("acme", "jane@gmail.com", 1);
      yield link("northwind", "jane@gmail.com", 2);
    }
    function* partners() {
      yield northwind;
    }
    expect(detectEmailConflicts(data(), partners()).map(summary)).toEqual([
      { clientId: 42, email: "jane@gmail.com", holder: "acme", contenders: ["northwind"] },
    ]);
  });

  it("never throws on input that is not what the types promise", () => {
    const odd: unknown[] = [undefined, null, 0, "jane@gmail.com", {}, [null], new Map()];
    for (const value of odd) {
      expect(
        detectEmailConflicts(value as Iterable<Assignment>, value as Iterable<Partner>),
      ).toEqual([]);
    }
    const proto = JSON.parse(
      '{"__proto__": {"status": "active"}, "partnerId": "a", "clientId": 1, "email": "x@gmail.com", "assignedAt": 0}',
    );
    expect(detectEmailConflicts([proto, { ...link("b", "x@gmail.com", 1), clientId: 1 }])).toEqual(
      [],
    );
  });
});

describe("checkEmailLink", () => {
  const existing = [
    link("acme", "jane@gmail.com", 1_000, { status: "active", activatedAt: 1_000 }),
    link("acme", "max@gmail.com", 1_000, { clientId: 7 }),
  ];

  it("accepts an address no other partner links to that client", () => {
    expect(checkEmailLink(existing, link("northwind", "max@gmail.com", 2_000), northwind)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(checkEmailLink(existing, link("northwind", "jane+crm@gmail.com", 2_000))).toEqual({
      ok: true,
      value: undefined,
    });
    expect(checkEmailLink([], link("northwind", "jane@gmail.com", 2_000))).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it("refuses the second partner, suggesting an address on its primary domain", () => {
    const result = checkEmailLink(existing, link("northwind", "jane@gmail.com", 2_000), northwind);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "email_linked_to_another_partner",
        message:
          'jane@gmail.com is already linked to client 42 by partner "acme"; partner "northwind" cannot link it too.',
        clientId: 42,
        email: "jane@gmail.com",
        holder: { partnerId: "acme", email: "jane@gmail.com", assignedAt: 1_000 },
        contenders: [{ partnerId: "northwind", email: "jane@gmail.com", assignedAt: 2_000 }],
        resolutions: [
          {
            kind: "ask_holder_to_remove_access",
            message: 'Ask partner "acme" to remove the access of jane@gmail.com to client 42.',
            partnerId: "acme",
          },
          {
            kind: "use_partner_domain_address",
            message:
              'Give the user an address on the employee domain of partner "northwind": jane@northwind.io.',
            partnerId: "northwind",
            suggestedAddress: "jane@northwind.io",
          },
          {
            kind: "use_different_address",
            message:
              "Link another address of the user that no other partner has linked to client 42.",
          },
        ],
      },
    });
  });

  it("refuses an address that differs from the held one only in case", () => {
    const result = checkEmailLink(existing, link("northwind", "JANE@GMAIL.COM", 2_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.contenders[0]?.email).toBe("JANE@GMAIL.COM");
  });

  it("says when the contender has no domain to offer", () => {
    const result = checkEmailLink(existing, link("solo", "jane@gmail.com", 2_000), nodomain);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.resolutions[1]).toEqual({
        kind: "use_partner_domain_address",
        message:
          'Partner "solo" has no employee domain, so there is no partner address to offer; set its employee domain first.',
        partnerId: "solo",
        suggestedAddress: null,
        reason: "partner_has_no_domain",
      });
    }
  });

  it("ignores a contender record of another partner, and works without one", () => {
    for (const contender of [acme, undefined]) {
      const result = checkEmailLink(
        existing,
        link("northwind", "jane@gmail.com", 2_000),
        contender,
      );
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.resolutions[1]).toMatchObject({
          suggestedAddress: null,
          reason: "partner_unknown",
        });
      }
    }
  });

  it("lets the holder link its own address again", () => {
    expect(checkEmailLink(existing, link("acme", "Jane@gmail.com", 3_000)).ok).toBe(true);
  });

  it("does not let a backdated candidate displace the holder", () => {
    const result = checkEmailLink(existing, link("northwind", "jane@gmail.com", 0));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.holder.partnerId).toBe("acme");
  });

  it("takes the earliest live link among the existing ones as the holder, ties to the smaller id", () => {
    const data = [
      link("zed", "jane@gmail.com", 5),
      link("bee", "jane@gmail.com", 5),
      link("ant", "jane@gmail.com", 1, { status: "removed", removedAt: 2 }),
    ];
    const result = checkEmailLink(data, link("northwind", "jane@gmail.com", 9));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.holder.partnerId).toBe("bee");
    // A partner that is itself only a contender in the data is still refused.
    expect(checkEmailLink(data, link("zed", "jane@gmail.com", 9)).ok).toBe(false);
  });

  it("ignores removed and expired links on either side", () => {
    const gone = [
      link("acme", "jane@gmail.com", 1, { status: "removed", removedAt: 2 }),
      link("solo", "jane@gmail.com", 1, { status: "expired", expiresAt: 2 }),
    ];
    expect(checkEmailLink(gone, link("northwind", "jane@gmail.com", 3)).ok).toBe(true);
    const candidate = link("northwind", "jane@gmail.com", 3, { status: "removed", removedAt: 4 });
    expect(checkEmailLink(existing, candidate).ok).toBe(true);
  });

  it("passes a candidate that cannot link anything, and never throws", () => {
    expect(checkEmailLink(existing, link("northwind", "not an email", 2)).ok).toBe(true);
    const odd: unknown[] = [undefined, null, 1, "x", {}, []];
    for (const value of odd) {
      expect(checkEmailLink(value as Assignment[], value as Assignment, value as Partner).ok).toBe(
        true,
      );
    }
  });
});

describe("checkEmailLink: reporting records of other clients", () => {
  it("reports an existing record of another client whose email does not parse", () => {
    const reported: unknown[] = [];
    const candidate = {
      partnerId: "globex",
      clientId: 1,
      email: "jane@acme.com",
      status: "active",
      assignedAt: 5,
    };
    const existing = [
      { partnerId: "acme", clientId: 2, email: "not an email", status: "active", assignedAt: 0 },
      { partnerId: "acme", clientId: 2, email: "jo@acme.com", status: "active", assignedAt: 0 },
    ];
    const r = checkEmailLink(existing as never, candidate as never, undefined, {
      onInvalidRecord: (issue: unknown) => reported.push(issue),
    });
    expect(r).toEqual({ ok: true, value: undefined });
    expect(reported).toEqual([expect.objectContaining({ code: "invalid_email" })]);
    expect(JSON.stringify(reported)).toContain("not an email");
  });
});

describe("detectEmailConflicts: a partner record without a domain list", () => {
  it("offers no partner address", () => {
    const loose = { partnerId: "northwind", program: "partner" } as unknown as Partner;
    const [conflict] = detectEmailConflicts(
      [link("acme", "jane@gmail.com", 1), link("northwind", "jane@gmail.com", 2)],
      [acme, loose],
    );
    const reasons = conflict?.resolutions.map((r) => ("reason" in r ? r.reason : r.kind));
    expect(reasons).toContain("partner_has_no_domain");
  });
});

describe("detectEmailConflicts: a conflict of three partners, whole", () => {
  it("names every contender, in the plural, and offers each its own address", () => {
    const conflicts = detectEmailConflicts(
      [
        link("solo", "jane@gmail.com", 3),
        link("acme", "Jane@Gmail.com", 1),
        link("northwind", "jane@gmail.com", 2),
      ],
      [acme, northwind, nodomain],
    );
    expect(conflicts).toEqual([
      {
        code: "email_linked_to_another_partner",
        message:
          'jane@gmail.com is already linked to client 42 by partner "acme"; partners "northwind", "solo" cannot link it too.',
        clientId: 42,
        email: "jane@gmail.com",
        holder: { partnerId: "acme", email: "Jane@Gmail.com", assignedAt: 1 },
        contenders: [
          { partnerId: "northwind", email: "jane@gmail.com", assignedAt: 2 },
          { partnerId: "solo", email: "jane@gmail.com", assignedAt: 3 },
        ],
        resolutions: [
          {
            kind: "ask_holder_to_remove_access",
            message: 'Ask partner "acme" to remove the access of Jane@Gmail.com to client 42.',
            partnerId: "acme",
          },
          {
            kind: "use_partner_domain_address",
            message:
              'Give the user an address on the employee domain of partner "northwind": jane@northwind.io.',
            partnerId: "northwind",
            suggestedAddress: "jane@northwind.io",
          },
          {
            kind: "use_partner_domain_address",
            message:
              'Partner "solo" has no employee domain, so there is no partner address to offer; set its employee domain first.',
            partnerId: "solo",
            suggestedAddress: null,
            reason: "partner_has_no_domain",
          },
          {
            kind: "use_different_address",
            message:
              "Link another address of the user that no other partner has linked to client 42.",
          },
        ],
      },
    ]);
  });
});
