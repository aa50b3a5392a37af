// Saving several answers in one transaction (the Excel import): all or nothing, one summary event.
#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreAnswerBatch = StoreTest;

TEST_F(StoreAnswerBatch, SavesAllAnswersAndOneSummaryEvent) {
    const VendorResponse response = make_response(make_acquisition().id, "Acme Medical");
    ASSERT_TRUE(store->responses.save_answer(response.id, "q.a", "avant", "", -1, "vendor:1").ok());
    const std::vector<AnswerChange> changes = {
        {"q.a", "après", "commentaire"},
        {"q.b", 12.5, ""},
        {"q.c", nullptr, ""},  // never answered, nothing to store
    };
    auto saved = store->responses.save_answers(response.id, changes, "import_xlsx", {{"imported", 2}}, "user:bio@chu.test");
    ASSERT_TRUE(saved.ok()) << saved.error().message.fr;
    ASSERT_EQ(saved->size(), 3u);
    EXPECT_TRUE((*saved)[0].changed);
    EXPECT_EQ((*saved)[0].answer.revision, 2);
    EXPECT_TRUE((*saved)[1].changed);
    EXPECT_FALSE((*saved)[2].changed);

    auto a = store->responses.answer(response.id, "q.a");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->value, "après");
    EXPECT_EQ(a->comment, "commentaire");
    EXPECT_EQ(a->updated_by, "user:bio@chu.test");
    EXPECT_EQ(store->responses.answer(response.id, "q.b")->value, 12.5);
    EXPECT_FALSE(store->responses.answer(response.id, "q.c"));

    auto events = store->events.list("response", response.id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].action, "import_xlsx");
    EXPECT_EQ(nlohmann::json::parse(events[0].new_value)["imported"], 2);
}

// An import planned against revision N of an answer that someone saved meanwhile (N+1) is refused
// as a whole: the newer answer is not overwritten, and nothing else of the batch is written.
TEST_F(StoreAnswerBatch, AnImportedValueKeepsItsSourceUntilTheValueChanges) {
    const VendorResponse response = make_response(make_acquisition().id, "Acme Medical");
    const std::string source = R"({"kind":"mds2","file":"mds2.xlsx","sha256":"ab","lines":["MLDP-2"]})";
    AnswerChange imported{"q.a", "oui", ""};
    imported.source = source;
    ASSERT_TRUE(store->responses.save_answers(response.id, {imported}, "import_mds2", {}, "vendor:1").ok());
    EXPECT_EQ(store->responses.answer(response.id, "q.a")->source, source);
    EXPECT_EQ(store->responses.answers(response.id)->front().source, source);
    // A comment added by hand keeps where the value came from; a new value typed clears it.
    ASSERT_TRUE(store->responses.save_answer(response.id, "q.a", "oui", "vu", -1, "vendor:1").ok());
    EXPECT_EQ(store->responses.answer(response.id, "q.a")->source, source);
    ASSERT_TRUE(store->responses.save_answer(response.id, "q.a", "non", "vu", -1, "vendor:1").ok());
    EXPECT_EQ(store->responses.answer(response.id, "q.a")->source, "");
}

TEST_F(StoreAnswerBatch, AnAnswerChangedSinceThePlanFailsTheWholeBatch) {
    const VendorResponse response = make_response(make_acquisition().id, "Acme Medical");
    ASSERT_TRUE(store->responses.save_answer(response.id, "q.a", "vu dans l'aperçu", "", -1, "vendor:1").ok());  // revision 1
    ASSERT_TRUE(store->responses.save_answer(response.id, "q.a", "enregistré entre-temps", "", 1, "vendor:2").ok());  // revision 2
    std::vector<AnswerChange> changes = {{"q.b", "nouvelle", "", 0}, {"q.a", "du fichier", "", 1}};
    auto saved = store->responses.save_answers(response.id, changes, "import_xlsx", {}, "vendor:1");
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::conflict);
    EXPECT_EQ(store->responses.answer(response.id, "q.a")->value, "enregistré entre-temps");
    EXPECT_FALSE(store->responses.answer(response.id, "q.b"));
    // Planned against the current revision, the same import goes through.
    changes[1].base_revision = 2;
    ASSERT_TRUE(store->responses.save_answers(response.id, changes, "import_xlsx", {}, "vendor:1").ok());
    EXPECT_EQ(store->responses.answer(response.id, "q.a")->value, "du fichier");
}

TEST_F(StoreAnswerBatch, NothingIsSavedWhenOneAnswerFails) {
    const VendorResponse response = make_response(make_acquisition().id, "Acme Medical");
    const std::vector<AnswerChange> changes = {{"q.a", "un", ""}, {"", "sans question", ""}};
    auto refused = store->responses.save_answers(response.id, changes, "import_xlsx", {}, "vendor:1");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_value);
    EXPECT_FALSE(store->responses.answer(response.id, "q.a"));

    auto unknown = store->responses.save_answers(response.id + 100, {{"q.a", "un", ""}}, "import_xlsx", {}, "vendor:1");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, ErrorCode::not_found);

    // A value that is not valid UTF-8 fails the whole batch before anything is written.
    auto bad = store->responses.save_answers(response.id, {{"q.a", "ok", ""}, {"q.b", std::string("\xff\xfe"), ""}},
                                             "import_xlsx", {}, "vendor:1");
    ASSERT_FALSE(bad.ok());
    EXPECT_FALSE(store->responses.answer(response.id, "q.a"));
}

}  // namespace
}  // namespace cyberachat::store::testing
