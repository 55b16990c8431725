/**
 * The list of every issue code, for callers who keep their own message
 * tables or check that they handle every code.
 *
 * @module
 */

import type { IssueCode } from "./any-issue.js";

/**
 * Every `code` an error, warning or refusal of the library or its service
 * can have, sorted, each once: the codes {@link formatIssue} has a sentence
 * for in every language. A code added to any issue type of the library is a
 * compile error until it is listed here.
 *
 * @example
 * ```ts
 * ISSUE_CODES.includes("shared_domain"); //=> true
 * ISSUE_CODES.length;                    //=> 74
 * ```
 */
export const ISSUE_CODES = /* @__PURE__ */ Object.freeze([
  "address_too_long",
  "already_assigned",
  "amount_overflow",
  "assignment_expired",
  "assignment_not_found",
  "attribution_states_differ",
  "confirmation_required",
  "domain_change_refused",
  "domain_claimed_by_another_partner",
  "domain_not_verified",
  "duplicate_client",
  "duplicate_in_request",
  "duplicate_partner",
  "duplicate_tier",
  "duplicate_user",
  "email_linked_to_another_partner",
  "empty",
  "empty_label",
  "empty_local_part",
  "expiry_not_after_now",
  "forbidden",
  "hyphen_at_label_edge",
  "invalid_amount",
  "invalid_attribution_input",
  "invalid_attribution_state",
  "invalid_bidi",
  "invalid_character",
  "invalid_client_id",
  "invalid_currency_rate",
  "invalid_domain",
  "invalid_duration",
  "invalid_email",
  "invalid_employee_domains",
  "invalid_idn",
  "invalid_joiner",
  "invalid_list",
  "invalid_local_part",
  "invalid_partner_id",
  "invalid_period",
  "invalid_points",
  "invalid_program",
  "invalid_record",
  "invalid_request",
  "invalid_tier_thresholds",
  "invalid_timestamp",
  "invalid_transition",
  "ip_address",
  "label_too_long",
  "local_part_too_long",
  "looks_like_email",
  "looks_like_url",
  "missing_at",
  "mixed_scripts",
  "not_a_string",
  "not_expired",
  "not_in_partner_account",
  "not_tagged",
  "numeric_top_level_label",
  "partner_not_found",
  "public_suffix",
  "random_source_failed",
  "repository_failure",
  "reserved_hyphens",
  "schema_too_new",
  "shared_domain",
  "single_label",
  "starts_with_www",
  "suggested_domain_not_set",
  "time_out_of_order",
  "too_long",
  "unexpected_error",
  "unknown_client",
  "unknown_currency",
  "unknown_partner",
  "user_already_exists",
  "user_not_found",
  "version_conflict",
] as const satisfies readonly IssueCode[]);
