#pragma once
// The entry points of the manufacturer's documents (MDS2, SBOM; issue 16): a card on the vendor's
// home page and on the hospital's response page, listing the files kept with the response and
// linking to their import page (manufacturer_import_page.hpp) while the response can change.
#include <vector>

#include "core/acquisition.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

// Vendor home: "/vendor/manufacturer-documents" (not once submitted).
void write_vendor_manufacturer_card(html::HtmlWriter& w, const PageContext& context, bool submitted,
                                    const std::vector<StoredDocument>& kept);
// Hospital response page: the files (links to /documents/{id}) and, when `may_import`,
// /responses/{id}/manufacturer-documents. Nothing at all when there is neither.
void write_hospital_manufacturer_card(html::HtmlWriter& w, Id response_id, bool may_import,
                                      const std::vector<StoredDocument>& kept);

}  // namespace cyberachat::web::views
