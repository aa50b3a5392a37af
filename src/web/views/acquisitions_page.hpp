#pragma once
// GET /acquisitions: table of purchases (title → /acquisitions/{id}, equipment, service, reference,
// deadline, status) with each vendor's company, status (Brouillon / Soumis le …) and a progress bar
// (<progress> with text), and the account's role in each. Button "Nouvel achat" → /acquisitions/new
// for those who may create one. An administrator's list: every purchase, each linking to its team
// (/acquisitions/{id}/members), without vendors. Archived purchases are listed apart: a link
// "Achats archivés" (/acquisitions?archives=1) and back.
//
// Above the table, a GET search form (no JavaScript): "Rechercher" (q), "Trier par" (sort),
// "Ordre" (order), "Statut" (status; not in the archives' list, where every one is archived),
// button "Filtrer", each value shown back as it applies; a line "N achats sur M"; when nothing
// matches, "Aucun achat ne correspond à la recherche." with a link back to the whole list. The
// headers Achat, Référence, Échéance and Statut are sort links (aria-sort on the sorted one).
#include <string>
#include <vector>

#include <optional>

#include "core/acquisition.hpp"
#include "core/purchase_list_query.hpp"
#include "core/purchase_role.hpp"
#include "web/views/page_context.hpp"
#include "web/views/vendor_row.hpp"

namespace cyberachat::web::views {

struct AcquisitionRow {
    Acquisition acquisition;
    std::vector<VendorRow> vendors;
    std::optional<PurchaseRole> role;  // the account's role in it; nullopt: the administrator's list
};

struct AcquisitionListOptions {
    bool can_create = true;      // shows "Nouvel achat"
    bool administration = false; // an administrator's list: teams, not vendors
    bool archives = false;       // the archived purchases alone (?archives=1); else those not archived
    PurchaseListQuery query;     // the search and sort the rows are the result of
    size_t total = 0;            // the purchases of this list before the search (at least the rows)
};

// "/acquisitions?archives=1&q=…&sort=…&order=…&status=…", with only what differs from the defaults.
std::string purchase_list_href(bool archives, const PurchaseListQuery& query);

std::string render_acquisitions_page(const PageContext& context, const std::vector<AcquisitionRow>& rows,
                                     const AcquisitionListOptions& options = {});

}  // namespace cyberachat::web::views
