#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreEvents = StoreTest;

TEST_F(StoreEvents, ListIsPerEntityNewestFirstAndLimited) {
    const VendorResponse response = make_response(make_acquisition().id);
    for (int i = 1; i <= 5; ++i)
        ASSERT_TRUE(store->responses.save_answer(response.id, "q", i, "", -1, "vendor:1").ok());
    auto events = store->events.list("answer", response.id).value();
    ASSERT_EQ(events.size(), 5u);
    EXPECT_EQ(events[0].new_value, "5");
    EXPECT_EQ(events[4].new_value, "1");
    for (size_t i = 1; i < events.size(); ++i) EXPECT_GT(events[i - 1].id, events[i].id);
    for (const Event& e : events) {
        EXPECT_EQ(e.entity, "answer");
        EXPECT_EQ(e.entity_id, response.id);
        EXPECT_EQ(e.field, "q");
        EXPECT_FALSE(e.at.empty());
    }
    EXPECT_EQ(store->events.list("answer", response.id, 2).value().size(), 2u);
    EXPECT_EQ(store->events.list("answer", response.id, 2).value()[0].new_value, "5");
    EXPECT_TRUE(store->events.list("answer", response.id + 1).value().empty());
    EXPECT_TRUE(store->events.list("nothing", response.id).value().empty());
}

TEST_F(StoreEvents, ListAllIsNewestFirst) {
    make_user("one@example.org");
    const User two = make_user("two@example.org");
    auto events = store->events.list_all().value();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].entity_id, two.id);
    EXPECT_EQ(store->events.list_all(1).value().size(), 1u);
}

}  // namespace
}  // namespace cyberachat::store::testing
