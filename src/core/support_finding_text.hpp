#pragma once
// A point de vigilance of end of support in words (core/support_findings.hpp), the same on the
// pages and in the PDF reports: "Fin de support le 14/01/2020 (Security Support) — support étendu
// (Extended Security Updates) jusqu'au 09/01/2029" / "End of support on 14 January 2020 (…)".
#include <string>

#include "core/localized_text.hpp"
#include "core/support_findings.hpp"

namespace cyberachat {

std::string support_finding_text(const SupportAssessment& finding, Language language);
// "Hors support" / "Fin de support avant la fin d'utilisation" / "Supporté" (and in English).
std::string support_status_text(SupportStatus status, Language language);

}  // namespace cyberachat
