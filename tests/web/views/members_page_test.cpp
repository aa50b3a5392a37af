// A purchase's team page: the members with their roles; the forms only for those who manage it.
#include "web/views/members_page.hpp"

#include <gtest/gtest.h>

#include "view_test_support.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

namespace {

MembersView team(bool can_manage) {
    Fixture f;
    MembersView view;
    view.acquisition = f.acquisition;
    User lead;
    lead.id = 3;
    lead.email = "bio@chu.test";
    lead.display_name = "Marie Curie";
    User reviewer;
    reviewer.id = 5;
    reviewer.email = "rssi@chu.test" + kPageAttack;
    reviewer.origin = "directory";
    view.members = {Member{7, lead, PurchaseRole::lead, "2026-12-01T08:00:00Z", "user:bio@chu.test"},
                    Member{7, reviewer, PurchaseRole::it_reviewer, "2026-12-01T09:00:00Z", "user:admin@chu.test"}};
    view.can_manage = can_manage;
    view.can_open_purchase = true;
    return view;
}

}  // namespace

TEST(MembersPage, ListsTheTeamAndOffersItsManagerTheForms) {
    Fixture f;
    const std::string html = render_members_page(f.hospital_context(), team(true));
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "Marie Curie"));
    EXPECT_TRUE(contains(html, "Annuaire"));
    EXPECT_TRUE(contains(html, "Compte local"));
    EXPECT_TRUE(contains(html, "action=\"/acquisitions/7/members/5/delete\""));
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/acquisitions/7/members\""));
    EXPECT_TRUE(contains(html, "value=\"it_reviewer\" selected"));
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/7\""));
}

TEST(MembersPage, AMemberWhoDoesNotManageTheTeamOnlyReadsIt) {
    Fixture f;
    const std::string html = render_members_page(f.hospital_context(), team(false));
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "Relecteur DSI / RSSI"));
    EXPECT_FALSE(contains(html, "action=\"/acquisitions/7/members"));  // (the header keeps its logout form)
    EXPECT_FALSE(contains(html, "Retirer de l'équipe"));
}
