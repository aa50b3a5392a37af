#include "web/views/acquisitions_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/progress_bars.hpp"
#include "web/views/status_labels.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

std::string render_acquisitions_page(const PageContext& context, const std::vector<AcquisitionRow>& rows) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Achats";
    HtmlWriter w(8192 + rows.size() * 1024);
    w.open("div", {{"class", "page-head"}});
    w.element("h1", {{"id", "page-title"}}, "Achats");
    w.element("a", {{"href", "/acquisitions/new"}, {"class", "button button-primary"}}, "Nouvel achat");
    w.close("div");
    w.element("p", {{"class", "lead"}},
              "Chaque achat rassemble les fournisseurs invités à remplir le questionnaire de sécurité numérique de "
              "l'AFIB.");
    if (rows.empty()) {
        w.element("p", {{"class", "empty"}}, "Aucun achat pour l'instant. Créez-en un avec le bouton «\u00A0Nouvel achat\u00A0».");
        return render_layout(page, w.take());
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table acquisitions"}});
    w.element("caption", "Liste des achats (" + std::to_string(rows.size()) + ")");
    w.open("thead").open("tr");
    for (const char* header : {"Achat", "Équipement", "Service", "Référence", "Échéance", "Statut", "Fournisseurs"})
        w.element("th", {{"scope", "col"}}, header);
    w.close("tr").close("thead");
    w.open("tbody");
    for (const auto& row : rows) {
        const Acquisition& a = row.acquisition;
        w.open("tr");
        w.open("th", {{"scope", "row"}});
        w.element("a", {{"href", "/acquisitions/" + std::to_string(a.id)}}, a.title);
        w.close("th");
        w.element("td", a.equipment);
        w.element("td", a.service);
        w.element("td", a.reference);
        w.open("td");
        if (!a.deadline.empty()) w.element("time", {{"datetime", a.deadline}}, format_date(a.deadline, Language::fr));
        w.close("td");
        w.element("td", acquisition_status_label(a));
        w.open("td");
        if (row.vendors.empty()) {
            w.element("span", {{"class", "muted"}}, "Aucun fournisseur invité");
        } else {
            w.open("ul", {{"class", "vendor-summary"}});
            for (const auto& vendor : row.vendors) {
                w.open("li");
                w.element("span", {{"class", "vendor-company"}}, vendor.response.company);
                w.text(" ");
                write_response_status_badge(w, vendor.response);
                w.text(" ");
                write_inline_progress(w, vendor.progress, vendor.response.company);
                w.close("li");
            }
            w.close("ul");
        }
        w.close("td");
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
