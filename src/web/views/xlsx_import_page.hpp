#pragma once
// GET/POST …/import (vendor and hospital): the import of a filled Excel workbook — upload form,
// then the per-row report of the preview with an "apply" button, then the report of what was saved.
#include <cstddef>
#include <string>

#include "outputs/xlsx/import_plan.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct ImportPageView {
    std::string subject;        // company name or purchase title, for the heading
    std::string upload_action;  // POST multipart "file"
    std::string apply_action;   // POST "token"
    std::string export_url;     // the workbook to download
    std::string back_url;
    bool submitted = false;     // import refused: says so, no form
    std::string locked;         // import refused for another reason (deadline passed, purchase closed): says it, no form
    const xlsx::ImportPlan* plan = nullptr;  // preview (applied false) or result (applied true)
    bool applied = false;
    size_t saved = 0;
    std::string token;          // the uploaded file kept for "apply"
    std::string file_name;
    std::string error;          // a refused file: the reason, above the form
};

// The page in the context's language (French for the hospital).
std::string render_import_page(const PageContext& context, const ImportPageView& view);

}  // namespace cyberachat::web::views
