#include "web/views/acquisitions_page.hpp"

#include <algorithm>

#include "core/text_format.hpp"  // CYB_NBSP
#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/progress_bars.hpp"
#include "web/views/status_labels.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

std::string purchase_list_href(bool archives, const PurchaseListQuery& query) {
    std::string params;
    const auto add = [&params](std::string_view name, std::string_view value) {
        params += (params.empty() ? "?" : "&") + std::string(name) + "=" + html::url_encode(value);
    };
    if (archives) add("archives", "1");
    if (!query.text.empty()) add("q", query.text);
    if (query.sort != PurchaseSortKey::created) add("sort", purchase_sort_key_name(query.sort));
    if (query.order) add("order", sort_order_name(*query.order));
    if (query.status) add("status", purchase_status_name(*query.status));
    return "/acquisitions" + params;
}

namespace {

// "0 achat sur 3", "1 achat sur 3", "2 achats sur 3".
std::string purchase_count_text(size_t shown, size_t total) {
    return std::to_string(shown) + (shown > 1 ? " achats sur " : " achat sur ") + std::to_string(total);
}

void write_purchase_search(HtmlWriter& w, const AcquisitionListOptions& options) {
    const PurchaseListQuery& query = options.query;
    w.open("form", {{"method", "get"}, {"action", "/acquisitions"}, {"class", "card filters purchase-search"},
                    {"role", "search"}, {"aria-label", "Rechercher un achat"}});
    if (options.archives) w.void_tag("input", {{"type", "hidden"}, {"name", "archives"}, {"value", "1"}});
    w.open("div", {{"class", "filter-row"}});
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "purchase-q"}}, "Rechercher");
    w.void_tag("input", {{"type", "search"}, {"id", "purchase-q"}, {"name", "q"}, {"value", query.text},
                         {"maxlength", static_cast<int>(kPurchaseSearchMaxCharacters)},
                         {"placeholder", "titre, référence, équipement, service"}});
    w.close("div");
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "purchase-sort"}}, "Trier par");
    w.open("select", {{"id", "purchase-sort"}, {"name", "sort"}});
    for (const auto& [key, label] : {std::pair{PurchaseSortKey::created, "Date de création"},
                                     {PurchaseSortKey::title, "Titre"},
                                     {PurchaseSortKey::reference, "Référence"},
                                     {PurchaseSortKey::deadline, "Date limite"},
                                     {PurchaseSortKey::status, "Statut"}})
        w.element("option", {{"value", purchase_sort_key_name(key)}, Attr::flag("selected", query.sort == key)}, label);
    w.close("select");
    w.close("div");
    w.open("div", {{"class", "field"}});
    w.element("label", {{"for", "purchase-order"}}, "Ordre");
    w.open("select", {{"id", "purchase-order"}, {"name", "order"}});
    w.element("option", {{"value", ""}, Attr::flag("selected", !query.order)}, "Par défaut");
    w.element("option", {{"value", "asc"}, Attr::flag("selected", query.order == SortOrder::ascending)}, "Croissant");
    w.element("option", {{"value", "desc"}, Attr::flag("selected", query.order == SortOrder::descending)}, "Décroissant");
    w.close("select");
    w.close("div");
    if (!options.archives) {
        w.open("div", {{"class", "field"}});
        w.element("label", {{"for", "purchase-status"}}, "Statut");
        w.open("select", {{"id", "purchase-status"}, {"name", "status"}});
        w.element("option", {{"value", ""}, Attr::flag("selected", !query.status)}, "Tous (hors archives)");
        for (PurchaseStatus status : {PurchaseStatus::draft, PurchaseStatus::open, PurchaseStatus::closed})
            w.element("option", {{"value", purchase_status_name(status)}, Attr::flag("selected", query.status == status)},
                      purchase_status_label(status));
        w.close("select");
        w.close("div");
    }
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Filtrer");
    if (!query.is_default())
        w.element("a", {{"href", purchase_list_href(options.archives, {})}, {"class", "button button-secondary"},
                        {"id", "reset-search"}},
                  "Réinitialiser");
    w.close("div");
    w.close("form");
}

// A column header that sorts the list by `key`: A → Z first, then the other way round.
void write_sort_header(HtmlWriter& w, const AcquisitionListOptions& options, PurchaseSortKey key, std::string_view label) {
    const PurchaseListQuery& current = options.query;
    const bool sorted = current.sort == key;
    const bool descending = current.effective_order() == SortOrder::descending;
    PurchaseListQuery next = current;
    next.sort = key;
    next.order = sorted ? std::optional(descending ? SortOrder::ascending : SortOrder::descending) : std::nullopt;
    w.open("th", {{"scope", "col"}, Attr::when(sorted, "aria-sort", descending ? "descending" : "ascending")});
    w.element("a", {{"href", purchase_list_href(options.archives, next)}, {"class", "sort-link"},
                    {"id", "sort-" + std::string(purchase_sort_key_name(key))}},
              label);
    if (sorted) w.element("span", {{"aria-hidden", "true"}}, descending ? CYB_NBSP "▼" : CYB_NBSP "▲");
    w.close("th");
}

}  // namespace

std::string render_acquisitions_page(const PageContext& context, const std::vector<AcquisitionRow>& rows,
                                     const AcquisitionListOptions& options) {
    PageContext page = context;
    if (page.title.empty()) page.title = "Achats";
    HtmlWriter w(8192 + rows.size() * 1024);
    w.open("div", {{"class", "page-head"}});
    w.element("h1", {{"id", "page-title"}}, options.archives ? "Achats archivés" : "Achats");
    if (options.can_create && !options.archives) {
        w.open("div", {{"class", "page-actions"}});
        w.element("a", {{"href", "/acquisitions/restore"}, {"class", "button button-secondary"}, {"id", "restore-archive"}},
                  "Restaurer une archive");
        w.element("a", {{"href", "/acquisitions/new"}, {"class", "button button-primary"}}, "Nouvel achat");
        w.close("div");
    }
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
    const size_t total = std::max(options.total, rows.size());
    if (total == 0 && options.archives) {
        w.element("p", {{"class", "empty"}}, "Aucun achat archivé.");
        return render_layout(page, w.take());
    }
    if (total == 0) {
        w.element("p", {{"class", "empty"}},
                  options.can_create ? "Aucun achat pour l'instant. Créez-en un avec le bouton «\u00A0Nouvel achat\u00A0»."
                                     : "Aucun achat pour l'instant : le pilote d'un achat peut vous ajouter à son équipe.");
        return render_layout(page, w.take());
    }
    write_purchase_search(w, options);
    w.element("p", {{"class", "list-count"}, {"id", "purchase-count"}}, purchase_count_text(rows.size(), total));
    if (rows.empty()) {
        w.open("p", {{"class", "empty"}, {"id", "no-match"}});
        w.text("Aucun achat ne correspond à la recherche. ");
        w.element("a", {{"href", purchase_list_href(options.archives, {})}}, "Afficher tous les achats");
        w.close("p");
        return render_layout(page, w.take());
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table acquisitions"}});
    w.element("caption", "Liste des achats (" + std::to_string(rows.size()) + ")");
    w.open("thead").open("tr");
    write_sort_header(w, options, PurchaseSortKey::title, "Achat");
    w.element("th", {{"scope", "col"}}, "Équipement");
    w.element("th", {{"scope", "col"}}, "Service");
    write_sort_header(w, options, PurchaseSortKey::reference, "Référence");
    write_sort_header(w, options, PurchaseSortKey::deadline, "Échéance");
    write_sort_header(w, options, PurchaseSortKey::status, "Statut");
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
