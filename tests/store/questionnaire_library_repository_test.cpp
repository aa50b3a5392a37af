// The questionnaire library's rows: stored with their composed questionnaire in one journalled
// transaction, one (questionnaire id, version) per instance, never an identical text twice.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

class StoreQuestionnaireLibrary : public StoreTest {};

LibraryVersion extension_entry(const std::string& version, Id base) {
    LibraryVersion entry;
    entry.questionnaire_id = "afib";
    entry.version = version;
    entry.kind = "extension";
    entry.base_version_id = base;
    entry.title = "Questionnaire AFIB — CHU d'exemple";
    entry.grid_id = "afib-grid";
    entry.grid_version = version;
    entry.grid_yaml = "grid: {id: afib-grid}\n";
    entry.source = "extension:\n  version: \"" + version + "\"\n";
    entry.file_name = "extension.yaml";
    return entry;
}

TEST_F(StoreQuestionnaireLibrary, AVersionIsStoredWithItsQuestionnaireAndJournalled) {
    auto base = store->questionnaires.ensure("afib", "2024.3", "questionnaire: {id: afib}\n");
    ASSERT_TRUE(base.ok());
    const Actor lead("user:lead@chu.test", Via::page);
    auto added = store->questionnaire_library.add(extension_entry("2024.3-chu.1", base->id), "questionnaire: {id: afib, v: 1}\n", lead);
    ASSERT_TRUE(added.ok()) << added.error().message.fr;
    EXPECT_GT(added->questionnaire_version_id, base->id);
    auto version = store->questionnaires.find(added->questionnaire_version_id);
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(version->version, "2024.3-chu.1");
    EXPECT_EQ(version->yaml, "questionnaire: {id: afib, v: 1}\n");

    auto listed = store->questionnaire_library.list();
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    const LibraryVersion& row = listed->front();
    EXPECT_EQ(row.base_version_id, base->id);
    EXPECT_EQ(row.grid_yaml, "grid: {id: afib-grid}\n");
    EXPECT_EQ(row.source, "extension:\n  version: \"2024.3-chu.1\"\n");
    EXPECT_EQ(row.file_name, "extension.yaml");
    EXPECT_FALSE(row.created_at.empty());
    EXPECT_EQ(store->questionnaire_library.for_version(added->questionnaire_version_id)->id, row.id);
    EXPECT_EQ(store->questionnaire_library.for_version(base->id).error().code, ErrorCode::not_found) << "built-in";

    auto events = store->events.list("questionnaire", added->questionnaire_version_id);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ(events->front().action, "add_version");
    EXPECT_NE(events->front().new_value.find("2024.3-chu.1"), std::string::npos);
}

TEST_F(StoreQuestionnaireLibrary, AVersionNumberOrATextAlreadyThereIsRefusedAndNothingWritten) {
    auto base = store->questionnaires.ensure("afib", "2024.3", "questionnaire: {id: afib}\n");
    ASSERT_TRUE(base.ok());
    const Actor lead("user:lead@chu.test", Via::page);
    auto same_as_builtin = store->questionnaire_library.add(extension_entry("2024.3", base->id), "other text\n", lead);
    ASSERT_FALSE(same_as_builtin.ok());
    EXPECT_EQ(same_as_builtin.error().code, ErrorCode::conflict);
    ASSERT_TRUE(store->questionnaire_library.add(extension_entry("2024.3-chu.1", base->id), "text one\n", lead).ok());
    auto again = store->questionnaire_library.add(extension_entry("2024.3-chu.1", base->id), "text two\n", lead);
    EXPECT_EQ(again.error().code, ErrorCode::conflict);
    auto identical = store->questionnaire_library.add(extension_entry("2024.3-chu.2", base->id), "text one\n", lead);
    EXPECT_EQ(identical.error().code, ErrorCode::conflict);
    EXPECT_EQ(store->questionnaire_library.list()->size(), 1u);
}

TEST_F(StoreQuestionnaireLibrary, PurchasesAreCountedByTheirVersion) {
    auto base = store->questionnaires.ensure("afib", "2024.3", "questionnaire: {id: afib}\n");
    ASSERT_TRUE(base.ok());
    EXPECT_TRUE(store->questionnaire_library.purchases_by_version()->empty());
    Acquisition purchase;
    purchase.title = "Moniteurs";
    purchase.questionnaire_version_id = base->id;
    ASSERT_TRUE(store->acquisitions.create(purchase, Actor("system")).ok());
    ASSERT_TRUE(store->acquisitions.create(purchase, Actor("system")).ok());
    EXPECT_EQ(store->questionnaire_library.purchases_by_version()->at(base->id), 2);
}

}  // namespace
}  // namespace cyberachat::store::testing

namespace cyberachat::store::testing {
namespace {

TEST_F(StoreQuestionnaireLibrary, APurchaseIsPinnedToItsOwnVersionAndGridInOneJournalledTransaction) {
    auto base = store->questionnaires.ensure("afib", "2024.3", "questionnaire: {id: afib}\n");
    ASSERT_TRUE(base.ok());
    Acquisition purchase;
    purchase.title = "Moniteurs";
    purchase.questionnaire_version_id = base->id;
    auto created = store->acquisitions.create(purchase, Actor("system"));
    ASSERT_TRUE(created.ok());
    ASSERT_TRUE(store->scoring_grids.attach(created->id, "afib-grid", "2024.3-1", "grid: base\n", Actor("system")).ok());
    const Actor lead("user:lead@chu.test", Via::api);
    auto pinned = store->questionnaire_library.pin_purchase(created->id, "afib", "2024.3+achat.1", "questionnaire: own\n",
                                                           "afib-grid", "2024.3+achat.1", "grid: own\n", lead);
    ASSERT_TRUE(pinned.ok()) << pinned.error().message.fr;
    EXPECT_EQ(store->acquisitions.find(created->id)->questionnaire_version_id, pinned->id);
    EXPECT_EQ(store->scoring_grids.for_acquisition(created->id)->yaml, "grid: own\n");
    EXPECT_TRUE(store->questionnaire_library.list()->empty()) << "not in the library";
    auto events = store->events.list("acquisition", created->id);
    ASSERT_TRUE(events.ok());
    EXPECT_EQ(events->front().action, "questionnaire");
    EXPECT_NE(events->front().old_value.find("2024.3"), std::string::npos);
    EXPECT_NE(events->front().new_value.find("2024.3+achat.1"), std::string::npos);

    // The same version number again: refused, and nothing moved.
    auto again = store->questionnaire_library.pin_purchase(created->id, "afib", "2024.3+achat.1", "questionnaire: other\n",
                                                          "", "", "", lead);
    EXPECT_EQ(again.error().code, ErrorCode::conflict);
    EXPECT_EQ(store->scoring_grids.for_acquisition(created->id)->yaml, "grid: own\n");
    EXPECT_EQ(store->questionnaire_library.pin_purchase(999999, "afib", "x", "y\n", "", "", "", lead).error().code,
              ErrorCode::not_found);
}

TEST_F(StoreQuestionnaireLibrary, TheQuestionsAddedToAPurchaseAreKeptWithTheirTimeAfterTheVendorsOpening) {
    auto base = store->questionnaires.ensure("afib", "2024.3", "questionnaire: {id: afib}\n");
    ASSERT_TRUE(base.ok());
    Acquisition purchase;
    purchase.title = "Pousse-seringues";
    purchase.questionnaire_version_id = base->id;
    auto created = store->acquisitions.create(purchase, Actor("system"));
    ASSERT_TRUE(created.ok());
    auto response = store->responses.create(make_response(created->id), Actor("system"));
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->opened_at, "") << "not opened yet";
    auto opened = store->responses.mark_opened(response->id);
    ASSERT_TRUE(opened.ok());
    ASSERT_EQ(opened->opened_at.size(), 24u) << opened->opened_at;  // "2026-12-02T10:15:00.123Z"
    EXPECT_EQ(store->responses.mark_opened(response->id)->opened_at, opened->opened_at) << "the first opening stays";
    EXPECT_EQ(store->responses.find(response->id)->opened_at, opened->opened_at);
    EXPECT_EQ(store->responses.mark_opened(999999).error().code, ErrorCode::not_found);

    // The questions are added later than the opening; both times have millisecond precision, so
    // wait past the opening's millisecond (a fast machine does both within one, as CI once did).
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const Actor lead("user:lead@chu.test", Via::page);
    ASSERT_TRUE(store->questionnaire_library.pin_purchase(created->id, "afib", "2024.3-achat.1", "questionnaire: 1\n", "", "",
                                                          "", lead, {"achat.q1"}).ok());
    ASSERT_TRUE(store->questionnaire_library.pin_purchase(created->id, "afib", "2024.3-achat.2", "questionnaire: 2\n", "", "",
                                                          "", lead, {"achat.q1", "achat.q2"}).ok());
    auto added = store->questionnaire_library.added_questions(created->id);
    ASSERT_TRUE(added.ok());
    ASSERT_EQ(added->size(), 2u);
    EXPECT_EQ((*added)[0].question_id, "achat.q1");
    EXPECT_EQ((*added)[1].question_id, "achat.q2");
    EXPECT_LE((*added)[0].added_at, (*added)[1].added_at) << "q1 keeps its first time";
    EXPECT_GT((*added)[0].added_at, opened->opened_at);
    EXPECT_EQ((*added)[0].added_by, "user:lead@chu.test");
    EXPECT_EQ(questions_new_to(*store->responses.find(response->id), *added), (std::set<std::string>{"achat.q1", "achat.q2"}));
    EXPECT_TRUE(store->questionnaire_library.added_questions(999999)->empty());

    // Deleting the purchase takes them with it.
    ASSERT_TRUE(store->acquisitions.remove(created->id, lead).ok());
    EXPECT_TRUE(store->questionnaire_library.added_questions(created->id)->empty());
}

}  // namespace
}  // namespace cyberachat::store::testing
