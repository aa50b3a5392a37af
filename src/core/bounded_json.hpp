#pragma once
// JSON that comes from outside (request bodies, uploaded or imported files), parsed within a
// nesting budget. nlohmann's parser is iterative, but copying, dumping and comparing a value are
// recursive: a value 100,000 levels deep (under 600 KB) would overflow the stack of whatever
// touches it next. The depth is therefore measured on the text, before anything is built.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/result.hpp"

namespace cyberachat {

// Deepest nesting accepted in JSON from outside: an object holding an array holding an object
// is depth 3. The API's deepest legitimate value (a table answer: an array of row objects inside
// the body object) is depth 4.
inline constexpr size_t kMaxJsonDepth = 64;

// The deepest nesting of arrays and objects in `text` (brackets inside strings do not count).
// Stops scanning as soon as the depth exceeds `stop_above` and returns stop_above + 1.
size_t json_nesting_depth(std::string_view text, size_t stop_above = kMaxJsonDepth);

// Parses `text` as JSON. Errors: "json_too_deep" when it nests deeper than `max_depth`,
// "bad_json" when it is not JSON. Both with a French and an English message.
Result<nlohmann::json> parse_bounded_json(std::string_view text, size_t max_depth = kMaxJsonDepth);

}  // namespace cyberachat
