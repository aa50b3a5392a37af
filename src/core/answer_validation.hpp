#pragma once
// Checks one answer value against its question's kind and returns it in canonical form:
//   yes_no → "oui"/"non"; number/integer → JSON number (French decimal comma accepted);
//   date → "YYYY-MM-DD" (also accepts DD/MM/YYYY); email, phone, text → trimmed string;
//   single_choice → choice id; multiple_choice → [choice ids]; document → [references];
//   table → [{column: value}]; contact → {field: value}.
// An empty value normalizes to null (no answer). Errors carry a French and an English message.
#include <nlohmann/json.hpp>

#include "core/questionnaire.hpp"
#include "core/result.hpp"

namespace cyberachat {

Result<nlohmann::json> normalize_answer(const Question& question, const nlohmann::json& raw);

// The standard sub-fields of a contact block (nom, prénom, fonction, coordonnées, téléphone, email).
const std::vector<Field>& standard_contact_fields();

}  // namespace cyberachat
