// The tender as a new user runs it, on the pages, against a real SMTP server (aiosmtpd): the
// biomedical engineer creates a purchase, opens it, invites three vendors by e-mail; the
// invitations and a reminder go out (the deadline is two days away and the invitations are made
// four days old, so the 3-day reminder is due); two vendors submit (the team is told), the third gets its own extension (and is told);
// the purchase closes (links then read only), and the comparison ranks the two submitted
// responses and names the draft it leaves out.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <regex>
#include <thread>

#include "../mail/test_smtp_server.hpp"
#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace tender_walk_test {

// "YYYY-MM-DD" `days` from today (UTC).
std::string date_in(int days) {
    const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days(days);
    const std::chrono::year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

// "YYYY-MM-DDTHH:MM:SSZ" `seconds` ago (UTC), as the store writes times.
std::string iso_ago(long long seconds) {
    const std::time_t at = std::time(nullptr) - seconds;
    std::tm utc{};
    gmtime_r(&at, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string mailed_token(const ReceivedMail& mail) {
    std::smatch match;
    static const std::regex link(R"(/invitation/([A-Za-z0-9_\-]{43}))");
    return std::regex_search(mail.text, match, link) ? match[1].str() : "";
}

// The messages `recipient` received once there are `count` (or the time is up).
std::vector<ReceivedMail> received(const TestSmtpServer& smtp, const std::string& recipient, size_t count) {
    for (int i = 0; i < 150; ++i) {
        auto mails = smtp.messages_to(recipient);
        if (mails.size() >= count) return mails;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return smtp.messages_to(recipient);
}

bool has_subject(const std::vector<ReceivedMail>& mails, const std::string& start) {
    for (const auto& mail : mails)
        if (mail.header("subject").rfind(start, 0) == 0) return true;
    return false;
}

TEST(TenderWalk, CreateInviteThreeRemindExtendCloseAndCompare) {
    TestSmtpServer smtp;
    ServerProcess server({"--smtp-url", smtp.url(), "--smtp-from", "cyberachat@chu.test", "--mail-interval-seconds", "1",
                          "--reminder-planning-seconds", "1"});
    Browser lead(server);
    log_in(lead);

    // 1. The purchase, created on the page (a draft), then opened.
    lead.get("/acquisitions/new");
    auto created = lead.post("/acquisitions", {{"title", "Moniteurs de réanimation"}, {"equipment", "Moniteur"},
                                               {"service", "Réanimation"}, {"reference", "AO-2027-031"},
                                               {"deadline", date_in(2)}});
    ASSERT_EQ(created->status, 303);
    const std::string page = created->get_header_value("Location");
    const long long purchase = std::stoll(page.substr(page.rfind('/') + 1));
    ASSERT_EQ(lead.post(page + "/transition", {{"action", "open"}})->status, 303);

    // 2. Three vendors invited by e-mail from the page.
    const std::vector<std::pair<std::string, std::string>> vendors = {
        {"Moniteurs Alpha", "offres@alpha.example"}, {"Beta Medical", "tenders@beta.example"}, {"Gamma Santé", "ao@gamma.example"}};
    lead.get(page);
    for (const auto& [company, email] : vendors)
        ASSERT_EQ(lead.post(page + "/vendors", {{"company", company}, {"email", email}, {"language", "fr"}, {"send_invitation", "1"}})
                      ->status,
                  201);
    auto listed = parse_json(server.api(server.api_token()).Get("/api/v1/acquisitions/" + std::to_string(purchase)));
    ASSERT_EQ(listed["vendors"].size(), 3u);

    // Time passes: the vendors were invited four days ago (a reminder never goes for an offset that
    // had passed before the invitation; the offsets' arithmetic has its own tests with a manual clock).
    server.query_value("UPDATE responses SET created_at = '" + iso_ago(4 * 86400) + "' WHERE acquisition_id = " +
                       std::to_string(purchase));

    // 3. Each receives its invitation (with a working link) and the reminder due 3 days before.
    std::vector<std::string> tokens;
    for (const auto& [company, email] : vendors) {
        auto mails = received(smtp, email, 2);
        ASSERT_EQ(mails.size(), 2u) << email;
        EXPECT_TRUE(has_subject(mails, "Cyberachat — questionnaire de sécurité AFIB : Moniteurs de réanimation"));
        EXPECT_TRUE(has_subject(mails, "Rappel : questionnaire AFIB « Moniteurs de réanimation »")) << email;
        std::string token;
        for (const auto& mail : mails)
            if (!mailed_token(mail).empty()) token = mailed_token(mail);
        ASSERT_FALSE(token.empty()) << email;
        EXPECT_EQ(server.client().Get("/invitation/" + token)->status, 303) << "the link opens the response";
        tokens.push_back(token);
    }
    // Planned every second, a reminder still goes once.
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    EXPECT_EQ(smtp.messages_to(vendors[0].second).size(), 2u);

    // 4. Alpha and Beta submit: each gets a receipt, the lead is told.
    for (size_t i = 0; i < 2; ++i) {
        fill_required(server, tokens[i]);
        auto submitted = server.api(tokens[i]).Post("/api/v1/vendor/submit", "{}", "application/json");
        ASSERT_EQ(submitted->status, 200) << submitted->body;
    }
    for (size_t i = 0; i < 2; ++i) EXPECT_EQ(received(smtp, vendors[i].second, 3).size(), 3u) << "the receipt";
    auto team = received(smtp, ServerProcess::kEmail, 2);
    EXPECT_TRUE(has_subject(team, "Moniteurs Alpha a soumis sa réponse"));
    EXPECT_TRUE(has_subject(team, "Beta Medical a soumis sa réponse"));

    // 5. Gamma's own deadline is extended on its page, with a reason: Gamma alone is told.
    const long long gamma = listed["vendors"][2]["response_id"];
    lead.get("/responses/" + std::to_string(gamma));
    auto extended = lead.post("/responses/" + std::to_string(gamma) + "/deadline",
                              {{"deadline", date_in(9)}, {"reason", "Pièce demandée au fabricant"}});
    ASSERT_EQ(extended->status, 303);
    auto gamma_mails = received(smtp, vendors[2].second, 3);
    ASSERT_EQ(gamma_mails.size(), 3u);
    EXPECT_TRUE(has_subject(gamma_mails, "Date limite prolongée : Moniteurs de réanimation"));
    EXPECT_EQ(smtp.messages_to(vendors[0].second).size(), 3u);

    // 6. The purchase closes: Gamma may read but no longer answer.
    lead.get(page);
    ASSERT_EQ(lead.post(page + "/transition", {{"action", "close"}, {"reason", "Fin de la consultation"}})->status, 303);
    auto refused = server.api(tokens[2]).Put("/api/v1/vendor/answers/dispositif.designation", R"({"value":"Moniteur G"})",
                                             "application/json");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 409) << refused->body;
    EXPECT_EQ(server.api(tokens[2]).Get("/api/v1/vendor/response")->status, 200);

    // 7. The comparison: the two submitted responses ranked, Gamma's draft named apart.
    auto comparison = lead.get(page + "/comparison");
    ASSERT_EQ(comparison->status, 200);
    const std::string& body = comparison->body;
    const size_t ranking = body.find("class=\"ranking\"");
    ASSERT_NE(ranking, std::string::npos);
    const std::string ranked = body.substr(ranking, body.find("</ol>", ranking) - ranking);
    EXPECT_NE(ranked.find("Moniteurs Alpha"), std::string::npos);
    EXPECT_NE(ranked.find("Beta Medical"), std::string::npos);
    EXPECT_EQ(ranked.find("Gamma Santé"), std::string::npos);
    EXPECT_NE(body.find("Seules les réponses soumises sont comparées et classées."), std::string::npos);
    const size_t left_out = body.find("class=\"left-out\" data-vendor=\"" + std::to_string(gamma) + "\"");
    ASSERT_NE(left_out, std::string::npos);
    EXPECT_NE(body.find("data-state=\"draft\"", left_out), std::string::npos);
}

}  // namespace tender_walk_test
