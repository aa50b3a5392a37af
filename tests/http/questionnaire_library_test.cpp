// The hospital's own questionnaire (issue 15), from the pages and the API alone: an extension
// uploaded with a mistake is refused with its line, then accepted once fixed; a purchase is created
// on it; its added section is shown to a vendor only on the right branch, and followed by the
// flowchart, the workbook (and its import), the PDF, the score and the comparison; the purchase's
// archive restored on another instance brings its questionnaire.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "../outputs/pdf/pdf_text.hpp"
#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace questionnaire_library_test {

bool has_text(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kTool = std::string(CYB_SOURCE_DIR) + "/tests/tools/xlsx_tool.py";

// An extension adding, after the page on the device's connections, a page on network segmentation
// asked when the device uses the wired network, and a grid rule for its question.
std::string extension_text(const std::string& kind) {
    return "extension:\n"                                                             // 1
           "  extends: {questionnaire: afib, version: \"2024.3\"}\n"                  // 2
           "  version: \"2024.3-chu-test.1\"\n"                                        // 3
           "  title: {fr: \"Questionnaire AFIB — CHU Test\", en: \"AFIB questionnaire — CHU Test\"}\n"  // 4
           "add_sections:\n"                                                          // 5
           "  - after: dispositif.type_connexion\n"                                   // 6
           "    section:\n"                                                           // 7
           "      id: chu.reseau\n"                                                   // 8
           "      title: {fr: \"Segmentation du réseau\", en: \"Network segmentation\"}\n"  // 9
           "      show_if: \"dispositif.connexion_filaire == oui\"\n"                 // 10
           "      questions:\n"                                                       // 11
           "        - id: chu.segmentation_reseau\n"                                  // 12
           "          kind: " + kind + "\n"                                           // 13
           "          label: {fr: \"Le dispositif peut-il être placé dans un VLAN dédié ?\", en: \"Can the device be placed in a dedicated VLAN?\"}\n"
           "grid:\n"
           "  rules:\n"
           "    - question: chu.segmentation_reseau\n"
           "      favourable: oui\n"
           "      weight: 2\n"
           "      severity: major\n"
           "      rationale: {fr: \"Un dispositif hors VLAN dédié expose le réseau.\", en: \"A device outside a dedicated VLAN exposes the network.\"}\n";
}

std::string temp_file(const std::string& name, const std::string& bytes) {
    const std::string path = "/tmp/" + std::to_string(::getpid()) + "-" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::string filled_workbook(const std::string& bytes, const json& answers) {
    char pattern[] = "/tmp/cyb-library-test-XXXXXX";
    const std::string dir = mkdtemp(pattern);
    std::ofstream(dir + "/in.xlsx", std::ios::binary) << bytes;
    std::ofstream(dir + "/answers.json") << answers.dump();
    shell_output("/usr/bin/python3 " + kTool + " fill " + dir + "/in.xlsx " + dir + "/out.xlsx " + dir + "/answers.json");
    std::ifstream in(dir + "/out.xlsx", std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    std::system(("rm -rf " + dir).c_str());
    return out.str();
}

json question_of(const json& response, const std::string& id) {
    for (const auto& section : response["sections"])
        for (const auto& question : section["questions"])
            if (question["id"] == id) return question;
    return nullptr;
}

TEST(QuestionnaireLibrary, AnExtensionFromThePagesToTheVendorTheOutputsAndAnotherInstance) {
    ServerProcess server;
    Browser lead(server);
    log_in(lead);

    // 1. The library: the built-in questionnaire, and the upload form.
    auto page = lead.get("/questionnaires");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has_text(page->body, "afib 2024.3"));
    EXPECT_TRUE(has_text(page->body, "action=\"/questionnaires\""));

    // 2. A mistake (an unknown kind on line 13): refused with its line, the text kept, nothing stored.
    const std::string broken = extension_text("yesno");
    auto refused = lead.post("/questionnaires", {{"yaml", broken}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_TRUE(has_text(refused->body, "Ligne 13")) << refused->body.substr(refused->body.find("library-errors"), 1500);
    EXPECT_TRUE(has_text(refused->body, "yesno"));
    EXPECT_TRUE(has_text(refused->body, "2024.3-chu-test.1")) << "the typed text is shown back";
    auto api = server.api(server.api_token());
    EXPECT_EQ(parse_json(api.Get("/api/v1/questionnaires"))["questionnaires"].size(), 1u);
    // Through the API: the same errors, as data.
    auto refused_api = api.Post("/api/v1/questionnaires", broken, "text/yaml");
    ASSERT_EQ(refused_api->status, 422) << refused_api->body;
    EXPECT_EQ(parse_json(refused_api)["errors"][0]["line"], 13);

    // 3. Fixed: accepted; a second upload of the same version number is refused (409).
    auto accepted = lead.post("/questionnaires", {{"yaml", extension_text("yes_no")}});
    ASSERT_EQ(accepted->status, 303) << accepted->body;
    EXPECT_TRUE(has_text(lead.get("/questionnaires")->body, "2024.3-chu-test.1"));
    auto again = lead.post("/questionnaires", {{"yaml", extension_text("yes_no")}});
    EXPECT_EQ(again->status, 409) << again->body.substr(0, 3000);
    EXPECT_TRUE(has_text(again->body, "nouveau numéro de version"));
    const json library = parse_json(api.Get("/api/v1/questionnaires"))["questionnaires"];
    ASSERT_EQ(library.size(), 2u);
    EXPECT_EQ(library[1]["kind"], "extension");
    EXPECT_EQ(library[1]["base"], "afib 2024.3");
    EXPECT_EQ(library[1]["has_grid"], true);
    const long long version_id = library[1]["questionnaire_version_id"];

    // The version's blank questionnaire, for the tender documents: workbook and PDF.
    auto blank_xlsx = lead.get("/questionnaires/" + std::to_string(version_id) + "/questionnaire.xlsx");
    ASSERT_EQ(blank_xlsx->status, 200);
    const std::string ids_file = temp_file("blank.xlsx", blank_xlsx->body);
    EXPECT_TRUE(has_text(shell_output("/usr/bin/python3 " + kTool + " ids " + ids_file), "chu.segmentation_reseau"));
    std::remove(ids_file.c_str());
    auto blank_pdf = lead.get("/questionnaires/" + std::to_string(version_id) + "/questionnaire.pdf");
    ASSERT_EQ(blank_pdf->status, 200);
    EXPECT_TRUE(has_text(pdf_text(blank_pdf->body), "Segmentation du réseau"));
    EXPECT_EQ(lead.get("/questionnaires/999999/questionnaire.pdf")->status, 404);

    // 4. A purchase created on it, from the form.
    auto form = lead.get("/acquisitions/new");
    EXPECT_TRUE(has_text(form->body, "<option value=\"" + std::to_string(version_id) + "\""));
    auto created = lead.post("/acquisitions", {{"title", "Scanners 2028"},
                                               {"equipment", "Scanner"},
                                               {"questionnaire_version_id", std::to_string(version_id)}});
    ASSERT_EQ(created->status, 303) << created->body;
    const std::string location = created->get_header_value("Location");
    const long long acquisition = std::stoll(location.substr(location.rfind('/') + 1));
    ASSERT_EQ(lead.post(location + "/transition", {{"action", "open"}})->status, 303);
    const json purchase = parse_json(api.Get("/api/v1/acquisitions/" + std::to_string(acquisition)));
    EXPECT_EQ(purchase["questionnaire"]["version"], "2024.3-chu-test.1");
    EXPECT_EQ(lead.post("/acquisitions", {{"title", "X"}, {"equipment", "Y"}, {"questionnaire_version_id", "999999"}})->status,
              422)
        << "a version that is not in the library";

    // 5. The vendor: the added page only on the wired branch.
    const Invitation vendor = invite_vendor(server, acquisition, "Radiologix");
    auto vendor_api = server.api(vendor.token);
    json response = parse_json(vendor_api.Get("/api/v1/vendor/response"));
    ASSERT_FALSE(question_of(response, "chu.segmentation_reseau").is_null());
    EXPECT_EQ(question_of(response, "chu.segmentation_reseau")["visible"], false);
    auto wired = vendor_api.Put("/api/v1/vendor/answers/dispositif.connexion_filaire", R"({"value":"oui"})", "application/json");
    ASSERT_EQ(wired->status, 200);
    EXPECT_NE(parse_json(wired)["visible_sections"].dump().find("chu.reseau"), std::string::npos);
    Browser vendor_page(server);
    ASSERT_EQ(vendor_page.get("/invitation/" + vendor.token)->status, 303);
    auto section = vendor_page.get("/vendor/sections/chu.reseau");
    ASSERT_EQ(section->status, 200);
    EXPECT_TRUE(has_text(section->body, "Can the device be placed in a dedicated VLAN?")) << "in the vendor's language";

    // 6. The flowchart of part 1 has the page, after the wired-connection decision.
    auto chart = vendor_api.Get("/api/v1/vendor/flowcharts/1.svg?lang=fr");
    ASSERT_EQ(chart->status, 200);
    EXPECT_TRUE(has_text(chart->body, "Segmentation du réseau"));
    auto builtin_chart = server.client().Get("/api/v1/questionnaire/flowcharts/1.svg");
    EXPECT_FALSE(has_text(builtin_chart->body, "Segmentation du réseau")) << "the built-in one is unchanged";

    // 7. The workbook has the question; filled ("Non") and imported back.
    auto workbook = vendor_api.Get("/api/v1/vendor/export.xlsx?lang=fr");
    ASSERT_EQ(workbook->status, 200);
    const std::string filled = filled_workbook(workbook->body, {{"chu.segmentation_reseau", "Non"}});
    httplib::MultipartFormDataItems items = {{"file", filled, "reponses.xlsx",
                                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
    auto imported = vendor_api.Post("/api/v1/vendor/import?apply=1", items);
    ASSERT_EQ(imported->status, 200) << imported->body;
    response = parse_json(vendor_api.Get("/api/v1/vendor/response"));
    EXPECT_EQ(question_of(response, "chu.segmentation_reseau")["value"], "non");

    // 8. The score (its grid rule), the comparison and the PDF.
    const std::string response_path = "/api/v1/responses/" + std::to_string(vendor.response_id);
    const json evaluation = parse_json(api.Get(response_path + "/evaluation"));
    bool finding = false;
    for (const auto& item : evaluation["findings"])
        if (item["question_id"] == "chu.segmentation_reseau") finding = item["severity"] == "major";
    EXPECT_TRUE(finding) << evaluation["findings"].dump();
    EXPECT_EQ(evaluation["grid"]["version"], "2024.3-chu-test.1");
    auto comparison = api.Get("/api/v1/acquisitions/" + std::to_string(acquisition) + "/comparison?drafts=1");
    ASSERT_EQ(comparison->status, 200);
    EXPECT_TRUE(has_text(comparison->body, "chu.segmentation_reseau"));
    const std::string pdf = pdf_text(api.Get(response_path + "/report.pdf")->body);
    EXPECT_TRUE(has_text(pdf, "Segmentation du réseau")) << pdf.substr(0, 2000);

    // 9. The archive, restored on another instance from its restore page, brings the questionnaire with it.
    auto archive = api.Get("/api/v1/acquisitions/" + std::to_string(acquisition) + "/archive.zip");
    ASSERT_EQ(archive->status, 200);
    ServerProcess target;
    Browser target_lead(target);
    log_in(target_lead);
    target_lead.get("/acquisitions/restore");
    auto restored = target_lead.post_file("/acquisitions/restore", "archive", archive->body, "archive.zip", "application/zip");
    ASSERT_TRUE(restored);
    ASSERT_EQ(restored->status, 303) << restored->body;
    const json list = parse_json(target.api(target.api_token()).Get("/api/v1/acquisitions"));
    ASSERT_EQ(list.size(), 1u);
    const std::string target_path = "/api/v1/acquisitions/" + std::to_string(list[0]["id"].get<long long>());
    EXPECT_EQ(parse_json(target.api(target.api_token()).Get(target_path))["questionnaire"]["version"], "2024.3-chu-test.1");
    const json restored_response = parse_json(target.api(target.api_token()).Get(target_path + "/export.json"));
    EXPECT_NE(restored_response.dump().find("chu.segmentation_reseau"), std::string::npos);
}

TEST(QuestionnaireLibrary, OnlyAdministratorsAndBiomedicalEngineersAddVersions) {
    ServerProcess server;
    const std::string buyer = user_token(server, "acheteur@chu.test", "buyer");
    auto as_buyer = server.api(buyer);
    EXPECT_EQ(as_buyer.Get("/api/v1/questionnaires")->status, 200) << "every hospital account reads the library";
    EXPECT_EQ(as_buyer.Post("/api/v1/questionnaires", extension_text("yes_no"), "text/yaml")->status, 403);
    const std::string admin = user_token(server, "admin2@chu.test", "admin");
    auto added = server.api(admin).Post("/api/v1/questionnaires", extension_text("yes_no"), "text/yaml");
    EXPECT_EQ(added->status, 201) << added->body;
    EXPECT_EQ(server.api(admin).Post("/api/v1/questionnaires", std::string(3 * 1024 * 1024, '#'), "text/yaml")->status, 422)
        << "over the size budget";
    EXPECT_EQ(server.api(admin).Post("/api/v1/questionnaires", "", "text/yaml")->status, 422);
}

TEST(QuestionnaireLibrary, TheCommandLineAddsAVersionOrPrintsItsErrorsWithTheirLines) {
    ServerProcess server;
    server.stop();
    const std::string broken = temp_file("broken-extension.yaml", extension_text("yesno"));
    auto refused = run_binary_on_store(server, {"template", "add", broken});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_TRUE(has_text(refused.err, ":13:")) << refused.err;
    const std::string good = temp_file("good-extension.yaml", extension_text("yes_no"));
    auto added = run_binary_on_store(server, {"template", "add", good});
    EXPECT_EQ(added.exit_code, 0) << added.err;
    EXPECT_TRUE(has_text(added.out, "2024.3-chu-test.1")) << added.out;
    server.start();
    EXPECT_EQ(parse_json(server.api(server.api_token()).Get("/api/v1/questionnaires"))["questionnaires"].size(), 2u);
    std::remove(broken.c_str());
    std::remove(good.c_str());
}

}  // namespace questionnaire_library_test

namespace questionnaire_library_test {

// One purchase's own questions (API): an extension of the purchase's version moves that purchase
// alone onto the composed version, with its grid; the answers already given stay; the library and
// the other purchases do not change.
TEST(QuestionnaireLibrary, APurchaseIsExtendedForItselfAloneKeepingItsAnswers) {
    ServerProcess server;
    auto api = server.api(server.api_token());
    const long long acquisition = create_acquisition(server, "Pompes 2029");
    const long long other = create_acquisition(server, "Autre achat");
    const Invitation vendor = invite_vendor(server, acquisition, "Perfusia");
    auto vendor_api = server.api(vendor.token);
    ASSERT_EQ(vendor_api.Put("/api/v1/vendor/answers/dispositif.marque", R"({"value":"Perfusia"})", "application/json")->status, 200);
    ASSERT_EQ(vendor_api.Put("/api/v1/vendor/answers/dispositif.connexion_filaire", R"({"value":"oui"})", "application/json")->status, 200);

    const std::string path = "/api/v1/acquisitions/" + std::to_string(acquisition) + "/questionnaire";
    auto wrong_base = api.Post(path, extension_text("yes_no").replace(extension_text("yes_no").find("2024.3\"}"), 6, "2019.1"),
                               "text/yaml");
    EXPECT_EQ(wrong_base->status, 422) << "the base must be the purchase's own version";
    auto pinned = api.Post(path, extension_text("yes_no"), "text/yaml");
    ASSERT_EQ(pinned->status, 200) << pinned->body;
    EXPECT_EQ(parse_json(pinned)["questionnaire"]["version"], "2024.3-chu-test.1");

    json response = parse_json(vendor_api.Get("/api/v1/vendor/response"));
    EXPECT_EQ(question_of(response, "chu.segmentation_reseau")["visible"], true) << "on the wired branch";
    EXPECT_EQ(question_of(response, "dispositif.marque")["value"], "Perfusia") << "the answers given stay";
    ASSERT_EQ(vendor_api.Put("/api/v1/vendor/answers/chu.segmentation_reseau", R"({"value":"non"})", "application/json")->status, 200);
    const json evaluation = parse_json(api.Get("/api/v1/responses/" + std::to_string(vendor.response_id) + "/evaluation"));
    EXPECT_EQ(evaluation["grid"]["version"], "2024.3-chu-test.1");
    EXPECT_NE(evaluation["findings"].dump().find("chu.segmentation_reseau"), std::string::npos);

    EXPECT_EQ(parse_json(api.Get("/api/v1/acquisitions/" + std::to_string(other)))["questionnaire"]["version"], "2024.3");
    EXPECT_EQ(parse_json(api.Get("/api/v1/questionnaires"))["questionnaires"].size(), 1u) << "not in the library";
    const json journal = parse_json(api.Get("/api/v1/acquisitions/" + std::to_string(acquisition) + "/journal"));
    EXPECT_NE(journal.dump().find("2024.3-chu-test.1"), std::string::npos) << "journalled";

    // Closed: its questionnaire no longer changes.
    ASSERT_EQ(api.Post("/api/v1/acquisitions/" + std::to_string(other) + "/transitions", R"({"action":"close"})",
                       "application/json")->status, 200);
    const std::string other_text = extension_text("yes_no").replace(extension_text("yes_no").find("chu-test.1"), 10, "chu-test.2");
    EXPECT_EQ(api.Post("/api/v1/acquisitions/" + std::to_string(other) + "/questionnaire", other_text, "text/yaml")->status, 409);
}

}  // namespace questionnaire_library_test
