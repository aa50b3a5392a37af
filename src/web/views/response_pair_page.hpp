#pragma once
// GET /responses/{id}/compare/{other} (hospital, French): two responses side by side — usually a
// response and the earlier one its vendor carried answers over from. A summary of each (purchase,
// state, date of submission, score, points de vigilance); a notice when they are not known to be
// of the same company; then part → section of the first one's questionnaire, one row per question
// that applies to either (or is answered in either): both values, "Différente" / "Identique" in
// a column of its own (not by colour alone), an answer carried over from another response marked
// "repris de la réponse n° …"; documents by name and abridged SHA-256; the questions of one
// questionnaire version alone at the end.
#include <string>

#include "core/answer_changes.hpp"
#include "core/engine.hpp"
#include "core/scoring.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct PairedResponse {
    const Acquisition& acquisition;
    const VendorResponse& response;
    const Evaluation& evaluation;  // which questions apply
    const ScoreCard& card;
    AnswerSide side;
};

struct ResponsePairPage {
    PairedResponse first;
    PairedResponse second;
    bool same_company = false;
    const AnswerComparison& comparison;  // base: first
};

std::string render_response_pair_page(const PageContext& context, const ResponsePairPage& page);

}  // namespace cyberachat::web::views
