#pragma once
// Passwords that attackers try first, French and English (the most used ones in published
// leak statistics and their usual bases), compared lower-cased.
#include <string_view>

namespace cyberachat::security {

// Whether `lowered` (lower-case ASCII) is one of them.
bool is_common_password(std::string_view lowered);

}  // namespace cyberachat::security
