#include "web/history_pair_query.hpp"

#include <charconv>
#include <string>

namespace cyberachat::web {

namespace {

std::optional<Id> response_number(const std::string& text) {
    Id value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || text.size() > 18 || ec != std::errc() || end != text.data() + text.size() || value <= 0)
        return std::nullopt;
    return value;
}

}  // namespace

Result<std::optional<std::pair<Id, Id>>> history_pair_from(const httplib::Request& req) {
    const bool has_from = req.has_param("from"), has_to = req.has_param("to");
    if (!has_from && !has_to) return std::optional<std::pair<Id, Id>>();
    if (has_from != has_to)
        return Error::make(ErrorCode::invalid_value, "Choisissez les deux réponses à comparer (from et to).",
                           "Choose both responses to compare (from and to).");
    const std::string from_text = req.get_param_value("from"), to_text = req.get_param_value("to");
    const auto from = response_number(from_text), to = response_number(to_text);
    if (!from || !to)
        return Error::make(ErrorCode::invalid_value, std::string("Numéro de réponse illisible pour « ") + (from ? "to" : "from") + " » : un nombre est attendu.",
                           "Unreadable response number.");
    return std::optional<std::pair<Id, Id>>(std::pair{*from, *to});
}

}  // namespace cyberachat::web
