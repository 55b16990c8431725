import { isIterable, isRecord, own } from "../guards.js";
import { domainAndAncestors, parseEmailDomain } from "./email-domain.js";
import {
  canonicalEntries,
  type RefusedSharedDomain,
  withoutCovered,
} from "./shared-domain-data.js";
import { SHARED_DOMAINS_SOURCE, SHARED_DOMAINS_TEXT } from "./shared-domains.generated.js";
import { decodeSharedDomains } from "./shared-domains-codec.js";

export type { RefusedSharedDomain } from "./shared-domain-data.js";

/**
 * A set of shared (free-mail) domains: a domain is shared when it or one of
 * its parent domains is listed, so `mail.yahoo.com` is shared because
 * `yahoo.com` is. Build one with {@link createSharedDomainList} and pass it to
 * the functions that take `sharedDomains`.
 *
 * @example
 * ```ts
 * const list = createSharedDomainList({ add: ["acme-mail.com"] });
 * list.match("eu.acme-mail.com"); //=> "acme-mail.com"
 * ```
 */
export interface SharedDomainList {
  /** Where the list came from (the default names its two sources and their versions). */
  readonly source: string;
  /** How many canonical entries the list holds. */
  readonly size: number;
  /**
   * The listed entry that covers a canonical domain (itself or a parent), if
   * any; `undefined` for anything else, a non-string included.
   */
  match(domain: string): string | undefined;
  /** The canonical entries, sorted. */
  domains(): string[];
  /** Caller entries that were dropped because `parseEmailDomain` refused them. */
  readonly refused: ReadonlyArray<RefusedSharedDomain>;
}

/**
 * How to change the default shared-domain list: `replace` it entirely, `add`
 * entries to it (or to the replacement), and `remove` entries from the
 * result (for the odd false positive of a long list). Each is a list of
 * domains, or a single domain as a string; entries are canonicalised through
 * `parseEmailDomain` and those it refuses are reported in `refused`.
 * Removing an entry unlists that entry only: a domain under another listed
 * entry stays shared.
 *
 * @example
 * ```ts
 * const options: SharedDomainListOptions = { add: ["example-mail.org"], remove: ["gmx.us"] };
 * ```
 */
export interface SharedDomainListOptions {
  readonly add?: Iterable<string>;
  readonly replace?: Iterable<string>;
  readonly remove?: Iterable<string>;
}

/**
 * The `sharedDomains` option of the functions that check shared domains: a
 * prepared {@link SharedDomainList} (best when called often), or the options
 * to build one (built once per options object and remembered). A list of
 * the caller's own whose `match` throws or answers something other than a
 * string or `undefined` lists nothing.
 *
 * @example
 * ```ts
 * isSharedEmailDomain("acme.com", { sharedDomains: { add: ["acme.com"] } }); //=> true
 * ```
 */
export interface SharedDomainOptions {
  readonly sharedDomains?: SharedDomainList | SharedDomainListOptions;
}

class CanonicalSharedDomainList implements SharedDomainList {
  readonly size: number;
  readonly #set: ReadonlySet<string>;

  constructor(
    readonly source: string,
    domains: readonly string[],
    readonly refused: SharedDomainList["refused"],
  ) {
    this.#set = new Set(domains);
    this.size = this.#set.size;
  }

  /** The entries as a set, for building a changed copy without parsing them again. */
  static entriesOf(list: CanonicalSharedDomainList): ReadonlySet<string> {
    return list.#set;
  }

  match(domain: string): string | undefined {
    return domainAndAncestors(domain).find((d) => this.#set.has(d));
  }

  domains(): string[] {
    return [...this.#set].sort();
  }
}

let defaultList: CanonicalSharedDomainList | undefined;

/**
 * The default shared-domain list: the union of the maintained
 * `email-providers` list and the list of the `free-email-domains` package,
 * canonicalised at build time. Built on first use, not on import.
 *
 * @returns the default list
 * @example
 * ```ts
 * defaultSharedDomainList().match("gmail.com"); //=> "gmail.com"
 * defaultSharedDomainList().match("tuta.io");   //=> "tuta.io"
 * ```
 */
export function defaultSharedDomainList(): SharedDomainList {
  return theDefault();
}

function theDefault(): CanonicalSharedDomainList {
  defaultList ??= new CanonicalSharedDomainList(
    SHARED_DOMAINS_SOURCE,
    decodeSharedDomains(SHARED_DOMAINS_TEXT),
    [],
  );
  return defaultList;
}

/**
 * Builds a shared-domain list from the default one: `replace` stands in for
 * it, `add` joins it, `remove` takes entries out. Entries are canonicalised
 * through `parseEmailDomain`; refused ones (a non-string, a malformed name, a
 * public suffix) are dropped and reported in `refused`, and so is an option
 * that is neither a list nor a string (a `replace` of that kind leaves the
 * default in place). Options that are not an object count as none. Never
 * throws: an iterable that throws is read up to the throw.
 *
 * @param options - entries to replace the default list with, add and remove
 * @returns the list
 * @example
 * ```ts
 * const list = createSharedDomainList({ replace: ["Mail.Example"] });
 * list.match("mail.example"); //=> "mail.example"
 * list.match("gmail.com");    //=> undefined
 * createSharedDomainList({ remove: ["gmx.us"] }).match("gmx.us"); //=> undefined
 * ```
 */
export function createSharedDomainList(options: SharedDomainListOptions = {}): SharedDomainList {
  const refused: RefusedSharedDomain[] = [];
  const replace = entriesOf(own(options, "replace"), refused);
  const add = entriesOf(own(options, "add"), refused);
  const remove = entriesOf(own(options, "remove"), refused);
  const fallback = theDefault();
  if (replace === undefined && add === undefined && remove === undefined && refused.length === 0) {
    return fallback;
  }
  const added = canonicalEntries(add ?? [], refused);
  let listed: Set<string>;
  if (replace === undefined) {
    // The default list is canonical and pruned already: only the caller's
    // entries are parsed, and pruned against it.
    listed = withAdded(CanonicalSharedDomainList.entriesOf(fallback), added);
  } else {
    const replacement = canonicalEntries(replace, refused);
    for (const domain of added) replacement.add(domain);
    listed = new Set(withoutCovered(replacement).domains);
  }
  for (const domain of canonicalEntries(remove ?? [], refused)) listed.delete(domain);
  const source = replace === undefined ? `${fallback.source} + caller` : "caller";
  return new CanonicalSharedDomainList(source, [...listed], refused);
}

// A pruned list with more entries, pruned again: an added entry under a
// listed one is dropped, and so is a listed entry under an added one.
function withAdded(listed: ReadonlySet<string>, added: ReadonlySet<string>): Set<string> {
  const fresh = new Set<string>();
  for (const domain of added) {
    if (!domainAndAncestors(domain).some((d) => listed.has(d))) fresh.add(domain);
  }
  if (fresh.size === 0) return new Set(listed);
  const out = new Set<string>();
  for (const domain of listed) {
    if (!domainAndAncestors(domain).some((d) => fresh.has(d))) out.add(domain);
  }
  for (const domain of withoutCovered(fresh).domains) out.add(domain);
  return out;
}

// The entries of one option: a list, or one domain as a string; absent for
// `undefined` and `null`; anything else is reported as a refused entry.
function entriesOf(value: unknown, refused: RefusedSharedDomain[]): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return [value];
  if (!isIterable(value)) {
    // Not a string: parseEmailDomain refuses it (not_a_string), as it
    // would this entry in a list.
    const parsed = parseEmailDomain(value) as Extract<
      ReturnType<typeof parseEmailDomain>,
      { ok: false }
    >;
    refused.push({ entry: value, error: parsed.error });
    return undefined;
  }
  const entries: unknown[] = [];
  try {
    for (const entry of value) entries.push(entry);
  } catch {
    // read up to the throw
  }
  return entries;
}

const fromOptions = new WeakMap<object, SharedDomainList>();

/**
 * Resolves the `sharedDomains` option to a list (the default when absent or
 * not an object). A list of the caller's own is wrapped so that its `match`
 * cannot throw. Internal.
 *
 * @param options - the caller's options
 * @returns the list to use
 * @example
 * ```ts
 * resolveSharedDomainList().source; //=> "email-providers@2.26.0 + free-email-domains@1.12.6"
 * ```
 */
export function resolveSharedDomainList(options?: SharedDomainOptions): SharedDomainList {
  const given = own(options, "sharedDomains");
  if (!isRecord(given)) return defaultSharedDomainList();
  if (given instanceof CanonicalSharedDomainList) return given;
  let list = fromOptions.get(given);
  if (list === undefined) {
    const match = readProperty(given, "match");
    list =
      typeof match === "function"
        ? guardedList(given as unknown as SharedDomainList)
        : createSharedDomainList(given as SharedDomainListOptions);
    fromOptions.set(given, list);
  }
  return list;
}

function readProperty(value: object, key: string): unknown {
  try {
    return (value as { readonly [k: string]: unknown })[key];
  } catch {
    return undefined;
  }
}

// A caller's own list, read so that nothing it does escapes: a `match` that
// throws, or answers anything but a string, lists nothing.
function guardedList(list: SharedDomainList): SharedDomainList {
  const size = readProperty(list, "size");
  const source = readProperty(list, "source");
  return {
    source: typeof source === "string" ? source : "caller",
    size: typeof size === "number" ? size : 0,
    refused: [],
    match(domain) {
      try {
        const listed: unknown = list.match(domain);
        return typeof listed === "string" ? listed : undefined;
      } catch {
        return undefined;
      }
    },
    domains() {
      try {
        return [...list.domains()].filter((d): d is string => typeof d === "string");
      } catch {
        return [];
      }
    },
  };
}

/**
 * Whether a domain is a shared (free-mail) domain such as `gmail.com`, or a
 * subdomain of one. Accepts any input: an invalid domain is not shared, and
 * options that are not an object count as none.
 *
 * @param domain - a domain, in any form `parseEmailDomain` accepts
 * @param options - `sharedDomains` to replace, add to or remove from the default list
 * @returns `true` when the domain or a parent of it is listed
 * @example
 * ```ts
 * isSharedEmailDomain("GMAIL.com");      //=> true
 * isSharedEmailDomain("mail.yahoo.com"); //=> true
 * isSharedEmailDomain("acme.com");       //=> false
 * ```
 */
export function isSharedEmailDomain(domain: unknown, options?: SharedDomainOptions): boolean {
  const parsed = parseEmailDomain(domain);
  return parsed.ok && resolveSharedDomainList(options).match(parsed.value) !== undefined;
}
