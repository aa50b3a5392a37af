#include "core/answer_source.hpp"

#include <nlohmann/json.hpp>

namespace cyberachat {

std::string answer_source_json(const AnswerSource& source) {
    nlohmann::json out = {{"kind", source.kind}, {"file", source.file}, {"sha256", source.sha256}};
    if (!source.lines.empty()) out["lines"] = source.lines;
    if (source.response != 0) out["response"] = source.response;
    return out.dump();
}

std::optional<AnswerSource> parse_answer_source(std::string_view text) {
    if (text.empty() || text.size() > 64 * 1024) return std::nullopt;
    const auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_object()) return std::nullopt;
    const auto string_at = [&](const char* key) -> std::string {
        const auto it = parsed.find(key);
        return it != parsed.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    AnswerSource source{string_at("kind"), string_at("file"), string_at("sha256"), {}};
    if (source.kind != "mds2" && source.kind != "sbom" && source.kind != "reuse") return std::nullopt;
    if (const auto response = parsed.find("response"); response != parsed.end() && response->is_number_integer())
        source.response = response->get<long long>();
    if (source.kind == "reuse" && source.response <= 0) return std::nullopt;
    if (const auto lines = parsed.find("lines"); lines != parsed.end() && lines->is_array())
        for (const auto& line : *lines)
            if (line.is_string()) source.lines.push_back(line.get<std::string>());
    return source;
}

std::string_view answer_source_kind_label(std::string_view kind) {
    if (kind == "reuse") return "réponse antérieure";
    return kind == "sbom" ? "SBOM" : "MDS2";
}

}  // namespace cyberachat
