#pragma once
// GET /questionnaire/sections/{section} (hospital staff): one page of the questionnaire as a
// read-only preview — what the vendor is asked there, each question's expected answer, its help,
// its choices, whether it is required, the condition that shows it, and the page's notes — reached
// from the boxes of the public flowcharts. No form: nothing can be answered here.
#include <string>

#include "core/questionnaire.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

std::string render_questionnaire_preview_page(const PageContext& context, const Questionnaire& questionnaire,
                                              const Section& section);

}  // namespace cyberachat::web::views
