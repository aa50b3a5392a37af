#include "web/views/support_findings_panel.hpp"

#include "core/support_finding_text.hpp"
#include "core/text_format.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

std::string question_labels(const std::vector<std::string>& sources, const Questionnaire& questionnaire) {
    std::string out;
    for (const auto& source : sources) {
        const Question* question = questionnaire.find_question(source);
        if (!out.empty()) out += " ; ";
        out += question ? question->label.fr : source;
    }
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

void write_support_findings_card(HtmlWriter& w, const SupportReport& report, const Questionnaire& questionnaire,
                                 const std::string& end_of_use, bool end_of_use_is_default) {
    w.open("section", {{"class", "card"}, {"aria-labelledby", "fin-de-support-title"}, {"id", "fin-de-support"}});
    w.element("h2", {{"id", "fin-de-support-title"}}, "Systèmes déclarés et fin de support (interne à l'établissement)");
    w.element("p", {{"class", "hint"}},
              "Les systèmes d'exploitation et bases de données que la réponse déclare (réponses et liste des logiciels), "
              "comparés aux dates de fin de support publiées, jusqu'à la fin d'utilisation prévue de l'équipement : " +
                  format_date(end_of_use, Language::fr) +
                  (end_of_use_is_default ? " (par défaut, 7 ans après la date limite)." : "."));
    if (report.findings.empty()) {
        w.element("p", {{"id", "no-support-finding"}}, "Aucun système déclaré en fin de support avant la fin d'utilisation prévue.");
    } else {
        w.open("ul", {{"class", "vigilance-list"}, {"id", "support-findings"}});
        for (const SupportAssessment& finding : report.findings) {
            w.open("li", {{"class", "vigilance"}, {"data-status", std::string(support_status_name(finding.status))},
                          {"data-cycle", finding.cycle.product + "/" + finding.cycle.cycle}});
            w.element("span", {{"class", finding.status == SupportStatus::ended ? "badge badge-error" : "badge badge-late"}},
                      "Point de vigilance — " + support_status_text(finding.status, Language::fr));
            w.text(" ");
            w.element("strong", finding.cycle_name);
            w.open("p");
            w.text(support_finding_text(finding, Language::fr));
            w.close("p");
            if (!finding.uncertainty.empty()) w.element("p", {{"class", "hint"}}, finding.uncertainty.fr);
            w.element("p", {{"class", "hint"}},
                      "Déclaré : « " + joined(finding.declared) + " » — " + question_labels(finding.sources, questionnaire));
            w.open("p", {{"class", "hint"}});
            w.text("Source : ");
            const std::string& link = finding.link.empty() ? finding.page : finding.link;
            if (!link.empty())
                w.element("a", {{"href", link}, {"rel", "noopener noreferrer"}}, link);
            w.text(" (" + report.citation + ")");
            w.close("p");
            w.close("li");
        }
        w.close("ul");
    }
    if (!report.supported.empty()) {
        w.open("details", {{"id", "supported-systems"}});
        w.element("summary", "Systèmes supportés jusqu'à la fin d'utilisation (" + std::to_string(report.supported.size()) + ")");
        w.open("ul");
        for (const SupportAssessment& system : report.supported)
            w.element("li", system.cycle_name + " — " + support_finding_text(system, Language::fr));
        w.close("ul");
        w.close("details");
    }
    if (!report.not_recognised.empty()) {
        w.open("div", {{"id", "not-recognised-systems"}});
        w.element("h3", "Non reconnus (à vérifier à la main)");
        w.open("ul");
        for (const UnrecognisedSystem& system : report.not_recognised)
            w.element("li", "« " + system.text + " » — " + system.reason.fr + " — " + question_labels(system.sources, questionnaire));
        w.close("ul");
        w.close("div");
    }
    w.close("section");
}

void write_support_findings_summary(HtmlWriter& w, const SupportReport& report) {
    if (report.findings.empty()) {
        w.element("span", {{"class", "muted"}}, "Aucun système en fin de support");
        return;
    }
    w.open("ul", {{"class", "support-summary"}});
    for (const SupportAssessment& finding : report.findings)
        w.element("li", {{"data-status", std::string(support_status_name(finding.status))}},
                  finding.cycle_name + " — " + support_finding_text(finding, Language::fr));
    w.close("ul");
}

}  // namespace cyberachat::web::views
