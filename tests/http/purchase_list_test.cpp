// The list of purchases searched and sorted, against the real binary: the page GET /acquisitions
// (a GET form; unknown values fall back to the defaults, never an error) and the API
// GET /api/v1/acquisitions (the same parameters; unknown values are a 400 invalid_value).
#include <gtest/gtest.h>

#include <algorithm>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

class PurchaseList : public ::testing::Test {
protected:
    // Four purchases, created in this order: an open one, a draft, a closed one, an archived one.
    static void SetUpTestSuite() {
        server = new ServerProcess();
        echo = purchase({{"title", "Échographes cardiologie"}, {"equipment", "Échographe"}, {"service", "Cardiologie"},
                         {"reference", "ECH-2027"}, {"deadline", "2027-05-01"}});
        pumps = purchase({{"title", "Pousse-seringues"}, {"equipment", "Pousse-seringue"}, {"service", "Réanimation"},
                          {"reference", "PS-12"}, {"status", "draft"}});
        portable = purchase({{"title", "Echographe portable"}, {"equipment", "Échographe"}, {"service", "Urgences"},
                             {"reference", "ECH-2026"}, {"deadline", "2027-02-01"}});
        move(portable, "close");
        scanner = purchase({{"title", "Scanner archivé"}, {"equipment", "Scanner"}, {"service", "Radiologie"},
                            {"reference", "SC-1"}, {"deadline", "2026-12-01"}});
        move(scanner, "close");
        move(scanner, "archive");
    }
    static void TearDownTestSuite() { delete server; }

    static long long purchase(const json& body) {
        auto created = lead().Post("/api/v1/acquisitions", body.dump(), "application/json");
        if (!created || created->status != 201) throw std::runtime_error("create: " + (created ? created->body : std::string()));
        return json::parse(created->body)["id"].get<long long>();
    }
    static void move(long long id, const std::string& action) {
        auto moved = lead().Post("/api/v1/acquisitions/" + std::to_string(id) + "/transitions",
                                 json{{"action", action}}.dump(), "application/json");
        if (!moved || moved->status != 200) throw std::runtime_error(action + ": " + (moved ? moved->body : std::string()));
    }
    static httplib::Client lead() { return server->api(server->api_token()); }

    // The ids the API lists for this query string.
    static std::vector<long long> listed(const std::string& query) {
        auto result = lead().Get("/api/v1/acquisitions" + query);
        EXPECT_TRUE(result);
        EXPECT_EQ(result->status, 200) << query << ": " << result->body;
        std::vector<long long> ids;
        for (const auto& item : json::parse(result->body)) ids.push_back(item["id"].get<long long>());
        return ids;
    }
    // The titles of the purchases a page lists, in its order (each title is a link in the table).
    static std::vector<std::string> titles_on(const std::string& body) {
        std::vector<std::pair<size_t, std::string>> found;
        for (const char* title : {"Échographes cardiologie", "Pousse-seringues", "Echographe portable", "Scanner archivé"})
            if (const size_t at = body.find(std::string("\">") + title + "</a>"); at != std::string::npos)
                found.emplace_back(at, title);
        std::sort(found.begin(), found.end());
        std::vector<std::string> out;
        for (auto& [at, title] : found) out.push_back(title);
        return out;
    }

    static ServerProcess* server;
    static long long echo, pumps, portable, scanner;
};
ServerProcess* PurchaseList::server = nullptr;
long long PurchaseList::echo = 0, PurchaseList::pumps = 0, PurchaseList::portable = 0, PurchaseList::scanner = 0;

using Titles = std::vector<std::string>;
using Ids = std::vector<long long>;

TEST_F(PurchaseList, ThePageSearchesWithoutAccentsAndSortsKeepingTheFormFilled) {
    Browser hospital(*server);
    log_in(hospital);
    auto all = hospital.get("/acquisitions");
    ASSERT_EQ(all->status, 200);
    EXPECT_EQ(titles_on(all->body), (Titles{"Echographe portable", "Pousse-seringues", "Échographes cardiologie"}));
    EXPECT_NE(all->body.find("3 achats sur 3"), std::string::npos);  // the archived one is in the archives
    EXPECT_NE(all->body.find("<label for=\"purchase-q\">Rechercher</label>"), std::string::npos);

    auto found = hospital.get("/acquisitions?q=ECHOGRAPHE&sort=deadline");
    ASSERT_EQ(found->status, 200);
    EXPECT_EQ(titles_on(found->body), (Titles{"Echographe portable", "Échographes cardiologie"}));
    EXPECT_NE(found->body.find("2 achats sur 3"), std::string::npos);
    EXPECT_NE(found->body.find("name=\"q\" value=\"ECHOGRAPHE\""), std::string::npos);
    EXPECT_NE(found->body.find("<option value=\"deadline\" selected>Date limite</option>"), std::string::npos);
    EXPECT_NE(found->body.find("aria-sort=\"ascending\""), std::string::npos);

    auto reversed = hospital.get("/acquisitions?q=%C3%A9chographe&sort=deadline&order=desc");
    EXPECT_EQ(titles_on(reversed->body), (Titles{"Échographes cardiologie", "Echographe portable"}));
    // By status, in the lifecycle's order; by a status.
    EXPECT_EQ(titles_on(hospital.get("/acquisitions?sort=status")->body),
              (Titles{"Pousse-seringues", "Échographes cardiologie", "Echographe portable"}));
    auto drafts = hospital.get("/acquisitions?status=draft");
    EXPECT_EQ(titles_on(drafts->body), (Titles{"Pousse-seringues"}));
    EXPECT_NE(drafts->body.find("1 achat sur 3"), std::string::npos);
    EXPECT_NE(drafts->body.find("<option value=\"draft\" selected>"), std::string::npos);
    // Searching the service and the reference.
    EXPECT_EQ(titles_on(hospital.get("/acquisitions?q=reanimation")->body), (Titles{"Pousse-seringues"}));
    EXPECT_EQ(titles_on(hospital.get("/acquisitions?q=ech-2026")->body), (Titles{"Echographe portable"}));
}

TEST_F(PurchaseList, ThePageSaysWhenNothingMatchesAndIgnoresUnknownValues) {
    Browser hospital(*server);
    log_in(hospital);
    auto none = hospital.get("/acquisitions?q=scanner");
    ASSERT_EQ(none->status, 200);
    EXPECT_TRUE(titles_on(none->body).empty());
    EXPECT_NE(none->body.find("Aucun achat ne correspond à la recherche."), std::string::npos);
    EXPECT_NE(none->body.find("0 achat sur 3"), std::string::npos);
    EXPECT_NE(none->body.find("<a href=\"/acquisitions\">Afficher tous les achats</a>"), std::string::npos);

    // Unknown values: the defaults (newest first), not an error page.
    auto unknown = hospital.get("/acquisitions?sort=price&order=sideways&status=deleted");
    ASSERT_EQ(unknown->status, 200);
    EXPECT_EQ(titles_on(unknown->body), (Titles{"Echographe portable", "Pousse-seringues", "Échographes cardiologie"}));
    EXPECT_NE(unknown->body.find("<option value=\"created\" selected>"), std::string::npos);
    // A text longer than 200 characters is cut to them.
    auto longer = hospital.get("/acquisitions?q=" + std::string(300, 'x'));
    ASSERT_EQ(longer->status, 200);
    EXPECT_NE(longer->body.find("value=\"" + std::string(200, 'x') + "\""), std::string::npos);
    EXPECT_EQ(longer->body.find(std::string(201, 'x')), std::string::npos);

    // The archives are searched too, the search form keeping them.
    auto archives = hospital.get("/acquisitions?archives=1&q=SCANNER");
    EXPECT_EQ(titles_on(archives->body), (Titles{"Scanner archivé"}));
    EXPECT_NE(archives->body.find("1 achat sur 1"), std::string::npos);
    EXPECT_NE(archives->body.find("name=\"archives\" value=\"1\""), std::string::npos);
    auto by_status = hospital.get("/acquisitions?status=archived");
    EXPECT_EQ(titles_on(by_status->body), (Titles{"Scanner archivé"}));
    EXPECT_NE(by_status->body.find("Achats archivés"), std::string::npos);
}

TEST_F(PurchaseList, TheApiTakesTheSameParameters) {
    EXPECT_EQ(listed(""), (Ids{portable, pumps, echo}));
    EXPECT_EQ(listed("?q=%C3%A9chographe"), (Ids{portable, echo}));
    EXPECT_EQ(listed("?q=Echographe%20cardio"), (Ids{echo}));
    EXPECT_EQ(listed("?q=ech&sort=reference"), (Ids{portable, echo}));
    EXPECT_EQ(listed("?q=ech&sort=reference&order=desc"), (Ids{echo, portable}));
    EXPECT_EQ(listed("?sort=title"), (Ids{portable, echo, pumps}));
    EXPECT_EQ(listed("?sort=created&order=asc"), (Ids{echo, pumps, portable}));
    // No deadline: last, either way.
    EXPECT_EQ(listed("?sort=deadline&archived=include"), (Ids{scanner, portable, echo, pumps}));
    EXPECT_EQ(listed("?sort=deadline&order=desc&archived=include"), (Ids{echo, portable, scanner, pumps}));
    EXPECT_EQ(listed("?sort=status&archived=include"), (Ids{pumps, echo, portable, scanner}));
    EXPECT_EQ(listed("?status=closed"), (Ids{portable}));
    EXPECT_EQ(listed("?status=archived"), (Ids{scanner}));  // in the archives, without archived=only
    EXPECT_EQ(listed("?status=open&archived=only"), (Ids{}));
    EXPECT_EQ(listed("?q=scanner"), (Ids{}));
    EXPECT_EQ(listed("?q=" + std::string(200, 'x')), (Ids{}));
}

TEST_F(PurchaseList, TheApiRefusesUnknownValuesWithA400) {
    for (const auto& [query, parameter] : std::vector<std::pair<std::string, std::string>>{
             {"?sort=price", "sort"},
             {"?sort=TITLE", "sort"},
             {"?order=up", "order"},
             {"?status=deleted", "status"},
             {"?q=" + std::string(201, 'x'), "q"}}) {
        auto refused = lead().Get("/api/v1/acquisitions" + query);
        ASSERT_TRUE(refused);
        EXPECT_EQ(refused->status, 400) << query;
        const json body = json::parse(refused->body);
        EXPECT_EQ(body["error"]["code"], "invalid_value") << query;
        EXPECT_EQ(body["parameter"], parameter) << query;
        EXPECT_NE(body["error"]["message"].get<std::string>().find("(" + parameter + ")"), std::string::npos)
            << body.dump();
    }
    auto refused = json::parse(lead().Get("/api/v1/acquisitions?sort=price")->body);
    EXPECT_EQ(refused["error"]["message"], "Tri (sort) inconnu : title, reference, deadline, status ou created.");
}
