#pragma once
// A document question's answer, besides the files the vendor uploads: the statement that the
// document is not available, with the reason ({"unavailable": "reason"}). It counts as an
// answer (the question is answered, the response can be submitted), the reason is shown to the
// hospital wherever the answer is, and the scoring grid counts it as a document not given
// (unfavourable under a rule that asks for the document). Uploading a file replaces it.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/localized_text.hpp"
#include "core/result.hpp"

namespace cyberachat {

// The longest reason, in characters.
inline constexpr size_t kMaxUnavailableReasonCharacters = 2000;

// The canonical statement for `reason` (trimmed; not checked: see normalize_unavailable_document).
nlohmann::json unavailable_document(std::string_view reason);

// Whether `value` is such a statement (an object with exactly the member "unavailable").
bool is_unavailable_document(const nlohmann::json& value);

// The reason of a statement, or nothing when `value` is not one.
std::optional<std::string> unavailable_document_reason(const nlohmann::json& value);

// Checks a statement as it arrives ({"unavailable": text}): the reason is required, UTF-8, at
// most kMaxUnavailableReasonCharacters characters; returns it canonical.
Result<nlohmann::json> normalize_unavailable_document(const nlohmann::json& raw);

// "Non disponible : <reason>" / "Not available: <reason>", as every output shows it.
LocalizedText unavailable_document_text(std::string_view reason);

// The label of the statement alone ("Non disponible" / "Not available"), and the prefix an
// Excel cell starts with to state it ("Non disponible :" / "Not available:").
LocalizedText unavailable_document_label();

}  // namespace cyberachat
