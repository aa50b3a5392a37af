// The list of purchases.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/acquisitions_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(AcquisitionPages, ListShowsPurchasesAndVendors) {
    Fixture f;
    AcquisitionRow row{f.acquisition, {}};
    VendorRow vendor{f.response, 45, true, 3};
    vendor.response.company = kPageAttack;
    row.vendors.push_back(vendor);
    const std::string html = render_acquisitions_page(f.hospital_context(), {row});
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/new\""));
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/restore\""));
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/7\""));
    EXPECT_TRUE(contains(html, "31/03/2027"));
    EXPECT_TRUE(contains(html, "<th scope=\"col\">"));
    EXPECT_TRUE(contains(html, "<progress max=\"100\" value=\"45\""));
    EXPECT_TRUE(contains(html, "45\u202F%"));
    EXPECT_FALSE(contains(html, "<script>alert"));
    const std::string empty = render_acquisitions_page(f.hospital_context(), {});
    expect_well_formed(empty);
    EXPECT_TRUE(contains(empty, "Aucun achat"));
    AcquisitionListOptions reader;
    reader.can_create = false;  // a buyer, an IT reviewer: neither creates nor restores purchases
    const std::string read_only = render_acquisitions_page(f.hospital_context(), {row}, reader);
    EXPECT_FALSE(contains(read_only, "href=\"/acquisitions/new\""));
    EXPECT_FALSE(contains(read_only, "href=\"/acquisitions/restore\""));
}

TEST(AcquisitionPages, TheSearchFormShowsTheQueryBackEscaped) {
    Fixture f;
    AcquisitionListOptions options;
    options.query = PurchaseListQuery{.text = kPageAttack, .sort = PurchaseSortKey::deadline,
                                      .order = SortOrder::descending, .status = PurchaseStatus::open};
    options.total = 5;
    const std::string html = render_acquisitions_page(f.hospital_context(), {AcquisitionRow{f.acquisition, {}, {}}}, options);
    expect_well_formed(html);
    EXPECT_FALSE(contains(html, "<script>alert"));
    EXPECT_TRUE(contains(html, "<form method=\"get\" action=\"/acquisitions\""));
    EXPECT_TRUE(contains(html, "<label for=\"purchase-q\">Rechercher</label>"));
    EXPECT_TRUE(contains(tag_with_id(html, "purchase-q"), "value=\"&quot;&gt;&lt;script&gt;"));
    EXPECT_TRUE(contains(html, "<option value=\"deadline\" selected>Date limite</option>"));
    EXPECT_TRUE(contains(html, "<option value=\"desc\" selected>Décroissant</option>"));
    EXPECT_TRUE(contains(html, "<option value=\"open\" selected>Ouverte</option>"));
    EXPECT_TRUE(contains(html, ">Filtrer</button>"));
    EXPECT_TRUE(contains(html, "1 achat sur 5"));
    // The sorted column says so; its link turns the order round, keeping the search.
    EXPECT_TRUE(contains(html, "<th scope=\"col\" aria-sort=\"descending\"><a href=\"/acquisitions?q=%22%3E%3Cscript"));
    EXPECT_TRUE(contains(tag_with_id(html, "sort-deadline"), "sort=deadline&amp;order=asc&amp;status=open"));
    EXPECT_TRUE(contains(tag_with_id(html, "sort-title"), "sort=title&amp;status=open\""));
    EXPECT_TRUE(contains(tag_with_id(html, "reset-search"), "href=\"/acquisitions\""));
}

TEST(AcquisitionPages, NothingMatchingTheSearchSaysSoWithALinkBack) {
    Fixture f;
    AcquisitionListOptions options;
    options.archives = true;
    options.query.text = "scanner";
    options.total = 2;
    const std::string html = render_acquisitions_page(f.hospital_context(), {}, options);
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "0 achat sur 2"));
    EXPECT_TRUE(contains(html, "Aucun achat ne correspond à la recherche."));
    EXPECT_TRUE(contains(html, "<a href=\"/acquisitions?archives=1\">Afficher tous les achats</a>"));
    EXPECT_TRUE(contains(html, "<input type=\"hidden\" name=\"archives\" value=\"1\">"));
    EXPECT_FALSE(contains(html, "id=\"purchase-status\""));  // the archives: every one archived
    EXPECT_FALSE(contains(html, "<table"));
}

TEST(AcquisitionPages, ListAddressesCarryOnlyWhatDiffersFromTheDefaults) {
    EXPECT_EQ(purchase_list_href(false, {}), "/acquisitions");
    EXPECT_EQ(purchase_list_href(true, {}), "/acquisitions?archives=1");
    EXPECT_EQ(purchase_list_href(false, PurchaseListQuery{.text = "écho & co", .sort = PurchaseSortKey::title}),
              "/acquisitions?q=%C3%A9cho%20%26%20co&sort=title");
    EXPECT_EQ(purchase_list_href(false, PurchaseListQuery{.order = SortOrder::ascending, .status = PurchaseStatus::draft}),
              "/acquisitions?order=asc&status=draft");
}
