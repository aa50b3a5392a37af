// A vendor's history across purchases, against the real server (issue 17, part 2): the same
// company invited to two purchases and linked (same e-mail domain), answering differently, is
// listed with both scores and the answers that changed (page and API); a member of one purchase
// only sees that one, and is answered 404 for the other; two responses side by side mark their
// differences and the answers carried over; an unlinked vendor's history lists itself alone.
#include <gtest/gtest.h>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

size_t count_of(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}

}  // namespace

class VendorHistory : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        first_purchase = create_acquisition(*server, "Échographes 2026");
        second_purchase = create_acquisition(*server, "Échographes 2027");
        first = invite_linked(first_purchase, "contact@medica-sante.fr");
        second = invite_linked(second_purchase, "ventes@medica-sante.fr");
        answer_and_submit(first, "Windows 7 SP1", "Aucune");
        answer_and_submit(second, "Windows 10 IoT Enterprise LTSC 2021", "Aucune");
    }
    static void TearDownTestSuite() { delete server; }

    static Invitation invite_linked(long long purchase, const std::string& email) {
        auto result = server->api(server->api_token())
                          .Post("/api/v1/acquisitions/" + std::to_string(purchase) + "/vendors",
                                json{{"company", "Medica Santé"}, {"email", email}, {"link_company", true}}.dump(),
                                "application/json");
        if (!result || result->status != 201) throw std::runtime_error("invite failed: " + (result ? result->body : ""));
        const json body = json::parse(result->body);
        return {body["response_id"].get<long long>(), body["invite_token"].get<std::string>(), body["invite_url"].get<std::string>()};
    }
    static void answer(const Invitation& vendor, const std::string& question, const json& value) {
        auto result = server->api(vendor.token).Put("/api/v1/vendor/answers/" + question, json{{"value", value}}.dump(),
                                                    "application/json");
        if (!result || result->status != 200) throw std::runtime_error("answer " + question + ": " + (result ? result->body : ""));
    }
    static void answer_and_submit(const Invitation& vendor, const std::string& os, const std::string& specifics) {
        answer(vendor, "dispositif.poste_standard", "oui");
        answer(vendor, "dispositif.os", os);
        answer(vendor, "dispositif.specificites", specifics);
        fill_required(*server, vendor.token);
        auto submitted = server->api(vendor.token).Post("/api/v1/vendor/submit", "{}", "application/json");
        if (!submitted || submitted->status != 200) throw std::runtime_error("submit: " + (submitted ? submitted->body : ""));
    }
    static json history(const std::string& token, long long response, const std::string& query = "") {
        auto result = server->api(token).Get("/api/v1/responses/" + std::to_string(response) + "/history" + query);
        EXPECT_TRUE(result);
        EXPECT_EQ(result->status, 200) << result->body;
        return json::parse(result->body);
    }
    static Browser logged_in(const std::string& email, const std::string& password) {
        Browser browser(*server);
        browser.get("/login");
        EXPECT_EQ(browser.post("/login", {{"email", email}, {"password", password}})->status, 303);
        return browser;
    }
    static std::string path(long long response, const std::string& rest) { return "/responses/" + std::to_string(response) + rest; }

    static ServerProcess* server;
    static long long first_purchase, second_purchase;
    static Invitation first, second;
};
ServerProcess* VendorHistory::server = nullptr;
long long VendorHistory::first_purchase = 0;
long long VendorHistory::second_purchase = 0;
Invitation VendorHistory::first;
Invitation VendorHistory::second;

TEST_F(VendorHistory, TheApiListsBothResponsesWithTheirScoresAndTheAnswersThatChanged) {
    const json body = history(server->api_token(), second.response_id);
    EXPECT_EQ(body["linked"], true);
    ASSERT_EQ(body["responses"].size(), 2u) << body.dump(1);
    EXPECT_EQ(body["responses"][0]["response_id"], first.response_id);  // oldest first
    EXPECT_EQ(body["responses"][1]["response_id"], second.response_id);
    for (const auto& entry : body["responses"]) {
        EXPECT_EQ(entry["state"], "submitted");
        EXPECT_TRUE(entry["submitted_at"].is_string());
        EXPECT_TRUE(entry["score"].is_number_integer());
        EXPECT_GE(entry["score"].get<int>(), 0);
        EXPECT_LE(entry["score"].get<int>(), 100);
        EXPECT_TRUE(entry["findings"].is_number_unsigned());
    }
    EXPECT_EQ(body["responses"][0]["acquisition"]["id"], first_purchase);
    EXPECT_EQ(body["responses"][0]["acquisition"]["title"], "Échographes 2026");
    // Windows 7 is out of support: a point de vigilance of the first.
    EXPECT_GE(body["responses"][0]["end_of_support_findings"].get<int>(), 1);
    EXPECT_TRUE(body["responses"][1]["end_of_support_findings"].is_number_unsigned());

    // By default the two latest submitted: only the OS changed (everything else was answered alike).
    const json& changes = body["changes"];
    ASSERT_TRUE(changes.is_object()) << body.dump(1);
    EXPECT_EQ(changes["from"], first.response_id);
    EXPECT_EQ(changes["to"], second.response_id);
    ASSERT_EQ(changes["questions"].size(), 1u) << changes.dump(1);
    const json& os = changes["questions"][0];
    EXPECT_EQ(os["question_id"], "dispositif.os");
    EXPECT_EQ(os["change"], "different");
    EXPECT_EQ(os["from"]["value"], "Windows 7 SP1");
    EXPECT_EQ(os["to"]["text"], "Windows 10 IoT Enterprise LTSC 2021");

    // The other way round: the same question, the values swapped.
    const json reversed = history(server->api_token(), first.response_id,
                                  "?from=" + std::to_string(second.response_id) + "&to=" + std::to_string(first.response_id));
    ASSERT_EQ(reversed["changes"]["questions"].size(), 1u);
    EXPECT_EQ(reversed["changes"]["questions"][0]["from"]["value"], "Windows 10 IoT Enterprise LTSC 2021");

    // A pair not in the history, the same response twice, or one side alone: refused with a French message.
    auto api = server->api(server->api_token());
    auto unknown = api.Get(path(second.response_id, "/history").insert(0, "/api/v1") + "?from=999999&to=" +
                           std::to_string(second.response_id));
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_NE(unknown->body.find("999999"), std::string::npos) << unknown->body;
    const std::string same = std::to_string(second.response_id);
    EXPECT_EQ(api.Get("/api/v1" + path(second.response_id, "/history") + "?from=" + same + "&to=" + same)->status, 422);
    EXPECT_EQ(api.Get("/api/v1" + path(second.response_id, "/history") + "?from=" + same)->status, 422);
    EXPECT_EQ(api.Get("/api/v1" + path(second.response_id, "/history") + "?from=abc&to=" + same)->status, 422);
}

TEST_F(VendorHistory, TheHistoryPageShowsTheResponsesTheChartAndTheChangedAnswers) {
    Browser browser = logged_in(ServerProcess::kEmail, ServerProcess::kPassword);
    auto response_page = browser.get(path(second.response_id, ""));
    ASSERT_EQ(response_page->status, 200);
    EXPECT_NE(response_page->body.find("href=\"" + path(second.response_id, "/history") + "\""), std::string::npos)
        << "the summary links to the vendor's history";
    EXPECT_NE(response_page->body.find("Historique du fournisseur"), std::string::npos);

    auto page = browser.get(path(second.response_id, "/history"));
    ASSERT_EQ(page->status, 200) << page->body;
    const std::string& html = page->body;
    EXPECT_NE(html.find("Échographes 2026"), std::string::npos);
    EXPECT_NE(html.find("Échographes 2027"), std::string::npos);
    EXPECT_NE(html.find("href=\"" + path(first.response_id, "") + "\""), std::string::npos);
    EXPECT_NE(html.find("data-response=\"" + std::to_string(first.response_id) + "\""), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_NE(html.find("role=\"img\""), std::string::npos);
    EXPECT_NE(html.find("aria-labelledby=\"history-chart-title history-chart-desc\""), std::string::npos);
    EXPECT_EQ(count_of(html, "<script"), count_of(html, "<script src=")) << "no inline script";
    EXPECT_EQ(html.find("style="), std::string::npos) << "the content security policy forbids inline styles";
    EXPECT_NE(html.find("Réponses qui ont changé"), std::string::npos);
    EXPECT_NE(html.find("data-question=\"dispositif.os\""), std::string::npos);
    EXPECT_NE(html.find("Windows 7 SP1"), std::string::npos);
    EXPECT_NE(html.find("Windows 10 IoT Enterprise LTSC 2021"), std::string::npos);
    EXPECT_EQ(html.find("data-question=\"dispositif.specificites\""), std::string::npos) << "the same answer is not listed";
    EXPECT_NE(html.find("name=\"from\""), std::string::npos);

    // A pair outside the history: a page with a clear message.
    auto outside = browser.get(path(second.response_id, "/history?from=999999&to=" + std::to_string(second.response_id)));
    EXPECT_EQ(outside->status, 404);
    EXPECT_NE(outside->body.find("pas dans l&#39;historique"), std::string::npos) << outside->body.substr(0, 2000);
}

TEST_F(VendorHistory, AMemberOfOnePurchaseOnlySeesThatOne) {
    const std::string email = "observatrice@chu.test";
    const std::string token = user_token(*server, email, "buyer");
    add_member(*server, second_purchase, email, "observer");

    const json body = history(token, second.response_id);
    ASSERT_EQ(body["responses"].size(), 1u) << "the other purchase is not revealed: " << body.dump(1);
    EXPECT_EQ(body["responses"][0]["response_id"], second.response_id);
    EXPECT_TRUE(body["changes"].is_null());
    EXPECT_EQ(body.dump().find("Échographes 2026"), std::string::npos) << body.dump(1);
    auto api = server->api(token);
    EXPECT_EQ(api.Get("/api/v1" + path(first.response_id, "/history"))->status, 404);
    EXPECT_EQ(api.Get("/api/v1" + path(second.response_id, "/history") + "?from=" + std::to_string(first.response_id) +
                      "&to=" + std::to_string(second.response_id))->status, 404);

    Browser browser = logged_in(email, kUserPassword);
    auto page = browser.get(path(second.response_id, "/history"));
    ASSERT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("Échographes 2026"), std::string::npos);
    EXPECT_EQ(page->body.find(path(first.response_id, "")), std::string::npos);
    EXPECT_EQ(page->body.find("Windows 7"), std::string::npos);
    EXPECT_EQ(browser.get(path(first.response_id, "/history"))->status, 404);
    // Side by side with a response of a purchase it does not belong to: 404, as for one that does not exist.
    auto hidden = browser.get(path(second.response_id, "/compare/" + std::to_string(first.response_id)));
    auto missing = browser.get(path(second.response_id, "/compare/999999"));
    EXPECT_EQ(hidden->status, 404);
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(hidden->body.find("Windows 7"), std::string::npos);
    EXPECT_NE(hidden->body.find("vous ne faites pas partie de l&#39;équipe de son achat"), std::string::npos) << hidden->body.substr(0, 3000);
    EXPECT_NE(missing->body.find("vous ne faites pas partie de l&#39;équipe de son achat"), std::string::npos);
}

TEST_F(VendorHistory, TwoResponsesSideBySideMarkTheirDifferencesAndTheAnswersCarriedOver) {
    // The lead's reuse writes this source when the vendor starts from its earlier response; here it is set in the
    // database, as an earlier response's answer carried over.
    server->query_value("UPDATE answers SET source = '{\"kind\":\"reuse\",\"file\":\"\",\"sha256\":\"\",\"response\":" +
                        std::to_string(first.response_id) + "}' WHERE response_id = " + std::to_string(second.response_id) +
                        " AND question_id = 'dispositif.specificites'");
    Browser browser = logged_in(ServerProcess::kEmail, ServerProcess::kPassword);
    auto page = browser.get(path(second.response_id, "/compare/" + std::to_string(first.response_id)));
    ASSERT_EQ(page->status, 200) << page->body.substr(0, 2000);
    const std::string& html = page->body;
    EXPECT_NE(html.find("Deux réponses côte à côte"), std::string::npos);
    EXPECT_NE(html.find("Échographes 2026"), std::string::npos);
    EXPECT_NE(html.find("Échographes 2027"), std::string::npos);
    EXPECT_EQ(html.find("pair-not-same-company"), std::string::npos) << "the same company";
    EXPECT_EQ(count_of(html, "data-differs=\"1\""), 1u) << "only the OS differs";
    const size_t os = html.find("data-question=\"dispositif.os\"");
    ASSERT_NE(os, std::string::npos);
    EXPECT_NE(html.find("data-differs=\"1\"", os - 120), std::string::npos);
    EXPECT_NE(html.find("≠ Différente", os), std::string::npos);
    EXPECT_NE(html.find("= Identique"), std::string::npos);
    EXPECT_NE(html.find("Repris de la réponse n° " + std::to_string(first.response_id)), std::string::npos);
    EXPECT_NE(html.find("class=\"sha256\""), std::string::npos) << "documents with their SHA-256";
    EXPECT_NE(html.find("preuve.pdf"), std::string::npos);

    // The response page links a carried-over answer to this page.
    auto response_page = browser.get(path(second.response_id, ""));
    EXPECT_NE(response_page->body.find(path(second.response_id, "/compare/" + std::to_string(first.response_id))),
              std::string::npos);
}

TEST_F(VendorHistory, AnUnlinkedVendorsHistoryListsItselfAlone) {
    const long long purchase = create_acquisition(*server, "Moniteurs 2027");
    const Invitation unlinked = invite_vendor(*server, purchase, "Medica Santé");  // not linked to a company
    const json body = history(server->api_token(), unlinked.response_id);
    EXPECT_EQ(body["linked"], false);
    ASSERT_EQ(body["responses"].size(), 1u);
    EXPECT_EQ(body["responses"][0]["response_id"], unlinked.response_id);
    EXPECT_EQ(body["responses"][0]["state"], "draft");
    EXPECT_TRUE(body["changes"].is_null());

    Browser browser = logged_in(ServerProcess::kEmail, ServerProcess::kPassword);
    auto page = browser.get(path(unlinked.response_id, "/history"));
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Ce fournisseur n&#39;a pas été reconnu d&#39;un achat à l&#39;autre"), std::string::npos)
        << page->body.substr(0, 3000);
    EXPECT_EQ(page->body.find("Échographes 2026"), std::string::npos);
    // Two responses not known to be of one company may still be put side by side; the page says so.
    auto pair = browser.get(path(unlinked.response_id, "/compare/" + std::to_string(first.response_id)));
    ASSERT_EQ(pair->status, 200);
    EXPECT_NE(pair->body.find("pair-not-same-company"), std::string::npos);
}
