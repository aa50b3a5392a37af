#pragma once
// The Excel round trip on the pages: the "Excel" card (download the workbook, import a filled one)
// on the vendor's home page and the hospital's response page, and the import page — upload form,
// then the per-row report of the preview with an "apply" button, then the report of what was saved.
#include <string>

#include "core/acquisition.hpp"
#include "outputs/xlsx/import_plan.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

// Vendor home: "Download my answers (Excel)" → /vendor/export.xlsx, "Import a filled workbook" →
// /vendor/import (not once submitted).
void write_vendor_excel_card(html::HtmlWriter& w, const PageContext& context, bool submitted);
// Hospital response page: /responses/{id}/export.xlsx and /responses/{id}/import.
void write_hospital_excel_card(html::HtmlWriter& w, Id response_id, bool submitted);

// Help page: the blank questionnaire as Excel, in French and English (/questionnaire.xlsx), for
// the tender documents or to answer offline.
void write_blank_questionnaire_links(html::HtmlWriter& w, Language language);

struct ImportPageView {
    std::string subject;        // company name or purchase title, for the heading
    std::string upload_action;  // POST multipart "file"
    std::string apply_action;   // POST "token"
    std::string export_url;     // the workbook to download
    std::string back_url;
    bool submitted = false;     // import refused: says so, no form
    const xlsx::ImportPlan* plan = nullptr;  // preview (applied false) or result (applied true)
    bool applied = false;
    size_t saved = 0;
    std::string token;          // the uploaded file kept for "apply"
    std::string file_name;
    std::string error;          // a refused file: the reason, above the form
};

// GET/POST …/import: the page in the context's language (French for the hospital).
std::string render_import_page(const PageContext& context, const ImportPageView& view);

}  // namespace cyberachat::web::views
