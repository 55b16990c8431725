/**
 * Messages for people: any error, warning or refusal of the library as a
 * sentence in English, German, French, Italian or Portuguese, with the data
 * of the issue in it.
 *
 * @module
 */

import { own } from "../guards.js";
import { isPartnerAccessError } from "../result.js";
import { clean, type Fields, type FieldsEnv, fieldsOf, type Language } from "./catalog.js";
import { DE } from "./de.js";
import { EN } from "./en.js";
import { FR } from "./fr.js";
import { IT } from "./it.js";
import { PT } from "./pt.js";

// To add a language: a catalog file like de.ts, and its primary subtag here.
const LANGUAGES: { readonly [language: string]: Language } = {
  en: EN,
  de: DE,
  fr: FR,
  it: IT,
  pt: PT,
};
// How deep issues inside issues are followed (an envelope's first issue,
// its email issue, that address's domain issue): enough for every real
// issue, and a guard against an issue that contains itself.
const MAX_DEPTH = 4;

interface Chosen {
  readonly language: Language;
  /** For numbers and dates: the caller's locale when Intl accepts it, then its language. */
  readonly locales: readonly string[];
}

function choose(locale: unknown): Chosen {
  if (typeof locale !== "string" || locale.length > 64) return { language: EN, locales: ["en"] };
  const primary = (locale.trim().split(/[-_]/, 1)[0] ?? "").toLowerCase();
  const language = own(LANGUAGES, primary) as Language | undefined;
  if (language === undefined) return { language: EN, locales: ["en"] };
  try {
    return { language, locales: [...Intl.getCanonicalLocales(locale.trim()), primary] };
  } catch {
    // An ill-formed tag such as "de_AT" still picks German; numbers and dates follow "de".
    return { language, locales: [primary] };
  }
}

function ownMessage(issue: unknown): string | undefined {
  const message = own(issue, "message");
  return typeof message === "string" ? clean(message, 400) : undefined;
}

function render(issue: unknown, chosen: Chosen, depth: number): string | undefined {
  const target = isPartnerAccessError(issue) ? own(issue, "issue") : issue;
  const code = own(target, "code");
  if (typeof code !== "string") return undefined;
  const build = own(chosen.language.issues, code);
  if (typeof build === "function") {
    const env: FieldsEnv = {
      locales: chosen.locales,
      nest: (inner) => (depth < MAX_DEPTH ? safely(inner, chosen, depth + 1) : undefined),
    };
    const sentence: unknown = (build as (x: Fields<never>) => string)(fieldsOf(target, env));
    if (typeof sentence === "string" && sentence !== "") return sentence;
  }
  return ownMessage(target);
}

// A nested issue that cannot be read is left out of the sentence around it.
function safely(issue: unknown, chosen: Chosen, depth: number): string | undefined {
  try {
    return render(issue, chosen, depth);
  } catch {
    return undefined;
  }
}

/**
 * Writes an error, warning or refusal of the library (the service's
 * included) as a sentence for a person, such as a partner's admin: what is
 * wrong and what to do, with the data of the issue (the domain, the holder,
 * the suggested address, the field, the limit). Languages: `en`, `de`,
 * `fr`, `it`, `pt`. A locale picks its language by its first subtag, in any
 * case (`de-AT` and `DE` give German, `pt-BR` Portuguese); any other locale,
 * or none, gives English. Numbers and dates follow the locale. The issues'
 * own `message` fields stay English.
 *
 * An envelope (`invalid_request`, `invalid_attribution_input`,
 * `invalid_tier_thresholds`, `invalid_employee_domains`,
 * `domain_change_refused`) says how many problems it holds and gives the
 * first one in full; a `forbidden` error says why, per `reason`. A
 * `PartnerAccessError` is formatted by the issue it carries.
 *
 * Total: an unknown code gives the issue's own `message`; missing fields
 * leave their part out of the sentence; a value that is not an issue, or
 * whose fields cannot be read, gives a general sentence. Values from the
 * issue are shortened, and control and text-direction characters removed;
 * the result is plain text, to be escaped like any other text where it is
 * shown.
 *
 * @param issue - an error, warning or refusal of the library, or any value
 * @param locale - a BCP 47 language tag such as `"de"`, `"fr-CA"` or `"pt-BR"`
 * @returns the sentence, never empty
 * @example
 * ```ts
 * formatIssue({ code: "shared_domain", message: "…", domain: "gmail.com", listedAs: "gmail.com" }, "de");
 * //=> "gmail.com ist eine gemeinsam genutzte E-Mail-Domain: Dort kann jeder eine Adresse erhalten, daher kann sie Ihre Partner-Mitarbeiter nicht identifizieren. Geben Sie die eigene Domain Ihres Unternehmens ein; Benutzer mit Adressen auf gemeinsam genutzten Domains fügen Sie über den Client Access Manager hinzu."
 * formatIssue({ code: "partner_not_found", message: "…", partnerId: "northwind" }, "pt-BR");
 * //=> "O parceiro northwind não foi encontrado."
 * const r = parseEmailDomain("www.acme.com");
 * if (!r.ok) formatIssue(r.error, "fr-CA"); //=> "Saisissez le domaine e-mail sans « www. » : acme.com."
 * formatIssue({ code: "brand_new", message: "Try later." }, "de"); //=> "Try later."
 * formatIssue(42, "it"); //=> "Si è verificato un problema. Riprovare."
 * ```
 */
export function formatIssue(issue: unknown, locale?: string): string {
  const chosen = choose(locale);
  try {
    return render(issue, chosen, 0) ?? chosen.language.fallback;
  } catch {
    try {
      return ownMessage(issue) ?? chosen.language.fallback;
    } catch {
      return chosen.language.fallback;
    }
  }
}
