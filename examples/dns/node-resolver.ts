// On Node, the system resolver fits `verifyDomainChallenge` as it is; this
// wrapper only turns "no such name" and "no TXT record" into an empty answer,
// so a record that is not published yet reads as `record_not_found` rather
// than `resolver_failed`, and gives up after a few seconds.
import { Resolver } from "node:dns/promises";
import type { ResolveTxt } from "partner-access";

const NO_RECORD = new Set(["ENOTFOUND", "ENODATA"]);

export function createNodeResolver(
  options: { servers?: string[]; timeoutMs?: number } = {},
): ResolveTxt {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 5000, tries: 2 });
  if (options.servers !== undefined) resolver.setServers(options.servers);
  return async (name) => {
    try {
      return await resolver.resolveTxt(name);
    } catch (error) {
      if (NO_RECORD.has((error as { code?: string }).code ?? "")) return [];
      throw error;
    }
  };
}
