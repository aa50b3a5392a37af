// Reviews of answers and advisory opinions over HTTP: IT and biomedical reviewers, refusals
// (buyer, vendor token, bad input), and nothing of them in what the vendor sees.
#include <gtest/gtest.h>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

const char* kInternal = "Compte de maintenance partagé : inacceptable tel quel";

}  // namespace

class ReviewApi : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        it_token = user_token(*server, "rssi@chu.test", "it");
        buyer_token = user_token(*server, "achats@chu.test", "buyer");
        acquisition = create_acquisition(*server, "Échographes 2031");
        add_member(*server, acquisition, "rssi@chu.test", "it_reviewer");
        add_member(*server, acquisition, "achats@chu.test", "buyer");
        vendor = invite_vendor(*server, acquisition, "Écho Systèmes");
        fill_required(*server, vendor.token);
    }
    static void TearDownTestSuite() { delete server; }
    static ServerProcess* server;
    static std::string it_token, buyer_token;
    static long long acquisition;
    static Invitation vendor;
    std::string path(const std::string& tail) const { return "/api/v1/responses/" + std::to_string(vendor.response_id) + tail; }
};
ServerProcess* ReviewApi::server = nullptr;
std::string ReviewApi::it_token, ReviewApi::buyer_token;
long long ReviewApi::acquisition = 0;
Invitation ReviewApi::vendor;

TEST_F(ReviewApi, ReviewersCommentAndMarkAnswersEachActionRecorded) {
    auto it = server->api(it_token);
    auto added = it.Post(path("/reviews"), json{{"question_id", "maintenance.comptes_differents"}, {"status", "unsatisfactory"},
                                              {"comment", kInternal}}.dump(), "application/json");
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 201) << added->body;
    EXPECT_EQ(parse_json(added)["author"], "rssi@chu.test");
    EXPECT_EQ(parse_json(added)["author_role"], "it");
    auto bio = server->api(server->api_token());
    ASSERT_EQ(bio.Post(path("/reviews"), json{{"question_id", "maintenance.comptes_differents"}, {"status", "accepted"}}.dump(),
                       "application/json")->status, 201);
    auto list = parse_json(bio.Get(path("/reviews")));
    ASSERT_GE(list["reviews"].size(), 2u);
    EXPECT_EQ(list["reviews"][0]["status"], "unsatisfactory");
    EXPECT_EQ(list["reviews"][1]["author"], ServerProcess::kEmail);
    EXPECT_FALSE(list["reviews"][1]["created_at"].get<std::string>().empty());
    // The evaluation shows reviewers' comments next to the page's points de vigilance.
    Browser hospital(*server);
    log_in(hospital);
    auto page = hospital.get("/responses/" + std::to_string(vendor.response_id));
    EXPECT_NE(page->body.find(kInternal), std::string::npos);
    EXPECT_NE(page->body.find("Insatisfaisant"), std::string::npos);
}

TEST_F(ReviewApi, OpinionsAreGivenSeparatelyByRoleAndAreAdvisory) {
    auto it = server->api(it_token);
    auto saved = it.Put(path("/opinion"), json{{"verdict", "favourable_with_reservations"}, {"text", "Sous réserve de la passerelle"}}.dump(),
                        "application/json");
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 200) << saved->body;
    EXPECT_EQ(parse_json(saved)["role"], "it");
    EXPECT_EQ(parse_json(saved)["advisory"], true);
    auto bio = server->api(server->api_token());
    ASSERT_EQ(bio.Put(path("/opinion"), json{{"verdict", "favourable"}, {"text", "Bonne ergonomie"}}.dump(), "application/json")->status, 200);
    auto opinions = parse_json(bio.Get(path("/reviews")))["opinions"];
    ASSERT_EQ(opinions.size(), 2u);
    EXPECT_EQ(opinions[0]["role"], "biomedical");
    EXPECT_EQ(opinions[1]["verdict"], "favourable_with_reservations");

    Browser hospital(*server);
    log_in(hospital);
    auto page = hospital.get("/responses/" + std::to_string(vendor.response_id));
    EXPECT_NE(page->body.find("Un avis est consultatif"), std::string::npos);
    EXPECT_NE(page->body.find("Favorable avec réserves"), std::string::npos);
    // The page form: the biomedical engineer changes the biomedical opinion.
    auto posted = hospital.post("/responses/" + std::to_string(vendor.response_id) + "/opinion",
                                {{"verdict", "unfavourable"}, {"text", "Maintenance trop lointaine"}});
    ASSERT_TRUE(posted);
    EXPECT_EQ(posted->status, 303);
    opinions = parse_json(bio.Get(path("/reviews")))["opinions"];
    EXPECT_EQ(opinions[0]["verdict"], "unfavourable");
}

TEST_F(ReviewApi, RefusesBuyersVendorsAndBadInputWithFrenchMessages) {
    auto buyer = server->api(buyer_token);
    auto review = buyer.Post(path("/reviews"), json{{"question_id", "maintenance.comptes_differents"}, {"status", "accepted"}}.dump(),
                             "application/json");
    ASSERT_TRUE(review);
    EXPECT_EQ(review->status, 403);
    EXPECT_EQ(buyer.Put(path("/opinion"), json{{"verdict", "favourable"}}.dump(), "application/json")->status, 403);

    for (const std::string& token : {vendor.token}) {
        auto api = server->api(token);
        EXPECT_EQ(api.Get(path("/reviews"))->status, 401);
        EXPECT_EQ(api.Post(path("/reviews"), json{{"question_id", "maintenance.comptes_differents"}}.dump(), "application/json")->status, 401);
        EXPECT_EQ(api.Put(path("/opinion"), json{{"verdict", "favourable"}}.dump(), "application/json")->status, 401);
    }

    auto it = server->api(it_token);
    auto message = [&](const json& body) {
        auto result = it.Post(path("/reviews"), body.dump(), "application/json");
        EXPECT_EQ(result->status, 422) << body.dump();
        return parse_json(result)["error"]["message"].get<std::string>();
    };
    EXPECT_NE(message({{"question_id", "maintenance.inconnue"}, {"status", "accepted"}}).find("Question inconnue"), std::string::npos);
    EXPECT_NE(message({{"question_id", "maintenance.comptes_differents"}, {"status", "rejete"}}).find("Statut inconnu"), std::string::npos);
    EXPECT_NE(message({{"question_id", "maintenance.comptes_differents"}}).find("Choisissez un statut"), std::string::npos);
    EXPECT_NE(message({{"question_id", "maintenance.comptes_differents"}, {"status", "clarification"}}).find("question posée"),
              std::string::npos);
    auto verdict = it.Put(path("/opinion"), json{{"verdict", "peut-etre"}}.dump(), "application/json");
    EXPECT_EQ(verdict->status, 422);
    EXPECT_NE(parse_json(verdict)["error"]["message"].get<std::string>().find("Avis inconnu"), std::string::npos);
    EXPECT_EQ(it.Post("/api/v1/responses/999999/reviews", json{{"question_id", "x"}, {"status", "accepted"}}.dump(),
                      "application/json")->status, 404);
}

TEST_F(ReviewApi, TheVendorNeverSeesInternalCommentsOrOpinions) {
    auto it = server->api(it_token);
    ASSERT_EQ(it.Post(path("/reviews"), json{{"question_id", "maintenance.journaux_evenements"}, {"status", "unsatisfactory"},
                                           {"comment", kInternal}}.dump(), "application/json")->status, 201);
    ASSERT_EQ(it.Put(path("/opinion"), json{{"verdict", "unfavourable"}, {"text", "Avis interne défavorable"}}.dump(),
                     "application/json")->status, 200);
    auto own = server->api(vendor.token).Get("/api/v1/vendor/response");
    ASSERT_EQ(own->status, 200);
    for (const char* secret : {kInternal, "Avis interne défavorable", "unsatisfactory", "opinion"})
        EXPECT_EQ(own->body.find(secret), std::string::npos) << secret;
    Browser browser(*server);
    ASSERT_EQ(browser.get(vendor.url.substr(vendor.url.find("/invitation/")))->status, 303);
    for (const std::string& page : {std::string("/vendor"), std::string("/vendor/review"),
                                    std::string("/vendor/sections/maintenance.controle_acces")}) {
        auto result = browser.get(page);
        ASSERT_EQ(result->status, 200) << page;
        for (const char* secret : {kInternal, "Avis interne défavorable", "Insatisfaisant", "Favorable"})
            EXPECT_EQ(result->body.find(secret), std::string::npos) << page << ": " << secret;
    }
}
