#include "web/views/purchase_question_page.hpp"

#include "core/text_format.hpp"
#include "core/utf8.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

struct Option {
    std::string value;
    std::string label;
};
struct OptionGroup {
    std::string label;  // "" : options outside any group
    std::vector<Option> options;
};

// A labelled <select> with its help and error, as write_form_field writes the other fields.
void write_select(HtmlWriter& w, const std::string& name, const std::string& label, const char* help,
                  const std::vector<OptionGroup>& groups, const std::string& chosen,
                  const std::map<std::string, std::string>& errors) {
    const auto error = errors.find(name);
    const bool invalid = error != errors.end();
    std::string described = help ? "help-" + name : std::string();
    if (invalid) described += (described.empty() ? "" : " ") + std::string("err-") + name;
    w.open("div", {{"class", invalid ? "field field-invalid" : "field"}});
    w.element("label", {{"for", name}}, label);
    if (help) w.element("p", {{"class", "help"}, {"id", "help-" + name}}, help);
    if (invalid) w.element("p", {{"class", "field-error"}, {"id", "err-" + name}}, error->second);
    w.open("select", {{"id", name}, {"name", name}, Attr::optional("aria-describedby", described),
                      Attr::when(invalid, "aria-invalid", "true")});
    for (const auto& group : groups) {
        if (!group.label.empty()) w.open("optgroup", {{"label", group.label}});
        for (const auto& option : group.options)
            w.element("option", {{"value", option.value}, Attr::flag("selected", option.value == chosen)}, option.label);
        if (!group.label.empty()) w.close("optgroup");
    }
    w.close("select");
    w.close("div");
}

std::string shortened(const std::string& text, size_t max = 90) {
    if (utf8_character_count(text) <= max) return text;
    size_t bytes = 0, count = 0;
    while (bytes < text.size() && count < max) {
        const unsigned char c = static_cast<unsigned char>(text[bytes]);
        bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++count;
    }
    return text.substr(0, bytes) + "…";
}

std::vector<OptionGroup> position_options(const Questionnaire& questionnaire) {
    std::vector<OptionGroup> groups{{"", {{"", "— Choisissez l'emplacement —"}}}};
    for (const Section* section : questionnaire.sections()) {
        OptionGroup group{section->title.fr, {}};
        group.options.push_back({"first:" + section->id, "Au début de la section « " + shortened(section->title.fr, 60) + " »"});
        for (const auto& question : section->questions)
            group.options.push_back({"after:" + question.id, "Après « " + shortened(question.label.fr) + " »"});
        group.options.push_back({"last:" + section->id, "À la fin de la section « " + shortened(section->title.fr, 60) + " »"});
        groups.push_back(std::move(group));
    }
    return groups;
}

std::vector<OptionGroup> condition_options(const Questionnaire& questionnaire) {
    std::vector<OptionGroup> groups{{"", {{"", "Toujours posée (sans condition)"}}}};
    for (const Section* section : questionnaire.sections()) {
        OptionGroup group{section->title.fr, {}};
        for (const auto& question : section->questions) {
            const std::string asked = "« " + shortened(question.label.fr, 80) + " »";
            if (question.kind == QuestionKind::yes_no) {
                group.options.push_back({question.id + " == oui", asked + " = Oui"});
                group.options.push_back({question.id + " == non", asked + " = Non"});
            } else if (question.kind == QuestionKind::single_choice || question.kind == QuestionKind::multiple_choice) {
                for (const auto& choice : question.choices)
                    group.options.push_back({question.id + " == " + choice.id, asked + " = " + shortened(choice.label.fr, 50)});
            }
        }
        if (!group.options.empty()) groups.push_back(std::move(group));
    }
    return groups;
}

void write_added(HtmlWriter& w, const PurchaseQuestionPageData& data) {
    w.open("section", {{"aria-labelledby", "added-title"}, {"class", "card"}});
    w.element("h2", {{"id", "added-title"}}, "Questions propres à cet achat");
    if (data.added.empty()) {
        w.element("p", {{"class", "empty"}}, "Aucune pour l'instant : l'achat pose son questionnaire tel quel.");
    } else {
        w.open("ul", {{"id", "added-questions"}});
        for (const auto& added : data.added) {
            const Question* question = data.questionnaire->find_question(added.question_id);
            w.open("li", {{"data-question-id", added.question_id}});
            w.element("span", question ? question->label.fr : added.question_id + " (retirée)");
            w.text(" — ajoutée le " + format_datetime(added.added_at.substr(0, 19) + "Z", Language::fr));
            w.close("li");
        }
        w.close("ul");
    }
    w.close("section");
}

}  // namespace

std::string render_purchase_question_page(const PageContext& context, const PurchaseQuestionPageData& data) {
    PageContext page = context;
    const std::string heading = "Ajouter une question à cet achat";
    const std::string purchase_url = "/acquisitions/" + std::to_string(data.acquisition.id);
    HtmlWriter w(65536);
    w.open("div", {{"class", "narrow"}});
    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}}).open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    w.open("li").element("a", {{"href", purchase_url}}, data.acquisition.title).close("li");
    w.open("li").element("span", {{"aria-current", "page"}}, heading).close("li");
    w.close("ol").close("nav");
    w.element("h1", {{"id", "page-title"}}, heading);
    w.element("p", {{"class", "lead"}},
              "La question ne s'ajoute qu'au questionnaire de cet achat (" + data.questionnaire->id + " " +
                  data.questionnaire->version +
                  ") : les autres achats et la bibliothèque ne changent pas. Elle suit partout le questionnaire de "
                  "l'achat : pages des fournisseurs, logigrammes, classeurs Excel, rapports PDF, score et comparaison.");
    if (data.vendors_opened > 0) {
        w.element("p", {{"class", "notice"}, {"role", "note"}, {"id", "vendors-started"}},
                  (data.vendors_opened == 1
                       ? std::string("1 fournisseur a déjà ouvert son lien : la question lui sera signalée comme "
                                     "nouvelle, et rien de ce qu'il a répondu ne change.")
                       : std::to_string(data.vendors_opened) +
                             " fournisseurs ont déjà ouvert leur lien : la question leur sera signalée comme nouvelle, "
                             "et rien de ce qu'ils ont répondu ne change.") +
                      (data.vendors_submitted > 0
                           ? " Une réponse déjà transmise ne change pas non plus : rouvrez-la pour que le fournisseur "
                             "réponde à la nouvelle question."
                           : std::string()));
    }
    if (data.closed) {
        w.element("p", {{"class", "notice"}, {"role", "alert"}},
                  "L'achat est clos : son questionnaire ne change plus. Rouvrez-le d'abord.");
        write_added(w, data);
        w.close("div");
        return render_layout(page, w.take());
    }
    if (!data.summary.empty() || !data.definition_errors.empty()) {
        w.open("div", {{"class", "error-summary"}, {"role", "alert"}, {"tabindex", "-1"}, {"id", "definition-errors"}});
        w.element("h2", "La question n'a pas été ajoutée");
        if (!data.summary.empty()) w.element("p", data.summary);
        if (!data.definition_errors.empty()) {
            w.open("ul");
            for (const auto& error : data.definition_errors) w.element("li", error);
            w.close("ul");
        }
        w.close("div");
    }
    write_form_error_summary(w, data.errors, "");
    const auto& draft = data.draft;
    const auto& errors = data.errors;
    w.open("form", {{"method", "post"}, {"action", purchase_url + "/questions"}, {"class", "stack"}, {"novalidate", true}});
    write_csrf_field(w, context);

    w.open("fieldset").element("legend", "La question");
    write_select(w, "position", "Emplacement", "La section où elle apparaît, et après quelle question.",
                 position_options(*data.questionnaire), draft.position, errors);
    std::vector<OptionGroup> kinds{{"", {}}};
    for (const auto& [name, label] : purchase_question_kinds()) kinds[0].options.push_back({name, label});
    write_select(w, "kind", "Type de réponse", nullptr, kinds, draft.kind, errors);
    write_form_field(w, {"label_fr", "Libellé en français", "text", true}, draft.label_fr, errors, "");
    write_form_field(w, {"label_en", "Libellé en anglais (pour les fournisseurs anglophones)", "text", false,
                         "Sans lui, les fournisseurs qui répondent en anglais lisent le libellé français."},
                     draft.label_en, errors, "");
    write_form_field(w, {"choices", "Choix proposés (listes seulement)", "textarea", false,
                         "Un choix par ligne : « Libellé français | English label »."},
                     draft.choices, errors, "");
    w.open("div", {{"class", "field"}});
    w.open("label", {{"class", "checkbox"}});
    w.void_tag("input", {{"type", "checkbox"}, {"name", "required"}, {"value", "1"}, {"id", "required"},
                         Attr::flag("checked", draft.required)});
    w.text(" Réponse obligatoire (quand la question s'applique)");
    w.close("label");
    w.close("div");
    write_select(w, "condition", "Condition",
                 "La question n'est posée que si le fournisseur a donné cette réponse (une question Oui / Non ou à choix "
                 "de l'achat). Sinon, elle ne s'applique pas et n'est ni posée ni comptée.",
                 condition_options(*data.questionnaire), draft.condition, errors);
    write_form_field(w, {"help_fr", "Note (informations complémentaires, en français)", "textarea", false,
                         "Pourquoi l'établissement pose cette question ; montrée sous la question."},
                     draft.help_fr, errors, "");
    write_form_field(w, {"help_en", "Note en anglais", "textarea", false}, draft.help_en, errors, "");
    w.close("fieldset");

    w.open("fieldset").element("legend", "Grille d'évaluation (pour l'établissement seulement)");
    w.element("p", {{"class", "help"}},
              "Une règle fait compter la réponse dans le score ; une réponse défavorable devient un point de "
              "vigilance. Les fournisseurs ne voient jamais la grille.");
    write_select(w, "rule", "Règle", nullptr,
                 {{"",
                   {{"", "Pas de règle (la réponse ne compte pas dans le score)"},
                    {"oui", "Favorable si Oui"},
                    {"non", "Favorable si Non"},
                    {"answered", "Favorable si le fournisseur répond (un document : un fichier)"}}}},
                 draft.rule, errors);
    write_form_field(w, {"weight", "Poids (1 à 100)", "text", false}, draft.weight, errors, "");
    write_select(w, "severity", "Gravité d'une réponse défavorable", nullptr,
                 {{"",
                   {{"info", "Information"},
                    {"minor", "Mineure"},
                    {"major", "Majeure"},
                    {"critical", "Critique"}}}},
                 draft.severity, errors);
    write_form_field(w, {"rationale_fr", "Justification de la règle (obligatoire avec une règle)", "text", false,
                         "Une ligne montrée avec le point de vigilance."},
                     draft.rationale_fr, errors, "");
    write_form_field(w, {"rationale_en", "Justification en anglais", "text", false}, draft.rationale_en, errors, "");
    w.close("fieldset");

    w.open("div", {{"class", "actions"}});
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Ajouter la question");
    w.element("a", {{"href", purchase_url}, {"class", "button button-secondary"}}, "Annuler");
    w.close("div");
    w.close("form");
    write_added(w, data);
    w.close("div");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
