// A vendor starts from its company's earlier response, against the real server (issue 17): the
// company linked at invitation (SIREN or e-mail domain), the list of its earlier submitted
// responses, the preview (copied / kept), one transaction with its documents copied and each value's
// origin, the journal; nothing reachable of another company, nor of an unlinked vendor, nor of a
// draft; the hospital sees where the answers came from.
#include <gtest/gtest.h>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace answer_reuse_http_test {
namespace {

const char* kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

}  // namespace

class AnswerReuse : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess(); }
    static void TearDownTestSuite() { delete server; }
    httplib::Client hospital() const { return server->api(server->api_token()); }
    Invitation invite(long long purchase, const std::string& company, const std::string& email, bool link,
                      const std::string& identifier = "") const {
        json body{{"company", company}, {"email", email}, {"language", "fr"}, {"link_company", link}};
        if (!identifier.empty()) body["company_identifier"] = identifier;
        auto result = hospital().Post("/api/v1/acquisitions/" + std::to_string(purchase) + "/vendors", body.dump(), "application/json");
        EXPECT_EQ(result->status, 201) << result->body;
        const json made = json::parse(result->body);
        return {made["response_id"].get<long long>(), made["invite_token"].get<std::string>(), made["invite_url"].get<std::string>()};
    }
    void answer(const Invitation& vendor, const std::string& question, const json& value, const std::string& comment = "") const {
        json body{{"value", value}};
        if (!comment.empty()) body["comment"] = comment;
        auto result = server->api(vendor.token).Put("/api/v1/vendor/answers/" + question, body.dump(), "application/json");
        ASSERT_EQ(result->status, 200) << result->body;
    }
    json earlier_of(const Invitation& vendor) const {
        return parse_json(server->api(vendor.token).Get("/api/v1/vendor/earlier-responses"))["earlier_responses"];
    }
    json response(const Invitation& vendor) const {
        return parse_json(hospital().Get("/api/v1/responses/" + std::to_string(vendor.response_id)));
    }
    static ServerProcess* server;
};
ServerProcess* AnswerReuse::server = nullptr;

TEST_F(AnswerReuse, AVendorStartsFromItsCompanysEarlierResponseWithItsDocuments) {
    const long long first = create_acquisition(*server, "Échographes 2026");
    const Invitation before = invite(first, "Medica SA", "ventes@medica.fr", true, "552 100 554");
    answer(before, "dispositif.fabricant", "Medica Fabrication", "usine de Lyon");
    answer(before, "dispositif.poste_standard", "non");
    auto uploaded = server->api(before.token).Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745",
                                                   httplib::MultipartFormDataItems{{"file", kPdf, "certificat.pdf", "application/pdf"}});
    ASSERT_EQ(uploaded->status, 201) << uploaded->body;
    fill_required(*server, before.token);
    ASSERT_EQ(server->api(before.token).Post("/api/v1/vendor/submit", "", "application/json")->status, 200);

    // Invited to a second purchase, under another contact of the same company (same SIREN, as a SIRET).
    const long long second = create_acquisition(*server, "Échographes 2027");
    const Invitation now = invite(second, "Medica", "appels-offres@medica.fr", true, "55210055400012");
    answer(now, "dispositif.fabricant", "Medica SAS");  // answered already: kept
    const json earlier = earlier_of(now);
    ASSERT_EQ(earlier.size(), 1u) << earlier.dump();
    EXPECT_EQ(earlier[0]["response_id"], before.response_id);
    EXPECT_EQ(earlier[0]["purchase_title"], "Échographes 2026");
    EXPECT_EQ(earlier[0].dump().find("score"), std::string::npos);

    const std::string url = "/api/v1/vendor/reuse/" + std::to_string(before.response_id);
    const json preview = parse_json(server->api(now.token).Post(url, "", "application/json"));
    EXPECT_FALSE(preview["applied"]);
    EXPECT_GT(preview["summary"]["copied"].get<int>(), 10);
    EXPECT_EQ(preview["summary"]["kept"], 1);
    EXPECT_EQ(response(now)["answers"].size(), 1u) << "a preview copies nothing";

    const json applied = parse_json(server->api(now.token).Post(url + "?apply=1", "", "application/json"));
    ASSERT_TRUE(applied["applied"]) << applied.dump();
    EXPECT_EQ(applied["documents_copied"].get<int>() >= 1, true);
    const json after = response(now);
    EXPECT_EQ(after["answers"]["dispositif.fabricant"]["value"], "Medica SAS") << "its own answer kept";
    EXPECT_EQ(after["answers"]["dispositif.poste_standard"]["value"], "non");
    EXPECT_EQ(after["answers"]["dispositif.poste_standard"]["source"]["kind"], "reuse");
    EXPECT_EQ(after["answers"]["dispositif.poste_standard"]["source"]["response"], before.response_id);
    bool certificate = false;
    for (const auto& document : after["documents"])
        certificate = certificate || (document["question_id"] == "dispositif.certificat_ce_2017_745" && document["file_name"] == "certificat.pdf");
    EXPECT_TRUE(certificate) << after["documents"].dump();
    EXPECT_TRUE(after["missing_required"].empty()) << "every required answer came along: " << after["missing_required"].dump();
    auto journal = parse_json(hospital().Get("/api/v1/responses/" + std::to_string(now.response_id) + "/journal"));
    EXPECT_NE(journal.dump().find("reuse_answers"), std::string::npos);

    // The hospital's response page says where the answer came from, and links the two responses.
    Browser browser(*server);
    browser.get("/login");
    ASSERT_EQ(browser.post("/login", {{"email", ServerProcess::kEmail}, {"password", ServerProcess::kPassword}})->status, 303);
    auto page = browser.get("/responses/" + std::to_string(now.response_id));
    EXPECT_NE(page->body.find("Valeur reprise par le fournisseur de sa réponse antérieure"), std::string::npos);
    EXPECT_NE(page->body.find("/responses/" + std::to_string(now.response_id) + "/compare/" + std::to_string(before.response_id)),
              std::string::npos);

    // The vendor's pages offer it, then show what was done.
    Browser vendor_browser(*server);
    ASSERT_EQ(vendor_browser.get(now.url.substr(now.url.find("/invitation/")))->status, 303);
    auto home = vendor_browser.get("/vendor");
    EXPECT_NE(home->body.find("id=\"reuse-card\""), std::string::npos);
    auto list = vendor_browser.get("/vendor/reuse");
    ASSERT_EQ(list->status, 200);
    EXPECT_NE(list->body.find("Échographes 2026"), std::string::npos);
    auto shown = vendor_browser.get("/vendor/reuse/" + std::to_string(before.response_id));
    ASSERT_EQ(shown->status, 200);
    EXPECT_NE(shown->body.find("data-status=\"kept\""), std::string::npos);
}

TEST_F(AnswerReuse, NothingOfAnotherCompanyAnUnlinkedVendorOrADraftIsReachable) {
    const long long first = create_acquisition(*server, "Moniteurs 2026");
    const Invitation submitted = invite(first, "Biotech", "offres@biotech.example", true);
    fill_required(*server, submitted.token);
    ASSERT_EQ(server->api(submitted.token).Post("/api/v1/vendor/submit", "", "application/json")->status, 200);
    const Invitation draft = invite(first, "Biotech", "autre@biotech.example", true);
    answer(draft, "dispositif.fabricant", "Brouillon");

    const long long second = create_acquisition(*server, "Moniteurs 2027");
    const Invitation other_company = invite(second, "Concurrent", "offres@concurrent.example", true);
    const Invitation unlinked = invite(second, "Biotech", "offres@biotech.example", false);
    const Invitation webmail = invite(second, "Biotech", "biotech.offres@gmail.com", true);
    const Invitation same = invite(second, "Biotech", "marches@biotech.example", true);
    EXPECT_TRUE(earlier_of(other_company).empty());
    EXPECT_TRUE(earlier_of(unlinked).empty()) << "not linked by the hospital";
    EXPECT_TRUE(earlier_of(webmail).empty()) << "a public mailbox names no company";
    const json offered = earlier_of(same);
    ASSERT_EQ(offered.size(), 1u) << "the submitted one, not the draft: " << offered.dump();
    EXPECT_EQ(offered[0]["response_id"], submitted.response_id);

    for (const Invitation* vendor : {&other_company, &unlinked, &webmail}) {
        auto refused = server->api(vendor->token).Post("/api/v1/vendor/reuse/" + std::to_string(submitted.response_id) + "?apply=1",
                                                       "", "application/json");
        EXPECT_EQ(refused->status, 404) << refused->body;
        EXPECT_EQ(response(*vendor)["answers"].size(), 0u);
    }
    EXPECT_EQ(server->api(same.token).Post("/api/v1/vendor/reuse/" + std::to_string(draft.response_id), "", "application/json")->status,
              404) << "a draft is not offered";
    EXPECT_EQ(server->api(same.token).Post("/api/v1/vendor/reuse/999999", "", "application/json")->status, 404);
    EXPECT_EQ(server->api(same.token).Post("/api/v1/vendor/reuse/abc", "", "application/json")->status, 404);
    // A submitted response takes nothing.
    auto done = server->api(submitted.token).Post("/api/v1/vendor/reuse/" + std::to_string(submitted.response_id) + "?apply=1", "",
                                                  "application/json");
    EXPECT_EQ(done->status, 404) << "itself is not an earlier response";
}

}  // namespace answer_reuse_http_test
