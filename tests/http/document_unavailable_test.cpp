// A required document the vendor does not have (issue 14): stated "not available" with its reason
// on the section page (without JavaScript), it counts as answered (the response is submitted), and
// the hospital reads the reason on the response page, in the comparison, the evaluation, the CSV
// export and the PDF report (read back by pdftotext).
#include <gtest/gtest.h>

#include "../outputs/pdf/pdf_text.hpp"
#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace document_unavailable_test {

bool has_text(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

constexpr const char* kSection = "/vendor/sections/dispositif.informations_generales";
constexpr const char* kCertificate = "dispositif.certificat_ce_2017_745";
constexpr const char* kReason = "Renewal under way with the notified body <TÜV>";

json answer_value(const ServerProcess& server, const std::string& token, const std::string& id) {
    auto response = parse_json(server.api(token).Get("/api/v1/vendor/response"));
    for (const auto& section : response["sections"])
        for (const auto& question : section["questions"])
            if (question["id"] == id) return question["value"];
    return "absent";
}

TEST(DocumentUnavailable, StatedOnThePageCountsAsAnsweredAndTheHospitalReadsTheReasonEverywhere) {
    ServerProcess server;
    const long long acquisition = create_acquisition(server, "Moniteurs 2027");
    const Invitation invitation = invite_vendor(server, acquisition, "Vitalis Ltd");  // an English vendor
    auto api = server.api(invitation.token);
    ASSERT_EQ(api.Put("/api/v1/vendor/answers/dispositif.classe_ce_2017_745", R"({"value":"iia"})", "application/json")->status, 200);

    Browser vendor(server);
    ASSERT_EQ(vendor.get("/invitation/" + invitation.token)->status, 303);
    auto page = vendor.get(kSection);
    ASSERT_EQ(page->status, 200);
    const std::string box = std::string("a:") + kCertificate + ":unavailable";
    const std::string reason_field = std::string("a:") + kCertificate + ":reason";
    EXPECT_TRUE(has_text(page->body, "name=\"" + box + "\"")) << "offered while no file is attached";
    EXPECT_TRUE(has_text(page->body, "Document not available")) << "in the vendor's language";

    // Ticked without a reason: refused in English, the box still ticked, nothing saved.
    auto refused = vendor.post(kSection, {{box, "1"}, {reason_field, "  "}, {"go", "stay"}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_TRUE(has_text(refused->body, "Say why this document is not available."));
    EXPECT_TRUE(has_text(refused->body, "id=\"unavailable-" + std::string(kCertificate) + "\" name=\"" + box + "\" value=\"1\" checked"))
        << "the box stays ticked";
    EXPECT_TRUE(answer_value(server, invitation.token, kCertificate).empty());

    auto saved = vendor.post(kSection, {{box, "1"}, {reason_field, kReason}, {"go", "stay"}});
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->status, 303);
    EXPECT_EQ(answer_value(server, invitation.token, kCertificate), json({{"unavailable", kReason}}));
    auto again = vendor.get(kSection);
    EXPECT_TRUE(has_text(again->body, "Renewal under way with the notified body &lt;TÜV&gt;</textarea>")) << "shown back, escaped";

    // Answered: the response can be submitted without the file.
    fill_required(server, invitation.token);
    EXPECT_EQ(answer_value(server, invitation.token, kCertificate), json({{"unavailable", kReason}}))
        << "not missing, so no file was uploaded";
    auto submitted = api.Post("/api/v1/vendor/submit");
    ASSERT_TRUE(submitted);
    ASSERT_EQ(submitted->status, 200) << submitted->body;

    // The hospital reads "Non disponible : <reason>" wherever the answer is.
    const std::string cookie = hospital_session(server);
    auto hospital = server.client();
    const std::string shown = std::string("Non disponible\u00a0: </strong><span class=\"long-text\">") +
                              "Renewal under way with the notified body &lt;TÜV&gt;</span>";
    auto response_page = hospital.Get(("/responses/" + std::to_string(invitation.response_id)).c_str(), {{"Cookie", cookie}});
    ASSERT_EQ(response_page->status, 200);
    EXPECT_TRUE(has_text(response_page->body, shown)) << "response page";
    auto comparison = hospital.Get(("/acquisitions/" + std::to_string(acquisition) + "/comparison").c_str(), {{"Cookie", cookie}});
    ASSERT_EQ(comparison->status, 200);
    EXPECT_TRUE(has_text(comparison->body, shown)) << "comparison";

    auto staff = server.api(server.api_token());
    auto evaluation = parse_json(staff.Get(("/api/v1/responses/" + std::to_string(invitation.response_id) + "/evaluation").c_str()));
    bool finding = false;
    for (const auto& item : evaluation["findings"])
        if (item["question_id"] == kCertificate) {
            finding = true;
            EXPECT_EQ(item["answer"], json({{"unavailable", kReason}})) << item.dump();
            EXPECT_FALSE(item.value("unanswered", false)) << "answered, with its reason";
        }
    EXPECT_TRUE(finding) << "the grid asks for the certificate: a point de vigilance; " << evaluation.dump().substr(0, 2000);

    auto csv = staff.Get(("/api/v1/acquisitions/" + std::to_string(acquisition) + "/export.csv").c_str());
    ASSERT_EQ(csv->status, 200);
    EXPECT_TRUE(has_text(csv->body, std::string("Non disponible : ") + kReason)) << "CSV";

    auto pdf = staff.Get(("/api/v1/responses/" + std::to_string(invitation.response_id) + "/report.pdf").c_str());
    ASSERT_EQ(pdf->status, 200);
    const std::string text = pdf_text(pdf->body);
    EXPECT_TRUE(has_text(text, "Non disponible : Renewal under way")) << text.substr(0, 3000);
}

TEST(DocumentUnavailable, TheApiStatesItKeepsItOnACommentAndAFileReplacesIt) {
    ServerProcess server;
    const Invitation invitation = invite_vendor(server, create_acquisition(server));
    auto api = server.api(invitation.token);
    const std::string url = std::string("/api/v1/vendor/answers/") + kCertificate;
    auto stated = api.Put(url.c_str(), R"({"value":{"unavailable":"Class I device: EU declaration of conformity only"}})",
                          "application/json");
    ASSERT_EQ(stated->status, 200) << stated->body;
    EXPECT_EQ(parse_json(stated)["value"], json({{"unavailable", "Class I device: EU declaration of conformity only"}}));
    auto empty_reason = api.Put(url.c_str(), R"({"value":{"unavailable":""}})", "application/json");
    EXPECT_EQ(empty_reason->status, 422);
    EXPECT_TRUE(has_text(empty_reason->body, "Say why")) << empty_reason->body;
    auto a_name = api.Put(url.c_str(), R"({"value":"certificate.pdf"})", "application/json");
    EXPECT_EQ(a_name->status, 422) << "files are uploaded, not named";

    ASSERT_EQ(api.Put(url.c_str(), R"({"comment":"See the declaration"})", "application/json")->status, 200);
    EXPECT_EQ(answer_value(server, invitation.token, kCertificate),
              json({{"unavailable", "Class I device: EU declaration of conformity only"}}))
        << "a comment alone keeps the statement";

    httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "certificate.pdf", "application/pdf"}};
    ASSERT_EQ(api.Post(("/api/v1/vendor/documents/" + std::string(kCertificate)).c_str(), items)->status, 201);
    const json files = answer_value(server, invitation.token, kCertificate);
    ASSERT_TRUE(files.is_array()) << files.dump();
    EXPECT_EQ(files.size(), 1u);
    auto refused = api.Put(url.c_str(), R"({"value":{"unavailable":"no longer"}})", "application/json");
    EXPECT_EQ(refused->status, 422);
    EXPECT_TRUE(has_text(refused->body, "remove them")) << refused->body;

    Browser vendor(server);
    ASSERT_EQ(vendor.get("/invitation/" + invitation.token)->status, 303);
    auto page = vendor.get(kSection);
    EXPECT_FALSE(has_text(page->body, std::string("a:") + kCertificate + ":unavailable")) << "not offered beside a file";
}

}  // namespace document_unavailable_test
