#pragma once
// The points de vigilance of end of support (issue 16), for the hospital only: each declared
// operating system or database out of support today, or before the equipment's expected end of
// use — with the dates, the extended support, the answers that declare it and the data's source —
// then the systems supported through the end of use and the names not recognised. On the response
// page (#fin-de-support) and, shortened, in the comparison.
#include "core/questionnaire.hpp"
#include "core/support_findings.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

// The card on a response page; `end_of_use`: "YYYY-MM-DD", the date the findings are judged against.
void write_support_findings_card(html::HtmlWriter& w, const SupportReport& report, const Questionnaire& questionnaire,
                                 const std::string& end_of_use, bool end_of_use_is_default);

// One line per finding ("Microsoft Windows 10 1809 (E) — fin de support le 14/01/2020"), or
// "Aucun système en fin de support"; for a comparison cell.
void write_support_findings_summary(html::HtmlWriter& w, const SupportReport& report);

}  // namespace cyberachat::web::views
