// The products named "name + version number": Linux distributions, macOS, iOS, Android, VMware
// ESXi, PostgreSQL, MySQL, Oracle Database and Java. A version is matched to the longest cycle id
// it starts with ("8.6" → RHEL "8", "20.04.6" → Ubuntu "20.04", "10.15.7" → macOS "10.15"); a
// major version alone is every cycle it begins ("MySQL 8" → 8.0 to 8.4, "ESXi 7" → 7.0). A
// codename of the data's labels names a cycle too ("bullseye" → Debian 11, "Monterey" → macOS 12).
#include <algorithm>

#include "core/ascii_text.hpp"
#include "core/system_name_recognizers.hpp"

namespace cyberachat::system_names {
namespace {

enum class Style {
    plain,   // "8.6", "20.04"
    sles,    // "15 SP4" → 15.4
    oracle,  // "19c", "11g R2", "12c Release 1", "23ai"
    java,    // "8", "1.8.0_301", "8u301", "11.0.2"
};

struct Family {
    std::vector<std::vector<std::string_view>> names;
    std::vector<std::string_view> products;
    std::vector<std::string_view> fillers;  // words between the name and its version
    Style style = Style::plain;
    std::vector<std::string_view> other_product;  // a word after the name that makes it a product the data does not have
    std::string_view not_before;                  // a word before the name that makes it another product ("Cisco IOS")
};

using Names = std::vector<std::vector<std::string_view>>;
using Words = std::vector<std::string_view>;

Family numbered(Names names, Words products, Words fillers, Style style = Style::plain, Words other_product = {},
                std::string_view not_before = {}) {
    return Family{std::move(names), std::move(products), std::move(fillers), style, std::move(other_product), not_before};
}

const std::vector<Family>& families() {
    static const std::vector<Family> kFamilies = {
        numbered({{"rhel"}, {"red", "hat", "enterprise", "linux"}, {"redhat", "enterprise", "linux"}}, {"rhel"},
                 {"server", "workstation", "release", "version", "linux", "for", "x86", "64", "v"}),
        numbered({{"centos"}, {"cent", "os"}}, {"centos"}, {"linux", "release", "version", "server"}, Style::plain, {"stream"}),
        numbered({{"ubuntu"}}, {"ubuntu"}, {"server", "desktop", "lts", "release", "version", "linux"}, Style::plain, {"core"}),
        numbered({{"debian"}}, {"debian"}, {"gnu", "linux", "release", "version", "os"}),
        numbered({{"sles"}, {"suse", "linux", "enterprise", "server"}, {"suse", "linux", "enterprise"}, {"suse", "enterprise", "linux"}},
                 {"sles"}, {"server", "for", "sap", "applications", "release", "version"}, Style::sles),
        numbered({{"almalinux"}, {"alma", "linux"}, {"alma"}}, {"almalinux"}, {"os", "linux", "release", "version"}),
        numbered({{"rocky", "linux"}, {"rocky"}}, {"rocky-linux"}, {"linux", "release", "version"}),
        numbered({{"oracle", "linux"}, {"oracle", "enterprise", "linux"}, {"oel"}}, {"oracle-linux"},
                 {"server", "release", "version", "linux"}),
        numbered({{"android"}}, {"android"}, {"os", "version", "v"}),
        numbered({{"ios"}, {"ipados"}, {"apple", "ios"}}, {"ios"}, {"version", "v"}, Style::plain, {"xe", "xr"}, "cisco"),
        numbered({{"macos"}, {"mac", "os", "x"}, {"mac", "os"}, {"os", "x"}, {"osx"}, {"macosx"}, {"apple", "macos"}}, {"macos"},
                 {"version", "v", "server"}),
        numbered({{"vmware", "vsphere", "esxi"}, {"vmware", "esxi"}, {"vmware", "vsphere"}, {"vsphere", "esxi"}, {"esxi"}, {"vsphere"}, {"esx"}},
                 {"vmware-esxi"}, {"esxi", "hypervisor", "version", "server", "v"}),
        numbered({{"postgresql"}, {"postgres"}, {"postgre", "sql"}, {"postgre"}, {"pgsql"}}, {"postgresql"},
                 {"server", "version", "database", "db", "v"}),
        numbered({{"mysql", "community", "server"}, {"mysql", "server"}, {"mysql"}}, {"mysql"},
                 {"server", "community", "enterprise", "edition", "version", "database", "db", "v"}),
        numbered({{"oracle", "database"}, {"oracle", "db"}, {"oracle", "rdbms"}, {"oracle"}}, {"oracle-database"},
                 {"database", "db", "rdbms", "enterprise", "standard", "edition", "express", "version", "server"}, Style::oracle),
        numbered({{"oracle", "java", "se"}, {"oracle", "java"}, {"oracle", "jdk"}, {"oracle", "jre"}}, {"oracle-jdk"},
                 {"se", "jdk", "jre", "runtime", "environment", "development", "kit", "version"}, Style::java),
        numbered({{"eclipse", "temurin"}, {"adoptium", "temurin"}, {"temurin"}, {"adoptopenjdk"}, {"adoptium"}}, {"eclipse-temurin"},
                 {"jdk", "jre", "openjdk", "version"}, Style::java),
        numbered({{"java", "se"}, {"java"}, {"jre"}, {"jdk"}, {"openjdk"}}, {"oracle-jdk", "eclipse-temurin"},
                 {"se", "runtime", "environment", "jre", "jdk", "development", "kit", "version", "openjdk"}, Style::java),
    };
    return kFamilies;
}

bool has_word(const std::vector<std::string_view>& words, std::string_view key) {
    return std::find(words.begin(), words.end(), key) != words.end();
}

// The codename of a cycle, from its label: "11 (Bullseye)" → {"bullseye"}, "22.04 'Jammy
// Jellyfish'" → {"jammy", "jellyfish"}; {} when the label has none.
std::vector<std::string> codename(const SupportCycle& cycle) {
    const std::string label = search_key(cycle.label);
    const size_t open = label.find_first_of("('");
    if (open == std::string::npos) return {};
    const size_t close = label.find_first_of(")'", open + 1);
    std::vector<std::string> words;
    for (auto& token : name_tokens(label.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1), 8)) {
        if (std::all_of(token.key.begin(), token.key.end(), [](char c) { return c >= 'a' && c <= 'z'; }) && token.key.size() >= 3)
            words.push_back(token.key);
        else
            break;
    }
    return words;
}

// The cycles a version number is: the longest cycle id it starts with, else every cycle a lone
// major version begins.
std::vector<const SupportCycle*> cycles_for_number(const SupportProduct& product, std::string_view number) {
    const auto parts = version_parts(number);
    for (size_t k = parts.size(); k >= 1; --k) {
        std::string id = parts[0];
        for (size_t i = 1; i < k; ++i) id += "." + parts[i];
        if (const SupportCycle* cycle = product.find_cycle(id)) return {cycle};
    }
    std::vector<const SupportCycle*> found;
    if (parts.size() == 1)
        for (const auto& cycle : product.cycles)
            if (cycle.cycle.rfind(parts[0] + ".", 0) == 0) found.push_back(&cycle);
    return found;
}

struct VersionRead {
    std::string number;  // "8.6", "15.4", "19", "" when none
    size_t end = 0;      // one past the version's tokens
};

// A Java version as its major: "1.8.0" → "8", "8u301" → "8", "11.0.2" → "11".
std::string java_major(std::string_view key) {
    std::string number = leading_version(key);
    if (number.empty()) return {};
    const auto parts = version_parts(number);
    if (parts.size() >= 2 && parts[0] == "1" && parts[1].size() == 1) return parts[1] >= "5" ? parts[1] : "1." + parts[1];
    if (number.size() < key.size() && key[number.size()] != 'u') return {};  // "8x": not a Java version
    return parts[0];
}

VersionRead read_version(const Family& family, const Tokens& tokens, size_t j) {
    if (j >= tokens.size()) return {};
    const std::string& key = tokens[j].key;
    switch (family.style) {
        case Style::plain:
            if (is_version_number(key)) return {key, j + 1};
            return {};
        case Style::sles:
            if (!is_version_number(key)) return {};
            if (version_parts(key).size() == 1 && j + 1 < tokens.size() && service_pack(tokens[j + 1].key) >= 0)
                return {key + "." + std::to_string(service_pack(tokens[j + 1].key)), j + 2};
            return {key, j + 1};
        case Style::java: {
            std::string major = java_major(key);
            if (major.empty()) return {};
            return {major, j + 1};
        }
        case Style::oracle: {
            std::string number = leading_version(key);
            const std::string suffix = key.substr(number.size());
            if (number.empty() || !(suffix.empty() || suffix == "g" || suffix == "c" || suffix == "i" || suffix == "ai")) return {};
            size_t end = j + 1;
            if (!suffix.empty() && version_parts(number).size() == 1) {
                if (token_in(tokens, end, {"r1", "r2"})) number += "." + tokens[end].key.substr(1), ++end;
                else if (token_is(tokens, end, "release") && token_in(tokens, end + 1, {"1", "2"}))
                    number += "." + tokens[end + 1].key, end += 2;
            }
            return {number, end};
        }
    }
    return {};
}

// Oracle names its releases by their label: "26ai" is cycle 23.
const SupportCycle* cycle_by_label(const SupportProduct& product, std::string_view key) {
    for (const auto& cycle : product.cycles)
        if (!cycle.label.empty() && search_key(cycle.label) == key) return &cycle;
    return nullptr;
}

std::optional<NameHit> family_at(const EndOfSupportData& data, const Family& family, const Tokens& tokens, size_t at) {
    size_t name_length = 0;
    for (const auto& name : family.names)
        if (name.size() > name_length && words_at(tokens, at, name)) name_length = name.size();
    if (name_length == 0) return std::nullopt;
    if (!family.not_before.empty() && at > 0 && tokens[at - 1].key == family.not_before) return std::nullopt;
    std::vector<const SupportProduct*> products;
    for (auto key : family.products)
        if (const SupportProduct* product = data.find_product(key)) products.push_back(product);
    if (products.empty()) return std::nullopt;
    const SupportProduct& first = *products.front();
    NameHit hit;
    hit.name_length = name_length;
    hit.end = at + name_length;
    size_t j = hit.end;
    while (j < tokens.size() && j < hit.end + 4 && has_word(family.fillers, tokens[j].key)) ++j;
    if (j < tokens.size() && has_word(family.other_product, tokens[j].key)) {
        hit.end = j + 1;
        hit.has_version = true;
        hit.match = unrecognised(first.key, not_in_data(first.title + " " + tokens[j].key));
        return hit;
    }
    std::vector<CycleRef> cycles;
    const VersionRead version = read_version(family, tokens, j);
    std::vector<std::vector<std::string>> names_of_found;  // codenames, to take in the mention
    const auto add = [&](const SupportProduct& product, const SupportCycle* cycle) {
        cycles.push_back(CycleRef{product.key, cycle->cycle});
        names_of_found.push_back(codename(*cycle));
    };
    LocalizedText reason = family.products.size() > 1 ? missing_distribution() : missing_minor_version();
    if (!version.number.empty()) {
        hit.has_version = true;
        hit.end = version.end;
        for (const SupportProduct* product : products) {
            if (family.style == Style::oracle)
                if (const SupportCycle* cycle = cycle_by_label(*product, tokens[j].key)) {
                    add(*product, cycle);
                    continue;
                }
            for (const SupportCycle* cycle : cycles_for_number(*product, version.number)) add(*product, cycle);
        }
        if (cycles.empty()) {
            hit.match = unrecognised(first.key, not_in_data(first.title + " " + version.number));
            return hit;
        }
    } else if (j < tokens.size()) {
        // A codename: the cycles whose codename is the words here, in full, else by its first word.
        for (const SupportProduct* product : products) {
            std::vector<const SupportCycle*> full, by_first;
            size_t full_length = 0;
            for (const auto& cycle : product->cycles) {
                const auto name = codename(cycle);
                if (name.empty() || name.front() != tokens[j].key) continue;
                by_first.push_back(&cycle);
                std::vector<std::string_view> words(name.begin(), name.end());
                if (words_at(tokens, j, words) && words.size() >= full_length) {
                    if (words.size() > full_length) full.clear();
                    full_length = words.size();
                    full.push_back(&cycle);
                }
            }
            for (const SupportCycle* cycle : full.size() == 1 ? full : by_first) add(*product, cycle);
        }
        if (!cycles.empty()) {
            hit.has_version = true;
            hit.end = j + 1;
            reason = missing_version();
        }
    }
    if (cycles.empty()) {
        hit.match = unrecognised(first.key, missing_version());
        return hit;
    }
    // The rest of the name: "LTS", and the codename of what was found ("Debian 11 (bullseye)").
    for (bool more = true; more && hit.end < tokens.size();) {
        more = false;
        if (tokens[hit.end].key == "lts") {
            ++hit.end;
            more = true;
            continue;
        }
        for (const auto& name : names_of_found)
            if (std::find(name.begin(), name.end(), tokens[hit.end].key) != name.end()) {
                ++hit.end;
                more = true;
                break;
            }
    }
    hit.match = any_of(std::move(cycles), first.key, reason);
    return hit;
}

}  // namespace

std::optional<NameHit> numbered_product_at(const EndOfSupportData& data, const Tokens& tokens, size_t at) {
    std::optional<NameHit> best;
    for (const Family& family : families()) {
        auto hit = family_at(data, family, tokens, at);
        if (!hit) continue;
        if (!best || hit->has_version > best->has_version ||
            (hit->has_version == best->has_version && hit->name_length > best->name_length))
            best = std::move(hit);
    }
    return best;
}

}  // namespace cyberachat::system_names
