// The journal page: rows readable and escaped, the filter form keeping its values, the CSV link and
// "Plus ancien" carrying the same filters.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/journal_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

namespace {

JournalView sample_journal_view() {
    JournalView view;
    view.heading = "Journal — Réponse de Perfusia";
    view.trail = {{"Achats", "/acquisitions"}, {"Pompes", "/acquisitions/7"}};
    view.path = "/responses/3/journal";
    view.question_filter = true;
    view.actions = {{"create", "Création"}, {"update", "Modification"}};
    view.filter = {"2026-01-01", "2026-12-31", "update", "vendor:3", "dispositif.fabricant"};
    JournalRow row;
    row.id = 42;
    row.at = "2026-11-29T10:15:00Z";
    row.when = "29/11/2026 à 11 h 15";
    row.who = "bio@chu.test";
    row.who_user_id = 5;
    row.via = "Import Excel";
    row.what = "Réponse modifiée";
    row.subject = "Question — Perfusia";
    row.question_id = "dispositif.fabricant";
    row.question_label = "Fabricant";
    row.old_text = "Ancien";
    row.new_text = kPageAttack;
    view.rows.push_back(row);
    view.next_before = 42;
    return view;
}

}  // namespace

TEST(JournalPages, RowsShowWhoWhenWhereAndTheChangeEscaped) {
    Fixture f;
    const std::string html = render_journal_page(f.hospital_context(), sample_journal_view());
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "<time datetime=\"2026-11-29T10:15:00Z\">29/11/2026 à 11 h 15</time>"));
    EXPECT_TRUE(contains(html, "<a href=\"/users/5/journal\">bio@chu.test</a>"));
    EXPECT_TRUE(contains(html, "Import Excel"));
    EXPECT_TRUE(contains(html, "<code>dispositif.fabricant</code> — Fabricant"));
    EXPECT_TRUE(contains(html, "<del>Ancien</del>"));
    EXPECT_FALSE(contains(html, "<script>alert"));
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/7\""));
}

TEST(JournalPages, FiltersAreKeptAndCarriedByTheCsvAndOlderLinks) {
    Fixture f;
    const std::string html = render_journal_page(f.hospital_context(), sample_journal_view());
    EXPECT_TRUE(contains(html, "name=\"from\" value=\"2026-01-01\""));
    EXPECT_TRUE(contains(html, "name=\"question\" value=\"dispositif.fabricant\""));
    EXPECT_TRUE(contains(html, "<option value=\"update\" selected>Modification</option>"));
    const std::string query = "from=2026-01-01&amp;to=2026-12-31&amp;action=update&amp;actor=vendor%3A3&amp;question=dispositif.fabricant";
    EXPECT_TRUE(contains(html, "href=\"/responses/3/journal.csv?" + query + "\"")) << html;
    EXPECT_TRUE(contains(html, "href=\"/responses/3/journal?" + query + "&amp;before=42\""));
    EXPECT_TRUE(contains(html, "Plus ancien"));
}

TEST(JournalPages, AnEmptyListSaysSoAndTheAccountPageHasNoQuestionFilter) {
    Fixture f;
    JournalView view;
    view.heading = "Journal — Compte bio@chu.test";
    view.path = "/users/5/journal";
    const std::string html = render_journal_page(f.hospital_context(), view);
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "Aucun événement"));
    EXPECT_FALSE(contains(html, "name=\"question\""));
    EXPECT_FALSE(contains(html, "Plus ancien"));
    EXPECT_TRUE(contains(html, "href=\"/users/5/journal.csv\""));
}
