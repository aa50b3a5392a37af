#include "web/views/acquisitions_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/progress_bars.hpp"
#include "web/views/status_labels.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

std::string render_acquisitions_page(const PageContext& context, const std::vector<AcquisitionRow>& rows,
                                     const AcquisitionListOptions& options) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Achats";
    HtmlWriter w(8192 + rows.size() * 1024);
    w.open("div", {{"class", "page-head"}});
    w.element("h1", {{"id", "page-title"}}, options.archives ? "Achats archivés" : "Achats");
    if (options.can_create && !options.archives)
        w.element("a", {{"href", "/acquisitions/new"}, {"class", "button button-primary"}}, "Nouvel achat");
    w.close("div");
    w.open("p", {{"class", "archive-filter"}});
    if (options.archives) w.element("a", {{"href", "/acquisitions"}, {"id", "show-current"}}, "← Achats en cours");
    else w.element("a", {{"href", "/acquisitions?archives=1"}, {"id", "show-archives"}}, "Voir les achats archivés");
    w.close("p");
    if (options.administration)
        w.element("p", {{"class", "lead"}},
                  "En tant qu'administrateur, vous gérez l'équipe de chaque achat (pilote, relecteurs DSI / RSSI, "
                  "acheteurs, observateurs) ; les réponses des fournisseurs sont lues par les membres de l'équipe.");
    else
        w.element("p", {{"class", "lead"}},
                  "Chaque achat rassemble les fournisseurs invités à remplir le questionnaire de sécurité numérique de "
                  "l'AFIB. Vous voyez les achats dont vous faites partie de l'équipe.");
    if (rows.empty() && options.archives) {
        w.element("p", {{"class", "empty"}}, "Aucun achat archivé.");
        return render_layout(page, w.take());
    }
    if (rows.empty()) {
        w.element("p", {{"class", "empty"}},
                  options.can_create ? "Aucun achat pour l'instant. Créez-en un avec le bouton «\u00A0Nouvel achat\u00A0»."
                                     : "Aucun achat pour l'instant : le pilote d'un achat peut vous ajouter à son équipe.");
        return render_layout(page, w.take());
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table acquisitions"}});
    w.element("caption", "Liste des achats (" + std::to_string(rows.size()) + ")");
    w.open("thead").open("tr");
    for (const char* header : {"Achat", "Équipement", "Service", "Référence", "Échéance", "Statut"})
        w.element("th", {{"scope", "col"}}, header);
    w.element("th", {{"scope", "col"}}, options.administration ? "Équipe" : "Mon rôle");
    if (!options.administration) w.element("th", {{"scope", "col"}}, "Fournisseurs");
    w.close("tr").close("thead");
    w.open("tbody");
    for (const auto& row : rows) {
        const Acquisition& a = row.acquisition;
        w.open("tr");
        w.open("th", {{"scope", "row"}});
        const std::string href = "/acquisitions/" + std::to_string(a.id);
        w.element("a", {{"href", options.administration ? href + "/members" : href}}, a.title);
        w.close("th");
        w.element("td", a.equipment);
        w.element("td", a.service);
        w.element("td", a.reference);
        w.open("td");
        if (!a.deadline.empty()) w.element("time", {{"datetime", a.deadline}}, format_date(a.deadline, Language::fr));
        w.close("td");
        w.element("td", acquisition_status_label(a));
        if (options.administration) {
            w.open("td");
            w.element("a", {{"href", href + "/members"}}, "Gérer l'équipe");
            w.close("td").close("tr");
            continue;
        }
        w.element("td", row.role ? std::string(purchase_role_label_fr(*row.role)) : std::string());
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
