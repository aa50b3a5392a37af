#pragma once
// GET /acquisitions/{id}/comparison (hospital only): every vendor of a purchase side by side,
// with the SVG chart of their scores.
#include <string>
#include <vector>

#include "core/comparison.hpp"
#include "core/evaluation_records.hpp"
#include "core/scoring.hpp"
#include "web/views/page_context.hpp"
#include "core/support_findings.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views {

struct ComparedVendor {
    const VendorResponse& response;
    const ScoreCard& card;
    const DocumentMap& documents;
    const std::vector<Opinion>* opinions = nullptr;  // the reviewers' advisory opinions (by role)
    const SupportReport* support = nullptr;          // its declared systems' end of support
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
    bool include_drafts = false;                      // drafts compared and ranked too (?drafts=1)
    const std::vector<VendorResponse>* left_out = nullptr;  // not compared: drafts not asked for, withdrawn
};

// Which responses are compared (submitted ones; drafts on demand; withdrawn never) and the others
// named with their state, filters (GET form: only differences, only points de vigilance, one part),
// the score chart with its data table (state and both advisory opinions beside each vendor), the
// ranking (for information), then part → section → one row per question, one
// column per vendor; differing rows and unfavourable answers are marked in text, not by colour alone.
std::string render_comparison_page(const PageContext& context, const ComparisonPage& page);

// Grouped bars: one group per part and overall, one bar per vendor (0–100), and a legend of the
// vendors' names under them (a name too long for its column ends with "…", the full name in the
// entry's <title>, a tooltip). role="img" with a title and a description listing every figure.
std::string render_score_chart_svg(const Questionnaire& questionnaire, const std::vector<ComparedVendor>& vendors);

}  // namespace cyberachat::web::views
