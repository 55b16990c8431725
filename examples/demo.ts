// The whole story of a partner program, through the public API and the
// service over the in-memory repository: run it with `npm run demo`.
//
// Northwind, an agency, joins the program: a manager who is not a super
// admin may not set its employee domain, a free-mail domain is refused, the
// real domain is proven with a DNS TXT record and set. Its users are
// classified, a contractor on gmail.com is assigned by hand through the
// Client Access Manager, assignments go from pending to active when the
// client lets the user in, a second agency is refused the same address on
// the same client and given the three ways out, and a month of work earns
// managed credit in two currencies and a tier.
import {
  type Actor,
  type ClientActor,
  createDomainChallenge,
  createPartnerAccessService,
  evaluateTier,
  formatIssue,
  formatMoney,
  type PartnerAccessService,
  type ResolveTxt,
  soldPoints,
  type TierThreshold,
  verifyDomainChallenge,
} from "../src/index.js";
import { createInMemoryRepository, type InMemoryRepository } from "../src/testing/index.js";

const DAY = 86_400_000;
const MARCH = { start: Date.UTC(2026, 2, 1), end: Date.UTC(2026, 3, 1) };
// The service reads this clock once per use case; the story moves it forward.
let now = Date.UTC(2026, 1, 20);

const admin: Actor = { userId: "ada", partnerId: "northwind", superAdmin: true, permissions: [] };
const manager: Actor = {
  userId: "max",
  partnerId: "northwind",
  superAdmin: false,
  permissions: ["manage_partner_employees"],
};
const rivalAdmin: Actor = {
  userId: "rob",
  partnerId: "contoso",
  superAdmin: true,
  permissions: [],
};
const clientAdmin = (clientId: number): ClientActor => ({
  kind: "client",
  userId: `admin-of-${clientId}`,
  clientId,
  superAdmin: true,
});

const say = (line = "") => console.log(line);
const heading = (title: string) => say(`\n== ${title}`);
const outcome = (r: { ok: true } | { ok: false; error: { code: string } }) =>
  r.ok ? "ok" : `refused: ${r.error.code}`;

function ensure<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(`the demo expected success: ${r.error.message}`);
  return r.value;
}

// A stand-in for `dns.promises.resolveTxt`: the TXT records the partner published.
function publishedRecords(records: Record<string, string>): ResolveTxt {
  return async (name) => (name in records ? [[records[name] ?? ""]] : []);
}

async function setDomain(service: PartnerAccessService): Promise<void> {
  heading("1. The employee domain");
  ensure(
    await service.savePartnerAccount({ actor: admin, partnerId: "northwind", program: "partner" }),
  );
  const byManager = await service.setEmployeeDomains({
    actor: manager,
    partnerId: "northwind",
    domains: ["northwind.io"],
  });
  say(
    `manager sets northwind.io: ${outcome(byManager)}${byManager.ok ? "" : ` (${"reason" in byManager.error ? byManager.error.reason : ""})`}`,
  );
  const shared = await service.setEmployeeDomains({
    actor: admin,
    partnerId: "northwind",
    domains: ["gmail.com"],
  });
  say(`super admin sets gmail.com: ${outcome(shared)}`);
  if (!shared.ok) say(`  ${formatIssue(shared.error)}`);
  const unproven = await service.setEmployeeDomains({
    actor: admin,
    partnerId: "northwind",
    domains: ["Northwind.io"],
  });
  say(`super admin sets Northwind.io without proof: ${outcome(unproven)}`);

  const challenge = ensure(createDomainChallenge("Northwind.io", { now, partnerId: "northwind" }));
  say(`publish TXT ${challenge.recordName} = ${challenge.recordValue.replace(/=.*/, "=…")}`);
  now += DAY;
  const resolver = publishedRecords({ [challenge.recordName]: challenge.recordValue });
  const verification = await verifyDomainChallenge(challenge, resolver, now);
  say(`verification: ${verification.status}`);
  const set = ensure(
    await service.setEmployeeDomains({
      actor: admin,
      partnerId: "northwind",
      domains: ["Northwind.io"],
      verifications: [verification],
    }),
  );
  say(
    `with the proof: ok, employee domains ${JSON.stringify(set.partner.value.employeeDomains)}, events ${set.events.map((e) => e.type).join(", ")}`,
  );
}

async function addUsers(service: PartnerAccessService): Promise<void> {
  heading("2. Users, classified");
  for (const [email, tagged] of [
    ["jane@northwind.io", true],
    ["sam@northwind.io", false],
    ["alex.contractor@gmail.com", true],
  ] as const) {
    ensure(await service.addPartnerUser({ actor: manager, partnerId: "northwind", email, tagged }));
  }
  const list = ensure(
    await service.listPartnerEmployees({ actor: manager, partnerId: "northwind" }),
  );
  for (const e of list.employees) {
    const c = e.classification;
    const how = c.kind === "client_access_manager" ? `${c.kind} (${c.reason})` : c.kind;
    const seat = e.partnerSeat.eligible
      ? "Partner Seat"
      : `no seat: ${e.partnerSeat.reasons.join(", ")}`;
    say(
      `${e.user.value.email.padEnd(26)} tagged=${String(e.user.value.tagged).padEnd(5)} ${how.padEnd(38)} ${seat}`,
    );
  }
}

async function assign(service: PartnerAccessService): Promise<void> {
  heading("3. Assignments");
  now = Date.UTC(2026, 2, 2);
  const jane = ensure(
    await service.assignClient({
      actor: manager,
      partnerId: "northwind",
      email: "jane@northwind.io",
      clientId: 42,
    }),
  );
  say(
    `jane -> client 42: ${jane.assignment.value.status}, access requested from the client: ${jane.clientAccessRequested}`,
  );
  const alex = ensure(
    await service.assignClient({
      actor: manager,
      partnerId: "northwind",
      email: "alex.contractor@gmail.com",
      clientId: 42,
    }),
  );
  say(`alex (Client Access Manager) -> client 42: ${alex.assignment.value.status}`);
  const euro = ensure(
    await service.assignClient({
      actor: manager,
      partnerId: "northwind",
      email: "jane@northwind.io",
      clientId: 77,
      hasPortalAccess: true,
    }),
  );
  say(`jane -> client 77 (already in its portal): ${euro.assignment.value.status}`);
  const untagged = await service.assignClient({
    actor: manager,
    partnerId: "northwind",
    email: "sam@northwind.io",
    clientId: 42,
  });
  say(`sam (untagged) -> client 42: ${outcome(untagged)}`);
  now += DAY;
  for (const email of ["jane@northwind.io", "alex.contractor@gmail.com"]) {
    const granted = ensure(
      await service.grantPortalAccess({
        actor: clientAdmin(42),
        partnerId: "northwind",
        clientId: 42,
        email,
      }),
    );
    say(`client 42's admin lets ${email} in: ${granted.assignment.value.status}`);
  }
}

async function conflict(service: PartnerAccessService): Promise<void> {
  heading("4. A second partner, the same address, the same client");
  ensure(
    await service.savePartnerAccount({
      actor: rivalAdmin,
      partnerId: "contoso",
      program: "partner",
    }),
  );
  ensure(
    await service.setEmployeeDomains({
      actor: rivalAdmin,
      partnerId: "contoso",
      domains: ["contoso.com"],
      verifications: [await proof("contoso.com", "contoso")],
    }),
  );
  ensure(
    await service.addPartnerUser({
      actor: rivalAdmin,
      partnerId: "contoso",
      email: "Alex.Contractor@gmail.com",
      tagged: true,
    }),
  );
  const r = await service.assignClient({
    actor: rivalAdmin,
    partnerId: "contoso",
    email: "Alex.Contractor@gmail.com",
    clientId: 42,
  });
  if (r.ok || r.error.code !== "email_linked_to_another_partner")
    throw new Error("the demo expected a conflict");
  say(`contoso -> client 42: refused: ${r.error.code} (held by ${r.error.holder.partnerId})`);
  say("the ways out:");
  for (const way of r.error.resolutions) say(`  ${way.kind}: ${way.message}`);
  say(`events to record: ${r.error.events.map((e) => e.type).join(", ")}`);
  heading("5. The same refusal, for people");
  say(`en: ${formatIssue(r.error, "en")}`);
  say(`de: ${formatIssue(r.error, "de")}`);
}

async function proof(domain: string, partnerId: string) {
  const challenge = ensure(createDomainChallenge(domain, { now, partnerId }));
  const resolver = publishedRecords({ [challenge.recordName]: challenge.recordValue });
  return verifyDomainChallenge(challenge, resolver, now);
}

async function month(service: PartnerAccessService, repository: InMemoryRepository): Promise<void> {
  heading("6. March: managed credit");
  await repository.recordActivities([
    { clientId: 42, email: "jane@northwind.io", at: Date.UTC(2026, 2, 10) },
    { clientId: 42, email: "alex.contractor@gmail.com", at: Date.UTC(2026, 2, 11) },
    { clientId: 77, email: "jane@northwind.io", at: Date.UTC(2026, 2, 12) },
    { clientId: 42, email: "sam@northwind.io", at: Date.UTC(2026, 2, 13) },
  ]);
  now = MARCH.end;
  const { credit, decisions, lostCredit } = ensure(
    await service.attributeCredit({ actor: manager, partnerId: "northwind", period: MARCH }),
  );
  for (const d of decisions) say(`client ${d.clientId}: ${d.outcome}`);
  for (const c of credit.clients)
    say(
      `client ${c.clientId}: share ${formatMoney(c.share)} (de: ${formatMoney(c.share, "de")}), ${c.points} points`,
    );
  say(
    `managed MRR: ${credit.managedMrr.map((m) => formatMoney(m)).join(" + ")}, managed points ${credit.points}`,
  );
  say(`lost credit: ${lostCredit.map((l) => `${l.email} on client ${l.clientId}`).join(", ")}`);

  heading("7. The tier");
  const sourced = ensure(
    soldPoints([{ kind: "sourced", mrr: { amountMinor: 40_000, currency: "USD" } }]),
  );
  const thresholds: TierThreshold[] = [
    { tier: "gold", totalPoints: 30, sourcedPoints: 10 },
    { tier: "platinum", totalPoints: 100, sourcedPoints: 40 },
  ];
  const tier = evaluateTier(
    { totalPoints: credit.points + sourced, sourcedPoints: sourced },
    "partner",
    thresholds,
  );
  const next = "next" in tier && tier.next !== undefined ? tier.next : null;
  const missing =
    next === null
      ? ""
      : `; for ${next.tier}: ${next.missingTotalPoints} more points, ${next.missingSourcedPoints} more sourced`;
  say(`${credit.points} managed + ${sourced} sourced points: tier ${tier.tier}${missing}`);
}

const repository = createInMemoryRepository();
await repository.putClient({ clientId: 42, mrr: { amountMinor: 250_000, currency: "USD" } });
await repository.putClient({ clientId: 77, mrr: { amountMinor: 100_000, currency: "EUR" } });
const service = createPartnerAccessService({
  repository,
  clock: () => now,
  requireDomainProof: true,
});
await setDomain(service);
await addUsers(service);
await assign(service);
await conflict(service);
await month(service, repository);
