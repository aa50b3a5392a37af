// The Excel round trip against the real server: downloads read by openpyxl, workbooks filled by
// openpyxl and by LibreOffice imported with the expected report, preview vs apply, bad files,
// locked responses, who may export what, and the hospital importing for a vendor.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const std::string kTool = std::string(CYB_SOURCE_DIR) + "/tests/tools/xlsx_tool.py";

std::string temp_dir() {
    char pattern[] = "/tmp/cyb-xlsx-test-XXXXXX";
    const char* dir = mkdtemp(pattern);
    if (!dir) throw std::runtime_error("mkdtemp");
    return dir;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

std::string read_workbook_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// openpyxl's view of a workbook: {"meta", "sheets", "ids"}.
json openpyxl_ids(const std::string& bytes) {
    const std::string dir = temp_dir();
    write_file(dir + "/in.xlsx", bytes);
    json out = json::parse(shell_output("/usr/bin/python3 " + kTool + " ids " + dir + "/in.xlsx"));
    std::system(("rm -rf " + dir).c_str());
    return out;
}

// The workbook filled by openpyxl with these answers.
std::string openpyxl_fill(const std::string& bytes, const json& answers) {
    const std::string dir = temp_dir();
    write_file(dir + "/in.xlsx", bytes);
    write_file(dir + "/answers.json", answers.dump());
    shell_output("/usr/bin/python3 " + kTool + " fill " + dir + "/in.xlsx " + dir + "/out.xlsx " + dir + "/answers.json");
    std::string out = read_workbook_file(dir + "/out.xlsx");
    std::system(("rm -rf " + dir).c_str());
    return out;
}

// The workbook opened and saved again by LibreOffice Calc (headless, private profile).
std::string libreoffice_resave(const std::string& bytes) {
    const std::string dir = temp_dir();
    std::system(("mkdir -p " + dir + "/in " + dir + "/out " + dir + "/home").c_str());
    write_file(dir + "/in/filled.xlsx", bytes);
    shell_output("cd " + dir + " && HOME=" + dir + "/home libreoffice -env:UserInstallation=file://" + dir +
        "/profile --headless --norestore --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir " + dir + "/out " + dir +
        "/in/filled.xlsx");
    std::string out = read_workbook_file(dir + "/out/filled.xlsx");
    std::system(("rm -rf " + dir).c_str());
    if (out.empty()) throw std::runtime_error("LibreOffice wrote nothing");
    return out;
}

httplib::MultipartFormDataItems file_form(const std::string& bytes, const std::string& name = "reponses.xlsx") {
    return {{"file", bytes, name, kXlsxType}};
}

json row_of(const json& report, const std::string& id) {
    for (const auto& row : report["rows"])
        if (row["id"] == id || row["question_id"] == id) return row;
    return json();
}

}  // namespace

class XlsxApi : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess({"--max-upload-mb", "1"}); }
    static void TearDownTestSuite() { delete server; }
    void SetUp() override { invitation = invite_vendor(*server, create_acquisition(*server)); }
    httplib::Client vendor() const { return server->api(invitation.token); }
    httplib::Client hospital() const { return server->api(server->api_token()); }
    std::string vendor_workbook(const std::string& lang = "fr") const {
        auto result = vendor().Get("/api/v1/vendor/export.xlsx?lang=" + lang);
        if (!result || result->status != 200) throw std::runtime_error("vendor export failed");
        return result->body;
    }
    json import_as_vendor(const std::string& bytes, bool apply, int expected_status = 200) const {
        auto result = vendor().Post(apply ? "/api/v1/vendor/import?apply=1" : "/api/v1/vendor/import", file_form(bytes));
        EXPECT_TRUE(result);
        if (!result) return json();
        EXPECT_EQ(result->status, expected_status) << result->body;
        return json::parse(result->body, nullptr, false);
    }
    json answers() const {
        return parse_json(hospital().Get("/api/v1/responses/" + std::to_string(invitation.response_id)))["answers"];
    }
    static ServerProcess* server;
    Invitation invitation;
};
ServerProcess* XlsxApi::server = nullptr;

TEST_F(XlsxApi, BlankQuestionnaireInBothLanguagesHasEveryQuestionForOpenpyxl) {
    auto questionnaire = parse_json(server->client().Get("/api/v1/questionnaire"));
    std::vector<std::string> expected;
    for (const auto& part : questionnaire["parts"])
        for (const auto& section : part["sections"])
            for (const auto& question : section["questions"]) expected.push_back(question["id"]);
    ASSERT_GT(expected.size(), 150u);
    for (const char* lang : {"fr", "en"}) {
        auto result = server->client().Get(std::string("/api/v1/questionnaire.xlsx?lang=") + lang);
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200);
        EXPECT_EQ(result->get_header_value("Content-Type"), kXlsxType);
        EXPECT_NE(result->get_header_value("Content-Disposition").find(std::string("-") + lang + ".xlsx"), std::string::npos);
        const json seen = openpyxl_ids(result->body);
        EXPECT_EQ(seen["meta"]["language"], lang);
        EXPECT_EQ(seen["meta"]["questionnaire_id"], questionnaire["id"]);
        EXPECT_EQ(seen["meta"]["questionnaire_version"], questionnaire["version"]);
        EXPECT_EQ(seen["sheets"][0], std::string(lang) == "fr" ? "Mode d'emploi" : "Instructions");
        for (const auto& id : expected)
            EXPECT_NE(std::find(seen["ids"].begin(), seen["ids"].end(), id), seen["ids"].end()) << lang << " " << id;
        // The same workbook is linked from the help page.
        auto page_link = server->client().Get(std::string("/questionnaire.xlsx?lang=") + lang);
        ASSERT_TRUE(page_link);
        EXPECT_EQ(page_link->status, 200);
        EXPECT_EQ(page_link->body, result->body);
    }
}

TEST_F(XlsxApi, WorkbookFilledByOpenpyxlPreviewsThenApplies) {
    const std::string blank = vendor_workbook();
    const json filled_answers = {
        {"dispositif.poste_standard", "Non"},
        {"dispositif.ecran_taille", "21,5"},                       // hidden: poste_standard = non
        {"dispositif.fabricant", {{"value", "Medica"}, {"comment", "Siège à Lyon"}}},
        {"dispositif.date_premiere_mise_sur_le_marche", "2021"},  // a text: the year alone is enough
        {"dispositif.classe_ce_93_42", "IIa"},
        {"dispositif.antivirus_etablissement", true},
        {"dispositif.contact_installation.email", "pas-un-email"},
        {"dispositif.contact_installation.nom", "Durand"},
        {"dispositif.certificat_ce_93_42", "certificat.pdf"},
    };
    const std::string filled = openpyxl_fill(blank, filled_answers);

    const json preview = import_as_vendor(filled, false);
    EXPECT_FALSE(preview["applied"].get<bool>());
    EXPECT_EQ(row_of(preview, "dispositif.poste_standard")["status"], "imported");
    EXPECT_EQ(row_of(preview, "dispositif.ecran_taille")["status"], "ignored_branch");
    EXPECT_EQ(row_of(preview, "dispositif.fabricant")["status"], "imported");
    EXPECT_EQ(row_of(preview, "dispositif.date_premiere_mise_sur_le_marche")["status"], "imported");
    EXPECT_EQ(row_of(preview, "dispositif.classe_ce_93_42")["status"], "imported");
    EXPECT_EQ(row_of(preview, "dispositif.antivirus_etablissement")["status"], "imported");
    const json contact = row_of(preview, "dispositif.contact_installation");
    EXPECT_EQ(contact["status"], "rejected");
    EXPECT_NE(contact["message"].get<std::string>().find("e-mail"), std::string::npos);  // English invitation
    EXPECT_EQ(row_of(preview, "dispositif.certificat_ce_93_42")["status"], "ignored_document");
    EXPECT_EQ(preview["summary"]["imported"], 5);
    EXPECT_FALSE(answers().contains("dispositif.fabricant"));  // a preview saves nothing

    const json applied = import_as_vendor(filled, true);
    EXPECT_TRUE(applied["applied"].get<bool>());
    EXPECT_EQ(applied["saved"], 5);
    const json stored = answers();
    EXPECT_EQ(stored["dispositif.poste_standard"]["value"], "non");
    EXPECT_EQ(stored["dispositif.fabricant"]["value"], "Medica");
    EXPECT_EQ(stored["dispositif.fabricant"]["comment"], "Siège à Lyon");
    EXPECT_EQ(stored["dispositif.date_premiere_mise_sur_le_marche"]["value"], "2021");
    EXPECT_EQ(stored["dispositif.classe_ce_93_42"]["value"], "iia");
    EXPECT_EQ(stored["dispositif.antivirus_etablissement"]["value"], "oui");
    EXPECT_FALSE(stored.contains("dispositif.ecran_taille"));
    EXPECT_FALSE(stored.contains("dispositif.contact_installation"));

    // Importing the same file again changes nothing; the export now carries the answers.
    const json again = import_as_vendor(filled, true);
    EXPECT_EQ(again["saved"], 0);
    EXPECT_EQ(row_of(again, "dispositif.fabricant")["status"], "unchanged");
    const json reexport = import_as_vendor(vendor_workbook("en"), false);
    EXPECT_EQ(reexport["to_save"], 0) << reexport.dump();

    // One event records the applied import.
    EXPECT_EQ(server->query_value("SELECT COUNT(*) FROM events WHERE action = 'import_xlsx' AND entity_id = " +
                                  std::to_string(invitation.response_id)),
              "1");
}

// The pages keep the previewed file in the database until "apply": a restart (or another
// instance serving "apply") does not lose it.
TEST_F(XlsxApi, APagePreviewIsAppliedAfterTheServerRestarts) {
    const std::string filled = openpyxl_fill(vendor_workbook(), {{"dispositif.fabricant", "Medica"}});
    Browser page(*server);
    ASSERT_EQ(page.get("/invitation/" + invitation.token)->status, 303);
    ASSERT_EQ(page.get("/vendor/import")->status, 200);
    auto preview = page.post_file("/vendor/import", "file", filled, "reponses.xlsx", kXlsxType);
    ASSERT_TRUE(preview);
    ASSERT_EQ(preview->status, 200) << preview->body;
    std::smatch match;
    static const std::regex token_field(R"(name="token" value="([^"]+)\")");
    ASSERT_TRUE(std::regex_search(preview->body, match, token_field)) << "the preview offers to apply";
    const std::string token = match[1];
    EXPECT_FALSE(answers().contains("dispositif.fabricant"));

    server->restart();
    page.reconnect(*server);
    auto applied = page.post("/vendor/import/apply", {{"token", token}});
    ASSERT_TRUE(applied);
    EXPECT_EQ(applied->status, 200) << applied->body;
    EXPECT_EQ(answers()["dispositif.fabricant"]["value"], "Medica");
    EXPECT_EQ(page.post("/vendor/import/apply", {{"token", token}})->status, 410) << "taken once applied";
}

TEST_F(XlsxApi, WorkbookSavedByLibreOfficeImports) {
    const std::string filled = openpyxl_fill(vendor_workbook("en"), {
        {"dispositif.fabricant", "Medica"},
        {"dispositif.ecran_taille", 23.8},
        {"dispositif.poste_standard", "Yes"},
        {"dispositif.date_premiere_mise_sur_le_marche", "29/02/2020"},
        {"serveurs.liste_logiciels_installes[1].nom", "Viewer"},
        {"serveurs.liste_logiciels_installes[1].niveau_version", 3},
        {"serveurs.liste_logiciels_installes[2].nom", "Agent"},
        {"dispositif.ecran_resolution", {{"value", "1920x1080"}, {"comment", "Full HD"}}},
    });
    const std::string resaved = libreoffice_resave(filled);
    ASSERT_NE(resaved, filled);
    const json report = import_as_vendor(resaved, true);
    EXPECT_EQ(report["summary"]["rejected"], 0) << report.dump();
    const json stored = answers();
    EXPECT_EQ(stored["dispositif.fabricant"]["value"], "Medica");
    EXPECT_DOUBLE_EQ(stored["dispositif.ecran_taille"]["value"].get<double>(), 23.8);
    EXPECT_EQ(stored["dispositif.poste_standard"]["value"], "oui");
    EXPECT_EQ(stored["dispositif.date_premiere_mise_sur_le_marche"]["value"], "29/02/2020");
    EXPECT_EQ(stored["dispositif.ecran_resolution"]["comment"], "Full HD");
    // A table: one row per cell, numbers typed in a text column kept as text.
    EXPECT_EQ(row_of(report, "serveurs.liste_logiciels_installes")["status"], "imported");
    EXPECT_EQ(stored["serveurs.liste_logiciels_installes"]["value"],
              json::array({json{{"nom", "Viewer"}, {"niveau_version", "3"}}, json{{"nom", "Agent"}}}));
}

TEST_F(XlsxApi, BadFilesAreRefusedCleanlyAndNothingIsLost) {
    ASSERT_EQ(vendor().Put("/api/v1/vendor/answers/dispositif.fabricant", json{{"value", "Avant"}}.dump(), "application/json")->status, 200);
    const std::string good = vendor_workbook();

    const json not_xlsx = import_as_vendor("Ceci n'est pas un classeur.", true, 422);
    EXPECT_EQ(not_xlsx["error"]["code"], "not_xlsx");
    const json truncated = import_as_vendor(good.substr(0, good.size() / 2), true, 422);
    EXPECT_EQ(truncated["error"]["code"], "corrupt");
    std::string damaged = good;
    for (size_t i = 100; i < damaged.size() - 200; i += 97) damaged[i] = static_cast<char>(damaged[i] ^ 0x55);
    const json broken = import_as_vendor(damaged, true, 422);
    EXPECT_TRUE(broken["error"]["code"] == "corrupt" || broken["error"]["code"] == "not_xlsx") << broken.dump();

    // A workbook of another origin: LibreOffice's conversion of a CSV file.
    const std::string dir = temp_dir();
    write_file(dir + "/other.csv", "a,b\n1,2\n");
    shell_output("cd " + dir + " && HOME=" + dir + " libreoffice -env:UserInstallation=file://" + dir +
        "/profile --headless --convert-to xlsx --outdir " + dir + " " + dir + "/other.csv");
    const json foreign = import_as_vendor(read_workbook_file(dir + "/other.xlsx"), true, 422);
    std::system(("rm -rf " + dir).c_str());
    EXPECT_EQ(foreign["error"]["code"], "foreign");
    EXPECT_NE(foreign["error"]["message"].get<std::string>().find("Cyberachat"), std::string::npos);

    // Over the upload limit (1 MB here): 413 with a message.
    const json too_big = import_as_vendor(std::string(1536 * 1024, 'x'), true, 413);
    EXPECT_EQ(too_big["error"]["code"], "too_large");

    auto missing = vendor().Post("/api/v1/vendor/import", httplib::MultipartFormDataItems{});
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 400);
    EXPECT_EQ(answers()["dispositif.fabricant"]["value"], "Avant");
}

TEST_F(XlsxApi, SubmittedResponseRefusesImport) {
    fill_required(*server, invitation.token);
    ASSERT_EQ(vendor().Post("/api/v1/vendor/submit", "", "application/json")->status, 200);
    const json refused = import_as_vendor(vendor_workbook(), true, 409);
    EXPECT_EQ(refused["error"]["code"], "submitted");
    auto hospital_refused = hospital().Post("/api/v1/responses/" + std::to_string(invitation.response_id) + "/import",
                                            file_form(vendor_workbook()));
    ASSERT_TRUE(hospital_refused);
    EXPECT_EQ(hospital_refused->status, 409);
}

TEST_F(XlsxApi, HospitalExportsAndImportsOnTheVendorsBehalf) {
    const std::string base = "/api/v1/responses/" + std::to_string(invitation.response_id);
    auto exported = hospital().Get(base + "/export.xlsx");
    ASSERT_TRUE(exported);
    ASSERT_EQ(exported->status, 200);
    const json seen = openpyxl_ids(exported->body);
    EXPECT_EQ(seen["meta"]["response_id"], std::to_string(invitation.response_id));
    const json visible = parse_json(hospital().Get(base))["visible_questions"];
    ASSERT_GT(visible.size(), 50u);
    for (const auto& id : visible)
        EXPECT_NE(std::find(seen["ids"].begin(), seen["ids"].end(), id), seen["ids"].end()) << id;
    // The vendor's own export (in English) too.
    const json vendor_seen = openpyxl_ids(vendor_workbook("en"));
    EXPECT_EQ(vendor_seen["meta"]["language"], "en");
    for (const auto& id : visible)
        EXPECT_NE(std::find(vendor_seen["ids"].begin(), vendor_seen["ids"].end(), id), vendor_seen["ids"].end()) << id;
    const std::string filled = openpyxl_fill(exported->body, {{"dispositif.fournisseur", "Distrimed"}});
    auto preview = hospital().Post(base + "/import", file_form(filled));
    ASSERT_TRUE(preview);
    ASSERT_EQ(preview->status, 200) << preview->body;
    EXPECT_EQ(parse_json(preview)["to_save"], 1);
    auto applied = hospital().Post(base + "/import?apply=1", file_form(filled));
    ASSERT_EQ(applied->status, 200);
    const json stored = answers();
    EXPECT_EQ(stored["dispositif.fournisseur"]["value"], "Distrimed");
    EXPECT_EQ(stored["dispositif.fournisseur"]["updated_by"], std::string("user:") + ServerProcess::kEmail);

    EXPECT_EQ(hospital().Get("/api/v1/responses/999999/export.xlsx")->status, 404);
    EXPECT_EQ(server->client().Get(base + "/export.xlsx")->status, 401);
    EXPECT_EQ(server->client().Post(base + "/import", file_form(filled))->status, 401);
}

TEST_F(XlsxApi, AVendorReachesOnlyItsOwnWorkbook) {
    const Invitation other = invite_vendor(*server, create_acquisition(*server, "Autre achat"), "Concurrent SA");
    const std::string other_base = "/api/v1/responses/" + std::to_string(other.response_id);
    // The vendor's token is not a hospital token.
    EXPECT_EQ(vendor().Get(other_base + "/export.xlsx")->status, 401);
    EXPECT_EQ(vendor().Post(other_base + "/import", file_form(vendor_workbook()))->status, 401);
    // Its own export names its own response.
    EXPECT_EQ(openpyxl_ids(vendor_workbook())["meta"]["response_id"], std::to_string(invitation.response_id));
    EXPECT_EQ(server->client().Get("/api/v1/vendor/export.xlsx")->status, 401);
    EXPECT_EQ(server->client().Post("/api/v1/vendor/import", file_form(vendor_workbook()))->status, 401);
}
