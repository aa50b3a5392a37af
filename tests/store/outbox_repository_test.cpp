#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

class StoreOutbox : public StoreTest {
protected:
    OutboxMessage message(const Acquisition& acquisition, Id response_id, const std::string& kind = "invitation") {
        OutboxMessage m;
        m.acquisition_id = acquisition.id;
        m.response_id = response_id;
        m.recipient = "vendeur@exemple.test";
        m.kind = kind;
        m.subject = "Objet";
        m.text_body = "Lien : [[cyberachat-secret-link]]";
        m.html_body = "<a href=\"[[cyberachat-secret-link]]\">lien</a>";
        return m;
    }
};

TEST_F(StoreOutbox, QueuedSentAndTheSecretLinkErased) {
    auto acquisition = make_acquisition();
    auto response = make_response(acquisition.id);
    auto m = message(acquisition, response.id);
    m.secret_link = "https://x.test/invitation/SECRET-TOKEN-0123456789";
    auto queued = store->outbox.enqueue(m, "2027-01-10T09:00:00Z", Actor("user:lead@chu.test", Via::page));
    ASSERT_TRUE(queued.ok()) << queued.error().message.fr;
    ASSERT_TRUE(queued->has_value());
    const Id id = (*queued)->id;
    EXPECT_EQ((*queued)->status, "pending");
    EXPECT_TRUE(store->outbox.due("2027-01-10T08:59:59Z", 10)->empty());
    auto due = store->outbox.due("2027-01-10T09:00:00Z", 10);
    ASSERT_EQ(due->size(), 1u);
    EXPECT_EQ(due->front().secret_link, m.secret_link) << "due() alone reads the link";
    EXPECT_TRUE(store->outbox.find(id)->secret_link.empty());
    EXPECT_TRUE(store->outbox.for_response(response.id)->front().secret_link.empty());

    ASSERT_TRUE(store->outbox.mark_sent(id, "2027-01-10T09:00:05Z").ok());
    auto sent = store->outbox.find(id);
    EXPECT_EQ(sent->status, "sent");
    EXPECT_EQ(sent->sent_at, "2027-01-10T09:00:05Z");
    EXPECT_EQ(sent->attempts, 1);
    EXPECT_TRUE(store->outbox.due("2099-01-01T00:00:00Z", 10)->empty());
    // Nowhere in the database any more, and never in the journal.
    store->db->read([&](soci::session& sql) {
        int count = -1;
        sql << "SELECT COUNT(*) FROM outbox WHERE secret_link IS NOT NULL", soci::into(count);
        EXPECT_EQ(count, 0);
        sql << "SELECT COUNT(*) FROM events WHERE new_value LIKE '%SECRET-TOKEN%' OR old_value LIKE '%SECRET-TOKEN%'",
            soci::into(count);
        EXPECT_EQ(count, 0);
    });
    auto events = store->events.for_response(response.id, {});
    ASSERT_TRUE(events.ok());
    std::vector<std::string> actions;
    for (const auto& e : *events)
        if (e.entity == "message") actions.push_back(e.action);
    EXPECT_EQ(actions, (std::vector<std::string>{"sent", "enqueue"}));
    auto in_purchase = store->events.for_acquisition(acquisition.id, {});
    EXPECT_GE(in_purchase->size(), 2u);
}

TEST_F(StoreOutbox, FailedAttemptsWaitAndAreGivenUp) {
    auto acquisition = make_acquisition();
    auto response = make_response(acquisition.id);
    auto m = message(acquisition, response.id, "reminder");
    const Id id = (*store->outbox.enqueue(m, "2027-01-10T09:00:00Z", "system").value()).id;
    ASSERT_TRUE(store->outbox.mark_attempt_failed(id, "2027-01-10T09:01:00Z", "Connexion refusée", false).ok());
    auto waiting = store->outbox.find(id);
    EXPECT_EQ(waiting->status, "pending");
    EXPECT_EQ(waiting->attempts, 1);
    EXPECT_EQ(waiting->last_error, "Connexion refusée");
    EXPECT_TRUE(store->outbox.due("2027-01-10T09:00:59Z", 10)->empty());
    EXPECT_EQ(store->outbox.due("2027-01-10T09:01:00Z", 10)->size(), 1u);
    ASSERT_TRUE(store->outbox.mark_attempt_failed(id, "2027-01-10T09:03:00Z", "Toujours refusée", true).ok());
    EXPECT_EQ(store->outbox.find(id)->status, "failed");
    EXPECT_TRUE(store->outbox.due("2099-01-01T00:00:00Z", 10)->empty());
    // "Resend": pending again, from zero.
    ASSERT_TRUE(store->outbox.requeue(id, "2027-01-11T10:00:00Z", std::nullopt, "user:lead@chu.test").ok());
    auto again = store->outbox.find(id);
    EXPECT_EQ(again->status, "pending");
    EXPECT_EQ(again->attempts, 0);
    EXPECT_EQ(again->last_error, "");
    EXPECT_EQ(store->outbox.due("2027-01-11T10:00:00Z", 10)->size(), 1u);
    EXPECT_EQ(store->outbox.requeue(9999, "2027-01-11T10:00:00Z", std::nullopt, "x").error().code, ErrorCode::not_found);
}

TEST_F(StoreOutbox, ADedupKeyIsQueuedOnce) {
    auto acquisition = make_acquisition();
    auto response = make_response(acquisition.id);
    auto m = message(acquisition, response.id, "reminder");
    m.dedup_key = "reminder:" + std::to_string(response.id) + ":7:2027-03-31";
    auto first = store->outbox.enqueue(m, "2027-03-24T07:00:00Z", "system");
    ASSERT_TRUE(first.ok() && first->has_value());
    auto second = store->outbox.enqueue(m, "2027-03-24T07:00:05Z", "system");
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(second->has_value());
    EXPECT_EQ(store->outbox.for_acquisition(acquisition.id)->size(), 1u);
}

TEST_F(StoreOutbox, RefusesWhatCannotBeSent) {
    auto acquisition = make_acquisition();
    auto response = make_response(acquisition.id);
    auto m = message(acquisition, response.id);
    m.recipient.clear();
    EXPECT_EQ(store->outbox.enqueue(m, "2027-01-10T09:00:00Z", "x").error().code, ErrorCode::invalid_value);
    m = message(acquisition, response.id);
    m.language = "de";
    EXPECT_EQ(store->outbox.enqueue(m, "2027-01-10T09:00:00Z", "x").error().code, ErrorCode::invalid_value);
    m = message(acquisition, response.id + 100);
    EXPECT_EQ(store->outbox.enqueue(m, "2027-01-10T09:00:00Z", "x").error().code, ErrorCode::not_found);
    EXPECT_EQ(store->outbox.find(12345).error().code, ErrorCode::not_found);
}

TEST_F(StoreOutbox, ANewLinkReplacesAPendingInvitationsAndARevokedOneStopsIt) {
    auto acquisition = make_acquisition();
    auto response = make_response(acquisition.id);
    auto m = message(acquisition, response.id);
    m.secret_link = "https://x.test/invitation/OLD";
    const Id id = (*store->outbox.enqueue(m, "2027-01-10T09:00:00Z", "x").value()).id;
    ASSERT_TRUE(store->outbox.replace_pending_links(response.id, "https://x.test/invitation/NEW").ok());
    EXPECT_EQ(store->outbox.due("2027-01-10T09:00:00Z", 10)->front().secret_link, "https://x.test/invitation/NEW");
    ASSERT_TRUE(store->outbox.replace_pending_links(response.id, "").ok());
    auto stopped = store->outbox.find(id);
    EXPECT_EQ(stopped->status, "failed");
    EXPECT_FALSE(stopped->last_error.empty());
    EXPECT_TRUE(store->outbox.due("2099-01-01T00:00:00Z", 10)->empty());
}

}  // namespace
}  // namespace cyberachat::store::testing
