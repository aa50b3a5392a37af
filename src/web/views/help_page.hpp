#pragma once
// GET /help and /vendor/help: the questionnaire's "how_to" (mode d'emploi with the icon legend),
// "when_to_use", "four_parts", "terminology", "foreword" and "attribution" texts, the blank
// questionnaire as Excel, the source.
#include <string>

#include "core/questionnaire.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

std::string render_help_page(const PageContext& context, const Questionnaire& questionnaire);

}  // namespace cyberachat::web::views
