#pragma once
// GET …/manufacturer-documents and the POSTs of …/import/mds2 and …/import/sbom (vendor, and the
// hospital on its behalf): the documents manufacturers already publish — the MDS2 statement and
// the SBOM — uploaded to propose answers and fill the software list. Upload forms, then the preview
// (per AFIB question: proposed value, MDS2 lines, status; the SBOM's summary and the rows it adds)
// with an "apply" button, then the result. The files already kept with the response are listed.
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/questionnaire.hpp"
#include "core/manufacturer_import_outcome.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct ManufacturerImportView {
    std::string subject;        // company name or purchase title, for the heading
    std::string base_url;       // "/vendor" or "/responses/{id}": forms post to base + "/import/mds2"…
    std::string page_url;       // this page (base + "/manufacturer-documents")
    std::string back_url;
    std::string document_prefix;  // links to the kept files ("/vendor/documents/", "/documents/")
    bool submitted = false;
    std::string locked;         // why nothing can be imported now ("" : it can)
    const Questionnaire* questionnaire = nullptr;
    std::vector<StoredDocument> kept;  // the MDS2 and SBOM files already kept with the response
    const Mds2ImportOutcome* mds2 = nullptr;  // a preview (applied false) or its result
    const SbomImportOutcome* sbom = nullptr;
    std::string token;          // the uploaded file kept for "apply"
    std::string file_name;
    std::string error;          // a refused file: the reason, above the forms
};

std::string render_manufacturer_import_page(const PageContext& context, const ManufacturerImportView& view);

}  // namespace cyberachat::web::views
