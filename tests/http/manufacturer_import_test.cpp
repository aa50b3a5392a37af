// The manufacturer's documents against the real server (issue 16): an MDS2 statement (a workbook
// written by openpyxl in the official layout, and a CSV copy) and an SBOM (CycloneDX) imported by
// the vendor and by the hospital on its behalf — preview then apply, conflicts kept unless chosen,
// the file kept with its SHA-256, the answers' origin shown to the hospital, bad files refused.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

const std::string kTool = std::string(CYB_SOURCE_DIR) + "/tests/tools/mds2_workbook.py";

// The MDS2 lines of the tests: [id, question, answer, note].
json mds2_lines() {
    return json::array({
        {"DOC-1", "Manufacturer Name", "Medica SA", ""},
        {"DOC-3", "Device Model", "EchoMax 5000", ""},
        {"AUDT-1", "Can the medical device create additional audit logs or reports beyond standard operating system logs?", "Yes", ""},
        {"AUDT-2", "Does the audit log record a USER ID?", "Yes", "Every login and configuration change."},
        {"PAUT-2", "Does the device support the use of an external directory (LDAP, Active Directory)?", "Yes", "LDAPS."},
        {"TXCF-2", "Is the data encrypted when transmitted?", "Yes", "TLS 1.2 and above."},
        {"EMRG-1", "Does the device incorporate an emergency access (break-glass) feature?", "No", ""},
    });
}

std::string mds2_csv() {
    std::string out = "Question ID,Question,Answer,Note\n";
    for (const auto& line : mds2_lines()) {
        out += line[0].get<std::string>() + ",\"" + line[1].get<std::string>() + "\"," + line[2].get<std::string>() + ",\"" +
               line[3].get<std::string>() + "\"\n";
    }
    return out;
}

std::string temp_dir() {
    char pattern[] = "/tmp/cyb-mds2-test-XXXXXX";
    const char* dir = mkdtemp(pattern);
    if (!dir) throw std::runtime_error("mkdtemp");
    return dir;
}

std::string mds2_workbook() {
    const std::string dir = temp_dir();
    std::ofstream(dir + "/lines.json") << mds2_lines().dump();
    shell_output("/usr/bin/python3 " + kTool + " " + dir + "/mds2.xlsx " + dir + "/lines.json");
    std::ifstream in(dir + "/mds2.xlsx", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::system(("rm -rf " + dir).c_str());
    if (bytes.str().empty()) throw std::runtime_error("openpyxl wrote nothing");
    return bytes.str();
}

std::string cyclonedx() {
    return json{{"bomFormat", "CycloneDX"},
                {"specVersion", "1.5"},
                {"metadata", {{"component", {{"type", "device"}, {"name", "EchoMax 5000"}}}}},
                {"components",
                 json::array({{{"type", "operating-system"},
                               {"name", "Windows 10 IoT Enterprise LTSC 2019"},
                               {"version", "10.0.17763"},
                               {"supplier", {{"name", "Microsoft"}}},
                               {"cpe", "cpe:2.3:o:microsoft:windows_10_1809:-:*:*:*:*:*:x64:*"}},
                              {{"type", "application"}, {"name", "EchoViewer"}, {"version", "5.2.1"}, {"supplier", {{"name", "Medica SA"}}}},
                              {{"type", "library"}, {"name", "openssl"}, {"version", "1.1.1w"},
                               {"purl", "pkg:generic/openssl@1.1.1w"}},
                              {{"type", "library"}, {"name", "openssl"}, {"version", "1.1.1w"}}})}}
        .dump();
}

httplib::MultipartFormDataItems file_form(const std::string& bytes, const std::string& name, const std::string& type) {
    return {{"file", bytes, name, type}};
}

const json* proposal_for(const json& report, const std::string& question_id) {
    for (const auto& proposal : report["proposals"])
        if (proposal["question_id"] == question_id) return &proposal;
    return nullptr;
}

}  // namespace

class ManufacturerImport : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess(); }
    static void TearDownTestSuite() { delete server; }
    void SetUp() override { invitation = invite_vendor(*server, create_acquisition(*server)); }
    httplib::Client vendor() const { return server->api(invitation.token); }
    httplib::Client hospital() const { return server->api(server->api_token()); }
    json post(httplib::Client client, const std::string& url, const std::string& bytes, const std::string& name,
              const std::string& type, int expected_status = 200) const {
        auto result = client.Post(url, file_form(bytes, name, type));
        EXPECT_TRUE(result);
        if (!result) return json();
        EXPECT_EQ(result->status, expected_status) << url << " " << result->body;
        return json::parse(result->body, nullptr, false);
    }
    json response() const { return parse_json(hospital().Get("/api/v1/responses/" + std::to_string(invitation.response_id))); }
    static ServerProcess* server;
    Invitation invitation;
};
ServerProcess* ManufacturerImport::server = nullptr;

TEST_F(ManufacturerImport, AnMds2WorkbookProposesAnswersThatTheVendorConfirmsKeepingItsOwnUnlessItChooses) {
    // The vendor has answered one question already, otherwise than its MDS2 says.
    ASSERT_EQ(vendor().Put("/api/v1/vendor/answers/maintenance.annuaire_etablissement", json{{"value", "non"}}.dump(),
                           "application/json")->status, 200);
    const std::string workbook = mds2_workbook();
    const char* xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    const json preview = post(vendor(), "/api/v1/vendor/import/mds2", workbook, "MDS2 EchoMax.xlsx", xlsx);
    EXPECT_FALSE(preview["applied"]);
    EXPECT_EQ(preview["lines"], 7);
    const json* maker = proposal_for(preview, "dispositif.fabricant");
    ASSERT_TRUE(maker) << preview.dump(1);
    EXPECT_EQ((*maker)["status"], "imported");
    EXPECT_EQ((*maker)["value"], "Medica SA");
    EXPECT_EQ((*maker)["mds2_lines"], json::array({"DOC-1"}));
    EXPECT_FALSE((*maker)["rationale"].get<std::string>().empty());
    const json* directory = proposal_for(preview, "maintenance.annuaire_etablissement");
    ASSERT_TRUE(directory);
    EXPECT_EQ((*directory)["status"], "conflict");
    EXPECT_EQ((*directory)["value"], "oui");
    EXPECT_EQ((*directory)["current"], "non");
    EXPECT_NE(std::find(preview["unmapped"].begin(), preview["unmapped"].end(), "EMRG-1"), preview["unmapped"].end());
    EXPECT_EQ(response()["answers"].count("dispositif.fabricant"), 0u) << "a preview saves nothing";

    // Applied without choosing: the conflict keeps the vendor's answer, the rest is saved with its origin.
    const json applied = post(vendor(), "/api/v1/vendor/import/mds2?apply=1", workbook, "MDS2 EchoMax.xlsx", xlsx);
    EXPECT_TRUE(applied["applied"]);
    EXPECT_GE(applied["saved"].get<int>(), 2);
    json answers = response()["answers"];
    EXPECT_EQ(answers["dispositif.fabricant"]["value"], "Medica SA");
    EXPECT_EQ(answers["dispositif.fabricant"]["source"]["kind"], "mds2");
    EXPECT_EQ(answers["dispositif.fabricant"]["source"]["file"], "MDS2 EchoMax.xlsx");
    EXPECT_EQ(answers["dispositif.fabricant"]["source"]["lines"], json::array({"DOC-1"}));
    EXPECT_EQ(answers["dispositif.type"]["value"], "EchoMax 5000");
    EXPECT_EQ(answers["maintenance.annuaire_etablissement"]["value"], "non");
    EXPECT_TRUE(answers["maintenance.annuaire_etablissement"]["source"].is_null());
    // The file is a document of the response, with its SHA-256.
    const json documents = response()["documents"];
    const auto kept = std::find_if(documents.begin(), documents.end(), [](const json& d) { return d["question_id"] == "mds2"; });
    ASSERT_NE(kept, documents.end()) << documents.dump();
    EXPECT_EQ((*kept)["sha256"], applied["sha256"]);
    EXPECT_EQ(answers["dispositif.fabricant"]["source"]["sha256"], applied["sha256"]);

    // Applied again, choosing to replace the conflicting answer: replaced, the file kept once.
    const json replaced = post(vendor(), "/api/v1/vendor/import/mds2?apply=1&replace=maintenance.annuaire_etablissement",
                               workbook, "MDS2 EchoMax.xlsx", xlsx);
    EXPECT_EQ(replaced["saved"], 1);
    answers = response()["answers"];
    EXPECT_EQ(answers["maintenance.annuaire_etablissement"]["value"], "oui");
    EXPECT_EQ(answers["maintenance.annuaire_etablissement"]["source"]["lines"], json::array({"PAUT-2"}));
    const json again = response()["documents"];
    EXPECT_EQ(std::count_if(again.begin(), again.end(), [](const json& d) { return d["question_id"] == "mds2"; }), 1);

    // A value the vendor then types itself no longer says it came from the MDS2.
    ASSERT_EQ(vendor().Put("/api/v1/vendor/answers/dispositif.fabricant", json{{"value", "Medica SAS"}}.dump(),
                           "application/json")->status, 200);
    EXPECT_TRUE(response()["answers"]["dispositif.fabricant"]["source"].is_null());

    // The journal has one event per applied import.
    auto journal = parse_json(hospital().Get("/api/v1/responses/" + std::to_string(invitation.response_id) + "/journal"));
    EXPECT_NE(journal.dump().find("import_mds2"), std::string::npos);
}

TEST_F(ManufacturerImport, AnMds2CsvCopyGivesTheSameProposalsAndTheHospitalMayImportForTheVendor) {
    const std::string url = "/api/v1/responses/" + std::to_string(invitation.response_id) + "/import/mds2";
    const json preview = post(hospital(), url, mds2_csv(), "mds2.csv", "text/csv");
    const json* maker = proposal_for(preview, "dispositif.fabricant");
    ASSERT_TRUE(maker) << preview.dump(1);
    EXPECT_EQ((*maker)["value"], "Medica SA");
    const json* encrypted = proposal_for(preview, "logiciels.communications_chiffrees");
    ASSERT_TRUE(encrypted);
    EXPECT_EQ((*encrypted)["value"], "oui");
    EXPECT_EQ((*encrypted)["mds2_lines"], json::array({"TXCF-2"}));
    const json applied = post(hospital(), url + "?apply=1", mds2_csv(), "mds2.csv", "text/csv");
    EXPECT_TRUE(applied["applied"]);
    const json answer = response()["answers"]["dispositif.fabricant"];
    EXPECT_EQ(answer["value"], "Medica SA");
    EXPECT_EQ(answer["updated_by"].get<std::string>().rfind("user:", 0), 0u) << answer.dump();
    EXPECT_EQ(answer["source"]["kind"], "mds2");
}

TEST_F(ManufacturerImport, BadFilesAreRefusedWithAClearMessageAndNothingIsSaved) {
    const json not_mds2 = post(vendor(), "/api/v1/vendor/import/mds2", "name,age\nAlice,42\n", "people.csv", "text/csv", 422);
    EXPECT_NE(not_mds2.dump().find("MDS2"), std::string::npos) << not_mds2.dump();
    post(vendor(), "/api/v1/vendor/import/mds2", std::string("PK\x03\x04garbage", 11), "broken.xlsx", "application/zip", 422);
    const json not_sbom = post(vendor(), "/api/v1/vendor/import/sbom?apply=1", R"({"hello": "world"})", "x.json",
                               "application/json", 422);
    EXPECT_NE(not_sbom.dump().find("SBOM"), std::string::npos) << not_sbom.dump();
    post(vendor(), "/api/v1/vendor/import/sbom?apply=1", "{\"bomFormat\": \"CycloneDX\", ", "cut.json", "application/json", 422);
    std::string deep(100000, '[');
    post(vendor(), "/api/v1/vendor/import/sbom?apply=1", deep, "deep.json", "application/json", 422);
    EXPECT_EQ(vendor().Post("/api/v1/vendor/import/mds2", httplib::MultipartFormDataItems{})->status, 400) << "no file";
    EXPECT_EQ(response()["answers"].size(), 0u);
    EXPECT_EQ(response()["documents"].size(), 0u);
}

TEST_F(ManufacturerImport, ACycloneDxSbomFillsTheSoftwareListWithItsSummaryAndIsKept) {
    const json preview = post(vendor(), "/api/v1/vendor/import/sbom", cyclonedx(), "sbom.cdx.json", "application/json");
    EXPECT_FALSE(preview["applied"]);
    EXPECT_EQ(preview["format"], "CycloneDX");
    EXPECT_EQ(preview["spec_version"], "1.5");
    EXPECT_EQ(preview["summary"]["declared"], 4);
    EXPECT_EQ(preview["summary"]["merged_duplicates"], 1);
    EXPECT_EQ(preview["summary"]["added"], 3);
    ASSERT_EQ(preview["operating_systems"].size(), 1u);
    EXPECT_NE(preview["operating_systems"][0].get<std::string>().find("Windows 10 IoT Enterprise LTSC 2019"), std::string::npos);
    EXPECT_EQ(response()["answers"].count("serveurs.liste_logiciels_installes"), 0u);

    // The vendor had listed one program already: kept, and not listed twice.
    ASSERT_EQ(vendor().Put("/api/v1/vendor/answers/serveurs.liste_logiciels_installes",
                           json{{"value", json::array({{{"nom", "EchoViewer"}, {"niveau_version", "5.2.1"}}})}}.dump(),
                           "application/json")->status, 200);
    const json applied = post(vendor(), "/api/v1/vendor/import/sbom?apply=1", cyclonedx(), "sbom.cdx.json", "application/json");
    EXPECT_TRUE(applied["applied"]);
    EXPECT_EQ(applied["summary"]["added"], 2);
    EXPECT_EQ(applied["summary"]["already_listed"], 1);
    const json list = response()["answers"]["serveurs.liste_logiciels_installes"];
    ASSERT_EQ(list["value"].size(), 3u) << list.dump();
    EXPECT_EQ(list["value"][0]["nom"], "EchoViewer");
    EXPECT_EQ(list["value"][1]["nom"], "Windows 10 IoT Enterprise LTSC 2019");
    EXPECT_EQ(list["value"][1]["niveau_version"], "10.0.17763");
    EXPECT_EQ(list["value"][1]["fournisseur"], "Microsoft");
    EXPECT_EQ(list["value"][1]["type"], "operating-system");
    EXPECT_EQ(list["value"][2]["identifiant"], "pkg:generic/openssl@1.1.1w");
    EXPECT_EQ(list["source"]["kind"], "sbom");
    const json documents = response()["documents"];
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(documents[0]["question_id"], "sbom");
    EXPECT_EQ(documents[0]["sha256"], applied["sha256"]);
}

TEST_F(ManufacturerImport, ASubmittedResponseTakesNoImport) {
    fill_required(*server, invitation.token);
    ASSERT_EQ(vendor().Post("/api/v1/vendor/submit", "", "application/json")->status, 200);
    const json refused = post(vendor(), "/api/v1/vendor/import/mds2?apply=1", mds2_csv(), "mds2.csv", "text/csv", 409);
    EXPECT_EQ(refused["error"]["code"], "submitted");
    post(hospital(), "/api/v1/responses/" + std::to_string(invitation.response_id) + "/import/sbom?apply=1", cyclonedx(),
         "sbom.json", "application/json", 409);
    for (const auto& document : response()["documents"])
        EXPECT_NE(document["question_id"], "mds2") << "nothing kept from a refused import";
}
