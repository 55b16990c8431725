// A TXT resolver over DNS-over-HTTPS (the JSON API that Cloudflare's
// https://cloudflare-dns.com/dns-query and Google's https://dns.google/resolve
// answer), for edge runtimes that have `fetch` but no DNS. It has the shape of
// Node's `dns.promises.resolveTxt`, so `verifyDomainChallenge` takes it as is.
import type { ResolveTxt } from "partner-access";

export interface DohResolverOptions {
  /** The DoH JSON endpoint; default Cloudflare's. */
  readonly endpoint?: string;
  /** The `fetch` to use; default the runtime's. */
  readonly fetch?: typeof globalThis.fetch;
}

// RFC 8484 does not define the JSON form; both providers answer
// { Status, Answer: [{ type, data }] } with Status the DNS RCODE.
const NOERROR = 0;
const NXDOMAIN = 3;
const TXT = 16;

interface DohAnswer {
  readonly type?: unknown;
  readonly data?: unknown;
}

/** Splits a TXT record's presentation form (`"chunk one" "chunk two"`) into its chunks. */
export function txtChunks(data: string): string[] {
  if (!data.startsWith('"')) return [data];
  const chunks: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] !== '"') {
      i += 1;
      continue;
    }
    let chunk = "";
    i += 1;
    while (i < data.length && data[i] !== '"') {
      if (data[i] === "\\" && /^\d{3}/.test(data.slice(i + 1, i + 4))) {
        chunk += String.fromCharCode(Number(data.slice(i + 1, i + 4))); // RFC 1035 §5.1 \DDD
        i += 4;
      } else if (data[i] === "\\") {
        chunk += data[i + 1] ?? "";
        i += 2;
      } else {
        chunk += data[i];
        i += 1;
      }
    }
    chunks.push(chunk);
    i += 1;
  }
  return chunks;
}

/**
 * A `resolveTxt` over DNS-over-HTTPS. A name that does not exist, or has no
 * TXT record, resolves to `[]`; any other failure rejects, which
 * `verifyDomainChallenge` reports as `resolver_failed`.
 */
export function createDohResolver(options: DohResolverOptions = {}): ResolveTxt {
  const endpoint = options.endpoint ?? "https://cloudflare-dns.com/dns-query";
  const fetchTxt = options.fetch ?? globalThis.fetch;
  return async (name) => {
    const url = `${endpoint}?name=${encodeURIComponent(name)}&type=TXT`;
    const response = await fetchTxt(url, { headers: { accept: "application/dns-json" } });
    if (!response.ok) throw new Error(`DNS-over-HTTPS answered HTTP ${response.status}`);
    const body = (await response.json()) as { Status?: unknown; Answer?: unknown };
    if (body.Status === NXDOMAIN) return [];
    if (body.Status !== NOERROR)
      throw new Error(`DNS-over-HTTPS answered RCODE ${String(body.Status)}`);
    const answers = Array.isArray(body.Answer) ? (body.Answer as DohAnswer[]) : [];
    return answers
      .filter((a) => a.type === TXT && typeof a.data === "string")
      .map((a) => txtChunks(a.data as string));
  };
}
