// A purchase's title in English (issue 14): given through the API and the purchase form, shown to
// the vendors who answer in English (their pages, their API), never instead of the French title
// on the hospital's side.
#include <gtest/gtest.h>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

const std::string kFrench = "Moniteurs de réanimation 2027";
const std::string kEnglish = "Intensive care monitors 2027";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class PurchaseTitle : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess(); }
    static void TearDownTestSuite() { delete server; }

    // A purchase created through the API (open: its links work at once).
    static long long purchase(const json& extra = json::object()) {
        json body = {{"title", kFrench}, {"equipment", "Moniteur multiparamétrique"}, {"deadline", "2099-06-30"}};
        body.update(extra);
        auto created = server->api(server->api_token()).Post("/api/v1/acquisitions", body.dump(), "application/json");
        if (!created || created->status != 201) throw std::runtime_error("create failed");
        return parse_json(created)["id"].get<long long>();
    }
    static json get(long long id) {
        return parse_json(server->api(server->api_token()).Get("/api/v1/acquisitions/" + std::to_string(id)));
    }
    static httplib::Result patch(long long id, const json& body) {
        return server->api(server->api_token())
            .Patch("/api/v1/acquisitions/" + std::to_string(id), body.dump(), "application/json");
    }
    static Invitation invite(long long id, const std::string& company, const std::string& language) {
        auto invited = server->api(server->api_token())
                           .Post("/api/v1/acquisitions/" + std::to_string(id) + "/vendors",
                                 json{{"company", company}, {"email", "contact@vendor.example"}, {"language", language}}.dump(),
                                 "application/json");
        if (!invited || invited->status != 201) throw std::runtime_error("invite failed");
        const json body = parse_json(invited);
        return {body["response_id"].get<long long>(), body["invite_token"].get<std::string>(), body["invite_url"].get<std::string>()};
    }

    static ServerProcess* server;
};
ServerProcess* PurchaseTitle::server = nullptr;

TEST_F(PurchaseTitle, TheApiCreatesReturnsAndUpdatesTheEnglishTitle) {
    const long long id = purchase({{"title_en", "  " + kEnglish + " "}});
    json one = get(id);
    EXPECT_EQ(one["title"], kFrench);
    EXPECT_EQ(one["title_en"], kEnglish) << "trimmed";
    EXPECT_EQ(get(purchase())["title_en"], "") << "none given: none";
    bool listed = false;
    for (const auto& item : parse_json(server->api(server->api_token()).Get("/api/v1/acquisitions")))
        if (item["id"] == id) listed = item["title_en"] == kEnglish;
    EXPECT_TRUE(listed);

    // PATCH: what is left out stays.
    auto notes = patch(id, {{"notes", "Lot 2"}});
    ASSERT_TRUE(notes);
    ASSERT_EQ(notes->status, 200) << notes->body;
    EXPECT_EQ(parse_json(notes)["title_en"], kEnglish);
    EXPECT_EQ(parse_json(notes)["notes"], "Lot 2");
    auto renamed = patch(id, {{"title_en", "ICU monitors 2027"}});
    ASSERT_EQ(renamed->status, 200) << renamed->body;
    one = get(id);
    EXPECT_EQ(one["title_en"], "ICU monitors 2027");
    EXPECT_EQ(one["title"], kFrench);
    EXPECT_EQ(one["notes"], "Lot 2");
    EXPECT_EQ(one["deadline"], "2099-06-30");

    // Refused as a title would be, and nothing changes.
    auto too_long = patch(id, {{"title_en", std::string(201, 'e')}});
    ASSERT_EQ(too_long->status, 422) << too_long->body;
    EXPECT_TRUE(parse_json(too_long)["error"]["fields"].contains("title_en")) << too_long->body;
    auto no_title = patch(id, {{"title", ""}});
    ASSERT_EQ(no_title->status, 422);
    EXPECT_TRUE(parse_json(no_title)["error"]["fields"].contains("title"));
    auto status = patch(id, {{"status", "closed"}});
    ASSERT_EQ(status->status, 422);
    EXPECT_TRUE(parse_json(status)["error"]["fields"].contains("status"));
    auto created_too_long = server->api(server->api_token())
                                .Post("/api/v1/acquisitions",
                                      json{{"title", kFrench}, {"equipment", "Moniteur"}, {"title_en", std::string(201, 'e')}}.dump(),
                                      "application/json");
    ASSERT_EQ(created_too_long->status, 422);
    EXPECT_TRUE(parse_json(created_too_long)["error"]["fields"].contains("title_en"));
    EXPECT_EQ(get(id)["title_en"], "ICU monitors 2027");

    auto cleared = patch(id, {{"title_en", ""}});
    ASSERT_EQ(cleared->status, 200);
    EXPECT_EQ(get(id)["title_en"], "");

    // Each change is journaled, from the API.
    auto journal = parse_json(server->api(server->api_token()).Get("/api/v1/acquisitions/" + std::to_string(id) + "/journal"));
    std::vector<std::string> changes;
    for (const auto& event : journal["events"])
        if (event["action"] == "update" && event["field"] == "title_en") {
            EXPECT_EQ(event["via"], "api");
            changes.push_back(event["new_value"].get<std::string>());
        }
    EXPECT_EQ(changes, (std::vector<std::string>{"", "ICU monitors 2027"})) << journal.dump();
}

TEST_F(PurchaseTitle, ThePurchaseFormSavesAndShowsTheEnglishTitle) {
    Browser hospital(*server);
    log_in(hospital);
    auto form = hospital.get("/acquisitions/new");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(contains(form->body, "Intitulé en anglais (pour les fournisseurs anglophones, facultatif)")) << form->body;
    EXPECT_TRUE(contains(form->body, "name=\"title_en\""));

    auto refused = hospital.post("/acquisitions", {{"title", kFrench}, {"equipment", "Moniteur"},
                                                   {"title_en", std::string(201, 'e')}});
    ASSERT_EQ(refused->status, 422);
    EXPECT_TRUE(contains(refused->body, "200 caractères au plus")) << refused->body;
    EXPECT_TRUE(contains(refused->body, "value=\"" + std::string(201, 'e') + "\"")) << "shown back as typed";

    auto created = hospital.post("/acquisitions", {{"title", kFrench}, {"equipment", "Moniteur"},
                                                   {"title_en", "  " + kEnglish + " "}});
    ASSERT_EQ(created->status, 303);
    const std::string page = created->get_header_value("Location");
    auto shown = hospital.get(page);
    ASSERT_EQ(shown->status, 200);
    EXPECT_TRUE(contains(shown->body, "<h1 id=\"page-title\">" + kFrench + "</h1>")) << "the hospital's page: French";
    EXPECT_TRUE(contains(shown->body, "Pour les fournisseurs anglophones\u00A0: <span lang=\"en\">" + kEnglish + "</span>"))
        << shown->body;

    auto edit = hospital.get(page + "/edit");
    ASSERT_EQ(edit->status, 200);
    EXPECT_TRUE(contains(edit->body, "value=\"" + kEnglish + "\"")) << "trimmed, shown again";
    auto changed = hospital.post(page, {{"title", kFrench}, {"equipment", "Moniteur"}, {"title_en", "ICU monitors"}});
    ASSERT_EQ(changed->status, 303);
    EXPECT_TRUE(contains(hospital.get(page)->body, "<span lang=\"en\">ICU monitors</span>"));
    const std::string id = page.substr(page.rfind('/') + 1);
    EXPECT_EQ(get(std::stoll(id))["title_en"], "ICU monitors");

    auto cleared = hospital.post(page, {{"title", kFrench}, {"equipment", "Moniteur"}, {"title_en", ""}});
    ASSERT_EQ(cleared->status, 303);
    EXPECT_FALSE(contains(hospital.get(page)->body, "Pour les fournisseurs anglophones")) << "none: nothing shown";
    EXPECT_EQ(get(std::stoll(id))["title_en"], "");
}

TEST_F(PurchaseTitle, AVendorInEnglishSeesTheEnglishTitleAVendorInFrenchTheFrenchOne) {
    const long long id = purchase({{"title_en", kEnglish}});
    const Invitation english = invite(id, "Medica Ltd", "en");
    const Invitation french = invite(id, "Santé Plus", "fr");

    Browser vendor(*server);
    ASSERT_EQ(vendor.get("/invitation/" + english.token)->status, 303);
    auto home = vendor.get("/vendor");
    ASSERT_EQ(home->status, 200);
    EXPECT_TRUE(contains(home->body, "<title>" + kEnglish + " — Cyberachat</title>")) << home->body.substr(0, 2000);
    EXPECT_TRUE(contains(home->body, "<h1 id=\"page-title\">" + kEnglish + "</h1>"));
    EXPECT_FALSE(contains(home->body, kFrench));
    auto section = vendor.get("/vendor/sections/dispositif.poste_informatique");
    ASSERT_EQ(section->status, 200);
    EXPECT_TRUE(contains(section->body, " — " + kEnglish + " — Cyberachat</title>")) << section->body.substr(0, 2000);
    EXPECT_FALSE(contains(section->body, kFrench));
    auto review = vendor.get("/vendor/review");
    ASSERT_EQ(review->status, 200);
    EXPECT_TRUE(contains(review->body, "<p class=\"kicker\">" + kEnglish + "</p>"));
    EXPECT_EQ(parse_json(server->api(english.token).Get("/api/v1/vendor/response"))["acquisition"]["title"], kEnglish);

    // Switched to French, the pages are French, the title with them.
    ASSERT_EQ(vendor.post("/vendor/language", {{"language", "fr"}, {"return", "/vendor"}})->status, 303);
    auto in_french = vendor.get("/vendor");
    EXPECT_TRUE(contains(in_french->body, "<h1 id=\"page-title\">" + kFrench + "</h1>"));

    Browser other(*server);
    ASSERT_EQ(other.get("/invitation/" + french.token)->status, 303);
    auto french_home = other.get("/vendor");
    ASSERT_EQ(french_home->status, 200);
    EXPECT_TRUE(contains(french_home->body, "<h1 id=\"page-title\">" + kFrench + "</h1>"));
    EXPECT_FALSE(contains(french_home->body, kEnglish));
    auto french_section = other.get("/vendor/sections/dispositif.poste_informatique");
    EXPECT_TRUE(contains(french_section->body, " — " + kFrench + " — Cyberachat</title>"));
    EXPECT_FALSE(contains(french_section->body, kEnglish));
    EXPECT_EQ(parse_json(server->api(french.token).Get("/api/v1/vendor/response"))["acquisition"]["title"], kFrench);

    // A purchase without an English title: the vendor in English reads the French one.
    const Invitation untitled = invite(purchase(), "Medica Ltd", "en");
    Browser third(*server);
    ASSERT_EQ(third.get("/invitation/" + untitled.token)->status, 303);
    EXPECT_TRUE(contains(third.get("/vendor")->body, "<h1 id=\"page-title\">" + kFrench + "</h1>"));
}
