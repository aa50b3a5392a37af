#include "core/document_answer.hpp"

#include "core/ascii_text.hpp"
#include "core/utf8.hpp"

namespace cyberachat {

using nlohmann::json;

namespace {
constexpr const char* kMember = "unavailable";

Error invalid(std::string fr, std::string en) { return Error::make(ErrorCode::invalid_value, std::move(fr), std::move(en)); }
}  // namespace

json unavailable_document(std::string_view reason) { return json{{kMember, std::string(trim(reason))}}; }

bool is_unavailable_document(const json& value) {
    return value.is_object() && value.size() == 1 && value.contains(kMember);
}

std::optional<std::string> unavailable_document_reason(const json& value) {
    if (!is_unavailable_document(value)) return std::nullopt;
    const json& reason = value[kMember];
    return reason.is_string() ? reason.get<std::string>() : std::string();
}

Result<json> normalize_unavailable_document(const json& raw) {
    if (!is_unavailable_document(raw))
        return invalid("Déclarez un document non disponible par {\"unavailable\": \"raison\"}.",
                       "State a document not available as {\"unavailable\": \"reason\"}.");
    const json& reason = raw[kMember];
    if (!reason.is_string() && !reason.is_null())
        return invalid("La raison doit être un texte.", "The reason must be a text.");
    const std::string text = reason.is_string() ? std::string(trim(reason.get_ref<const std::string&>())) : std::string();
    if (text.empty())
        return invalid("Indiquez pourquoi ce document n'est pas disponible.", "Say why this document is not available.");
    if (!is_valid_utf8(text))
        return invalid("La raison contient des caractères illisibles (encodage autre que UTF-8).",
                       "The reason contains unreadable characters (not UTF-8).");
    if (longer_than(text, kMaxUnavailableReasonCharacters))
        return invalid("La raison est trop longue (2 000 caractères au plus).", "The reason is too long (at most 2,000 characters).");
    return unavailable_document(text);
}

LocalizedText unavailable_document_text(std::string_view reason) {
    return {"Non disponible : " + std::string(reason), "Not available: " + std::string(reason)};
}

LocalizedText unavailable_document_label() { return {"Non disponible", "Not available"}; }

}  // namespace cyberachat
