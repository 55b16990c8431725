/**
 * The English sentences of {@link formatIssue}, also used for any locale
 * without its own catalog.
 *
 * @module
 */

import type { Action } from "../access/authorization.js";
import type { AssignmentStatus } from "../model.js";
import {
  at,
  envelopeIn,
  type Fields,
  type Language,
  type Names,
  opt,
  paren,
  placed,
  nextSentence as then,
  twiceIn,
} from "./catalog.js";

const q = (v: string | undefined) => opt(v, " “", "”");
const Q = (v: string | undefined) => opt(v, "“", "”");
const got = <I>(x: Fields<I>) => placed(x.p(), x.v(), "received");
const envelope = envelopeIn(":", " The first problem: ");
// Where a duplicate is: both places, or the one known.
const twice = twiceIn("at", "and");
const EXAMPLE = " Enter it like acme.com.";
const PART = "The domain part";
const SPELL = " Check the spelling.";
const NOTHING = " Nothing was changed.";

const STATUS: Names<AssignmentStatus> = {
  pending_access: "waiting for portal access",
  active: "active",
  removed: "removed",
  expired: "expired",
};

const ACTION: Names<Action> = {
  update_employee_domain: "change the partner employee email domain",
  view_partner_employees: "see the list of partner employees",
  tag_employee: "tag users as partner employees",
  assign_client: "assign clients to partner employees",
  remove_client_access: "remove a partner employee's client access",
  delete_portal_user: "delete users from a client's portal",
  remove_employee: "remove partner employees",
  grant_portal_access: "grant access to a client's portal",
};

/**
 * English.
 *
 * @example
 * ```ts
 * formatIssue({ code: "not_tagged", message: "…", partnerId: "acme", email: "li@acme.com" }, "en");
 * //=> "li@acme.com is not tagged as a partner employee of acme. …"
 * ```
 */
export const EN: Language = {
  fallback: "Something went wrong. Please try again.",
  issues: {
    not_a_string: () => "Enter the value as text, such as acme.com or jane@acme.com.",
    empty: () =>
      "Nothing was entered. Enter a domain such as acme.com or an address such as jane@acme.com.",
    too_long: (x) =>
      `The domain${q(x.s("input"))} has ${x.n("length") ?? "too many"} characters in ASCII form; the limit is ${x.n("maxLength") ?? "253"}. Enter a shorter domain.`,
    empty_label: (x) =>
      `The domain${q(x.s("input"))} starts with a dot or has two dots in a row.${EXAMPLE}`,
    label_too_long: (x) =>
      `${PART}${q(x.s("label"))} has ${x.n("length") ?? "too many"} characters; each part can have at most ${x.n("maxLength") ?? "63"}.`,
    invalid_character: (x) =>
      `${PART}${q(x.s("label"))} contains ${opt(Q(x.s("character")), "the character ", ", which") || "a character that"} domains cannot have. Use only letters, digits and hyphens, separated by dots.`,
    hyphen_at_label_edge: (x) =>
      `${PART}${q(x.s("label"))} starts or ends with a hyphen. Remove the hyphen.`,
    reserved_hyphens: (x) =>
      `${PART}${q(x.s("label"))} has hyphens in its third and fourth places, which only encoded names (xn--) may have.${SPELL}`,
    invalid_joiner: (x) =>
      `${PART}${q(x.s("label"))} contains an invisible joining character where its script does not use one. Type the domain again without it.`,
    invalid_bidi: (x) =>
      `${PART}${q(x.s("label"))} mixes right-to-left and left-to-right text in a way domain names do not allow.${SPELL}`,
    single_label: (x) =>
      `${Q(x.s("label")) || "This"} is not a complete domain: add its ending, such as${x.s("label") ? ` ${x.s("label")}.com` : " .com"}.`,
    ip_address: (x) =>
      `${Q(x.s("input")) || "This"} is an IP address, not an email domain. Enter the domain your addresses end with, such as acme.com.`,
    numeric_top_level_label: (x) =>
      `The last part of a domain cannot be a number${opt(x.s("label"), " (“", "”)")}.${EXAMPLE}`,
    looks_like_url: (x) =>
      `This looks like a web address. Enter only the domain${opt(x.s("suggestion"), ", here ")}, without http://, a path or a port.`,
    looks_like_email: (x) =>
      `This looks like an email address. Enter only the part after the @${opt(x.s("suggestion"), ", here ")}.`,
    starts_with_www: (x) => `Enter the email domain without “www.”${opt(x.s("suggestion"), ": ")}.`,
    mixed_scripts: (x) =>
      `${Q(x.s("label")) || "This domain"} mixes letters of different alphabets${opt(x.join("scripts"), " (", ")")}, as look-alike domains do. Type it again in one alphabet.`,
    invalid_idn: (x) =>
      `${Q(x.s("label")) || "This"} is not a valid international domain name.${SPELL}`,
    public_suffix: (x) =>
      `${x.s("domain") ?? "This"} is a public ending under which anyone can register names. Enter your organisation's own domain, such as yourcompany.${x.s("domain") ?? "com"}.`,
    shared_domain: (x) =>
      `${x.s("domain") ?? "This"} is a shared email domain${x.s("listedAs") !== x.s("domain") ? opt(x.s("listedAs"), " (under ", ")") : ""}: anyone can get an address there, so it cannot identify your partner employees. Enter your company's own domain; add users with shared-domain addresses through the Client Access Manager.`,
    missing_at: (x) =>
      `The email address${q(x.s("input"))} has no @. Enter a full address such as jane@acme.com.`,
    empty_local_part: (x) =>
      `The email address${q(x.s("input"))} has nothing before the @. Enter a full address such as jane@acme.com.`,
    local_part_too_long: (x) =>
      `The part before the @ has ${x.n("length") ?? "too many"} bytes; the limit is ${x.n("maxLength") ?? "64"}. Use a shorter address.`,
    invalid_local_part: (x) =>
      `The part before the @${q(x.s("local"))} has a character an address cannot have, or a dot at its start, at its end or twice in a row. Check the address.`,
    address_too_long: (x) =>
      `The email address has ${x.n("length") ?? "too many"} bytes; the limit is ${x.n("maxLength") ?? "254"}. Use a shorter address.`,
    invalid_domain: (x) =>
      `The domain${q(x.s("input"))}${at(x)} is not valid.${x.s("canonical") ? ` Store it as ${x.s("canonical")}.` : then(x.sub("domainIssue"))}`,
    invalid_record: (x) => `Some data is missing or not in the expected form${got(x)}.`,
    invalid_list: (x) =>
      x.n("maxLength")
        ? `The list${at(x)} has ${x.n("length") ?? "too many"} entries; one call reads at most ${x.n("maxLength")}. Split it into smaller parts.`
        : `A list was expected${got(x)}.`,
    invalid_partner_id: (x) => `The partner ID must be non-empty text${got(x)}.`,
    invalid_client_id: (x) => `The client's HubID must be a positive whole number${got(x)}.`,
    invalid_timestamp: (x) =>
      `The time must be a whole number of milliseconds since 1970 within the range of a date${got(x)}.`,
    invalid_email: (x) =>
      `The email address${q(x.s("input"))}${at(x)} is not valid.${then(x.sub("emailIssue"))}`,
    expiry_not_after_now: (x) =>
      `The assignment's end${opt(x.t("expiresAt"), " (", ")")} must be later than now${opt(x.t("now"), " (", ")")}.`,
    not_in_partner_account: (x) =>
      `${x.s("email") ?? "This user"} is not a user of ${opt(x.s("partnerId"), "partner ", "'s account") || "the partner account"}. Add them to the partner account first.`,
    not_tagged: (x) =>
      `${x.s("email") ?? "This user"} is not tagged as a partner employee${opt(x.s("partnerId"), " of ")}. Turn on the partner employee switch for this user, then assign the client.`,
    duplicate_in_request: (x) =>
      `This entry${q(x.s("input"))} appears twice in the request${twice(x.p("firstPath"), x.p())}. Remove the duplicate.`,
    invalid_transition: (x) =>
      `This assignment cannot go from ${Q(x.pick("from", STATUS)) || "its status"} to ${Q(x.pick("to", STATUS)) || "the status asked for"}.${NOTHING}`,
    time_out_of_order: (x) =>
      `The time given${opt(x.t("now"), " (", ")")} is before the start of the assignment${opt(x.t("earliest"), " (", ")")}. Check the date sent.`,
    assignment_expired: (x) =>
      `This assignment expired${opt(x.t("expiresAt"), " on ")}, so it cannot change any more. Mark it as expired, or assign the client again.`,
    confirmation_required: (x) =>
      `To remove this access, type ${x.s("expected") ?? "REMOVE"} exactly${got(x)}.`,
    not_expired: (x) =>
      `This assignment has not expired: ${x.t("expiresAt") ? `it runs until ${x.t("expiresAt")}` : "it has no end date"}.`,
    forbidden: (x) => {
      const act = x.pick("action", ACTION);
      return (
        x.pick("reason", {
          invalid_actor: `Your user could not be identified, so ${act ? `you cannot ${act}` : "this was refused"}.${then(x.sub("issue"))}`,
          unknown_action: "This action is not known, so it was refused.",
          invalid_target: `The partner or client this concerns is not valid, so it was refused.${then(x.sub("issue"))}`,
          other_partner: "You can only work on your own partner account's data.",
          super_admin_required: `Only a super admin of the partner account can ${act ?? "do this"}.`,
          permission_required: `Only super admins and users with the permission to manage partner employees can ${act ?? "do this"}.`,
          client_only: `Only the client's own admins can ${act ?? "do this"}; please ask the client.`,
          partner_only: "A client's user cannot act in a partner account.",
          other_client: "You can only act in your own client portal.",
        }) ?? "You are not allowed to do this."
      );
    },
    invalid_amount: (x) =>
      `The amount must be a whole number of the currency's smallest unit, 0 or more${got(x)}.`,
    unknown_currency: (x) =>
      `The currency${opt(x.s("currency"))} is not in the currency table. Add it with its US$100 equivalent and its number of decimals.`,
    invalid_currency_rate: (x) =>
      `The currency table's entry${opt(x.s("currency"), " for ")} needs a positive US$100 equivalent and a number of decimals from 0 to 18.`,
    invalid_period: (x) => `The period${at(x)} ends before it starts. Check its start and end.`,
    unknown_partner: (x) =>
      `${opt(x.s("partnerId"), "Partner ") || "A partner"}${at(x)} is not among the partners given.`,
    unknown_client: (x) =>
      `${opt(x.s("clientId"), "Client ") || "A client"}${at(x)} is not among the clients given.`,
    duplicate_partner: (x) =>
      `${opt(x.s("partnerId"), "Partner ") || "A partner"} is listed twice${twice(x.p("firstPath"), x.p())}.`,
    duplicate_client: (x) =>
      `${opt(x.s("clientId"), "Client ") || "A client"} is listed twice${twice(x.p("firstPath"), x.p())}.`,
    duplicate_user: (x) =>
      `${opt(x.s("email"), "The user ") || "A user"}${opt(x.s("partnerId"), " of partner ")} is listed twice${twice(x.p("firstPath"), x.p())}.`,
    amount_overflow: (x) =>
      `The managed MRR${opt(x.s("partnerId"), " of partner ")}${opt(x.s("currency"), " in ")} is too large to add up exactly. Split the calculation into smaller parts.`,
    invalid_attribution_input: (x) =>
      envelope(
        "Managed credit could not be attributed",
        x.list("issues"),
        "one record is invalid",
        "records are invalid",
      ),
    invalid_attribution_state: (x) => {
      const state = x.pick("state", { first: "The first", second: "The second" });
      const subject = `${state ?? "This"} attribution state`;
      return `${
        x.pick("reason", {
          not_a_state: `${opt(state, "", " value") || "This"} is not a saved attribution state`,
          unsupported_version: `${subject} comes from a version this release cannot read`,
          malformed: `${subject} is damaged${at(x)}`,
          fingerprint_mismatch: `${subject} was altered: its data does not match its fingerprint`,
          reference_required: `${subject} is compact: pass the full state it was started from as { reference }`,
        }) ?? `${subject} cannot be used`
      }. Start the attribution again.`;
    },
    attribution_states_differ: (x) =>
      `These attribution states were started from different periods or reference data${opt(x.join("fingerprints"), " (", ")")}, so they cannot be merged.`,
    invalid_points: (x) => `The points must be a number of 0 or more${got(x)}.`,
    invalid_program: (x) => `The program must be partner or provider${got(x)}.`,
    duplicate_tier: (x) =>
      `The tier${at(x)} is listed twice${opt(x.p("firstPath"), " (first at ", ")")}; keep one threshold per tier.`,
    invalid_tier_thresholds: (x) =>
      envelope(
        "The tier thresholds cannot be used",
        x.list("issues"),
        "one entry is invalid",
        "entries are invalid",
      ),
    domain_change_refused: (x) =>
      envelope(
        "The domains cannot be changed",
        x.list("problems"),
        "one domain is refused",
        "domains are refused",
      ),
    domain_claimed_by_another_partner: (x) =>
      `${x.s("domain") ?? "This domain"} is already held by ${opt(x.s("holder", "partnerId"), "partner ") || "another partner"}${opt(x.join("contenders", "partnerId"), "; it cannot also go to ")}. A domain can belong to one partner only: enter your own domain, or ask the holder to release it.`,
    suggested_domain_not_set: (x) =>
      `Most of your client-facing users${paren(x.n("suggestion", "count"), x.pct("suggestion", "share"))} use ${x.s("suggestion", "domain") ?? "another domain"}, which is not among your partner employee domains${opt(x.join("employeeDomains"), " (", ")")}. Set it as your partner employee email domain so that they are recognised automatically.`,
    email_linked_to_another_partner: (x) =>
      `${x.s("email") ?? "This address"} is already linked${opt(x.s("clientId"), " to client ")} by ${opt(x.s("holder", "partnerId"), "partner ") || "another partner"}; ${opt(x.join("contenders", "partnerId"), "partner ") || "a second partner"} cannot link it too and would earn no managed credit for this user. Ask the first partner to remove the user's access to the client, give the user an address on your partner employee domain${opt(x.find("resolutions", "suggestedAddress"), " (", ")")}, or use another of the user's addresses.`,
    invalid_duration: (x) =>
      `The validity must be a positive whole number of milliseconds${got(x)}.`,
    random_source_failed: () =>
      "No random numbers could be obtained to create the verification code. Please try again.",
    invalid_request: (x) =>
      x.list("issues")
        ? envelope(
            "The request is not valid",
            x.list("issues"),
            "one field is wrong",
            "fields are wrong",
          )
        : `The request is not valid.`,
    domain_not_verified: (x) =>
      `${x.join("domains") ?? "This domain"}: no proof of ownership was given. Publish the DNS TXT record of the domain challenge, verify it, then set the domains again with the verification.`,
    user_already_exists: (x) =>
      `${x.s("user", "value", "email") ?? "This user"} is already a user of the partner account${opt(x.s("user", "value", "partnerId"), " ")}.`,
    invalid_employee_domains: (x) =>
      envelope(
        "The employee domains cannot be set",
        x.list("issues"),
        "one domain is refused",
        "domains are refused",
      ),
    partner_not_found: (x) =>
      `${opt(x.s("partnerId"), "Partner ") || "The partner"} was not found.`,
    user_not_found: (x) =>
      `${opt(x.s("partnerId"), "Partner ") || "The partner"} has no user${opt(x.s("email"), " with the address ") || " with this address"}.`,
    assignment_not_found: (x) =>
      `${x.s("email") ?? "This user"} has no open assignment${opt(x.s("clientId"), " to client ")}${opt(x.s("partnerId"), " with partner ")}.`,
    already_assigned: (x) =>
      `${x.s("assignment", "value", "email") ?? "This user"} is already assigned${opt(x.s("assignment", "value", "clientId"), " to client ")}.`,
    version_conflict: (x) =>
      `Someone else changed this ${x.pick("record", { partner: "partner account", user: "user", assignment: "assignment" }) ?? "record"}${opt(x.s("key"), " (", ")")} at the same time.${NOTHING} Reload and try again.`,
    schema_too_new: (x) =>
      `The database was set up by a newer release (schema version ${x.n("version") ?? "?"}, this release knows up to ${x.n("supported") ?? "?"}).${NOTHING} Run the newer release.`,
    repository_failure: () =>
      `The data could not be read or saved.${NOTHING} Please try again later.`,
    unexpected_error: () =>
      `Something unexpected went wrong.${NOTHING} Please try again; if it happens again, contact support.`,
  },
};
