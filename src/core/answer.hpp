#pragma once
// An answer to one question: a value (JSON, canonical form per kind — see answer_validation.hpp)
// and a free comment, allowed on every kind.
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

namespace cyberachat {

struct Answer {
    nlohmann::json value;  // null: no value (a comment alone is possible)
    std::string comment;
};

using AnswerSet = std::unordered_map<std::string, Answer>;  // question id → answer

// The longest comment (and clarification, review text), in characters.
inline constexpr size_t kMaxCommentCharacters = 5000;

// A value counts as an answer unless it is null, an empty string, array or object.
bool has_value(const nlohmann::json& value);

}  // namespace cyberachat
