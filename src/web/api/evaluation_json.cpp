#include "web/api/evaluation_json.hpp"

#include "core/response_state.hpp"
#include "outputs/json/evaluation_json.hpp"

namespace cyberachat::web {

using json = nlohmann::json;

namespace {

json score_json(const Questionnaire& questionnaire, const ScoreCard& card) {
    json parts = json::object();
    for (const auto& part : questionnaire.parts) parts[part.id] = card.parts[part.index].score();
    return {{"overall", card.overall.score()}, {"parts", parts}};
}

json favourable_json(Outcome outcome) {
    if (outcome == Outcome::favourable) return true;
    if (outcome == Outcome::unfavourable) return false;
    return nullptr;  // not scored, or does not count
}

json support_assessment_json(const SupportAssessment& assessment) {
    return {{"status", std::string(support_status_name(assessment.status))},
            {"product", assessment.cycle.product},
            {"cycle", assessment.cycle.cycle},
            {"name", assessment.cycle_name},
            {"end_of_support", assessment.end_date.empty() ? json() : json(assessment.end_date)},
            {"at_the_latest", assessment.at_the_latest},
            {"extended_support_end", assessment.extended_support_end.empty() ? json() : json(assessment.extended_support_end)},
            {"declared", assessment.declared},
            {"questions", assessment.sources},
            {"link", assessment.link.empty() ? assessment.page : assessment.link}};
}

}  // namespace

// The declared systems' end of support: findings, supported, not recognised, the data's source.
json support_report_json(const SupportReport& report) {
    json findings = json::array(), supported = json::array(), not_recognised = json::array();
    for (const auto& finding : report.findings) findings.push_back(support_assessment_json(finding));
    for (const auto& system : report.supported) supported.push_back(support_assessment_json(system));
    for (const auto& system : report.not_recognised)
        not_recognised.push_back({{"text", system.text}, {"reason", system.reason.fr}, {"questions", system.sources}});
    return {{"findings", findings}, {"supported", supported}, {"not_recognised", not_recognised}, {"source", report.citation}};
}

json review_json(const Review& review) {
    json out = review_record_json(review);
    out["id"] = review.id;
    if (review.status.empty()) out["status"] = nullptr;
    out["author"] = review.author.substr(review.author.find(':') + 1);
    return out;
}

json opinion_json(const Opinion& opinion) {
    json out = opinion_record_json(opinion);
    out["author"] = opinion.author.substr(opinion.author.find(':') + 1);
    out["advisory"] = true;
    return out;
}

json reviews_json(const std::vector<Review>& reviews, const std::vector<Opinion>& opinions) {
    json out = {{"reviews", json::array()}, {"opinions", json::array()}};
    for (const auto& review : reviews) out["reviews"].push_back(review_json(review));
    for (const auto& opinion : opinions) out["opinions"].push_back(opinion_json(opinion));
    return out;
}

json response_evaluation_json(const services::ResponseEvaluation& evaluation) {
    const Questionnaire& questionnaire = *evaluation.snapshot.questionnaire;
    json findings = json::array();
    for (const Finding& finding : evaluation.card.findings) {
        const Question& question = *questionnaire.questions()[finding.question_index];
        findings.push_back({{"question_id", finding.question_id},
                            {"section_id", questionnaire.sections()[question.section_index]->id},
                            {"severity", std::string(severity_name(finding.severity))},
                            {"answer", finding.answer},
                            {"unanswered", finding.unanswered},
                            {"weight", finding.weight},
                            {"rationale", finding.rule->rationale.fr}});
    }
    json weights = json::object();
    for (const auto& [question_id, weight] : evaluation.weights) weights[question_id] = weight;
    return {{"response_id", evaluation.snapshot.response.id},
            {"score", score_json(questionnaire, evaluation.card)},
            {"findings", findings},
            {"grid", {{"id", evaluation.grid->id}, {"version", evaluation.grid->version}}},
            {"weights", weights},
            {"end_of_support", support_report_json(evaluation.support)}};
}

json comparison_json(const services::Comparison& comparison, const std::vector<ComparisonRow>& rows) {
    const Questionnaire& questionnaire = *comparison.questionnaire;
    json vendors = json::array();
    for (const auto& vendor : comparison.vendors) {
        const VendorResponse& response = vendor.snapshot.response;
        json opinions = json::array();
        for (const Opinion& opinion : vendor.opinions) opinions.push_back(opinion_json(opinion));
        vendors.push_back({{"response_id", response.id},
                           {"company", response.company},
                           {"status", std::string(response_status_name(response.status))},
                           {"state", std::string(response_state_name(response_state(response)))},
                           {"score", vendor.card.overall.score()},
                           {"parts", score_json(questionnaire, vendor.card)["parts"]},
                           {"findings", vendor.card.findings.size()},
                           {"end_of_support_findings", vendor.support.findings.size()},
                           {"opinions", opinions}});
    }
    json left_out = json::array();
    for (const VendorResponse& response : comparison.left_out)
        left_out.push_back({{"response_id", response.id},
                            {"company", response.company},
                            {"state", std::string(response_state_name(response_state(response)))}});
    json out_rows = json::array();
    for (const ComparisonRow& row : rows) {
        json answers = json::array();
        for (size_t i = 0; i < row.cells.size(); ++i) {
            const ComparisonCell& cell = row.cells[i];
            answers.push_back({{"response_id", comparison.vendors[i].snapshot.response.id},
                               {"applies", cell.visible},
                               {"value", cell.value ? *cell.value : json()},
                               {"comment", cell.comment ? json(*cell.comment) : json()},
                               {"favourable", favourable_json(cell.outcome)}});
        }
        out_rows.push_back({{"question_id", row.question->id},
                            {"section_id", questionnaire.sections()[row.question->section_index]->id},
                            {"part_id", questionnaire.parts[row.question->part_index].id},
                            {"differs", row.differs},
                            {"vigilance", row.vigilance},
                            {"answers", answers}});
    }
    json ranked = json::array();
    for (size_t index : ranking(comparison.compared())) ranked.push_back(comparison.vendors[index].snapshot.response.id);
    return {{"acquisition_id", comparison.acquisition.id},
            {"drafts_included", comparison.scope.include_drafts},
            {"vendors", vendors},
            {"ranking", ranked},
            {"left_out", left_out},
            {"rows", out_rows}};
}

}  // namespace cyberachat::web
