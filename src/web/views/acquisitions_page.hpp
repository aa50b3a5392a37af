#pragma once
// GET /acquisitions: table of purchases (title → /acquisitions/{id}, equipment, service, reference,
// deadline, status) with each vendor's company, status (Brouillon / Soumis le …) and a progress bar
// (<progress> with text). Button "Nouvel achat" → /acquisitions/new.
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "web/views/page_context.hpp"
#include "web/views/vendor_row.hpp"

namespace cyberachat::web::views {

struct AcquisitionRow {
    Acquisition acquisition;
    std::vector<VendorRow> vendors;
};

std::string render_acquisitions_page(const PageContext& context, const std::vector<AcquisitionRow>& rows);

}  // namespace cyberachat::web::views
