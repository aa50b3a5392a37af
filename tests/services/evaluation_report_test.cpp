// evaluation_report: the hospital's evaluation as the PDF reports draw it — score, points de
// vigilance, reviewers' comments and opinions, in the report's language; without a grid, only
// what the reviewers wrote.
#include "services/evaluation_report.hpp"

#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

using EvaluationReportTest = ServiceTest;

const report::VigilancePoint* vigilance_about(const report::Evaluation& evaluation, const std::string& label) {
    for (const auto& point : evaluation.vigilance)
        if (point.question == label) return &point;
    return nullptr;
}

Severity finding_severity_of(const ResponseEvaluation& evaluation, const std::string& question_id) {
    for (const auto& finding : evaluation.card.findings)
        if (finding.question_id == question_id) return finding.severity;
    ADD_FAILURE() << "no finding for " << question_id;
    return Severity::info;
}

TEST_F(EvaluationReportTest, ScoreVigilanceCommentsAndOpinionsInFrenchAndEnglish) {
    const Id id = new_response(true);
    save(id, kAfibYesNo, "non");
    const User it = it_reviewer();
    review(id, ReviewInput{kAfibYesNo, "clarification", "À revoir", "Pourquoi pas un poste standard ?"}, it);
    ASSERT_TRUE(evaluations().set_opinion(id, "unfavourable", "Trop de réserves", it, user_actor(it)).ok());
    auto evaluation = evaluations().evaluate(id);
    ASSERT_TRUE(evaluation.ok()) << evaluation.error().message.in(Language::en);
    const Question& question = *evaluation->snapshot.questionnaire->find_question(kAfibYesNo);

    const report::Evaluation fr = report_evaluation(*evaluation, Language::fr);
    ASSERT_TRUE(fr.score);
    EXPECT_EQ(*fr.score, std::to_string(evaluation->card.overall.score()) + " / 100");
    EXPECT_DOUBLE_EQ(*fr.score_ratio, evaluation->card.overall.score() / 100.0);
    EXPECT_EQ(fr.part_scores.size(), evaluation->snapshot.questionnaire->parts.size());
    EXPECT_EQ(fr.vigilance.size(), evaluation->card.findings.size());
    const report::VigilancePoint* point = vigilance_about(fr, question.label.fr);
    ASSERT_NE(point, nullptr);
    EXPECT_EQ(point->answer, "Non");
    EXPECT_EQ(point->severity, std::string(severity_label_fr(finding_severity_of(*evaluation, kAfibYesNo))));
    EXPECT_NE(point->rationale.find("poste standard"), std::string::npos) << point->rationale;
    ASSERT_EQ(fr.comments.size(), 1u);
    EXPECT_EQ(fr.comments[0].author, "rssi@chu.example");
    EXPECT_EQ(fr.comments[0].about, question.label.fr);
    EXPECT_EQ(fr.comments[0].status, std::string(review_status_label_fr("clarification")));
    EXPECT_EQ(fr.comments[0].text, "À revoir\nQuestion au fournisseur : Pourquoi pas un poste standard ?");
    ASSERT_EQ(fr.opinions.size(), 1u);
    EXPECT_EQ(fr.opinions[0].role, std::string(opinion_role_label_fr("it")));
    EXPECT_EQ(fr.opinions[0].verdict, std::string(opinion_verdict_label_fr("unfavourable")));
    EXPECT_EQ(fr.opinions[0].text, "Trop de réserves");

    const report::Evaluation en = report_evaluation(*evaluation, Language::en);
    const report::VigilancePoint* en_point = vigilance_about(en, question.label.en);
    ASSERT_NE(en_point, nullptr);
    EXPECT_EQ(en_point->answer, "No");
    EXPECT_EQ(en.comments[0].status, "Clarification requested");
    EXPECT_EQ(en.opinions[0].verdict, "Unfavourable");
    EXPECT_EQ(en.opinions[0].role, "IT / security");
}

TEST_F(EvaluationReportTest, UnansweredPointsOfVigilanceSaySo) {
    const Id id = new_response(true);
    auto evaluation = evaluations().evaluate(id);
    ASSERT_TRUE(evaluation.ok());
    ASSERT_FALSE(evaluation->card.findings.empty());  // required questions left unanswered
    const report::Evaluation fr = report_evaluation(*evaluation, Language::fr);
    for (const auto& point : fr.vigilance) EXPECT_EQ(point.answer, "Non renseigné") << point.question;
    EXPECT_EQ(report_evaluation(*evaluation, Language::en).vigilance[0].answer, "Not answered");
}

TEST_F(EvaluationReportTest, ResponseReportEvaluation) {
    const Id id = new_response(true);
    auto with_grid = response_report_evaluation(*store, evaluations(), id, Language::fr);
    ASSERT_TRUE(with_grid.ok()) << with_grid.error().message.in(Language::en);
    EXPECT_TRUE(with_grid->score);
    EXPECT_ERROR_CODE(response_report_evaluation(*store, evaluations(), id + 100, Language::fr), "not_found");

    // No grid for the mini questionnaire: no score, but the comments (questions named by id).
    const Id mini = new_response();
    review(mini, ReviewInput{"p.gate", "accepted", "Bien", ""}, biomedical_reviewer());
    auto without_grid = response_report_evaluation(*store, evaluations(), mini, Language::en);
    ASSERT_TRUE(without_grid.ok()) << without_grid.error().message.in(Language::en);
    EXPECT_FALSE(without_grid->score);
    EXPECT_TRUE(without_grid->vigilance.empty());
    ASSERT_EQ(without_grid->comments.size(), 1u);
    EXPECT_EQ(without_grid->comments[0].about, "p.gate");
    EXPECT_EQ(without_grid->comments[0].status, "Accepted");
}

TEST_F(EvaluationReportTest, AcquisitionReportEvaluationsByResponse) {
    const Acquisition purchase = afib_purchase();
    const Id first = invite(purchase.id, "Premier").response.id;
    const Id second = invite(purchase.id, "Second").response.id;
    review(second, ReviewInput{kAfibText, "", "Nom commercial ?", ""}, it_reviewer());
    auto evaluations_by_id = acquisition_report_evaluations(*store, evaluations(), purchase.id, Language::fr);
    ASSERT_TRUE(evaluations_by_id.ok()) << evaluations_by_id.error().message.in(Language::en);
    ASSERT_EQ(evaluations_by_id->size(), 2u);
    EXPECT_TRUE(evaluations_by_id->at(first).score);
    EXPECT_TRUE(evaluations_by_id->at(first).comments.empty());
    ASSERT_EQ(evaluations_by_id->at(second).comments.size(), 1u);
    EXPECT_EQ(evaluations_by_id->at(second).comments[0].text, "Nom commercial ?");
    EXPECT_ERROR_CODE(acquisition_report_evaluations(*store, evaluations(), purchase.id + 100, Language::fr), "not_found");

    const Id mini = new_response();
    const Id mini_purchase_id = store->responses.find(mini)->acquisition_id;
    auto without_grid = acquisition_report_evaluations(*store, evaluations(), mini_purchase_id, Language::fr);
    ASSERT_TRUE(without_grid.ok()) << without_grid.error().message.in(Language::en);
    ASSERT_EQ(without_grid->size(), 1u);
    EXPECT_FALSE(without_grid->at(mini).score);
}

}  // namespace
}  // namespace cyberachat::services::testing
