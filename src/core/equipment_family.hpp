#pragma once
// The equipment family of a purchase (issue 17): a fixed list, so that the market statistics
// (core/market_statistics.hpp) can be filtered and broken down by family across purchases.
// "" means not set.
#include <string_view>
#include <vector>

#include "core/localized_text.hpp"

namespace cyberachat {

struct EquipmentFamily {
    std::string_view id;     // "imagerie", "surveillance", …
    std::string_view label_fr;
    std::string_view label_en;
};

// Every family, in the order a form lists them ("autre" last).
const std::vector<EquipmentFamily>& equipment_families();

// nullptr for "" or an unknown id.
const EquipmentFamily* find_equipment_family(std::string_view id);

// "" (not set) or one of the ids.
bool valid_equipment_family(std::string_view id);

// The family's label in `language`; "Non renseignée" / "Not set" for "", the id itself when unknown.
std::string_view equipment_family_label(std::string_view id, Language language);

}  // namespace cyberachat
