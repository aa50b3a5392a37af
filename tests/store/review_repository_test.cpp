#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreReviews = StoreTest;

TEST_F(StoreReviews, ReviewsAreAHistoryWithAuthorTimeAndJournal) {
    const VendorResponse response = make_response(make_acquisition().id);
    Review review;
    review.response_id = response.id;
    review.question_id = "maintenance.passerelle_securisee";
    review.status = "clarification";
    review.comment = "Interne : à vérifier avec le RSSI";
    review.vendor_question = "Quelle passerelle utilisez-vous ?";
    review.author_role = "it";
    auto added = store->reviews.add(review, "user:rssi@chu.test");
    ASSERT_TRUE(added.ok()) << added.error().message.fr;
    EXPECT_EQ(added->author, "user:rssi@chu.test");
    EXPECT_FALSE(added->created_at.empty());
    review.status = "accepted";
    review.comment = "Réponse satisfaisante";
    review.vendor_question.clear();
    ASSERT_TRUE(store->reviews.add(review, "user:bio@chu.test").ok());

    auto list = store->reviews.list_for(response.id).value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].status, "clarification");
    EXPECT_EQ(list[0].vendor_question, "Quelle passerelle utilisez-vous ?");
    EXPECT_EQ(list[1].status, "accepted");
    EXPECT_EQ(list[1].author, "user:bio@chu.test");

    auto events = store->events.list("review", response.id).value();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].actor, "user:rssi@chu.test");
    EXPECT_EQ(events[1].field, "maintenance.passerelle_securisee");
    EXPECT_EQ(nlohmann::json::parse(events[1].new_value)["status"], "clarification");

    review.status = "rejected";
    EXPECT_EQ(store->reviews.add(review, "user:x@chu.test").error().code, ErrorCode::invalid_value);
    review.status = "accepted";
    review.response_id = 999999;
    EXPECT_EQ(store->reviews.add(review, "user:x@chu.test").error().code, ErrorCode::not_found);
}

TEST_F(StoreReviews, OneOpinionPerRoleReplacedAndJournaled) {
    const VendorResponse response = make_response(make_acquisition().id);
    Opinion opinion{response.id, "it", "favourable_with_reservations", "Sous réserve de la passerelle", "", ""};
    ASSERT_TRUE(store->reviews.set_opinion(opinion, "user:rssi@chu.test").ok());
    ASSERT_TRUE(store->reviews.set_opinion(opinion, "user:rssi@chu.test").ok());  // unchanged: nothing written
    opinion.verdict = "favourable";
    opinion.text = "Passerelle confirmée";
    ASSERT_TRUE(store->reviews.set_opinion(opinion, "user:rssi@chu.test").ok());
    Opinion biomedical{response.id, "biomedical", "unfavourable", "Ergonomie", "", ""};
    ASSERT_TRUE(store->reviews.set_opinion(biomedical, "user:bio@chu.test").ok());

    auto opinions = store->reviews.opinions(response.id).value();
    ASSERT_EQ(opinions.size(), 2u);
    EXPECT_EQ(opinions[0].role, "biomedical");
    EXPECT_EQ(opinions[1].role, "it");
    EXPECT_EQ(opinions[1].verdict, "favourable");
    EXPECT_EQ(opinions[1].author, "user:rssi@chu.test");

    auto events = store->events.list("opinion", response.id).value();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[1].action, "update");
    EXPECT_EQ(nlohmann::json::parse(events[1].old_value)["verdict"], "favourable_with_reservations");
    EXPECT_EQ(nlohmann::json::parse(events[1].new_value)["verdict"], "favourable");

    opinion.role = "buyer";
    EXPECT_EQ(store->reviews.set_opinion(opinion, "user:x@chu.test").error().code, ErrorCode::invalid_value);
    opinion.role = "it";
    opinion.verdict = "maybe";
    EXPECT_EQ(store->reviews.set_opinion(opinion, "user:x@chu.test").error().code, ErrorCode::invalid_value);
}

}  // namespace
}  // namespace cyberachat::store::testing
