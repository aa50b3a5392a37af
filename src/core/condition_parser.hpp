#pragma once
// Parses show_if expressions:
//   expr     := and_expr ('or' and_expr)*
//   and_expr := not_expr ('and' not_expr)*
//   not_expr := 'not' not_expr | primary
//   primary  := '(' expr ')' | 'answered' '(' ID ')' | ID ('==' | '!=') VALUE
//   VALUE    := WORD | NUMBER | 'quoted' | "quoted"
#include <cstddef>
#include <string_view>

#include "core/condition.hpp"
#include "core/result.hpp"

namespace cyberachat {

// Budgets: a condition longer than kMaxConditionLength characters, or nesting 'not' and
// parentheses deeper than kMaxConditionDepth levels, is a syntax error (the parser and every walk
// of the tree recurse once per level).
inline constexpr size_t kMaxConditionLength = 4096;
inline constexpr size_t kMaxConditionDepth = 32;

// On failure the Error's message names the column and what was expected.
Result<ConditionPtr> parse_condition(std::string_view text);

}  // namespace cyberachat
