#pragma once
// How the hospital's evaluation pages word a score, a severity and the advisory nature of the
// evaluation (French: hospital pages only).
#include <string>

#include "core/scoring_grid.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

// The severity as a badge: "Critique", "Majeur", "Mineur", "Information".
void write_severity_badge(html::HtmlWriter& w, Severity severity);
// "72 / 100" (narrow no-break spaces).
std::string score_text(int score);
// The evaluation informs the choice and eliminates no vendor (AFIB).
const char* evaluation_advisory_note();

}  // namespace cyberachat::web::views
