// Hospital and vendor pages over HTTP: login, CSRF, forms, invitation links (regenerate, revoke).
#include <gtest/gtest.h>

#include <regex>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

std::string invitation_link(const std::string& body) {
    std::smatch match;
    static const std::regex link(R"(/invitation/([A-Za-z0-9_\-]{43}))");
    return std::regex_search(body, match, link) ? match[1].str() : "";
}

}  // namespace

class Pages : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess(); }
    static void TearDownTestSuite() { delete server; }
    static ServerProcess* server;
};
ServerProcess* Pages::server = nullptr;

TEST_F(Pages, HospitalPagesNeedALogin) {
    Browser anonymous(*server);
    auto result = anonymous.get("/acquisitions");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 303);
    EXPECT_EQ(result->get_header_value("Location"), "/login");
    EXPECT_EQ(anonymous.get("/responses/1")->status, 303);
}

TEST_F(Pages, WrongPasswordIsRefusedPolitely) {
    Browser browser(*server);
    browser.get("/login");
    auto result = browser.post("/login", {{"email", ServerProcess::kEmail}, {"password", "faux"}});
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 401);
    EXPECT_NE(result->body.find("incorrect"), std::string::npos);
}

TEST_F(Pages, FormsWithoutTheCsrfTokenAreRefused) {
    Browser browser(*server);
    log_in(browser);
    auto forged = browser.post("/acquisitions", {{"title", "Forgé"}, {"equipment", "X"}}, false);
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403);
    auto login_forged = Browser(*server).post("/login", {{"email", ServerProcess::kEmail}, {"password", ServerProcess::kPassword}}, false);
    EXPECT_EQ(login_forged->status, 403);
}

TEST_F(Pages, TextThatIsNotUtf8IsRefusedWithA400AndNothingIsSaved) {
    Browser browser(*server);
    log_in(browser);
    browser.get("/acquisitions/new");
    const std::string title = std::string("Achat illisible \xff\xfe");
    auto refused = browser.post("/acquisitions", {{"title", title}, {"equipment", "IRM"}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400);
    EXPECT_NE(refused->body.find("UTF-8"), std::string::npos) << refused->body.substr(0, 500);
    EXPECT_NE(refused->body.find("été enregistré"), std::string::npos);
    // the list still renders, without the refused purchase
    auto list = browser.get("/acquisitions");
    ASSERT_TRUE(list);
    EXPECT_EQ(list->status, 200);
    EXPECT_EQ(list->body.find("Achat illisible"), std::string::npos);
    // a malformed query string gets a 400 too, on a page and on the API
    auto page = browser.get("/acquisitions?q=%FF");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 400);
    auto api = browser.get("/api/v1/acquisitions?q=%C3");
    ASSERT_TRUE(api);
    EXPECT_EQ(api->status, 400);
    EXPECT_EQ(json::parse(api->body)["error"]["code"], "bad_request");
}

TEST_F(Pages, CreatePurchaseInviteVendorThenRegenerateAndRevokeTheLink) {
    Browser hospital(*server);
    log_in(hospital);
    hospital.get("/acquisitions/new");
    auto invalid = hospital.post("/acquisitions", {{"title", ""}, {"equipment", "Scanner"}});
    ASSERT_TRUE(invalid);
    EXPECT_EQ(invalid->status, 422);
    EXPECT_NE(invalid->body.find("intitulé"), std::string::npos);
    auto created = hospital.post("/acquisitions", {{"title", "Scanner des urgences"}, {"equipment", "Scanner"},
                                                   {"service", "Urgences"}, {"deadline", "2027-01-15"}});
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 303);
    const std::string page = created->get_header_value("Location");
    auto detail = hospital.get(page);
    EXPECT_NE(detail->body.find("Scanner des urgences"), std::string::npos);

    auto invited = hospital.post(page + "/vendors", {{"company", "Radiologie & Fils <script>"}, {"contact_name", "Jean Dupont"},
                                                     {"email", "jean@radio.example"}, {"language", "fr"}});
    ASSERT_TRUE(invited);
    EXPECT_EQ(invited->status, 201);
    EXPECT_EQ(invited->body.find("<script>"), std::string::npos);  // escaped
    const std::string token = invitation_link(invited->body);
    ASSERT_FALSE(token.empty());
    // The link is shown once: the purchase page does not show it again.
    EXPECT_TRUE(invitation_link(hospital.get(page)->body).empty());

    // Created on the page, the purchase is being prepared: its link opens once the lead opens it.
    Browser vendor(*server);
    EXPECT_EQ(vendor.get("/invitation/" + token)->status, 403);
    auto opening = hospital.post(page + "/transition", {{"action", "open"}});
    ASSERT_TRUE(opening);
    EXPECT_EQ(opening->status, 303);
    auto opened = vendor.get("/invitation/" + token);
    ASSERT_EQ(opened->status, 303);
    EXPECT_EQ(vendor.get("/vendor")->status, 200);

    auto api = server->api(server->api_token());
    auto acquisition = parse_json(api.Get(("/api/v1/acquisitions/" + page.substr(page.rfind('/') + 1)).c_str()));
    const std::string response_id = std::to_string(acquisition["vendors"][0]["response_id"].get<long long>());

    // Asked twice: without the confirmation nothing changes.
    auto unconfirmed = hospital.post("/responses/" + response_id + "/regenerate", {});
    EXPECT_EQ(unconfirmed->status, 400);
    EXPECT_NE(unconfirmed->body.find("Confirmez la création d&#39;un nouveau lien"), std::string::npos) << unconfirmed->body;
    EXPECT_EQ(server->api(token).Get("/api/v1/vendor/response")->status, 200) << "the link still works";
    auto regenerated = hospital.post("/responses/" + response_id + "/regenerate", {{"confirm", "1"}});
    ASSERT_EQ(regenerated->status, 200);
    const std::string new_token = invitation_link(regenerated->body);
    ASSERT_FALSE(new_token.empty());
    EXPECT_NE(new_token, token);
    EXPECT_EQ(Browser(*server).get("/invitation/" + token)->status, 404);  // the old link is dead
    EXPECT_EQ(vendor.get("/vendor")->status, 401);                         // and its session with it
    EXPECT_EQ(server->api(new_token).Get("/api/v1/vendor/response")->status, 200);

    EXPECT_EQ(hospital.post("/responses/" + response_id + "/revoke", {})->status, 400);
    EXPECT_EQ(server->api(new_token).Get("/api/v1/vendor/response")->status, 200) << "not revoked unconfirmed";
    ASSERT_EQ(hospital.post("/responses/" + response_id + "/revoke", {{"confirm", "1"}})->status, 303);
    EXPECT_EQ(server->api(new_token).Get("/api/v1/vendor/response")->status, 401);
    EXPECT_EQ(Browser(*server).get("/invitation/" + new_token)->status, 404);
}

TEST_F(Pages, VendorSectionFormSavesWithoutJavascript) {
    Invitation invitation = invite_vendor(*server, create_acquisition(*server));
    Browser vendor(*server);
    ASSERT_EQ(vendor.get("/invitation/" + invitation.token)->status, 303);
    auto section = vendor.get("/vendor/sections/dispositif.poste_informatique");
    ASSERT_EQ(section->status, 200);
    auto saved = vendor.post("/vendor/sections/dispositif.poste_informatique",
                             {{"a:dispositif.poste_standard", "oui"}, {"r:dispositif.poste_standard", "0"}, {"go", "next"}});
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->status, 303);
    EXPECT_EQ(saved->get_header_value("Location"), "/vendor/sections/dispositif.prerequis_poste");
    auto invalid = vendor.post("/vendor/sections/dispositif.prerequis_poste",
                               {{"a:dispositif.ecran_taille", "grand"}, {"a:dispositif.processeur", "Intel Core i5"}, {"go", "next"}});
    ASSERT_TRUE(invalid);
    EXPECT_EQ(invalid->status, 422);
    EXPECT_NE(invalid->body.find("aria-invalid=\"true\""), std::string::npos);
    EXPECT_NE(invalid->body.find("grand"), std::string::npos);  // the typed value is shown again
    auto response = parse_json(server->api(invitation.token).Get("/api/v1/vendor/response"));
    std::map<std::string, json> values;
    for (const auto& s : response["sections"])
        for (const auto& q : s["questions"]) values[q["id"]] = q["value"];
    EXPECT_EQ(values["dispositif.poste_standard"], "oui");
    EXPECT_EQ(values["dispositif.processeur"], "Intel Core i5");  // valid fields of the page are kept
    EXPECT_TRUE(values["dispositif.ecran_taille"].is_null());
    auto forged = vendor.post("/vendor/sections/dispositif.prerequis_poste", {{"a:dispositif.processeur", "x"}}, false);
    EXPECT_EQ(forged->status, 403);
}

TEST_F(Pages, RefusedContactAndTableInputIsShownBackAsTyped) {
    Invitation invitation = invite_vendor(*server, create_acquisition(*server));
    Browser vendor(*server);
    ASSERT_EQ(vendor.get("/invitation/" + invitation.token)->status, 303);
    ASSERT_EQ(vendor.get("/vendor/sections/dispositif.interlocuteur_installation")->status, 200);
    auto contact = vendor.post("/vendor/sections/dispositif.interlocuteur_installation",
                               {{"a:dispositif.contact_installation:nom", "Lefèvre"},
                                {"a:dispositif.contact_installation:prenom", "Anaïs"},
                                {"a:dispositif.contact_installation:email", "anais-at-vendor"},
                                {"go", "stay"}});
    ASSERT_TRUE(contact);
    EXPECT_EQ(contact->status, 422);
    EXPECT_NE(contact->body.find("value=\"Lefèvre\""), std::string::npos) << "the typed name is shown again";
    EXPECT_NE(contact->body.find("value=\"Anaïs\""), std::string::npos);
    EXPECT_NE(contact->body.find("value=\"anais-at-vendor\""), std::string::npos) << "the refused e-mail too, to correct it";

    ASSERT_EQ(vendor.get("/vendor/sections/logiciels.description_logiciel")->status, 200);
    auto table = vendor.post("/vendor/sections/logiciels.description_logiciel",
                             {{"a:logiciels.donnees_produites:0:nature", "Images DICOM"},
                              {"a:logiciels.donnees_produites:0:format", ".dcm"},
                              {"a:logiciels.donnees_produites:1:nature", "Comptes rendus"},
                              {"a:logiciels.donnees_produites:1:archivage_medico_legal", "peut-être"},
                              {"go", "stay"}});
    ASSERT_TRUE(table);
    EXPECT_EQ(table->status, 422);
    for (const char* typed : {"value=\"Images DICOM\"", "value=\".dcm\"", "value=\"Comptes rendus\""})
        EXPECT_NE(table->body.find(typed), std::string::npos) << typed;
    // nothing of either refused answer was saved
    auto response = parse_json(server->api(invitation.token).Get("/api/v1/vendor/response"));
    for (const auto& s : response["sections"])
        for (const auto& q : s["questions"])
            if (q["id"] == "dispositif.contact_installation" || q["id"] == "logiciels.donnees_produites") {
                EXPECT_TRUE(q["value"].is_null()) << q.dump();
            }
}

TEST_F(Pages, ForgedInvitationLinksGetAClearMessage) {
    Browser stranger(*server);
    auto result = stranger.get("/invitation/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 404);
    EXPECT_NE(result->body.find("lien"), std::string::npos);
    EXPECT_EQ(stranger.get("/vendor")->status, 401);
}

TEST_F(Pages, ExcelImportPagesCheckCsrfTheFileAndThePreviewToken) {
    const Invitation invitation = invite_vendor(*server, create_acquisition(*server, "Achat Excel"));
    Browser vendor(*server);
    ASSERT_EQ(vendor.get("/invitation/" + invitation.token)->status, 303);
    auto form = vendor.get("/vendor/import");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("id=\"xlsx-file\""), std::string::npos);

    EXPECT_EQ(vendor.post("/vendor/import", {}, false)->status, 403);
    auto no_file = vendor.post("/vendor/import", {});
    EXPECT_EQ(no_file->status, 422);
    EXPECT_NE(no_file->body.find("Choose an Excel file"), std::string::npos);  // the invitation is in English
    auto expired = vendor.post("/vendor/import/apply", {{"token", "not-a-preview"}});
    EXPECT_EQ(expired->status, 410);
    EXPECT_NE(expired->body.find("expired"), std::string::npos);
    auto workbook = vendor.get("/vendor/export.xlsx");
    EXPECT_EQ(workbook->status, 200);
    EXPECT_EQ(workbook->body.substr(0, 2), "PK");

    Browser hospital(*server);
    log_in(hospital);
    const std::string base = "/responses/" + std::to_string(invitation.response_id);
    auto page = hospital.get(base);
    EXPECT_NE(page->body.find(base + "/export.xlsx"), std::string::npos);
    EXPECT_NE(page->body.find(base + "/import"), std::string::npos);
    EXPECT_EQ(hospital.get(base + "/import")->status, 200);
    EXPECT_EQ(hospital.get("/responses/999999/import")->status, 404);
    EXPECT_EQ(hospital.get(base + "/export.xlsx")->body.substr(0, 2), "PK");
    // The vendor's session does not open the hospital's pages.
    EXPECT_EQ(vendor.get(base + "/export.xlsx")->status, 303);
}

TEST_F(Pages, EveryPageNamesItsFaviconWhichIsServedAsAnSvgImage) {
    auto login = server->client().Get("/login");
    std::smatch icon;
    ASSERT_TRUE(std::regex_search(login->body, icon,
                                  std::regex(R"(<link rel="icon" type="image/svg\+xml" href="(/assets/favicon\.[0-9a-f]{12}\.svg)\">)")));
    auto served = server->client().Get(icon[1].str());
    ASSERT_EQ(served->status, 200);
    EXPECT_EQ(served->get_header_value("Content-Type"), "image/svg+xml");
    EXPECT_NE(served->body.find("<svg"), std::string::npos);
}

TEST_F(Pages, SubmittingOnThePageNeedsTheConfirmationBox) {
    Invitation invitation = invite_vendor(*server, create_acquisition(*server));
    fill_required(*server, invitation.token);
    Browser vendor(*server);
    ASSERT_EQ(vendor.get("/invitation/" + invitation.token)->status, 303);
    auto review = vendor.get("/vendor/review");
    ASSERT_EQ(review->status, 200);
    EXPECT_NE(review->body.find("name=\"confirm\" value=\"1\" required"), std::string::npos);
    auto unconfirmed = vendor.post("/vendor/submit", {});
    ASSERT_EQ(unconfirmed->status, 303);
    EXPECT_EQ(unconfirmed->get_header_value("Location"), "/vendor/review");
    EXPECT_EQ(parse_json(server->api(invitation.token).Get("/api/v1/vendor/response"))["status"], "draft");
    EXPECT_NE(vendor.get("/vendor/review")->body.find("nothing was submitted"), std::string::npos) << "the vendor reads English";
    auto confirmed = vendor.post("/vendor/submit", {{"confirm", "1"}});
    ASSERT_EQ(confirmed->status, 303);
    EXPECT_EQ(confirmed->get_header_value("Location"), "/vendor/confirmation");
    EXPECT_EQ(parse_json(server->api(invitation.token).Get("/api/v1/vendor/response"))["status"], "submitted");
}

TEST_F(Pages, ARefusedReviewKeepsWhatWasTypedAndSaysWhyOnThePage) {
    const long long purchase = create_acquisition(*server);
    Invitation invitation = invite_vendor(*server, purchase);
    Browser hospital(*server);
    log_in(hospital);
    const std::string page = "/responses/" + std::to_string(invitation.response_id);
    ASSERT_EQ(hospital.get(page)->status, 200);
    // A clarification without its question to the vendor: refused, nothing lost.
    auto refused = hospital.post(page + "/reviews", {{"question_id", "dispositif.fabricant"}, {"status", "clarification"},
                                                     {"comment", "Fabricant à vérifier auprès du marché précédent"}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    const std::string& body = refused->body;
    EXPECT_NE(body.find("Relecture non enregistrée"), std::string::npos);
    EXPECT_NE(body.find("<details class=\"review-form\" open id=\"review-dispositif.fabricant\">"), std::string::npos);
    EXPECT_NE(body.find(">Fabricant à vérifier auprès du marché précédent</textarea>"), std::string::npos) << "the comment is kept";
    EXPECT_NE(body.find("<option value=\"clarification\" selected>"), std::string::npos);
    EXPECT_NE(body.find("aria-invalid=\"true\""), std::string::npos);
    auto reviews = parse_json(server->api(server->api_token()).Get("/api/v1/responses/" + std::to_string(invitation.response_id) + "/reviews"));
    EXPECT_TRUE(reviews["reviews"].empty()) << reviews.dump();
}

// Without JavaScript, a page's "Informations complémentaires" are open on the session's first
// visit of it and closed on the later ones: the server remembers the pages seen (cookie cyb_seen).
TEST_F(Pages, SectionNotesAreOpenOnTheFirstVisitOfThePageOnly) {
    Invitation invitation = invite_vendor(*server, create_acquisition(*server));
    Browser vendor(*server);
    ASSERT_EQ(vendor.get("/invitation/" + invitation.token)->status, 303);
    const std::string page = "/vendor/sections/dispositif.informations_generales";
    auto first = vendor.get(page);
    ASSERT_EQ(first->status, 200);
    EXPECT_NE(first->body.find("<details class=\"note\" open>"), std::string::npos);
    auto seen_cookie = [](const httplib::Result& result) {
        for (const auto& [name, value] : result->headers)
            if (name == "Set-Cookie" && value.rfind("cyb_seen=", 0) == 0) return value;
        return std::string();
    };
    const std::string cookie = seen_cookie(first);
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("Max-Age="), std::string::npos) << cookie;
    EXPECT_LT(cookie.size(), 200u) << cookie;
    auto second = vendor.get(page);
    ASSERT_EQ(second->status, 200);
    EXPECT_NE(second->body.find("<details class=\"note\">"), std::string::npos);
    EXPECT_EQ(second->body.find("<details class=\"note\" open"), std::string::npos);
    EXPECT_EQ(seen_cookie(second), "");  // nothing new to remember
    // Another page is still new; the first one stays seen after it, and after a save.
    const std::string other = "/vendor/sections/dispositif.interlocuteur_installation";
    EXPECT_NE(vendor.get(other)->body.find("<details class=\"note\" open>"), std::string::npos);
    EXPECT_EQ(vendor.get(other)->body.find("<details class=\"note\" open"), std::string::npos);
    EXPECT_EQ(vendor.get(page)->body.find("<details class=\"note\" open"), std::string::npos);
    // A new session (the link opened again, in another browser) starts afresh.
    Browser again(*server);
    ASSERT_EQ(again.get("/invitation/" + invitation.token)->status, 303);
    EXPECT_NE(again.get(page)->body.find("<details class=\"note\" open>"), std::string::npos);
    EXPECT_EQ(again.get(page)->body.find("<details class=\"note\" open"), std::string::npos);
}

// The seed's four-part tabs on every vendor page, the page's own part marked (the vendor of
// invite_vendor answers in English).
TEST_F(Pages, EveryVendorPageHasTheFourPartTabs) {
    Invitation invitation = invite_vendor(*server, create_acquisition(*server));
    Browser vendor(*server);
    ASSERT_EQ(vendor.get("/invitation/" + invitation.token)->status, 303);
    auto tabs_of = [](const std::string& body) {
        const size_t start = body.find("<nav class=\"part-tabs\"");
        return start == std::string::npos ? std::string() : body.substr(start, body.find("</nav>", start) - start);
    };
    const std::map<std::string, std::string> current = {
        {"/vendor", ""},
        {"/vendor/review", ""},
        {"/vendor/clarifications", ""},
        {"/vendor/help", ""},
        {"/vendor/flowcharts", ""},
        {"/vendor/sections/dispositif.poste_informatique", "Part 1"},
        {"/vendor/sections/maintenance.generalites_telemaintenance", "Part 4"},
        {"/vendor/flowcharts/3", "Part 3"},
    };
    for (const auto& [path, part] : current) {
        auto page = vendor.get(path);
        ASSERT_EQ(page->status, 200) << path;
        const std::string tabs = tabs_of(page->body);
        ASSERT_FALSE(tabs.empty()) << path;
        for (const char* number : {"Part 1", "Part 2", "Part 3", "Part 4"})
            EXPECT_NE(tabs.find(std::string("<span class=\"part-tab-number\">") + number + "</span>"), std::string::npos)
                << path << " " << number;
        EXPECT_NE(tabs.find("<a href=\"/vendor/sections/dispositif.informations_generales\""), std::string::npos) << path;
        if (part.empty()) {
            EXPECT_EQ(tabs.find("aria-current"), std::string::npos) << path;
        } else {
            const size_t marked = tabs.find("aria-current=\"");
            ASSERT_NE(marked, std::string::npos) << path;
            EXPECT_EQ(tabs.find("aria-current=\"", marked + 1), std::string::npos) << path;  // one only
            EXPECT_EQ(tabs.find("<span class=\"part-tab-number\">" + part + "</span>", marked),
                      tabs.find("<span class=\"part-tab-number\">", marked))
                << path;  // on the page's own part
        }
    }
    // Not on the hospital's pages.
    Browser hospital(*server);
    log_in(hospital);
    EXPECT_EQ(hospital.get("/acquisitions")->body.find("part-tabs"), std::string::npos);
}
