#include "core/anonymised_statistics.hpp"

#include <map>
#include <tuple>

#include "core/equipment_family.hpp"

namespace cyberachat {

namespace {

// The rank of a family in the fixed list; an unknown one after, "" last.
size_t family_rank(const std::string& id) {
    const auto& families = equipment_families();
    if (id.empty()) return families.size() + 1;
    for (size_t i = 0; i < families.size(); ++i)
        if (families[i].id == id) return i;
    return families.size();
}

}  // namespace

std::vector<AnonymisedCell> anonymised_statistics(const std::vector<StatisticsObservation>& observations,
                                                  const std::string& since) {
    using CellKey = std::tuple<size_t, std::string, std::string>;  // family rank, family, quarter
    std::map<CellKey, std::vector<StatisticsObservation>> cells;
    for (const auto& observation : observations) {
        if (!since.empty() && observation.submitted_at.substr(0, 10) < since) continue;
        const std::string quarter = statistics_period(observation.submitted_at, StatisticsPeriod::quarter);
        if (quarter.empty()) continue;
        cells[{family_rank(observation.equipment_family), observation.equipment_family, quarter}].push_back(observation);
    }
    std::vector<AnonymisedCell> out;
    for (const auto& [key, kept] : cells) {
        AnonymisedCell cell;
        cell.equipment_family = std::get<1>(key);
        cell.period = std::get<2>(key);
        cell.statistics = market_statistics(kept, StatisticsFilter{});
        out.push_back(std::move(cell));
    }
    return out;
}

}  // namespace cyberachat
