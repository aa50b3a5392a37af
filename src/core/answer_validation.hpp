#pragma once
// Checks one answer value against its question's kind and returns it in canonical form:
//   yes_no → "oui"/"non"; number/integer → JSON number (French decimal comma accepted);
//   date → "YYYY-MM-DD" (also accepts DD/MM/YYYY); email, phone, text → trimmed string;
//   single_choice → choice id; multiple_choice → [choice ids]; document → [references], or {"unavailable": reason}
//   (core/document_answer.hpp);
//   table → [{column: value}]; contact → {field: value}.
// An empty value normalizes to null (no answer). Errors carry a French and an English message.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/questionnaire.hpp"
#include "core/result.hpp"

namespace cyberachat {

// The most rows a table answer holds (an SBOM of thousands of components fills the software list).
inline constexpr size_t kMaxTableRows = 5000;

Result<nlohmann::json> normalize_answer(const Question& question, const nlohmann::json& raw);

// The checks of the `email` and `date` kinds on one text, for fields that are not answers (a
// vendor's contact address, a purchase's deadline): the trimmed address, the date as YYYY-MM-DD
// (given as YYYY-MM-DD or DD/MM/YYYY). An empty text is an error.
Result<std::string> validate_email(std::string_view text);
Result<std::string> validate_date(std::string_view text);

// The standard sub-fields of a contact block (nom, prénom, fonction, coordonnées, téléphone, email).
const std::vector<Field>& standard_contact_fields();

}  // namespace cyberachat
