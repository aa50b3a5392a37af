#include "core/support_finding_text.hpp"

#include "core/text_format.hpp"

namespace cyberachat {

std::string support_status_text(SupportStatus status, Language language) {
    switch (status) {
        case SupportStatus::ended: return in_language(language, "Hors support", "Out of support");
        case SupportStatus::ends_before_end_of_use:
            return in_language(language, "Fin de support avant la fin d'utilisation", "Support ends before the end of use");
        case SupportStatus::supported: return in_language(language, "Supporté", "Supported");
    }
    return "";
}

std::string support_finding_text(const SupportAssessment& finding, Language language) {
    std::string out;
    if (finding.end_date.empty())
        out = finding.status == SupportStatus::ended
                  ? in_language(language, "Support terminé (date non publiée)", "Support ended (date not published)")
                  : in_language(language, "Fin de support non annoncée", "No end of support announced");
    else
        out = std::string(finding.at_the_latest ? in_language(language, "Fin de support au plus tard le ", "End of support at the latest on ")
                                                : in_language(language, "Fin de support le ", "End of support on ")) +
              format_date(finding.end_date, language);
    if (!finding.end_phase.empty()) out += " (" + finding.end_phase + ")";
    if (!finding.extended_support_end.empty())
        out += std::string(in_language(language, " — support étendu", " — extended support")) +
               (finding.extended_phase.empty() ? std::string() : " (" + finding.extended_phase + ")") +
               in_language(language, " jusqu'au ", " until ") + format_date(finding.extended_support_end, language);
    return out;
}

}  // namespace cyberachat
