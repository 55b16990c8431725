/**
 * Proof that a partner controls an employee email domain, by a DNS TXT
 * record, as Atlassian, GitHub, Microsoft 365 and Slack ask for: the library
 * issues a challenge (a record name and a random value), the partner
 * publishes it, and a later check through the caller's own DNS resolver
 * finds it. Issuing reads randomness and verifying does I/O through the
 * caller's resolver, so this module stands outside the pure core.
 *
 * @module
 */

import type { DomainIssue, EmailDomain } from "../domain/email-domain.js";
import { parsePartnerEmployeeDomain } from "../domain/partner-employee-domain.js";
import type { SharedDomainOptions } from "../domain/shared-domains.js";
import {
  isPartnerId,
  isRecord,
  isTimestamp,
  MAX_TIMESTAMP,
  normaliseTimestamp,
  own,
} from "../guards.js";
import type { PartnerId, Timestamp } from "../model.js";
import { err, type IssueBase, type IssuePath, ok, type Result } from "../result.js";

/** The label the TXT record is published under, in front of the domain. */
const RECORD_LABEL = "_partner-access.";
/** What the TXT record's value starts with, before the token. */
const VALUE_PREFIX = "partner-access-verification=";
/** 128 random bits: 16 bytes, 22 characters of base64url without padding. */
const TOKEN_BYTES = 16;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const DAY_MS = 86_400_000;

/**
 * How long a challenge stays valid unless the caller says otherwise: 7 days.
 *
 * @example
 * ```ts
 * DEFAULT_DOMAIN_CHALLENGE_TTL_MS; //=> 604800000
 * ```
 */
export const DEFAULT_DOMAIN_CHALLENGE_TTL_MS = 7 * DAY_MS;

/**
 * A DNS TXT challenge for one domain: publish `recordValue` as a TXT record
 * at `recordName`, then call {@link verifyDomainChallenge} before
 * `expiresAt`.
 *
 * @example
 * ```ts
 * const c: DomainChallenge = {
 *   domain: "acme.com" as EmailDomain,
 *   recordName: "_partner-access.acme.com",
 *   recordValue: "partner-access-verification=q7m2xJ0bT5vQ1wZr8yK3nA",
 *   issuedAt: Date.UTC(2026, 0, 1),
 *   expiresAt: Date.UTC(2026, 0, 8),
 * };
 * ```
 */
export interface DomainChallenge {
  /** The canonical domain, as `parsePartnerEmployeeDomain` returns it. */
  readonly domain: EmailDomain;
  /** `"_partner-access." + domain`: where the TXT record goes. */
  readonly recordName: string;
  /** `"partner-access-verification=" + token`: the TXT record's value. */
  readonly recordValue: string;
  readonly issuedAt: Timestamp;
  readonly expiresAt: Timestamp;
  /** The partner the challenge was issued to, when the caller named one. */
  readonly partnerId?: PartnerId;
}

/**
 * The outcome of {@link verifyDomainChallenge}:
 * - `verified`: a TXT record at the challenge's name equals its value;
 * - `record_not_found`: no such record; `found` lists the TXT values seen there;
 * - `expired`: the challenge's time is up (the resolver was not asked);
 * - `resolver_failed`: the resolver threw, rejected or answered something
 *   that is not a list of records, each a list of strings; `cause` says what;
 * - `invalid_input`: the challenge or the time is malformed (the resolver was
 *   not asked); `issue` says where.
 *
 * @example
 * ```ts
 * const v: DomainVerification = { status: "verified", domain: "acme.com" as EmailDomain, verifiedAt: 0 };
 * ```
 */
export type DomainVerification =
  | {
      readonly status: "verified";
      readonly domain: EmailDomain;
      readonly verifiedAt: Timestamp;
      readonly partnerId?: PartnerId;
    }
  | {
      readonly status: "record_not_found";
      readonly domain: EmailDomain;
      readonly recordName: string;
      readonly found: string[];
    }
  | { readonly status: "expired"; readonly domain: EmailDomain; readonly expiresAt: Timestamp }
  | { readonly status: "resolver_failed"; readonly domain: EmailDomain; readonly cause: unknown }
  | { readonly status: "invalid_input"; readonly issue: DomainChallengeInputIssue };

/**
 * A resolver of DNS TXT records in the shape of Node's
 * `dns.promises.resolveTxt`: the records at a name, each a list of chunks
 * (a long TXT value is split into chunks of at most 255 octets; they are
 * joined without separator). A DNS-over-HTTPS `fetch` fits it too.
 *
 * @example
 * ```ts
 * import { resolveTxt } from "node:dns/promises";
 * const resolver: ResolveTxt = resolveTxt;
 * ```
 */
export type ResolveTxt = (name: string) => Promise<string[][]>;

/**
 * Options of {@link createDomainChallenge}.
 *
 * @example
 * ```ts
 * const options: CreateDomainChallengeOptions = { now: Date.now(), ttlMs: 86_400_000, partnerId: "acme" };
 * ```
 */
export interface CreateDomainChallengeOptions extends SharedDomainOptions {
  /** When the challenge is issued: its `issuedAt`. */
  readonly now: Timestamp;
  /** How long it stays valid, in milliseconds; default 7 days. */
  readonly ttlMs?: number;
  /** Where the 16 random bytes come from; default `crypto.getRandomValues`. For tests. */
  readonly randomBytes?: (n: number) => Uint8Array;
  /** The partner the challenge is for; carried into the challenge and its verification. */
  readonly partnerId?: PartnerId;
}

/**
 * A malformed argument of the ownership functions: a time that is not a
 * timestamp, a duration that is not a positive whole number of milliseconds,
 * a challenge that {@link createDomainChallenge} did not make, a partner id
 * that is not a non-empty string, options that are not an object.
 *
 * @example
 * ```ts
 * const e: DomainChallengeInputIssue = {
 *   code: "invalid_timestamp", message: "…", path: ["options", "now"], input: 1.5,
 * };
 * ```
 */
export type DomainChallengeInputIssue =
  | (IssueBase<"invalid_timestamp"> & { readonly path: IssuePath; readonly input: unknown })
  | (IssueBase<"invalid_duration"> & { readonly path: IssuePath; readonly input: unknown })
  | (IssueBase<"invalid_partner_id"> & { readonly path: IssuePath; readonly input: unknown })
  | (IssueBase<"invalid_record"> & { readonly path: IssuePath; readonly input: unknown });

/**
 * Why {@link createDomainChallenge} refused: the domain is not an acceptable
 * partner employee domain (a {@link DomainIssue}), an argument is malformed,
 * or no random bytes could be had (`random_source_failed`).
 *
 * @example
 * ```ts
 * const e: DomainChallengeError = { code: "random_source_failed", message: "…", cause: new Error("no entropy") };
 * ```
 */
export type DomainChallengeError =
  | DomainIssue
  | DomainChallengeInputIssue
  | (IssueBase<"random_source_failed"> & { readonly cause: unknown });

function inputIssue<C extends DomainChallengeInputIssue["code"]>(
  code: C,
  path: IssuePath,
  input: unknown,
  message: string,
): DomainChallengeInputIssue {
  return { code, message, path, input } as DomainChallengeInputIssue;
}

function badTimestamp(path: IssuePath, input: unknown): DomainChallengeInputIssue {
  return inputIssue(
    "invalid_timestamp",
    path,
    input,
    "A time must be a whole number of milliseconds since 1970-01-01 UTC that a Date can hold.",
  );
}

// RFC 4648 §5: base64url, without padding.
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function base64url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += BASE64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function defaultRandomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

// The caller's source of randomness may throw or answer anything; only 16
// bytes in a Uint8Array make a token.
function randomToken(
  source: unknown,
): Result<string, Extract<DomainChallengeError, { code: "random_source_failed" }>> {
  const fail = (cause: unknown) =>
    err({
      code: "random_source_failed" as const,
      message: "No random bytes could be had for the challenge's token.",
      cause,
    });
  try {
    const read = typeof source === "function" ? source : defaultRandomBytes;
    const bytes: unknown = read(TOKEN_BYTES);
    if (!(bytes instanceof Uint8Array) || bytes.length !== TOKEN_BYTES) {
      return fail(
        new TypeError(
          `randomBytes(${TOKEN_BYTES}) must return ${TOKEN_BYTES} bytes in a Uint8Array.`,
        ),
      );
    }
    return ok(base64url(bytes));
  } catch (cause) {
    return fail(cause);
  }
}

/**
 * Issues a DNS TXT challenge for a partner employee domain. The domain goes
 * through `parsePartnerEmployeeDomain` (so a shared or malformed domain is
 * refused with its own code); the token is 128 random bits from
 * `crypto.getRandomValues` (or the caller's `randomBytes(n)`, for tests),
 * written in base64url without padding: 22 characters. The challenge is
 * valid for `ttlMs` (default 7 days) from `now`. Never throws.
 *
 * @param domain - the domain to prove, of any type
 * @param options - `now`, and optionally `ttlMs`, `randomBytes`, `partnerId`, `sharedDomains`
 * @returns the challenge to publish, or why none was issued
 * @example
 * ```ts
 * const r = createDomainChallenge("Acme.com", { now: Date.UTC(2026, 0, 1) });
 * if (r.ok) {
 *   r.value.recordName;  //=> "_partner-access.acme.com"
 *   r.value.recordValue; //=> "partner-access-verification=…" (22 random characters)
 *   r.value.expiresAt;   //=> Date.UTC(2026, 0, 8)
 * }
 * createDomainChallenge("gmail.com", { now: 0 }); //=> { ok: false, error: { code: "shared_domain", … } }
 * ```
 */
export function createDomainChallenge(
  domain: unknown,
  options: CreateDomainChallengeOptions,
): Result<DomainChallenge, DomainChallengeError> {
  if (!isRecord(options)) {
    return err(
      inputIssue("invalid_record", ["options"], options, "The options must be an object with now."),
    );
  }
  const now = own(options, "now");
  if (!isTimestamp(now)) return err(badTimestamp(["options", "now"], now));
  const ttl = own(options, "ttlMs") ?? DEFAULT_DOMAIN_CHALLENGE_TTL_MS;
  if (
    typeof ttl !== "number" ||
    !Number.isSafeInteger(ttl) ||
    ttl <= 0 ||
    now + ttl > MAX_TIMESTAMP
  ) {
    return err(
      inputIssue(
        "invalid_duration",
        ["options", "ttlMs"],
        ttl,
        "ttlMs must be a positive whole number of milliseconds, and the expiry a time a Date can hold.",
      ),
    );
  }
  const partnerId = own(options, "partnerId");
  if (partnerId !== undefined && !isPartnerId(partnerId)) {
    return err(
      inputIssue(
        "invalid_partner_id",
        ["options", "partnerId"],
        partnerId,
        "A partnerId is a non-empty string.",
      ),
    );
  }
  const sharedDomains = own(options, "sharedDomains");
  const parsed = parsePartnerEmployeeDomain(
    domain,
    sharedDomains === undefined ? undefined : ({ sharedDomains } as SharedDomainOptions),
  );
  if (!parsed.ok) return parsed;
  const token = randomToken(own(options, "randomBytes"));
  if (!token.ok) return token;
  const issuedAt = normaliseTimestamp(now);
  return ok({
    domain: parsed.value,
    recordName: RECORD_LABEL + parsed.value,
    recordValue: VALUE_PREFIX + token.value,
    issuedAt,
    expiresAt: issuedAt + ttl,
    ...(partnerId === undefined ? {} : { partnerId }),
  });
}

// A challenge is only what createDomainChallenge makes: its name and value
// follow from its domain and token, so a tampered one is refused before any
// DNS query is made.
function readChallenge(value: unknown): Result<DomainChallenge, DomainChallengeInputIssue> {
  const bad = (path: IssuePath, input: unknown, message: string) =>
    err(inputIssue("invalid_record", ["challenge", ...path], input, message));
  if (!isRecord(value))
    return bad([], value, "The challenge must be what createDomainChallenge returned.");
  const domain = own(value, "domain");
  if (typeof domain !== "string" || domain === "") {
    return bad(["domain"], domain, "The challenge has no domain.");
  }
  const recordName = own(value, "recordName");
  if (recordName !== RECORD_LABEL + domain) {
    return bad(
      ["recordName"],
      recordName,
      `The challenge's record name must be ${RECORD_LABEL}${domain}.`,
    );
  }
  const recordValue = own(value, "recordValue");
  if (
    typeof recordValue !== "string" ||
    !recordValue.startsWith(VALUE_PREFIX) ||
    !TOKEN_PATTERN.test(recordValue.slice(VALUE_PREFIX.length))
  ) {
    return bad(
      ["recordValue"],
      recordValue,
      `The challenge's value must be ${VALUE_PREFIX} and a 22-character token.`,
    );
  }
  const issuedAt = own(value, "issuedAt");
  if (!isTimestamp(issuedAt)) return err(badTimestamp(["challenge", "issuedAt"], issuedAt));
  const expiresAt = own(value, "expiresAt");
  if (!isTimestamp(expiresAt)) return err(badTimestamp(["challenge", "expiresAt"], expiresAt));
  const partnerId = own(value, "partnerId");
  if (partnerId !== undefined && !isPartnerId(partnerId)) {
    return err(
      inputIssue(
        "invalid_partner_id",
        ["challenge", "partnerId"],
        partnerId,
        "A partnerId is a non-empty string.",
      ),
    );
  }
  return ok({
    domain: domain as EmailDomain,
    recordName,
    recordValue,
    issuedAt,
    expiresAt,
    ...(partnerId === undefined ? {} : { partnerId }),
  });
}

// Node's resolver answers string[][]; anything else is a resolver fault. The
// records are read inside the caller's try, so a hostile Proxy lands there too.
function joinRecords(answer: unknown): string[] | undefined {
  if (!Array.isArray(answer)) return undefined;
  const values: string[] = [];
  for (const record of answer) {
    if (!Array.isArray(record)) return undefined;
    let value = "";
    for (const chunk of record) {
      if (typeof chunk !== "string") return undefined;
      value += chunk;
    }
    values.push(value);
  }
  return values;
}

/**
 * Checks a challenge against DNS through the caller's resolver. An expired
 * challenge (`now >= expiresAt`) is `expired` without asking the resolver; a
 * resolver that throws, rejects or answers a malformed value is
 * `resolver_failed`; the challenge is `verified` when one TXT record at
 * `recordName`, its chunks joined, equals `recordValue` after trimming
 * whitespace, and `record_not_found` otherwise (with the values found). The
 * promise never rejects. A resolver that never settles is the caller's to
 * time out (wrap it with a timeout of your own).
 *
 * @param challenge - a challenge from {@link createDomainChallenge}
 * @param resolveTxt - a TXT resolver in the shape of `dns.promises.resolveTxt`
 * @param now - the current time
 * @returns the verification, never a rejection
 * @example
 * ```ts
 * const r = createDomainChallenge("acme.com", { now: 0 });
 * if (r.ok) {
 *   const resolver = async () => [[r.value.recordValue.slice(0, 10), r.value.recordValue.slice(10)]];
 *   await verifyDomainChallenge(r.value, resolver, 1_000);
 *   //=> { status: "verified", domain: "acme.com", verifiedAt: 1000 }
 *   await verifyDomainChallenge(r.value, async () => [["v=spf1 -all"]], 1_000);
 *   //=> { status: "record_not_found", domain: "acme.com", recordName: "_partner-access.acme.com", found: ["v=spf1 -all"] }
 * }
 * ```
 */
export async function verifyDomainChallenge(
  challenge: DomainChallenge,
  resolveTxt: ResolveTxt,
  now: Timestamp,
): Promise<DomainVerification> {
  if (!isTimestamp(now)) return { status: "invalid_input", issue: badTimestamp(["now"], now) };
  const read = readChallenge(challenge);
  if (!read.ok) return { status: "invalid_input", issue: read.error };
  const c = read.value;
  if (now >= c.expiresAt) return { status: "expired", domain: c.domain, expiresAt: c.expiresAt };
  if (typeof resolveTxt !== "function") {
    return {
      status: "resolver_failed",
      domain: c.domain,
      cause: new TypeError("resolveTxt must be a function that returns the TXT records of a name."),
    };
  }
  let found: string[] | undefined;
  try {
    found = joinRecords(await resolveTxt(c.recordName));
  } catch (cause) {
    return { status: "resolver_failed", domain: c.domain, cause };
  }
  if (found === undefined) {
    return {
      status: "resolver_failed",
      domain: c.domain,
      cause: new TypeError("The resolver must answer a list of records, each a list of strings."),
    };
  }
  if (found.some((value) => value.trim() === c.recordValue)) {
    return {
      status: "verified",
      domain: c.domain,
      verifiedAt: normaliseTimestamp(now),
      ...(c.partnerId === undefined ? {} : { partnerId: c.partnerId }),
    };
  }
  return { status: "record_not_found", domain: c.domain, recordName: c.recordName, found };
}
