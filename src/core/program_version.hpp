#pragma once
// The program's version (as `cyberachat --version` says it and backups record it); kept equal to
// the VERSION of CMakeLists.txt's project().
#include <string_view>

namespace cyberachat {

inline constexpr std::string_view kProgramVersion = "0.1.0";

}  // namespace cyberachat
