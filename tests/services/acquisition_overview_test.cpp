// A purchase as the hospital lists it: its questionnaire version and each vendor's progress, in
// invitation order; every purchase newest first; an account's list searched and sorted.
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
    // Every required answer given: 100 % (the optional document, left empty, is counted apart).
    EXPECT_EQ(overview->vendors[1].progress, 100);
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

TEST_F(AcquisitionOverviewTest, AnAccountsListSearchedAndSortedAmongItsOwnPurchases) {
    const User member = biomedical_reviewer();
    const auto in_team = [&](Acquisition purchase, const char* reference, const char* deadline) {
        purchase.reference = reference;
        purchase.deadline = deadline;
        EXPECT_TRUE(store->acquisitions.update(purchase, kBuyerActor).ok());
        EXPECT_TRUE(store->members.put(purchase.id, member.id, PurchaseRole::observer, kBuyerActor).ok());
        return purchase;
    };
    const Acquisition echo = in_team(mini_purchase("Échographes cardiologie"), "ECH-1", "2027-05-01");
    const Acquisition pumps = in_team(mini_purchase("Pousse-seringues"), "PS-2", "");
    const Acquisition portable = in_team(mini_purchase("Echographe portable"), "ECH-2", "2027-02-01");
    mini_purchase("Échographe d'une autre équipe");  // not the member's: never listed, never counted
    const Acquisition archived = in_team(mini_purchase("Échographe archivé"), "ECH-0", "2026-01-01");
    ASSERT_TRUE(store->acquisitions.transition(archived.id, "open", "archived", "archive", "", kBuyerActor).ok());

    const auto titles = [&](const PurchaseListQuery& query, ArchivedPurchases which = ArchivedPurchases::hidden) {
        auto listed = acquisitions_visible_to(*store, responses(), member, which, query);
        EXPECT_TRUE(listed.ok());
        std::vector<std::string> out;
        for (const auto& shown : listed->purchases) {
            EXPECT_EQ(shown.role, PurchaseRole::observer);
            out.push_back(shown.overview.acquisition.title);
        }
        out.push_back("total " + std::to_string(listed->total));
        return out;
    };
    using Titles = std::vector<std::string>;
    EXPECT_EQ(titles({}), (Titles{portable.title, pumps.title, echo.title, "total 3"}));
    EXPECT_EQ(titles({.text = "echographe"}), (Titles{portable.title, echo.title, "total 3"}));
    EXPECT_EQ(titles({.text = "echographe", .sort = PurchaseSortKey::deadline}),
              (Titles{portable.title, echo.title, "total 3"}));
    EXPECT_EQ(titles({.sort = PurchaseSortKey::deadline, .order = SortOrder::descending}),
              (Titles{echo.title, portable.title, pumps.title, "total 3"}));  // no deadline: last
    EXPECT_EQ(titles({.text = "scanner"}), (Titles{"total 3"}));
    EXPECT_EQ(titles({.text = "ech"}, ArchivedPurchases::included),
              (Titles{archived.title, portable.title, echo.title, "total 4"}));
    // A status filter on archived looks in the archives even when the list would hide them.
    EXPECT_EQ(titles({.status = PurchaseStatus::archived}), (Titles{archived.title, "total 1"}));
    EXPECT_EQ(titles({.status = PurchaseStatus::draft}), (Titles{"total 3"}));

    // An administrator's list: every purchase, the other team's too.
    auto all = acquisitions_visible_to(*store, responses(), make_user("admin@chu.example", Role::admin),
                                       ArchivedPurchases::hidden, PurchaseListQuery{.text = "ÉCHOGRAPHE"});
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->purchases.size(), 3u);
    EXPECT_EQ(all->total, 4u);
    EXPECT_FALSE(all->purchases[0].role);
}

}  // namespace
}  // namespace cyberachat::services::testing
