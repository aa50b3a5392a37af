#pragma once
// Formatting of values for reading: dates "31/03/2027", numbers with the French decimal comma,
// sizes in Ko/Mo, answers per kind (Oui/Non, choice labels, tables, contact blocks, documents).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/acquisition.hpp"
#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

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

// "Brouillon" / "Soumis le 29/11/2026 à 11 h 15".
std::string response_status_label(const VendorResponse& response, Language language);
// "Oui" / "Non" / "Yes" / "No"; other strings unchanged.
std::string yes_no_label(std::string_view value, Language language);

// The value of one input (for `value=""`), from a stored canonical value of a scalar kind.
std::string input_value(QuestionKind kind, const nlohmann::json& value, Language language);

// Writes an answer formatted for reading (documents excepted, see write_documents). An empty value
// is written as "Non renseigné" / "Not answered".
void write_answer_value(html::HtmlWriter& w, const Question& question, const nlohmann::json& value,
                        Language language);
void write_unanswered(html::HtmlWriter& w, Language language);

// A list of documents: name (link to url_prefix + id), size and SHA-256 (abridged or full).
void write_documents(html::HtmlWriter& w, const std::vector<StoredDocument>& documents, Language language,
                     std::string_view url_prefix, bool full_sha256);

}  // namespace cyberachat::web::views
