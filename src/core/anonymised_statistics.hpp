#pragma once
// The anonymised statistics of a whole instance (issue 17, `cyberachat stats export`), as a
// hospital shares them with the AFIB working group: per equipment family and quarter, the market
// statistics of each question (core/market_statistics.hpp) — no vendor, no purchase, no id but the
// questions'. The small-group rule applies to every cell and every question in it.
#include <string>
#include <vector>

#include "core/market_statistics.hpp"

namespace cyberachat {

struct AnonymisedCell {
    std::string equipment_family;  // core/equipment_family.hpp ("" : not set)
    std::string period;            // "2026-T1"
    // Computed without filter over the cell's responses: `hidden` when they come from fewer than
    // 3 vendors; its `purchases` count is not written by the exports.
    MarketStatistics statistics;
};

// The cells of the responses submitted on or after `since` ("YYYY-MM-DD"; "" : all), by family
// (the fixed list's order, "" last) then quarter (chronological); only cells that have responses.
std::vector<AnonymisedCell> anonymised_statistics(const std::vector<StatisticsObservation>& observations,
                                                  const std::string& since);

}  // namespace cyberachat
