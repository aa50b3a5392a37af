#pragma once
// The AFIB questionnaire (questionnaires/afib.yaml), embedded in the binary at build time.
#include <memory>
#include <string_view>

#include "core/questionnaire.hpp"

namespace cyberachat {

std::string_view builtin_afib_yaml();
inline constexpr const char* kBuiltinAfibName = "afib.yaml (intégré)";
// Loaded once; the embedded file is checked by the tests, so this never fails in a release.
std::shared_ptr<const Questionnaire> builtin_afib();

}  // namespace cyberachat
