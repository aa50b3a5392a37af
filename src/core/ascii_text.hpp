#pragma once
// ASCII-only text helpers shared by every layer (headers, form fields, stored names, answers).
#include <string>
#include <string_view>

namespace cyberachat {

// `text` without its leading and trailing ASCII white space (space, \t, \n, \v, \f, \r).
std::string_view trim(std::string_view text);

// `text` with its ASCII capitals lowered (other bytes, UTF-8 included, unchanged).
std::string lower_ascii(std::string_view text);

}  // namespace cyberachat
