import { describe, expect, it } from "vitest";
import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import { createPartnerAccessService } from "../../src/service/partner-access-service.js";
import { createInMemoryRepository } from "../../src/testing/index.js";
import {
  acme,
  admin,
  clientAdmin,
  DAY,
  manager,
  member,
  rival,
  seed,
  setup,
  T0,
  user,
  world,
} from "./fixtures.js";

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? "ok" : r.error?.code);

describe("setEmployeeDomains", () => {
  it("canonicalises, claims the new domains, saves the partner and reports it", async () => {
    const { repository, service } = await setup();
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["ACME.com.", "acme.de", "acme.com"],
    });
    expect(r.ok && r.value.partner).toEqual({
      value: { ...acme, employeeDomains: ["acme.com", "acme.de"] },
      version: 2,
    });
    expect(r.ok && [r.value.claimed, r.value.released]).toEqual([["acme.de"], []]);
    expect(r.ok && r.value.events).toEqual([
      {
        type: "employee_domain_set",
        at: T0 + 1_000,
        actor: admin(),
        partnerId: "acme",
        domains: ["acme.com", "acme.de"],
        previousDomains: ["acme.com"],
        claimed: ["acme.de"],
        released: [],
      },
    ]);
    expect((await repository.listDomainClaims("acme")).map((c) => c.domain)).toEqual([
      "acme.com",
      "acme.de",
    ]);
  });

  it("releases the domains it drops, so another partner can claim them", async () => {
    const { repository, service } = await setup();
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.de"],
    });
    expect(r.ok && r.value.released).toEqual(["acme.com"]);
    expect(await repository.getDomainClaim("acme.com")).toBeNull();
    const taken = await service.setEmployeeDomains({
      actor: admin("rival"),
      partnerId: "rival",
      domains: ["rival.io", "acme.com"],
    });
    expect(codeOf(taken)).toBe("ok");
  });

  it("refuses a domain another partner holds, with the holder, and keeps nothing of the call", async () => {
    const { repository, service } = await setup();
    const before = repository.snapshot();
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.com", "new-acme.com", "rival.io"],
    });
    expect(r.ok).toBe(false);
    if (r.ok || r.error.code !== "domain_claimed_by_another_partner") throw new Error("expected");
    expect(r.error.domain).toBe("rival.io");
    expect(r.error.holder).toMatchObject({ partnerId: "rival", domain: "rival.io" });
    expect(r.error.contenders.map((c) => c.partnerId)).toEqual(["acme"]);
    expect(r.error.events).toEqual([
      {
        type: "domain_claim_refused",
        at: T0 + 1_000,
        actor: admin(),
        partnerId: "acme",
        domain: "rival.io",
        holder: {
          domain: "rival.io",
          partnerId: "rival",
          claimedAt: T0 - DAY,
          matchSubdomains: false,
        },
      },
    ]);
    expect(repository.snapshot()).toEqual(before);
  });

  it("refuses a domain under another partner's domain when that partner matches subdomains", async () => {
    const repository = createInMemoryRepository();
    await seed(repository, { partners: [acme, { ...rival, matchSubdomains: true }] });
    const service = createPartnerAccessService({ repository, clock: () => T0 });
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.com", "eu.rival.io"],
    });
    expect(r.ok || [r.error.code, "domain" in r.error && r.error.domain]).toEqual([
      "domain_claimed_by_another_partner",
      "rival.io",
    ]);
    expect(await repository.getDomainClaim("eu.rival.io")).toBeNull();
  });

  it("refuses shared and invalid domains, all at once, before touching the repository", async () => {
    const { repository, service } = await setup();
    const before = repository.snapshot();
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.com", "gmail.com", "https://acme.com", 7 as unknown as string],
    });
    expect(r.ok || r.error.code).toBe("invalid_employee_domains");
    if (r.ok || r.error.code !== "invalid_employee_domains") return;
    expect(r.error.issues.map((i) => [i.index, i.issue.code])).toEqual([
      [1, "shared_domain"],
      [2, "looks_like_url"],
      [3, "not_a_string"],
    ]);
    expect(repository.snapshot()).toEqual(before);
  });

  it("uses the sharedDomains option of the service", async () => {
    const repository = createInMemoryRepository();
    await seed(repository, { partners: [acme] });
    const service = createPartnerAccessService({
      repository,
      sharedDomains: { add: ["acme-mail.com"] },
    });
    const r = await service.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme-mail.com"],
    });
    expect(r.ok || r.error.code).toBe("invalid_employee_domains");
  });

  it("reports a partner that does not exist, and a stale partner record", async () => {
    const { repository, service } = await setup();
    expect(
      codeOf(
        await service.setEmployeeDomains({ actor: admin("nope"), partnerId: "nope", domains: [] }),
      ),
    ).toBe("partner_not_found");
    // the partner changes between our read and our write (a store that
    // checks versions at commit, rather than locking, lets this happen)
    const racing: PartnerAccessRepository = {
      ...repository,
      transaction: (fn) =>
        repository.transaction((tx) =>
          fn({
            ...tx,
            claimDomain: async (claim) => {
              const p = await tx.getPartner("acme");
              if (p) await tx.savePartner({ ...p.value, matchSubdomains: true }, p.version);
              return tx.claimDomain(claim);
            },
          }),
        ),
    };
    const stale = createPartnerAccessService({ repository: racing, clock: () => T0 });
    const r = await stale.setEmployeeDomains({
      actor: admin(),
      partnerId: "acme",
      domains: ["acme.com", "acme.de"],
    });
    expect(r.ok || [r.error.code, "record" in r.error && r.error.record]).toEqual([
      "version_conflict",
      "partner",
    ]);
    // the refusal rolls the whole transaction back
    expect(await repository.getDomainClaim("acme.de")).toBeNull();
    expect((await repository.getPartner("acme"))?.value.matchSubdomains).toBeUndefined();
  });
});

describe("tagEmployee and untagEmployee", () => {
  it("tags a user, once", async () => {
    const { repository, service } = await setup();
    const r = await service.tagEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "SAM@acme.com",
    });
    expect(r.ok && [r.value.changed, r.value.user.value.tagged, r.value.user.version]).toEqual([
      true,
      true,
      2,
    ]);
    expect(r.ok && r.value.events).toEqual([
      {
        type: "employee_tagged",
        at: T0 + 1_000,
        actor: manager(),
        partnerId: "acme",
        email: "sam@acme.com",
      },
    ]);
    const again = await service.tagEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "sam@acme.com",
    });
    expect(again.ok && [again.value.changed, again.value.events]).toEqual([false, []]);
    expect((await repository.getUser("acme", "sam@acme.com"))?.version).toBe(2);
  });

  it("untags a user", async () => {
    const { repository, service } = await setup();
    const r = await service.untagEmployee({
      actor: admin(),
      partnerId: "acme",
      email: "jane@acme.com",
    });
    expect(r.ok && r.value.events.map((e) => e.type)).toEqual(["employee_untagged"]);
    expect((await repository.getUser("acme", "jane@acme.com"))?.value.tagged).toBe(false);
  });

  it("refuses unknown users, invalid addresses and users outside the partner account", async () => {
    const repository = createInMemoryRepository();
    await seed(repository, {
      partners: [acme],
      users: [user("acme", "gone@acme.com", { tagged: false, inPartnerAccount: false })],
    });
    const service = createPartnerAccessService({ repository });
    const tag = (email: string) =>
      service.tagEmployee({ actor: admin(), partnerId: "acme", email });
    expect(codeOf(await tag("nobody@acme.com"))).toBe("user_not_found");
    const bad = await tag("not an address");
    expect(bad.ok || bad.error).toMatchObject({
      code: "invalid_request",
      issues: [{ code: "invalid_email", path: ["email"], input: "not an address" }],
    });
    expect(codeOf(await tag("gone@acme.com"))).toBe("not_in_partner_account");
  });
});

describe("assignClient", () => {
  it("assigns a tagged employee: pending until the client grants access, which is requested", async () => {
    const { repository, service } = await setup();
    const r = await service.assignClient({
      actor: manager(),
      partnerId: "acme",
      email: "Jane@ACME.com",
      clientId: 42,
    });
    if (!r.ok) throw new Error(r.error.message);
    const assignment = {
      partnerId: "acme",
      clientId: 42,
      email: "jane@acme.com",
      status: "pending_access",
      assignedAt: T0 + 1_000,
    };
    expect(r.value.assignment).toMatchObject({
      emailKey: "jane@acme.com",
      value: assignment,
      version: 1,
    });
    expect(r.value.clientAccessRequested).toBe(true);
    const assignmentId = r.value.assignment.id;
    expect(r.value.events).toEqual([
      { type: "client_assigned", at: T0 + 1_000, actor: manager(), assignmentId, assignment },
      {
        type: "client_access_requested",
        at: T0 + 1_000,
        actor: manager(),
        assignmentId,
        partnerId: "acme",
        clientId: 42,
        email: "jane@acme.com",
      },
    ]);
    expect(await repository.getEmailLink(42, "jane@acme.com")).toEqual({
      clientId: 42,
      emailKey: "jane@acme.com",
      partnerId: "acme",
      email: "jane@acme.com",
      linkedAt: T0 + 1_000,
    });
  });

  it("starts active, with no request, when the user already has portal access", async () => {
    const { service } = await setup();
    const r = await service.assignClient({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientId: 42,
      hasPortalAccess: true,
    });
    expect(r.ok && [r.value.assignment.value.status, r.value.events.map((e) => e.type)]).toEqual([
      "active",
      ["client_assigned"],
    ]);
  });

  it("refuses an untagged user, an unknown user and a second live assignment", async () => {
    const { repository, service } = await setup();
    const assign = (email: string) =>
      service.assignClient({ actor: manager(), partnerId: "acme", email, clientId: 42 });
    expect(codeOf(await assign("sam@acme.com"))).toBe("not_tagged");
    expect(codeOf(await assign("nobody@acme.com"))).toBe("user_not_found");
    expect(codeOf(await assign("jane@acme.com"))).toBe("ok");
    const again = await assign("JANE@acme.com");
    expect(codeOf(again)).toBe("already_assigned");
    expect((await repository.listAssignments()).length).toBe(1);
  });

  it("refuses an address another partner links to the client, naming the holder and the ways out", async () => {
    const { repository, service } = await setup();
    await service.assignClient({
      actor: admin(),
      partnerId: "acme",
      email: "free@gmail.com",
      clientId: 42,
    });
    const before = repository.snapshot();
    const r = await service.assignClient({
      actor: manager("rival"),
      partnerId: "rival",
      email: "Free@gmail.com",
      clientId: 42,
    });
    if (r.ok || r.error.code !== "email_linked_to_another_partner")
      throw new Error("expected a conflict");
    expect(r.error.holder).toEqual({
      partnerId: "acme",
      email: "free@gmail.com",
      assignedAt: T0 + 1_000,
    });
    expect(r.error.contenders.map((c) => c.partnerId)).toEqual(["rival"]);
    expect(r.error.resolutions.map((x) => x.kind)).toEqual([
      "ask_holder_to_remove_access",
      "use_partner_domain_address",
      "use_different_address",
    ]);
    expect(r.error.resolutions[1]).toMatchObject({ suggestedAddress: "free@rival.io" });
    expect(r.error.events).toEqual([
      {
        type: "email_conflict_refused",
        at: T0 + 2_000,
        actor: manager("rival"),
        partnerId: "rival",
        clientId: 42,
        email: "free@gmail.com",
        holder: { partnerId: "acme", email: "free@gmail.com", assignedAt: T0 + 1_000 },
      },
    ]);
    expect(repository.snapshot()).toEqual(before);
    // another client is another link
    const other = await service.assignClient({
      actor: manager("rival"),
      partnerId: "rival",
      email: "free@gmail.com",
      clientId: 43,
    });
    expect(codeOf(other)).toBe("ok");
  });

  it("frees the address once the holder removes the access", async () => {
    const { service } = await setup();
    const assign = (partnerId: string) =>
      service.assignClient({
        actor: admin(partnerId),
        partnerId,
        email: "free@gmail.com",
        clientId: 42,
      });
    expect(codeOf(await assign("acme"))).toBe("ok");
    expect(codeOf(await assign("rival"))).toBe("email_linked_to_another_partner");
    const removed = await service.removeClientAccess({
      actor: admin(),
      partnerId: "acme",
      clientId: 42,
      email: "free@gmail.com",
      confirmation: "REMOVE",
    });
    expect(codeOf(removed)).toBe("ok");
    expect(codeOf(await assign("rival"))).toBe("ok");
  });

  it("refuses a link that stored assignments contradict, even without a stored link", async () => {
    const { repository, service } = await setup();
    // legacy data: acme's live assignment was imported without its link
    await repository.insertAssignment({
      partnerId: "acme",
      clientId: 42,
      email: "free@gmail.com",
      status: "active",
      assignedAt: T0 - DAY,
      activatedAt: T0 - DAY,
    });
    const r = await service.assignClient({
      actor: admin("rival"),
      partnerId: "rival",
      email: "free@gmail.com",
      clientId: 42,
    });
    expect(r.ok || [r.error.code, "holder" in r.error && r.error.holder.partnerId]).toEqual([
      "email_linked_to_another_partner",
      "acme",
    ]);
    expect(await repository.getEmailLink(42, "free@gmail.com")).toBeNull();
  });
});

describe("assignClients and assignEmployees (bulk)", () => {
  it("assigns many clients to one employee, a result per client", async () => {
    const { repository, service } = await setup();
    await service.assignClient({
      actor: admin(),
      partnerId: "acme",
      email: "free@gmail.com",
      clientId: 43,
    });
    const r = await service.assignClients({
      actor: manager("rival"),
      partnerId: "rival",
      email: "free@gmail.com",
      clientIds: [42, 43, 42, 44],
      clientsWithPortalAccess: [44],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.results.map((x) => [x.clientId, codeOf(x.result)])).toEqual([
      [42, "ok"],
      [43, "email_linked_to_another_partner"],
      [42, "duplicate_in_request"],
      [44, "ok"],
    ]);
    expect(r.value.events.map((e) => e.type)).toEqual([
      "client_assigned",
      "client_access_requested",
      "email_conflict_refused",
      "client_assigned",
    ]);
    const live = await repository.listAssignments({ partnerId: "rival", live: true });
    expect(live.map((a) => [a.value.clientId, a.value.status])).toEqual([
      [42, "pending_access"],
      [44, "active"],
    ]);
  });

  it("assigns many employees to one client, a result per address", async () => {
    const { service } = await setup();
    const r = await service.assignEmployees({
      actor: manager(),
      partnerId: "acme",
      clientId: 42,
      emails: ["jane@acme.com", "sam@acme.com", "nobody@acme.com", "JANE@acme.com"],
      usersWithPortalAccess: ["Jane@acme.com"],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.results.map((x) => [x.email, codeOf(x.result)])).toEqual([
      ["jane@acme.com", "ok"],
      ["sam@acme.com", "not_tagged"],
      ["nobody@acme.com", "user_not_found"],
      ["JANE@acme.com", "duplicate_in_request"],
    ]);
    const repeated = r.value.results[3]!.result;
    expect(repeated.ok || repeated.error).toMatchObject({
      path: ["emails", 3],
      firstPath: ["emails", 0],
    });
    const untagged = r.value.results[1]!.result;
    expect(untagged.ok || untagged.error).toMatchObject({ path: ["emails", 1, "tagged"] });
    const first = r.value.results[0]!.result;
    expect(first.ok && first.value.assignment.value.status).toBe("active");
  });
});

describe("grantPortalAccess", () => {
  it("lets the client's admin activate a pending assignment", async () => {
    const { service } = await setup();
    await service.assignClient({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientId: 42,
    });
    const r = await service.grantPortalAccess({
      actor: clientAdmin(42),
      partnerId: "acme",
      clientId: 42,
      email: "jane@acme.com",
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.assignment.value).toMatchObject({ status: "active", activatedAt: T0 + 2_000 });
    expect(r.value.events.map((e) => [e.type, e.actor])).toEqual([
      ["portal_access_granted", clientAdmin(42)],
    ]);
    const again = await service.grantPortalAccess({
      actor: clientAdmin(42),
      partnerId: "acme",
      clientId: 42,
      email: "jane@acme.com",
    });
    expect(codeOf(again)).toBe("invalid_transition");
  });

  it("reports an assignment that does not exist", async () => {
    const { service } = await setup();
    const r = await service.grantPortalAccess({
      actor: clientAdmin(42),
      partnerId: "acme",
      clientId: 42,
      email: "jane@acme.com",
    });
    expect(codeOf(r)).toBe("assignment_not_found");
  });
});

describe("removeClientAccess", () => {
  it("removes with REMOVE, releases the link, and refuses anything else", async () => {
    const { repository, service } = await setup();
    await service.assignClient({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientId: 42,
    });
    const request = { actor: manager(), partnerId: "acme", clientId: 42, email: "jane@acme.com" };
    const before = repository.snapshot();
    expect(codeOf(await service.removeClientAccess({ ...request, confirmation: "remove" }))).toBe(
      "confirmation_required",
    );
    expect(repository.snapshot()).toEqual(before);
    const r = await service.removeClientAccess({ ...request, confirmation: "REMOVE" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.assignment.value).toMatchObject({ status: "removed", removedAt: T0 + 3_000 });
    expect(r.value.events.map((e) => e.type)).toEqual(["client_access_removed"]);
    expect(await repository.getEmailLink(42, "jane@acme.com")).toBeNull();
    expect(codeOf(await service.removeClientAccess({ ...request, confirmation: "REMOVE" }))).toBe(
      "assignment_not_found",
    );
  });
});

describe("removeEmployee", () => {
  it("revokes every assignment of the user at once and takes them out of the account", async () => {
    const { repository, service } = await setup();
    await service.assignClients({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientIds: [42, 43],
      clientsWithPortalAccess: [43],
    });
    const r = await service.removeEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.revoked.map((a) => [a.value.clientId, a.value.status])).toEqual([
      [42, "removed"],
      [43, "removed"],
    ]);
    expect(r.value.user.value.inPartnerAccount).toBe(false);
    expect(r.value.events.map((e) => e.type)).toEqual([
      "client_access_removed",
      "client_access_removed",
      "employee_removed",
    ]);
    expect(await repository.listEmailLinks({ partnerId: "acme" })).toEqual([]);
    expect(await repository.listAssignments({ live: true })).toEqual([]);
    const again = await service.removeEmployee({
      actor: manager(),
      partnerId: "acme",
      email: "jane@acme.com",
    });
    expect(again.ok && again.value.events).toEqual([]);
  });
});

describe("attributeCredit", () => {
  it("computes the actor's partner's credit from the repository's data", async () => {
    const { repository, service } = await setup();
    for (const [partnerId, email] of [
      ["acme", "jane@acme.com"],
      ["rival", "max@rival.io"],
    ] as const) {
      await service.assignClient({
        actor: admin(partnerId),
        partnerId,
        email,
        clientId: 42,
        hasPortalAccess: true,
      });
    }
    await repository.recordActivities([
      { clientId: 42, email: "jane@acme.com", at: T0 + DAY },
      { clientId: 42, email: "max@rival.io", at: T0 + DAY },
      { clientId: 42, email: "sam@acme.com", at: T0 + DAY },
    ]);
    const period = { start: T0, end: T0 + 31 * DAY };
    const r = await service.attributeCredit({ actor: manager(), partnerId: "acme", period });
    if (!r.ok) throw new Error(r.error.message);
    // rule: the managed MRR is split evenly between the two servicing partners
    expect(r.value.credit).toEqual({
      partnerId: "acme",
      points: 5,
      managedMrr: [{ amountMinor: 50_000, currency: "USD" }],
      clients: [{ clientId: 42, share: { amountMinor: 50_000, currency: "USD" }, points: 5 }],
    });
    expect(r.value.decisions.map((d) => [d.partnerId, d.outcome])).toEqual([["acme", "credited"]]);
    expect(r.value.lostCredit.map((l) => [l.partnerId, l.email])).toEqual([
      ["acme", "sam@acme.com"],
    ]);
    expect(r.value.events).toEqual([]);
  });

  it("reports an invalid period before reading anything", async () => {
    const { repository } = await setup();
    const reads: string[] = [];
    const watched: PartnerAccessRepository = {
      ...repository,
      transaction: (fn) => {
        reads.push("transaction");
        return repository.transaction(fn);
      },
    };
    const service = createPartnerAccessService({ repository: watched });
    const r = await service.attributeCredit({
      actor: manager(),
      partnerId: "acme",
      period: { start: T0, end: T0 - 1 },
    });
    expect(r.ok || r.error).toMatchObject({
      code: "invalid_request",
      issues: [{ code: "invalid_period", path: ["period"] }],
    });
    const fraction = await service.attributeCredit({
      actor: manager(),
      partnerId: "acme",
      period: { start: 1.5, end: 1e16 },
    });
    expect(fraction.ok || fraction.error).toMatchObject({
      code: "invalid_request",
      issues: [
        { code: "invalid_timestamp", path: ["period", "start"], input: 1.5 },
        { code: "invalid_timestamp", path: ["period", "end"], input: 1e16 },
      ],
    });
    expect(reads).toEqual([]);
  });
});

describe("guards", () => {
  it("turns a repository that throws or rejects into repository_failure", async () => {
    for (const fail of [
      () => {
        throw new Error("down");
      },
      () => Promise.reject(new Error("down")),
    ]) {
      const repository = createInMemoryRepository();
      await seed(repository, world);
      const broken: PartnerAccessRepository = {
        ...repository,
        transaction: (fn) =>
          repository.transaction((tx) => fn({ ...tx, getUser: fail } as typeof tx)),
      };
      const service = createPartnerAccessService({ repository: broken });
      const r = await service.tagEmployee({
        actor: admin(),
        partnerId: "acme",
        email: "sam@acme.com",
      });
      expect(
        r.ok || [r.error.code, "cause" in r.error && (r.error.cause as Error).message],
      ).toEqual(["repository_failure", "down"]);
    }
  });

  it("never throws: a throwing clock, a bad request, a bad actor", async () => {
    const repository = createInMemoryRepository();
    await seed(repository, world);
    const throwing = createPartnerAccessService({
      repository,
      clock: () => {
        throw new Error("no time");
      },
    });
    const r = await throwing.tagEmployee({
      actor: admin(),
      partnerId: "acme",
      email: "sam@acme.com",
    });
    expect(codeOf(r)).toBe("unexpected_error");
    const service = createPartnerAccessService({ repository });
    expect(codeOf(await service.assignClient(undefined as never))).toBe("invalid_request");
    expect(
      codeOf(
        await service.assignClient({
          actor: { userId: "" } as never,
          partnerId: "acme",
          email: "jane@acme.com",
          clientId: 42,
        }),
      ),
    ).toBe("forbidden");
    const nan = createPartnerAccessService({ repository, clock: () => Number.NaN });
    expect(
      codeOf(await nan.tagEmployee({ actor: admin(), partnerId: "acme", email: "sam@acme.com" })),
    ).toBe("unexpected_error");
  });

  it("refuses a member without the permission", async () => {
    const { service } = await setup();
    const r = await service.assignClient({
      actor: member(),
      partnerId: "acme",
      email: "jane@acme.com",
      clientId: 42,
    });
    expect(r.ok || [r.error.code, "reason" in r.error && r.error.reason]).toEqual([
      "forbidden",
      "permission_required",
    ]);
  });
});
