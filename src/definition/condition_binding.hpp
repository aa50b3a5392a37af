#pragma once
// Binds a parsed condition to a questionnaire: each question id it cites gets its question index,
// and each compared value is checked against that question's kind (oui/non, a choice id, a number).
// Shared by the questionnaire loader (show_if) and the grid loader (favourable_if/unfavourable_if).
#include <string>
#include <vector>

#include "core/condition.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat {

// Returns the mistakes found, in French (empty: the condition is bound and usable).
std::vector<std::string> bind_condition(Condition& condition, const Questionnaire& questionnaire);

}  // namespace cyberachat
