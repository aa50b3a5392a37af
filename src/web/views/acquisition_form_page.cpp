#include "web/views/acquisition_form_page.hpp"

#include <algorithm>

#include "core/equipment_family.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;
using html::Attr;

namespace {

void write_questionnaire_choice(HtmlWriter& w, const Acquisition& values, const std::map<std::string, std::string>& errors,
                                const std::vector<QuestionnaireOption>& questionnaires) {
    const auto error = errors.find("questionnaire_version_id");
    w.open("div", {{"class", error == errors.end() ? "field" : "field field-invalid"}});
    w.element("label", {{"for", "questionnaire_version_id"}}, "Questionnaire");
    w.open("p", {{"class", "help"}, {"id", "help-questionnaire_version_id"}});
    w.text("Le questionnaire AFIB, ou une version de la ");
    w.element("a", {{"href", "/questionnaires"}}, "bibliothèque");
    w.text(" (extensions de l'établissement). L'achat la garde : elle ne change plus une fois l'achat créé.");
    w.close("p");
    if (error != errors.end())
        w.element("p", {{"class", "field-error"}, {"id", "err-questionnaire_version_id"}}, error->second);
    w.open("select", {{"id", "questionnaire_version_id"},
                      {"name", "questionnaire_version_id"},
                      {"aria-describedby", error == errors.end() ? "help-questionnaire_version_id"
                                                                 : "help-questionnaire_version_id err-questionnaire_version_id"},
                      Attr::when(error != errors.end(), "aria-invalid", "true")});
    for (size_t i = 0; i < questionnaires.size(); ++i) {
        const bool chosen = values.questionnaire_version_id == questionnaires[i].version_id ||
                            (i == 0 && values.questionnaire_version_id == 0);
        w.element("option", {{"value", questionnaires[i].version_id}, Attr::flag("selected", chosen)},
                  questionnaires[i].label);
    }
    w.close("select");
    w.close("div");
}

// The equipment family (optional): the fixed list of core/equipment_family.hpp.
void write_equipment_family_choice(HtmlWriter& w, const Acquisition& values, const std::map<std::string, std::string>& errors) {
    const auto error = errors.find("equipment_family");
    w.open("div", {{"class", error == errors.end() ? "field" : "field field-invalid"}});
    w.element("label", {{"for", "equipment_family"}}, "Famille d'équipement (facultative)");
    w.element("p", {{"class", "help"}, {"id", "help-equipment_family"}},
              "Pour les statistiques du marché : les réponses des achats d'une même famille se comparent entre elles.");
    if (error != errors.end()) w.element("p", {{"class", "field-error"}, {"id", "err-equipment_family"}}, error->second);
    w.open("select", {{"id", "equipment_family"},
                      {"name", "equipment_family"},
                      {"aria-describedby", error == errors.end() ? "help-equipment_family" : "help-equipment_family err-equipment_family"},
                      Attr::when(error != errors.end(), "aria-invalid", "true")});
    w.element("option", {{"value", ""}, Attr::flag("selected", values.equipment_family.empty())}, "Non renseignée");
    for (const EquipmentFamily& family : equipment_families())
        w.element("option", {{"value", std::string(family.id)}, Attr::flag("selected", values.equipment_family == family.id)},
                  std::string(family.label_fr));
    w.close("select");
    w.close("div");
}

}  // namespace

std::string render_acquisition_form_page(const PageContext& context, const Acquisition& values,
                                         const std::map<std::string, std::string>& errors, bool is_new,
                                         const std::vector<QuestionnaireOption>& questionnaires) {
    PageContext page = context;
    const std::string heading = is_new ? "Nouvel achat" : "Modifier l'achat";
    if (page.title.empty()) page.title = heading;
    HtmlWriter w(8192);
    w.open("div", {{"class", "narrow"}});
    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    if (!is_new) {
        w.open("li")
            .element("a", {{"href", "/acquisitions/" + std::to_string(values.id)}}, values.title)
            .close("li");
    }
    w.open("li").element("span", {{"aria-current", "page"}}, heading).close("li");
    w.close("ol");
    w.close("nav");
    w.element("h1", {{"id", "page-title"}}, heading);
    write_form_error_summary(w, errors, "");
    w.element("p", {{"class", "hint"}}, "Les champs marqués «\u00A0obligatoire\u00A0» doivent être remplis.");
    std::string action = is_new ? "/acquisitions" : "/acquisitions/" + std::to_string(values.id);
    w.open("form", {{"method", "post"}, {"action", action}, {"class", "stack"}, {"novalidate", true}});
    write_csrf_field(w, context);
    write_form_field(w, {"title", "Intitulé de l'achat", "text", true, "Par exemple «\u00A0Échographes cardiologie 2027\u00A0»."},
                values.title, errors, "");
    write_form_field(w, {"title_en", "Intitulé en anglais (pour les fournisseurs anglophones, facultatif)", "text", false,
                         "Montré aux fournisseurs qui répondent en anglais (pages, e-mails, rapport) ; sans lui, ils "
                         "voient l'intitulé en français."},
                     values.title_en, errors, "");
    write_form_field(w, {"equipment", "Équipement", "text", true, "Désignation de l'équipement biomédical."},
                values.equipment, errors, "");
    write_form_field(w, {"service", "Service", "text", false, "Service de l'établissement concerné."}, values.service,
                errors, "");
    write_form_field(w, {"reference", "Référence du marché", "text", false, "Numéro de marché ou de consultation."},
                values.reference, errors, "");
    // The deadline: a date (the end of that day, Paris time) and, when the notice gives one, a time.
    const std::string deadline_date = values.deadline.substr(0, std::min<size_t>(values.deadline.size(), 10));
    const std::string deadline_time = values.deadline.size() > 11 ? values.deadline.substr(11) : std::string();
    write_form_field(w, {"deadline", "Date limite de réponse", "date", false,
                         "Format jj/mm/aaaa. Sans heure : jusqu'à 23 h 59, heure de Paris."},
                     deadline_date, errors, "");
    write_form_field(w, {"deadline_time", "Heure limite (facultative, heure de Paris)", "time", false, "Par exemple 12:00."},
                     deadline_time, errors, "");
    write_form_field(w, {"expected_end_of_use", "Fin d'utilisation prévue de l'équipement (facultative)", "date", false,
                         "Sans date : 7 ans après la date limite. Un système d'exploitation ou une base de données dont "
                         "le support s'arrête avant est signalé comme point de vigilance."},
                     values.expected_end_of_use, errors, "");
    write_equipment_family_choice(w, values, errors);
    write_form_field(w, {"notes", "Notes internes", "textarea", false, "Visibles uniquement par l'établissement."},
                values.notes, errors, "");
    if (is_new && !questionnaires.empty()) write_questionnaire_choice(w, values, errors, questionnaires);
    w.open("div", {{"class", "actions"}});
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}},
              is_new ? "Créer l'achat" : "Enregistrer les modifications");
    w.element("a", {{"href", is_new ? std::string("/acquisitions") : "/acquisitions/" + std::to_string(values.id)},
                    {"class", "button button-secondary"}},
              "Annuler");
    w.close("div");
    w.close("form");
    w.close("div");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
