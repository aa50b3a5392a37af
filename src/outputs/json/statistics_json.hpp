#pragma once
// The market statistics as JSON: the anonymised export of `cyberachat stats export --format json`
// (docs/statistics.md). A hidden statistic (fewer than 3 vendors) is {"hidden": true, …} without
// its figures.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/anonymised_statistics.hpp"
#include "core/market_statistics.hpp"

namespace cyberachat {

// {hidden, responses, vendors, favourable:{…}, parts:[…], questions:[…], vigilance:[…]} — no purchase, no vendor.
nlohmann::json anonymised_statistics_json(const MarketStatistics& statistics);
// {format:"cyberachat-statistics", format_version:1, since, min_vendors, cells:[{equipment_family, period, …}]}
nlohmann::json anonymised_statistics_json(const std::vector<AnonymisedCell>& cells, const std::string& since);

}  // namespace cyberachat
