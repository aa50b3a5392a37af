// The history's SVG chart: one dot and one bar per submitted response, every figure in its
// description, attributes only (no style, no script), nothing when there is no point.
#include "web/views/vendor_history_chart.hpp"

#include <gtest/gtest.h>

#include "view_test_support.hpp"

namespace cyberachat::web::views {
namespace {

using testing::contains;
using testing::count;

TEST(VendorHistoryChart, DrawsEachResponsesScoreAndPointsDeVigilanceWithATextAlternative) {
    const std::string svg = render_history_chart_svg({{12, "03/02/2026", 62, 4}, {31, "15/11/2026", 85, 1}});
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_TRUE(contains(svg, "role=\"img\""));
    EXPECT_TRUE(contains(svg, "aria-labelledby=\"history-chart-title history-chart-desc\""));
    EXPECT_TRUE(contains(svg, "Réponse n° 12 du 03/02/2026\u00A0: score 62, 4 points de vigilance."));
    EXPECT_TRUE(contains(svg, "Réponse n° 31 du 15/11/2026\u00A0: score 85, 1 point de vigilance."));
    EXPECT_EQ(count(svg, "<circle"), 2u);
    EXPECT_EQ(count(svg, "data-findings="), 2u);
    EXPECT_TRUE(contains(svg, "data-score=\"85\""));
    EXPECT_TRUE(contains(svg, "<path d=\"M"));  // the score's line between the two
    EXPECT_FALSE(contains(svg, "style"));
    EXPECT_FALSE(contains(svg, "<script"));
    // Higher score, higher dot: y decreases.
    const size_t first = svg.find("data-response=\"12\""), second = svg.find("data-response=\"31\"");
    auto cy = [&](size_t at) { const size_t c = svg.rfind("cy=\"", at); return std::stoi(svg.substr(c + 4)); };
    EXPECT_GT(cy(first), cy(second));
}

TEST(VendorHistoryChart, NothingWithoutAPointAndNoLineWithOne) {
    EXPECT_EQ(render_history_chart_svg({}), "");
    const std::string one = render_history_chart_svg({{7, "01/01/2027", 40, 0}});
    EXPECT_EQ(count(one, "<circle"), 1u);
    EXPECT_FALSE(contains(one, "<path d=\"M"));
    EXPECT_TRUE(contains(one, "0 point de vigilance."));
}

}  // namespace
}  // namespace cyberachat::web::views
