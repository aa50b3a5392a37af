#pragma once
// Pieces shared by the views: CSRF field, required marks, French typography, section links and
// statuses, page and part headings (progress bars: progress_bars.hpp).
#include <string>
#include <string_view>

#include "core/engine.hpp"
#include "core/questionnaire.hpp"
#include "core/text_format.hpp"  // CYB_NBSP, CYB_NNBSP (French typography)
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

// <input type="hidden" name="_csrf" value="…">
void write_csrf_field(html::HtmlWriter& w, const PageContext& context);

// " (obligatoire)" / " (required)" in a span, or nothing.
void write_required_mark(html::HtmlWriter& w, bool required, Language language);

// "45 %" (narrow no-break space in French) / "45%".
std::string percent_text(int percent, Language language);

// The label followed by a colon in the page's language: "Statut : " / "Status: ".
std::string with_colon(std::string_view label, Language language);

// "/vendor/sections/{sid}"
std::string section_url(std::string_view section_id);

// A page heading block: <h1> with an optional line above it (e.g. the part's title).
void write_page_heading(html::HtmlWriter& w, std::string_view kicker, std::string_view title);

// "Partie 2 — Serveurs et logiciels" / "Part 2 — …" (the part's full title).
std::string part_heading(const Part& part, Language language);

// A status text for a section: "Complète" / "À compléter" / "Non concernée".
std::string_view section_status_text(const SectionState& state, Language language);

// An import page's notice when the response cannot change (submitted, or `locked` with its
// reason: deadline passed, purchase closed); false, writing nothing, when it can.
bool write_import_refusal(html::HtmlWriter& w, Language language, bool submitted, const std::string& locked);

}  // namespace cyberachat::web::views
