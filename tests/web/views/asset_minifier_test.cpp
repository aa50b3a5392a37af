// The stylesheet and the script are sent without comments and indentation; the simple rules hold
// for the real files (no "/*" in a CSS string, no multi-line literal in the script).
#include "web/views/asset_minifier.hpp"

#include <gtest/gtest.h>

#include "embedded_files.hpp"

using namespace cyberachat::web::views;
namespace embedded = cyberachat::embedded;

TEST(AssetMinifier, CssLosesCommentsIndentationAndBlankLines) {
    const std::string css = "/* header\n   over lines */\n.a {\n  color: red; /* why */\n\n  content: \"›\";\n}\n";
    EXPECT_EQ(minify_css(css), ".a {\ncolor: red;\ncontent: \"›\";\n}\n");
    EXPECT_EQ(minify_css("a{}/* unclosed"), "a{}\n");
}

TEST(AssetMinifier, JsLosesWholeLineCommentsAndKeepsEveryLineOfCode) {
    const std::string js =
        "/* a block\n * over lines\n */\n(function () {\n  // a note\n  var url = \"http://x\"; // kept: not a whole line\n"
        "  /* one line */\n  return 1;\n})();\n";
    EXPECT_EQ(minify_js(js), "(function () {\nvar url = \"http://x\"; // kept: not a whole line\nreturn 1;\n})();\n");
}

TEST(AssetMinifier, TheRealFilesFitTheRulesAndShrink) {
    const std::string_view css = embedded::file("src/web/assets/app.css");
    const std::string_view js = embedded::file("src/web/assets/app.js");
    ASSERT_FALSE(css.empty());
    ASSERT_FALSE(js.empty());
    EXPECT_EQ(js.find('`'), std::string_view::npos) << "no template literal (it could span lines)";
    EXPECT_EQ(js.find("\\\n"), std::string_view::npos) << "no string continued on the next line";
    const std::string small_css = minify_css(css), small_js = minify_js(js);
    EXPECT_LT(small_css.size(), css.size() * 9 / 10);
    EXPECT_LT(small_js.size(), js.size() * 9 / 10);
    EXPECT_EQ(small_css.find("/*"), std::string::npos);
    // Every CSS string of the source is still there (none held a comment opener).
    for (const char* kept : {"content: \"✓ \";", "content: \"⚠ \";", "justify-content: space-between;"})
        EXPECT_NE(small_css.find(kept), std::string::npos) << kept;
    // The script's code lines are all there, in order: the source without its comment lines.
    for (const char* kept : {"function Autosave(form) {", "function refreshSectionState(autosave) {",
                             "Autosave.prototype.applyProgress = function (progress) {", "})();"})
        EXPECT_NE(small_js.find(kept), std::string::npos) << kept;
    size_t comment_lines = 0;
    for (size_t at = 0; (at = small_js.find("\n//", at)) != std::string::npos; ++at) ++comment_lines;
    EXPECT_EQ(comment_lines, 0u);
}
