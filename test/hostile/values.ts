// Hostile values for the built-package suite: anything fast-check can build
// with every odd option on, objects keyed by `__proto__`, `constructor` and
// `prototype`, numbers where strings belong, Unicode edge cases, strings of
// 10^6 characters, and valid records of the library's shapes with one field
// replaced by one of these. Caller-owned throwing getters, Proxies and
// iterators are left out on purpose: what they throw is the caller's own and
// passes through by design (test/service/hostile-requests.test.ts covers
// getters and Proxies in requests).
import fc from "fast-check";

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

/** Keys that reach a prototype when an object is copied the usual way. */
export const PROTO_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** Field names of the library's records and inputs, so hostile objects look like ours. */
const FIELDS = [
  "partnerId",
  "clientId",
  "email",
  "status",
  "assignedAt",
  "activatedAt",
  "removedAt",
  "expiresAt",
  "at",
  "user",
  "users",
  "clientIds",
  "now",
  "since",
  "tagged",
  "inPartnerAccount",
  "hasPortalAccess",
  "employeeDomains",
  "matchSubdomains",
  "sharedDomains",
  "userId",
  "superAdmin",
  "permissions",
  "kind",
  "program",
  "mrr",
  "amountMinor",
  "currency",
  "period",
  "start",
  "end",
  "partners",
  "clients",
  "assignments",
  "activities",
  "domain",
  "code",
  "message",
  "version",
] as const;

// `add`, `replace` and `remove` are left out of the keys: a new list to add
// rebuilds the whole shared-domain list (tens of milliseconds, by design:
// callers build one with createSharedDomainList), so such options come from
// one fixed object, SHARED_OPTIONS, instead.
const key = fc.oneof(fc.constantFrom(...PROTO_KEYS, ...FIELDS), fc.string({ maxLength: 4 }));

/** Unicode that trips parsers: lone surrogates, bidi controls, joiners, full-width forms, … */
export const UNICODE_EDGES: readonly string[] = [
  "\uD800",
  "a\uDC00b.com",
  "\uDBFF\uDFFF.com",
  "\u202Eacme.com",
  "acme\u200F.com",
  "\u2066acme\u2069.com",
  "ac\u200Dme.com",
  "ac\u200Cme.com",
  "\uFEFFacme.com",
  "ａｃｍｅ．ｃｏｍ",
  "jane＠ａｃｍｅ.com",
  "acme。com",
  "acme｡com",
  "acme\u3002com",
  "e\u0301\u0301\u0301.com",
  "\u0301acme.com",
  "аcme.com",
  "pаypal.com",
  "ɑcme.com",
  "ＷＷＷ.acme.com",
  "xn--.com",
  "xn--xn--a-ecp.com",
  "-ü.com",
  "ü-.com",
  "col·legi.cat",
  "ẞ.com",
  "jane@acme.com\u0000",
  "\u0000",
  "jane@\uD800.com",
  '"jane\\"doe"@acme.com',
  "jane@[1.2.3.4]",
  "@",
  "@@",
  ".",
  "..",
  "a..b.com",
  "💩.com",
  "👨‍👩‍👧.com",
  "\u0644\u0627.com",
  "a\u05D0.com",
];

/** Numbers where a string (or an id, or a timestamp) belongs. */
export const ODD_NUMBERS: readonly unknown[] = [
  Number.NaN,
  -0,
  0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 53 + 1,
  -(2 ** 53) - 1,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1.5,
  1e16,
  8.64e15 + 1,
  -1,
  42n,
];

/** Anything at all, with every option fast-check has for odd values. */
export const anything: fc.Arbitrary<unknown> = fc.anything({
  key,
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** An object whose own key `__proto__` is a real own property (as JSON.parse makes it). */
function protoKeyed(value: unknown): unknown {
  return JSON.parse(`{"__proto__": ${JSON.stringify(jsonSafe(value)) ?? "null"}, "a": 1}`);
}

function jsonSafe(value: unknown): unknown {
  try {
    return JSON.parse(
      JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "null",
    );
  } catch {
    return null;
  }
}

/** Prototype keys as keys (own, inherited, through JSON.parse) and as values. */
export const protoShaped: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...PROTO_KEYS),
  fc.constantFrom(...PROTO_KEYS).map((k) => ({ [k]: { polluted: true } })),
  fc.constantFrom(...PROTO_KEYS).map((k) => JSON.parse(`{"${k}": {"polluted": true}}`)),
  anything.map(protoKeyed),
  fc.constant(Object.create({ partnerId: "acme", superAdmin: true, email: "jane@acme.com" })),
  fc.constant(Object.prototype),
  fc.constant(Array.prototype),
  fc.constant([] as unknown[]).map((a) => Object.setPrototypeOf(a, null)),
);

/** A short hostile primitive or string. */
export const oddScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.constantFrom(...ODD_NUMBERS),
  fc.constantFrom<unknown>("", " ", "42", "true", "REMOVE", "jane@acme.com", null, undefined, true),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme-composite", maxLength: 12 }),
  fc.integer(),
  fc.double(),
);

// ---------------------------------------------------------------- records

const partner = () => ({ partnerId: "acme", program: "partner", employeeDomains: ["acme.com"] });
const user = () => ({ partnerId: "acme", email: "jane@acme.com", tagged: true });
const client = () => ({ clientId: 42, mrr: { amountMinor: 100_000, currency: "USD" } });
const assignment = () => ({
  partnerId: "acme",
  clientId: 42,
  email: "jane@acme.com",
  status: "active",
  assignedAt: T0,
  activatedAt: T0,
  expiresAt: T0 + 30 * DAY,
});
const activity = () => ({ clientId: 42, email: "jane@acme.com", at: T0 + DAY });
const actor = () => ({
  userId: "acme-admin",
  partnerId: "acme",
  superAdmin: true,
  permissions: ["manage_partner_employees"],
});
const period = () => ({ start: T0, end: T0 + 31 * DAY });

/** Valid records of every shape, freshly built on each use. */
export const VALID: Readonly<Record<string, () => Record<string, unknown>>> = {
  partner,
  user,
  client,
  assignment,
  activity,
  actor,
  period,
  claim: () => ({ partnerId: "acme", domain: "acme.com", claimedAt: T0, matchSubdomains: false }),
  attributionInput: () => ({
    period: period(),
    partners: [partner()],
    clients: [client()],
    users: [user()],
    assignments: [assignment()],
    activities: [activity()],
  }),
  assignInput: () => ({ user: user(), clientId: 42, now: T0, expiresAt: T0 + DAY }),
  bulkInput: () => ({ user: user(), users: [user()], clientId: 42, clientIds: [42, 43], now: T0 }),
};

/** The value to put in place of a field. */
const hostileField: fc.Arbitrary<unknown> = fc.oneof(oddScalar, protoShaped, anything);

/** Replaces the value at a path (one level down at most) of a fresh record. */
function corrupt(record: Record<string, unknown>, pick: number, value: unknown, deep: boolean) {
  const keys = Object.keys(record);
  const k = keys[pick % keys.length]!;
  const inner = record[k];
  if (deep && typeof inner === "object" && inner !== null) {
    const target = Array.isArray(inner) ? inner[0] : inner;
    if (typeof target === "object" && target !== null) {
      const innerKeys = Object.keys(target);
      (target as Record<string, unknown>)[innerKeys[pick % innerKeys.length]!] = value;
      return record;
    }
  }
  if (pick % 7 === 6) delete record[k];
  else record[k] = value;
  return record;
}

/** A valid record of one of the library's shapes with one field replaced by a hostile value. */
export const corrupted: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom(...Object.keys(VALID)),
    fc.nat(),
    hostileField,
    fc.boolean(),
    fc.constantFrom("plain", "null-proto", "list"),
  )
  .map(([shape, pick, value, deep, wrap]) => {
    const r = corrupt(VALID[shape]!(), pick, value, deep);
    if (wrap === "null-proto") return Object.assign(Object.create(null) as object, r);
    if (wrap === "list") return [VALID[shape]!(), r];
    return r;
  });

/** Shared-domain options with lists of odd entries, one object for the whole run. */
export const SHARED_OPTIONS = {
  sharedDomains: { add: ["acme-mail.com", 42, null, "\uD800"], remove: ["gmail.com", {}] },
};

/** A valid record, unchanged (so later arguments are reached). */
export const valid: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(SHARED_OPTIONS),
  fc.constantFrom(...Object.keys(VALID)).map((s) => VALID[s]!()),
  fc.constantFrom(...Object.keys(VALID)).map((s) => [VALID[s]!()]),
  fc.constantFrom<unknown>(T0, "acme.com", "jane@acme.com", "acme", 42, "en", "REMOVE"),
);

/** One hostile argument: the mix every property draws from. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anything, weight: 4 },
  { arbitrary: corrupted, weight: 4 },
  { arbitrary: oddScalar, weight: 2 },
  { arbitrary: protoShaped, weight: 1 },
  { arbitrary: valid, weight: 2 },
);

// ---------------------------------------------------------- huge strings

const MILLION = 1_000_000;

/** Adversarial shapes of 10^6 characters, built once. */
export const HUGE: Readonly<Record<string, string>> = {
  dots: ".".repeat(MILLION),
  hyphens: `a${"-".repeat(MILLION - 6)}a.com`,
  longLabel: `${"a".repeat(MILLION - 4)}.com`,
  manyLabels: `${"a.".repeat(MILLION / 2 - 2)}com`,
  manyAts: "@".repeat(MILLION),
  quotedLocal: `"${"a".repeat(MILLION - 11)}"@acme.com`,
  combining: `a${"\u0301".repeat(MILLION - 5)}.com`,
  mixedScripts: `${"aа".repeat(MILLION / 2 - 2)}.com`,
  surrogates: "\uD800".repeat(MILLION),
};

/** A huge string, bare or in a field of a valid record. */
export const huge: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...Object.keys(HUGE)), fc.constantFrom(...Object.keys(VALID)), fc.nat())
  .chain(([name, shape, pick]) =>
    fc.constantFrom<unknown>(HUGE[name], corrupt(VALID[shape]!(), pick, HUGE[name], false)),
  );

/** `make()`'s record with one field (one level down at most) replaced, deleted, or a prototype key added. */
export function corruptedFrom(make: () => Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.nat(), hostileField, fc.boolean(), fc.nat(9))
    .map(([pick, value, deep, how]) => {
      const r = make();
      if (how === 0) return Object.assign(JSON.parse(`{"__proto__": {"superAdmin": true}}`), r);
      if (how === 1) return Object.assign(Object.create(null) as object, r);
      return corrupt(r, pick, value, deep);
    });
}

/** `make()`'s record with one field holding a string of 10^6 characters. */
export function hugeFrom(make: () => Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...Object.keys(HUGE)), fc.nat(), fc.boolean())
    .map(([name, pick, deep]) => corrupt(make(), pick, HUGE[name], deep));
}
