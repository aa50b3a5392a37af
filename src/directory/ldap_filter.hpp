#pragma once
// Putting what a user typed into an LDAP search filter without letting it change the filter:
// RFC 4515 escaping (each of * ( ) \ NUL becomes \XX), so that a login like "*)(uid=*" matches
// the literal text, never every entry.
#include <string>
#include <string_view>

namespace cyberachat::directory {

// `value` as an RFC 4515 assertion value: '*', '(', ')', '\' and NUL as \2a \28 \29 \5c \00;
// every other byte (UTF-8 included) as is.
std::string escape_filter_value(std::string_view value);

// `filter_template` with each occurrence of `placeholder` ("{login}", "{dn}") replaced by
// escape_filter_value(value).
std::string fill_filter(std::string_view filter_template, std::string_view placeholder, std::string_view value);

}  // namespace cyberachat::directory
