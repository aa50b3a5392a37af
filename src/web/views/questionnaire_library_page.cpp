#include "web/views/questionnaire_library_page.hpp"

#include "core/text_format.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

std::string kind_text(const LibraryEntry& entry) {
    if (entry.builtin()) return "Questionnaire AFIB intégré";
    if (entry.kind == "extension") return "Extension de " + entry.base_version;
    return "Questionnaire complet";
}

void write_entries(HtmlWriter& w, const std::vector<LibraryEntry>& entries) {
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table"}, {"id", "library"}});
    w.element("caption", {{"class", "visually-hidden"}}, "Versions du questionnaire");
    w.open("thead").open("tr");
    for (const char* heading : {"Questionnaire", "Version", "Nature", "Grille d'évaluation", "Achats", "Ajouté", "Vierge"})
        w.element("th", {{"scope", "col"}}, heading);
    w.close("tr").close("thead").open("tbody");
    for (const auto& entry : entries) {
        w.open("tr", {{"data-version-id", entry.questionnaire_version_id}});
        w.element("th", {{"scope", "row"}}, entry.title);
        w.open("td").element("code", entry.questionnaire_id + " " + entry.version).close("td");
        w.element("td", kind_text(entry));
        w.element("td", entry.has_grid ? "oui" : "non (pas de score)");
        w.element("td", entry.purchases == 0 ? std::string("aucun")
                                             : count_with_noun(static_cast<size_t>(entry.purchases), "achat", "achats",
                                                               Language::fr));
        w.open("td");
        if (entry.builtin()) {
            w.text("avec le logiciel");
        } else {
            w.text(format_datetime(entry.created_at, Language::fr));
            if (!entry.file_name.empty()) {
                w.text(" — ");
                w.element("span", {{"class", "file-name"}}, entry.file_name);
            }
        }
        w.close("td");
        const std::string base = "/questionnaires/" + std::to_string(entry.questionnaire_version_id) + "/questionnaire.";
        w.open("td", {{"class", "downloads"}});
        w.element("a", {{"href", base + "xlsx"}, {"download", true}}, "Excel");
        w.text(" · ");
        w.element("a", {{"href", base + "pdf"}, {"download", true}}, "PDF");
        w.close("td");
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
}

void write_upload(HtmlWriter& w, const PageContext& context, const LibraryPageData& data) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "add-title"}, {"id", "add-version"}});
    w.element("h2", {{"id", "add-title"}}, "Ajouter une version");
    w.element("p", {{"class", "help"}},
              "Un questionnaire complet, ou une extension d'une version de la bibliothèque (ajouter des sections ou des "
              "questions, rendre une question obligatoire ou facultative, masquer une question, ajouter une note ou une "
              "aide, ajouter des règles à la grille), au format YAML décrit dans la documentation "
              "(docs/questionnaire-format.md, « Extensions »). Tout est vérifié avant l'enregistrement ; une version "
              "enregistrée ne change plus : un nouvel envoi est une nouvelle version.");
    if (!data.summary.empty()) {
        w.open("div", {{"class", "error-summary"}, {"role", "alert"}, {"id", "library-errors"}, {"tabindex", "-1"}});
        w.element("p", {{"class", "error-summary-title"}}, data.summary);
        w.open("ol", {{"class", "definition-errors"}});
        for (const auto& error : data.errors) w.element("li", error);
        w.close("ol");
        w.close("div");
    }
    w.open("form", {{"method", "post"}, {"action", "/questionnaires"}, {"enctype", "multipart/form-data"}, {"class", "stack"}});
    write_csrf_field(w, context);
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "library-file"}}, "Fichier YAML");
    w.void_tag("input", {{"type", "file"}, {"id", "library-file"}, {"name", "file"}, {"accept", ".yaml,.yml,text/yaml"}});
    w.close("div");
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "library-yaml"}}, "Ou le texte YAML");
    w.element("p", {{"class", "help"}, {"id", "help-library-yaml"}}, "Utilisé quand aucun fichier n'est choisi.");
    w.open("textarea", {{"id", "library-yaml"}, {"name", "yaml"}, {"rows", 14}, {"class", "code-input"},
                        {"spellcheck", "false"}, {"aria-describedby", "help-library-yaml"},
                        Attr::when(!data.summary.empty(), "aria-invalid", "true")});
    w.text(data.typed_yaml);
    w.close("textarea");
    w.close("div");
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Vérifier et ajouter");
    w.close("form");
    w.close("section");
}

}  // namespace

std::string render_questionnaire_library_page(const PageContext& context, const LibraryPageData& data) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Questionnaires";
    HtmlWriter w(16384);
    w.element("h1", {{"id", "page-title"}}, "Bibliothèque des questionnaires");
    w.element("p", {{"class", "lead"}},
              "Chaque achat est créé sur l'une de ces versions et la garde : ses fournisseurs, ses logigrammes, ses "
              "classeurs, ses rapports et son score suivent cette version.");
    write_entries(w, data.entries);
    if (data.may_add) write_upload(w, context, data);
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
