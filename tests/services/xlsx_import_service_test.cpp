// XlsxImportService: a response's workbook, and the import of a filled workbook — the preview
// saves nothing, "apply" saves the accepted rows in one transaction with one event — and the
// uploads kept between the preview and "apply" (PendingUploads).
#include "services/xlsx_import_service.hpp"

#include <thread>

#include "outputs/xlsx/questionnaire_workbook.hpp"
#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

class XlsxImportServiceTest : public ServiceTest {
protected:
    XlsxImportService& xlsx_service() { return services->xlsx; }

    // The workbook a vendor sends back: the response's questionnaire filled with `answers`.
    std::string filled_workbook(Id response_id, const AnswerSet& answers) {
        auto snapshot = responses().load(response_id);
        EXPECT_TRUE(snapshot.ok());
        xlsx::FilledAnswers filled;
        filled.response_id = response_id;
        filled.company = snapshot->response.company;
        filled.answers = answers;
        auto bytes = xlsx::write_questionnaire_workbook(*snapshot->questionnaire, Language::fr, &filled);
        EXPECT_TRUE(bytes.ok()) << bytes.error().message.in(Language::en);
        return bytes.ok() ? *bytes : std::string();
    }

    Result<ImportOutcome> import(Id response_id, const std::string& bytes, bool apply) {
        return xlsx_service().import(response_id, bytes, apply, Language::fr, "reponse.xlsx", vendor_actor(response_id));
    }
};

TEST_F(XlsxImportServiceTest, ExportIsAWorkbookOfTheResponse) {
    const Id id = new_response();
    save(id, "p.gate", "oui");
    auto bytes = xlsx_service().export_response(id, Language::fr);
    ASSERT_TRUE(bytes.ok()) << bytes.error().message.in(Language::en);
    EXPECT_EQ(bytes->substr(0, 2), "PK");
    // Imported back as it is, it changes nothing.
    auto outcome = import(id, *bytes, true);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.in(Language::en);
    EXPECT_TRUE(outcome->plan.changes.empty());
    EXPECT_EQ(outcome->plan.count(xlsx::RowStatus::unchanged), 1u);
    EXPECT_EQ(outcome->saved, 0u);
    EXPECT_EQ(outcome->plan.workbook_response_id, id);
    EXPECT_ERROR_CODE(xlsx_service().export_response(id + 100, Language::fr), "not_found");
}

TEST_F(XlsxImportServiceTest, PreviewSavesNothing) {
    const Id id = new_response();
    const std::string bytes = filled_workbook(id, {{"p.gate", Answer{"oui", ""}}, {"p.detail", Answer{"Un détail", "Note"}}});
    auto outcome = import(id, bytes, false);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.in(Language::en);
    EXPECT_FALSE(outcome->applied);
    EXPECT_EQ(outcome->plan.changes.size(), 2u);
    EXPECT_EQ(outcome->plan.count(xlsx::RowStatus::imported), 2u);
    EXPECT_EQ(outcome->saved, 0u);
    EXPECT_TRUE(store->responses.answers(id).value().empty());
    for (const Event& event : store->events.list_all(1000).value()) EXPECT_NE(event.action, "import_xlsx");
}

TEST_F(XlsxImportServiceTest, ApplySavesTheAcceptedRowsWithOneEvent) {
    const Id id = new_response();
    save(id, "p.gate", "non");
    const std::string bytes = filled_workbook(id, {{"p.gate", Answer{"oui", ""}}, {"p.detail", Answer{"Un détail", "Note"}}});
    auto outcome = import(id, bytes, true);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.in(Language::en);
    EXPECT_TRUE(outcome->applied);
    EXPECT_EQ(outcome->saved, 2u);
    EXPECT_EQ(store->responses.answer(id, "p.gate")->value, "oui");
    EXPECT_EQ(store->responses.answer(id, "p.gate")->revision, 2);
    EXPECT_EQ(store->responses.answer(id, "p.detail")->value, "Un détail");
    EXPECT_EQ(store->responses.answer(id, "p.detail")->comment, "Note");
    size_t imports = 0;
    for (const Event& event : store->events.list_all(1000).value()) imports += event.action == "import_xlsx" ? 1 : 0;
    EXPECT_EQ(imports, 1u);
}

TEST_F(XlsxImportServiceTest, RejectedRowsAreReportedAndNotSaved) {
    const Id id = new_response();
    // A value the workbook's validation would refuse, typed anyway.
    const std::string bytes = filled_workbook(id, {{"p.gate", Answer{"peut-être", ""}}});
    auto outcome = import(id, bytes, true);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.in(Language::en);
    EXPECT_EQ(outcome->plan.count(xlsx::RowStatus::rejected), 1u);
    EXPECT_EQ(outcome->saved, 0u);
    EXPECT_FALSE(store->responses.answer(id, "p.gate"));
}

TEST_F(XlsxImportServiceTest, ImportErrors) {
    wire({}, XlsxLimits{64, 64u * 1024 * 1024});
    const Id id = new_response();
    EXPECT_ERROR_CODE(import(id, std::string(65, 'x'), false), "too_large");
    EXPECT_ERROR_CODE(import(id, "", false), "not_xlsx");
    EXPECT_ERROR_CODE(import(id, "ceci n'est pas un classeur", false), "not_xlsx");
    EXPECT_ERROR_CODE(import(id + 100, "abc", false), "not_found");
    EXPECT_EQ(xlsx_service().limits().max_upload_bytes, 64u);

    wire();
    const Id submitted = submitted_response();
    EXPECT_ERROR_CODE(import(submitted, filled_workbook(submitted, {{"p.gate", Answer{"oui", ""}}}), true), "submitted");
    EXPECT_EQ(store->responses.answer(submitted, "p.gate")->value, "non");

    // A workbook of another questionnaire.
    const Id afib = new_response(true);
    auto afib_bytes = xlsx_service().export_response(afib, Language::fr);
    ASSERT_TRUE(afib_bytes.ok());
    EXPECT_ERROR_CODE(import(id, *afib_bytes, true), "wrong_version");
    EXPECT_TRUE(store->responses.answers(id).value().empty());
}

TEST(PendingUploadsTest, AnUploadIsFoundByItsTokenForItsResponseOnly) {
    PendingUploads uploads;
    const std::string token = uploads.put(7, "bytes", "reponse.xlsx");
    EXPECT_GE(token.size(), 24u);
    auto found = uploads.find(token, 7);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->bytes, "bytes");
    EXPECT_EQ(found->file_name, "reponse.xlsx");
    EXPECT_TRUE(uploads.find(token, 7));  // stays until removed
    EXPECT_FALSE(uploads.find(token, 8));
    EXPECT_FALSE(uploads.find("unknown", 7));
    uploads.remove(token);
    EXPECT_FALSE(uploads.find(token, 7));
}

TEST(PendingUploadsTest, TheOldestGoFirstBeyondTheLimits) {
    PendingUploads by_count(2, 1000);
    const std::string first = by_count.put(1, "a", "1.xlsx");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const std::string second = by_count.put(1, "b", "2.xlsx");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const std::string third = by_count.put(1, "c", "3.xlsx");
    EXPECT_FALSE(by_count.find(first, 1));
    EXPECT_TRUE(by_count.find(second, 1));
    EXPECT_TRUE(by_count.find(third, 1));

    PendingUploads by_size(10, 10);
    const std::string big = by_size.put(1, std::string(6, 'x'), "big.xlsx");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const std::string other = by_size.put(1, std::string(6, 'y'), "other.xlsx");
    EXPECT_FALSE(by_size.find(big, 1));
    EXPECT_TRUE(by_size.find(other, 1));
}

TEST(PendingUploadsTest, AnUploadExpires) {
    PendingUploads uploads(4, 1000, std::chrono::minutes(0));
    const std::string token = uploads.put(1, "a", "a.xlsx");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    EXPECT_FALSE(uploads.find(token, 1));
}

}  // namespace
}  // namespace cyberachat::services::testing
