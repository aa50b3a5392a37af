// A response loaded or saved is kept by its revision (services/response_snapshot_cache.hpp): these
// tests change it every way a response changes — through the service, through the store, with
// plain SQL as another process would — and find every load current.
#include <gtest/gtest.h>

#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

using ResponseSnapshotKept = ServiceTest;

std::string value_of(const ResponseSnapshot& snapshot, const std::string& question_id) {
    auto found = snapshot.answers.find(question_id);
    return found == snapshot.answers.end() || !found->second.value.is_string() ? "" : found->second.value.get<std::string>();
}

TEST_F(ResponseSnapshotKept, ALoadAfterASaveShowsItAndIsExactAtTheNewRevision) {
    const Id id = new_response(true);
    const SaveAnswerResult saved = save(id, kAfibText, "Moniteur X200");
    EXPECT_GE(saved.snapshot.exact_revision, 0);
    auto loaded = responses().load(id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->exact_revision, loaded->response.revision) << "kept by the save, found by the load";
    EXPECT_EQ(value_of(*loaded, kAfibText), "Moniteur X200");
    EXPECT_EQ(loaded->evaluation.missing_required, saved.snapshot.evaluation.missing_required);
    save(id, kAfibText, "Moniteur X300");
    EXPECT_EQ(value_of(responses().load(id).value(), kAfibText), "Moniteur X300");
}

TEST_F(ResponseSnapshotKept, AValueWrittenWithPlainSqlByAnotherProcessIsSeenAtTheNextLoad) {
    const Id id = new_response(true);
    save(id, kAfibText, "Avant");
    ASSERT_EQ(value_of(responses().load(id).value(), kAfibText), "Avant");
    ASSERT_TRUE(store->db->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        sql << "UPDATE answers SET value_json = '\"Écrit ailleurs\"' WHERE response_id = :id", soci::use(key);
        return {};
    }).ok());
    EXPECT_EQ(value_of(responses().load(id).value(), kAfibText), "Écrit ailleurs");
}

TEST_F(ResponseSnapshotKept, ADocumentAddedOrRemovedIsSeenAtTheNextLoad) {
    const Id id = new_response(true);
    save(id, kAfibChoice, responses().load(id)->questionnaire->find_question(kAfibChoice)->choices.front().id);
    ASSERT_TRUE(responses().load(id)->documents.empty());
    const StoredDocument added = attach(id, kAfibDocument);
    auto with = responses().load(id);
    ASSERT_EQ(with->documents.count(kAfibDocument), 1u);
    ASSERT_TRUE(responses().delete_document(id, added.id, vendor_actor(id)).ok());
    EXPECT_EQ(responses().load(id)->documents.count(kAfibDocument), 0u);
}

TEST_F(ResponseSnapshotKept, TwoServicesOverOneStoreSeeEachOthersSaves) {
    const Id id = new_response(true);
    ServiceSet other(*store, {}, {});  // another instance of a group, with its own memory
    save(id, kAfibText, "Saisi ici");
    ASSERT_EQ(value_of(other.responses.load(id).value(), kAfibText), "Saisi ici");
    auto there = other.responses.save_answer(id, kAfibText, json("Saisi là-bas"), std::nullopt, -1, vendor_actor(id));
    ASSERT_TRUE(there.ok());
    EXPECT_EQ(value_of(responses().load(id).value(), kAfibText), "Saisi là-bas");
    EXPECT_EQ(value_of(other.responses.load(id).value(), kAfibText), "Saisi là-bas");
}

TEST(ResponseSnapshotCache, KeepsOneStatePerResponseTheNewestAndDropsTheLeastRecentlyUsed) {
    ResponseSnapshotCache cache(2);
    auto state = [](const char* value) {
        auto s = std::make_shared<LoadedResponseState>();
        s->answers["q"].value = value;
        return s;
    };
    cache.store(1, 5, state("a"));
    EXPECT_EQ(cache.find(1, 4), nullptr);
    ASSERT_NE(cache.find(1, 5), nullptr);
    cache.store(1, 3, state("older"));  // an older state never replaces a newer one
    EXPECT_EQ(cache.find(1, 5)->answers.at("q").value, "a");
    cache.store(1, 6, state("b"));
    EXPECT_EQ(cache.find(1, 5), nullptr);
    EXPECT_EQ(cache.find(1, 6)->answers.at("q").value, "b");
    cache.store(2, 1, state("c"));
    ASSERT_NE(cache.find(1, 6), nullptr);  // 1 used: 2 is the least recently used
    cache.store(3, 1, state("d"));
    EXPECT_EQ(cache.entries(), 2u);
    EXPECT_EQ(cache.find(2, 1), nullptr);
    EXPECT_NE(cache.find(1, 6), nullptr);
    EXPECT_NE(cache.find(3, 1), nullptr);
    ResponseSnapshotCache off(0);
    off.store(1, 1, state("x"));
    EXPECT_EQ(off.find(1, 1), nullptr);
}

}  // namespace
}  // namespace cyberachat::services::testing
