// Reports and exports over HTTP: every endpoint, statuses, content types, file names, access rules
// (API token, vendor refused on the hospital's exports, the vendor's own PDF), PDF texts, CSV, JSON.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <vector>

#include "../outputs/pdf/pdf_text.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The CSV as LibreOffice Calc opens it with French settings (separator ';', UTF-8, locale fr-FR:
// decimal comma), saved as xlsx and read back by openpyxl: every row, as openpyxl gives the values
// (a number cell is a JSON number).
json csv_as_french_calc_reads_it(const std::string& csv) {
    char pattern[] = "/tmp/cyb-csv-test-XXXXXX";
    const std::string dir = mkdtemp(pattern);
    std::system(("mkdir -p " + dir + "/out " + dir + "/home").c_str());
    { std::ofstream(dir + "/export.csv", std::ios::binary) << csv; }
    shell_output("cd " + dir + " && HOME=" + dir + "/home libreoffice -env:UserInstallation=file://" + dir +
                 "/profile --headless --norestore --infilter='CSV:59,34,76,1,,1036' --convert-to xlsx --outdir " + dir +
                 "/out " + dir + "/export.csv");
    const std::string script =
        "import json,sys,openpyxl;ws=openpyxl.load_workbook(sys.argv[1]).active;"
        "print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)],ensure_ascii=True))";
    const std::string out = shell_output("/usr/bin/python3 -c '" + script + "' " + dir + "/out/export.xlsx");
    std::system(("rm -rf " + dir).c_str());
    return json::parse(out);
}

}  // namespace

class ExportHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        acquisition = create_acquisition(*server, "Échographes 2027");
        medica = invite_vendor(*server, acquisition, "Médica Santé SA");
        other = invite_vendor(*server, acquisition, "Biotech Ltd");
        auto put = [](const Invitation& vendor, const std::string& id, const json& body) {
            auto result = server->api(vendor.token).Put("/api/v1/vendor/answers/" + id, body.dump(), "application/json");
            ASSERT_TRUE(result);
            ASSERT_EQ(result->status, 200) << result->body;
        };
        put(medica, "dispositif.marque", {{"value", "Sécurité Médicale"}, {"comment", "=HYPERLINK(\"http://x\")"}});
        put(medica, "dispositif.designation", {{"value", "Échographe \"cardio\"; modèle 3"}});
        put(medica, "dispositif.classe_ce_93_42", {{"value", "iia"}});
        put(medica, "dispositif.poste_standard", {{"value", "oui"}});
        put(medica, "dispositif.ecran_taille", {{"value", "1234,5"}});
        put(medica, "dispositif.memoire_ram", {{"value", "16"}});
        put(other, "dispositif.marque", {{"value", "Réponse de l'autre fournisseur"}});
        httplib::MultipartFormDataItems items = {{"file", minimal_pdf(), "Certificat CE.pdf", "application/pdf"}};
        auto uploaded = server->api(medica.token).Post("/api/v1/vendor/documents/dispositif.certificat_ce_93_42", items);
        ASSERT_TRUE(uploaded);
        ASSERT_EQ(uploaded->status, 201) << uploaded->body;
        document_sha = parse_json(uploaded)["sha256"].get<std::string>();
    }
    static void TearDownTestSuite() { delete server; }
    static std::string path(const std::string& file) { return "/api/v1/acquisitions/" + std::to_string(acquisition) + "/" + file; }
    static httplib::Result hospital_get(const std::string& url) { return server->api(server->api_token()).Get(url); }

    static ServerProcess* server;
    static long long acquisition;
    static Invitation medica, other;
    static std::string document_sha;
};
ServerProcess* ExportHttp::server = nullptr;
long long ExportHttp::acquisition = 0;
Invitation ExportHttp::medica, ExportHttp::other;
std::string ExportHttp::document_sha;

TEST_F(ExportHttp, PurchaseReportPdf) {
    auto result = hospital_get(path("report.pdf"));
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(result->get_header_value("Content-Disposition"), "attachment; filename=\"rapport-echographes-2027.pdf\"");
    const std::string text = pdf_text(result->body);
    for (const char* expected : {"Échographes 2027", "Médica Santé SA", "Biotech Ltd", "Sécurité Médicale", "Table des matières",
                                 "Synthèse comparative", "Page 1 / "})
        EXPECT_TRUE(contains(text, expected)) << expected;
    EXPECT_TRUE(contains(text, document_sha));
}

TEST_F(ExportHttp, ResponseReportPdfInEnglishToo) {
    const std::string url = "/api/v1/responses/" + std::to_string(medica.response_id) + "/report.pdf";
    auto fr = hospital_get(url);
    ASSERT_TRUE(fr);
    ASSERT_EQ(fr->status, 200) << fr->body;
    EXPECT_EQ(fr->get_header_value("Content-Disposition"), "attachment; filename=\"rapport-medica-sante-sa.pdf\"");
    const std::string text = pdf_text(fr->body);
    EXPECT_TRUE(contains(text, "Sécurité Médicale"));
    EXPECT_TRUE(contains(text, "Certificat CE.pdf"));
    EXPECT_TRUE(contains(text, "Parcours du logigramme"));
    EXPECT_FALSE(contains(text, "Biotech Ltd"));
    auto en = hospital_get(url + "?lang=en");
    ASSERT_TRUE(en);
    EXPECT_TRUE(contains(pdf_text(en->body), "Contents"));
    EXPECT_EQ(hospital_get("/api/v1/responses/999999/report.pdf")->status, 404);
}

TEST_F(ExportHttp, TheVendorGetsOnlyItsOwnAnswers) {
    auto result = server->api(medica.token).Get("/api/v1/vendor/report.pdf");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/pdf");
    // In the invitation's language (English here), or the one asked for.
    EXPECT_EQ(result->get_header_value("Content-Disposition"), "attachment; filename=\"my-answers-medica-sante-sa.pdf\"");
    EXPECT_TRUE(contains(pdf_text(result->body), "Contents"));
    auto french = server->api(medica.token).Get("/api/v1/vendor/report.pdf?lang=fr");
    ASSERT_TRUE(french);
    EXPECT_EQ(french->get_header_value("Content-Disposition"), "attachment; filename=\"mes-reponses-medica-sante-sa.pdf\"");
    const std::string text = pdf_text(french->body);
    EXPECT_TRUE(contains(text, "Sécurité Médicale"));
    EXPECT_TRUE(contains(text, "Table des matières"));
    EXPECT_FALSE(contains(text, "Biotech Ltd"));
    EXPECT_FALSE(contains(text, "Réponse de l'autre fournisseur"));
    EXPECT_FALSE(contains(text, "Évaluation"));
    EXPECT_EQ(server->client().Get("/api/v1/vendor/report.pdf")->status, 401);
    EXPECT_EQ(server->api("jeton-inconnu").Get("/api/v1/vendor/report.pdf")->status, 401);
}

TEST_F(ExportHttp, BlankQuestionnairePdfIsPublic) {
    auto fr = server->client().Get("/api/v1/questionnaire.pdf");
    ASSERT_TRUE(fr);
    ASSERT_EQ(fr->status, 200) << fr->body;
    EXPECT_EQ(fr->get_header_value("Content-Disposition"), "attachment; filename=\"questionnaire-afib.pdf\"");
    const std::string text = pdf_text(fr->body);
    EXPECT_TRUE(contains(text, "Table des matières"));
    EXPECT_TRUE(contains(text, "Marque"));
    EXPECT_TRUE(contains(text, "Page 1 / "));
    auto en = server->client().Get("/api/v1/questionnaire.pdf?lang=en");
    ASSERT_TRUE(en);
    const std::string english = pdf_text(en->body);
    EXPECT_TRUE(contains(english, "Contents"));
    EXPECT_TRUE(contains(english, "Brand"));
}

TEST_F(ExportHttp, CsvForFrenchExcel) {
    auto result = hospital_get(path("export.csv"));
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(result->get_header_value("Content-Disposition"), "attachment; filename=\"export-echographes-2027.csv\"");
    const std::string& csv = result->body;
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "Achat;Fournisseur;Statut;Partie;Section;Identifiant de question;Question;Réponse;Unité;Commentaire;Favorable;Gravité\r\n", 0), 0u);
    EXPECT_TRUE(contains(csv, "Échographes 2027;Médica Santé SA;Brouillon;"));
    // Not graded by the grid: both evaluation columns empty.
    EXPECT_TRUE(contains(csv, ";dispositif.marque;Marque;Sécurité Médicale;;\"'=HYPERLINK(\"\"http://x\"\")\";;\r\n"));
    // A number alone, as French spreadsheets write one (decimal comma, no grouping space), its unit
    // in the next column.
    EXPECT_TRUE(contains(csv, ";dispositif.ecran_taille;Écran — Taille;1234,5;pouces;;;\r\n")) << csv.substr(0, 3000);
    EXPECT_TRUE(contains(csv, ";dispositif.memoire_ram;Poste informatique — Mémoire RAM;16;Go;"));
    EXPECT_FALSE(contains(csv, "\u202F")) << "no narrow no-break space in the CSV";
    // Graded: favourable, or unfavourable (here unanswered and required) with its severity.
    const std::string label = "L'équipement biomédical peut-il fonctionner avec un poste informatique standard fourni par l'établissement ?";
    EXPECT_TRUE(contains(csv, "Médica Santé SA;Brouillon;Description générale du dispositif;Poste informatique;dispositif.poste_standard;" +
                                  label + ";Oui;;;oui;\r\n")) << csv.substr(0, 3000);
    EXPECT_TRUE(contains(csv, "Biotech Ltd;Brouillon;Description générale du dispositif;Poste informatique;dispositif.poste_standard;" +
                                  label + ";;;;non;Information\r\n"));
    EXPECT_TRUE(contains(csv, "\"Échographe \"\"cardio\"\"; modèle 3\""));
    EXPECT_TRUE(contains(csv, "Certificat CE.pdf (SHA-256 " + document_sha + ")"));
    EXPECT_TRUE(contains(csv, "Biotech Ltd"));

    // LibreOffice Calc in French reads the columns, numbers as numbers and the unit beside them.
    const json rows = csv_as_french_calc_reads_it(csv);
    ASSERT_GT(rows.size(), 2u);
    EXPECT_EQ(rows[0][7], "Réponse");
    EXPECT_EQ(rows[0][8], "Unité");
    std::map<std::string, json> medica_rows;
    for (const auto& row : rows)
        if (row[1] == "Médica Santé SA") medica_rows[row[5].get<std::string>()] = row;
    ASSERT_TRUE(medica_rows.count("dispositif.ecran_taille"));
    EXPECT_EQ(medica_rows["dispositif.ecran_taille"][7], 1234.5);
    EXPECT_EQ(medica_rows["dispositif.ecran_taille"][8], "pouces");
    EXPECT_EQ(medica_rows["dispositif.memoire_ram"][7], 16);
    EXPECT_EQ(medica_rows["dispositif.memoire_ram"][8], "Go");
    EXPECT_EQ(medica_rows["dispositif.marque"][7], "Sécurité Médicale");
    EXPECT_EQ(medica_rows["dispositif.marque"][9], "'=HYPERLINK(\"http://x\")");  // a text, never a formula
}

TEST_F(ExportHttp, JsonExportWithoutSecrets) {
    auto result = hospital_get(path("export.json"));
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(result->get_header_value("Content-Disposition"), "attachment; filename=\"export-echographes-2027.json\"");
    auto exported = json::parse(result->body);
    EXPECT_EQ(exported["acquisition"]["title"], "Échographes 2027");
    EXPECT_EQ(exported["questionnaire"]["id"], "afib");
    ASSERT_EQ(exported["vendors"].size(), 2u);
    EXPECT_EQ(exported["vendors"][0]["company"], "Médica Santé SA");
    EXPECT_EQ(exported["vendors"][0]["documents"][0]["sha256"], document_sha);
    EXPECT_FALSE(exported["events"].empty());
    // The hospital's evaluation (empty here): the grid, weights, reviews and opinions.
    EXPECT_TRUE(exported.contains("scoring_grid"));
    EXPECT_TRUE(exported["weights"].is_array());
    EXPECT_TRUE(exported["vendors"][0]["reviews"].is_array());
    EXPECT_TRUE(exported["vendors"][0]["opinions"].is_array());
    for (const auto& token : {medica.token, other.token}) EXPECT_FALSE(contains(result->body, token));
    EXPECT_FALSE(contains(result->body, "token_hash"));
}

TEST_F(ExportHttp, HospitalExportsRefuseVendorsAndStrangers) {
    for (const char* file : {"report.pdf", "export.csv", "export.json", "archive.zip"}) {
        EXPECT_EQ(server->client().Get(path(file))->status, 401) << file;
        EXPECT_EQ(server->api(medica.token).Get(path(file))->status, 401) << file;
        EXPECT_EQ(hospital_get("/api/v1/acquisitions/999999/" + std::string(file))->status, 404) << file;
    }
    const std::string response = "/api/v1/responses/" + std::to_string(medica.response_id) + "/report.pdf";
    EXPECT_EQ(server->client().Get(response)->status, 401);
    EXPECT_EQ(server->api(medica.token).Get(response)->status, 401);
}

TEST_F(ExportHttp, PagesOfferTheReportsAndExports) {
    // The vendor's pages need its session, opened by the secret link.
    auto link = server->client().Get(medica.url.substr(medica.url.find("/invitation/")));
    ASSERT_TRUE(link);
    const std::string vendor_cookie = "cyb_vendor=" + set_cookie(link, "cyb_vendor");
    ASSERT_GT(vendor_cookie.size(), 11u);
    auto page = server->client().Get("/vendor/review", {{"Cookie", vendor_cookie}});
    ASSERT_TRUE(page);
    EXPECT_TRUE(contains(page->body, "href=\"/api/v1/vendor/report.pdf\""));
    auto pdf = server->client().Get("/api/v1/vendor/report.pdf", {{"Cookie", vendor_cookie}});
    ASSERT_TRUE(pdf);
    EXPECT_EQ(pdf->status, 200);
    EXPECT_EQ(server->client().Get(path("export.json"), {{"Cookie", vendor_cookie}})->status, 401);

    // The hospital's session (the pages' buttons) is enough for its exports.
    const std::string hospital_cookie = hospital_session(*server);
    ASSERT_FALSE(hospital_cookie.empty());
    auto purchase_page = server->client().Get("/acquisitions/" + std::to_string(acquisition), {{"Cookie", hospital_cookie}});
    ASSERT_TRUE(purchase_page);
    EXPECT_TRUE(contains(purchase_page->body, "href=\"" + path("archive.zip") + "\""));
    for (const char* file : {"report.pdf", "export.csv", "export.json", "archive.zip"})
        EXPECT_EQ(server->client().Get(path(file), {{"Cookie", hospital_cookie}})->status, 200) << file;
    EXPECT_EQ(server->client()
                  .Get("/api/v1/responses/" + std::to_string(medica.response_id) + "/report.pdf", {{"Cookie", hospital_cookie}})
                  ->status,
              200);
}

TEST_F(ExportHttp, ConcurrentPdfRendersAreSafe) {
    // Each worker thread draws with its own pango context and fonts: renders at the same time all succeed.
    std::vector<std::thread> threads;
    std::atomic<int> good{0};
    for (int i = 0; i < 6; ++i)
        threads.emplace_back([&good, i] {
            auto result = i % 2 ? server->client().Get("/api/v1/questionnaire.pdf?lang=en")
                                : server->api(server->api_token()).Get(path("report.pdf"));
            if (result && result->status == 200 && result->body.rfind("%PDF-", 0) == 0 &&
                result->body.find("%%EOF") != std::string::npos)
                ++good;
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(good.load(), 6);
    EXPECT_EQ(server->client().Get("/healthz")->status, 200);
}
