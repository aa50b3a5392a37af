// Hostile input against the real server: deeply nested JSON on every endpoint that reads JSON,
// secrets in oddly spelled paths, a public URL written with a trailing slash.
#include <gtest/gtest.h>

#include <string>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

// {"value": {"a": {"a": … 1 …}}} nested `depth` levels below the body object.
std::string deep_value_body(size_t depth) {
    std::string body = "{\"value\":";
    for (size_t i = 0; i < depth; ++i) body += "{\"a\":";
    body += "1";
    body.append(depth, '}');
    return body + "}";
}

void expect_too_deep(const httplib::Result& result, const std::string& what) {
    ASSERT_TRUE(result) << what << ": no answer (the server died?)";
    EXPECT_EQ(result->status, 400) << what << ": " << result->body;
    auto body = json::parse(result->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << what << ": " << result->body;
    EXPECT_EQ(body["error"]["code"], "json_too_deep") << what;
    EXPECT_NE(body["error"]["message"].get<std::string>().find("64"), std::string::npos) << what;
}

}  // namespace

TEST(HostileInput, JsonNestedAHundredThousandDeepIsRefusedEverywhere) {
    ServerProcess server;
    const long long acquisition = create_acquisition(server);
    Invitation invitation = invite_vendor(server, acquisition);
    auto hospital = server.api(server.api_token());
    auto vendor = server.api(invitation.token);
    const std::string deep = deep_value_body(100000);
    ASSERT_LT(deep.size(), 600u * 1024);

    expect_too_deep(vendor.Put("/api/v1/vendor/answers/dispositif.marque", deep, "application/json"), "answer");
    expect_too_deep(vendor.Post("/api/v1/vendor/clarifications/dispositif.marque", deep, "application/json"), "clarification");
    std::string purchase = "{\"title\":\"Achat\",\"reference\":";
    for (int i = 0; i < 100000; ++i) purchase += "[";
    purchase += std::string(100000, ']') + "}";
    expect_too_deep(hospital.Post("/api/v1/acquisitions", purchase, "application/json"), "purchase");
    expect_too_deep(hospital.Post(("/api/v1/acquisitions/" + std::to_string(acquisition) + "/vendors").c_str(), deep,
                                  "application/json"),
                    "vendor invitation");
    const std::string response = "/api/v1/responses/" + std::to_string(invitation.response_id);
    expect_too_deep(hospital.Post((response + "/reviews").c_str(), deep, "application/json"), "review");
    expect_too_deep(hospital.Put((response + "/opinion").c_str(), deep, "application/json"), "opinion");
    expect_too_deep(hospital.Put(("/api/v1/acquisitions/" + std::to_string(acquisition) + "/weights/dispositif.marque").c_str(),
                                 deep, "application/json"),
                    "weight");

    // Still serving, and nothing already saved was lost.
    ASSERT_EQ(vendor.Put("/api/v1/vendor/answers/dispositif.marque", json{{"value", "Marque"}}.dump(), "application/json")->status,
              200);
    expect_too_deep(vendor.Put("/api/v1/vendor/answers/dispositif.marque", deep, "application/json"), "answer again");
    auto health = server.client().Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    auto stored = parse_json(vendor.Get("/api/v1/vendor/response"));
    std::string marque;
    for (const auto& section : stored["sections"])
        for (const auto& question : section["questions"])
            if (question["id"] == "dispositif.marque") marque = question["value"].get<std::string>();
    EXPECT_EQ(marque, "Marque");
}

TEST(HostileInput, JsonAtTheDocumentedDepthIsReadAsUsual) {
    ServerProcess server;
    Invitation invitation = invite_vendor(server, create_acquisition(server));
    auto vendor = server.api(invitation.token);
    // 63 levels under the body object: within the limit, so the answer is judged on its merits
    // (a text question refuses an object: 422, not the 400 of the depth limit).
    auto result = vendor.Put("/api/v1/vendor/answers/dispositif.marque", deep_value_body(63), "application/json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 422) << result->body;
}

TEST(HostileInput, NoSpellingOfAnInvitationPathPutsItsTokenInTheLog) {
    ServerProcess server;
    Invitation invitation = invite_vendor(server, create_acquisition(server));
    httplib::Client browser = server.client();
    for (const std::string& path : {"/invitation/" + invitation.token, "//invitation/" + invitation.token,
                                    "/./invitation/" + invitation.token, "/INVITATION/" + invitation.token,
                                    "/Invitation//" + invitation.token, "/vendor/" + invitation.token + "/x",
                                    "/invitation/" + invitation.token + "/extra"}) {
        auto result = browser.Get(path.c_str());
        ASSERT_TRUE(result) << path;
    }
    server.stop();  // flushes the access log
    const std::string log = server.log();
    EXPECT_NE(log.find("GET //invitation/[secret]"), std::string::npos) << log;
    EXPECT_NE(log.find("GET /INVITATION/[secret]"), std::string::npos) << log;
    EXPECT_EQ(log.find(invitation.token), std::string::npos) << log;
    EXPECT_EQ(log.find(invitation.token.substr(0, 20)), std::string::npos) << log;
}

TEST(HostileInput, APublicUrlWithATrailingSlashGivesWorkingLinks) {
    ServerProcess server({"--public-url", "https://cyberachat.chu.test/"});
    Invitation invitation = invite_vendor(server, create_acquisition(server));
    EXPECT_EQ(invitation.url, "https://cyberachat.chu.test/invitation/" + invitation.token);
    // The link's path, asked of this server, opens the vendor's session.
    const std::string path = invitation.url.substr(std::string("https://cyberachat.chu.test").size());
    auto opened = server.client().Get(path.c_str());
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->status, 303);
    EXPECT_EQ(opened->get_header_value("Location"), "/vendor");
}
