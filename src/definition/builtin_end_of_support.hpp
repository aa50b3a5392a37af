#pragma once
// The end-of-support data (data/end-of-support/os-eol.json, from endoflife.date; see
// docs/end-of-support.md), embedded in the binary at build time.
#include <string_view>

#include "core/end_of_support.hpp"

namespace cyberachat {

inline constexpr const char* kBuiltinEndOfSupportPath = "data/end-of-support/os-eol.json";

std::string_view builtin_end_of_support_json();
// Parsed once (thread-safe); the embedded file is checked by the tests, so this never fails in a release.
const EndOfSupportData& builtin_end_of_support();

}  // namespace cyberachat
