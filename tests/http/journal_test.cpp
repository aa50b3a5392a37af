// The journal pages, their CSV and their API twin over HTTP: one answer changed from the vendor's
// page, then by an Excel import, then through the API, each with its source; filters; the CSV;
// vendors kept out of every journal URL.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

const std::string kJournalXlsxTool = std::string(CYB_SOURCE_DIR) + "/tests/tools/xlsx_tool.py";
const char* kQuestion = "dispositif.fabricant";

// The workbook filled by openpyxl (tests/tools/xlsx_tool.py) with these answers.
std::string journal_fill_workbook(const std::string& bytes, const json& answers) {
    char pattern[] = "/tmp/cyb-journal-test-XXXXXX";
    const std::string dir = mkdtemp(pattern);
    std::ofstream(dir + "/in.xlsx", std::ios::binary) << bytes;
    std::ofstream(dir + "/answers.json") << answers.dump();
    shell_output("/usr/bin/python3 " + kJournalXlsxTool + " fill " + dir + "/in.xlsx " + dir + "/out.xlsx " + dir +
                 "/answers.json");
    std::ifstream in(dir + "/out.xlsx", std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    std::system(("rm -rf " + dir).c_str());
    return out.str();
}

// The CSV's rows split on ';' (no quoted separators in what the test writes).
std::vector<std::vector<std::string>> journal_csv_rows(const std::string& body) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(body);
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream split(line);
        while (std::getline(split, cell, ';')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

}  // namespace

class Journal : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        acquisition = create_acquisition(*server, "Pompes 2032");
        vendor = invite_vendor(*server, acquisition, "Perfusia");
        // 1. From the vendor's page (the section form, its session).
        Browser page(*server);
        ASSERT_EQ(page.get("/invitation/" + vendor.token)->status, 303);
        ASSERT_EQ(page.get("/vendor/sections/dispositif.informations_generales")->status, 200);
        auto saved = page.post("/vendor/sections/dispositif.informations_generales",
                               {{std::string("a:") + kQuestion, "Fabricant Page"}, {"go", "stay"}});
        ASSERT_TRUE(saved);
        ASSERT_LT(saved->status, 400) << saved->body;
        // 2. By an Excel import (through the API).
        auto client = server->api(vendor.token);
        auto blank = client.Get("/api/v1/vendor/export.xlsx?lang=fr");
        ASSERT_EQ(blank->status, 200);
        const std::string filled = journal_fill_workbook(blank->body, json{{kQuestion, "Fabricant Excel"}});
        auto imported = client.Post("/api/v1/vendor/import?apply=1",
                                    httplib::MultipartFormDataItems{{"file", filled, "reponses.xlsx",
                                                                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
        ASSERT_EQ(imported->status, 200) << imported->body;
        // 3. Through the API (the invitation token).
        auto put = client.Put((std::string("/api/v1/vendor/answers/") + kQuestion).c_str(),
                              json{{"value", "=Fabricant API"}}.dump(), "application/json");
        ASSERT_EQ(put->status, 200) << put->body;
    }
    static void TearDownTestSuite() { delete server; }
    static std::string response_path() { return "/responses/" + std::to_string(vendor.response_id) + "/journal"; }
    static ServerProcess* server;
    static long long acquisition;
    static Invitation vendor;
};
ServerProcess* Journal::server = nullptr;
long long Journal::acquisition = 0;
Invitation Journal::vendor;

TEST_F(Journal, TheResponseJournalShowsEachChangeOfAnAnswerWithItsSource) {
    auto api = server->api(server->api_token());
    auto listed = api.Get(("/api/v1" + response_path() + "?question=" + kQuestion + "&action=update").c_str());
    ASSERT_EQ(listed->status, 200) << listed->body;
    const json events = parse_json(listed)["events"];
    ASSERT_EQ(events.size(), 2u);  // newest first: API, then the import; the page's was the creation
    EXPECT_EQ(events[0]["via"], "api");
    EXPECT_EQ(events[0]["old_text"], "Fabricant Excel");
    EXPECT_EQ(events[0]["new_text"], "=Fabricant API");
    EXPECT_EQ(events[1]["via"], "xlsx");
    EXPECT_EQ(events[1]["via_label"], "Import Excel");
    EXPECT_EQ(events[1]["old_text"], "Fabricant Page");
    EXPECT_EQ(events[1]["question_label"], "Fabricant");
    EXPECT_EQ(events[1]["who"], "Fournisseur Perfusia");
    auto created = parse_json(api.Get(("/api/v1" + response_path() + "?question=" + kQuestion + "&action=create").c_str()));
    ASSERT_EQ(created["events"].size(), 1u);
    EXPECT_EQ(created["events"][0]["via"], "page");
    EXPECT_EQ(created["events"][0]["new_text"], "Fabricant Page");

    // The page, for a hospital user: the same rows, readable.
    Browser hospital(*server);
    log_in(hospital);
    auto page = hospital.get(response_path() + "?question=" + kQuestion);
    ASSERT_EQ(page->status, 200);
    for (const char* shown : {"Page web", "Import Excel", "API", "Fabricant Page", "Fabricant Excel", "Fabricant",
                              "Réponse modifiée", "Fournisseur Perfusia"})
        EXPECT_NE(page->body.find(shown), std::string::npos) << shown;
    // The response page links to it.
    auto response_page = hospital.get("/responses/" + std::to_string(vendor.response_id));
    EXPECT_NE(response_page->body.find("href=\"" + response_path() + "\""), std::string::npos);
}

TEST_F(Journal, FiltersNarrowTheListAndPagesFollowEachOther) {
    auto api = server->api(server->api_token());
    const std::string base = "/api/v1/acquisitions/" + std::to_string(acquisition) + "/journal";
    const json all = parse_json(api.Get(base.c_str()))["events"];
    ASSERT_GE(all.size(), 5u);
    const json updates = parse_json(api.Get((base + "?action=update").c_str()))["events"];
    EXPECT_LT(updates.size(), all.size());
    for (const auto& e : updates) EXPECT_EQ(e["action"], "update");
    const json by_vendor = parse_json(api.Get((base + "?actor=vendor:" + std::to_string(vendor.response_id)).c_str()))["events"];
    EXPECT_FALSE(by_vendor.empty());
    for (const auto& e : by_vendor) EXPECT_EQ(e["actor"], "vendor:" + std::to_string(vendor.response_id));
    EXPECT_TRUE(parse_json(api.Get((base + "?to=2000-01-01").c_str()))["events"].empty());
    EXPECT_EQ(api.Get((base + "?from=demain").c_str())->status, 422);  // invalid_value
    // Two at a time, following next_before, gives the whole list.
    std::vector<long long> paged;
    std::string next = base + "?limit=2";
    for (int guard = 0; guard < 100 && !next.empty(); ++guard) {
        const json page = parse_json(api.Get(next.c_str()));
        for (const auto& e : page["events"]) paged.push_back(e["id"]);
        next = page["next_before"].is_null() ? "" : base + "?limit=2&before=" + std::to_string(page["next_before"].get<long long>());
    }
    std::vector<long long> expected;
    for (const auto& e : all) expected.push_back(e["id"]);
    EXPECT_EQ(paged, expected);
    // The purchase page links to its journal; its journal page shows the filtered list.
    Browser hospital(*server);
    log_in(hospital);
    EXPECT_NE(hospital.get("/acquisitions/" + std::to_string(acquisition))->body.find(
                  "/acquisitions/" + std::to_string(acquisition) + "/journal"),
              std::string::npos);
    auto filtered = hospital.get("/acquisitions/" + std::to_string(acquisition) + "/journal?action=submit");
    ASSERT_EQ(filtered->status, 200);
    EXPECT_NE(filtered->body.find("Aucun événement"), std::string::npos);
}

TEST_F(Journal, TheCsvIsTheSameFilteredListWithFormulasNeutralised) {
    Browser hospital(*server);
    log_in(hospital);
    auto csv = hospital.get(response_path() + ".csv?question=" + std::string(kQuestion));
    ASSERT_EQ(csv->status, 200);
    EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_NE(csv->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
    ASSERT_EQ(csv->body.rfind("\xEF\xBB\xBF", 0), 0u);
    const auto rows = journal_csv_rows(csv->body.substr(3));
    ASSERT_EQ(rows.size(), 4u);  // header, API, import, page
    EXPECT_EQ(rows[0][0], "N°");
    EXPECT_EQ(rows[0].size(), 10u);
    EXPECT_EQ(rows[1][3], "API");
    EXPECT_EQ(rows[1][9], "'=Fabricant API");  // a formula is not one in a spreadsheet
    EXPECT_EQ(rows[2][3], "Import Excel");
    EXPECT_EQ(rows[3][3], "Page web");
    for (size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i][6], kQuestion);
}

TEST_F(Journal, AUserJournalShowsWhatTheAccountDidAndTheHeaderLinksToIt) {
    Browser hospital(*server);
    log_in(hospital);
    auto home = hospital.get("/acquisitions");
    static const std::regex own(R"(href="/users/(\d+)/journal")");
    std::smatch match;
    ASSERT_TRUE(std::regex_search(home->body, match, own));
    const std::string path = "/users/" + match[1].str() + "/journal";
    auto page = hospital.get(path);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Connexion"), std::string::npos);
    EXPECT_NE(page->body.find("Pompes 2032"), std::string::npos);  // the purchase it created
    const json api = parse_json(server->api(server->api_token()).Get(("/api/v1" + path).c_str()));
    for (const auto& e : api["events"]) {
        EXPECT_TRUE(e["actor"] == "user:#" + match[1].str() || e["user_id"] == std::stoll(match[1].str())) << e.dump();
        if (e["actor"] == "user:#" + match[1].str()) EXPECT_EQ(e["who"], ServerProcess::kEmail) << e.dump();
        EXPECT_EQ(e.dump().find("hash"), std::string::npos);  // no secret, not even its name
    }
    // Another account's journal is for administrators (and that account) only.
    EXPECT_EQ(hospital.get("/users/999999/journal")->status, 403);
}

TEST_F(Journal, AVendorGetsNoJournalAtAll) {
    Browser vendor_page(*server);
    ASSERT_EQ(vendor_page.get("/invitation/" + vendor.token)->status, 303);
    const std::string r = std::to_string(vendor.response_id), a = std::to_string(acquisition);
    for (const std::string& path : {"/responses/" + r + "/journal", "/responses/" + r + "/journal.csv",
                                    "/acquisitions/" + a + "/journal", "/acquisitions/" + a + "/journal.csv",
                                    std::string("/users/1/journal"), std::string("/users/1/journal.csv")}) {
        auto result = vendor_page.get(path);
        ASSERT_TRUE(result) << path;
        EXPECT_EQ(result->status, 303) << path;  // to the hospital's login
        EXPECT_EQ(result->get_header_value("Location"), "/login") << path;
        EXPECT_EQ(result->body.find("Perfusia"), std::string::npos) << path;
    }
    auto api = server->api(vendor.token);
    for (const std::string& path : {"/api/v1/responses/" + r + "/journal", "/api/v1/acquisitions/" + a + "/journal",
                                    std::string("/api/v1/users/1/journal")}) {
        auto result = api.Get(path.c_str());
        ASSERT_TRUE(result) << path;
        EXPECT_EQ(result->status, 401) << path;
    }
    // Nor a hospital session on the API (a token is needed), nor nobody.
    EXPECT_EQ(server->client().Get(("/api/v1/responses/" + r + "/journal").c_str())->status, 401);
}
