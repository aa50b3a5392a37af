// The login page.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/login_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(LoginPage, HasCsrfAndLabelledFields) {
    PageContext context;
    context.csrf_token = "abc";
    const std::string html = render_login_page(context, kPageAttack, "Identifiants incorrects.");
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/login\""));
    EXPECT_TRUE(contains(html, "<input type=\"hidden\" name=\"_csrf\" value=\"abc\">"));
    EXPECT_TRUE(contains(html, "<label for=\"email\">"));
    EXPECT_TRUE(contains(html, "<label for=\"password\">"));
    EXPECT_TRUE(contains(html, "name=\"password\""));
    EXPECT_TRUE(contains(html, "Identifiants incorrects."));
    EXPECT_TRUE(contains(tag_with_id(html, "email"), "aria-invalid=\"true\""));
    EXPECT_FALSE(contains(html, "<script>alert"));
}
