// Obsolete systems flagged against the real server (issue 16): a response that declares Windows 7
// in an answer, SQL Server 2014 in prose and Windows 10 IoT Enterprise LTSC 2019 in its SBOM gets
// points de vigilance with their dates and source in the evaluation API, the response page, the
// comparison and the PDF report; the purchase's expected end of use decides what "before the end
// of use" means; an unknown name is listed as not recognised; the vendor sees none of it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "../outputs/pdf/pdf_text.hpp"
#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

std::string sbom_with_windows_10_ltsc_2019() {
    return json{{"bomFormat", "CycloneDX"},
                {"specVersion", "1.6"},
                {"components", json::array({{{"type", "operating-system"},
                                             {"name", "Windows 10 IoT Enterprise LTSC 2019"},
                                             {"version", "10.0.17763"}},
                                            {{"type", "library"}, {"name", "zlib"}, {"version", "1.3"}}})}}
        .dump();
}

const json* finding_for(const json& report, const std::string& product, const std::string& cycle) {
    for (const auto& finding : report["findings"])
        if (finding["product"] == product && finding["cycle"] == cycle) return &finding;
    return nullptr;
}

}  // namespace

class EndOfSupport : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess(); }
    static void TearDownTestSuite() { delete server; }
    httplib::Client hospital() const { return server->api(server->api_token()); }
    void answer(const Invitation& vendor, const std::string& question, const json& value) const {
        auto result = server->api(vendor.token).Put("/api/v1/vendor/answers/" + question, json{{"value", value}}.dump(),
                                                    "application/json");
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200) << result->body;
    }
    json evaluation(const Invitation& vendor) const {
        return parse_json(hospital().Get("/api/v1/responses/" + std::to_string(vendor.response_id) + "/evaluation"));
    }
    static ServerProcess* server;
};
ServerProcess* EndOfSupport::server = nullptr;

TEST_F(EndOfSupport, DeclaredSystemsOutOfSupportArePointsDeVigilanceWithTheirDatesAndSource) {
    const long long purchase = create_acquisition(*server, "Échographes 2027");
    const Invitation vendor = invite_vendor(*server, purchase, "Medica SA");
    answer(vendor, "dispositif.poste_standard", "oui");
    answer(vendor, "dispositif.os", "Win 7 SP1");
    answer(vendor, "serveurs.serveur_inclus", "oui");
    answer(vendor, "serveurs.base_de_donnees", "Microsoft SQL Server 2014 SP3 Express");
    answer(vendor, "serveurs.systemes_exploitation", "Red Hat Enterprise Linux 12");
    auto imported = server->api(vendor.token)
                        .Post("/api/v1/vendor/import/sbom?apply=1",
                              httplib::MultipartFormDataItems{{"file", sbom_with_windows_10_ltsc_2019(), "sbom.json", "application/json"}});
    ASSERT_EQ(imported->status, 200) << imported->body;

    const json report = evaluation(vendor)["end_of_support"];
    const json* windows7 = finding_for(report, "windows", "7-sp1");
    ASSERT_TRUE(windows7) << report.dump(1);
    EXPECT_EQ((*windows7)["status"], "ended");
    EXPECT_EQ((*windows7)["end_of_support"], "2020-01-14");
    EXPECT_EQ((*windows7)["questions"], json::array({"dispositif.os"}));
    const json* ltsc = nullptr;
    for (const auto& finding : report["findings"])
        if (finding["name"].get<std::string>().find("1809") != std::string::npos) ltsc = &finding;
    ASSERT_TRUE(ltsc) << report.dump(1);
    // Supported until January 2029, before the default end of use (seven years from now).
    EXPECT_EQ((*ltsc)["status"], "ends_before_end_of_use");
    EXPECT_EQ((*ltsc)["questions"], json::array({"serveurs.liste_logiciels_installes"}));
    bool sql_server = false;
    for (const auto& finding : report["findings"]) sql_server = sql_server || finding["product"] == "mssqlserver";
    EXPECT_TRUE(sql_server) << report.dump(1);
    ASSERT_FALSE(report["not_recognised"].empty()) << report.dump(1);
    EXPECT_NE(report["source"].get<std::string>().find("endoflife.date"), std::string::npos);

    // An end of use set before 2029: the LTSC system is then supported through it.
    auto changed = hospital().Patch("/api/v1/acquisitions/" + std::to_string(purchase),
                                    json{{"expected_end_of_use", "2028-06-30"}}.dump(), "application/json");
    ASSERT_EQ(changed->status, 200) << changed->body;
    const json later = evaluation(vendor)["end_of_support"];
    for (const auto& finding : later["findings"])
        EXPECT_EQ(finding["name"].get<std::string>().find("1809"), std::string::npos) << "supported until 2029";
    EXPECT_FALSE(later["supported"].empty());
    EXPECT_EQ(hospital().Patch("/api/v1/acquisitions/" + std::to_string(purchase),
                               json{{"expected_end_of_use", "30/06/2028"}}.dump(), "application/json")->status, 422);

    // The response page shows them to the hospital, with where each came from.
    Browser browser(*server);
    browser.get("/login");
    ASSERT_EQ(browser.post("/login", {{"email", ServerProcess::kEmail}, {"password", ServerProcess::kPassword}})->status, 303);
    auto page = browser.get("/responses/" + std::to_string(vendor.response_id));
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("id=\"fin-de-support\""), std::string::npos);
    EXPECT_NE(page->body.find("data-cycle=\"windows/7-sp1\""), std::string::npos);
    EXPECT_NE(page->body.find("14/01/2020"), std::string::npos);
    EXPECT_NE(page->body.find("Red Hat Enterprise Linux 12"), std::string::npos) << "not recognised, listed";
    EXPECT_NE(page->body.find("Valeur importée du SBOM"), std::string::npos);

    // The PDF report of the response carries them as points de vigilance.
    auto pdf = hospital().Get("/api/v1/responses/" + std::to_string(vendor.response_id) + "/report.pdf");
    ASSERT_EQ(pdf->status, 200) << pdf->body.substr(0, 200);
    const std::string text = pdf_text(pdf->body);
    EXPECT_NE(text.find("Fin de support"), std::string::npos);
    EXPECT_NE(text.find("Windows 7"), std::string::npos);

    // The vendor sees none of it, on its pages or through its API.
    Browser vendor_browser(*server);
    ASSERT_EQ(vendor_browser.get(vendor.url.substr(vendor.url.find("/invitation/")))->status, 303);
    for (const char* path : {"/vendor", "/vendor/review", "/vendor/manufacturer-documents"}) {
        auto seen = vendor_browser.get(path);
        ASSERT_EQ(seen->status, 200) << path;
        EXPECT_EQ(seen->body.find("fin-de-support"), std::string::npos) << path;
        EXPECT_EQ(seen->body.find("14/01/2020"), std::string::npos) << path;
    }
    auto vendor_view = server->api(vendor.token).Get("/api/v1/vendor/response");
    EXPECT_EQ(vendor_view->body.find("end_of_support"), std::string::npos);
    EXPECT_EQ(vendor_view->body.find("2020-01-14"), std::string::npos);
}

TEST_F(EndOfSupport, TheComparisonListsEachVendorsSystemsOutOfSupport) {
    const long long purchase = create_acquisition(*server, "Moniteurs 2027");
    const Invitation old_one = invite_vendor(*server, purchase, "Ancien SA");
    const Invitation new_one = invite_vendor(*server, purchase, "Récent SA");
    for (const Invitation* vendor : {&old_one, &new_one}) fill_required(*server, vendor->token);
    answer(old_one, "dispositif.poste_standard", "oui");
    answer(old_one, "dispositif.os", "Windows XP SP3");
    answer(new_one, "dispositif.poste_standard", "oui");
    answer(new_one, "dispositif.os", "Debian 13");
    for (const Invitation* vendor : {&old_one, &new_one})
        ASSERT_EQ(server->api(vendor->token).Post("/api/v1/vendor/submit", "", "application/json")->status, 200);
    // Equipment kept until 2028: Debian 13 (supported until August 2028) lasts through it.
    ASSERT_EQ(hospital().Patch("/api/v1/acquisitions/" + std::to_string(purchase),
                               json{{"expected_end_of_use", "2028-06-30"}}.dump(), "application/json")->status, 200);
    Browser browser(*server);
    browser.get("/login");
    ASSERT_EQ(browser.post("/login", {{"email", ServerProcess::kEmail}, {"password", ServerProcess::kPassword}})->status, 303);
    auto page = browser.get("/acquisitions/" + std::to_string(purchase) + "/comparison");
    ASSERT_EQ(page->status, 200);
    const auto card = page->body.find("id=\"comparison-end-of-support\"");
    ASSERT_NE(card, std::string::npos);
    const std::string section = page->body.substr(card, page->body.find("</section>", card) - card);
    EXPECT_NE(section.find("Windows XP"), std::string::npos) << section;
    EXPECT_NE(section.find("Aucun système en fin de support"), std::string::npos) << section;
    auto comparison = parse_json(hospital().Get("/api/v1/acquisitions/" + std::to_string(purchase) + "/comparison"));
    for (const auto& vendor : comparison["vendors"])
        EXPECT_EQ(vendor["end_of_support_findings"], vendor["company"] == "Ancien SA" ? 1 : 0) << vendor.dump();
}
