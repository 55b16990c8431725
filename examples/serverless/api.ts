// A small HTTP API over partner-access, written once against Web-standard
// Request and Response so the same code runs in a fetch handler (Cloudflare
// Workers, Vercel Edge, Deno Deploy) and behind AWS Lambda. It keeps no state
// between requests: everything it needs comes in the request.
import {
  attributeManagedCredit,
  classifyUsers,
  type Partner,
  type PartnerUser,
  parsePartnerEmployeeDomain,
  schemas,
} from "partner-access";
import { z } from "zod/mini";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });

const classifyRequest = z.object({
  partner: schemas.partner,
  users: z.array(schemas.partnerUser),
});

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await request.json() };
  } catch {
    return { ok: false };
  }
}

/** Answers one request: POST /domains/check, /users/classify or /credit. */
export async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (request.method !== "POST") return json(405, { code: "method_not_allowed" });
  const body = await readJson(request);
  if (!body.ok) return json(400, { code: "invalid_json", message: "The body must be JSON." });
  const input = body.value as Record<string, unknown> | null;

  if (pathname === "/domains/check") {
    const r = parsePartnerEmployeeDomain(input?.domain);
    return r.ok ? json(200, { domain: r.value }) : json(422, { error: r.error });
  }
  if (pathname === "/users/classify") {
    const parsed = z.safeParse(classifyRequest, input);
    if (!parsed.success) return json(422, { code: "invalid_request", issues: parsed.error.issues });
    const { partner, users } = parsed.data as { partner: Partner; users: PartnerUser[] };
    const { classifications, counts } = classifyUsers(users, partner);
    return json(200, { counts, classifications });
  }
  if (pathname === "/credit") {
    const r = attributeManagedCredit(input as never);
    return r.ok ? json(200, r.value) : json(422, { error: r.error });
  }
  return json(404, { code: "not_found" });
}
