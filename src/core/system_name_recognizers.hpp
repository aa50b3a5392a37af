#pragma once
// Inside the system name matcher (core/system_name_matcher.hpp): the recognizers, each reading the
// tokens at one position as one family of names — Windows (client, Server, Embedded), SQL Server,
// and the products named "name + version number" (Linux distributions, macOS, iOS, Android, ESXi,
// PostgreSQL, MySQL, Oracle Database, Java) — and the helpers they share to build a SystemMatch.
#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/end_of_support.hpp"
#include "core/system_name_matcher.hpp"
#include "core/system_name_tokens.hpp"

namespace cyberachat::system_names {

using Tokens = std::vector<NameToken>;

struct NameHit {
    size_t end = 0;            // one past the mention's last token
    size_t name_length = 0;    // tokens of the product's name ("red hat enterprise linux": 4), to prefer the longest
    bool has_version = false;  // something beyond the product's name was read (a version, an edition, a codename)
    SystemMatch match;
};

// The reasons a match is not one cycle, in French and English.
LocalizedText missing_version();
LocalizedText missing_edition();
LocalizedText missing_service_pack();
LocalizedText missing_minor_version();
LocalizedText missing_distribution();  // Java: Oracle JDK or another OpenJDK build
LocalizedText not_in_data(std::string_view what);

// `cycles` of `product` (none: not recognised, "not in the data"; one: identified; several: any of
// them, for `reason`). Duplicates removed, sorted.
SystemMatch cycles_of(const SupportProduct& product, std::vector<const SupportCycle*> cycles, LocalizedText reason);
// Cycles of several products (Java: Oracle JDK 8 or Temurin 8).
SystemMatch any_of(std::vector<CycleRef> cycles, std::string product, LocalizedText reason);
SystemMatch unrecognised(std::string product, LocalizedText reason);

template <size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view key) {
    return std::find(words.begin(), words.end(), key) != words.end();
}

bool token_is(const Tokens& tokens, size_t at, std::string_view key);
bool token_in(const Tokens& tokens, size_t at, std::initializer_list<std::string_view> keys);
// Whether the tokens from `at` are `words`, in order.
bool words_at(const Tokens& tokens, size_t at, const std::vector<std::string_view>& words);

// Version numbers compared part by part as numbers: "10.50" > "10.0" = "10.00".
int compare_versions(std::string_view a, std::string_view b);
// The leading version number of a text: "12.0.6449.1 CU4+GDR" → "12.0.6449.1", "" when none.
std::string leading_version(std::string_view text);

std::optional<NameHit> windows_at(const EndOfSupportData& data, const Tokens& tokens, size_t at);
std::optional<NameHit> sql_server_at(const EndOfSupportData& data, const Tokens& tokens, size_t at);
std::optional<NameHit> numbered_product_at(const EndOfSupportData& data, const Tokens& tokens, size_t at);

}  // namespace cyberachat::system_names
