#pragma once
// Values formatted for reading, in plain text (no HTML): dates "31/03/2027", Paris times, numbers
// with the French decimal comma and narrow no-break spaces, sizes in Ko/Mo, Oui/Non, and a whole
// answer as one text. The pages (web/views/answer_format), the PDF reports and the CSV export all
// read values through these.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/acquisition.hpp"
#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"

// French typography: a no-break space before « : ; ? ! » and inside « », a narrow one in numbers.
#define CYB_NBSP "\u00A0"
#define CYB_NNBSP "\u202F"

namespace cyberachat {

// "2027-03-31" → "31/03/2027" (French) or "31 March 2027" (English); anything else unchanged.
std::string format_date(std::string_view iso_date, Language language);
// "2026-11-29T10:15:00Z" (UTC) → Paris time "29/11/2026 à 11 h 15" / "29 November 2026, 11:15".
std::string format_datetime(std::string_view iso_time, Language language);
// Reading format: 1234.5 → "1 234,5" (French, narrow no-break space) / "1,234.5" (English).
std::string format_number(double value, Language language);
// Input format: 1234.5 → "1234,5" / "1234.5" (no grouping, accepted back by the validator).
std::string format_number_input(double value, Language language);
// 1536 → "1,5 Ko" / "1.5 KB".
std::string format_size(std::int64_t bytes, Language language);
// The first 12 hex digits of a SHA-256 followed by "…".
std::string abridged_sha256(std::string_view sha256);

// A count with its noun in the right number, never "(s)": French takes the singular for 0 and 1
// ("0 réponse", "1 réponse", "2 réponses"), English for 1 only ("0 answers", "1 answer").
std::string count_with_noun(size_t count, std::string_view singular, std::string_view plural, Language language);

// "Brouillon" / "Soumis le 29/11/2026 à 11 h 15".
std::string response_status_label(const VendorResponse& response, Language language);
// "oui"/"non" → "Oui" / "Non" / "Yes" / "No"; other strings unchanged. (No bool overload on
// purpose: a string literal would pick it.)
std::string yes_no_label(std::string_view value, Language language);

// A JSON value as text: a string as is, null as "", anything else as compact JSON.
std::string json_value_text(const nlohmann::json& value);

// The value of one input (for `value=""`), from a stored canonical value of a scalar kind.
std::string input_value(QuestionKind kind, const nlohmann::json& value, Language language);

// A non-empty scalar value of a kind (question, table column or contact field) for reading,
// without its unit: Oui/Non, "1 234,5", "31/03/2027", the text.
std::string scalar_text(QuestionKind kind, const nlohmann::json& value, Language language);

// A whole answer as one plain text (PDF reports, CSV export): scalars as scalar_text followed by
// the unit, choice labels (several separated by ", "), tables as one line per row
// "column : value ; …", contact blocks as "field : value" lines, documents as "" (their files are listed apart), or
// "Non disponible : <raison>" when the vendor stated it.
// "" when the value is empty (the caller writes "Non renseigné" if it wants).
std::string answer_text(const Question& question, const nlohmann::json& value, Language language);

}  // namespace cyberachat
