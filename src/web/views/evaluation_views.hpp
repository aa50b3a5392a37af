#pragma once
// Hospital-only views of the evaluation: the score and points de vigilance of one response (a
// panel of the response page), and the comparison of every vendor of a purchase with its SVG
// chart. Never used on vendor pages.
#include <string>
#include <vector>

#include "core/comparison.hpp"
#include "core/scoring.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"
#include "web/views/response_views.hpp"

namespace cyberachat::web::views {

struct EvaluationPanel {
    const ScoringGrid& grid;
    const ScoreCard& card;
};

// "Évaluation (interne à l'établissement)": overall score and per part, then each point de
// vigilance (severity, question, answer, rationale) linking to the answer (#q-{qid}), and the
// reminder that the evaluation is advisory and eliminates no vendor.
void write_evaluation_panel(html::HtmlWriter& w, const Questionnaire& questionnaire, const EvaluationPanel& panel,
                            const AnswerMap& answers);
// The severity as a badge: "Critique", "Majeur", "Mineur", "Information".
void write_severity_badge(html::HtmlWriter& w, Severity severity);

struct ComparedVendor {
    const VendorResponse& response;
    const ScoreCard& card;
    const DocumentMap& documents;
};

struct ComparisonPage {
    const Acquisition& acquisition;
    const Questionnaire& questionnaire;
    const ScoringGrid& grid;
    std::vector<ComparedVendor> vendors;
    const std::vector<ComparisonRow>& rows;  // all rows; the filter picks those shown
    std::vector<size_t> ranking;             // vendor indexes, best first
    ComparisonFilter filter;
};

// GET /acquisitions/{id}/comparison: filters (GET form: only differences, only points de
// vigilance, one part), the score chart with its data table, the ranking (for information),
// then part → section → one row per question, one column per vendor; differing rows and
// unfavourable answers are marked in text, not by colour alone.
std::string render_comparison_page(const PageContext& context, const ComparisonPage& page);

// Grouped bars: one group per part and overall, one bar per vendor (0–100). role="img" with a
// title and a description listing every figure.
std::string render_score_chart_svg(const Questionnaire& questionnaire, const std::vector<ComparedVendor>& vendors);

}  // namespace cyberachat::web::views
