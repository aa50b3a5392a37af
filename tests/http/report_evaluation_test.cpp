// The hospital's PDF reports carry its evaluation (score overall and per part, points de vigilance
// with their rationale, reviewers' comments, advisory opinions); the vendor's own PDF, of the same
// response, carries none of it.
#include <gtest/gtest.h>

#include <regex>

#include "../outputs/pdf/pdf_text.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

const char* kComment = "Passerelle non documentée, à revoir";
const char* kItOpinion = "Réserve sur la télémaintenance";
const char* kBioOpinion = "Bonne intégration au parc";

// pdftotext -layout wraps and indents: compare with every run of blanks as one space.
std::string flat(const std::string& text) { return std::regex_replace(text, std::regex(R"(\s+)"), " "); }
bool contains_flat(const std::string& text, const std::string& part) { return flat(text).find(flat(part)) != std::string::npos; }

}  // namespace

class ReportEvaluation : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        const std::string it_token = user_token(*server, "rssi@chu.test", "it");
        acquisition = create_acquisition(*server, "Moniteurs 2028");
        add_member(*server, acquisition, "rssi@chu.test", "it_reviewer");
        vendor = invite_vendor(*server, acquisition, "Vigie Médical");
        auto put = server->api(vendor.token).Put("/api/v1/vendor/answers/dispositif.marque", json{{"value", "Vigie"}}.dump(),
                                                 "application/json");
        ASSERT_TRUE(put);
        ASSERT_EQ(put->status, 200) << put->body;
        // Unanswered required questions are points de vigilance.
        evaluation = parse_json(server->api(server->api_token()).Get(response_path("/evaluation")));
        ASSERT_FALSE(evaluation["findings"].empty()) << evaluation.dump();
        auto review = server->api(it_token).Post(
            response_path("/reviews"),
            json{{"question_id", evaluation["findings"][0]["question_id"]}, {"status", "unsatisfactory"}, {"comment", kComment}}
                .dump(),
            "application/json");
        ASSERT_TRUE(review);
        ASSERT_EQ(review->status, 201) << review->body;
        auto it = server->api(it_token).Put(response_path("/opinion"),
                                            json{{"verdict", "unfavourable"}, {"text", kItOpinion}}.dump(), "application/json");
        ASSERT_TRUE(it);
        ASSERT_EQ(it->status, 200) << it->body;
        auto bio = server->api(server->api_token())
                       .Put(response_path("/opinion"), json{{"verdict", "favourable"}, {"text", kBioOpinion}}.dump(),
                            "application/json");
        ASSERT_TRUE(bio);
        ASSERT_EQ(bio->status, 200) << bio->body;
    }
    static void TearDownTestSuite() { delete server; }
    static std::string response_path(const std::string& tail) {
        return "/api/v1/responses/" + std::to_string(vendor.response_id) + tail;
    }
    static std::string hospital_pdf(const std::string& url) {
        auto result = server->api(server->api_token()).Get(url);
        if (!result || result->status != 200) return "HTTP error";
        return pdf_text(result->body);
    }
    static std::string overall() { return std::to_string(evaluation["score"]["overall"].get<int>()) + " / 100"; }
    static std::string rationale() { return evaluation["findings"][0]["rationale"].get<std::string>(); }

    static ServerProcess* server;
    static long long acquisition;
    static Invitation vendor;
    static json evaluation;
};
ServerProcess* ReportEvaluation::server = nullptr;
long long ReportEvaluation::acquisition = 0;
Invitation ReportEvaluation::vendor;
json ReportEvaluation::evaluation;

TEST_F(ReportEvaluation, TheResponseReportCarriesTheEvaluation) {
    const std::string text = hospital_pdf(response_path("/report.pdf"));
    EXPECT_TRUE(contains_flat(text, "Évaluation de l'établissement")) << text.substr(0, 3000);
    EXPECT_TRUE(contains_flat(text, "Score global : " + overall()));
    // Per part, by its title.
    EXPECT_TRUE(contains_flat(text, "Description générale du dispositif : " + std::to_string(evaluation["score"]["parts"]["dispositif"].get<int>()) + " / 100"));
    EXPECT_TRUE(contains_flat(text, "Points de vigilance (" + std::to_string(evaluation["findings"].size()) + ")"));
    EXPECT_TRUE(contains_flat(text, rationale())) << rationale();
    EXPECT_TRUE(contains_flat(text, "Réponse : Non renseigné"));
    EXPECT_TRUE(contains_flat(text, kComment));
    EXPECT_TRUE(contains_flat(text, "rssi@chu.test"));
    EXPECT_TRUE(contains_flat(text, "Insatisfaisant"));
    EXPECT_TRUE(contains_flat(text, kItOpinion));
    EXPECT_TRUE(contains_flat(text, kBioOpinion));
    EXPECT_TRUE(contains_flat(text, "Défavorable"));
    EXPECT_TRUE(contains_flat(text, "n'élimine aucun fournisseur"));
    // In English too.
    const std::string english = hospital_pdf(response_path("/report.pdf?lang=en"));
    EXPECT_TRUE(contains_flat(english, "Overall score: " + overall()));
    EXPECT_TRUE(contains_flat(english, "Unsatisfactory"));
    EXPECT_TRUE(contains_flat(english, "eliminates no vendor"));
}

TEST_F(ReportEvaluation, ThePurchaseReportCarriesTheScoresAndTheEvaluation) {
    const std::string text = hospital_pdf("/api/v1/acquisitions/" + std::to_string(acquisition) + "/report.pdf");
    EXPECT_TRUE(contains_flat(text, "Synthèse comparative")) << text.substr(0, 3000);
    EXPECT_TRUE(contains_flat(text, "score " + overall()));  // the comparison summary
    const size_t findings = evaluation["findings"].size();
    EXPECT_TRUE(contains_flat(text, std::to_string(findings) + (findings <= 1 ? " point de vigilance" : " points de vigilance")));
    EXPECT_TRUE(contains_flat(text, "Scores"));  // the score chart's title
    EXPECT_TRUE(contains_flat(text, "Score global : " + overall()));
    EXPECT_TRUE(contains_flat(text, rationale()));
    EXPECT_TRUE(contains_flat(text, kComment));
    EXPECT_TRUE(contains_flat(text, kItOpinion));
    EXPECT_TRUE(contains_flat(text, kBioOpinion));
}

TEST_F(ReportEvaluation, TheVendorsPdfHasNoneOfIt) {
    for (const char* language : {"fr", "en"}) {
        auto result = server->api(vendor.token).Get(std::string("/api/v1/vendor/report.pdf?lang=") + language);
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200) << result->body;
        const std::string text = pdf_text(result->body);
        EXPECT_TRUE(contains_flat(text, "Vigie")) << text.substr(0, 2000);
        for (const std::string& secret : {std::string(kComment), std::string(kItOpinion), std::string(kBioOpinion), rationale(),
                                          std::string("rssi@chu.test"), std::string("Score"),
                                          std::string("vigilance"), std::string("Points of attention"),
                                          std::string("Insatisfaisant"), std::string("Unsatisfactory"),
                                          std::string("Évaluation de l'établissement"), std::string("Hospital's evaluation"), std::string("aucun fournisseur")})
            EXPECT_FALSE(contains_flat(text, secret)) << language << ": " << secret;
    }
}
