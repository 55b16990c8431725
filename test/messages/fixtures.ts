// One representative issue per code, and the data each language's sentence
// must show. Typed by code: a code without a fixture is a compile error.
import type { EmailDomain } from "../../src/domain/email-domain.js";
import type { IssueCode, IssueOf } from "../../src/messages/any-issue.js";

const d = (domain: string) => domain as EmailDomain;
const M = "…";
// 2026-01-08, 2026-01-01 and 2026-01-15, 00:00 UTC.
const T1 = Date.UTC(2026, 0, 8);
const T0 = Date.UTC(2026, 0, 1);
const T2 = Date.UTC(2026, 0, 15);

export interface Fixture<C extends IssueCode> {
  readonly issue: IssueOf<C> & { readonly code: C };
  /** Text every language must show: ids, domains, paths, limits (written the same in every language). */
  readonly data: readonly string[];
}

const shared: IssueOf<"shared_domain"> & { code: "shared_domain" } = {
  code: "shared_domain",
  message: M,
  input: "gmail.com",
  domain: d("gmail.com"),
  listedAs: "gmail.com",
};

const unknownClient: IssueOf<"unknown_client"> & { code: "unknown_client" } = {
  code: "unknown_client",
  message: M,
  path: ["activities", 7, "clientId"],
  input: 99,
  clientId: 99,
};

const duplicateTier: IssueOf<"duplicate_tier"> & { code: "duplicate_tier" } = {
  code: "duplicate_tier",
  message: M,
  path: ["thresholds", 2],
  input: { tier: "gold", totalPoints: 1, sourcedPoints: 0 },
  firstPath: ["thresholds", 0],
};

export const FIXTURES: { readonly [C in IssueCode]: Fixture<C> } = {
  address_too_long: {
    issue: { code: "address_too_long", message: M, input: "x@y", length: 300, maxLength: 254 },
    data: ["300", "254"],
  },
  already_assigned: {
    issue: {
      code: "already_assigned",
      message: M,
      assignment: {
        value: {
          partnerId: "northwind",
          clientId: 42,
          email: "jane@northwind.io",
          status: "active",
          assignedAt: T0,
          activatedAt: T0,
        },
        version: 1,
        id: "a-1",
        emailKey: "jane@northwind.io",
      },
    },
    data: ["jane@northwind.io", "42"],
  },
  amount_overflow: {
    issue: {
      code: "amount_overflow",
      message: M,
      path: ["partners", 0],
      input: {},
      partnerId: "northwind",
      currency: "EUR",
    },
    data: ["northwind", "EUR"],
  },
  assignment_expired: {
    issue: {
      code: "assignment_expired",
      message: M,
      path: ["now"],
      input: T2,
      expiresAt: T1,
      now: T2,
    },
    data: ["2026"],
  },
  assignment_not_found: {
    issue: {
      code: "assignment_not_found",
      message: M,
      partnerId: "northwind",
      clientId: 42,
      email: "jane@northwind.io",
    },
    data: ["northwind", "42", "jane@northwind.io"],
  },
  attribution_states_differ: {
    issue: {
      code: "attribution_states_differ",
      message: M,
      fingerprints: ["0123456789abcdef", "fedcba9876543210"],
    },
    data: ["0123456789abcdef", "fedcba9876543210"],
  },
  confirmation_required: {
    issue: {
      code: "confirmation_required",
      message: M,
      path: ["confirmation"],
      expected: "REMOVE",
      input: "remove",
    },
    data: ["REMOVE", '"remove"'],
  },
  domain_change_refused: {
    issue: {
      code: "domain_change_refused",
      message: M,
      problems: [
        { index: 1, path: ["nextDomains", 1], input: "gmail.com", issue: shared },
        { index: 2, path: ["nextDomains", 2], input: "co.uk", issue: shared },
      ],
    },
    data: ["2", "gmail.com"],
  },
  domain_claimed_by_another_partner: {
    issue: {
      code: "domain_claimed_by_another_partner",
      message: M,
      domain: "acme.com",
      holder: { partnerId: "rival", domain: "acme.com", claimedAt: T0, matchSubdomains: true },
      input: "eu.acme.com",
    },
    data: ["acme.com", "rival"],
  },
  domain_not_verified: {
    issue: {
      code: "domain_not_verified",
      message: M,
      path: ["verifications"],
      domains: ["acme.com", "acme.io"],
    },
    data: ["acme.com", "acme.io"],
  },

  duplicate_client: {
    issue: {
      code: "duplicate_client",
      message: M,
      path: ["clients", 3],
      input: {},
      clientId: 42,
      firstPath: ["clients", 0],
    },
    data: ["42", "clients[3]", "clients[0]"],
  },
  duplicate_in_request: {
    issue: {
      code: "duplicate_in_request",
      message: M,
      path: ["clientIds", 2],
      firstPath: ["clientIds", 0],
      input: 42,
    },
    data: ["42", "clientIds[2]", "clientIds[0]"],
  },
  duplicate_partner: {
    issue: {
      code: "duplicate_partner",
      message: M,
      path: ["partners", 2],
      input: {},
      partnerId: "northwind",
      firstPath: ["partners", 0],
    },
    data: ["northwind", "partners[2]", "partners[0]"],
  },
  duplicate_tier: { issue: duplicateTier, data: ["thresholds[2]", "thresholds[0]"] },
  duplicate_user: {
    issue: {
      code: "duplicate_user",
      message: M,
      path: ["users", 4],
      input: {},
      partnerId: "northwind",
      email: "jane@northwind.io",
      firstPath: ["users", 1],
    },
    data: ["northwind", "jane@northwind.io", "users[4]", "users[1]"],
  },
  email_linked_to_another_partner: {
    issue: {
      code: "email_linked_to_another_partner",
      message: M,
      clientId: 42,
      email: "jane@gmail.com",
      holder: { partnerId: "acme", email: "jane@gmail.com", assignedAt: T0 },
      contenders: [{ partnerId: "northwind", email: "Jane@Gmail.com", assignedAt: T1 }],
      resolutions: [
        { kind: "ask_holder_to_remove_access", message: M, partnerId: "acme" },
        {
          kind: "use_partner_domain_address",
          message: M,
          partnerId: "northwind",
          suggestedAddress: "jane@northwind.io",
        },
        { kind: "use_different_address", message: M },
      ],
    },
    data: ["jane@gmail.com", "42", "acme", "northwind", "jane@northwind.io"],
  },
  empty: { issue: { code: "empty", message: M, input: "" }, data: ["acme.com"] },
  empty_label: {
    issue: { code: "empty_label", message: M, input: "acme..com" },
    data: ["acme..com"],
  },
  empty_local_part: {
    issue: { code: "empty_local_part", message: M, input: "@acme.com" },
    data: ["@acme.com"],
  },
  expiry_not_after_now: {
    issue: {
      code: "expiry_not_after_now",
      message: M,
      path: ["expiresAt"],
      input: T0,
      expiresAt: T0,
      now: T1,
    },
    data: ["2026"],
  },
  forbidden: {
    issue: {
      code: "forbidden",
      message: M,
      reason: "invalid_target",
      action: "assign_client",
      path: ["target", "clientId"],
      input: "42",
      issue: { code: "invalid_client_id", message: M, path: ["target", "clientId"], input: "42" },
    },
    data: ["target.clientId", '"42"'],
  },
  hyphen_at_label_edge: {
    issue: { code: "hyphen_at_label_edge", message: M, input: "-acme.com", label: "-acme" },
    data: ["-acme"],
  },
  invalid_amount: {
    issue: {
      code: "invalid_amount",
      message: M,
      path: ["clients", 0, "mrr", "amountMinor"],
      input: -5,
    },
    data: ["clients[0].mrr.amountMinor", "-5"],
  },
  invalid_attribution_input: {
    issue: {
      code: "invalid_attribution_input",
      message: M,
      issues: [unknownClient, { ...unknownClient, path: ["activities", 9, "clientId"] }],
    },
    data: ["2", "99", "activities[7].clientId"],
  },
  invalid_attribution_state: {
    issue: {
      code: "invalid_attribution_state",
      message: M,
      reason: "malformed",
      path: ["evidence", "at"],
      state: "second",
    },
    data: ["evidence.at"],
  },
  invalid_bidi: {
    issue: { code: "invalid_bidi", message: M, input: "0a.\u05d0", label: "0a" },
    data: ["0a"],
  },
  invalid_character: {
    issue: {
      code: "invalid_character",
      message: M,
      input: "a_b.com",
      character: "_",
      label: "a_b",
    },
    data: ["_", "a_b"],
  },
  invalid_client_id: {
    issue: { code: "invalid_client_id", message: M, path: ["clientId"], input: "42" },
    data: ["clientId", '"42"'],
  },
  invalid_currency_rate: {
    issue: {
      code: "invalid_currency_rate",
      message: M,
      path: ["currencyTable", "EUR"],
      input: {},
      currency: "EUR",
    },
    data: ["EUR", "18"],
  },
  invalid_domain: {
    issue: {
      code: "invalid_domain",
      message: M,
      input: "jane@gmail",
      domainIssue: { code: "single_label", message: M, input: "gmail", label: "gmail" },
    },
    data: ["jane@gmail", "gmail.com"],
  },
  invalid_duration: {
    issue: { code: "invalid_duration", message: M, path: ["options", "ttlMs"], input: -1 },
    data: ["options.ttlMs", "-1"],
  },
  invalid_email: {
    issue: {
      code: "invalid_email",
      message: M,
      path: ["user", "email"],
      input: "jane",
      emailIssue: { code: "missing_at", message: M, input: "jane" },
    },
    data: ["user.email", "jane", "@"],
  },
  invalid_employee_domains: {
    issue: {
      code: "invalid_employee_domains",
      message: M,
      issues: [{ index: 0, path: ["domains", 0], input: "gmail.com", issue: shared }],
    },
    data: ["gmail.com"],
  },
  invalid_idn: {
    issue: { code: "invalid_idn", message: M, input: "xn--a.com", label: "xn--a" },
    data: ["xn--a"],
  },
  invalid_joiner: {
    issue: {
      code: "invalid_joiner",
      message: M,
      input: "a\u200db.com",
      label: "a\u200db",
      character: "\u200d",
    },
    data: ["a\u200db"],
  },
  invalid_list: {
    issue: { code: "invalid_list", message: M, path: ["assignments"], input: 5 },
    data: ["assignments", "5"],
  },
  invalid_local_part: {
    issue: { code: "invalid_local_part", message: M, input: "ja..ne@acme.com", local: "ja..ne" },
    data: ["ja..ne", "@"],
  },
  invalid_partner_id: {
    issue: { code: "invalid_partner_id", message: M, path: ["user", "partnerId"], input: 7 },
    data: ["user.partnerId", "7"],
  },
  invalid_period: {
    issue: { code: "invalid_period", message: M, path: ["period"], input: { start: 2, end: 1 } },
    data: ["period"],
  },
  invalid_points: {
    issue: { code: "invalid_points", message: M, path: ["points", "totalPoints"], input: -1 },
    data: ["points.totalPoints", "-1"],
  },
  invalid_program: {
    issue: { code: "invalid_program", message: M, path: ["program"], input: "agency" },
    data: ['"agency"'],
  },
  invalid_record: {
    issue: { code: "invalid_record", message: M, path: ["user", "tagged"], input: "yes" },
    data: ["user.tagged", '"yes"'],
  },
  invalid_request: {
    issue: {
      code: "invalid_request",
      message: M,
      issues: [
        { code: "invalid_client_id", message: M, path: ["clientId"], input: "42" },
        { code: "invalid_timestamp", message: M, path: ["expiresAt"], input: 1.5 },
      ],
    },
    data: ["clientId", '"42"'],
  },
  invalid_tier_thresholds: {
    issue: { code: "invalid_tier_thresholds", message: M, issues: [duplicateTier] },
    data: ["thresholds[2]", "thresholds[0]"],
  },
  invalid_timestamp: {
    issue: { code: "invalid_timestamp", message: M, path: ["now"], input: 1.5 },
    data: ["now", "1.5"],
  },
  invalid_transition: {
    issue: {
      code: "invalid_transition",
      message: M,
      path: ["assignment", "status"],
      input: "removed",
      from: "removed",
      to: "active",
    },
    data: [],
  },
  ip_address: {
    issue: { code: "ip_address", message: M, input: "192.0.2.1" },
    data: ["192.0.2.1"],
  },
  label_too_long: {
    issue: {
      code: "label_too_long",
      message: M,
      input: `${"a".repeat(64)}.com`,
      label: "a".repeat(64),
      length: 64,
      maxLength: 63,
    },
    data: ["64", "63"],
  },
  local_part_too_long: {
    issue: { code: "local_part_too_long", message: M, input: "…", length: 65, maxLength: 64 },
    data: ["65", "64"],
  },
  looks_like_email: {
    issue: {
      code: "looks_like_email",
      message: M,
      input: "jane@acme.com",
      suggestion: d("acme.com"),
    },
    data: ["acme.com", "@"],
  },
  looks_like_url: {
    issue: {
      code: "looks_like_url",
      message: M,
      input: "https://acme.com/team",
      suggestion: d("acme.com"),
    },
    data: ["acme.com", "http://"],
  },
  missing_at: {
    issue: { code: "missing_at", message: M, input: "jane.acme.com" },
    data: ["jane.acme.com", "@"],
  },
  mixed_scripts: {
    issue: {
      code: "mixed_scripts",
      message: M,
      input: "p\u0430ypal.com",
      label: "p\u0430ypal",
      scripts: ["Latin", "Cyrillic"],
    },
    data: ["p\u0430ypal", "Latin", "Cyrillic"],
  },
  not_a_string: { issue: { code: "not_a_string", message: M, input: 42 }, data: ["acme.com"] },
  not_expired: {
    issue: {
      code: "not_expired",
      message: M,
      path: ["now"],
      input: T1,
      expiresAt: T2,
      now: T1,
    },
    data: ["2026"],
  },
  not_in_partner_account: {
    issue: {
      code: "not_in_partner_account",
      message: M,
      partnerId: "northwind",
      email: "jane@northwind.io",
    },
    data: ["northwind", "jane@northwind.io"],
  },
  not_tagged: {
    issue: {
      code: "not_tagged",
      message: M,
      path: ["user", "tagged"],
      input: false,
      partnerId: "northwind",
      email: "jane@northwind.io",
    },
    data: ["northwind", "jane@northwind.io"],
  },
  numeric_top_level_label: {
    issue: { code: "numeric_top_level_label", message: M, input: "acme.123", label: "123" },
    data: ["123"],
  },
  partner_not_found: {
    issue: { code: "partner_not_found", message: M, partnerId: "northwind" },
    data: ["northwind"],
  },
  public_suffix: {
    issue: { code: "public_suffix", message: M, input: "co.uk", domain: d("co.uk") },
    data: ["co.uk"],
  },
  random_source_failed: {
    issue: { code: "random_source_failed", message: M, cause: new Error("no entropy") },
    data: [],
  },
  schema_too_new: {
    issue: { code: "schema_too_new", message: M, version: 7, supported: 1 },
    data: ["7"],
  },
  repository_failure: {
    issue: {
      code: "repository_failure",
      message: M,
      cause: new Error("connection reset"),
      rollbackFailures: [],
    },
    data: [],
  },
  reserved_hyphens: {
    issue: { code: "reserved_hyphens", message: M, input: "ab--cd.com", label: "ab--cd" },
    data: ["ab--cd", "xn--"],
  },
  shared_domain: { issue: shared, data: ["gmail.com", "Client Access Manager"] },
  single_label: {
    issue: { code: "single_label", message: M, input: "acme", label: "acme" },
    data: ["acme.com"],
  },
  starts_with_www: {
    issue: {
      code: "starts_with_www",
      message: M,
      input: "www.acme.com",
      suggestion: d("acme.com"),
    },
    data: ["acme.com", "www."],
  },
  suggested_domain_not_set: {
    issue: {
      code: "suggested_domain_not_set",
      message: M,
      suggestion: { domain: d("acme.io"), count: 2, share: 2 / 3 },
      employeeDomains: [d("acme.com")],
    },
    data: ["acme.io", "acme.com", "2", "67"],
  },
  time_out_of_order: {
    issue: {
      code: "time_out_of_order",
      message: M,
      path: ["now"],
      input: T0,
      now: T0,
      earliest: T1,
    },
    data: ["2026"],
  },
  too_long: {
    issue: { code: "too_long", message: M, input: "a.com", length: 300, maxLength: 253 },
    data: ["300", "253"],
  },
  unexpected_error: {
    issue: { code: "unexpected_error", message: M, cause: new Error("clock skew") },
    data: [],
  },
  unknown_client: { issue: unknownClient, data: ["99", "activities[7].clientId"] },
  unknown_currency: {
    issue: {
      code: "unknown_currency",
      message: M,
      path: ["mrr", "currency"],
      input: "XYZ",
      currency: "XYZ",
    },
    data: ["XYZ"],
  },
  unknown_partner: {
    issue: {
      code: "unknown_partner",
      message: M,
      path: ["users", 0, "partnerId"],
      input: "ghost",
      partnerId: "ghost",
    },
    data: ["ghost", "users[0].partnerId"],
  },
  user_already_exists: {
    issue: {
      code: "user_already_exists",
      message: M,
      user: {
        value: { partnerId: "northwind", email: "jane@northwind.io", tagged: true },
        version: 1,
        emailKey: "jane@northwind.io",
      },
    },
    data: ["jane@northwind.io"],
  },
  user_not_found: {
    issue: {
      code: "user_not_found",
      message: M,
      partnerId: "northwind",
      email: "jane@northwind.io",
    },
    data: ["northwind", "jane@northwind.io"],
  },
  version_conflict: {
    issue: {
      code: "version_conflict",
      message: M,
      record: "user",
      key: "northwind/jane@northwind.io",
    },
    data: ["northwind/jane@northwind.io"],
  },
};
