#pragma once
// The hospital's evaluation of one response, on its response page (response_page.hpp): the score
// and points de vigilance, the advisory opinions, and the reviews under each answer. Never used
// on vendor pages.
#include <string>
#include <vector>

#include "core/evaluation_records.hpp"
#include "core/scoring.hpp"
#include "core/support_findings.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views {

// A review the server refused (a clarification without its question to the vendor, say): shown
// again in its form, open, with what was typed and why it was refused.
struct ReviewDraft {
    std::string question_id, status, comment, vendor_question;
    std::string error;
};

struct EvaluationPanel {
    const ScoringGrid& grid;
    const ScoreCard& card;
    const std::vector<Review>& reviews;    // oldest first
    const std::vector<Opinion>& opinions;
    Id response_id = 0;
    std::string reviewer_role;  // the caller's role: review forms for it/biomedical/admin, opinion form for it/biomedical
    const ReviewDraft* draft = nullptr;  // a refused review, shown again in its question's form
    const SupportReport* support = nullptr;  // the declared systems' end of support (support_findings_panel.hpp)
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

}  // namespace cyberachat::web::views
