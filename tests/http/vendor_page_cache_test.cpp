// A vendor's section page is sent again without being rebuilt while nothing it shows changed
// (web/rendered_page_cache.hpp): these tests change each thing it shows — an answer saved through
// the API (another tab), a value written into the database by another process, the purchase
// renamed by the hospital, a flash message, another session — and find the page current each time.
// The response header X-Cache says whether the page came from the cache ("hit") or was built.
#include <gtest/gtest.h>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

class VendorPageCache : public ::testing::Test {
protected:
    void SetUp() override {
        acquisition = create_acquisition(server, "Échographes 2027");
        invitation = invite_vendor(server, acquisition);
        vendor.emplace(server);
        ASSERT_EQ(vendor->get("/invitation/" + invitation.token)->status, 303);
        const json response = parse_json(server.api(invitation.token).Get("/api/v1/vendor/response"));
        for (const auto& s : response["sections"]) {
            if (!s["visible"].get<bool>() || !section.empty()) continue;
            for (const auto& q : s["questions"])
                if (q["kind"] == "text" && q["visible"].get<bool>() && question.empty()) question = q["id"];
            if (!question.empty()) section = s["id"];
        }
        ASSERT_FALSE(section.empty());
        url = "/vendor/sections/" + section;
        auto first = vendor->get(url);  // the first visit (notes open) remembers the section as seen
        ASSERT_EQ(first->status, 200);
    }
    void save_answer(const std::string& value) {
        auto put = server.api(invitation.token)
                       .Put(("/api/v1/vendor/answers/" + question).c_str(), json({{"value", value}}).dump(), "application/json");
        ASSERT_TRUE(put);
        ASSERT_EQ(put->status, 200) << put->body;
    }

    ServerProcess server;
    long long acquisition = 0;
    Invitation invitation;
    std::optional<Browser> vendor;
    std::string section, question, url;
};

}  // namespace

TEST_F(VendorPageCache, TheSamePageAgainComesFromTheCacheByteForByte) {
    auto built = vendor->get(url);
    ASSERT_EQ(built->status, 200);
    auto again = vendor->get(url);
    ASSERT_EQ(again->status, 200);
    EXPECT_EQ(again->get_header_value("X-Cache"), "hit");
    EXPECT_EQ(again->body, built->body);
    EXPECT_NE(again->get_header_value("Speculation-Rules"), "") << "the next pages are still offered";
    EXPECT_EQ(again->get_header_value("Cache-Control"), built->get_header_value("Cache-Control"));
}

TEST_F(VendorPageCache, AnAnswerSavedElsewhereIsShownAtOnce) {
    vendor->get(url);
    ASSERT_EQ(vendor->get(url)->get_header_value("X-Cache"), "hit");
    save_answer("Réponse saisie dans un autre onglet");
    auto page = vendor->get(url);
    EXPECT_EQ(page->get_header_value("X-Cache"), "miss") << "a new revision: built anew";
    EXPECT_NE(page->body.find("Réponse saisie dans un autre onglet"), std::string::npos);
    EXPECT_EQ(vendor->get(url)->get_header_value("X-Cache"), "hit");
}

TEST_F(VendorPageCache, AValueWrittenIntoTheDatabaseByAnotherProcessIsShownAtOnce) {
    save_answer("Valeur avant la réparation");
    vendor->get(url);
    ASSERT_NE(vendor->get(url)->body.find("Valeur avant la réparation"), std::string::npos);
    // What another instance of a group, the CLI or a hand-made repair would write: the database's
    // triggers raise the response's revision, whoever writes.
    server.query_value("UPDATE answers SET value_json = '\"Valeur écrite par un autre processus\"' WHERE question_id = '" +
                       question + "'");
    auto page = vendor->get(url);
    EXPECT_NE(page->body.find("Valeur écrite par un autre processus"), std::string::npos);
    EXPECT_EQ(page->body.find("Valeur avant la réparation"), std::string::npos);
}

TEST_F(VendorPageCache, ThePurchaseRenamedByTheHospitalIsShownAtOnce) {
    vendor->get(url);
    ASSERT_EQ(vendor->get(url)->get_header_value("X-Cache"), "hit");
    auto renamed = server.api(server.api_token())
                       .Patch("/api/v1/acquisitions/" + std::to_string(acquisition),
                              json({{"title", "Échographes 2027, lot renommé"}}).dump(), "application/json");
    ASSERT_EQ(renamed->status, 200) << renamed->body;
    auto page = vendor->get(url);
    EXPECT_NE(page->body.find("Échographes 2027, lot renommé"), std::string::npos);
}

TEST_F(VendorPageCache, AFlashMessageIsShownOnceAndThePageCachedWithoutIt) {
    vendor->get(url);
    auto saved = vendor->post(url, {{"go", "save"}});
    ASSERT_EQ(saved->status, 303);
    auto shown = vendor->get(saved->get_header_value("Location"));
    EXPECT_NE(shown->get_header_value("X-Cache"), "hit") << "a flash waits: built, not cached";
    EXPECT_NE(shown->body.find("class=\"flash flash-info\""), std::string::npos) << "« Enregistré. » / « Saved. »";
    auto later = vendor->get(url);
    EXPECT_EQ(later->body.find("class=\"flash"), std::string::npos) << "shown once";
    EXPECT_EQ(vendor->get(url)->get_header_value("X-Cache"), "hit");
}

TEST_F(VendorPageCache, EachSessionGetsItsOwnPageWithItsOwnCsrfToken) {
    vendor->get(url);
    auto mine = vendor->get(url);
    Browser colleague(server);  // the same link opened on another computer: another session
    ASSERT_EQ(colleague.get("/invitation/" + invitation.token)->status, 303);
    colleague.get(url);
    auto theirs = colleague.get(url);
    ASSERT_EQ(theirs->status, 200);
    EXPECT_FALSE(colleague.csrf().empty());
    EXPECT_NE(colleague.csrf(), vendor->csrf());
    EXPECT_NE(theirs->body.find(colleague.csrf()), std::string::npos);
    EXPECT_EQ(theirs->body.find(vendor->csrf()), std::string::npos) << "never another session's page";
    EXPECT_NE(mine->body.find(vendor->csrf()), std::string::npos);
    // Their form posts with their own token.
    EXPECT_EQ(colleague.post(url, {{"go", "save"}})->status, 303);
}

TEST(VendorPageCacheOff, PageCacheZeroBuildsEveryPage) {
    ServerProcess server({"--page-cache-mb", "0"});
    const Invitation invitation = invite_vendor(server, create_acquisition(server));
    Browser vendor(server);
    ASSERT_EQ(vendor.get("/invitation/" + invitation.token)->status, 303);
    const json response = parse_json(server.api(invitation.token).Get("/api/v1/vendor/response"));
    const std::string url = "/vendor/sections/" + response["sections"][0]["id"].get<std::string>();
    vendor.get(url);
    auto again = vendor.get(url);
    ASSERT_EQ(again->status, 200);
    EXPECT_FALSE(again->has_header("X-Cache"));
}
