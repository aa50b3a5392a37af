// Outgoing e-mail through the real server and a real SMTP server (aiosmtpd): the invitation
// arrives with a link that works, "resend" makes a new one, the messages API, the pages' Messages
// section, and what the pages say without an SMTP server. The link never reaches the log.
#include <gtest/gtest.h>

#include <regex>
#include <thread>

#include "../mail/test_smtp_server.hpp"
#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

std::string mailed_token(const ReceivedMail& mail) {
    std::smatch match;
    static const std::regex link(R"(/invitation/([A-Za-z0-9_\-]{43}))");
    return std::regex_search(mail.text, match, link) ? match[1].str() : "";
}

std::string messages_path(long long acquisition, long long response) {
    return "/api/v1/acquisitions/" + std::to_string(acquisition) + "/responses/" + std::to_string(response) + "/messages";
}

// The response's messages once every one has left the outbox (or the time is up).
json settled_messages(const ServerProcess& server, long long acquisition, long long response) {
    json body;
    for (int i = 0; i < 100; ++i) {
        body = parse_json(server.api(server.api_token()).Get(messages_path(acquisition, response)));
        bool pending = false;
        for (const auto& m : body["messages"]) pending = pending || m["status"] == "pending";
        if (!pending) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return body;
}

}  // namespace

class MailHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        smtp = new TestSmtpServer();
        server = new ServerProcess({"--smtp-url", smtp->url(), "--smtp-from", "cyberachat@chu.test",
                                    "--mail-interval-seconds", "1"});
    }
    static void TearDownTestSuite() {
        delete server;
        delete smtp;
    }
    static TestSmtpServer* smtp;
    static ServerProcess* server;
};
TestSmtpServer* MailHttp::smtp = nullptr;
ServerProcess* MailHttp::server = nullptr;

TEST_F(MailHttp, AnInvitationByApiArrivesItsLinkWorksAndResendMakesANewOne) {
    const long long acquisition = create_acquisition(*server, "Pousse-seringues 2027");
    auto api = server->api(server->api_token());
    auto created = api.Post("/api/v1/acquisitions/" + std::to_string(acquisition) + "/vendors",
                            json{{"company", "Perfusia"}, {"email", "offres@perfusia.example"}, {"language", "en"},
                                 {"send_invitation", true}}.dump(),
                            "application/json");
    ASSERT_EQ(created->status, 201) << created->body;
    const json body = json::parse(created->body);
    const long long response = body["response_id"];
    EXPECT_TRUE(body["invitation_message_id"].is_number());
    const size_t before = smtp->messages_to("offres@perfusia.example").size();
    auto messages = settled_messages(*server, acquisition, response);
    ASSERT_EQ(messages["messages"].size(), 1u) << messages.dump();
    EXPECT_EQ(messages["messages"][0]["kind"], "invitation");
    EXPECT_EQ(messages["messages"][0]["status"], "sent") << messages.dump();
    EXPECT_TRUE(messages["delivery_configured"].get<bool>());
    EXPECT_EQ(messages.dump().find(body["invite_token"].get<std::string>()), std::string::npos) << "no link in the API";
    auto mails = smtp->messages_to("offres@perfusia.example");
    ASSERT_EQ(mails.size(), before + 1);
    const ReceivedMail& mail = mails.back();
    EXPECT_EQ(mail.header("subject"), "Cyberachat — AFIB security questionnaire: Pousse-seringues 2027") << "in English";
    const std::string token = mailed_token(mail);
    EXPECT_EQ(token, body["invite_token"].get<std::string>());
    EXPECT_EQ(server->client().Get("/invitation/" + token)->status, 303) << "the link works";

    // Resend: a new link, the old one stops working.
    const long long message = messages["messages"][0]["id"];
    auto resent = api.Post(messages_path(acquisition, response) + "/" + std::to_string(message) + "/resend", "{}",
                           "application/json");
    ASSERT_EQ(resent->status, 202) << resent->body;
    settled_messages(*server, acquisition, response);
    mails = smtp->wait_for(smtp->messages().size());
    auto again = smtp->messages_to("offres@perfusia.example");
    ASSERT_EQ(again.size(), before + 2);
    const std::string new_token = mailed_token(again.back());
    EXPECT_NE(new_token, token);
    EXPECT_EQ(server->client().Get("/invitation/" + token)->status, 404);
    EXPECT_EQ(server->client().Get("/invitation/" + new_token)->status, 303);
    // Never in the server's log.
    EXPECT_EQ(server->log().find(token), std::string::npos);
    EXPECT_EQ(server->log().find(new_token), std::string::npos);
    // Another purchase's path: not found.
    EXPECT_EQ(api.Get(messages_path(acquisition + 1000, response))->status, 404);
}

TEST_F(MailHttp, WithoutSendInvitationTheApiSendsNothingAndSendInvitationLater) {
    const long long acquisition = create_acquisition(*server, "Défibrillateurs");
    const auto invitation = invite_vendor(*server, acquisition, "Cardio SA");  // v1: no e-mail
    auto api = server->api(server->api_token());
    auto listed = parse_json(api.Get(messages_path(acquisition, invitation.response_id)));
    EXPECT_TRUE(listed["messages"].empty());
    auto wrong = api.Post("/api/v1/acquisitions/" + std::to_string(acquisition) + "/vendors",
                          json{{"company", "X"}, {"email", "x@x.example"}, {"send_invitation", "yes"}}.dump(), "application/json");
    EXPECT_EQ(wrong->status, 422);
    auto sent = api.Post("/api/v1/acquisitions/" + std::to_string(acquisition) + "/responses/" +
                             std::to_string(invitation.response_id) + "/send-invitation",
                         "{}", "application/json");
    ASSERT_EQ(sent->status, 202) << sent->body;
    EXPECT_EQ(json::parse(sent->body)["kind"], "invitation");
    EXPECT_EQ(server->client().Get("/invitation/" + invitation.token)->status, 404) << "a new link was made";
    auto messages = settled_messages(*server, acquisition, invitation.response_id);
    ASSERT_EQ(messages["messages"].size(), 1u);
    EXPECT_EQ(messages["messages"][0]["status"], "sent");
}

TEST_F(MailHttp, ThePagesInviteByMailAndShowTheMessages) {
    Browser hospital(*server);
    log_in(hospital);
    hospital.get("/acquisitions/new");
    auto created = hospital.post("/acquisitions", {{"title", "Pompes à insuline"}, {"equipment", "Pompe"}, {"service", "Diabétologie"}, {"deadline", "2027-06-30"}});
    ASSERT_EQ(created->status, 303);
    const std::string page = created->get_header_value("Location");
    const std::string form = hospital.get(page)->body;
    EXPECT_NE(form.find("Envoyer l&#39;invitation par e-mail"), std::string::npos) << "the checkbox";
    EXPECT_NE(form.find("name=\"send_invitation\" value=\"1\" checked"), std::string::npos) << "checked by default";
    EXPECT_EQ(form.find("Aucun serveur d&#39;envoi configuré"), std::string::npos);
    auto invited = hospital.post(page + "/vendors", {{"company", "Insulia"}, {"email", "appel@insulia.example"},
                                                     {"language", "fr"}, {"send_invitation", "1"}});
    ASSERT_EQ(invited->status, 201);
    EXPECT_NE(invited->body.find("boîte d&#39;envoi"), std::string::npos);
    const long long acquisition = std::stoll(page.substr(page.rfind('/') + 1));
    auto vendors = parse_json(server->api(server->api_token()).Get("/api/v1/acquisitions/" + std::to_string(acquisition)));
    const long long response = vendors["vendors"][0]["response_id"];
    settled_messages(*server, acquisition, response);
    auto mails = smtp->messages_to("appel@insulia.example");
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_NE(mails[0].text.find("30/06/2027 à 23"), std::string::npos);
    // A purchase made on the page is a draft: its links open once the lead opens it.
    EXPECT_EQ(server->client().Get("/invitation/" + mailed_token(mails[0]))->status, 403);
    ASSERT_EQ(hospital.post(page + "/transition", {{"action", "open"}})->status, 303);
    EXPECT_EQ(server->client().Get("/invitation/" + mailed_token(mails[0]))->status, 303);
    auto shown = hospital.get("/responses/" + std::to_string(response));
    ASSERT_EQ(shown->status, 200);
    EXPECT_NE(shown->body.find("id=\"messages\""), std::string::npos);
    EXPECT_NE(shown->body.find("Envoyé le"), std::string::npos);
    EXPECT_NE(shown->body.find("l&#39;ancien cessera de fonctionner"), std::string::npos) << "resend's confirmation";
    // Resend from the page needs the confirmation (a new link).
    auto listed = parse_json(server->api(server->api_token()).Get(messages_path(acquisition, response)));
    const std::string resend = "/responses/" + std::to_string(response) + "/messages/" +
                               std::to_string(listed["messages"][0]["id"].get<long long>()) + "/resend";
    EXPECT_EQ(hospital.post(resend, {})->status, 400);
    EXPECT_EQ(hospital.post(resend, {{"confirm", "1"}})->status, 303);
    settled_messages(*server, acquisition, response);
    EXPECT_EQ(smtp->messages_to("appel@insulia.example").size(), 2u);
}

TEST(MailHttpWithoutSmtp, MessagesWaitAndThePagesSaySo) {
    ServerProcess server;
    Browser hospital(server);
    log_in(hospital);
    const long long acquisition = create_acquisition(server, "Lits électriques");
    auto api = server.api(server.api_token());
    auto created = api.Post("/api/v1/acquisitions/" + std::to_string(acquisition) + "/vendors",
                            json{{"company", "Litmed"}, {"email", "a@litmed.example"}, {"send_invitation", true}}.dump(),
                            "application/json");
    ASSERT_EQ(created->status, 201);
    const long long response = json::parse(created->body)["response_id"];
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    auto listed = parse_json(api.Get(messages_path(acquisition, response)));
    ASSERT_EQ(listed["messages"].size(), 1u);
    EXPECT_EQ(listed["messages"][0]["status"], "pending");
    EXPECT_FALSE(listed["delivery_configured"].get<bool>());
    const std::string notice = "Aucun serveur d&#39;envoi configuré : les messages attendent dans la boîte d&#39;envoi.";
    EXPECT_NE(hospital.get("/acquisitions/" + std::to_string(acquisition))->body.find(notice), std::string::npos);
    auto page = hospital.get("/responses/" + std::to_string(response));
    EXPECT_NE(page->body.find(notice), std::string::npos);
    EXPECT_NE(page->body.find("En attente"), std::string::npos);
    // Waiting in the outbox, the link is the only copy: stored apart, never logged.
    const std::string token = json::parse(created->body)["invite_token"];
    EXPECT_EQ(server.log().find(token), std::string::npos);
}

TEST_F(MailHttp, AnExtensionIsMailedToEachVendorItConcerns) {
    const long long acquisition = create_acquisition(*server, "Échographes 2027");
    auto api = server->api(server->api_token());
    auto invite = [&](const std::string& company, const std::string& email) {
        auto created = api.Post("/api/v1/acquisitions/" + std::to_string(acquisition) + "/vendors",
                                json{{"company", company}, {"email", email}}.dump(), "application/json");
        EXPECT_EQ(created->status, 201) << created->body;
        return json::parse(created->body)["response_id"].get<long long>();
    };
    const long long one = invite("Écho Un", "offres@echo-un.example");
    const long long two = invite("Écho Deux", "offres@echo-deux.example");

    // One vendor's own extension: that vendor alone is told.
    auto own = api.Post("/api/v1/responses/" + std::to_string(one) + "/deadline",
                        json{{"deadline", "2099-03-31T12:00"}, {"reason", "Pièce demandée au fabricant"}}.dump(),
                        "application/json");
    ASSERT_EQ(own->status, 200) << own->body;
    auto first = settled_messages(*server, acquisition, one);
    ASSERT_EQ(first["messages"].size(), 1u) << first.dump();
    EXPECT_EQ(first["messages"][0]["kind"], "deadline_extended");
    EXPECT_EQ(first["messages"][0]["status"], "sent");
    EXPECT_TRUE(settled_messages(*server, acquisition, two)["messages"].empty());
    auto mails = smtp->messages_to("offres@echo-un.example");
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_NE(mails[0].text.find("31/03/2099 à 12"), std::string::npos) << mails[0].text;

    // The purchase's deadline: the vendor without its own extension is told; the other keeps its own.
    auto everyone = api.Post("/api/v1/acquisitions/" + std::to_string(acquisition) + "/deadline",
                             json{{"deadline", "2099-02-28"}, {"reason", "Report pour tous"}}.dump(), "application/json");
    ASSERT_EQ(everyone->status, 200) << everyone->body;
    auto second = settled_messages(*server, acquisition, two);
    ASSERT_EQ(second["messages"].size(), 1u) << second.dump();
    EXPECT_EQ(second["messages"][0]["kind"], "deadline_extended");
    EXPECT_EQ(settled_messages(*server, acquisition, one)["messages"].size(), 1u);
}
