/**
 * The Italian sentences of {@link formatIssue} (instructions in the
 * impersonal infinitive, as Italian software help writes them).
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

const q = (v: string | undefined) => opt(v, " «", "»");
const Q = (v: string | undefined) => opt(v, "«", "»");
const got = <I>(x: Fields<I>) => placed(x.p(), x.v(), "ricevuto");
const envelope = envelopeIn(":", " Primo problema: ");
const twice = twiceIn("in", "e");
const has = (n: string | undefined, unit: string, long: string) =>
  n ? `ha ${n} ${unit}` : `è troppo ${long}`;
const EXAMPLE = " Inserirlo nella forma acme.com.";
const PART = "La parte di dominio";
const SPELL = " Controllare l'ortografia.";
const NOTHING = " Non è stato modificato nulla.";
const FULL = " Inserire un indirizzo completo come jane@acme.com.";
const SHORTER = " Usare un indirizzo più corto.";
const EMPLOYEE_DOMAIN = "dominio e-mail dei dipendenti partner";

const STATUS: Names<AssignmentStatus> = {
  pending_access: "in attesa di accesso al portale",
  active: "attiva",
  removed: "rimossa",
  expired: "scaduta",
};

const ACTION: Names<Action> = {
  update_employee_domain: `modificare il ${EMPLOYEE_DOMAIN}`,
  view_partner_employees: "visualizzare l'elenco dei dipendenti partner",
  tag_employee: "contrassegnare utenti come dipendenti partner",
  assign_client: "assegnare clienti ai dipendenti partner",
  remove_client_access: "rimuovere l'accesso di un dipendente partner a un cliente",
  delete_portal_user: "eliminare utenti dal portale di un cliente",
  remove_employee: "rimuovere dipendenti partner",
  grant_portal_access: "concedere l'accesso al portale di un cliente",
};

/**
 * Italian.
 *
 * @example
 * ```ts
 * formatIssue({ code: "not_tagged", message: "…", partnerId: "acme", email: "li@acme.com" }, "it");
 * //=> "li@acme.com non è contrassegnato come dipendente partner di acme. …"
 * ```
 */
export const IT: Language = {
  fallback: "Si è verificato un problema. Riprovare.",
  issues: {
    not_a_string: () => "Inserire il valore come testo, ad esempio acme.com o jane@acme.com.",
    empty: () =>
      "Non è stato inserito nulla. Inserire un dominio come acme.com o un indirizzo come jane@acme.com.",
    too_long: (x) =>
      `Il dominio${q(x.s("input"))} ${has(x.n("length"), "caratteri", "lungo")} in forma ASCII, il limite è ${x.n("maxLength") ?? "253"}. Inserire un dominio più corto.`,
    empty_label: (x) =>
      `Il dominio${q(x.s("input"))} inizia con un punto o contiene due punti consecutivi.${EXAMPLE}`,
    label_too_long: (x) =>
      `${PART}${q(x.s("label"))} ${has(x.n("length"), "caratteri", "lunga")}, ogni parte può averne al massimo ${x.n("maxLength") ?? "63"}.`,
    invalid_character: (x) =>
      `${PART}${q(x.s("label"))} contiene ${opt(Q(x.s("character")), "il carattere ") || "un carattere"}, che non è ammesso nei domini. Usare solo lettere, cifre e trattini, separati da punti.`,
    hyphen_at_label_edge: (x) =>
      `${PART}${q(x.s("label"))} inizia o finisce con un trattino. Rimuovere il trattino.`,
    reserved_hyphens: (x) =>
      `${PART}${q(x.s("label"))} ha trattini in terza e quarta posizione, riservati ai nomi codificati (xn--).${SPELL}`,
    invalid_joiner: (x) =>
      `${PART}${q(x.s("label"))} contiene un carattere di unione invisibile che la sua scrittura non usa. Inserire di nuovo il dominio senza questo carattere.`,
    invalid_bidi: (x) =>
      `${PART}${q(x.s("label"))} mescola testo da destra a sinistra e da sinistra a destra in un modo che i nomi di dominio non consentono.${SPELL}`,
    single_label: (x) =>
      `${Q(x.s("label")) || "Questo"} non è un dominio completo: aggiungere l'estensione, ad esempio ${opt(x.s("label"), "", ".com") || ".com"}.`,
    ip_address: (x) =>
      `${Q(x.s("input")) || "Questo"} è un indirizzo IP, non un dominio e-mail. Inserire il dominio con cui terminano gli indirizzi dell'azienda, ad esempio acme.com.`,
    numeric_top_level_label: (x) =>
      `L'ultima parte di un dominio non può essere un numero${opt(Q(x.s("label")), " (", ")")}.${EXAMPLE}`,
    looks_like_url: (x) =>
      `Sembra un indirizzo web. Inserire solo il dominio${opt(x.s("suggestion"), ", in questo caso ")}, senza http://, percorso o porta.`,
    looks_like_email: (x) =>
      `Sembra un indirizzo e-mail. Inserire solo la parte dopo la @${opt(x.s("suggestion"), ", in questo caso ")}.`,
    starts_with_www: (x) =>
      `Inserire il dominio e-mail senza «www.»${opt(x.s("suggestion"), ": ")}.`,
    mixed_scripts: (x) =>
      `${Q(x.s("label")) || "Questo dominio"} mescola lettere di alfabeti diversi${opt(x.join("scripts"), " (", ")")}, come fanno i domini che ne imitano altri. Inserirlo di nuovo in un solo alfabeto.`,
    invalid_idn: (x) =>
      `${Q(x.s("label")) || "Questo"} non è un nome di dominio internazionale valido.${SPELL}`,
    public_suffix: (x) =>
      `${x.s("domain") ?? "Questo"} è un'estensione pubblica sotto la quale chiunque può registrare nomi. Inserire il dominio della propria organizzazione, ad esempio nomeazienda.${x.s("domain") ?? "it"}.`,
    shared_domain: (x) =>
      `${x.s("domain") ?? "Questo"} è un dominio e-mail condiviso${x.s("listedAs") !== x.s("domain") ? opt(x.s("listedAs"), " (sotto ", ")") : ""}: chiunque può ottenervi un indirizzo, quindi non può identificare i dipendenti partner. Inserire il dominio della propria azienda e aggiungere gli utenti con indirizzi su domini condivisi tramite il Client Access Manager.`,
    missing_at: (x) => `L'indirizzo e-mail${q(x.s("input"))} non contiene la @.${FULL}`,
    empty_local_part: (x) =>
      `L'indirizzo e-mail${q(x.s("input"))} non ha nulla prima della @.${FULL}`,
    local_part_too_long: (x) =>
      `La parte prima della @ ${has(x.n("length"), "byte", "lunga")}, il limite è ${x.n("maxLength") ?? "64"}.${SHORTER}`,
    invalid_local_part: (x) =>
      `La parte prima della @${q(x.s("local"))} contiene un carattere non ammesso negli indirizzi, oppure un punto all'inizio, alla fine o ripetuto. Controllare l'indirizzo.`,
    address_too_long: (x) =>
      `L'indirizzo e-mail ${has(x.n("length"), "byte", "lungo")}, il limite è ${x.n("maxLength") ?? "254"}.${SHORTER}`,
    invalid_domain: (x) =>
      `Il dominio${q(x.s("input"))}${at(x)} non è valido.${x.s("canonical") ? ` Salvarlo come ${x.s("canonical")}.` : then(x.sub("domainIssue"))}`,
    invalid_record: (x) => `Alcuni dati mancano o non hanno la forma prevista${got(x)}.`,
    invalid_list: (x) =>
      x.n("maxLength")
        ? `L'elenco${at(x)} ${has(x.n("length"), "voci", "lungo")}, una chiamata ne legge al massimo ${x.n("maxLength")}. Dividerlo in parti più piccole.`
        : `Era previsto un elenco${got(x)}.`,
    invalid_partner_id: (x) => `L'ID del partner deve essere un testo non vuoto${got(x)}.`,
    invalid_client_id: (x) => `L'HubID del cliente deve essere un numero intero positivo${got(x)}.`,
    invalid_timestamp: (x) =>
      `L'orario deve essere un numero intero di millisecondi dal 1970, nell'intervallo di una data${got(x)}.`,
    invalid_email: (x) =>
      `L'indirizzo e-mail${q(x.s("input"))}${at(x)} non è valido.${then(x.sub("emailIssue"))}`,
    expiry_not_after_now: (x) =>
      `La fine dell'assegnazione${opt(x.t("expiresAt"), " (", ")")} deve essere successiva al momento attuale${opt(x.t("now"), " (", ")")}.`,
    not_in_partner_account: (x) =>
      `${x.s("email") ?? "Questo utente"} non è un utente dell'account partner${opt(x.s("partnerId"))}. Aggiungerlo prima all'account partner.`,
    not_tagged: (x) =>
      `${x.s("email") ?? "Questo utente"} non è contrassegnato come dipendente partner${opt(x.s("partnerId"), " di ")}. Attivare l'interruttore «Dipendente partner» per questo utente, poi assegnare il cliente.`,
    duplicate_in_request: (x) =>
      `Questa voce${q(x.s("input"))} compare due volte nella richiesta${twice(x.p("firstPath"), x.p())}. Rimuovere il duplicato.`,
    invalid_transition: (x) =>
      `Questa assegnazione non può passare ${opt(Q(x.pick("from", STATUS)), "dallo stato ") || "dal suo stato"} ${opt(Q(x.pick("to", STATUS)), "allo stato ") || "allo stato richiesto"}.${NOTHING}`,
    time_out_of_order: (x) =>
      `L'orario indicato${opt(x.t("now"), " (", ")")} è precedente all'inizio dell'assegnazione${opt(x.t("earliest"), " (", ")")}. Controllare la data inviata.`,
    assignment_expired: (x) =>
      `Questa assegnazione è scaduta${opt(x.t("expiresAt"), " in data ")} e non può più essere modificata. Contrassegnarla come scaduta o assegnare di nuovo il cliente.`,
    confirmation_required: (x) =>
      `Per rimuovere questo accesso, digitare esattamente ${x.s("expected") ?? "REMOVE"}${got(x)}.`,
    not_expired: (x) =>
      `Questa assegnazione non è scaduta: ${opt(x.t("expiresAt"), "la data di scadenza è ") || "non ha una data di fine"}.`,
    forbidden: (x) => {
      const act = x.pick("action", ACTION) ?? "farlo";
      return (
        x.pick("reason", {
          invalid_actor: `Non è stato possibile identificare l'utente, quindi l'azione è stata rifiutata.${then(x.sub("issue"))}`,
          unknown_action: "Questa azione non è riconosciuta, quindi è stata rifiutata.",
          invalid_target: `Il partner o il cliente interessato non è valido, quindi l'azione è stata rifiutata.${then(x.sub("issue"))}`,
          other_partner: "È possibile lavorare solo sui dati del proprio account partner.",
          super_admin_required: `Solo un super amministratore dell'account partner può ${act}.`,
          permission_required: `Solo i super amministratori e gli utenti con il permesso di gestire i dipendenti partner possono ${act}.`,
          client_only: `Solo gli amministratori del cliente possono ${act}; rivolgersi al cliente.`,
          partner_only: "Un utente di un cliente non può agire in un account partner.",
          other_client: "È possibile agire solo nel portale del proprio cliente.",
        }) ?? "Questa operazione non è consentita."
      );
    },
    invalid_amount: (x) =>
      `L'importo deve essere un numero intero della più piccola unità della valuta, pari o superiore a 0${got(x)}.`,
    unknown_currency: (x) =>
      `La valuta${opt(x.s("currency"))} non è nella tabella delle valute. Aggiungerla con il suo equivalente di 100 USD e il suo numero di decimali.`,
    invalid_currency_rate: (x) =>
      `La voce della tabella delle valute${opt(x.s("currency"), " per ")} richiede un equivalente di 100 USD positivo e un numero di decimali da 0 a 18.`,
    invalid_period: (x) =>
      `Il periodo${at(x)} termina prima di iniziare. Controllarne l'inizio e la fine.`,
    unknown_partner: (x) =>
      `Il partner${opt(x.s("partnerId"))}${at(x)} non è tra i partner forniti.`,
    unknown_client: (x) => `Il cliente${opt(x.s("clientId"))}${at(x)} non è tra i clienti forniti.`,
    duplicate_partner: (x) =>
      `Il partner${opt(x.s("partnerId"))} compare due volte${twice(x.p("firstPath"), x.p())}.`,
    duplicate_client: (x) =>
      `Il cliente${opt(x.s("clientId"))} compare due volte${twice(x.p("firstPath"), x.p())}.`,
    duplicate_user: (x) =>
      `L'utente${opt(x.s("email"))}${opt(x.s("partnerId"), " del partner ")} compare due volte${twice(x.p("firstPath"), x.p())}.`,
    amount_overflow: (x) =>
      `L'MRR gestito${opt(x.s("partnerId"), " del partner ")}${opt(x.s("currency"), " in ")} è troppo grande per essere sommato con esattezza. Dividere il calcolo in parti più piccole.`,
    invalid_attribution_input: (x) =>
      envelope(
        "Non è stato possibile attribuire il credito gestito",
        x.list("issues"),
        "un record non è valido",
        "record non sono validi",
      ),
    invalid_attribution_state: (x) => {
      const state = x.pick("state", { first: "Il primo", second: "Il secondo" });
      const subject = `${state ?? "Questo"} stato di attribuzione`;
      return `${
        x.pick("reason", {
          not_a_state: `${opt(state, "", " valore") || "Questo"} non è uno stato di attribuzione salvato`,
          unsupported_version: `${subject} proviene da una versione che la versione attuale non può leggere`,
          malformed: `${subject} è danneggiato${at(x)}`,
          fingerprint_mismatch: `${subject} è stato modificato: i suoi dati non corrispondono alla sua impronta`,
          reference_required: `${subject} è compatto: passate lo stato completo da cui è partito, come { reference }`,
        }) ?? `${subject} non può essere usato`
      }. Avviare di nuovo l'attribuzione.`;
    },
    attribution_states_differ: (x) =>
      `Questi stati di attribuzione sono stati avviati con periodi o dati di riferimento diversi${opt(x.join("fingerprints"), " (", ")")}, quindi non possono essere uniti.`,
    invalid_points: (x) => `I punti devono essere un numero pari o superiore a 0${got(x)}.`,
    invalid_program: (x) => `Il programma deve essere partner o provider${got(x)}.`,
    duplicate_tier: (x) =>
      `Il livello${at(x)} compare due volte${opt(x.p("firstPath"), " (la prima in ", ")")}; mantenere una sola soglia per livello.`,
    invalid_tier_thresholds: (x) =>
      envelope(
        "Le soglie dei livelli non possono essere usate",
        x.list("issues"),
        "una voce non è valida",
        "voci non sono valide",
      ),
    domain_change_refused: (x) =>
      envelope(
        "Non è possibile modificare i domini",
        x.list("problems"),
        "un dominio è rifiutato",
        "domini sono rifiutati",
      ),
    domain_claimed_by_another_partner: (x) =>
      `${x.s("domain") ?? "Questo dominio"} appartiene già ${opt(x.s("holder", "partnerId"), "al partner ") || "a un altro partner"}${opt(x.join("contenders", "partnerId"), "; non può andare anche a ")}. Un dominio può appartenere a un solo partner: inserire il proprio dominio o chiedere al titolare di liberarlo.`,
    suggested_domain_not_set: (x) =>
      `La maggior parte degli utenti a contatto con i clienti${paren(x.n("suggestion", "count"), x.pct("suggestion", "share"))} usa ${x.s("suggestion", "domain") ?? "un altro dominio"}, che non è tra i domini e-mail dei dipendenti partner${opt(x.join("employeeDomains"), " (", ")")}. Impostarlo come ${EMPLOYEE_DOMAIN} perché questi utenti vengano riconosciuti automaticamente.`,
    email_linked_to_another_partner: (x) =>
      `${x.s("email") ?? "Questo indirizzo"} è già collegato${opt(x.s("clientId"), " al cliente ")} ${opt(x.s("holder", "partnerId"), "dal partner ") || "da un altro partner"}; ${opt(x.join("contenders", "partnerId"), "il partner ") || "un secondo partner"} non può collegarlo a sua volta e non riceverebbe alcun credito gestito per questo utente. Chiedere al primo partner di rimuovere l'accesso dell'utente al cliente, assegnare all'utente un indirizzo sul proprio ${EMPLOYEE_DOMAIN}${opt(x.find("resolutions", "suggestedAddress"), " (", ")")} o usare un altro indirizzo dell'utente.`,
    invalid_duration: (x) =>
      `La durata di validità deve essere un numero intero positivo di millisecondi${got(x)}.`,
    random_source_failed: () =>
      "Non è stato possibile ottenere numeri casuali per creare il codice di verifica. Riprovare.",
    invalid_request: (x) =>
      x.list("issues")
        ? envelope(
            "La richiesta non è valida",
            x.list("issues"),
            "un campo è errato",
            "campi sono errati",
          )
        : `La richiesta non è valida.`,
    domain_not_verified: (x) =>
      `${x.join("domains") ?? "Questo dominio"}: non è stata fornita alcuna prova di proprietà. Pubblicate il record DNS TXT della verifica del dominio, verificatelo e impostate di nuovo i domini con la verifica.`,
    user_already_exists: (x) =>
      `${x.s("user", "value", "email") ?? "Questo utente"} è già un utente dell'account partner${opt(x.s("user", "value", "partnerId"), " ")}.`,
    invalid_employee_domains: (x) =>
      envelope(
        "Non è possibile impostare i domini e-mail dei dipendenti partner",
        x.list("issues"),
        "un dominio è rifiutato",
        "domini sono rifiutati",
      ),
    partner_not_found: (x) => `Il partner${opt(x.s("partnerId"))} non è stato trovato.`,
    user_not_found: (x) =>
      `Il partner${opt(x.s("partnerId"))} non ha nessun utente${opt(x.s("email"), " con l'indirizzo ") || " con questo indirizzo"}.`,
    assignment_not_found: (x) =>
      `${x.s("email") ?? "Questo utente"} non ha un'assegnazione aperta${opt(x.s("clientId"), " al cliente ")}${opt(x.s("partnerId"), " presso il partner ")}.`,
    already_assigned: (x) =>
      `${x.s("assignment", "value", "email") ?? "Questo utente"} è già assegnato${opt(x.s("assignment", "value", "clientId"), " al cliente ")}.`,
    version_conflict: (x) =>
      `Qualcun altro ha modificato ${x.pick("record", { partner: "questo account partner", user: "questo utente", assignment: "questa assegnazione" }) ?? "questo record"}${opt(x.s("key"), " (", ")")} nello stesso momento.${NOTHING} Ricaricare e riprovare.`,
    schema_too_new: (x) =>
      `Il database è stato preparato da una versione più recente (schema ${x.n("version") ?? "?"}, questa versione conosce fino al ${x.n("supported") ?? "?"}).${NOTHING} Usare la versione più recente.`,
    repository_failure: () =>
      `Non è stato possibile leggere o salvare i dati.${NOTHING} Riprovare più tardi.`,
    unexpected_error: () =>
      `Si è verificato un errore imprevisto.${NOTHING} Riprovare e, se si ripete, contattare l'assistenza.`,
  },
};
