// The error page.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/error_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(ErrorPage, RendersStatusAndEscapedMessage) {
    PageContext context;
    const std::string html = render_error_page(context, 404, "Introuvable " + kPageAttack);
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "Page introuvable"));
    EXPECT_FALSE(contains(html, "<script>alert"));
    PageContext en;
    en.language = Language::en;
    en.vendor = true;
    EXPECT_TRUE(contains(render_error_page(en, 403, "No"), "Access denied"));
}
