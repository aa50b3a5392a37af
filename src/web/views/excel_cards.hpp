#pragma once
// The Excel round trip's entry points on the pages: the "Excel" card (download the workbook,
// import a filled one) on the vendor's home page and the hospital's response page, and the blank
// questionnaire's links on the help page. The import itself: xlsx_import_page.hpp.
#include "core/acquisition.hpp"
#include "core/localized_text.hpp"
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

}  // namespace cyberachat::web::views
