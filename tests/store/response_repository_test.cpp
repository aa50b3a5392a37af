#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreResponses = StoreTest;

TEST_F(StoreResponses, CreateFindList) {
    const Acquisition acquisition = make_acquisition();
    const std::string hash = security::sha256_hex(security::random_token());
    const VendorResponse created = make_response(acquisition.id, "Acme Medical", hash);
    EXPECT_GT(created.id, 0);
    EXPECT_EQ(created.status, ResponseStatus::draft);
    EXPECT_EQ(created.email, "jeanne.martin@acme.example");
    EXPECT_FALSE(created.invited_at.empty());

    auto found = store->responses.find(created.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->acquisition_id, acquisition.id);
    EXPECT_EQ(found->company, "Acme Medical");
    EXPECT_EQ(found->contact_name, "Jeanne Martin");
    EXPECT_EQ(found->language, "fr");
    EXPECT_EQ(found->status, ResponseStatus::draft);
    EXPECT_TRUE(found->submitted_at.empty());
    EXPECT_EQ(found->invite_token_hash, hash);
    EXPECT_EQ(found->created_at, created.created_at);

    auto by_token = store->responses.find_by_token_hash(hash);
    ASSERT_TRUE(by_token);
    EXPECT_EQ(by_token->id, created.id);

    const VendorResponse other = make_response(acquisition.id, "Beta Santé");  // no link yet
    EXPECT_TRUE(other.invite_token_hash.empty());
    EXPECT_FALSE(store->responses.find_by_token_hash(""));
    auto list = store->responses.list_for(acquisition.id).value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, created.id);
    EXPECT_EQ(list[1].company, "Beta Santé");
    EXPECT_TRUE(store->responses.list_for(acquisition.id + 100).value().empty());

    auto events = store->events.list("response", created.id).value();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].action, "create");
    EXPECT_EQ(all_event_text().find(hash), std::string::npos);
}

TEST_F(StoreResponses, CreateErrors) {
    VendorResponse response;
    response.acquisition_id = 5;
    response.company = "X";
    EXPECT_EQ(store->responses.create(response, "system").error().code, ErrorCode::not_found);
    const Acquisition acquisition = make_acquisition();
    response.acquisition_id = acquisition.id;
    response.company = " ";
    EXPECT_EQ(store->responses.create(response, "system").error().code, ErrorCode::invalid_value);
    response.company = "X";
    response.language = "de";
    EXPECT_EQ(store->responses.create(response, "system").error().code, ErrorCode::invalid_value);
    response.language = "en";
    response.invite_token_hash = "same";
    ASSERT_TRUE(store->responses.create(response, "system").ok());
    EXPECT_EQ(store->responses.create(response, "system").error().code, ErrorCode::conflict);
    EXPECT_FALSE(store->responses.find(999));
}

TEST_F(StoreResponses, RegenerateAndRevokeTheLink) {
    const Acquisition acquisition = make_acquisition();
    const VendorResponse response = make_response(acquisition.id, "Acme", "first");
    ASSERT_TRUE(store->responses.set_invite_token_hash(response.id, "second", "user:b@example.org").ok());
    EXPECT_FALSE(store->responses.find_by_token_hash("first"));
    ASSERT_TRUE(store->responses.find_by_token_hash("second"));
    ASSERT_TRUE(store->responses.set_invite_token_hash(response.id, "", "user:b@example.org").ok());
    EXPECT_FALSE(store->responses.find_by_token_hash("second"));
    EXPECT_TRUE(store->responses.find(response.id)->invite_token_hash.empty());

    // Several revoked responses coexist (NULL, not a duplicate empty string).
    const VendorResponse other = make_response(acquisition.id, "Other", "third");
    ASSERT_TRUE(store->responses.set_invite_token_hash(other.id, "", "system").ok());
    EXPECT_EQ(store->responses.set_invite_token_hash(999, "x", "system").error().code, ErrorCode::not_found);
    const VendorResponse third = make_response(acquisition.id, "Third", "taken");
    EXPECT_EQ(store->responses.set_invite_token_hash(response.id, "taken", "system").error().code, ErrorCode::conflict);
    ASSERT_TRUE(store->responses.set_invite_token_hash(third.id, "taken", "system").ok());  // its own: fine

    auto events = store->events.list("response", response.id).value();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].action, "revoke_link");
    EXPECT_EQ(events[1].action, "regenerate_link");
    const std::string text = all_event_text();
    EXPECT_EQ(text.find("second"), std::string::npos);
    EXPECT_EQ(text.find("taken"), std::string::npos);
}

TEST_F(StoreResponses, SubmitAndReopen) {
    const VendorResponse response = make_response(make_acquisition().id);
    EXPECT_EQ(store->responses.reopen(response.id, "system").error().code, ErrorCode::conflict);
    ASSERT_TRUE(store->responses.submit(response.id, "vendor:1").ok());
    auto submitted = store->responses.find(response.id);
    EXPECT_EQ(submitted->status, ResponseStatus::submitted);
    EXPECT_FALSE(submitted->submitted_at.empty());
    EXPECT_EQ(store->responses.submit(response.id, "vendor:1").error().code, ErrorCode::conflict);
    ASSERT_TRUE(store->responses.reopen(response.id, "user:b@example.org").ok());
    auto reopened = store->responses.find(response.id);
    EXPECT_EQ(reopened->status, ResponseStatus::draft);
    EXPECT_TRUE(reopened->submitted_at.empty());
    EXPECT_EQ(store->responses.submit(999, "x").error().code, ErrorCode::not_found);
    EXPECT_EQ(store->responses.reopen(999, "x").error().code, ErrorCode::not_found);

    auto events = store->events.list("response", response.id).value();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].action, "reopen");
    EXPECT_EQ(events[0].old_value, "\"submitted\"");
    EXPECT_EQ(events[0].new_value, "\"draft\"");
    EXPECT_EQ(events[1].action, "submit");
    EXPECT_EQ(events[1].actor, "vendor:1");
    EXPECT_EQ(events[1].old_value, "\"draft\"");
    EXPECT_EQ(events[1].new_value, "\"submitted\"");
}

TEST_F(StoreResponses, SaveAnswerRevisionsAndEvents) {
    const VendorResponse response = make_response(make_acquisition().id);
    EXPECT_FALSE(store->responses.answer(response.id, "q1"));

    auto first = store->responses.save_answer(response.id, "q1", "oui", "", 0, "vendor:1");
    ASSERT_TRUE(first.ok()) << first.error().message.in(Language::en);
    EXPECT_TRUE(first->changed);
    EXPECT_EQ(first->answer.revision, 1);
    EXPECT_EQ(first->answer.value, "oui");
    EXPECT_EQ(first->answer.updated_by, "vendor:1");

    auto second = store->responses.save_answer(response.id, "q1", "non", "Voir annexe", 1, "user:it@example.org");
    ASSERT_TRUE(second.ok());
    EXPECT_TRUE(second->changed);
    EXPECT_EQ(second->answer.revision, 2);

    auto stored = store->responses.answer(response.id, "q1");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->value, "non");
    EXPECT_EQ(stored->comment, "Voir annexe");
    EXPECT_EQ(stored->revision, 2);
    EXPECT_EQ(stored->updated_by, "user:it@example.org");
    EXPECT_FALSE(stored->updated_at.empty());

    // Same value and comment again: nothing written, whatever the base revision.
    auto same = store->responses.save_answer(response.id, "q1", "non", "Voir annexe", 0, "vendor:1");
    ASSERT_TRUE(same.ok());
    EXPECT_FALSE(same->changed);
    EXPECT_EQ(same->answer.revision, 2);

    // Structured values, and -1 (no check).
    const nlohmann::json list = nlohmann::json::array({"CE IIa", "CE IIb"});
    auto structured = store->responses.save_answer(response.id, "q2", list, "", -1, "vendor:1");
    ASSERT_TRUE(structured.ok());
    EXPECT_EQ(store->responses.answer(response.id, "q2")->value, list);
    auto nothing = store->responses.save_answer(response.id, "q3", nullptr, "", 0, "vendor:1");
    ASSERT_TRUE(nothing.ok());
    EXPECT_FALSE(nothing->changed);
    EXPECT_FALSE(store->responses.answer(response.id, "q3"));

    auto all = store->responses.answers(response.id).value();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].question_id, "q1");
    EXPECT_EQ(all[1].question_id, "q2");

    auto events = store->events.list("answer", response.id).value();
    // q2 create, q1 comment, q1 update, q1 create (newest first)
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[3].action, "create");
    EXPECT_EQ(events[3].field, "q1");
    EXPECT_EQ(events[3].old_value, "");
    EXPECT_EQ(events[3].new_value, "\"oui\"");
    EXPECT_EQ(events[3].actor, "vendor:1");
    EXPECT_EQ(events[2].action, "update");
    EXPECT_EQ(events[2].old_value, "\"oui\"");
    EXPECT_EQ(events[2].new_value, "\"non\"");
    EXPECT_EQ(events[2].actor, "user:it@example.org");
    EXPECT_EQ(events[1].action, "comment");
    EXPECT_EQ(events[1].old_value, "\"\"");
    EXPECT_EQ(events[1].new_value, "\"Voir annexe\"");
    EXPECT_EQ(events[0].field, "q2");
    EXPECT_EQ(nlohmann::json::parse(events[0].new_value), list);
}

TEST_F(StoreResponses, SaveAnswerBumpsTheResponse) {
    VendorResponse response = make_response(make_acquisition().id);
    // Make the stored updated_at old, then check that a save moves it.
    ASSERT_TRUE(store->db->write([&](soci::session& sql) -> Result<void> {
        long long id = response.id;
        sql << "UPDATE responses SET updated_at = '2000-01-01T00:00:00Z' WHERE id = :id", soci::use(id);
        return {};
    }).ok());
    ASSERT_TRUE(store->responses.save_answer(response.id, "q", 1, "", 0, "vendor:1").ok());
    EXPECT_GT(store->responses.find(response.id)->updated_at, "2000-01-01T00:00:00Z");
}

TEST_F(StoreResponses, SaveAnswerConflicts) {
    const VendorResponse response = make_response(make_acquisition().id);
    ASSERT_TRUE(store->responses.save_answer(response.id, "q", "A", "", 0, "vendor:1").ok());
    // Two writers both saw revision 1.
    ASSERT_TRUE(store->responses.save_answer(response.id, "q", "B", "", 1, "user:x@example.org").ok());
    auto late = store->responses.save_answer(response.id, "q", "C", "", 1, "vendor:1");
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, ErrorCode::conflict);
    EXPECT_EQ(store->responses.answer(response.id, "q")->value, "B");
    EXPECT_EQ(store->responses.answer(response.id, "q")->revision, 2);
    // The late writer wanted what is stored already: not a conflict, nothing changes.
    auto agreeing = store->responses.save_answer(response.id, "q", "B", "", 1, "vendor:1");
    ASSERT_TRUE(agreeing.ok());
    EXPECT_FALSE(agreeing->changed);
    // A writer that never saw the answer (base 0) while it exists: conflict too.
    EXPECT_EQ(store->responses.save_answer(response.id, "q", "D", "", 0, "vendor:1").error().code, ErrorCode::conflict);
    // A writer with a future revision: conflict.
    EXPECT_EQ(store->responses.save_answer(response.id, "q", "D", "", 7, "vendor:1").error().code, ErrorCode::conflict);
    // Up to date: fine.
    EXPECT_TRUE(store->responses.save_answer(response.id, "q", "D", "", 2, "vendor:1").ok());
    // No conflict event.
    EXPECT_EQ(store->events.list("answer", response.id).value().size(), 3u);
}

TEST_F(StoreResponses, SaveAnswerErrors) {
    EXPECT_EQ(store->responses.save_answer(999, "q", 1, "", 0, "x").error().code, ErrorCode::not_found);
    const VendorResponse response = make_response(make_acquisition().id);
    EXPECT_EQ(store->responses.save_answer(response.id, "", 1, "", 0, "x").error().code, ErrorCode::invalid_value);
    EXPECT_EQ(store->responses.save_answer(response.id, "q", std::string("\xff\xfe"), "", 0, "x").error().code, ErrorCode::invalid_value);
}

TEST_F(StoreResponses, AnswersToASubmittedResponseAreTheWebLayersBusiness) {
    const VendorResponse response = make_response(make_acquisition().id);
    ASSERT_TRUE(store->responses.submit(response.id, "vendor:1").ok());
    EXPECT_TRUE(store->responses.save_answer(response.id, "q", true, "", 0, "user:x@example.org").ok());
}

}  // namespace
}  // namespace cyberachat::store::testing
