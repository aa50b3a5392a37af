// The Excel import page: upload form, the preview report with its "apply" form, the result, a
// refusal, a locked response — with every file value escaped.
#include "web/views/xlsx_import_page.hpp"

#include <gtest/gtest.h>

using namespace cyberachat;
using namespace cyberachat::web::views;

namespace {

PageContext vendor_page(Language language) {
    PageContext context;
    context.language = language;
    context.vendor = true;
    context.csrf_token = "csrf-123";
    context.title = "Import";
    return context;
}

ImportPageView base_view() {
    ImportPageView view;
    view.subject = "Échographes 2027";
    view.upload_action = "/vendor/import";
    view.apply_action = "/vendor/import/apply";
    view.export_url = "/vendor/export.xlsx?lang=fr";
    view.back_url = "/vendor";
    return view;
}

xlsx::ImportPlan sample_plan() {
    xlsx::ImportPlan plan;
    xlsx::ImportRow imported;
    imported.sheet = "Dispositif";
    imported.row = 6;
    imported.id = "dispositif.fabricant";
    imported.question_id = imported.id;
    imported.label = "Fabricant";
    imported.cell_text = "<script>alert(1)</script>";
    imported.status = xlsx::RowStatus::imported;
    xlsx::ImportRow rejected = imported;
    rejected.row = 34;
    rejected.id = rejected.question_id = "dispositif.ecran_taille";
    rejected.cell_text = "grand";
    rejected.status = xlsx::RowStatus::rejected;
    rejected.message = {"Saisissez un nombre (par exemple 12,5).", "Enter a number (for example 12.5)."};
    plan.rows = {imported, rejected};
    plan.changes = {{"dispositif.fabricant", "<script>alert(1)</script>", ""}};
    plan.empty_rows = 160;
    return plan;
}

}  // namespace

TEST(XlsxImportPage, UploadFormWithCsrfAndDownloadLink) {
    const std::string html = render_import_page(vendor_page(Language::fr), base_view());
    EXPECT_NE(html.find("action=\"/vendor/import\""), std::string::npos);
    EXPECT_NE(html.find("enctype=\"multipart/form-data\""), std::string::npos);
    EXPECT_NE(html.find("name=\"_csrf\" value=\"csrf-123\""), std::string::npos);
    EXPECT_NE(html.find("id=\"xlsx-file\""), std::string::npos);
    EXPECT_NE(html.find("href=\"/vendor/export.xlsx?lang=fr\""), std::string::npos);
    EXPECT_EQ(html.find("import-report"), std::string::npos);
}

TEST(XlsxImportPage, PreviewListsEveryRowAndOffersToApply) {
    const xlsx::ImportPlan plan = sample_plan();
    ImportPageView view = base_view();
    view.plan = &plan;
    view.token = "tok-1";
    view.file_name = "reponses.xlsx";
    const std::string html = render_import_page(vendor_page(Language::en), view);
    EXPECT_NE(html.find("data-id=\"dispositif.fabricant\" data-status=\"imported\""), std::string::npos);
    EXPECT_NE(html.find("data-id=\"dispositif.ecran_taille\" data-status=\"rejected\""), std::string::npos);
    EXPECT_NE(html.find("Enter a number (for example 12.5)."), std::string::npos);
    EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);  // file values are escaped
    EXPECT_NE(html.find("action=\"/vendor/import/apply\""), std::string::npos);
    EXPECT_NE(html.find("name=\"token\" value=\"tok-1\""), std::string::npos);
    EXPECT_NE(html.find("Answers that will be saved: 1"), std::string::npos);
    EXPECT_NE(html.find("Empty rows (nothing to do): 160"), std::string::npos);
    EXPECT_EQ(html.find("id=\"xlsx-file\""), std::string::npos);  // no second upload form under a preview
}

TEST(XlsxImportPage, ResultRefusalAndLockedResponse) {
    const xlsx::ImportPlan plan = sample_plan();
    ImportPageView applied = base_view();
    applied.plan = &plan;
    applied.applied = true;
    applied.saved = 1;
    const std::string done = render_import_page(vendor_page(Language::fr), applied);
    EXPECT_NE(done.find("Import effectué"), std::string::npos);
    EXPECT_NE(done.find("id=\"import-result\""), std::string::npos);
    EXPECT_EQ(done.find("apply-import"), std::string::npos);

    ImportPageView refused = base_view();
    refused.error = "Ce fichier n'est pas un classeur Excel (.xlsx).";
    const std::string error = render_import_page(vendor_page(Language::fr), refused);
    EXPECT_NE(error.find("role=\"alert\""), std::string::npos);
    EXPECT_NE(error.find("id=\"xlsx-file\""), std::string::npos);

    ImportPageView locked = base_view();
    locked.submitted = true;
    const std::string submitted = render_import_page(vendor_page(Language::fr), locked);
    EXPECT_EQ(submitted.find("id=\"xlsx-file\""), std::string::npos);
    EXPECT_NE(submitted.find("soumise"), std::string::npos);
}
