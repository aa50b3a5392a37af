#pragma once
// How deeply a YAML text nests, estimated on the text before any parser touches it: yaml-cpp's
// parser recurses once per level (up to 2,000 levels), which a text from outside must not be able
// to drive on a worker thread's stack. The same idea as json_nesting_depth (core/bounded_json.hpp)
// for JSON. Internal to src/definition.
#include <cstddef>
#include <string_view>

namespace cyberachat::definition_detail {

// Deepest text nesting accepted before parsing (the node tree is then held to kMaxYamlDepth).
inline constexpr size_t kMaxYamlTextDepth = 64;

struct YamlNesting {
    size_t depth = 0;  // the deepest level seen, or stop_above + 1
    int line = 0;      // 1-based line where that depth is first reached
};

// Levels are block levels (each indentation deeper than the enclosing one, and each "- ", "? " or
// ": " that opens a nested block on the same line) plus open flow brackets ([ and { outside
// quoted texts, comments and block texts `|`/`>`). An over-estimate of the node depth rather
// than an under-estimate: a bracket that starts a word inside a plain text may count. Linear in
// the text; stops as soon as the depth exceeds `stop_above`.
YamlNesting yaml_nesting_depth(std::string_view text, size_t stop_above = kMaxYamlTextDepth);

}  // namespace cyberachat::definition_detail
