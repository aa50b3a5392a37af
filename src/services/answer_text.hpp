#pragma once
// An answer as one plain text, in a language (for the PDF reports and the CSV export): the same
// formats as the pages (dates "31/03/2027", numbers "1 234,5", choice labels, Oui/Non), tables as
// one line per row "column : value ; …", contact blocks as "field : value" lines.
#include <nlohmann/json.hpp>
#include <string>

#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat::services {

// "" when the value is empty (the caller writes "Non renseigné" if it wants).
std::string answer_text(const Question& question, const nlohmann::json& value, Language language);

}  // namespace cyberachat::services
