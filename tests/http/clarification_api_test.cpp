// Clarifications after submission: a reviewer asks about one answer, the vendor sees only the
// question (not the internal comment), answers it while the rest stays locked, and the reviewers
// see it answered.
#include <gtest/gtest.h>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

const char* kQuestion = "Which secure gateway product do you support (name and version)?";
const char* kInternal = "Interne : le fournisseur a déjà esquivé la question en 2024";

}  // namespace

class Clarifications : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        vendor = invite_vendor(*server, create_acquisition(*server, "Défibrillateurs 2031"), "Cardio Systèmes");
        fill_required(*server, vendor.token);
        auto submitted = server->api(vendor.token).Post("/api/v1/vendor/submit");
        if (!submitted || submitted->status != 200) throw std::runtime_error("submit failed");
    }
    static void TearDownTestSuite() { delete server; }
    static ServerProcess* server;
    static Invitation vendor;
};
ServerProcess* Clarifications::server = nullptr;
Invitation Clarifications::vendor;

TEST_F(Clarifications, TheVendorAnswersOnlyWhatIsAskedAfterSubmission) {
    auto hospital = server->api(server->api_token());
    const std::string reviews = "/api/v1/responses/" + std::to_string(vendor.response_id) + "/reviews";
    auto asked = hospital.Post(reviews, json{{"question_id", "maintenance.passerelle_securisee"}, {"status", "clarification"},
                                             {"comment", kInternal}, {"vendor_question", kQuestion}}.dump(),
                               "application/json");
    ASSERT_EQ(asked->status, 201) << asked->body;

    auto api = server->api(vendor.token);
    auto open = parse_json(api.Get("/api/v1/vendor/clarifications"));
    ASSERT_EQ(open["clarifications"].size(), 1u);
    EXPECT_EQ(open["clarifications"][0]["question"], kQuestion);
    auto raw = api.Get("/api/v1/vendor/clarifications");
    EXPECT_EQ(raw->body.find("esquivé"), std::string::npos);

    // The vendor's pages show the question, never the internal comment.
    Browser browser(*server);
    ASSERT_EQ(browser.get(vendor.url.substr(vendor.url.find("/invitation/")))->status, 303);
    auto home = browser.get("/vendor");
    EXPECT_NE(home->body.find("/vendor/clarifications"), std::string::npos);
    auto page = browser.get("/vendor/clarifications");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Which secure gateway product"), std::string::npos);
    EXPECT_EQ(page->body.find("esquivé"), std::string::npos);

    // The rest stays locked.
    auto other = api.Put("/api/v1/vendor/answers/maintenance.journaux_evenements", json{{"value", "non"}}.dump(), "application/json");
    EXPECT_EQ(other->status, 409);
    auto not_asked = api.Post("/api/v1/vendor/clarifications/maintenance.journaux_evenements",
                              json{{"value", "non"}, {"explanation", "x"}}.dump(), "application/json");
    EXPECT_EQ(not_asked->status, 404);
    auto empty = api.Post("/api/v1/vendor/clarifications/maintenance.passerelle_securisee", json{{"value", "oui"}}.dump(),
                          "application/json");
    EXPECT_EQ(empty->status, 422);

    // The vendor answers through the page form.
    auto answered = browser.post("/vendor/clarifications/maintenance.passerelle_securisee",
                                 {{"value", "oui"}, {"explanation", "Nous utilisons la passerelle Fortinet de l'établissement."}});
    ASSERT_EQ(answered->status, 303);
    auto response = parse_json(hospital.Get("/api/v1/responses/" + std::to_string(vendor.response_id)));
    EXPECT_EQ(response["status"], "submitted");
    EXPECT_EQ(response["answers"]["maintenance.passerelle_securisee"]["value"], "oui");
    EXPECT_EQ(response["answers"]["maintenance.passerelle_securisee"]["comment"],
              "Nous utilisons la passerelle Fortinet de l'établissement.");
    auto list = parse_json(hospital.Get(reviews))["reviews"];
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1]["status"], "answered");
    EXPECT_EQ(list[1]["author_role"], "vendor");
    // Closed: no second answer.
    EXPECT_TRUE(parse_json(api.Get("/api/v1/vendor/clarifications"))["clarifications"].empty());
    auto again = api.Post("/api/v1/vendor/clarifications/maintenance.passerelle_securisee",
                          json{{"explanation", "encore"}}.dump(), "application/json");
    EXPECT_EQ(again->status, 404);
    // The hospital's page shows it answered.
    Browser reviewer(*server);
    log_in(reviewer);
    auto hospital_page = reviewer.get("/responses/" + std::to_string(vendor.response_id));
    EXPECT_NE(hospital_page->body.find("Précision apportée par le fournisseur"), std::string::npos);
}
