// Hospital API v1 against the real server.
#include <gtest/gtest.h>

#include <algorithm>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

class AcquisitionApi : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess(); }
    static void TearDownTestSuite() { delete server; }
    static ServerProcess* server;
};
ServerProcess* AcquisitionApi::server = nullptr;

TEST_F(AcquisitionApi, HealthzAnswers) {
    auto result = server->client().Get("/healthz");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    const json health = parse_json(result);
    EXPECT_EQ(health["status"], "ok");
    EXPECT_EQ(health["database"], testing_on_postgresql() ? "postgresql" : "sqlite");
}

TEST_F(AcquisitionApi, RefusesMissingOrUnknownToken) {
    auto anonymous = server->client().Get("/api/v1/acquisitions");
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401);
    EXPECT_EQ(parse_json(anonymous)["error"]["code"], "unauthorized");
    auto forged = server->api("not-a-real-token-0000000000000000000000000").Get("/api/v1/acquisitions");
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 401);
    EXPECT_EQ(forged->body, anonymous->body);
}

TEST_F(AcquisitionApi, CreatesListsAndReadsAcquisitions) {
    auto api = server->api(server->api_token());
    auto created = api.Post("/api/v1/acquisitions",
                            json{{"title", "Moniteurs de réanimation"}, {"equipment", "Moniteur multiparamétrique"},
                                 {"service", "Réanimation"}, {"reference", "AO-2027-12"}, {"deadline", "2027-06-30"}}.dump(),
                            "application/json");
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    const long long id = parse_json(created)["id"];
    auto one = parse_json(api.Get("/api/v1/acquisitions/" + std::to_string(id)));
    EXPECT_EQ(one["title"], "Moniteurs de réanimation");
    EXPECT_EQ(one["reference"], "AO-2027-12");
    EXPECT_EQ(one["questionnaire"]["id"], "afib");
    auto list = parse_json(api.Get("/api/v1/acquisitions"));
    ASSERT_TRUE(list.is_array());
    bool found = false;
    for (const auto& item : list) found = found || item["id"] == id;
    EXPECT_TRUE(found);
}

TEST_F(AcquisitionApi, RejectsInvalidAcquisitions) {
    auto api = server->api(server->api_token());
    auto missing_title = api.Post("/api/v1/acquisitions", json{{"equipment", "IRM"}}.dump(), "application/json");
    ASSERT_TRUE(missing_title);
    EXPECT_EQ(missing_title->status, 422);
    EXPECT_TRUE(parse_json(missing_title)["error"]["fields"].contains("title"));
    auto bad_date = api.Post("/api/v1/acquisitions", json{{"title", "IRM"}, {"equipment", "IRM"}, {"deadline", "31/02/2027"}}.dump(),
                             "application/json");
    ASSERT_TRUE(bad_date);
    EXPECT_EQ(bad_date->status, 422);
    auto malformed = api.Post("/api/v1/acquisitions", "{not json", "application/json");
    ASSERT_TRUE(malformed);
    EXPECT_EQ(malformed->status, 400);
    EXPECT_EQ(parse_json(malformed)["error"]["code"], "bad_request");
    auto unknown = api.Get("/api/v1/acquisitions/999999");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
}

TEST_F(AcquisitionApi, InvitesVendorsWithASecretLink) {
    const long long id = create_acquisition(*server);
    Invitation invitation = invite_vendor(*server, id);
    EXPECT_GE(invitation.token.size(), 43u);  // 256 bits, base64url
    EXPECT_NE(invitation.url.find("/invitation/" + invitation.token), std::string::npos);
    auto api = server->api(server->api_token());
    auto bad_email = api.Post("/api/v1/acquisitions/" + std::to_string(id) + "/vendors",
                              json{{"company", "X"}, {"email", "pas-une-adresse"}}.dump(), "application/json");
    ASSERT_TRUE(bad_email);
    EXPECT_EQ(bad_email->status, 422);
    auto unknown = api.Post("/api/v1/acquisitions/999999/vendors", json{{"company", "X"}, {"email", "x@y.fr"}}.dump(),
                            "application/json");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    // The token is never stored in clear: the database does not contain it (its hash, it does).
    const std::string stored = server->database_contents();
    EXPECT_FALSE(stored.empty());
    EXPECT_EQ(stored.find(invitation.token), std::string::npos);
}

TEST_F(AcquisitionApi, ReadsAResponseWithVisibilityProgressAndDocuments) {
    const long long id = create_acquisition(*server);
    Invitation invitation = invite_vendor(*server, id);
    auto vendor = server->api(invitation.token);
    ASSERT_EQ(vendor.Put("/api/v1/vendor/answers/dispositif.poste_standard", json{{"value", "non"}}.dump(), "application/json")->status, 200);
    httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "certificat.pdf", "application/pdf"}};
    ASSERT_EQ(vendor.Put("/api/v1/vendor/answers/dispositif.classe_ce_2017_745", json{{"value", "iib"}}.dump(), "application/json")->status, 200);
    ASSERT_EQ(vendor.Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", items)->status, 201);

    auto response = parse_json(server->api(server->api_token()).Get("/api/v1/responses/" + std::to_string(invitation.response_id)));
    EXPECT_EQ(response["status"], "draft");
    EXPECT_EQ(response["answers"]["dispositif.poste_standard"]["value"], "non");
    const auto& sections = response["visible_sections"];
    EXPECT_NE(std::find(sections.begin(), sections.end(), "dispositif.materiel_fourni"), sections.end());
    EXPECT_EQ(std::find(sections.begin(), sections.end(), "dispositif.prerequis_poste"), sections.end());
    ASSERT_EQ(response["documents"].size(), 1u);
    EXPECT_EQ(response["documents"][0]["file_name"], "certificat.pdf");
    EXPECT_EQ(response["documents"][0]["sha256"].get<std::string>().size(), 64u);
    EXPECT_TRUE(response["progress"].contains("overall"));
    EXPECT_TRUE(response["progress"].contains("dispositif"));
    auto unknown = server->api(server->api_token()).Get("/api/v1/responses/999999");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
}

TEST_F(AcquisitionApi, VendorTokenCannotUseHospitalApi) {
    const long long id = create_acquisition(*server);
    Invitation invitation = invite_vendor(*server, id);
    auto as_vendor = server->api(invitation.token);
    EXPECT_EQ(as_vendor.Get("/api/v1/acquisitions")->status, 401);
    EXPECT_EQ(as_vendor.Get("/api/v1/responses/" + std::to_string(invitation.response_id))->status, 401);
    EXPECT_EQ(as_vendor.Post("/api/v1/responses/" + std::to_string(invitation.response_id) + "/reopen", "", "application/json")->status, 401);
    // And a hospital token is not a vendor token.
    EXPECT_EQ(server->api(server->api_token()).Get("/api/v1/vendor/response")->status, 401);
}

TEST_F(AcquisitionApi, SecurityHeadersOnEveryPage) {
    auto result = server->client().Get("/login");
    ASSERT_TRUE(result);
    EXPECT_NE(result->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(result->get_header_value("Referrer-Policy"), "no-referrer");
    EXPECT_EQ(result->get_header_value("Cache-Control"), "no-store");
    auto missing = server->client().Get("/api/v1/nothing-here");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(parse_json(missing)["error"]["code"], "not_found");
}
