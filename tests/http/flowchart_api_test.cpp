// Flowcharts over HTTP: the SVG exports (questionnaire, a response for the hospital, the vendor's
// own), their access rules and 404s, and the pages that show them on each side.
#include <gtest/gtest.h>

#include <regex>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

bool svg_contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The class attribute of the SVG group with this id.
std::string class_of(const std::string& svg, const std::string& id) {
    std::smatch match;
    const std::regex tag("<g id=\"" + std::regex_replace(id, std::regex(R"([.\-])"), R"(\$&)") + "\" class=\"([^\"]*)\"");
    return std::regex_search(svg, match, tag) ? match[1].str() : "";
}

}  // namespace

class FlowchartHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess(); }
    static void TearDownTestSuite() { delete server; }
    void SetUp() override {
        invitation = invite_vendor(*server, create_acquisition(*server));
        // The vendor takes the "non-standard workstation" branch.
        auto put = server->api(invitation.token).Put("/api/v1/vendor/answers/dispositif.poste_standard",
                                                     json{{"value", "non"}}.dump(), "application/json");
        ASSERT_TRUE(put);
        ASSERT_EQ(put->status, 200);
    }
    std::string response_svg_path(const std::string& part) const {
        return "/api/v1/responses/" + std::to_string(invitation.response_id) + "/flowcharts/" + part + ".svg";
    }
    static ServerProcess* server;
    Invitation invitation;
};
ServerProcess* FlowchartHttp::server = nullptr;

TEST_F(FlowchartHttp, TheQuestionnairesChartsArePublicByNumberOrId) {
    auto client = server->client();
    auto by_number = client.Get("/api/v1/questionnaire/flowcharts/1.svg");
    ASSERT_TRUE(by_number);
    EXPECT_EQ(by_number->status, 200);
    EXPECT_EQ(by_number->get_header_value("Content-Type"), "image/svg+xml; charset=utf-8");
    EXPECT_EQ(by_number->body.rfind("<?xml", 0), 0u);
    EXPECT_TRUE(svg_contains(by_number->body, "id=\"fc-d-dispositif.poste_standard\""));
    auto by_id = client.Get("/api/v1/questionnaire/flowcharts/serveurs.svg?lang=en");
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->status, 200);
    EXPECT_TRUE(svg_contains(by_id->body, "id=\"fc-d-serveurs.serveur_inclus\""));
    EXPECT_TRUE(svg_contains(by_id->body, "Flowchart of part 2"));
    for (const char* bad : {"/api/v1/questionnaire/flowcharts/5.svg", "/api/v1/questionnaire/flowcharts/0.svg",
                            "/api/v1/questionnaire/flowcharts/inconnue.svg"}) {
        auto missing = client.Get(bad);
        ASSERT_TRUE(missing);
        EXPECT_EQ(missing->status, 404) << bad;
        EXPECT_EQ(parse_json(missing)["error"]["code"], "not_found") << bad;
    }
}

TEST_F(FlowchartHttp, AResponsesChartShowsItsBranchesForTheHospital) {
    auto result = server->api(server->api_token()).Get(response_svg_path("1"));
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    const std::string& svg = result->body;
    EXPECT_TRUE(svg_contains(class_of(svg, "fc-s-dispositif.prerequis_poste"), "fc-st-na"));
    EXPECT_TRUE(svg_contains(class_of(svg, "fc-s-dispositif.materiel_fourni"), "fc-st-incomplete"));
    EXPECT_TRUE(svg_contains(class_of(svg, "fc-s-dispositif.poste_informatique"), "fc-st-complete"));
    EXPECT_TRUE(svg_contains(class_of(svg, "fc-e-d-dispositif.poste_standard-to-s-dispositif.materiel_fourni-non"), "fc-taken"));
    EXPECT_TRUE(svg_contains(svg, "Réponse\u00A0: Non"));
    // Links lead to the hospital's reading page.
    EXPECT_TRUE(svg_contains(svg, "href=\"/responses/" + std::to_string(invitation.response_id) + "#s-dispositif.materiel_fourni\""));
    // By id, and with the hospital's session instead of a token.
    const std::string cookie = hospital_session(*server);
    ASSERT_FALSE(cookie.empty());
    auto with_session = server->client().Get(response_svg_path("dispositif"), {{"Cookie", cookie}});
    ASSERT_TRUE(with_session);
    EXPECT_EQ(with_session->status, 200);
    EXPECT_TRUE(svg_contains(with_session->body, "fc-st-na"));
}

TEST_F(FlowchartHttp, AResponsesChartNeedsTheHospitalAndAnExistingResponseAndPart) {
    auto anonymous = server->client().Get(response_svg_path("1"));
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401);
    EXPECT_EQ(parse_json(anonymous)["error"]["code"], "unauthorized");
    auto vendor_token = server->api(invitation.token).Get(response_svg_path("1"));
    ASSERT_TRUE(vendor_token);
    EXPECT_EQ(vendor_token->status, 401) << "a vendor's token is not the hospital's";
    auto api = server->api(server->api_token());
    auto unknown_response = api.Get("/api/v1/responses/999999/flowcharts/1.svg");
    ASSERT_TRUE(unknown_response);
    EXPECT_EQ(unknown_response->status, 404);
    EXPECT_EQ(parse_json(unknown_response)["error"]["code"], "not_found");
    auto unknown_part = api.Get(response_svg_path("7"));
    ASSERT_TRUE(unknown_part);
    EXPECT_EQ(unknown_part->status, 404);
    EXPECT_TRUE(svg_contains(parse_json(unknown_part)["error"]["message"].get<std::string>(), "Partie inconnue"));
}

TEST_F(FlowchartHttp, TheVendorGetsItsOwnChartWithItsToken) {
    auto mine = server->api(invitation.token).Get("/api/v1/vendor/flowcharts/1.svg");
    ASSERT_TRUE(mine);
    ASSERT_EQ(mine->status, 200);
    EXPECT_TRUE(svg_contains(class_of(mine->body, "fc-s-dispositif.prerequis_poste"), "fc-st-na"));
    EXPECT_TRUE(svg_contains(mine->body, "Answer: No")) << "the vendor was invited in English";
    EXPECT_TRUE(svg_contains(mine->body, "href=\"/vendor/sections/dispositif.materiel_fourni\""));
    // Another vendor of the same purchase answered nothing: its chart is its own.
    Invitation other = invite_vendor(*server, create_acquisition(*server, "Autre achat"), "Autre SA");
    auto theirs = server->api(other.token).Get("/api/v1/vendor/flowcharts/1.svg");
    ASSERT_TRUE(theirs);
    ASSERT_EQ(theirs->status, 200);
    EXPECT_TRUE(svg_contains(class_of(theirs->body, "fc-d-dispositif.poste_standard"), "fc-st-unanswered"));
    auto none = server->client().Get("/api/v1/vendor/flowcharts/1.svg");
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 401);
    auto unknown = server->api(invitation.token).Get("/api/v1/vendor/flowcharts/12.svg");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(parse_json(unknown)["error"]["code"], "not_found");
}

TEST_F(FlowchartHttp, PagesOnEachSide) {
    // Vendor: the link opens a session; the overview and each part.
    auto client = server->client();
    auto opened = client.Get("/invitation/" + invitation.token);
    ASSERT_TRUE(opened);
    const std::string vendor_cookie = "cyb_vendor=" + set_cookie(opened, "cyb_vendor");
    auto overview = client.Get("/vendor/flowcharts", {{"Cookie", vendor_cookie}});
    ASSERT_TRUE(overview);
    EXPECT_EQ(overview->status, 200);
    EXPECT_TRUE(svg_contains(overview->body, "<svg"));
    EXPECT_TRUE(svg_contains(overview->body, "href=\"/vendor/flowcharts/4\""));
    auto part = client.Get("/vendor/flowcharts/1?current=dispositif.materiel_fourni", {{"Cookie", vendor_cookie}});
    ASSERT_TRUE(part);
    EXPECT_EQ(part->status, 200);
    EXPECT_TRUE(svg_contains(class_of(part->body, "fc-s-dispositif.materiel_fourni"), "fc-st-current"));
    EXPECT_TRUE(svg_contains(part->body, "Text version"));
    auto bad_part = client.Get("/vendor/flowcharts/9", {{"Cookie", vendor_cookie}});
    ASSERT_TRUE(bad_part);
    EXPECT_EQ(bad_part->status, 404);
    auto home = client.Get("/vendor", {{"Cookie", vendor_cookie}});
    ASSERT_TRUE(home);
    EXPECT_TRUE(svg_contains(home->body, "href=\"/vendor/flowcharts/1\""));

    // Hospital: behind the login; linked from the response page.
    const std::string path = "/responses/" + std::to_string(invitation.response_id) + "/flowcharts/1";
    auto anonymous = client.Get(path);
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 303);
    const std::string cookie = hospital_session(*server);
    auto page = client.Get(path, {{"Cookie", cookie}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_TRUE(svg_contains(page->body, "Logigramme de la partie 1"));
    EXPECT_TRUE(svg_contains(page->body, "Medica SA"));
    // Without ?current=, the hospital sees as current the page the vendor last saved an answer on.
    EXPECT_TRUE(svg_contains(class_of(page->body, "fc-s-dispositif.poste_informatique"), "fc-st-current"))
        << class_of(page->body, "fc-s-dispositif.poste_informatique");
    auto saved = server->api(invitation.token).Put("/api/v1/vendor/answers/dispositif.marque",
                                                   json{{"value", "Medica"}}.dump(), "application/json");
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 200);
    auto moved = client.Get(path, {{"Cookie", cookie}});
    ASSERT_TRUE(moved);
    EXPECT_TRUE(svg_contains(class_of(moved->body, "fc-s-dispositif.informations_generales"), "fc-st-current"));
    EXPECT_FALSE(svg_contains(class_of(moved->body, "fc-s-dispositif.poste_informatique"), "fc-st-current"));
    auto response_page = client.Get("/responses/" + std::to_string(invitation.response_id), {{"Cookie", cookie}});
    ASSERT_TRUE(response_page);
    EXPECT_TRUE(svg_contains(response_page->body, "href=\"" + path + "\""));

    // The questionnaire's charts are public, like the help page that links to them.
    auto public_page = client.Get("/flowcharts/2");
    ASSERT_TRUE(public_page);
    EXPECT_EQ(public_page->status, 200);
    EXPECT_TRUE(svg_contains(public_page->body, "fc-d-serveurs.serveur_inclus"));
    auto help = client.Get("/help");
    ASSERT_TRUE(help);
    EXPECT_TRUE(svg_contains(help->body, "href=\"/flowcharts/1\""));
}

TEST_F(FlowchartHttp, HospitalStaffOpenEachBoxAsAReadOnlyPreviewOfItsPage) {
    // Anonymous: the public chart links no page.
    auto public_chart = server->client().Get("/flowcharts/1");
    ASSERT_EQ(public_chart->status, 200);
    EXPECT_EQ(public_chart->body.find("/questionnaire/sections/"), std::string::npos);
    EXPECT_EQ(server->client().Get("/questionnaire/sections/dispositif.poste_informatique")->status, 303) << "to the login";

    Browser staff(*server);
    log_in(staff);
    auto chart = staff.get("/flowcharts/1");
    ASSERT_EQ(chart->status, 200);
    EXPECT_NE(chart->body.find("href=\"/questionnaire/sections/dispositif.poste_informatique\""), std::string::npos);
    auto preview = staff.get("/questionnaire/sections/dispositif.poste_informatique");
    ASSERT_EQ(preview->status, 200);
    EXPECT_NE(preview->body.find("Aperçu en lecture seule"), std::string::npos);
    EXPECT_NE(preview->body.find("data-question=\"dispositif.poste_standard\""), std::string::npos);
    EXPECT_NE(preview->body.find("Réponse attendue"), std::string::npos);
    // Nothing to answer: no input, the only form is the header's logout.
    EXPECT_EQ(preview->body.find("<input type=\"radio\""), std::string::npos);
    EXPECT_EQ(preview->body.find("<textarea"), std::string::npos);
    size_t forms = 0;
    for (size_t at = 0; (at = preview->body.find("<form", at)) != std::string::npos; ++at) ++forms;
    EXPECT_EQ(forms, 1u);
    // The vendors' English, and an unknown page.
    auto english = staff.get("/questionnaire/sections/dispositif.poste_informatique?lang=en");
    EXPECT_NE(english->body.find("Read-only preview"), std::string::npos);
    EXPECT_EQ(staff.get("/questionnaire/sections/nulle.part")->status, 404);
}
