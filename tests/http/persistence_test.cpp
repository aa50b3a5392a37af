// Nothing acknowledged is lost across a restart; secrets (the database's password included) never
// reach the log.
#include <gtest/gtest.h>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

TEST(Persistence, AcknowledgedAnswersSurviveARestart) {
    ServerProcess server;
    Invitation invitation = invite_vendor(server, create_acquisition(server));
    auto vendor = server.api(invitation.token);
    for (int i = 0; i < 20; ++i)
        ASSERT_EQ(vendor.Put("/api/v1/vendor/answers/dispositif.marque", json{{"value", "Marque " + std::to_string(i)}}.dump(),
                             "application/json")->status, 200);
    ASSERT_EQ(vendor.Put("/api/v1/vendor/answers/dispositif.poste_standard", json{{"value", "oui"}}.dump(), "application/json")->status, 200);
    server.restart();
    auto after = server.api(invitation.token);
    auto response = parse_json(after.Get("/api/v1/vendor/response"));
    json marque;
    for (const auto& section : response["sections"])
        for (const auto& question : section["questions"])
            if (question["id"] == "dispositif.marque") marque = question;
    EXPECT_EQ(marque["value"], "Marque 19");
    EXPECT_EQ(marque["revision"], 20);
}

TEST(Persistence, InvitationTokensAndPasswordsNeverReachTheLog) {
    ServerProcess server;
    Invitation invitation = invite_vendor(server, create_acquisition(server));
    httplib::Client browser = server.client();
    auto opened = browser.Get(("/invitation/" + invitation.token).c_str());
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->status, 303);
    EXPECT_EQ(opened->get_header_value("Location"), "/vendor");
    server.stop();  // flushes the access log
    const std::string log = server.log();
    // The request was logged, with its secret replaced: the check below is not vacuous.
    EXPECT_NE(log.find("GET /invitation/[secret] 303"), std::string::npos) << log;
    EXPECT_EQ(log.find(invitation.token), std::string::npos);
    EXPECT_EQ(log.find(server.api_token()), std::string::npos);
    EXPECT_EQ(log.find(ServerProcess::kPassword), std::string::npos);
    // The start line names the database, a PostgreSQL URL without its password.
    const std::string database_line = testing_on_postgresql() ? "(base de données : PostgreSQL, postgresql://cyberachat:***@/"
                                                              : "(base de données : SQLite, dossier " + server.data_dir() + ")";
    EXPECT_NE(log.find(database_line), std::string::npos) << log;
    EXPECT_EQ(log.find(ServerProcess::kDatabasePassword), std::string::npos) << log;
}
