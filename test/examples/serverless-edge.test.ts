// @vitest-environment edge-runtime
import { describe, expect, it } from "vitest";
import handler from "../../examples/serverless/fetch-handler.js";

// The fetch handler in vitest's edge-runtime environment, with the globals of
// an edge runtime (Request, Response, fetch, crypto). That environment still
// lets Node's own globals through, so test/examples/serverless-lambda.test.ts
// also bundles the handler and runs it inside an edge VM, where any Node API
// fails.

const post = (path: string, body: unknown) =>
  handler.fetch(
    new Request(`https://api.example${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

describe("examples/serverless fetch handler (edge runtime)", () => {
  it("runs with an edge runtime's globals", () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe("string");
  });

  it("checks a partner employee domain", async () => {
    const okResponse = await post("/domains/check", { domain: "Bücher.DE" });
    expect(okResponse.status).toBe(200);
    expect(await okResponse.json()).toEqual({ domain: "xn--bcher-kva.de" });
    const refused = await post("/domains/check", { domain: "gmail.com" });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe("shared_domain");
  });

  it("classifies users and attributes credit", async () => {
    const partner = { partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] };
    const classified = await post("/users/classify", {
      partner,
      users: [
        { partnerId: "acme", email: "jane@acme.com", tagged: true },
        { partnerId: "acme", email: "li@gmail.com", tagged: true },
      ],
    });
    expect(classified.status).toBe(200);
    expect((await classified.json()).classifications).toEqual([
      { kind: "domain_match", matchedDomain: "acme.com" },
      { kind: "client_access_manager", reason: "shared_domain" },
    ]);
    const credit = await post("/credit", {
      period: { start: 0, end: 1000 },
      partners: [partner],
      clients: [{ clientId: 1, mrr: { amountMinor: 100_000, currency: "USD" } }],
      users: [{ partnerId: "acme", email: "jane@acme.com", tagged: true }],
      assignments: [
        {
          partnerId: "acme",
          clientId: 1,
          email: "jane@acme.com",
          status: "active",
          assignedAt: 0,
          activatedAt: 0,
        },
      ],
      activities: [{ clientId: 1, email: "jane@acme.com", at: 10 }],
    });
    expect(credit.status).toBe(200);
    expect((await credit.json()).partners[0].points).toBe(10);
  });

  it("answers bad requests with a status, never a crash", async () => {
    expect((await post("/users/classify", { partner: 1 })).status).toBe(422);
    expect((await post("/nowhere", {})).status).toBe(404);
    const notJson = await handler.fetch(
      new Request("https://api.example/credit", { method: "POST", body: "{" }),
    );
    expect(notJson.status).toBe(400);
    expect((await handler.fetch(new Request("https://api.example/credit"))).status).toBe(405);
  });
});
