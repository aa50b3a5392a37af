// A purchase as the hospital lists it: its questionnaire version and each vendor's progress, in
// invitation order; every purchase newest first.
#include "services/acquisition_overview.hpp"

#include "service_fixture.hpp"

namespace cyberachat::services::testing {
namespace {

using AcquisitionOverviewTest = ServiceTest;

TEST_F(AcquisitionOverviewTest, APurchaseWithItsVendorsProgress) {
    const Acquisition purchase = mini_purchase();
    const Id first = invite(purchase.id, "Acme Medical").response.id;
    const Id second = invite(purchase.id, "Biotech").response.id;
    save(second, "p.gate", "non");  // every required answer given
    ASSERT_TRUE(acquisitions().revoke_link(first, kBuyerActor).ok());

    auto overview = acquisition_overview(*store, responses(), purchase.id);
    ASSERT_TRUE(overview.ok()) << overview.error().message.fr;
    EXPECT_EQ(overview->acquisition.title, "Achat mini");
    EXPECT_EQ(overview->questionnaire_label(), "mini 1");
    ASSERT_EQ(overview->vendors.size(), 2u);
    EXPECT_EQ(overview->vendors[0].response.company, "Acme Medical");
    EXPECT_FALSE(overview->vendors[0].link_active());
    EXPECT_EQ(overview->vendors[0].missing_required, 1u);
    EXPECT_EQ(overview->vendors[1].response.company, "Biotech");
    EXPECT_TRUE(overview->vendors[1].link_active());
    EXPECT_EQ(overview->vendors[1].progress, 50);  // the gate of the two questions that apply (the document is optional)
    EXPECT_EQ(overview->vendors[1].missing_required, 0u);

    EXPECT_ERROR_CODE(acquisition_overview(*store, responses(), purchase.id + 100), "not_found");
}

TEST_F(AcquisitionOverviewTest, EveryPurchaseNewestFirst) {
    mini_purchase("Premier achat");
    mini_purchase("Second achat");
    auto all = all_acquisition_overviews(*store, responses());
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].acquisition.title, "Second achat");
    EXPECT_EQ((*all)[1].acquisition.title, "Premier achat");
    EXPECT_TRUE((*all)[0].vendors.empty());
}

}  // namespace
}  // namespace cyberachat::services::testing
