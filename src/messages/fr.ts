/**
 * The French sentences of {@link formatIssue} ("vous"; a no-break space
 * before the colon and inside the guillemets, as French typography wants).
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

const NB = "\u00a0";
const C = `${NB}:`;
const q = (v: string | undefined) => opt(v, ` «${NB}`, `${NB}»`);
const Q = (v: string | undefined) => opt(v, `«${NB}`, `${NB}»`);
const got = <I>(x: Fields<I>) => placed(x.p(), x.v(), "reçu", C);
const envelope = envelopeIn(C, ` Premier problème${C} `);
const twice = twiceIn("à", "et");
const count = (n: string | undefined, unit: string, long: string) =>
  n ? `compte ${n} ${unit}` : `est trop ${long}`;
const EXAMPLE = " Saisissez-le sous la forme acme.com.";
const PART = "La partie de domaine";
const SPELL = " Vérifiez l’orthographe.";
const NOTHING = " Rien n’a été modifié.";
const FULL = " Saisissez une adresse complète comme jane@acme.com.";
const SHORTER = " Utilisez une adresse plus courte.";
const EMPLOYEE_DOMAIN = "domaine e-mail des employés partenaires";

const STATUS: Names<AssignmentStatus> = {
  pending_access: "en attente d’accès au portail",
  active: "active",
  removed: "supprimée",
  expired: "expirée",
};

const ACTION: Names<Action> = {
  update_employee_domain: `modifier le ${EMPLOYEE_DOMAIN}`,
  view_partner_employees: "voir la liste des employés partenaires",
  tag_employee: "marquer des utilisateurs comme employés partenaires",
  assign_client: "attribuer des clients aux employés partenaires",
  remove_client_access: "supprimer l’accès d’un employé partenaire à un client",
  delete_portal_user: "supprimer des utilisateurs du portail d’un client",
  remove_employee: "retirer des employés partenaires",
  grant_portal_access: "accorder l’accès au portail d’un client",
};

/**
 * French.
 *
 * @example
 * ```ts
 * formatIssue({ code: "not_tagged", message: "…", partnerId: "acme", email: "li@acme.com" }, "fr");
 * //=> "li@acme.com n’est pas marqué comme employé partenaire de acme. …"
 * ```
 */
export const FR: Language = {
  fallback: "Un problème est survenu. Veuillez réessayer.",
  issues: {
    not_a_string: () =>
      "Saisissez la valeur sous forme de texte, par exemple acme.com ou jane@acme.com.",
    empty: () =>
      "Rien n’a été saisi. Saisissez un domaine comme acme.com ou une adresse comme jane@acme.com.",
    too_long: (x) =>
      `Le domaine${q(x.s("input"))} ${count(x.n("length"), "caractères", "long")} en ASCII, la limite est de ${x.n("maxLength") ?? "253"}. Saisissez un domaine plus court.`,
    empty_label: (x) =>
      `Le domaine${q(x.s("input"))} commence par un point ou contient deux points à la suite.${EXAMPLE}`,
    label_too_long: (x) =>
      `${PART}${q(x.s("label"))} ${count(x.n("length"), "caractères", "longue")}, chaque partie en compte au plus ${x.n("maxLength") ?? "63"}.`,
    invalid_character: (x) =>
      `${PART}${q(x.s("label"))} contient ${opt(Q(x.s("character")), "le caractère ") || "un caractère"}, qui n’est pas admis dans un domaine. N’utilisez que des lettres, des chiffres et des traits d’union, séparés par des points.`,
    hyphen_at_label_edge: (x) =>
      `${PART}${q(x.s("label"))} commence ou se termine par un trait d’union. Supprimez ce trait d’union.`,
    reserved_hyphens: (x) =>
      `${PART}${q(x.s("label"))} a des traits d’union en troisième et quatrième positions, ce qui est réservé aux noms encodés (xn--).${SPELL}`,
    invalid_joiner: (x) =>
      `${PART}${q(x.s("label"))} contient un caractère de liaison invisible que son écriture n’utilise pas. Saisissez de nouveau le domaine sans ce caractère.`,
    invalid_bidi: (x) =>
      `${PART}${q(x.s("label"))} mêle du texte de droite à gauche et de gauche à droite d’une façon que les noms de domaine n’admettent pas.${SPELL}`,
    single_label: (x) =>
      `${Q(x.s("label")) || "Ceci"} n’est pas un domaine complet. Ajoutez son extension, par exemple ${opt(x.s("label"), "", ".com") || ".com"}.`,
    ip_address: (x) =>
      `${Q(x.s("input")) || "Ceci"} est une adresse IP, pas un domaine e-mail. Saisissez le domaine qui termine vos adresses, par exemple acme.com.`,
    numeric_top_level_label: (x) =>
      `La dernière partie d’un domaine ne peut pas être un nombre${opt(Q(x.s("label")), " (", ")")}.${EXAMPLE}`,
    looks_like_url: (x) =>
      `Ceci ressemble à une adresse web. Saisissez uniquement le domaine${opt(x.s("suggestion"), ", ici ")}, sans http://, chemin ni port.`,
    looks_like_email: (x) =>
      `Ceci ressemble à une adresse e-mail. Saisissez uniquement la partie après le signe @${opt(x.s("suggestion"), ", ici ")}.`,
    starts_with_www: (x) =>
      `Saisissez le domaine e-mail sans ${Q("www.")}${opt(x.s("suggestion"), `${C} `)}.`,
    mixed_scripts: (x) =>
      `${Q(x.s("label")) || "Ce domaine"} mêle des lettres d’alphabets différents${opt(x.join("scripts"), " (", ")")}, comme le font les domaines qui en imitent d’autres. Saisissez-le de nouveau dans un seul alphabet.`,
    invalid_idn: (x) =>
      `${Q(x.s("label")) || "Ceci"} n’est pas un nom de domaine international valide.${SPELL}`,
    public_suffix: (x) =>
      `${x.s("domain") ?? "Ceci"} est une extension publique sous laquelle chacun peut enregistrer des noms. Saisissez le domaine propre à votre organisation, par exemple votreentreprise.${x.s("domain") ?? "fr"}.`,
    shared_domain: (x) =>
      `${x.s("domain") ?? "Ceci"} est un domaine e-mail partagé${x.s("listedAs") !== x.s("domain") ? opt(x.s("listedAs"), " (sous ", ")") : ""}. Tout le monde peut y obtenir une adresse, il ne peut donc pas identifier vos employés partenaires. Saisissez le domaine propre à votre entreprise et ajoutez les utilisateurs ayant une adresse sur un domaine partagé via le Client Access Manager.`,
    missing_at: (x) => `L’adresse e-mail${q(x.s("input"))} ne contient pas de @.${FULL}`,
    empty_local_part: (x) => `L’adresse e-mail${q(x.s("input"))} n’a rien avant le @.${FULL}`,
    local_part_too_long: (x) =>
      `La partie avant le @ ${count(x.n("length"), "octets", "longue")}, la limite est de ${x.n("maxLength") ?? "64"}.${SHORTER}`,
    invalid_local_part: (x) =>
      `La partie avant le @${q(x.s("local"))} contient un caractère interdit dans une adresse, ou un point au début, à la fin ou en double. Vérifiez l’adresse.`,
    address_too_long: (x) =>
      `L’adresse e-mail ${count(x.n("length"), "octets", "longue")}, la limite est de ${x.n("maxLength") ?? "254"}.${SHORTER}`,
    invalid_domain: (x) =>
      `Le domaine${q(x.s("input"))}${at(x)} n’est pas valide.${x.s("canonical") ? ` Enregistrez-le sous la forme ${x.s("canonical")}.` : then(x.sub("domainIssue"))}`,
    invalid_record: (x) => `Des données sont manquantes ou n’ont pas la forme attendue${got(x)}.`,
    invalid_list: (x) =>
      x.n("maxLength")
        ? `La liste${at(x)} ${count(x.n("length"), "entrées", "longue")}, un appel en lit au plus ${x.n("maxLength")}. Divisez-la en parties plus petites.`
        : `Une liste était attendue${got(x)}.`,
    invalid_partner_id: (x) => `L’identifiant du partenaire doit être un texte non vide${got(x)}.`,
    invalid_client_id: (x) => `Le HubID du client doit être un nombre entier positif${got(x)}.`,
    invalid_timestamp: (x) =>
      `L’horodatage doit être un nombre entier de millisecondes depuis 1970, dans la plage d’une date${got(x)}.`,
    invalid_email: (x) =>
      `L’adresse e-mail${q(x.s("input"))}${at(x)} n’est pas valide.${then(x.sub("emailIssue"))}`,
    expiry_not_after_now: (x) =>
      `La fin de l’attribution${opt(x.t("expiresAt"), " (", ")")} doit être postérieure à maintenant${opt(x.t("now"), " (", ")")}.`,
    not_in_partner_account: (x) =>
      `${x.s("email") ?? "Cet utilisateur"} n’est pas un utilisateur du compte partenaire${opt(x.s("partnerId"))}. Ajoutez-le d’abord au compte partenaire.`,
    not_tagged: (x) =>
      `${x.s("email") ?? "Cet utilisateur"} n’est pas marqué comme employé partenaire${opt(x.s("partnerId"), " de ")}. Activez l’option ${Q("Employé partenaire")} pour cet utilisateur, puis attribuez le client.`,
    duplicate_in_request: (x) =>
      `Cette entrée${q(x.s("input"))} apparaît deux fois dans la demande${twice(x.p("firstPath"), x.p())}. Supprimez le doublon.`,
    invalid_transition: (x) =>
      `Cette attribution ne peut pas passer ${opt(Q(x.pick("from", STATUS)), "du statut ") || "de son statut"} ${opt(Q(x.pick("to", STATUS)), "au statut ") || "au statut demandé"}.${NOTHING}`,
    time_out_of_order: (x) =>
      `L’heure indiquée${opt(x.t("now"), " (", ")")} précède le début de l’attribution${opt(x.t("earliest"), " (", ")")}. Vérifiez la date envoyée.`,
    assignment_expired: (x) =>
      `Cette attribution a expiré${opt(x.t("expiresAt"), " le ")} et ne peut plus être modifiée. Marquez-la comme expirée ou attribuez de nouveau le client.`,
    confirmation_required: (x) =>
      `Pour supprimer cet accès, saisissez exactement ${x.s("expected") ?? "REMOVE"}${got(x)}.`,
    not_expired: (x) =>
      `Cette attribution n’a pas expiré${C} ${opt(x.t("expiresAt"), "elle court jusqu’au ") || "elle n’a pas de date de fin"}.`,
    forbidden: (x) => {
      const act = x.pick("action", ACTION) ?? "faire cela";
      return (
        x.pick("reason", {
          invalid_actor: `Votre utilisateur n’a pas pu être identifié, l’action a donc été refusée.${then(x.sub("issue"))}`,
          unknown_action: "Cette action est inconnue, elle a donc été refusée.",
          invalid_target: `Le partenaire ou le client concerné n’est pas valide, l’action a donc été refusée.${then(x.sub("issue"))}`,
          other_partner:
            "Vous ne pouvez travailler que sur les données de votre propre compte partenaire.",
          super_admin_required: `Seul un super administrateur du compte partenaire peut ${act}.`,
          permission_required: `Seuls les super administrateurs et les utilisateurs autorisés à gérer les employés partenaires peuvent ${act}.`,
          client_only: `Seuls les administrateurs du client peuvent ${act}. Veuillez vous adresser au client.`,
          partner_only: "Un utilisateur d’un client ne peut pas agir dans un compte partenaire.",
          other_client: "Vous ne pouvez agir que dans le portail de votre propre client.",
        }) ?? "Vous n’êtes pas autorisé à faire cela."
      );
    },
    invalid_amount: (x) =>
      `Le montant doit être un nombre entier de la plus petite unité de la devise, égal ou supérieur à 0${got(x)}.`,
    unknown_currency: (x) =>
      `La devise${opt(x.s("currency"))} ne figure pas dans la table des devises. Ajoutez-la avec son équivalent de 100 $ US et son nombre de décimales.`,
    invalid_currency_rate: (x) =>
      `L’entrée de la table des devises${opt(x.s("currency"), " pour ")} doit avoir un équivalent de 100 $ US positif et un nombre de décimales de 0 à 18.`,
    invalid_period: (x) =>
      `La période${at(x)} se termine avant de commencer. Vérifiez son début et sa fin.`,
    unknown_partner: (x) =>
      `Le partenaire${opt(x.s("partnerId"))}${at(x)} ne figure pas parmi les partenaires fournis.`,
    unknown_client: (x) =>
      `Le client${opt(x.s("clientId"))}${at(x)} ne figure pas parmi les clients fournis.`,
    duplicate_partner: (x) =>
      `Le partenaire${opt(x.s("partnerId"))} figure deux fois${twice(x.p("firstPath"), x.p())}.`,
    duplicate_client: (x) =>
      `Le client${opt(x.s("clientId"))} figure deux fois${twice(x.p("firstPath"), x.p())}.`,
    duplicate_user: (x) =>
      `L’utilisateur${opt(x.s("email"))}${opt(x.s("partnerId"), " du partenaire ")} figure deux fois${twice(x.p("firstPath"), x.p())}.`,
    amount_overflow: (x) =>
      `Le MRR géré${opt(x.s("partnerId"), " du partenaire ")}${opt(x.s("currency"), " en ")} est trop élevé pour être additionné exactement. Divisez le calcul en parties plus petites.`,
    invalid_attribution_input: (x) =>
      envelope(
        "Le crédit géré n’a pas pu être attribué",
        x.list("issues"),
        "un enregistrement n’est pas valide",
        "enregistrements ne sont pas valides",
      ),
    invalid_attribution_state: (x) => {
      const state = x.pick("state", { first: "Le premier", second: "Le second" });
      const subject = `${state ?? "Cet"} état d’attribution`;
      return `${
        x.pick("reason", {
          not_a_state: `${opt(state, "", " élément") || "Ceci"} n’est pas un état d’attribution enregistré`,
          unsupported_version: `${subject} provient d’une version que la présente version ne peut pas lire`,
          malformed: `${subject} est endommagé${at(x)}`,
          fingerprint_mismatch: `${subject} a été modifié${C} ses données ne correspondent pas à son empreinte`,
          reference_required: `${subject} est compact${C} transmettez l'état complet dont il est parti, comme { reference }`,
        }) ?? `${subject} ne peut pas être utilisé`
      }. Relancez l’attribution du crédit.`;
    },
    attribution_states_differ: (x) =>
      `Ces états d’attribution ont été démarrés avec des périodes ou des données de référence différentes${opt(x.join("fingerprints"), " (", ")")}, ils ne peuvent donc pas être fusionnés.`,
    invalid_points: (x) => `Les points doivent être un nombre égal ou supérieur à 0${got(x)}.`,
    invalid_program: (x) => `Le programme doit être partner ou provider${got(x)}.`,
    duplicate_tier: (x) =>
      `Le niveau${at(x)} figure deux fois${opt(x.p("firstPath"), " (la première fois à ", ")")}. Gardez un seul seuil par niveau.`,
    invalid_tier_thresholds: (x) =>
      envelope(
        "Les seuils des niveaux ne peuvent pas être utilisés",
        x.list("issues"),
        "une entrée n’est pas valide",
        "entrées ne sont pas valides",
      ),
    domain_change_refused: (x) =>
      envelope(
        "Les domaines ne peuvent pas être modifiés",
        x.list("problems"),
        "un domaine est refusé",
        "domaines sont refusés",
      ),
    domain_claimed_by_another_partner: (x) =>
      `${x.s("domain") ?? "Ce domaine"} appartient déjà ${opt(x.s("holder", "partnerId"), "au partenaire ") || "à un autre partenaire"}${opt(x.join("contenders", "partnerId"), ", il ne peut pas aussi revenir à ")}. Un domaine ne peut appartenir qu’à un seul partenaire. Saisissez votre propre domaine ou demandez au détenteur de le libérer.`,
    suggested_domain_not_set: (x) =>
      `La plupart de vos utilisateurs en contact avec les clients${paren(x.n("suggestion", "count"), x.pct("suggestion", "share"))} utilisent ${x.s("suggestion", "domain") ?? "un autre domaine"}, qui ne fait pas partie de vos domaines e-mail des employés partenaires${opt(x.join("employeeDomains"), " (", ")")}. Définissez-le comme ${EMPLOYEE_DOMAIN} pour que ces utilisateurs soient reconnus automatiquement.`,
    email_linked_to_another_partner: (x) =>
      `${x.s("email") ?? "Cette adresse"} est déjà liée${opt(x.s("clientId"), " au client ")} par ${opt(x.s("holder", "partnerId"), "le partenaire ") || "un autre partenaire"}. ${opt(x.join("contenders", "partnerId"), "Le partenaire ") || "Un second partenaire"} ne peut pas la lier aussi et ne recevrait aucun crédit géré pour cet utilisateur. Demandez au premier partenaire de supprimer l’accès de l’utilisateur au client, donnez à l’utilisateur une adresse sur votre ${EMPLOYEE_DOMAIN}${opt(x.find("resolutions", "suggestedAddress"), " (", ")")} ou utilisez une autre adresse de l’utilisateur.`,
    invalid_duration: (x) =>
      `La durée de validité doit être un nombre entier positif de millisecondes${got(x)}.`,
    random_source_failed: () =>
      "Impossible d’obtenir des nombres aléatoires pour créer le code de vérification. Veuillez réessayer.",
    invalid_request: (x) =>
      x.list("issues")
        ? envelope(
            "La demande n’est pas valide",
            x.list("issues"),
            "un champ est incorrect",
            "champs sont incorrects",
          )
        : `La demande n’est pas valide.`,
    domain_not_verified: (x) =>
      `${x.join("domains") ?? "Ce domaine"}${C} aucune preuve de propriété n’a été fournie. Publiez l’enregistrement DNS TXT de la vérification du domaine, vérifiez-le, puis définissez de nouveau les domaines avec la vérification.`,
    user_already_exists: (x) =>
      `${x.s("user", "value", "email") ?? "Cet utilisateur"} est déjà un utilisateur du compte partenaire${opt(x.s("user", "value", "partnerId"), " ")}.`,
    invalid_employee_domains: (x) =>
      envelope(
        "Les domaines e-mail des employés partenaires ne peuvent pas être définis",
        x.list("issues"),
        "un domaine est refusé",
        "domaines sont refusés",
      ),
    partner_not_found: (x) => `Le partenaire${opt(x.s("partnerId"))} est introuvable.`,
    user_not_found: (x) =>
      `Le partenaire${opt(x.s("partnerId"))} n’a aucun utilisateur${opt(x.s("email"), " avec l’adresse ") || " avec cette adresse"}.`,
    assignment_not_found: (x) =>
      `${x.s("email") ?? "Cet utilisateur"} n’a aucune attribution en cours${opt(x.s("clientId"), " au client ")}${opt(x.s("partnerId"), " chez le partenaire ")}.`,
    already_assigned: (x) =>
      `${x.s("assignment", "value", "email") ?? "Cet utilisateur"} est déjà attribué${opt(x.s("assignment", "value", "clientId"), " au client ")}.`,
    version_conflict: (x) =>
      `Quelqu’un d’autre a modifié ${x.pick("record", { partner: "ce compte partenaire", user: "cet utilisateur", assignment: "cette attribution" }) ?? "cet enregistrement"}${opt(x.s("key"), " (", ")")} au même moment.${NOTHING} Rechargez, puis réessayez.`,
    schema_too_new: (x) =>
      `La base de données a été préparée par une version plus récente (schéma ${x.n("version") ?? "?"}, cette version connaît jusqu’au ${x.n("supported") ?? "?"}).${NOTHING} Utilisez la version plus récente.`,
    repository_failure: () =>
      `Les données n’ont pas pu être lues ou enregistrées.${NOTHING} Veuillez réessayer plus tard.`,
    unexpected_error: () =>
      `Une erreur inattendue s’est produite.${NOTHING} Veuillez réessayer et contactez le support si cela se reproduit.`,
  },
};
