#pragma once
// GET /responses/{id}/history (hospital, French): the vendor company's responses across the
// purchases the caller may view — purchase (title, reference, equipment), state and date of
// submission, overall score, points de vigilance and end-of-support findings, a link to each —;
// the score and points de vigilance over time (vendor_history_chart, the table being its text);
// then "Réponses qui ont changé" between two of them picked with a GET form (?from=&to=): each
// question whose answer differs, in the newer one's questionnaire order, with both values, and
// the questions of one version alone apart. A response not linked to a company lists itself alone
// and says why.
#include <optional>
#include <string>
#include <vector>

#include "core/answer_changes.hpp"
#include "core/scoring.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct HistoryRow {
    const Acquisition& acquisition;
    const VendorResponse& response;
    const ScoreCard& card;
    size_t support_findings = 0;  // end-of-support points de vigilance
};

struct HistoryChangesView {
    const VendorResponse& from;
    const VendorResponse& to;
    AnswerSide from_side;
    AnswerSide to_side;
    bool to_is_newer = true;
    std::vector<const AnswerPair*> changes;  // base: the newer one (see AnswerComparison::changes)
};

struct VendorHistoryPage {
    const VendorResponse& subject;  // the response the page was opened from
    bool linked = false;
    std::vector<HistoryRow> rows;   // oldest first
    size_t left_out_older = 0;      // older responses not listed (beyond the page's budget)
    long long from = 0, to = 0;     // the pair picked in the form (0: none)
    std::optional<HistoryChangesView> changes;
};

std::string render_vendor_history_page(const PageContext& context, const VendorHistoryPage& page);

// The link "Historique du fournisseur" of the response page's summary.
void write_vendor_history_link(html::HtmlWriter& w, const VendorResponse& response);

}  // namespace cyberachat::web::views
