// The journal pages' queries (EventRepository::for_acquisition / for_response / for_user): what
// each finds, the filters, the paging, where each change came from — on both engines.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace event_journal_query_test {

class StoreEventJournal : public StoreTest {
protected:
    static std::set<std::string> kinds(const std::vector<Event>& events) {
        std::set<std::string> out;
        for (const Event& e : events) out.insert(e.entity + "/" + e.action);
        return out;
    }
    static bool newest_first(const std::vector<Event>& events) {
        for (size_t i = 1; i < events.size(); ++i)
            if (events[i - 1].id <= events[i].id) return false;
        return true;
    }
    // A purchase with one vendor who answered, attached and removed a document, reviewed,
    // given an opinion and a weight; and a second purchase whose events must stay apart.
    void write_two_purchases() {
        acquisition = make_acquisition("Pompes");
        response = make_response(acquisition.id);
        other_acquisition = make_acquisition("Lits");
        other_response = make_response(other_acquisition.id, "Autre SA");
        const std::string vendor = "vendor:" + std::to_string(response.id);
        ASSERT_TRUE(store->responses.save_answer(response.id, "q1", "oui", "", -1, Actor(vendor, Via::page)).ok());
        ASSERT_TRUE(store->responses.save_answer(response.id, "q1", "non", "", -1, Actor(vendor, Via::api)).ok());
        ASSERT_TRUE(store->responses.save_answer(response.id, "q2", 3, "", -1, vendor).ok());
        auto document = store->documents.add(response.id, "q1", "preuve.pdf", kMinimalPdf, vendor);
        ASSERT_TRUE(document.ok());
        ASSERT_TRUE(store->documents.remove(document->id, vendor).ok());
        Review review;
        review.response_id = response.id;
        review.question_id = "q1";
        review.status = "accepted";
        review.author_role = "it";
        ASSERT_TRUE(store->reviews.add(review, "user:rssi@chu.test").ok());
        ASSERT_TRUE(store->reviews.set_opinion(Opinion{response.id, "it", "favourable", "ok", "", ""}, "user:rssi@chu.test").ok());
        ASSERT_TRUE(store->scoring_grids.set_weight(acquisition.id, "q1", 2.0, "user:rssi@chu.test").ok());
        ASSERT_TRUE(store->responses.save_answer(other_response.id, "q1", "autre", "", -1, "vendor:x").ok());
    }
    Acquisition acquisition, other_acquisition;
    VendorResponse response, other_response;
};

TEST_F(StoreEventJournal, APurchaseJournalHoldsItsVendorsAnswersDocumentsReviewsAndWeights) {
    write_two_purchases();
    const auto events = store->events.for_acquisition(acquisition.id, {}).value();
    EXPECT_TRUE(newest_first(events));
    const auto found = kinds(events);
    for (const char* expected : {"acquisition/create", "acquisition/weight", "response/create", "answer/create",
                                 "answer/update", "document/create", "document/delete", "review/review",
                                 "opinion/create"})
        EXPECT_TRUE(found.count(expected)) << expected;
    for (const Event& e : events) {
        EXPECT_EQ(e.acquisition_id, acquisition.id) << e.entity << " " << e.action;
        EXPECT_NE(e.new_value, "\"autre\"");
        if (e.entity == "answer") EXPECT_EQ(e.entity_id, response.id);
    }
    const auto other = store->events.for_acquisition(other_acquisition.id, {}).value();
    EXPECT_EQ(kinds(other), (std::set<std::string>{"acquisition/create", "response/create", "answer/create"}));
    EXPECT_TRUE(store->events.for_acquisition(999999, {}).value().empty());
}

TEST_F(StoreEventJournal, AResponseJournalHoldsOnlyThatResponse) {
    write_two_purchases();
    const auto events = store->events.for_response(response.id, {}).value();
    EXPECT_TRUE(newest_first(events));
    const auto found = kinds(events);
    EXPECT_TRUE(found.count("document/delete"));  // found although the document is gone
    EXPECT_TRUE(found.count("review/review"));
    EXPECT_FALSE(found.count("acquisition/create"));
    EXPECT_FALSE(found.count("acquisition/weight"));
    for (const Event& e : events) EXPECT_EQ(e.response_id, response.id);
    const auto other = store->events.for_response(other_response.id, {}).value();
    ASSERT_EQ(other.size(), 2u);  // its creation, its answer
    EXPECT_EQ(other[0].new_value, "\"autre\"");
}

TEST_F(StoreEventJournal, EachEventSaysWhereItCameFrom) {
    write_two_purchases();
    EventFilter answers;
    answers.field = "q1";
    const auto events = store->events.for_response(response.id, answers).value();
    std::vector<std::string> vias;
    for (const Event& e : events)
        if (e.entity == "answer") vias.push_back(e.via);
    EXPECT_EQ(vias, (std::vector<std::string>{"api", "page"}));
    const auto q2 = store->events.for_response(response.id, EventFilter{.field = "q2"}).value();
    ASSERT_EQ(q2.size(), 1u);
    EXPECT_EQ(q2[0].via, "");  // given as a plain name: not known
}

TEST_F(StoreEventJournal, AnAccountJournalHoldsWhatItDidAndWhatWasDoneToIt) {
    const User user = make_user("bio@chu.test");
    const User other = make_user("autre@chu.test");
    const Acquisition purchase = make_acquisition();
    ASSERT_TRUE(store->acquisitions.create(Acquisition{.title = "Par bio", .questionnaire_version_id = purchase.questionnaire_version_id},
                                           Actor("user:bio@chu.test", Via::page)).ok());
    auto token = store->api_tokens.create(user.id, "hash-of-a-token", "script", Actor("system:cli", Via::cli));
    ASSERT_TRUE(token.ok());
    ASSERT_TRUE(store->api_tokens.revoke(*token, Actor("system:cli", Via::cli)).ok());
    ASSERT_TRUE(store->users.set_role(other.id, Role::it, "user:bio@chu.test").ok());
    ASSERT_TRUE(store->users.set_role(other.id, Role::buyer, "system:cli").ok());
    const auto events = store->events.for_user(user, {}).value();
    EXPECT_TRUE(newest_first(events));
    EXPECT_EQ(kinds(events), (std::set<std::string>{"user/create", "acquisition/create", "token/create",
                                                    "token/revoke", "user/update"}));
    // (the journal names the account by id: "user:#<id>", whatever form its actor was given in)
    const std::string by_id = "user:#" + std::to_string(user.id);
    for (const Event& e : events) EXPECT_TRUE(e.actor == by_id || e.user_id == user.id) << e.action << " " << e.actor;
    // The other account's journal: its creation and both role changes, not bio's purchase.
    const auto about_other = store->events.for_user(other, {}).value();
    EXPECT_EQ(about_other.size(), 3u);
    for (const Event& e : about_other) EXPECT_EQ(e.user_id, other.id);
    // No secret: the token's hash is in no event.
    for (const Event& e : events) EXPECT_EQ((e.old_value + e.new_value).find("hash-of-a-token"), std::string::npos);
}

TEST_F(StoreEventJournal, FiltersNarrowTheList) {
    write_two_purchases();
    const auto all = store->events.for_acquisition(acquisition.id, {}).value();
    ASSERT_GE(all.size(), 9u);

    const auto updates = store->events.for_acquisition(acquisition.id, EventFilter{.action = "update"}).value();
    ASSERT_EQ(updates.size(), 1u);
    EXPECT_EQ(updates[0].new_value, "\"non\"");

    const auto by_rssi = store->events.for_acquisition(acquisition.id, EventFilter{.actor = "RSSI@"}).value();
    EXPECT_EQ(kinds(by_rssi), (std::set<std::string>{"review/review", "opinion/create", "acquisition/weight"}));
    // LIKE's wildcards are matched as themselves.
    EXPECT_TRUE(store->events.for_acquisition(acquisition.id, EventFilter{.actor = "%"}).value().empty());
    EXPECT_TRUE(store->events.for_acquisition(acquisition.id, EventFilter{.actor = "r_ssi"}).value().empty());

    const auto q2 = store->events.for_acquisition(acquisition.id, EventFilter{.field = "q2"}).value();
    ASSERT_EQ(q2.size(), 1u);

    const std::string today = all.front().at.substr(0, 10);
    EXPECT_EQ(store->events.for_acquisition(acquisition.id, EventFilter{.from = today, .to = today}).value().size(),
              all.size());
    EXPECT_TRUE(store->events.for_acquisition(acquisition.id, EventFilter{.to = "2000-01-01"}).value().empty());
    EXPECT_TRUE(store->events.for_acquisition(acquisition.id, EventFilter{.from = "2999-12-31"}).value().empty());
    auto bad = store->events.for_acquisition(acquisition.id, EventFilter{.from = "31/12/2026"});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::invalid_value);
    EXPECT_FALSE(store->events.for_acquisition(acquisition.id, EventFilter{.to = "2026-02-30"}).ok());
}

TEST_F(StoreEventJournal, PagesFollowEachOtherWithoutGapOrOverlap) {
    const Acquisition purchase = make_acquisition();
    const VendorResponse vendor = make_response(purchase.id);
    for (int i = 0; i < 12; ++i)
        ASSERT_TRUE(store->responses.save_answer(vendor.id, "q", i, "", -1, "vendor:1").ok());
    const auto all = store->events.for_response(vendor.id, {}).value();
    ASSERT_EQ(all.size(), 13u);
    std::vector<Id> paged;
    EventFilter page{.limit = 5};
    for (;;) {
        const auto events = store->events.for_response(vendor.id, page).value();
        ASSERT_LE(events.size(), 5u);
        for (const Event& e : events) paged.push_back(e.id);
        if (events.size() < 5) break;
        page.before_id = events.back().id;
    }
    std::vector<Id> expected;
    for (const Event& e : all) expected.push_back(e.id);
    EXPECT_EQ(paged, expected);
    // A limit beyond the budget is the budget; zero is one.
    EXPECT_EQ(store->events.for_response(vendor.id, EventFilter{.limit = 0}).value().size(), 1u);
    EXPECT_EQ(store->events.for_response(vendor.id, EventFilter{.limit = 100000}).value().size(), 13u);
}

TEST_F(StoreEventJournal, EventsWrittenBeforeMigration8AreFoundByTheirEntity) {
    const Acquisition purchase = make_acquisition();
    const VendorResponse vendor = make_response(purchase.id);
    const User user = make_user("ancien@chu.test");
    // Rows as the previous release wrote them: format 1, no via, no purchase/response/account.
    const std::string rid = std::to_string(vendor.id), aid = std::to_string(purchase.id), uid = std::to_string(user.id);
    run_sql("INSERT INTO events (at, actor, entity, entity_id, action, field, new_value) VALUES "
            "('2025-01-01T00:00:00Z', 'vendor:" + rid + "', 'answer', " + rid + ", 'create', 'q9', '\"ancien\"')");
    run_sql("INSERT INTO events (at, actor, entity, entity_id, action, field) VALUES "
            "('2025-01-01T00:00:01Z', 'user:x@chu.test', 'acquisition', " + aid + ", 'update', 'title')");
    run_sql("INSERT INTO events (at, actor, entity, entity_id, action, field) VALUES "
            "('2025-01-01T00:00:02Z', 'vendor:" + rid + "', 'session', " + rid + ", 'login', 'vendor')");
    run_sql("INSERT INTO events (at, actor, entity, entity_id, action, field) VALUES "
            "('2025-01-01T00:00:03Z', 'system', 'session', " + uid + ", 'expire', 'user')");  // the account's, not the vendor's
    run_sql("INSERT INTO events (at, actor, entity, entity_id, action, field) VALUES "
            "('2025-01-01T00:00:04Z', 'system:cli', 'user', " + uid + ", 'disable', 'active')");
    ASSERT_EQ(vendor.id, user.id);  // the same number: only the session's kind tells them apart
    const auto for_response = store->events.for_response(vendor.id, EventFilter{.from = "2025-01-01", .to = "2025-01-01"}).value();
    EXPECT_EQ(kinds(for_response), (std::set<std::string>{"answer/create", "session/login"}));
    for (const Event& e : for_response) EXPECT_EQ(e.via, "");
    const auto for_purchase = store->events.for_acquisition(purchase.id, EventFilter{.to = "2025-12-31"}).value();
    EXPECT_EQ(kinds(for_purchase), (std::set<std::string>{"answer/create", "session/login", "acquisition/update"}));
    const auto for_user = store->events.for_user(user, EventFilter{.to = "2025-12-31"}).value();
    EXPECT_EQ(kinds(for_user), (std::set<std::string>{"user/disable", "session/expire"}));
}

}  // namespace event_journal_query_test
}  // namespace cyberachat::store::testing
