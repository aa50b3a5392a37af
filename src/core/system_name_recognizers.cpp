#include "core/system_name_recognizers.hpp"

#include <algorithm>

namespace cyberachat::system_names {

LocalizedText missing_version() { return {"version manquante", "version missing"}; }
LocalizedText missing_edition() { return {"édition non précisée", "edition not given"}; }
LocalizedText missing_service_pack() { return {"service pack non précisé", "service pack not given"}; }
LocalizedText missing_minor_version() { return {"version mineure non précisée", "minor version not given"}; }
LocalizedText missing_distribution() {
    return {"distribution non précisée (Oracle JDK ou une autre version d'OpenJDK)",
            "distribution not given (Oracle JDK or another OpenJDK build)"};
}
LocalizedText not_in_data(std::string_view what) {
    return {"absent des données de fin de support : " + std::string(what),
            "not in the end-of-support data: " + std::string(what)};
}

SystemMatch unrecognised(std::string product, LocalizedText reason) {
    SystemMatch match;
    match.product = std::move(product);
    match.reason = std::move(reason);
    return match;
}

SystemMatch any_of(std::vector<CycleRef> cycles, std::string product, LocalizedText reason) {
    std::sort(cycles.begin(), cycles.end());
    cycles.erase(std::unique(cycles.begin(), cycles.end()), cycles.end());
    SystemMatch match;
    match.product = std::move(product);
    match.recognised = !cycles.empty();
    if (cycles.size() != 1) match.reason = std::move(reason);
    match.cycles = std::move(cycles);
    return match;
}

SystemMatch cycles_of(const SupportProduct& product, std::vector<const SupportCycle*> cycles, LocalizedText reason) {
    if (cycles.empty()) return unrecognised(product.key, not_in_data(product.title + " (version)"));
    std::vector<CycleRef> refs;
    for (const SupportCycle* cycle : cycles) refs.push_back(CycleRef{product.key, cycle->cycle});
    return any_of(std::move(refs), product.key, std::move(reason));
}

bool token_is(const Tokens& tokens, size_t at, std::string_view key) { return at < tokens.size() && tokens[at].key == key; }

bool token_in(const Tokens& tokens, size_t at, std::initializer_list<std::string_view> keys) {
    if (at >= tokens.size()) return false;
    return std::find(keys.begin(), keys.end(), tokens[at].key) != keys.end();
}

bool words_at(const Tokens& tokens, size_t at, const std::vector<std::string_view>& words) {
    if (words.empty() || at + words.size() > tokens.size()) return false;
    for (size_t i = 0; i < words.size(); ++i)
        if (tokens[at + i].key != words[i]) return false;
    return true;
}

int compare_versions(std::string_view a, std::string_view b) {
    const auto pa = version_parts(a), pb = version_parts(b);
    for (size_t i = 0; i < std::max(pa.size(), pb.size()); ++i) {
        const std::string& x = i < pa.size() ? pa[i] : std::string("0");
        const std::string& y = i < pb.size() ? pb[i] : std::string("0");
        // Numbers without their leading zeros, compared by length then digits (no overflow).
        const auto strip = [](const std::string& s) {
            const size_t first = s.find_first_not_of('0');
            return first == std::string::npos ? std::string() : s.substr(first);
        };
        const std::string sx = strip(x), sy = strip(y);
        if (sx.size() != sy.size()) return sx.size() < sy.size() ? -1 : 1;
        if (sx != sy) return sx < sy ? -1 : 1;
    }
    return 0;
}

std::string leading_version(std::string_view text) {
    size_t end = 0;
    while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') ||
                                 (text[end] == '.' && end > 0 && end + 1 < text.size() && text[end + 1] >= '0' && text[end + 1] <= '9')))
        ++end;
    return std::string(text.substr(0, end));
}

}  // namespace cyberachat::system_names
