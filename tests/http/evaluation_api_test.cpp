// The evaluation over HTTP: one response's score and points de vigilance, the comparison of
// vendors (API and page), a vendor's token refused on every evaluation endpoint, and nothing of
// the evaluation in what vendors see.
#include <gtest/gtest.h>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

const char* kCodeRationale = "Un compte générique codé en dur ne peut être ni désactivé ni changé";
const char* kGatewayComment = "Passerelle <VPN> & bastion prévus en 2028";

void put_answer(const ServerProcess& server, const std::string& token, const std::string& id, const json& value,
                const std::string& comment = "") {
    json body{{"value", value}};
    if (!comment.empty()) body["comment"] = comment;
    auto result = server.api(token).Put(("/api/v1/vendor/answers/" + id).c_str(), body.dump(), "application/json");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << id << ": " << result->body;
}

}  // namespace

class EvaluationApi : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        acquisition = create_acquisition(*server, "Pousse-seringues 2027");
        strong = invite_vendor(*server, acquisition, "Fresenius Vial");
        weak = invite_vendor(*server, acquisition, "Médi-Pompe");
        fill_required(*server, strong.token);
        fill_required(*server, weak.token);
        put_answer(*server, weak.token, "maintenance.absence_compte_code_en_dur", "non");
        put_answer(*server, weak.token, "maintenance.passerelle_securisee", "non", kGatewayComment);
    }
    static void TearDownTestSuite() { delete server; }
    static ServerProcess* server;
    static long long acquisition;
    static Invitation strong, weak;
};
ServerProcess* EvaluationApi::server = nullptr;
long long EvaluationApi::acquisition = 0;
Invitation EvaluationApi::strong, EvaluationApi::weak;

TEST_F(EvaluationApi, GivesScoresAndFindingsOfAResponse) {
    auto api = server->api(server->api_token());
    auto good = parse_json(api.Get("/api/v1/responses/" + std::to_string(strong.response_id) + "/evaluation"));
    ASSERT_TRUE(good.contains("score")) << good.dump();
    EXPECT_EQ(good["score"]["overall"], 100);
    for (const char* part : {"dispositif", "serveurs", "logiciels", "maintenance"}) EXPECT_EQ(good["score"]["parts"][part], 100);
    EXPECT_TRUE(good["findings"].empty());
    EXPECT_EQ(good["grid"]["id"], "afib-grid");

    auto bad = parse_json(api.Get("/api/v1/responses/" + std::to_string(weak.response_id) + "/evaluation"));
    EXPECT_LT(bad["score"]["overall"].get<int>(), 100);
    EXPECT_LT(bad["score"]["parts"]["maintenance"].get<int>(), 100);
    ASSERT_EQ(bad["findings"].size(), 2u) << bad.dump();
    EXPECT_EQ(bad["findings"][0]["question_id"], "maintenance.absence_compte_code_en_dur");
    EXPECT_EQ(bad["findings"][0]["severity"], "critical");
    EXPECT_EQ(bad["findings"][0]["answer"], "non");
    EXPECT_NE(bad["findings"][0]["rationale"].get<std::string>().find(kCodeRationale), std::string::npos);
    EXPECT_EQ(bad["findings"][1]["question_id"], "maintenance.passerelle_securisee");
    EXPECT_EQ(bad["findings"][1]["severity"], "major");
}

TEST_F(EvaluationApi, ScoreFollowsTheAnswers) {
    auto api = server->api(server->api_token());
    const std::string path = "/api/v1/responses/" + std::to_string(strong.response_id) + "/evaluation";
    put_answer(*server, strong.token, "logiciels.communications_chiffrees", "non");
    auto changed = parse_json(api.Get(path));
    ASSERT_EQ(changed["findings"].size(), 1u);
    EXPECT_EQ(changed["findings"][0]["question_id"], "logiciels.communications_chiffrees");
    EXPECT_LT(changed["score"]["parts"]["logiciels"].get<int>(), 100);
    put_answer(*server, strong.token, "logiciels.communications_chiffrees", "oui");
    EXPECT_EQ(parse_json(api.Get(path))["score"]["overall"], 100);
}

TEST_F(EvaluationApi, ComparesEveryVendorAndFilters) {
    auto api = server->api(server->api_token());
    const std::string base_path = "/api/v1/acquisitions/" + std::to_string(acquisition) + "/comparison";
    // Neither vendor has submitted: by default nothing is compared nor ranked, both are named.
    auto submitted_only = parse_json(api.Get(base_path));
    EXPECT_TRUE(submitted_only["vendors"].empty());
    EXPECT_TRUE(submitted_only["ranking"].empty());
    EXPECT_EQ(submitted_only["drafts_included"], false);
    ASSERT_EQ(submitted_only["left_out"].size(), 2u);
    EXPECT_EQ(submitted_only["left_out"][0]["state"], "draft");
    // Asked for, the drafts are compared and ranked, each with its state.
    const std::string path = base_path + "?drafts=1";
    auto all = parse_json(api.Get(path));
    ASSERT_EQ(all["vendors"].size(), 2u) << all.dump().substr(0, 500);
    EXPECT_EQ(all["vendors"][0]["state"], "draft");
    EXPECT_TRUE(all["vendors"][0]["opinions"].empty());
    ASSERT_EQ(all["ranking"].size(), 2u);
    EXPECT_EQ(all["ranking"][0], strong.response_id);
    EXPECT_TRUE(all["left_out"].empty());
    EXPECT_EQ(all["vendors"][0]["company"], "Fresenius Vial");
    EXPECT_EQ(all["vendors"][0]["score"], 100);
    EXPECT_LT(all["vendors"][1]["score"].get<int>(), 100);
    EXPECT_GT(all["rows"].size(), 100u);
    auto differences = parse_json(api.Get(path + "&differences=1"));
    auto vigilance = parse_json(api.Get(path + "&vigilance=1"));
    ASSERT_EQ(vigilance["rows"].size(), 2u);
    EXPECT_EQ(vigilance["rows"][0]["question_id"], "maintenance.passerelle_securisee");
    const auto& answers = vigilance["rows"][0]["answers"];
    EXPECT_EQ(answers[0]["response_id"], strong.response_id);
    EXPECT_EQ(answers[0]["favourable"], true);
    EXPECT_EQ(answers[1]["value"], "non");
    EXPECT_EQ(answers[1]["favourable"], false);
    // Each answer with the vendor's comment on it (null when none).
    EXPECT_EQ(answers[1]["comment"], kGatewayComment);
    EXPECT_TRUE(answers[0]["comment"].is_null());
    EXPECT_GE(differences["rows"].size(), 2u);
    EXPECT_LT(differences["rows"].size(), all["rows"].size());
    for (const auto& row : differences["rows"]) EXPECT_TRUE(row["differs"].get<bool>()) << row["question_id"];
    auto part = parse_json(api.Get(path + "&part=logiciels"));
    for (const auto& row : part["rows"]) EXPECT_EQ(row["part_id"], "logiciels");

    auto unknown_part = api.Get(path + "&part=inconnue");
    ASSERT_TRUE(unknown_part);
    EXPECT_EQ(unknown_part->status, 422);
    EXPECT_NE(parse_json(unknown_part)["error"]["message"].get<std::string>().find("Partie inconnue"), std::string::npos);
    auto unknown = api.Get("/api/v1/acquisitions/999999/comparison");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    auto unknown_response = api.Get("/api/v1/responses/999999/evaluation");
    ASSERT_TRUE(unknown_response);
    EXPECT_EQ(unknown_response->status, 404);
}

TEST_F(EvaluationApi, RefusesVendorTokensOnEveryEvaluationEndpoint) {
    for (const std::string& path : {"/api/v1/responses/" + std::to_string(weak.response_id) + "/evaluation",
                                    "/api/v1/responses/" + std::to_string(strong.response_id) + "/evaluation",
                                    "/api/v1/acquisitions/" + std::to_string(acquisition) + "/comparison"}) {
        for (const std::string& token : {weak.token, strong.token}) {
            auto result = server->api(token).Get(path);
            ASSERT_TRUE(result);
            EXPECT_EQ(result->status, 401) << path;
            EXPECT_EQ(result->body.find("score"), std::string::npos);
        }
        auto anonymous = server->client().Get(path);
        ASSERT_TRUE(anonymous);
        EXPECT_EQ(anonymous->status, 401);
    }
}

TEST_F(EvaluationApi, VendorsSeeNothingOfTheEvaluation) {
    auto own = server->api(weak.token).Get("/api/v1/vendor/response");
    ASSERT_TRUE(own);
    ASSERT_EQ(own->status, 200);
    for (const char* secret : {kCodeRationale, "\"score\"", "findings", "severity", "vigilance", "afib-grid", "weight"})
        EXPECT_EQ(own->body.find(secret), std::string::npos) << secret;

    Browser vendor(*server);
    ASSERT_EQ(vendor.get(weak.url.substr(weak.url.find("/invitation/")))->status, 303);
    for (const std::string& page : {std::string("/vendor"), std::string("/vendor/review"),
                                    std::string("/vendor/sections/maintenance.controle_acces"),
                                    std::string("/vendor/sections/maintenance.generalites_telemaintenance")}) {
        auto result = vendor.get(page);
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200) << page;
        for (const char* secret : {kCodeRationale, "Point de vigilance", "Points de vigilance", "Score", "Critique", "severity"})
            EXPECT_EQ(result->body.find(secret), std::string::npos) << page << ": " << secret;
    }
    // A vendor's session does not open hospital pages either.
    auto comparison = vendor.get("/acquisitions/" + std::to_string(acquisition) + "/comparison");
    ASSERT_TRUE(comparison);
    EXPECT_EQ(comparison->status, 303);
    EXPECT_EQ(comparison->get_header_value("Location"), "/login");
}

TEST_F(EvaluationApi, HospitalPagesShowScoresFindingsAndTheComparison) {
    Browser hospital(*server);
    log_in(hospital);
    auto page = hospital.get("/responses/" + std::to_string(weak.response_id));
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Points de vigilance (2)"), std::string::npos);
    EXPECT_NE(page->body.find(kCodeRationale), std::string::npos);
    EXPECT_NE(page->body.find("elle n&#39;élimine aucun fournisseur"), std::string::npos);
    EXPECT_NE(page->body.find("data-finding=\"maintenance.absence_compte_code_en_dur\""), std::string::npos);

    const std::string base = "/acquisitions/" + std::to_string(acquisition);
    EXPECT_NE(hospital.get(base)->body.find(base + "/comparison"), std::string::npos);
    auto drafts_left_out = hospital.get(base + "/comparison");
    ASSERT_TRUE(drafts_left_out);
    EXPECT_NE(drafts_left_out->body.find("Seules les réponses soumises sont comparées"), std::string::npos);
    EXPECT_NE(drafts_left_out->body.find("Non comparées"), std::string::npos);
    EXPECT_NE(drafts_left_out->body.find("Inclure les brouillons"), std::string::npos);
    EXPECT_EQ(drafts_left_out->body.find("<svg"), std::string::npos);
    auto comparison = hospital.get(base + "/comparison?vigilance=1&drafts=1");
    ASSERT_TRUE(comparison);
    ASSERT_EQ(comparison->status, 200);
    EXPECT_NE(comparison->body.find("data-opinion=\"it\""), std::string::npos);
    EXPECT_NE(comparison->body.find("data-state=\"draft\""), std::string::npos);
    EXPECT_NE(comparison->body.find("<svg"), std::string::npos);
    EXPECT_NE(comparison->body.find("Fresenius Vial"), std::string::npos);
    EXPECT_NE(comparison->body.find("data-question=\"maintenance.passerelle_securisee\""), std::string::npos);
    EXPECT_EQ(comparison->body.find("data-question=\"dispositif.designation\""), std::string::npos);
    // The vendor's comment under its answer, escaped.
    EXPECT_NE(comparison->body.find("Passerelle &lt;VPN&gt; &amp; bastion prévus en 2028"), std::string::npos);
    EXPECT_EQ(comparison->body.find(kGatewayComment), std::string::npos);
    EXPECT_EQ(hospital.get(base + "/comparison?part=inconnue")->status, 422);
    EXPECT_EQ(hospital.get("/acquisitions/999999/comparison")->status, 404);
}
