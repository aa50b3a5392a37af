#pragma once
// The market statistics page (GET /statistics, French): the filter form, then the summary, the
// most frequent points de vigilance, the favourable share per part (an SVG chart drawn on the
// server, and its table), each question's distribution grouped by part, and the evolution over
// time (chart and table). Hidden statistics read "Moins de 3 fournisseurs : masqué".
#include <map>
#include <string>
#include <vector>

#include "core/market_statistics.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct StatisticsPurchaseOption {
    long long id = 0;
    std::string title;
};

struct StatisticsPageData {
    std::vector<StatisticsPurchaseOption> purchases;  // those the account sees, for the filter
    StatisticsFilter filter;                          // as applied
    std::map<std::string, std::string> errors;        // a filter field → why it was ignored
    MarketStatistics statistics;
    std::string query;  // the filter as a query string ("from=…&to=…"), for the CSV link
};

std::string render_statistics_page(const PageContext& context, const StatisticsPageData& data);

// The charts, on their own (role="img", a title and a description; the page's tables are their
// text alternative). Nothing ("") when there is nothing to draw.
std::string render_part_share_chart_svg(const MarketStatistics& statistics);
std::string render_evolution_chart_svg(const MarketStatistics& statistics);

}  // namespace cyberachat::web::views
