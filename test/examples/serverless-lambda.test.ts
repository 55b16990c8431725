import { EdgeVM } from "@edge-runtime/vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { handler } from "../../examples/serverless/lambda.js";

const event = (path: string, body: unknown, base64 = false) => ({
  rawPath: path,
  headers: { "content-type": "application/json" },
  body: base64 ? Buffer.from(JSON.stringify(body)).toString("base64") : JSON.stringify(body),
  isBase64Encoded: base64,
  requestContext: { http: { method: "POST" }, domainName: "abc.lambda-url.eu-west-1.on.aws" },
});

describe("examples/serverless Lambda handler", () => {
  it("turns an HTTP API event into a request and the response into a result", async () => {
    const r = await handler(event("/domains/check", { domain: "ACME.com" }));
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("application/json");
    expect(JSON.parse(r.body)).toEqual({ domain: "acme.com" });
  });

  it("decodes a base64 body, in UTF-8", async () => {
    const r = await handler(event("/domains/check", { domain: "bücher.de" }, true));
    expect(JSON.parse(r.body)).toEqual({ domain: "xn--bcher-kva.de" });
  });
});

describe("examples/serverless bundled into an edge VM", () => {
  it("the fetch handler bundles for a neutral platform and answers inside the VM", async () => {
    const out = await build({
      entryPoints: ["examples/serverless/fetch-handler.ts"],
      bundle: true,
      format: "iife",
      globalName: "worker",
      platform: "neutral",
      mainFields: ["module", "main"],
      alias: { "partner-access": "./src/index.ts" },
      write: false,
      logLevel: "silent",
    });
    const vm = new EdgeVM();
    // no Node globals in there: a handler that used them would fail here
    expect(vm.evaluate("typeof Buffer + typeof process + typeof require")).toBe(
      "undefinedundefinedundefined",
    );
    vm.evaluate(out.outputFiles[0]!.text);
    const status = await vm.evaluate(
      `worker.default.fetch(new Request("https://x/domains/check", { method: "POST", body: JSON.stringify({ domain: "gmail.com" }) })).then((r) => r.status)`,
    );
    expect(status).toBe(422);
  });
});
