#include "web/html/html_writer.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace cyberachat::web::html;

namespace {

constexpr const char* kAttack = "\"><script>alert(1)</script>";

}  // namespace

TEST(HtmlWriter, EscapesText) {
    HtmlWriter w;
    w.open("p").text(kAttack).text(" & 'quotes'").close("p");
    const std::string html = w.take();
    EXPECT_EQ(html, "<p>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;quotes&#39;</p>");
    EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(HtmlWriter, EscapesAttributeValues) {
    HtmlWriter w;
    std::string value = kAttack;
    w.void_tag("input", {{"type", "text"}, {"value", value}, {"title", std::string_view("a'b")}});
    const std::string html = w.take();
    EXPECT_EQ(html, "<input type=\"text\" value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" title=\"a&#39;b\">");
    EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(HtmlWriter, WritesBooleanIntegerAndOptionalAttributes) {
    HtmlWriter w;
    w.void_tag("input", {{"type", "radio"},
                         {"checked", true},
                         {"disabled", false},
                         {"data-revision", std::int64_t{42}},
                         {"max", 100},
                         Attr::flag("hidden", true),
                         Attr::optional("aria-describedby", ""),
                         Attr::when(false, "aria-invalid", "true")});
    EXPECT_EQ(w.take(), "<input type=\"radio\" checked data-revision=\"42\" max=\"100\" hidden>");
}

TEST(HtmlWriter, IntegerAttributesSurviveCopies) {
    // initializer_list copies its elements: the number must not point into a dead temporary.
    HtmlWriter w;
    Attr a("value", 123456789);
    Attr b = a;
    w.void_tag("input", {b, Attr("min", -5)});
    EXPECT_EQ(w.take(), "<input value=\"123456789\" min=\"-5\">");
}

TEST(HtmlWriter, RejectsInvalidNames) {
    HtmlWriter w;
    EXPECT_THROW(w.open("di v"), std::invalid_argument);
    EXPECT_THROW(w.void_tag("input", {{"onclick=\"x\"", "y"}}), std::invalid_argument);
    EXPECT_THROW(w.open("p", {{"a>b", "c"}}), std::invalid_argument);
    EXPECT_THROW(w.open("p", {{"", "c"}}), std::invalid_argument);
    EXPECT_TRUE(valid_name("aria-describedby"));
    EXPECT_TRUE(valid_name("data-msg-saved"));
    EXPECT_FALSE(valid_name("1abc"));
}

TEST(HtmlWriter, ChecksNesting) {
    HtmlWriter w;
    w.open("div").open("p");
    EXPECT_THROW(w.close("div"), std::logic_error);
    w.close("p");
    EXPECT_EQ(w.depth(), 1u);
    EXPECT_THROW(w.take(), std::logic_error);
    w.close("div");
    EXPECT_EQ(w.take(), "<div><p></p></div>");
}

TEST(HtmlWriter, RawIsWrittenAsIs) {
    HtmlWriter inner;
    inner.element("strong", "a < b");
    HtmlWriter w;
    w.open("p").raw(inner.str()).close("p");
    EXPECT_EQ(w.take(), "<p><strong>a &lt; b</strong></p>");
}

TEST(HtmlWriter, UrlEncode) {
    EXPECT_EQ(url_encode("/vendor/sections/a.b"), "/vendor/sections/a.b");
    EXPECT_EQ(url_encode("a b&c=\"d\""), "a%20b%26c%3D%22d%22");
}

TEST(Markup, ParagraphsListsAndBold) {
    const std::string html = markup_to_html(
        "Premier **paragraphe** ici\nsuite\n\nLa **version** :\n\n- un\n- **deux**\n- trois\n\nFin.\n");
    EXPECT_EQ(html,
              "<p>Premier <strong>paragraphe</strong> ici\nsuite</p>\n"
              "<p>La <strong>version</strong> :</p>\n"
              "<ul><li>un</li><li><strong>deux</strong></li><li>trois</li></ul>\n"
              "<p>Fin.</p>\n");
}

TEST(Markup, ListRightAfterAParagraphLine) {
    EXPECT_EQ(markup_to_html("Titre\n- a\n- b\nAprès"), "<p>Titre</p>\n<ul><li>a</li><li>b</li></ul>\n<p>Après</p>\n");
}

TEST(Markup, EscapesEverything) {
    const std::string html = markup_to_html(std::string("Attention ") + kAttack + "\n\n- <b>x</b> & **<i>y</i>**");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_EQ(html.find("<i>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("<strong>&lt;i&gt;y&lt;/i&gt;</strong>"), std::string::npos);
}

TEST(Markup, UnpairedStarsStayText) {
    EXPECT_EQ(markup_to_html("a ** b"), "<p>a ** b</p>\n");
    EXPECT_EQ(markup_to_html("**gras"), "<p>**gras</p>\n");
}

TEST(Markup, LinksOnlyWebAddresses) {
    const std::string html = markup_to_html("DOI : https://doi.org/10.34746/ids213.\n\njavascript:alert(1) http://x");
    EXPECT_NE(html.find("<a href=\"https://doi.org/10.34746/ids213\">https://doi.org/10.34746/ids213</a>."),
              std::string::npos);
    EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
    const std::string quoted = markup_to_html("https://example.org/\"onmouseover=\"x");
    EXPECT_EQ(quoted.find("\"onmouseover"), std::string::npos);
}

TEST(Markup, EmptyAndBlankInput) {
    EXPECT_EQ(markup_to_html(""), "");
    EXPECT_EQ(markup_to_html("\n\n  \n"), "");
}
