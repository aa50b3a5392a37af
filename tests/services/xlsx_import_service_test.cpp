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

// The previews wait in the database (store::PendingUploadRepository, tested on its own in
// tests/store/pending_upload_repository_test.cpp); the page holds a token of which only the
// SHA-256 is stored.
class PendingUploadsTest : public ServiceTest {
protected:
    PendingUploads uploads(store::PendingUploadLimits limits = {}) { return PendingUploads(store->pending_uploads, limits); }
};

TEST_F(PendingUploadsTest, AnUploadIsFoundByItsTokenForItsResponseOnly) {
    PendingUploads pending = uploads();
    const std::string token = pending.put(7, "bytes", "reponse.xlsx").value();
    EXPECT_GE(token.size(), 24u);
    auto found = pending.find(token, 7);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->bytes, "bytes");
    EXPECT_EQ(found->file_name, "reponse.xlsx");
    EXPECT_TRUE(pending.find(token, 7).ok());  // stays until removed
    EXPECT_ERROR_CODE(pending.find(token, 8), "not_found");
    EXPECT_ERROR_CODE(pending.find("unknown", 7), "not_found");
    EXPECT_ERROR_CODE(pending.find("", 7), "not_found");
    ASSERT_TRUE(pending.remove(token).ok());
    EXPECT_ERROR_CODE(pending.find(token, 7), "not_found");
}

TEST_F(PendingUploadsTest, OnlyTheTokensHashIsStored) {
    PendingUploads pending = uploads();
    const std::string token = pending.put(7, "bytes", "reponse.xlsx").value();
    std::vector<std::string> hashes;
    ASSERT_TRUE(store->db->read([&](soci::session& sql) {
        std::string hash;
        soci::statement st = (sql.prepare << "SELECT token_hash FROM pending_uploads", soci::into(hash));
        st.execute();
        while (st.fetch()) hashes.push_back(hash);
    }).ok());
    EXPECT_EQ(hashes, std::vector<std::string>{security::sha256_hex(token)});
}

TEST_F(PendingUploadsTest, TheOldestGoFirstBeyondTheLimits) {
    PendingUploads by_count = uploads({2, 1000});
    const std::string first = by_count.put(1, "a", "1.xlsx").value();
    const std::string second = by_count.put(1, "b", "2.xlsx").value();
    const std::string third = by_count.put(1, "c", "3.xlsx").value();
    EXPECT_FALSE(by_count.find(first, 1).ok());
    EXPECT_TRUE(by_count.find(second, 1).ok());
    EXPECT_TRUE(by_count.find(third, 1).ok());
    ASSERT_TRUE(by_count.remove(second).ok());
    ASSERT_TRUE(by_count.remove(third).ok());

    PendingUploads by_size = uploads({10, 10});
    const std::string big = by_size.put(1, std::string(6, 'x'), "big.xlsx").value();
    const std::string other = by_size.put(1, std::string(6, 'y'), "other.xlsx").value();
    EXPECT_FALSE(by_size.find(big, 1).ok());
    EXPECT_TRUE(by_size.find(other, 1).ok());
}

TEST_F(PendingUploadsTest, AnUploadExpires) {
    PendingUploads pending = uploads({4, 1000, std::chrono::minutes(0)});
    const std::string token = pending.put(1, "a", "a.xlsx").value();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    EXPECT_ERROR_CODE(pending.find(token, 1), "not_found");
}

}  // namespace
}  // namespace cyberachat::services::testing
