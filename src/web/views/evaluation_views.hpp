#pragma once
// Hospital-only views of the evaluation: the score and points de vigilance of one response (a
// panel of the response page), and the comparison of every vendor of a purchase with its SVG
// chart. Never used on vendor pages.
#include <string>
#include <vector>

#include "core/comparison.hpp"
#include "core/evaluation_records.hpp"
#include "core/scoring.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"
#include "web/views/response_views.hpp"

namespace cyberachat::web::views {

struct EvaluationPanel {
    const ScoringGrid& grid;
    const ScoreCard& card;
    const std::vector<Review>& reviews;    // oldest first
    const std::vector<Opinion>& opinions;
    Id response_id = 0;
    std::string reviewer_role;  // the caller's role: review forms for it/biomedical/admin, opinion form for it/biomedical
};

// "Évaluation (interne à l'établissement)": overall score and per part, the two advisory opinions
// (IT, biomedical) with the form of the caller's role (POST /responses/{id}/opinion), then each
// point de vigilance (severity, question, answer, rationale, reviewers' comments) linking to the
// answer (#q-{qid}), and the reminder that the evaluation is advisory and eliminates no vendor.
void write_evaluation_panel(html::HtmlWriter& w, const PageContext& context, const Questionnaire& questionnaire,
                            const EvaluationPanel& panel, const AnswerMap& answers);
// Under one answer of the response page: its reviews (status, comment, question put to the
// vendor, author, time) and a folded form to add one (POST /responses/{id}/reviews).
void write_review_block(html::HtmlWriter& w, const PageContext& context, const EvaluationPanel& panel,
                        const Question& question);
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
    const WeightOverrides* weights = nullptr;  // the purchase's own; with it, the weights form is shown
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
