#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

class StoreInstanceSettings : public StoreTest {};

TEST_F(StoreInstanceSettings, SetChangedAndRemovedInOneJournalledTransaction) {
    auto& settings = store->instance_settings;
    EXPECT_TRUE(settings.values({"hospital.name"})->empty());
    const Actor admin("user:admin@chu.test", Via::page);
    ASSERT_TRUE(settings.apply({{"hospital.name", "CHU de Compiègne"}, {"hospital.contact_email", "biomed@chu.test"}}, admin).ok());
    auto values = settings.values({"hospital.name", "hospital.contact_email", "hospital.logo_png"});
    ASSERT_TRUE(values.ok());
    EXPECT_EQ(values->size(), 2u);
    EXPECT_EQ(values->at("hospital.name"), "CHU de Compiègne");

    // The same value again: nothing written, nothing journalled; a removal.
    ASSERT_TRUE(settings.apply({{"hospital.name", "CHU de Compiègne"}, {"hospital.contact_email", std::nullopt}}, admin).ok());
    values = settings.values({"hospital.name", "hospital.contact_email"});
    EXPECT_EQ(values->size(), 1u);
    EXPECT_EQ(values->count("hospital.contact_email"), 0u);

    auto events = store->events.list("instance", 0);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 3u);  // contact and name set, contact removed (newest first)
    EXPECT_EQ(events->front().field, "hospital.contact_email");
    EXPECT_EQ(events->front().old_value, "biomed@chu.test");
    EXPECT_EQ(events->front().new_value, "");
    EXPECT_EQ((*events)[1].field, "hospital.name");  // one transaction, in the settings' order
    EXPECT_EQ((*events)[1].new_value, "CHU de Compiègne");
    EXPECT_EQ(events->back().new_value, "biomed@chu.test");
}

TEST_F(StoreInstanceSettings, ALongValueIsJournalledAsItsLengthOnly) {
    const std::string logo(5000, 'A');
    ASSERT_TRUE(store->instance_settings.apply({{"hospital.logo_png", logo}}, Actor("system")).ok());
    EXPECT_EQ(store->instance_settings.values({"hospital.logo_png"})->at("hospital.logo_png"), logo);
    auto events = store->events.list("instance", 0);
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ(events->front().new_value, "(5000 caractères)");
}

}  // namespace
}  // namespace cyberachat::store::testing
