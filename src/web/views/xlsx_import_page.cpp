#include "web/views/xlsx_import_page.hpp"

#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

const char* status_label(xlsx::RowStatus status, Language lang) {
    switch (status) {
        case xlsx::RowStatus::imported: return L(lang, "Importée", "Imported");
        case xlsx::RowStatus::unchanged: return L(lang, "Inchangée", "Unchanged");
        case xlsx::RowStatus::rejected: return L(lang, "Refusée", "Rejected");
        case xlsx::RowStatus::ignored_branch: return L(lang, "Ignorée (sans objet)", "Ignored (does not apply)");
        case xlsx::RowStatus::ignored_document: return L(lang, "Ignorée (document)", "Ignored (document)");
    }
    return "";
}

const char* status_class(xlsx::RowStatus status) {
    switch (status) {
        case xlsx::RowStatus::imported: return "badge badge-done";
        case xlsx::RowStatus::rejected: return "badge badge-error";
        default: return "badge";
    }
}

void write_upload_form(HtmlWriter& w, const PageContext& context, const ImportPageView& view) {
    const Language lang = context.language;
    w.open("form", {{"method", "post"}, {"action", view.upload_action}, {"enctype", "multipart/form-data"}, {"class", "card"}});
    write_csrf_field(w, context);
    w.element("h2", L(lang, "Importer un classeur rempli", "Import a filled workbook"));
    w.element("p", L(lang,
                     "Choisissez le classeur Excel (.xlsx) téléchargé depuis cette plateforme et rempli. Rien n'est "
                     "enregistré avant que vous ayez vu le rapport ligne par ligne et confirmé. Les cellules laissées "
                     "vides n'effacent rien.",
                     "Choose the Excel workbook (.xlsx) downloaded from this platform and filled in. Nothing is saved "
                     "before you have seen the row-by-row report and confirmed. Cells left empty erase nothing."));
    w.element("label", {{"for", "xlsx-file"}}, L(lang, "Fichier Excel (.xlsx)", "Excel file (.xlsx)"));
    w.void_tag("input", {{"type", "file"}, {"id", "xlsx-file"}, {"name", "file"}, {"required", true},
                         {"accept", ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
    w.open("p", {{"class", "actions"}});
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}},
              L(lang, "Voir l'aperçu de l'import", "Preview the import"));
    w.close("p");
    w.close("form");
}

void write_report(HtmlWriter& w, const PageContext& context, const ImportPageView& view) {
    const Language lang = context.language;
    const auto& plan = *view.plan;
    size_t counts[5] = {};
    for (const auto& row : plan.rows) ++counts[static_cast<int>(row.status)];
    w.open("section", {{"class", "card"}, {"aria-labelledby", "report-title"}, {"id", "import-report"}});
    w.element("h2", {{"id", "report-title"}},
              view.applied ? L(lang, "Import effectué", "Import done") : L(lang, "Aperçu de l'import", "Import preview"));
    if (!view.file_name.empty()) w.element("p", with_colon(L(lang, "Fichier", "File"), lang) + view.file_name);
    if (view.applied)
        w.element("p", {{"class", "flash"}, {"id", "import-result"}},
                  std::string(L(lang, "Réponses enregistrées : ", "Answers saved: ")) + std::to_string(view.saved));
    w.open("ul", {{"class", "import-summary"}});
    for (int s = 0; s < 5; ++s)
        w.element("li", {{"data-status", std::string(xlsx::row_status_name(static_cast<xlsx::RowStatus>(s)))}},
                  with_colon(status_label(static_cast<xlsx::RowStatus>(s), lang), lang) + std::to_string(counts[s]));
    w.element("li", with_colon(L(lang, "Lignes vides (rien à faire)", "Empty rows (nothing to do)"), lang) +
                        std::to_string(plan.empty_rows));
    w.close("ul");

    if (!plan.rows.empty()) {
        // "Only the refused rows": a checkbox the style sheet reads (the rows after it are hidden
        // unless refused), so it works without JavaScript; shown only when some row is refused.
        const size_t rejected = counts[static_cast<int>(xlsx::RowStatus::rejected)];
        if (rejected > 0) {
            w.open("div", {{"class", "choice import-filter"}});
            w.void_tag("input", {{"type", "checkbox"}, {"id", "only-rejected"}, {"class", "only-rejected"}});
            w.element("label", {{"for", "only-rejected"}},
                      std::string(L(lang, "Afficher seulement les lignes refusées (", "Show only the rejected rows (")) +
                          std::to_string(rejected) + ")");
            w.close("div");
        }
        w.open("div", {{"class", "table-wrap import-rows"}});
        w.open("table", {{"class", "data-table"}, {"id", "import-rows"}});
        w.open("thead").open("tr");
        // The verdict first: on a narrow screen (or a long label) it is what must stay in view.
        for (const char* header : {L(lang, "Résultat", "Result"), L(lang, "Feuille", "Sheet"), L(lang, "Ligne", "Row"), "ID",
                                   "Question", L(lang, "Valeur du fichier", "Value in the file")})
            w.element("th", {{"scope", "col"}}, header);
        w.close("tr").close("thead");
        w.open("tbody");
        for (const auto& row : plan.rows) {
            w.open("tr", {{"data-id", row.id}, {"data-status", std::string(xlsx::row_status_name(row.status))}});
            w.open("td", {{"class", "import-verdict"}});
            w.element("span", {{"class", status_class(row.status)}}, status_label(row.status, lang));
            const std::string& message = row.message.in(lang);
            if (!message.empty()) {
                w.text(" ");
                w.text(message);
            }
            w.close("td");
            w.element("td", row.sheet);
            w.element("td", std::to_string(row.row));
            w.element("td", {{"class", "mono"}}, row.id);
            w.element("td", row.label);
            w.element("td", row.cell_text);
            w.close("tr");
        }
        w.close("tbody");
        w.close("table");
        w.close("div");
    }

    if (!view.applied) {
        const size_t to_save = plan.changes.size();
        if (to_save == 0) {
            w.element("p", L(lang, "Rien à enregistrer : le fichier n'apporte aucune réponse nouvelle ou modifiée.",
                             "Nothing to save: the file brings no new or changed answer."));
        } else {
            w.open("form", {{"method", "post"}, {"action", view.apply_action}});
            write_csrf_field(w, context);
            w.void_tag("input", {{"type", "hidden"}, {"name", "token"}, {"value", view.token}});
            w.element("p", std::string(L(lang, "Réponses qui seront enregistrées : ", "Answers that will be saved: ")) +
                               std::to_string(to_save));
            w.element("button", {{"type", "submit"}, {"class", "button button-primary"}, {"id", "apply-import"}},
                      L(lang, "Appliquer l'import", "Apply the import"));
            w.close("form");
        }
    }
    w.close("section");
}

}  // namespace

std::string render_import_page(const PageContext& context, const ImportPageView& view) {
    const Language lang = context.language;
    HtmlWriter w(16384);
    write_page_heading(w, view.subject, L(lang, "Import d'un classeur Excel", "Import of an Excel workbook"));
    if (!view.error.empty()) w.element("p", {{"class", "flash flash-error"}, {"role", "alert"}, {"id", "import-error"}}, view.error);
    if (view.plan) write_report(w, context, view);
    if (!write_import_refusal(w, lang, view.submitted, view.locked) && (!view.plan || view.applied))
        write_upload_form(w, context, view);
    w.open("p", {{"class", "actions"}});
    w.element("a", {{"href", view.export_url}, {"class", "button button-secondary"}, {"download", true}},
              L(lang, "Télécharger le classeur Excel", "Download the Excel workbook"));
    w.element("a", {{"href", view.back_url}, {"class", "button button-secondary"}}, L(lang, "Retour", "Back"));
    w.close("p");
    PageContext page = context;
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
