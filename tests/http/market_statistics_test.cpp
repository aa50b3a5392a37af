// The market statistics against the real server (issue 17): two purchases of the server's user
// and four vendors (one of them in both) give distributions and favourable shares on /statistics
// and its CSV; a question answered by two vendors only, and a purchase of two vendors, are hidden;
// another account sees the statistics of its own purchase only, nothing of the others' (page and
// CSV); the equipment family is a purchase setting of the API.
#include <gtest/gtest.h>

#include <regex>

#include "../csv_reader.hpp"
#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;
using cyberachat::test_data::csv_rows;

namespace {

constexpr const char* kOtherEmail = "autre-bio@chu.test";
constexpr const char* kGraded = "dispositif.poste_standard";     // yes/no, favourable "oui"
constexpr const char* kOptional = "maintenance.autres_mises_a_jour";  // an optional text

// A purchase of the account `token` in `family`.
long long create_purchase(const ServerProcess& server, const std::string& token, const std::string& title,
                          const std::string& family) {
    auto created = server.api(token).Post("/api/v1/acquisitions",
                                          json{{"title", title}, {"equipment", "Équipement"}, {"equipment_family", family}}.dump(),
                                          "application/json");
    if (!created || created->status != 201) throw std::runtime_error("purchase not created: " + (created ? created->body : ""));
    return json::parse(created->body)["id"].get<long long>();
}

// Invites `company` with the account `token`, answers the graded question (and the optional one
// when asked), fills the rest and submits.
void submitted_response(const ServerProcess& server, const std::string& token, long long purchase, const std::string& company,
                        const std::string& graded_answer, bool optional_answer = false) {
    auto invited = server.api(token).Post("/api/v1/acquisitions/" + std::to_string(purchase) + "/vendors",
                                          json{{"company", company}, {"email", "contact@" + std::to_string(purchase) + ".test"}}.dump(),
                                          "application/json");
    if (!invited || invited->status != 201) throw std::runtime_error("vendor not invited: " + (invited ? invited->body : ""));
    const std::string vendor = json::parse(invited->body)["invite_token"];
    auto put = [&](const std::string& question, const json& value) {
        auto saved = server.api(vendor).Put("/api/v1/vendor/answers/" + question, json{{"value", value}}.dump(), "application/json");
        if (!saved || saved->status != 200) throw std::runtime_error("answer refused: " + (saved ? saved->body : ""));
    };
    put(kGraded, graded_answer);
    if (optional_answer) put(kOptional, "Mises à jour trimestrielles");
    fill_required(server, vendor);
    auto submitted = server.api(vendor).Post("/api/v1/vendor/submit", "{}", "application/json");
    if (!submitted || submitted->status != 200) throw std::runtime_error("not submitted: " + (submitted ? submitted->body : ""));
}

// The <tr> of a question on the page ("" when absent).
std::string question_row(const std::string& page, const std::string& question) {
    const size_t at = page.find("<tr data-question=\"" + question + "\"");
    if (at == std::string::npos) return "";
    return page.substr(at, page.find("</tr>", at) - at);
}

std::string summary_value(const std::string& page, const std::string& key) {
    const std::regex pattern("data-summary=\"" + key + "\">([^<]*)<");
    std::smatch match;
    return std::regex_search(page, match, pattern) ? match[1].str() : "";
}

}  // namespace

class MarketStatisticsHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        const std::string own = server->api_token();
        monitors = create_purchase(*server, own, "Moniteurs de réanimation", "surveillance");
        pumps = create_purchase(*server, own, "Pompes à perfusion", "perfusion");
        submitted_response(*server, own, monitors, "Alpha Médical", "oui", true);
        submitted_response(*server, own, monitors, "Beta Santé", "oui", true);
        submitted_response(*server, own, monitors, "Gamma Tech", "non");
        submitted_response(*server, own, pumps, "  alpha médical ", "oui");  // the same company
        submitted_response(*server, own, pumps, "Delta Systèmes", "non");
        // Another account's purchase: its own three vendors; the server's user is not in its team.
        other_token = new std::string(user_token(*server, kOtherEmail, "biomedical"));
        secret = create_purchase(*server, *other_token, "Ventilateurs confidentiels", "ventilation");
        for (const char* company : {"Epsilon Secret", "Zeta Secret", "Eta Secret"})
            submitted_response(*server, *other_token, secret, company, "non");
    }
    static void TearDownTestSuite() {
        delete other_token;
        delete server;
    }
    static std::string page(Browser& browser, const std::string& path) {
        auto result = browser.get(path);
        EXPECT_TRUE(result);
        if (!result) return "";
        EXPECT_EQ(result->status, 200) << path;
        return result->body;
    }
    static ServerProcess* server;
    static std::string* other_token;
    static long long monitors, pumps, secret;
};
ServerProcess* MarketStatisticsHttp::server = nullptr;
std::string* MarketStatisticsHttp::other_token = nullptr;
long long MarketStatisticsHttp::monitors = 0;
long long MarketStatisticsHttp::pumps = 0;
long long MarketStatisticsHttp::secret = 0;

TEST_F(MarketStatisticsHttp, ThePageShowsDistributionsChartsAndHidesSmallGroups) {
    Browser browser(*server);
    log_in(browser);
    const std::string body = page(browser, "/statistics");
    EXPECT_NE(body.find("href=\"/statistics\""), std::string::npos) << "the header's link";
    EXPECT_EQ(summary_value(body, "responses"), "5");
    EXPECT_EQ(summary_value(body, "vendors"), "4") << "alpha médical counts once";
    EXPECT_EQ(summary_value(body, "purchases"), "2");
    const std::string graded = question_row(body, kGraded);
    ASSERT_FALSE(graded.empty()) << body.substr(0, 2000);
    EXPECT_EQ(graded.find("data-hidden"), std::string::npos);
    EXPECT_NE(graded.find("Oui\u00A0: 3 (60\u202F%)"), std::string::npos) << graded;
    EXPECT_NE(graded.find("Non\u00A0: 2 (40\u202F%)"), std::string::npos) << graded;
    EXPECT_NE(graded.find("3 sur 5"), std::string::npos) << graded;
    // Two vendors answered the optional question: hidden.
    const std::string optional = question_row(body, kOptional);
    ASSERT_FALSE(optional.empty());
    EXPECT_NE(optional.find("data-hidden"), std::string::npos);
    EXPECT_NE(optional.find("Moins de 3 fournisseurs : masqué"), std::string::npos);
    // The charts, drawn on the server.
    EXPECT_NE(body.find("class=\"statistics-chart part-share-chart\""), std::string::npos);
    EXPECT_NE(body.find("class=\"statistics-chart evolution-chart\""), std::string::npos);
    EXPECT_NE(body.find("role=\"img\""), std::string::npos);
    // Nothing of the other account's purchase.
    EXPECT_EQ(body.find("Ventilateurs confidentiels"), std::string::npos);
    EXPECT_EQ(body.find("Epsilon"), std::string::npos);
    EXPECT_EQ(body.find("Alpha Médical"), std::string::npos) << "no vendor's name on the page";

    // A purchase of two vendors, or a family without purchase: the whole page is hidden.
    const std::string two = page(browser, "/statistics?purchase=" + std::to_string(pumps));
    EXPECT_NE(two.find("id=\"statistics-hidden\""), std::string::npos);
    EXPECT_EQ(question_row(two, kGraded), "");
    const std::string family = page(browser, "/statistics?family=surveillance");
    EXPECT_EQ(summary_value(family, "responses"), "3");
    EXPECT_NE(question_row(family, kGraded).find("Oui\u00A0: 2 (67\u202F%)"), std::string::npos);
    // Another account's purchase asked by id gives nothing, not its statistics.
    const std::string foreign = page(browser, "/statistics?purchase=" + std::to_string(secret));
    EXPECT_NE(foreign.find("id=\"statistics-hidden\""), std::string::npos);
    // A period that ends before every response; an invalid date is said and ignored.
    EXPECT_NE(page(browser, "/statistics?to=2001-01-01").find("id=\"statistics-hidden\""), std::string::npos);
    const std::string invalid = page(browser, "/statistics?from=demain");
    EXPECT_NE(invalid.find("Date invalide"), std::string::npos);
    EXPECT_EQ(summary_value(invalid, "responses"), "5");
}

TEST_F(MarketStatisticsHttp, TheCsvParsesWithTheSameFigures) {
    Browser browser(*server);
    log_in(browser);
    auto csv = browser.get("/statistics.csv");
    ASSERT_TRUE(csv);
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
    const auto rows = csv_rows(csv->body);
    ASSERT_GT(rows.size(), 10u);
    ASSERT_EQ(rows[0].size(), 12u);
    EXPECT_EQ(rows[0][0], "rubrique");
    bool oui = false, hidden_optional = false;
    for (const auto& row : rows) {
        ASSERT_EQ(row.size(), 12u) << row[0];
        if (row[0] == "repartition" && row[2] == kGraded && row[4] == "oui") {
            oui = true;
            EXPECT_EQ(row[5], "3");
            EXPECT_EQ(row[6], "5");
            EXPECT_EQ(row[7], "60,0");
        }
        if (row[0] == "question" && row[2] == kOptional) hidden_optional = row[11] == "oui" && row[5].empty();
    }
    EXPECT_TRUE(oui);
    EXPECT_TRUE(hidden_optional);
    EXPECT_EQ(csv->body.find("Epsilon"), std::string::npos);
    EXPECT_EQ(csv->body.find("Alpha Médical"), std::string::npos);
}

TEST_F(MarketStatisticsHttp, AnotherAccountSeesOnlyItsOwnPurchases) {
    Browser browser(*server);
    browser.get("/login");
    ASSERT_EQ(browser.post("/login", {{"email", kOtherEmail}, {"password", kUserPassword}})->status, 303);
    const std::string body = page(browser, "/statistics");
    EXPECT_EQ(summary_value(body, "responses"), "3");
    EXPECT_EQ(summary_value(body, "purchases"), "1");
    EXPECT_NE(body.find("Ventilateurs confidentiels"), std::string::npos) << "its purchase in the filter";
    EXPECT_EQ(body.find("Moniteurs de réanimation"), std::string::npos);
    EXPECT_EQ(body.find("Pompes à perfusion"), std::string::npos);
    EXPECT_NE(question_row(body, kGraded).find("Non\u00A0: 3 (100\u202F%)"), std::string::npos);
    // Asking for the server's user's purchase by id: nothing.
    EXPECT_NE(page(browser, "/statistics?purchase=" + std::to_string(monitors)).find("id=\"statistics-hidden\""),
              std::string::npos);
    auto csv = browser.get("/statistics.csv?purchase=" + std::to_string(monitors));
    ASSERT_EQ(csv->status, 200);
    const auto rows = csv_rows(csv->body);
    ASSERT_EQ(rows.size(), 2u) << csv->body;
    EXPECT_EQ(rows[1][11], "oui");
    auto own = browser.get("/statistics.csv");
    EXPECT_EQ(own->body.find("Moniteurs"), std::string::npos);
    bool non = false;
    for (const auto& row : csv_rows(own->body))
        if (row[0] == "repartition" && row[2] == kGraded && row[4] == "non") non = row[5] == "3" && row[6] == "3";
    EXPECT_TRUE(non) << own->body.substr(0, 1500);
}

TEST_F(MarketStatisticsHttp, TheEquipmentFamilyIsAPurchaseSetting) {
    auto api = server->api(server->api_token());
    auto shown = parse_json(api.Get("/api/v1/acquisitions/" + std::to_string(monitors)));
    EXPECT_EQ(shown["equipment_family"], "surveillance");
    auto changed = api.Patch("/api/v1/acquisitions/" + std::to_string(monitors), json{{"equipment_family", "imagerie"}}.dump(),
                             "application/json");
    ASSERT_EQ(changed->status, 200) << changed->body;
    EXPECT_EQ(json::parse(changed->body)["equipment_family"], "imagerie");
    EXPECT_EQ(api.Patch("/api/v1/acquisitions/" + std::to_string(monitors), json{{"equipment_family", "fusées"}}.dump(),
                        "application/json")->status,
              422);
    ASSERT_EQ(api.Patch("/api/v1/acquisitions/" + std::to_string(monitors), json{{"equipment_family", "surveillance"}}.dump(),
                        "application/json")->status,
              200);
    // The purchase form offers the list.
    Browser browser(*server);
    log_in(browser);
    const std::string form = page(browser, "/acquisitions/" + std::to_string(monitors) + "/edit");
    EXPECT_NE(form.find("<select id=\"equipment_family\" name=\"equipment_family\""), std::string::npos);
    EXPECT_NE(form.find("<option value=\"surveillance\" selected>"), std::string::npos);
}
