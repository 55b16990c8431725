// A compact text form of the shared-domain list, since it ships in every
// bundle that checks shared domains: gzip alone leaves about 41 kB of the
// plain list; grouping by last label and front-coding leaves about 33 kB.
//
// One line per last label: the label, then its entries. Each entry is a
// domain without `.label`, written as one upper-case letter giving how many
// leading characters it shares with the previous entry of the line
// (`"A"` + n, n ≤ 25), then the rest. Canonical domains are lower case, so the
// letter also marks where an entry starts.

const MARK = 65; // "A"
const MAX_SHARED = 25;
const ENTRY = /[A-Z][^A-Z]*/g;

/**
 * Encodes canonical domains (each with at least two labels).
 *
 * @param domains - canonical domains
 * @returns the encoded text
 * @example
 * ```ts
 * encodeSharedDomains(["gmail.com", "gmx.com", "web.de"]); //=> "comAgmailCx\ndeAweb"
 * ```
 */
export function encodeSharedDomains(domains: Iterable<string>): string {
  const groups = new Map<string, string[]>();
  for (const domain of domains) {
    const dot = domain.lastIndexOf(".");
    const label = domain.slice(dot + 1);
    const hosts = groups.get(label) ?? [];
    if (hosts.length === 0) groups.set(label, hosts);
    hosts.push(domain.slice(0, dot));
  }
  const lines: string[] = [];
  for (const label of [...groups.keys()].sort()) {
    let previous = "";
    const entries = groups
      .get(label)!
      .sort()
      .map((host) => {
        let shared = 0;
        const limit = Math.min(previous.length, host.length, MAX_SHARED);
        while (shared < limit && previous[shared] === host[shared]) shared++;
        previous = host;
        return String.fromCharCode(MARK + shared) + host.slice(shared);
      });
    lines.push(label + entries.join(""));
  }
  return lines.join("\n");
}

/**
 * Decodes the text {@link encodeSharedDomains} produced.
 *
 * @param text - the encoded list
 * @returns the domains, grouped by last label, each group sorted
 * @example
 * ```ts
 * decodeSharedDomains("comAgmailCx\ndeAweb"); //=> ["gmail.com", "gmx.com", "web.de"]
 * ```
 */
export function decodeSharedDomains(text: string): string[] {
  const domains: string[] = [];
  if (text === "") return domains;
  for (const line of text.split("\n")) {
    const suffix = `.${line.slice(0, line.search(/[A-Z]/))}`;
    let previous = "";
    for (const [entry] of line.matchAll(ENTRY)) {
      previous = previous.slice(0, entry.charCodeAt(0) - MARK) + entry.slice(1);
      domains.push(previous + suffix);
    }
  }
  return domains;
}
