// ReportService: the report models of the blank questionnaire, of one response (the vendor's
// copy never carries the hospital's evaluation) and of a whole purchase; file_slug.
#include "services/report_service.hpp"

#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

class ReportServiceTest : public ServiceTest {
protected:
    ReportService& reports() { return services->reports; }

    // The answer line of `question_id` in a vendor block, or null.
    static const report::AnswerLine* line_of(const report::VendorBlock& vendor, const std::string& question_id) {
        for (const auto& part : vendor.parts)
            for (const auto& section : part.sections)
                for (const auto& line : section.answers)
                    if (line.question_id == question_id) return &line;
        return nullptr;
    }

    static report::Evaluation sample_evaluation() {
        report::Evaluation evaluation;
        evaluation.score = "42 / 100";
        evaluation.score_ratio = 0.42;
        evaluation.vigilance.push_back({"Majeur", "Question", "Non", "Parce que"});
        return evaluation;
    }
};

TEST_F(ReportServiceTest, BlankQuestionnaireListsEveryQuestionWithTheExpectedAnswer) {
    auto version = store->questionnaires.ensure("mini", "1", kMiniQuestionnaireYaml);
    ASSERT_TRUE(version.ok());
    auto questionnaire = questionnaires().get(version->id);
    ASSERT_TRUE(questionnaire.ok());
    auto document = reports().questionnaire_report(*questionnaire, Language::fr);
    ASSERT_TRUE(document.ok()) << document.error().message.in(Language::en);
    EXPECT_EQ(document->kind, report::ReportKind::questionnaire);
    EXPECT_EQ(document->title, "Mini questionnaire");
    EXPECT_EQ(document->subtitle, "Questionnaire vierge — version 1");
    EXPECT_TRUE(document->vendors.empty());
    ASSERT_EQ(document->questionnaire_parts.size(), 1u);
    const auto& answers = document->questionnaire_parts[0].sections.at(0).answers;
    ASSERT_EQ(answers.size(), 3u);  // hidden questions too: the blank form shows them all
    EXPECT_EQ(answers[0].answer, "☐ Oui   ☐ Non");
    EXPECT_EQ(answers[1].label, "Détail");
    EXPECT_EQ(answers[2].answer, "Document à joindre");
    auto english = reports().questionnaire_report(*questionnaire, Language::en);
    ASSERT_TRUE(english.ok());
    EXPECT_EQ(english->questionnaire_parts[0].sections.at(0).answers[0].answer, "☐ Yes   ☐ No");
}

TEST_F(ReportServiceTest, ResponseReportShowsTheVisibleAnswers) {
    const Id id = new_response();
    save(id, "p.gate", "non", "Pas concerné");
    const StoredDocument document = attach(id, "p.doc", "notice.pdf");
    auto built = reports().response_report(id, Language::fr, report::Audience::hospital, sample_evaluation());
    ASSERT_TRUE(built.ok()) << built.error().message.in(Language::en);
    EXPECT_EQ(built->kind, report::ReportKind::response);
    EXPECT_EQ(built->title, "Achat mini");
    EXPECT_EQ(built->subtitle, "Réponse de Acme Medical");
    ASSERT_EQ(built->vendors.size(), 1u);
    const report::VendorBlock& vendor = built->vendors[0];
    EXPECT_EQ(vendor.company, "Acme Medical");
    EXPECT_EQ(vendor.evaluation.score, "42 / 100");
    const report::AnswerLine* gate = line_of(vendor, "p.gate");
    ASSERT_NE(gate, nullptr);
    EXPECT_EQ(gate->answer, "Non");
    EXPECT_EQ(gate->comment, "Pas concerné");
    EXPECT_EQ(line_of(vendor, "p.detail"), nullptr);  // hidden by the gate
    const report::AnswerLine* attached = line_of(vendor, "p.doc");
    ASSERT_NE(attached, nullptr);
    ASSERT_EQ(attached->documents.size(), 1u);
    EXPECT_EQ(attached->documents[0].file_name, "notice.pdf");
    EXPECT_EQ(attached->documents[0].sha256, document.sha256);
    EXPECT_TRUE(attached->answer.empty());
    EXPECT_ERROR_CODE(reports().response_report(id + 100, Language::fr, report::Audience::hospital), "not_found");
}

TEST_F(ReportServiceTest, TheVendorsReportNeverCarriesTheEvaluation) {
    const Id id = new_response();
    auto built = reports().response_report(id, Language::en, report::Audience::vendor, sample_evaluation());
    ASSERT_TRUE(built.ok()) << built.error().message.in(Language::en);
    EXPECT_EQ(built->audience, report::Audience::vendor);
    const report::Evaluation& evaluation = built->vendors.at(0).evaluation;
    EXPECT_FALSE(evaluation.score);
    EXPECT_TRUE(evaluation.vigilance.empty());
    const report::AnswerLine* gate = line_of(built->vendors[0], "p.gate");
    ASSERT_NE(gate, nullptr);
    EXPECT_EQ(gate->answer, "Not answered");
}

TEST_F(ReportServiceTest, AcquisitionReportComparesEveryVendor) {
    const Acquisition purchase = afib_purchase();
    const Id first = invite(purchase.id, "Premier").response.id;
    invite(purchase.id, "Second");
    save(first, kAfibYesNo, "oui");
    auto built = reports().acquisition_report(purchase.id, Language::fr, Evaluations{{first, sample_evaluation()}});
    ASSERT_TRUE(built.ok()) << built.error().message.in(Language::en);
    EXPECT_EQ(built->kind, report::ReportKind::acquisition);
    EXPECT_EQ(built->title, "Moniteurs de surveillance 2027");
    ASSERT_EQ(built->comparison.size(), 2u);
    EXPECT_EQ(built->comparison[0].company, "Premier");
    EXPECT_EQ(built->comparison[0].score, "42 / 100");
    EXPECT_EQ(built->comparison[0].vigilance_count, 1u);
    EXPECT_FALSE(built->comparison[1].score);
    ASSERT_EQ(built->vendors.size(), 2u);
    EXPECT_EQ(line_of(built->vendors[0], kAfibYesNo)->answer, "Oui");
    EXPECT_FALSE(built->vendors[0].parts.empty());
    bool facts_have_reference = false;
    for (const auto& [label, value] : built->facts) facts_have_reference = facts_have_reference || value == "M-2027-014";
    EXPECT_TRUE(facts_have_reference);
    EXPECT_ERROR_CODE(reports().acquisition_report(purchase.id + 100, Language::fr), "not_found");
}

TEST(ReportFileSlug, AsciiLettersDigitsAndDashes) {
    EXPECT_EQ(file_slug("Échographes cardiologie 2027"), "echographes-cardiologie-2027");
    EXPECT_EQ(file_slug("  Lot n°2 : IRM / scanner  "), "lot-n-2-irm-scanner");
    EXPECT_EQ(file_slug("Ça coûte œuvre"), "ca-coute-oeuvre");  // the ligature spelled out
    EXPECT_EQ(file_slug("Lot 3 × 2"), "lot-3-2");              // other non-ASCII characters separate
    EXPECT_EQ(file_slug("!!!"), "achat");
    EXPECT_EQ(file_slug(""), "achat");
    EXPECT_LE(file_slug(std::string(100, 'a')).size(), 60u);
}

}  // namespace
}  // namespace cyberachat::services::testing
