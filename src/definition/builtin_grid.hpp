#pragma once
// The AFIB scoring grid (questionnaires/afib-grid.yaml), embedded in the binary at build time.
#include <memory>
#include <string_view>

#include "core/scoring_grid.hpp"

namespace cyberachat {

std::string_view builtin_afib_grid_yaml();
inline constexpr const char* kBuiltinAfibGridName = "afib-grid.yaml (intégré)";
// Loaded once against builtin_afib(); the embedded file is checked by the tests.
std::shared_ptr<const ScoringGrid> builtin_afib_grid();

}  // namespace cyberachat
