/**
 * The German sentences of {@link formatIssue} (formal address, "Sie").
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

const q = (v: string | undefined) => opt(v, " „", "“");
const Q = (v: string | undefined) => opt(v, "„", "“");
const got = <I>(x: Fields<I>) => placed(x.p(), x.v(), "erhalten");
const envelope = envelopeIn(":", " Das erste Problem: ");
const twice = twiceIn("bei", "und");
const EXAMPLE = " Geben Sie sie in der Form acme.com ein.";
const PART = "Der Domain-Teil";
const SPELL = " Prüfen Sie die Schreibweise.";
const NOTHING = " Es wurde nichts geändert.";
const FULL = " Geben Sie eine vollständige Adresse wie jane@acme.com ein.";
const SHORTER = " Verwenden Sie eine kürzere Adresse.";
const EMPLOYEE_DOMAIN = "E-Mail-Domain der Partner-Mitarbeiter";

const STATUS: Names<AssignmentStatus> = {
  pending_access: "wartet auf Portalzugriff",
  active: "aktiv",
  removed: "entfernt",
  expired: "abgelaufen",
};

const ACTION: Names<Action> = {
  update_employee_domain: `die ${EMPLOYEE_DOMAIN} ändern`,
  view_partner_employees: "die Liste der Partner-Mitarbeiter sehen",
  tag_employee: "Benutzer als Partner-Mitarbeiter markieren",
  assign_client: "Partner-Mitarbeitern Kunden zuweisen",
  remove_client_access: "den Kundenzugriff eines Partner-Mitarbeiters entfernen",
  delete_portal_user: "Benutzer aus dem Portal eines Kunden löschen",
  remove_employee: "Partner-Mitarbeiter entfernen",
  grant_portal_access: "Zugriff auf das Portal eines Kunden gewähren",
};

/**
 * German.
 *
 * @example
 * ```ts
 * formatIssue({ code: "not_tagged", message: "…", partnerId: "acme", email: "li@acme.com" }, "de");
 * //=> "li@acme.com ist nicht als Partner-Mitarbeiter von acme markiert. …"
 * ```
 */
export const DE: Language = {
  fallback: "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.",
  issues: {
    not_a_string: () =>
      "Geben Sie den Wert als Text ein, zum Beispiel acme.com oder jane@acme.com.",
    empty: () =>
      "Es wurde nichts eingegeben. Geben Sie eine Domain wie acme.com oder eine Adresse wie jane@acme.com ein.",
    too_long: (x) =>
      `Die Domain${q(x.s("input"))} hat in ASCII-Form ${x.n("length") ?? "zu viele"} Zeichen; erlaubt sind höchstens ${x.n("maxLength") ?? "253"}. Geben Sie eine kürzere Domain ein.`,
    empty_label: (x) =>
      `Die Domain${q(x.s("input"))} beginnt mit einem Punkt oder enthält zwei Punkte hintereinander.${EXAMPLE}`,
    label_too_long: (x) =>
      `${PART}${q(x.s("label"))} hat ${x.n("length") ?? "zu viele"} Zeichen; jeder Teil darf höchstens ${x.n("maxLength") ?? "63"} haben.`,
    invalid_character: (x) =>
      `${PART}${q(x.s("label"))} enthält ${opt(Q(x.s("character")), "das Zeichen ") || "ein Zeichen"}, das in Domains nicht erlaubt ist. Verwenden Sie nur Buchstaben, Ziffern und Bindestriche, getrennt durch Punkte.`,
    hyphen_at_label_edge: (x) =>
      `${PART}${q(x.s("label"))} beginnt oder endet mit einem Bindestrich. Entfernen Sie den Bindestrich.`,
    reserved_hyphens: (x) =>
      `${PART}${q(x.s("label"))} hat Bindestriche an dritter und vierter Stelle; das ist kodierten Namen (xn--) vorbehalten.${SPELL}`,
    invalid_joiner: (x) =>
      `${PART}${q(x.s("label"))} enthält ein unsichtbares Verbindungszeichen, das seine Schrift nicht verwendet. Geben Sie die Domain ohne dieses Zeichen neu ein.`,
    invalid_bidi: (x) =>
      `${PART}${q(x.s("label"))} mischt Text von rechts nach links und von links nach rechts auf eine Weise, die Domain-Namen nicht erlauben.${SPELL}`,
    single_label: (x) =>
      `${Q(x.s("label")) || "Das"} ist keine vollständige Domain: Ergänzen Sie die Endung, zum Beispiel ${opt(x.s("label"), "", ".com") || ".com"}.`,
    ip_address: (x) =>
      `${Q(x.s("input")) || "Das"} ist eine IP-Adresse, keine E-Mail-Domain. Geben Sie die Domain ein, auf die Ihre Adressen enden, zum Beispiel acme.com.`,
    numeric_top_level_label: (x) =>
      `Der letzte Teil einer Domain darf keine Zahl sein${opt(x.s("label"), " („", "“)")}.${EXAMPLE}`,
    looks_like_url: (x) =>
      `Das sieht nach einer Webadresse aus. Geben Sie nur die Domain ein${opt(x.s("suggestion"), ", hier ")}, ohne http://, Pfad oder Port.`,
    looks_like_email: (x) =>
      `Das sieht nach einer E-Mail-Adresse aus. Geben Sie nur den Teil nach dem @ ein${opt(x.s("suggestion"), ", hier ")}.`,
    starts_with_www: (x) =>
      `Geben Sie die E-Mail-Domain ohne „www.“ ein${opt(x.s("suggestion"), ": ")}.`,
    mixed_scripts: (x) =>
      `${Q(x.s("label")) || "Diese Domain"} mischt Buchstaben verschiedener Alphabete${opt(x.join("scripts"), " (", ")")}, wie es nachgeahmte Domains tun. Geben Sie sie in einem einzigen Alphabet neu ein.`,
    invalid_idn: (x) =>
      `${Q(x.s("label")) || "Das"} ist kein gültiger internationaler Domain-Name.${SPELL}`,
    public_suffix: (x) =>
      `${x.s("domain") ?? "Das"} ist eine öffentliche Endung, unter der jeder Namen registrieren kann. Geben Sie die eigene Domain Ihrer Organisation ein, zum Beispiel ihrefirma.${x.s("domain") ?? "de"}.`,
    shared_domain: (x) =>
      `${x.s("domain") ?? "Das"} ist eine gemeinsam genutzte E-Mail-Domain${x.s("listedAs") !== x.s("domain") ? opt(x.s("listedAs"), " (unter ", ")") : ""}: Dort kann jeder eine Adresse erhalten, daher kann sie Ihre Partner-Mitarbeiter nicht identifizieren. Geben Sie die eigene Domain Ihres Unternehmens ein; Benutzer mit Adressen auf gemeinsam genutzten Domains fügen Sie über den Client Access Manager hinzu.`,
    missing_at: (x) => `Die E-Mail-Adresse${q(x.s("input"))} enthält kein @.${FULL}`,
    empty_local_part: (x) => `Die E-Mail-Adresse${q(x.s("input"))} hat nichts vor dem @.${FULL}`,
    local_part_too_long: (x) =>
      `Der Teil vor dem @ hat ${x.n("length") ?? "zu viele"} Byte; erlaubt sind höchstens ${x.n("maxLength") ?? "64"}.${SHORTER}`,
    invalid_local_part: (x) =>
      `Der Teil vor dem @${q(x.s("local"))} enthält ein Zeichen, das in Adressen nicht erlaubt ist, oder einen Punkt am Anfang, am Ende oder doppelt. Prüfen Sie die Adresse.`,
    address_too_long: (x) =>
      `Die E-Mail-Adresse hat ${x.n("length") ?? "zu viele"} Byte; erlaubt sind höchstens ${x.n("maxLength") ?? "254"}.${SHORTER}`,
    invalid_domain: (x) =>
      `Die Domain${q(x.s("input"))}${at(x)} ist ungültig.${x.s("canonical") ? ` Speichern Sie sie als ${x.s("canonical")}.` : then(x.sub("domainIssue"))}`,
    invalid_record: (x) => `Daten fehlen oder haben nicht die erwartete Form${got(x)}.`,
    invalid_list: (x) =>
      x.n("maxLength")
        ? `Die Liste${at(x)} hat ${x.n("length") ?? "zu viele"} Einträge; ein Aufruf liest höchstens ${x.n("maxLength")}. Teilen Sie sie in kleinere Teile auf.`
        : `Erwartet wurde eine Liste${got(x)}.`,
    invalid_partner_id: (x) => `Die Partner-ID muss ein nicht leerer Text sein${got(x)}.`,
    invalid_client_id: (x) => `Die HubID des Kunden muss eine positive ganze Zahl sein${got(x)}.`,
    invalid_timestamp: (x) =>
      `Der Zeitpunkt muss eine ganze Zahl von Millisekunden seit 1970 im Bereich eines Datums sein${got(x)}.`,
    invalid_email: (x) =>
      `Die E-Mail-Adresse${q(x.s("input"))}${at(x)} ist ungültig.${then(x.sub("emailIssue"))}`,
    expiry_not_after_now: (x) =>
      `Das Ende der Zuweisung${opt(x.t("expiresAt"), " (", ")")} muss nach dem aktuellen Zeitpunkt${opt(x.t("now"), " (", ")")} liegen.`,
    not_in_partner_account: (x) =>
      `${x.s("email") ?? "Dieser Benutzer"} ist kein Benutzer des Partner-Kontos${opt(x.s("partnerId"))}. Fügen Sie ihn zuerst dem Partner-Konto hinzu.`,
    not_tagged: (x) =>
      `${x.s("email") ?? "Dieser Benutzer"} ist nicht als Partner-Mitarbeiter${opt(x.s("partnerId"), " von ")} markiert. Aktivieren Sie für diesen Benutzer den Schalter „Partner-Mitarbeiter“ und weisen Sie dann den Kunden zu.`,
    duplicate_in_request: (x) =>
      `Dieser Eintrag${q(x.s("input"))} kommt in der Anfrage zweimal vor${twice(x.p("firstPath"), x.p())}. Entfernen Sie das Duplikat.`,
    invalid_transition: (x) =>
      `Diese Zuweisung kann nicht ${opt(Q(x.pick("from", STATUS)), "vom Status ") || "von ihrem Status"} in ${opt(Q(x.pick("to", STATUS)), "den Status ") || "den gewünschten Status"} wechseln.${NOTHING}`,
    time_out_of_order: (x) =>
      `Der angegebene Zeitpunkt${opt(x.t("now"), " (", ")")} liegt vor dem Beginn der Zuweisung${opt(x.t("earliest"), " (", ")")}. Prüfen Sie das gesendete Datum.`,
    assignment_expired: (x) =>
      `Diese Zuweisung ist${opt(x.t("expiresAt"), " am ")} abgelaufen und kann nicht mehr geändert werden. Markieren Sie sie als abgelaufen oder weisen Sie den Kunden erneut zu.`,
    confirmation_required: (x) =>
      `Geben Sie zum Entfernen dieses Zugriffs genau ${x.s("expected") ?? "REMOVE"} ein${got(x)}.`,
    not_expired: (x) =>
      `Diese Zuweisung ist nicht abgelaufen: ${opt(x.t("expiresAt"), "Sie läuft bis ") || "Sie hat kein Enddatum"}.`,
    forbidden: (x) => {
      const act = x.pick("action", ACTION) ?? "das tun";
      return (
        x.pick("reason", {
          invalid_actor: `Ihr Benutzer konnte nicht erkannt werden, daher wurde die Aktion abgelehnt.${then(x.sub("issue"))}`,
          unknown_action: "Diese Aktion ist unbekannt und wurde daher abgelehnt.",
          invalid_target: `Der Partner oder Kunde, um den es geht, ist ungültig; die Aktion wurde daher abgelehnt.${then(x.sub("issue"))}`,
          other_partner: "Sie können nur mit den Daten Ihres eigenen Partner-Kontos arbeiten.",
          super_admin_required: `Nur ein Super-Admin des Partner-Kontos darf ${act}.`,
          permission_required: `Nur Super-Admins und Benutzer mit der Berechtigung zur Verwaltung von Partner-Mitarbeitern dürfen ${act}.`,
          client_only: `Nur die Admins des Kunden dürfen ${act}; bitte wenden Sie sich an den Kunden.`,
          partner_only: "Ein Benutzer eines Kunden kann nicht in einem Partner-Konto handeln.",
          other_client: "Sie können nur im Portal Ihres eigenen Kunden handeln.",
        }) ?? "Sie dürfen das nicht tun."
      );
    },
    invalid_amount: (x) =>
      `Der Betrag muss eine ganze Zahl der kleinsten Einheit der Währung sein, 0 oder mehr${got(x)}.`,
    unknown_currency: (x) =>
      `Die Währung${opt(x.s("currency"))} ist nicht in der Währungstabelle. Fügen Sie sie mit ihrem Gegenwert von 100 US$ und ihrer Anzahl an Nachkommastellen hinzu.`,
    invalid_currency_rate: (x) =>
      `Der Eintrag der Währungstabelle${opt(x.s("currency"), " für ")} braucht einen positiven Gegenwert von 100 US$ und eine Anzahl an Nachkommastellen von 0 bis 18.`,
    invalid_period: (x) =>
      `Der Zeitraum${at(x)} endet, bevor er beginnt. Prüfen Sie Beginn und Ende.`,
    unknown_partner: (x) =>
      `Der Partner${opt(x.s("partnerId"))}${at(x)} ist nicht unter den angegebenen Partnern.`,
    unknown_client: (x) =>
      `Der Kunde${opt(x.s("clientId"))}${at(x)} ist nicht unter den angegebenen Kunden.`,
    duplicate_partner: (x) =>
      `Der Partner${opt(x.s("partnerId"))} ist doppelt aufgeführt${twice(x.p("firstPath"), x.p())}.`,
    duplicate_client: (x) =>
      `Der Kunde${opt(x.s("clientId"))} ist doppelt aufgeführt${twice(x.p("firstPath"), x.p())}.`,
    duplicate_user: (x) =>
      `Der Benutzer${opt(x.s("email"))}${opt(x.s("partnerId"), " des Partners ")} ist doppelt aufgeführt${twice(x.p("firstPath"), x.p())}.`,
    amount_overflow: (x) =>
      `Das verwaltete MRR${opt(x.s("partnerId"), " des Partners ")}${opt(x.s("currency"), " in ")} ist zu groß, um es exakt zu summieren. Teilen Sie die Berechnung in kleinere Teile auf.`,
    invalid_attribution_input: (x) =>
      envelope(
        "Die „Verwaltet“-Punkte konnten nicht zugeordnet werden",
        x.list("issues"),
        "ein Datensatz ist ungültig",
        "Datensätze sind ungültig",
      ),
    invalid_attribution_state: (x) => {
      const state = x.pick("state", { first: "Der erste", second: "Der zweite" });
      const subject = `${state ?? "Dieser"} Zwischenstand`;
      return `${
        x.pick("reason", {
          not_a_state: `${opt(state, "", " Wert") || "Das"} ist kein gespeicherter Zwischenstand der Zuordnung`,
          unsupported_version: `${subject} stammt aus einer Version, die diese Ausgabe nicht lesen kann`,
          malformed: `${subject} ist beschädigt${at(x)}`,
          fingerprint_mismatch: `${subject} wurde verändert: Seine Daten passen nicht zu seinem Fingerabdruck`,
          reference_required: `${subject} ist kompakt: Geben Sie den vollständigen Zustand, mit dem er begonnen wurde, als { reference } mit`,
        }) ?? `${subject} kann nicht verwendet werden`
      }. Starten Sie die Zuordnung neu.`;
    },
    attribution_states_differ: (x) =>
      `Diese Zwischenstände wurden mit unterschiedlichen Zeiträumen oder Stammdaten begonnen${opt(x.join("fingerprints"), " (", ")")} und können daher nicht zusammengeführt werden.`,
    invalid_points: (x) => `Die Punkte müssen eine Zahl von 0 oder mehr sein${got(x)}.`,
    invalid_program: (x) => `Das Programm muss partner oder provider sein${got(x)}.`,
    duplicate_tier: (x) =>
      `Die Stufe${at(x)} ist doppelt aufgeführt${opt(x.p("firstPath"), " (zuerst bei ", ")")}; behalten Sie einen Schwellenwert pro Stufe.`,
    invalid_tier_thresholds: (x) =>
      envelope(
        "Die Schwellenwerte der Stufen können nicht verwendet werden",
        x.list("issues"),
        "ein Eintrag ist ungültig",
        "Einträge sind ungültig",
      ),
    domain_change_refused: (x) =>
      envelope(
        "Die Domains können nicht geändert werden",
        x.list("problems"),
        "eine Domain wird abgelehnt",
        "Domains werden abgelehnt",
      ),
    domain_claimed_by_another_partner: (x) =>
      `${x.s("domain") ?? "Diese Domain"} gehört bereits ${opt(x.s("holder", "partnerId"), "dem Partner ") || "einem anderen Partner"}${opt(x.join("contenders", "partnerId"), "; sie kann nicht zusätzlich an ", " gehen")}. Eine Domain kann nur einem Partner gehören: Geben Sie Ihre eigene Domain ein oder bitten Sie den Inhaber, sie freizugeben.`,
    suggested_domain_not_set: (x) =>
      `Die meisten Ihrer Benutzer mit Kundenkontakt${paren(x.n("suggestion", "count"), x.pct("suggestion", "share"))} verwenden ${x.s("suggestion", "domain") ?? "eine andere Domain"}, die nicht zu Ihren E-Mail-Domains der Partner-Mitarbeiter gehört${opt(x.join("employeeDomains"), " (", ")")}. Legen Sie sie als ${EMPLOYEE_DOMAIN} fest, damit diese Benutzer automatisch erkannt werden.`,
    email_linked_to_another_partner: (x) =>
      `${x.s("email") ?? "Diese Adresse"} ist bereits${opt(x.s("clientId"), " mit dem Kunden ")} ${opt(x.s("holder", "partnerId"), "vom Partner ") || "von einem anderen Partner"} verknüpft; ${opt(x.join("contenders", "partnerId"), "der Partner ") || "ein zweiter Partner"} kann sie nicht ebenfalls verknüpfen und erhielte für diesen Benutzer keine Gutschrift für verwaltetes MRR. Bitten Sie den ersten Partner, den Zugriff des Benutzers auf den Kunden zu entfernen, geben Sie dem Benutzer eine Adresse auf Ihrer ${EMPLOYEE_DOMAIN}${opt(x.find("resolutions", "suggestedAddress"), " (", ")")} oder verwenden Sie eine andere Adresse des Benutzers.`,
    invalid_duration: (x) =>
      `Die Gültigkeitsdauer muss eine positive ganze Zahl von Millisekunden sein${got(x)}.`,
    random_source_failed: () =>
      "Für den Bestätigungscode konnten keine Zufallszahlen erzeugt werden. Bitte versuchen Sie es erneut.",
    invalid_request: (x) =>
      x.list("issues")
        ? envelope(
            "Die Anfrage ist ungültig",
            x.list("issues"),
            "ein Feld ist falsch",
            "Felder sind falsch",
          )
        : `Die Anfrage ist ungültig.`,
    domain_not_verified: (x) =>
      `${x.join("domains") ?? "Diese Domain"}: Es wurde kein Nachweis des Besitzes übergeben. Veröffentlichen Sie den DNS-TXT-Eintrag der Domain-Prüfung, prüfen Sie ihn und legen Sie die Domains dann mit dem Nachweis erneut fest.`,
    user_already_exists: (x) =>
      `${x.s("user", "value", "email") ?? "Dieser Benutzer"} ist bereits Benutzer des Partner-Kontos${opt(x.s("user", "value", "partnerId"), " ")}.`,
    invalid_employee_domains: (x) =>
      envelope(
        "Die E-Mail-Domains der Partner-Mitarbeiter können nicht festgelegt werden",
        x.list("issues"),
        "eine Domain wird abgelehnt",
        "Domains werden abgelehnt",
      ),
    partner_not_found: (x) => `Der Partner${opt(x.s("partnerId"))} wurde nicht gefunden.`,
    user_not_found: (x) =>
      `Der Partner${opt(x.s("partnerId"))} hat keinen Benutzer${opt(x.s("email"), " mit der Adresse ") || " mit dieser Adresse"}.`,
    assignment_not_found: (x) =>
      `${x.s("email") ?? "Dieser Benutzer"} hat keine offene Zuweisung${opt(x.s("clientId"), " zum Kunden ")}${opt(x.s("partnerId"), " beim Partner ")}.`,
    already_assigned: (x) =>
      `${x.s("assignment", "value", "email") ?? "Dieser Benutzer"} ist${opt(x.s("assignment", "value", "clientId"), " dem Kunden ")} bereits zugewiesen.`,
    version_conflict: (x) =>
      `Jemand anderes hat ${x.pick("record", { partner: "dieses Partner-Konto", user: "diesen Benutzer", assignment: "diese Zuweisung" }) ?? "diesen Datensatz"}${opt(x.s("key"), " (", ")")} gleichzeitig geändert.${NOTHING} Laden Sie neu und versuchen Sie es erneut.`,
    schema_too_new: (x) =>
      `Die Datenbank wurde von einer neueren Version eingerichtet (Schemaversion ${x.n("version") ?? "?"}, diese Version kennt bis ${x.n("supported") ?? "?"}).${NOTHING} Verwenden Sie die neuere Version.`,
    repository_failure: () =>
      `Die Daten konnten nicht gelesen oder gespeichert werden.${NOTHING} Bitte versuchen Sie es später erneut.`,
    unexpected_error: () =>
      `Etwas Unerwartetes ist passiert.${NOTHING} Bitte versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an den Support.`,
  },
};
