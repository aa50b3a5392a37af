#include "web/views/evaluation_labels.hpp"

#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

void write_severity_badge(HtmlWriter& w, Severity severity) {
    w.element("span", {{"class", "badge severity severity-" + std::string(severity_name(severity))}}, severity_label_fr(severity));
}

const char* evaluation_advisory_note() {
    return "Cette évaluation éclaire le choix\u00A0: elle n'élimine aucun fournisseur. Les réponses au questionnaire "
           "influencent l'évaluation et la sélection de l'équipement mais ne sont pas un critère de blocage (AFIB).";
}

std::string score_text(int score) { return std::to_string(score) + CYB_NNBSP "/" CYB_NNBSP "100"; }

}  // namespace cyberachat::web::views
