import { describe, expect, it } from "vitest";
import { createDohResolver, txtChunks } from "../../examples/dns/doh-resolver.js";
import {
  createDomainChallenge,
  verifyDomainChallenge,
} from "../../src/ownership/domain-challenge.js";

// The DNS-over-HTTPS resolver of the domain-ownership guide, against a stubbed fetch.

function stubFetch(answer: (url: string) => { status?: number; body?: unknown }) {
  const calls: { url: string; accept: string | null }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, accept: new Headers(init?.headers).get("accept") });
    const { status = 200, body = {} } = answer(url);
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/dns-json" },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe("createDohResolver", () => {
  it("asks the endpoint for TXT records as JSON and joins a verified challenge", async () => {
    const c = createDomainChallenge("acme.com", { now: 0 });
    if (!c.ok) throw new Error(c.error.message);
    const value = c.value.recordValue;
    const { fetch, calls } = stubFetch(() => ({
      body: {
        Status: 0,
        Answer: [
          {
            name: "_partner-access.acme.com",
            type: 16,
            data: `"${value.slice(0, 20)}" "${value.slice(20)}"`,
          },
          { name: "_partner-access.acme.com", type: 5, data: "alias.example." },
        ],
      },
    }));
    const resolver = createDohResolver({ endpoint: "https://dns.example/dns-query", fetch });
    expect(await resolver("_partner-access.acme.com")).toEqual([
      [value.slice(0, 20), value.slice(20)],
    ]);
    expect(calls).toEqual([
      {
        url: "https://dns.example/dns-query?name=_partner-access.acme.com&type=TXT",
        accept: "application/dns-json",
      },
    ]);
    const v = await verifyDomainChallenge(c.value, resolver, 1);
    expect(v.status).toBe("verified");
  });

  it("reads NXDOMAIN as no record, and other failures as a rejection", async () => {
    const nx = createDohResolver({ fetch: stubFetch(() => ({ body: { Status: 3 } })).fetch });
    expect(await nx("_partner-access.acme.com")).toEqual([]);
    const servfail = createDohResolver({ fetch: stubFetch(() => ({ body: { Status: 2 } })).fetch });
    await expect(servfail("x")).rejects.toThrow("RCODE 2");
    const http = createDohResolver({ fetch: stubFetch(() => ({ status: 503 })).fetch });
    await expect(http("x")).rejects.toThrow("HTTP 503");
    const c = createDomainChallenge("acme.com", { now: 0 });
    if (!c.ok) throw new Error(c.error.message);
    expect((await verifyDomainChallenge(c.value, http, 1)).status).toBe("resolver_failed");
  });

  it("splits presentation-form TXT data into chunks, with escapes", () => {
    expect(txtChunks('"a b" "c\\"d" "\\065"')).toEqual(["a b", 'c"d', "A"]);
    expect(txtChunks("unquoted")).toEqual(["unquoted"]);
  });
});
