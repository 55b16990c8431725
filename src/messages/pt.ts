/**
 * The Portuguese sentences of {@link formatIssue} (Brazilian usage, "você").
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
const got = <I>(x: Fields<I>) => placed(x.p(), x.v(), "recebido");
const envelope = envelopeIn(":", " Primeiro problema: ");
const twice = twiceIn("em", "e");
const has = (n: string | undefined, unit: string, long: string) =>
  n ? `tem ${n} ${unit}` : `é ${long} demais`;
const EXAMPLE = " Insira-o no formato acme.com.";
const PART = "A parte do domínio";
const SPELL = " Verifique a grafia.";
const NOTHING = " Nada foi alterado.";
const FULL = " Insira um endereço completo como jane@acme.com.";
const SHORTER = " Use um endereço mais curto.";
const EMPLOYEE_DOMAIN = "domínio de e-mail dos funcionários do parceiro";

const STATUS: Names<AssignmentStatus> = {
  pending_access: "aguardando acesso ao portal",
  active: "ativa",
  removed: "removida",
  expired: "expirada",
};

const ACTION: Names<Action> = {
  update_employee_domain: `alterar o ${EMPLOYEE_DOMAIN}`,
  view_partner_employees: "ver a lista de funcionários do parceiro",
  tag_employee: "marcar usuários como funcionários do parceiro",
  assign_client: "atribuir clientes a funcionários do parceiro",
  remove_client_access: "remover o acesso de um funcionário do parceiro a um cliente",
  delete_portal_user: "excluir usuários do portal de um cliente",
  remove_employee: "remover funcionários do parceiro",
  grant_portal_access: "conceder acesso ao portal de um cliente",
};

/**
 * Portuguese.
 *
 * @example
 * ```ts
 * formatIssue({ code: "not_tagged", message: "…", partnerId: "acme", email: "li@acme.com" }, "pt-BR");
 * //=> "li@acme.com não está marcado como funcionário do parceiro acme. …"
 * ```
 */
export const PT: Language = {
  fallback: "Ocorreu um problema. Tente novamente.",
  issues: {
    not_a_string: () => "Insira o valor como texto, por exemplo acme.com ou jane@acme.com.",
    empty: () =>
      "Nada foi inserido. Insira um domínio como acme.com ou um endereço como jane@acme.com.",
    too_long: (x) =>
      `O domínio${q(x.s("input"))} ${has(x.n("length"), "caracteres", "longo")} na forma ASCII; o limite é ${x.n("maxLength") ?? "253"}. Insira um domínio mais curto.`,
    empty_label: (x) =>
      `O domínio${q(x.s("input"))} começa com um ponto ou tem dois pontos seguidos.${EXAMPLE}`,
    label_too_long: (x) =>
      `${PART}${q(x.s("label"))} ${has(x.n("length"), "caracteres", "longa")}; cada parte pode ter no máximo ${x.n("maxLength") ?? "63"}.`,
    invalid_character: (x) =>
      `${PART}${q(x.s("label"))} contém ${opt(Q(x.s("character")), "o caractere ") || "um caractere"}, que não é permitido em domínios. Use apenas letras, algarismos e hifens, separados por pontos.`,
    hyphen_at_label_edge: (x) =>
      `${PART}${q(x.s("label"))} começa ou termina com hífen. Remova o hífen.`,
    reserved_hyphens: (x) =>
      `${PART}${q(x.s("label"))} tem hifens na terceira e na quarta posições, o que é reservado a nomes codificados (xn--).${SPELL}`,
    invalid_joiner: (x) =>
      `${PART}${q(x.s("label"))} contém um caractere de junção invisível que sua escrita não usa. Digite o domínio novamente sem ele.`,
    invalid_bidi: (x) =>
      `${PART}${q(x.s("label"))} mistura texto da direita para a esquerda e da esquerda para a direita de um modo que nomes de domínio não permitem.${SPELL}`,
    single_label: (x) =>
      `${Q(x.s("label")) || "Isto"} não é um domínio completo: acrescente a terminação, por exemplo ${opt(x.s("label"), "", ".com") || ".com"}.`,
    ip_address: (x) =>
      `${Q(x.s("input")) || "Isto"} é um endereço IP, não um domínio de e-mail. Insira o domínio em que seus endereços terminam, por exemplo acme.com.`,
    numeric_top_level_label: (x) =>
      `A última parte de um domínio não pode ser um número${opt(Q(x.s("label")), " (", ")")}.${EXAMPLE}`,
    looks_like_url: (x) =>
      `Isto parece um endereço da web. Insira apenas o domínio${opt(x.s("suggestion"), ", neste caso ")}, sem http://, caminho ou porta.`,
    looks_like_email: (x) =>
      `Isto parece um endereço de e-mail. Insira apenas a parte depois do @${opt(x.s("suggestion"), ", neste caso ")}.`,
    starts_with_www: (x) => `Insira o domínio de e-mail sem “www.”${opt(x.s("suggestion"), ": ")}.`,
    mixed_scripts: (x) =>
      `${Q(x.s("label")) || "Este domínio"} mistura letras de alfabetos diferentes${opt(x.join("scripts"), " (", ")")}, como fazem os domínios que imitam outros. Digite-o novamente em um só alfabeto.`,
    invalid_idn: (x) =>
      `${Q(x.s("label")) || "Isto"} não é um nome de domínio internacional válido.${SPELL}`,
    public_suffix: (x) =>
      `${x.s("domain") ?? "Isto"} é uma terminação pública sob a qual qualquer pessoa pode registrar nomes. Insira o domínio próprio da sua organização, por exemplo suaempresa.${x.s("domain") ?? "com.br"}.`,
    shared_domain: (x) =>
      `${x.s("domain") ?? "Isto"} é um domínio de e-mail compartilhado${x.s("listedAs") !== x.s("domain") ? opt(x.s("listedAs"), " (sob ", ")") : ""}: qualquer pessoa pode obter um endereço nele, por isso ele não identifica os funcionários do parceiro. Insira o domínio próprio da sua empresa e adicione os usuários com endereços em domínios compartilhados pelo Client Access Manager.`,
    missing_at: (x) => `O endereço de e-mail${q(x.s("input"))} não tem @.${FULL}`,
    empty_local_part: (x) =>
      `O endereço de e-mail${q(x.s("input"))} não tem nada antes do @.${FULL}`,
    local_part_too_long: (x) =>
      `A parte antes do @ ${has(x.n("length"), "bytes", "longa")}; o limite é ${x.n("maxLength") ?? "64"}.${SHORTER}`,
    invalid_local_part: (x) =>
      `A parte antes do @${q(x.s("local"))} contém um caractere que endereços não podem ter, ou um ponto no início, no fim ou repetido. Verifique o endereço.`,
    address_too_long: (x) =>
      `O endereço de e-mail ${has(x.n("length"), "bytes", "longo")}; o limite é ${x.n("maxLength") ?? "254"}.${SHORTER}`,
    invalid_domain: (x) =>
      `O domínio${q(x.s("input"))}${at(x)} não é válido.${x.s("canonical") ? ` Armazene-o como ${x.s("canonical")}.` : then(x.sub("domainIssue"))}`,
    invalid_record: (x) => `Há dados ausentes ou fora do formato esperado${got(x)}.`,
    invalid_list: (x) =>
      x.n("maxLength")
        ? `A lista${at(x)} ${has(x.n("length"), "itens", "longa")}; uma chamada lê no máximo ${x.n("maxLength")}. Divida-a em partes menores.`
        : `Era esperada uma lista${got(x)}.`,
    invalid_partner_id: (x) => `O ID do parceiro deve ser um texto não vazio${got(x)}.`,
    invalid_client_id: (x) => `A HubID do cliente deve ser um número inteiro positivo${got(x)}.`,
    invalid_timestamp: (x) =>
      `O horário deve ser um número inteiro de milissegundos desde 1970, dentro do intervalo de uma data${got(x)}.`,
    invalid_email: (x) =>
      `O endereço de e-mail${q(x.s("input"))}${at(x)} não é válido.${then(x.sub("emailIssue"))}`,
    expiry_not_after_now: (x) =>
      `O fim da atribuição${opt(x.t("expiresAt"), " (", ")")} deve ser posterior ao momento atual${opt(x.t("now"), " (", ")")}.`,
    not_in_partner_account: (x) =>
      `${x.s("email") ?? "Este usuário"} não é usuário da conta de parceiro${opt(x.s("partnerId"))}. Adicione-o primeiro à conta de parceiro.`,
    not_tagged: (x) =>
      `${x.s("email") ?? "Este usuário"} não está marcado como funcionário do parceiro${opt(x.s("partnerId"))}. Ative o botão “Funcionário do parceiro” para este usuário e depois atribua o cliente.`,
    duplicate_in_request: (x) =>
      `Esta entrada${q(x.s("input"))} aparece duas vezes na solicitação${twice(x.p("firstPath"), x.p())}. Remova a duplicata.`,
    invalid_transition: (x) =>
      `Esta atribuição não pode passar ${opt(Q(x.pick("from", STATUS)), "do status ") || "do seu status"} ${opt(Q(x.pick("to", STATUS)), "para o status ") || "para o status pedido"}.${NOTHING}`,
    time_out_of_order: (x) =>
      `O horário informado${opt(x.t("now"), " (", ")")} é anterior ao início da atribuição${opt(x.t("earliest"), " (", ")")}. Verifique a data enviada.`,
    assignment_expired: (x) =>
      `Esta atribuição expirou${opt(x.t("expiresAt"), " em ")} e não pode mais ser alterada. Marque-a como expirada ou atribua o cliente novamente.`,
    confirmation_required: (x) =>
      `Para remover este acesso, digite exatamente ${x.s("expected") ?? "REMOVE"}${got(x)}.`,
    not_expired: (x) =>
      `Esta atribuição não expirou: ${opt(x.t("expiresAt"), "ela vale até ") || "ela não tem data de término"}.`,
    forbidden: (x) => {
      const act = x.pick("action", ACTION) ?? "fazer isso";
      return (
        x.pick("reason", {
          invalid_actor: `Não foi possível identificar seu usuário, por isso a ação foi recusada.${then(x.sub("issue"))}`,
          unknown_action: "Esta ação é desconhecida, por isso foi recusada.",
          invalid_target: `O parceiro ou cliente em questão não é válido, por isso a ação foi recusada.${then(x.sub("issue"))}`,
          other_partner: "Você só pode trabalhar com os dados da sua própria conta de parceiro.",
          super_admin_required: `Somente um superadministrador da conta de parceiro pode ${act}.`,
          permission_required: `Somente superadministradores e usuários com permissão para gerenciar funcionários do parceiro podem ${act}.`,
          client_only: `Somente os administradores do cliente podem ${act}; fale com o cliente.`,
          partner_only: "Um usuário de um cliente não pode agir em uma conta de parceiro.",
          other_client: "Você só pode agir no portal do seu próprio cliente.",
        }) ?? "Você não tem permissão para fazer isso."
      );
    },
    invalid_amount: (x) =>
      `O valor deve ser um número inteiro da menor unidade da moeda, igual ou maior que 0${got(x)}.`,
    unknown_currency: (x) =>
      `A moeda${opt(x.s("currency"))} não está na tabela de moedas. Adicione-a com seu equivalente a US$ 100 e seu número de casas decimais.`,
    invalid_currency_rate: (x) =>
      `A entrada da tabela de moedas${opt(x.s("currency"), " para ")} precisa de um equivalente a US$ 100 positivo e de um número de casas decimais de 0 a 18.`,
    invalid_period: (x) =>
      `O período${at(x)} termina antes de começar. Verifique o início e o fim.`,
    unknown_partner: (x) =>
      `O parceiro${opt(x.s("partnerId"))}${at(x)} não está entre os parceiros informados.`,
    unknown_client: (x) =>
      `O cliente${opt(x.s("clientId"))}${at(x)} não está entre os clientes informados.`,
    duplicate_partner: (x) =>
      `O parceiro${opt(x.s("partnerId"))} aparece duas vezes${twice(x.p("firstPath"), x.p())}.`,
    duplicate_client: (x) =>
      `O cliente${opt(x.s("clientId"))} aparece duas vezes${twice(x.p("firstPath"), x.p())}.`,
    duplicate_user: (x) =>
      `O usuário${opt(x.s("email"))}${opt(x.s("partnerId"), " do parceiro ")} aparece duas vezes${twice(x.p("firstPath"), x.p())}.`,
    amount_overflow: (x) =>
      `A MRR gerenciada${opt(x.s("partnerId"), " do parceiro ")}${opt(x.s("currency"), " em ")} é grande demais para ser somada com exatidão. Divida o cálculo em partes menores.`,
    invalid_attribution_input: (x) =>
      envelope(
        "Não foi possível atribuir o crédito gerenciado",
        x.list("issues"),
        "um registro é inválido",
        "registros são inválidos",
      ),
    invalid_attribution_state: (x) => {
      const state = x.pick("state", { first: "O primeiro", second: "O segundo" });
      const subject = `${state ?? "Este"} estado de atribuição`;
      return `${
        x.pick("reason", {
          not_a_state: `${opt(state, "", " valor") || "Isto"} não é um estado de atribuição salvo`,
          unsupported_version: `${subject} vem de uma versão que a versão atual não consegue ler`,
          malformed: `${subject} está danificado${at(x)}`,
          fingerprint_mismatch: `${subject} foi alterado: seus dados não correspondem à sua impressão digital`,
          reference_required: `${subject} é compacto: passe o estado completo do qual começou, como { reference }`,
        }) ?? `${subject} não pode ser usado`
      }. Inicie a atribuição novamente.`;
    },
    attribution_states_differ: (x) =>
      `Estes estados de atribuição foram iniciados com períodos ou dados de referência diferentes${opt(x.join("fingerprints"), " (", ")")}, por isso não podem ser mesclados.`,
    invalid_points: (x) => `Os pontos devem ser um número igual ou maior que 0${got(x)}.`,
    invalid_program: (x) => `O programa deve ser partner ou provider${got(x)}.`,
    duplicate_tier: (x) =>
      `O nível${at(x)} aparece duas vezes${opt(x.p("firstPath"), " (primeiro em ", ")")}; mantenha um limite por nível.`,
    invalid_tier_thresholds: (x) =>
      envelope(
        "Os limites dos níveis não podem ser usados",
        x.list("issues"),
        "uma entrada é inválida",
        "entradas são inválidas",
      ),
    domain_change_refused: (x) =>
      envelope(
        "Não é possível alterar os domínios",
        x.list("problems"),
        "um domínio foi recusado",
        "domínios foram recusados",
      ),
    domain_claimed_by_another_partner: (x) =>
      `${x.s("domain") ?? "Este domínio"} já pertence ${opt(x.s("holder", "partnerId"), "ao parceiro ") || "a outro parceiro"}${opt(x.join("contenders", "partnerId"), "; ele não pode ir também para ")}. Um domínio só pode pertencer a um parceiro: insira seu próprio domínio ou peça ao titular que o libere.`,
    suggested_domain_not_set: (x) =>
      `A maioria dos seus usuários que atendem clientes${paren(x.n("suggestion", "count"), x.pct("suggestion", "share"))} usa ${x.s("suggestion", "domain") ?? "outro domínio"}, que não está entre os domínios de e-mail dos funcionários do parceiro${opt(x.join("employeeDomains"), " (", ")")}. Defina-o como ${EMPLOYEE_DOMAIN} para que esses usuários sejam reconhecidos automaticamente.`,
    email_linked_to_another_partner: (x) =>
      `${x.s("email") ?? "Este endereço"} já está vinculado${opt(x.s("clientId"), " ao cliente ")} ${opt(x.s("holder", "partnerId"), "pelo parceiro ") || "por outro parceiro"}; ${opt(x.join("contenders", "partnerId"), "o parceiro ") || "um segundo parceiro"} não pode vinculá-lo também e não receberia crédito gerenciado por este usuário. Peça ao primeiro parceiro que remova o acesso do usuário ao cliente, dê ao usuário um endereço no seu ${EMPLOYEE_DOMAIN}${opt(x.find("resolutions", "suggestedAddress"), " (", ")")} ou use outro endereço do usuário.`,
    invalid_duration: (x) =>
      `A validade deve ser um número inteiro positivo de milissegundos${got(x)}.`,
    random_source_failed: () =>
      "Não foi possível obter números aleatórios para criar o código de verificação. Tente novamente.",
    invalid_request: (x) =>
      x.list("issues")
        ? envelope(
            "A solicitação não é válida",
            x.list("issues"),
            "um campo está incorreto",
            "campos estão incorretos",
          )
        : `A solicitação não é válida.`,
    domain_not_verified: (x) =>
      `${x.join("domains") ?? "Este domínio"}: nenhuma prova de propriedade foi fornecida. Publique o registro DNS TXT da verificação do domínio, verifique-o e defina os domínios novamente com a verificação.`,
    user_already_exists: (x) =>
      `${x.s("user", "value", "email") ?? "Este usuário"} já é usuário da conta de parceiro${opt(x.s("user", "value", "partnerId"), " ")}.`,
    invalid_employee_domains: (x) =>
      envelope(
        "Não é possível definir os domínios de e-mail dos funcionários do parceiro",
        x.list("issues"),
        "um domínio foi recusado",
        "domínios foram recusados",
      ),
    partner_not_found: (x) => `O parceiro${opt(x.s("partnerId"))} não foi encontrado.`,
    user_not_found: (x) =>
      `O parceiro${opt(x.s("partnerId"))} não tem nenhum usuário${opt(x.s("email"), " com o endereço ") || " com este endereço"}.`,
    assignment_not_found: (x) =>
      `${x.s("email") ?? "Este usuário"} não tem nenhuma atribuição em aberto${opt(x.s("clientId"), " ao cliente ")}${opt(x.s("partnerId"), " com o parceiro ")}.`,
    already_assigned: (x) =>
      `${x.s("assignment", "value", "email") ?? "Este usuário"} já está atribuído${opt(x.s("assignment", "value", "clientId"), " ao cliente ")}.`,
    version_conflict: (x) =>
      `Outra pessoa alterou ${x.pick("record", { partner: "esta conta de parceiro", user: "este usuário", assignment: "esta atribuição" }) ?? "este registro"}${opt(x.s("key"), " (", ")")} ao mesmo tempo.${NOTHING} Recarregue e tente novamente.`,
    schema_too_new: (x) =>
      `O banco de dados foi preparado por uma versão mais recente (esquema ${x.n("version") ?? "?"}, esta versão conhece até o ${x.n("supported") ?? "?"}).${NOTHING} Use a versão mais recente.`,
    repository_failure: () =>
      `Não foi possível ler ou salvar os dados.${NOTHING} Tente novamente mais tarde.`,
    unexpected_error: () =>
      `Ocorreu um erro inesperado.${NOTHING} Tente novamente e, se acontecer de novo, fale com o suporte.`,
  },
};
