// EvaluationService: the purchase's grid, each response's score and points de vigilance, weights,
// reviews, opinions and the comparison of a purchase's vendors.
#include "services/evaluation_service.hpp"

#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

using EvaluationServiceTest = ServiceTest;

const Finding* finding_for(const ScoreCard& card, const std::string& question_id) {
    for (const auto& finding : card.findings)
        if (finding.question_id == question_id) return &finding;
    return nullptr;
}

TEST_F(EvaluationServiceTest, APurchaseKeepsTheGridItWasGivenFirst) {
    const Acquisition purchase = afib_purchase();
    auto first = store->scoring_grids.for_acquisition(purchase.id);
    ASSERT_TRUE(first);
    auto again = questionnaires().attach_current_grid(purchase.id, "system");
    ASSERT_TRUE(again.ok()) << again.error().message.in(Language::en);
    EXPECT_EQ(again->id, first->id);
    EXPECT_ERROR_CODE(questionnaires().attach_current_grid(purchase.id + 100, "system"), "not_found");
}

TEST_F(EvaluationServiceTest, GridForAnOldBuiltinPurchaseIsAttachedOnFirstUse) {
    // A purchase of the built-in questionnaire written before grids existed: no grid stored.
    auto version = questionnaires().current_version();
    ASSERT_TRUE(version.ok());
    Acquisition input = purchase_input();
    input.questionnaire_version_id = version->id;
    auto old = store->acquisitions.create(input, kBuyerActor);
    ASSERT_TRUE(old.ok());
    ASSERT_FALSE(store->scoring_grids.for_acquisition(old->id));

    auto questionnaire = questionnaires().get(version->id);
    ASSERT_TRUE(questionnaire.ok());
    auto grid = evaluations().grid_for(*old, **questionnaire);
    ASSERT_TRUE(grid.ok()) << grid.error().message.in(Language::en);
    EXPECT_EQ((*grid)->id, "afib-grid");
    EXPECT_TRUE(store->scoring_grids.for_acquisition(old->id));
    auto cached = evaluations().grid_for(*old, **questionnaire);
    ASSERT_TRUE(cached.ok());
    EXPECT_EQ(cached->get(), grid->get());  // loaded once
}

TEST_F(EvaluationServiceTest, AnotherQuestionnaireHasNoGrid) {
    const Id id = new_response();
    EXPECT_ERROR_CODE(evaluations().evaluate(id), "not_found");
    EXPECT_ERROR_CODE(evaluations().compare(store->responses.find(id)->acquisition_id), "not_found");
    EXPECT_FALSE(store->scoring_grids.for_acquisition(store->responses.find(id)->acquisition_id));
}

TEST_F(EvaluationServiceTest, EvaluateScoresTheCurrentAnswers) {
    const Id id = new_response(true);
    save(id, kAfibYesNo, "non");
    auto evaluation = evaluations().evaluate(id);
    ASSERT_TRUE(evaluation.ok()) << evaluation.error().message.in(Language::en);
    const Questionnaire& questionnaire = *evaluation->snapshot.questionnaire;
    EXPECT_EQ(evaluation->card.outcome(*questionnaire.find_question(kAfibYesNo)), Outcome::unfavourable);
    EXPECT_EQ(evaluation->card.outcome(*questionnaire.find_question(kAfibText)), Outcome::not_scored);
    const Finding* finding = finding_for(evaluation->card, kAfibYesNo);
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->answer, "non");
    EXPECT_EQ(evaluation->card.parts.size(), questionnaire.parts.size());
    EXPECT_TRUE(evaluation->weights.empty());

    save(id, kAfibYesNo, "oui");
    auto after = evaluations().evaluate(id);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->card.outcome(*questionnaire.find_question(kAfibYesNo)), Outcome::favourable);
    EXPECT_EQ(finding_for(after->card, kAfibYesNo), nullptr);
    EXPECT_ERROR_CODE(evaluations().evaluate(id + 100), "not_found");
}

TEST_F(EvaluationServiceTest, SetWeightIsForReviewersAndGradedQuestions) {
    const Acquisition purchase = afib_purchase();
    const Id id = invite(purchase.id).response.id;
    save(id, kAfibYesNo, "non");
    const User it = it_reviewer();

    EXPECT_ERROR_CODE(evaluations().set_weight(purchase.id, kAfibYesNo, 5.0, buyer(), kBuyerActor), "forbidden");
    EXPECT_ERROR_CODE(evaluations().set_weight(purchase.id + 100, kAfibYesNo, 5.0, it, user_actor(it)), "not_found");
    EXPECT_ERROR_CODE(evaluations().set_weight(purchase.id, kAfibText, 5.0, it, user_actor(it)), "invalid_value");
    EXPECT_ERROR_CODE(evaluations().set_weight(purchase.id, kAfibYesNo, 100.5, it, user_actor(it)), "invalid_value");
    EXPECT_ERROR_CODE(evaluations().set_weight(purchase.id, kAfibYesNo, -1.0, it, user_actor(it)), "invalid_value");
    EXPECT_TRUE(store->scoring_grids.weights(purchase.id).value().empty());

    ASSERT_TRUE(evaluations().set_weight(purchase.id, kAfibYesNo, 5.0, it, user_actor(it)).ok());
    auto weights = store->scoring_grids.weights(purchase.id).value();
    ASSERT_EQ(weights.size(), 1u);
    EXPECT_EQ(weights[0].weight, 5.0);
    EXPECT_EQ(weights[0].updated_by, user_actor(it));
    EXPECT_EQ(evaluations().weights_for(purchase.id).value().at(kAfibYesNo), 5.0);
    auto evaluation = evaluations().evaluate(id);
    ASSERT_TRUE(evaluation.ok());
    ASSERT_NE(finding_for(evaluation->card, kAfibYesNo), nullptr);
    EXPECT_EQ(finding_for(evaluation->card, kAfibYesNo)->weight, 5.0);

    ASSERT_TRUE(evaluations().set_weight(purchase.id, kAfibYesNo, std::nullopt, it, user_actor(it)).ok());
    EXPECT_TRUE(store->scoring_grids.weights(purchase.id).value().empty());
}

TEST_F(EvaluationServiceTest, AddReviewRecordsWhatTheReviewerSet) {
    const Id id = new_response(true);
    const User biomedical = biomedical_reviewer();
    auto added = evaluations().add_review(id, ReviewInput{kAfibYesNo, "unsatisfactory", "Poste non maîtrisé", "ignoré"},
                                          biomedical, user_actor(biomedical));
    ASSERT_TRUE(added.ok()) << added.error().message.in(Language::en);
    review(id, ReviewInput{kAfibText, "", "Désignation à confirmer", ""}, it_reviewer());

    auto reviews = store->reviews.list_for(id).value();
    ASSERT_EQ(reviews.size(), 2u);
    EXPECT_EQ(reviews[0].question_id, kAfibYesNo);
    EXPECT_EQ(reviews[0].status, "unsatisfactory");
    EXPECT_EQ(reviews[0].comment, "Poste non maîtrisé");
    EXPECT_EQ(reviews[0].vendor_question, "");  // only a clarification carries a question to the vendor
    EXPECT_EQ(reviews[0].author_role, "biomedical");
    EXPECT_EQ(reviews[0].author, user_actor(biomedical));
    EXPECT_EQ(reviews[1].author_role, "it");
    auto evaluation = evaluations().evaluate(id);
    ASSERT_TRUE(evaluation.ok());
    EXPECT_EQ(evaluation->reviews.size(), 2u);
}

TEST_F(EvaluationServiceTest, AddReviewErrors) {
    const Id id = new_response(true);
    const User it = it_reviewer();
    auto add = [&](const ReviewInput& input, const User& user = User{}) {
        return evaluations().add_review(id, input, user.id ? user : it, "user:x");
    };
    EXPECT_ERROR_CODE(add({kAfibYesNo, "accepted", "", ""}, buyer()), "forbidden");
    EXPECT_ERROR_CODE(add({"dispositif.inconnue", "accepted", "", ""}), "invalid_value");
    EXPECT_ERROR_CODE(add({kAfibYesNo, "answered", "", ""}), "invalid_value");  // the vendor's status
    EXPECT_ERROR_CODE(add({kAfibYesNo, "", "", ""}), "invalid_value");
    EXPECT_ERROR_CODE(add({kAfibYesNo, "clarification", "Commentaire", ""}), "invalid_value");
    EXPECT_ERROR_CODE(add({kAfibYesNo, "", std::string(5001, 'c'), ""}), "invalid_value");
    EXPECT_ERROR_CODE(add({kAfibYesNo, "clarification", "", std::string(5001, 'q')}), "invalid_value");
    EXPECT_ERROR_CODE(evaluations().add_review(id + 100, {kAfibYesNo, "accepted", "", ""}, it, "user:x"), "not_found");
    EXPECT_TRUE(store->reviews.list_for(id).value().empty());
}

TEST_F(EvaluationServiceTest, SetOpinionOnePerRole) {
    const Id id = new_response(true);
    const User it = it_reviewer();
    const User biomedical = biomedical_reviewer();
    auto first = evaluations().set_opinion(id, "favourable_with_reservations", "Sous réserve du VPN", it, user_actor(it));
    ASSERT_TRUE(first.ok()) << first.error().message.in(Language::en);
    ASSERT_TRUE(evaluations().set_opinion(id, "unfavourable", "", biomedical, user_actor(biomedical)).ok());
    ASSERT_TRUE(evaluations().set_opinion(id, "favourable", "Levée", it, user_actor(it)).ok());  // replaces IT's

    auto opinions = store->reviews.opinions(id).value();
    ASSERT_EQ(opinions.size(), 2u);
    for (const auto& opinion : opinions) {
        if (opinion.role == "it") {
            EXPECT_EQ(opinion.verdict, "favourable");
            EXPECT_EQ(opinion.text, "Levée");
        } else {
            EXPECT_EQ(opinion.role, "biomedical");
            EXPECT_EQ(opinion.verdict, "unfavourable");
        }
    }
}

TEST_F(EvaluationServiceTest, ReviewsGivesWhatReviewersWroteOnAResponse) {
    const Id id = new_response(true);
    const User it = it_reviewer();
    review(id, ReviewInput{kAfibText, "", "Désignation à confirmer", ""}, it);
    ASSERT_TRUE(evaluations().set_opinion(id, "favourable", "Conforme", it, user_actor(it)).ok());
    auto written = evaluations().reviews(id);
    ASSERT_TRUE(written.ok()) << written.error().message.fr;
    ASSERT_EQ(written->reviews.size(), 1u);
    EXPECT_EQ(written->reviews[0].comment, "Désignation à confirmer");
    ASSERT_EQ(written->opinions.size(), 1u);
    EXPECT_EQ(written->opinions[0].verdict, "favourable");
    EXPECT_ERROR_CODE(evaluations().reviews(id + 100), "not_found");
}

TEST_F(EvaluationServiceTest, SetOpinionErrors) {
    const Id id = new_response(true);
    const User it = it_reviewer();
    EXPECT_ERROR_CODE(evaluations().set_opinion(id, "favourable", "", buyer(), kBuyerActor), "forbidden");
    const User admin = make_user("admin@chu.example", Role::admin);
    EXPECT_ERROR_CODE(evaluations().set_opinion(id, "favourable", "", admin, user_actor(admin)), "forbidden");
    EXPECT_ERROR_CODE(evaluations().set_opinion(id + 100, "favourable", "", it, user_actor(it)), "not_found");
    EXPECT_ERROR_CODE(evaluations().set_opinion(id, "favorable", "", it, user_actor(it)), "invalid_value");
    EXPECT_ERROR_CODE(evaluations().set_opinion(id, "favourable", std::string(5001, 't'), it, user_actor(it)), "invalid_value");
    EXPECT_TRUE(store->reviews.opinions(id).value().empty());
}

TEST_F(EvaluationServiceTest, CompareScoresEveryVendorInInvitationOrder) {
    const Acquisition purchase = afib_purchase();
    const Id strong = invite(purchase.id, "Fort").response.id;
    const Id weak = invite(purchase.id, "Faible").response.id;
    save(strong, kAfibYesNo, "oui");
    save(weak, kAfibYesNo, "non");
    const User it = it_reviewer();
    ASSERT_TRUE(evaluations().set_weight(purchase.id, kAfibYesNo, 4.0, it, user_actor(it)).ok());

    auto comparison = evaluations().compare(purchase.id, ComparisonScope{true});  // both are drafts
    ASSERT_TRUE(comparison.ok()) << comparison.error().message.in(Language::en);
    EXPECT_EQ(comparison->acquisition.id, purchase.id);
    EXPECT_TRUE(comparison->left_out.empty());
    EXPECT_EQ(comparison->weights.at(kAfibYesNo), 4.0);
    ASSERT_EQ(comparison->vendors.size(), 2u);
    EXPECT_EQ(comparison->vendors[0].snapshot.response.company, "Fort");
    EXPECT_EQ(comparison->vendors[1].snapshot.response.company, "Faible");
    const Question& question = *comparison->questionnaire->find_question(kAfibYesNo);
    EXPECT_EQ(comparison->vendors[0].card.outcome(question), Outcome::favourable);
    EXPECT_EQ(comparison->vendors[1].card.outcome(question), Outcome::unfavourable);
    EXPECT_EQ(finding_for(comparison->vendors[1].card, kAfibYesNo)->weight, 4.0);

    const auto compared = comparison->compared();
    ASSERT_EQ(compared.size(), 2u);
    EXPECT_EQ(compared[1].card, &comparison->vendors[1].card);
    EXPECT_ERROR_CODE(evaluations().compare(purchase.id + 100), "not_found");
}

TEST_F(EvaluationServiceTest, CompareLeavesDraftsOutUnlessAskedAndCarriesTheOpinions) {
    const Acquisition purchase = afib_purchase();
    const Id submitted = invite(purchase.id, "Soumis SA").response.id;
    const Id draft = invite(purchase.id, "Brouillon SARL").response.id;
    save(submitted, kAfibYesNo, "oui");
    save(draft, kAfibYesNo, "non");
    ASSERT_TRUE(store->responses.submit(submitted, vendor_actor(submitted)).ok());
    const User it = it_reviewer();
    const User biomedical = biomedical_reviewer();
    ASSERT_TRUE(evaluations().set_opinion(submitted, "favourable_with_reservations", "Sous réserve du VPN", it, user_actor(it)).ok());
    ASSERT_TRUE(evaluations().set_opinion(submitted, "unfavourable", "", biomedical, user_actor(biomedical)).ok());

    auto by_default = evaluations().compare(purchase.id);
    ASSERT_TRUE(by_default.ok()) << by_default.error().message.in(Language::en);
    ASSERT_EQ(by_default->vendors.size(), 1u);
    EXPECT_EQ(by_default->vendors[0].snapshot.response.company, "Soumis SA");
    ASSERT_EQ(by_default->left_out.size(), 1u);
    EXPECT_EQ(by_default->left_out[0].company, "Brouillon SARL");
    ASSERT_EQ(by_default->vendors[0].opinions.size(), 2u);
    std::map<std::string, std::string> verdicts;
    for (const Opinion& opinion : by_default->vendors[0].opinions) verdicts[opinion.role] = opinion.verdict;
    EXPECT_EQ(verdicts["it"], "favourable_with_reservations");
    EXPECT_EQ(verdicts["biomedical"], "unfavourable");
    EXPECT_EQ(ranking(by_default->compared()).size(), 1u);

    auto with_drafts = evaluations().compare(purchase.id, ComparisonScope{true});
    ASSERT_TRUE(with_drafts.ok());
    ASSERT_EQ(with_drafts->vendors.size(), 2u);
    EXPECT_TRUE(with_drafts->vendors[1].opinions.empty());
    EXPECT_TRUE(with_drafts->left_out.empty());
}

}  // namespace
}  // namespace cyberachat::services::testing
