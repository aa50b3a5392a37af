#include "core/system_name_matcher.hpp"

#include <optional>

#include "core/system_name_recognizers.hpp"
#include "core/system_name_tokens.hpp"

namespace cyberachat {
namespace {

using system_names::NameHit;
using system_names::Tokens;

// Enough for any name of kMaxSystemNameBytes, and for kMaxScannedTextBytes of prose.
constexpr size_t kMaxTokens = kMaxScannedTextBytes / 2;

// The best reading of the tokens at `at`: one that read a version beats one that did not, then the
// longest product name ("Oracle Linux 8" is Oracle Linux, not Oracle Database).
std::optional<NameHit> hit_at(const EndOfSupportData& data, const Tokens& tokens, size_t at) {
    std::optional<NameHit> best;
    for (auto recognise : {system_names::windows_at, system_names::sql_server_at, system_names::numbered_product_at}) {
        auto hit = recognise(data, tokens, at);
        if (!hit) continue;
        if (!best || hit->has_version > best->has_version ||
            (hit->has_version == best->has_version && hit->name_length > best->name_length))
            best = std::move(hit);
    }
    return best;
}

}  // namespace

SystemMatch match_system_name(const EndOfSupportData& data, std::string_view name, std::string_view version) {
    if (name.size() + version.size() > kMaxSystemNameBytes)
        return system_names::unrecognised(
            "", {"nom trop long (" + std::to_string(kMaxSystemNameBytes) + " octets au plus)",
                 "name too long (at most " + std::to_string(kMaxSystemNameBytes) + " bytes)"});
    std::string text(name);
    if (!version.empty()) text += " " + std::string(version);
    const Tokens tokens = name_tokens(text, kMaxTokens);
    std::optional<NameHit> first;
    for (size_t at = 0; at < tokens.size(); ++at) {
        auto hit = hit_at(data, tokens, at);
        if (!hit) continue;
        if (hit->has_version) return std::move(hit->match);
        if (!first) first = std::move(hit);
    }
    if (first) return std::move(first->match);
    return system_names::unrecognised("", {"aucun système connu des données de fin de support dans ce nom",
                                           "no system of the end-of-support data in this name"});
}

std::vector<SystemMention> find_systems_in_text(const EndOfSupportData& data, std::string_view text) {
    const std::string_view scanned = text.substr(0, kMaxScannedTextBytes);
    const Tokens tokens = name_tokens(scanned, kMaxTokens);
    std::vector<SystemMention> mentions;
    for (size_t at = 0; at < tokens.size() && mentions.size() < kMaxMentionsPerText;) {
        auto hit = hit_at(data, tokens, at);
        if (!hit || !hit->has_version || hit->end <= at) {
            ++at;
            continue;
        }
        SystemMention mention;
        mention.offset = tokens[at].begin;
        mention.words = std::string(scanned.substr(mention.offset, tokens[hit->end - 1].end - mention.offset));
        mention.match = std::move(hit->match);
        mentions.push_back(std::move(mention));
        at = hit->end;
    }
    return mentions;
}

}  // namespace cyberachat
