// `cyberachat migrate-store`'s copy (store/store_copy.hpp): a SQLite instance with everything a
// hospital keeps, copied into an empty store of the engine under test (SQLite, or PostgreSQL on the
// pg run) — the same records, ids, revisions and document bytes; sessions dropped; then checked.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "store/journal_chain.hpp"
#include "store/store_copy.hpp"
#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace store_copy_test {

using StoreCopy = StoreTest;

const std::string& kPdf = kMinimalPdf;

// A SQLite instance as a hospital leaves it: accounts, a token, a purchase with its grid and a
// weight, two vendors with answers (one revised), a document, a review, an opinion, a session.
struct SourceInstance {
    TempDir dir;
    std::shared_ptr<Store> store;
    Id acquisition_id = 0, response_id = 0, document_id = 0;
    std::string document_path;

    SourceInstance() {
        auto opened = Store::open((dir.path() / "data").string());
        if (!opened) throw std::runtime_error(opened.error().message.in(Language::en));
        store = *opened;
        User user;
        user.email = "bio@chu.test";
        user.role = Role::biomedical;
        user.password_hash = "$argon2id$fake";
        const Id user_id = store->users.create(user, "system").value().id;
        (void)store->api_tokens.create(user_id, std::string(64, 'a'), "script", "user:bio@chu.test").value();
        Acquisition acquisition;
        acquisition.title = "Moniteurs de surveillance";
        acquisition.title_en = "Patient monitors";
        acquisition.questionnaire_version_id = store->questionnaires.ensure("afib", "2024.1", "id: afib\n").value().id;
        acquisition.created_by = user_id;
        acquisition_id = store->acquisitions.create(acquisition, "user:bio@chu.test").value().id;
        (void)store->scoring_grids.attach(acquisition_id, "afib-grid", "1", "id: afib-grid\n", "system").value();
        if (!store->scoring_grids.set_weight(acquisition_id, "q1", 2.5, "user:bio@chu.test")) throw std::runtime_error("weight");
        for (const char* company : {"Medica", "Sanitas"}) {
            VendorResponse response;
            response.acquisition_id = acquisition_id;
            response.company = company;
            response.invite_token_hash = std::string(64, company[0] == 'M' ? 'm' : 's');
            response_id = store->responses.create(response, "user:bio@chu.test").value().id;
            (void)store->responses.save_answer(response_id, "q1", "oui", "", -1, "vendor:1").value();
            (void)store->responses.save_answer(response_id, "q1", "non", "revu", -1, "vendor:1").value();
            (void)store->responses.save_answer(response_id, "q2", 42, "", -1, "vendor:1").value();
        }
        auto document = store->documents.add(response_id, "q3", "schéma réseau.pdf", kPdf, "vendor:2").value();
        document_id = document.id;
        document_path = document.storage_path;
        Review review;
        review.response_id = response_id;
        review.question_id = "q1";
        review.status = "clarification";
        review.vendor_question = "Quelle version ?";
        review.author_role = "it";
        (void)store->reviews.add(review, "user:rssi@chu.test").value();
        Opinion opinion{response_id, "it", "favourable_with_reservations", "Sous réserve", "user:rssi@chu.test", ""};
        (void)store->reviews.set_opinion(opinion, "user:rssi@chu.test").value();
        Session session;
        session.token_hash = std::string(64, 'c');
        session.kind = "user";
        session.subject_id = user_id;
        session.csrf_token = "csrf";
        if (!store->sessions.create(session)) throw std::runtime_error("session");
    }
};

long long rows_in(Store& store, const std::string& table) {
    long long count = 0;
    EXPECT_TRUE(store.db->read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM " + table, soci::into(count); }).ok());
    return count;
}

TEST_F(StoreCopy, CopiesEveryRecordWithItsIdsRevisionsAndDocuments) {
    SourceInstance source;
    auto copied = copy_store(*source.store, *store, "system:migrate-store");
    ASSERT_TRUE(copied.ok()) << copied.error().message.in(Language::en);
    EXPECT_EQ(copied->documents, 1);
    EXPECT_EQ(copied->document_bytes, static_cast<long long>(kPdf.size()));
    for (const auto& [table, rows] : copied->rows) EXPECT_EQ(rows, rows_in(*source.store, table)) << table;
    for (const std::string& table : copied_tables()) {
        if (table != "events") EXPECT_EQ(rows_in(*store, table), rows_in(*source.store, table)) << table;
    }
    // The journal: every source event, plus the copy's own.
    EXPECT_EQ(rows_in(*store, "events"), rows_in(*source.store, "events") + 1);
    auto migrate = store->events.list("store", 0).value();
    ASSERT_EQ(migrate.size(), 1u);
    EXPECT_EQ(migrate[0].action, "migrate");
    EXPECT_EQ(nlohmann::json::parse(migrate[0].new_value)["documents"], 1);
    // Sessions are not copied: everyone logs in again.
    EXPECT_EQ(rows_in(*store, "sessions"), 0);

    auto acquisition = store->acquisitions.find(source.acquisition_id);
    ASSERT_TRUE(acquisition.ok());
    EXPECT_EQ(acquisition->title, "Moniteurs de surveillance");
    EXPECT_EQ(acquisition->title_en, "Patient monitors");
    auto answer = store->responses.answer(source.response_id, "q1");
    ASSERT_TRUE(answer.ok());
    EXPECT_EQ(answer->value, "non");
    EXPECT_EQ(answer->comment, "revu");
    EXPECT_EQ(answer->revision, source.store->responses.answer(source.response_id, "q1")->revision);
    EXPECT_EQ(store->responses.answer(source.response_id, "q2")->value, 42);
    auto weights = store->scoring_grids.weights(source.acquisition_id).value();
    ASSERT_EQ(weights.size(), 1u);
    EXPECT_DOUBLE_EQ(weights[0].weight, 2.5);
    EXPECT_EQ(store->reviews.list_for(source.response_id).value().at(0).vendor_question, "Quelle version ?");
    EXPECT_EQ(store->reviews.opinions(source.response_id).value().at(0).verdict, "favourable_with_reservations");
    // A vendor's link keeps working; the API token too.
    EXPECT_TRUE(store->responses.find_by_token_hash(std::string(64, 'm')).ok());
    EXPECT_TRUE(store->api_tokens.find_user(std::string(64, 'a')).ok());

    auto document = store->documents.find(source.document_id);
    ASSERT_TRUE(document.ok());
    EXPECT_EQ(document->file_name, "schéma réseau.pdf");
    EXPECT_EQ(*store->documents.read_bytes(*document), kPdf);
    EXPECT_TRUE(stored_bytes_exist(document->storage_path));

    // New records continue after the copied ids.
    Acquisition next;
    next.title = "Après la copie";
    auto created = store->acquisitions.create(next, "user:bio@chu.test");
    ASSERT_TRUE(created.ok()) << created.error().message.in(Language::en);
    EXPECT_GT(created->id, source.acquisition_id);
}

// The events are copied with their links, then the copy's own event chains onto the last one.
TEST_F(StoreCopy, TheCopiedJournalStillVerifies) {
    SourceInstance source;
    auto copied = copy_store(*source.store, *store, "system:migrate-store");
    ASSERT_TRUE(copied.ok()) << copied.error().message.in(Language::en);
    auto before = verify_journal(*source.store);
    auto after = verify_journal(*store);
    ASSERT_TRUE(before.ok() && after.ok());
    EXPECT_TRUE(after->intact()) << after->broken_event_id;
    EXPECT_EQ(after->chained, before->chained + 1);
    EXPECT_EQ(after->chained, rows_in(*store, "events"));
    EXPECT_EQ(after->last_event_id, store->events.list("store", 0).value().at(0).id);
    make_acquisition("Après la copie");  // and the next ones after it
    after = verify_journal(*store);
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after->intact()) << after->broken_event_id;
    EXPECT_EQ(after->chained, rows_in(*store, "events"));
}

TEST_F(StoreCopy, RefusesATargetThatHoldsData) {
    SourceInstance source;
    make_acquisition();
    auto copied = copy_store(*source.store, *store, "system:migrate-store");
    ASSERT_FALSE(copied.ok());
    EXPECT_EQ(copied.error().code, ErrorCode::conflict);
    EXPECT_EQ(rows_in(*store, "responses"), 0);
}

TEST_F(StoreCopy, AnAlteredDocumentStopsTheCopyAndLeavesTheTargetEmpty) {
    SourceInstance source;
    std::ofstream(source.dir.path() / "data" / source.document_path, std::ios::app) << "altéré";
    auto copied = copy_store(*source.store, *store, "system:migrate-store");
    ASSERT_FALSE(copied.ok());
    EXPECT_EQ(copied.error().code, ErrorCode::corrupt);
    EXPECT_NE(copied.error().message.fr.find("schéma réseau.pdf"), std::string::npos) << copied.error().message.fr;
    for (const std::string& table : copied_tables()) EXPECT_EQ(rows_in(*store, table), 0) << table;
    EXPECT_EQ(stored_bytes_count(), 0u);
}

// A later migration that adds a table must say whether migrate-store copies it.
TEST_F(StoreCopy, EveryTableOfTheSchemaIsCopiedOrDeclaredTransient) {
    std::vector<std::string> tables;
    ASSERT_TRUE(store->db->read([&](soci::session& sql) {
        const std::string query = testing_on_postgresql()
                                      ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                                      : "SELECT name FROM sqlite_master WHERE type = 'table'";
        soci::rowset<std::string> rows = (sql.prepare << query);
        for (const auto& table : rows) tables.push_back(table);
    }).ok());
    ASSERT_FALSE(tables.empty());
    for (const auto& table : tables) {
        const bool copied = std::count(copied_tables().begin(), copied_tables().end(), table) == 1;
        const bool transient = std::count(transient_tables().begin(), transient_tables().end(), table) == 1;
        EXPECT_TRUE(copied != transient) << table;
    }
}

}  // namespace store_copy_test
}  // namespace cyberachat::store::testing
