#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreScoringGrids = StoreTest;

TEST_F(StoreScoringGrids, APurchaseKeepsTheGridItWasGivenFirst) {
    const Acquisition first = make_acquisition("Échographes");
    const Acquisition second = make_acquisition("Moniteurs");
    EXPECT_FALSE(store->scoring_grids.for_acquisition(first.id));
    auto attached = store->scoring_grids.attach(first.id, "afib-grid", "1", "grid: v1\n", "user:bio@chu.test");
    ASSERT_TRUE(attached.ok()) << attached.error().message.fr;
    EXPECT_EQ(attached->version, "1");
    // A newer grid text does not replace it…
    auto again = store->scoring_grids.attach(first.id, "afib-grid", "2", "grid: v2\n", "user:bio@chu.test");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->id, attached->id);
    EXPECT_EQ(store->scoring_grids.for_acquisition(first.id)->yaml, "grid: v1\n");
    // …and the same text is stored once for every purchase that uses it.
    auto shared = store->scoring_grids.attach(second.id, "afib-grid", "1", "grid: v1\n", "user:bio@chu.test");
    ASSERT_TRUE(shared.ok());
    EXPECT_EQ(shared->id, attached->id);
    auto events = store->events.list("acquisition", first.id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].action, "attach_grid");
    EXPECT_EQ(store->scoring_grids.attach(999999, "afib-grid", "1", "grid: v1\n", "system").error().code, ErrorCode::not_found);
}

TEST_F(StoreScoringGrids, WeightChangesAreStoredAndJournaled) {
    const Acquisition acquisition = make_acquisition();
    const std::string actor = "user:rssi@chu.test";
    ASSERT_TRUE(store->scoring_grids.set_weight(acquisition.id, "maintenance.passerelle_securisee", 5, actor).ok());
    ASSERT_TRUE(store->scoring_grids.set_weight(acquisition.id, "maintenance.passerelle_securisee", 5, actor).ok());  // unchanged
    ASSERT_TRUE(store->scoring_grids.set_weight(acquisition.id, "maintenance.passerelle_securisee", 0.5, actor).ok());
    ASSERT_TRUE(store->scoring_grids.set_weight(acquisition.id, "logiciels.communications_chiffrees", 0, actor).ok());
    auto weights = store->scoring_grids.weights(acquisition.id).value();
    ASSERT_EQ(weights.size(), 2u);
    EXPECT_EQ(weights[0].question_id, "logiciels.communications_chiffrees");
    EXPECT_EQ(weights[0].weight, 0);
    EXPECT_EQ(weights[1].weight, 0.5);
    EXPECT_EQ(weights[1].updated_by, actor);
    ASSERT_TRUE(store->scoring_grids.set_weight(acquisition.id, "logiciels.communications_chiffrees", std::nullopt, actor).ok());
    EXPECT_EQ(store->scoring_grids.weights(acquisition.id).value().size(), 1u);

    auto events = store->events.list("acquisition", acquisition.id).value();
    std::vector<std::string> journal;
    for (const Event& e : events)
        if (e.action == "weight") journal.push_back(e.field + ":" + e.old_value + "→" + e.new_value + ":" + e.actor);
    const std::vector<std::string> expected = {
        "logiciels.communications_chiffrees:0.0→:" + actor, "logiciels.communications_chiffrees:→0.0:" + actor,
        "maintenance.passerelle_securisee:5.0→0.5:" + actor, "maintenance.passerelle_securisee:→5.0:" + actor};
    EXPECT_EQ(journal, expected);

    EXPECT_EQ(store->scoring_grids.set_weight(acquisition.id, "q", -1, actor).error().code, ErrorCode::invalid_value);
    EXPECT_EQ(store->scoring_grids.set_weight(acquisition.id, "", 1, actor).error().code, ErrorCode::invalid_value);
    EXPECT_EQ(store->scoring_grids.set_weight(999999, "q", 1, actor).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace cyberachat::store::testing
