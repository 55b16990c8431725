import { type DomainIssue, domainAndAncestors, parseEmailDomain } from "./email-domain.js";
import { buildSharedDomainData } from "./shared-domain-data.js";
import { SHARED_DOMAINS_SOURCE, SHARED_DOMAINS_TEXT } from "./shared-domains.generated.js";
import { decodeSharedDomains } from "./shared-domains-codec.js";

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
  /** Where the list came from (the default names its email-providers version). */
  readonly source: string;
  /** How many canonical entries the list holds. */
  readonly size: number;
  /** The listed entry that covers a canonical domain (itself or a parent), if any. */
  match(domain: string): string | undefined;
  /** The canonical entries, sorted. */
  domains(): string[];
  /** Caller entries that were dropped because `parseEmailDomain` refused them. */
  readonly refused: ReadonlyArray<{ readonly entry: unknown; readonly error: DomainIssue }>;
}

/**
 * How to change the default shared-domain list: `add` entries to it, or
 * `replace` it entirely (then `add` is added to the replacement).
 *
 * @example
 * ```ts
 * const options: SharedDomainListOptions = { replace: ["gmail.com"], add: ["example-mail.org"] };
 * ```
 */
export interface SharedDomainListOptions {
  readonly add?: Iterable<string>;
  readonly replace?: Iterable<string>;
}

/**
 * The `sharedDomains` option of the functions that check shared domains: a
 * prepared {@link SharedDomainList} (best when called often), or the options
 * to build one (built once per options object and remembered).
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

  match(domain: string): string | undefined {
    return domainAndAncestors(domain).find((d) => this.#set.has(d));
  }

  domains(): string[] {
    return [...this.#set].sort();
  }
}

let defaultList: SharedDomainList | undefined;

/**
 * The default shared-domain list, from the maintained `email-providers`
 * package, canonicalised at build time. Built on first use, not on import.
 *
 * @returns the default list
 * @example
 * ```ts
 * defaultSharedDomainList().match("gmail.com"); //=> "gmail.com"
 * ```
 */
export function defaultSharedDomainList(): SharedDomainList {
  defaultList ??= new CanonicalSharedDomainList(
    SHARED_DOMAINS_SOURCE,
    decodeSharedDomains(SHARED_DOMAINS_TEXT),
    [],
  );
  return defaultList;
}

/**
 * Builds a shared-domain list from the default one: with `add`, extra entries
 * join it; with `replace`, the given entries stand in for it. Entries are
 * canonicalised through `parseEmailDomain`; refused ones are dropped and
 * reported in `refused`. Never throws.
 *
 * @param options - entries to add, or to replace the default list with
 * @returns the list
 * @example
 * ```ts
 * const list = createSharedDomainList({ replace: ["Mail.Example"] });
 * list.match("mail.example"); //=> "mail.example"
 * list.match("gmail.com");    //=> undefined
 * ```
 */
export function createSharedDomainList(options: SharedDomainListOptions = {}): SharedDomainList {
  const replace = iterableOrUndefined(options?.replace);
  const add = iterableOrUndefined(options?.add);
  if (replace === undefined && add === undefined) return defaultSharedDomainList();
  const base = replace ?? defaultSharedDomainList().domains();
  const { domains, dropped } = buildSharedDomainData(chain(base, add ?? []));
  const source = replace === undefined ? `${defaultSharedDomainList().source} + caller` : "caller";
  return new CanonicalSharedDomainList(source, domains, dropped.refused);
}

function iterableOrUndefined(value: unknown): Iterable<unknown> | undefined {
  if (value === null || typeof value !== "object" || !(Symbol.iterator in value)) return undefined;
  return value as Iterable<unknown>;
}

function* chain(a: Iterable<unknown>, b: Iterable<unknown>): Iterable<unknown> {
  yield* a;
  yield* b;
}

const fromOptions = new WeakMap<SharedDomainListOptions, SharedDomainList>();

/**
 * Resolves the `sharedDomains` option to a list (the default when absent).
 *
 * @param options - the caller's options
 * @returns the list to use
 * @example
 * ```ts
 * resolveSharedDomainList().source; //=> "email-providers@2.26.0"
 * ```
 */
export function resolveSharedDomainList(options?: SharedDomainOptions): SharedDomainList {
  const given = options?.sharedDomains;
  if (given === undefined || given === null || typeof given !== "object") {
    return defaultSharedDomainList();
  }
  if (given instanceof CanonicalSharedDomainList) return given;
  if (typeof (given as SharedDomainList).match === "function") return given as SharedDomainList;
  const spec = given as SharedDomainListOptions;
  let list = fromOptions.get(spec);
  if (list === undefined) {
    list = createSharedDomainList(spec);
    fromOptions.set(spec, list);
  }
  return list;
}

/**
 * Whether a domain is a shared (free-mail) domain such as `gmail.com`, or a
 * subdomain of one. Accepts any input: an invalid domain is not shared.
 *
 * @param domain - a domain, in any form `parseEmailDomain` accepts
 * @param options - `sharedDomains` to add to or replace the default list
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
