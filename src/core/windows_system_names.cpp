// Windows as vendors write it, read into the cycles of endoflife.date's "windows",
// "windows-server" and "windows-embedded" (docs/end-of-support.md, "Windows"). Windows 10 and 11
// cycle ids are "<major>-<version>[-<edition>]": "10-22h2" (all editions), "10-21h2-e"
// (Enterprise, Education, IoT Enterprise), "10-21h2-w" (Home, Pro), "10-21h2-e-lts" (Enterprise
// LTSC/LTSB), "10-21h2-iot-lts" (IoT Enterprise LTSC; when the data has none for that version, the
// Enterprise LTSC cycle, whose dates are the same), "10-1507-iot" (IoT Core).
#include <algorithm>
#include <array>

#include "core/system_name_recognizers.hpp"

namespace cyberachat::system_names {
namespace {

constexpr std::array<std::string_view, 7> kClientMajors = {"10", "11", "7", "8", "8.1", "xp", "vista"};
constexpr std::array<std::string_view, 4> kEnterprise = {"enterprise", "entreprise", "education", "enterprises"};
constexpr std::array<std::string_view, 12> kConsumer = {"pro", "professional", "professionnel", "professionnelle", "home",
                                                         "famille", "familiale", "workstation", "ultimate", "premium",
                                                         "starter", "integrale"};
constexpr std::array<std::string_view, 3> kLts = {"ltsc", "ltsb", "lts"};
constexpr std::array<std::string_view, 16> kNeutral = {"version", "build", "edition", "64", "32", "bits", "bit", "x64",
                                                        "x86", "n", "kn", "os", "update", "ver", "v", "sp"};
constexpr std::array<std::string_view, 8> kServerYears = {"2000", "2003", "2008", "2012", "2016", "2019", "2022", "2025"};
constexpr std::array<std::string_view, 13> kServerEditions = {"standard", "datacenter", "essentials", "foundation", "enterprise",
                                                               "web", "core", "iot", "storage", "sac", "ac", "ltsc", "server"};
constexpr std::array<std::string_view, 10> kVersionCodes = {"1507", "1511", "1607", "1703", "1709",
                                                             "1803", "1809", "1903", "1909", "2004"};

// "22h2", "20h2", "26h1".
bool is_half_year_code(std::string_view key) {
    return key.size() == 4 && key[0] >= '0' && key[0] <= '9' && key[1] >= '0' && key[1] <= '9' && key[2] == 'h' &&
           (key[3] == '1' || key[3] == '2');
}
bool is_version_code(std::string_view key) { return one_of(kVersionCodes, key) || is_half_year_code(key); }

// The LTSC/LTSB releases named by their year: major and version.
struct LtscYear {
    std::string_view year, major, version;
};
constexpr std::array<LtscYear, 5> kLtscYears = {{{"2015", "10", "1507"},
                                                 {"2016", "10", "1607"},
                                                 {"2019", "10", "1809"},
                                                 {"2021", "10", "21h2"},
                                                 {"2024", "11", "24h2"}}};

// "10-21h2-e-lts" → {"10", "21h2", "-e-lts"}; "8.1" → {"8.1", "", ""}.
struct CycleParts {
    std::string major, version, edition;
};
CycleParts parts_of(const std::string& id) {
    const size_t first = id.find('-');
    if (first == std::string::npos) return {id, "", ""};
    const size_t second = id.find('-', first + 1);
    if (second == std::string::npos) return {id.substr(0, first), id.substr(first + 1), ""};
    return {id.substr(0, first), id.substr(first + 1, second - first - 1), id.substr(second)};
}

struct WindowsWords {
    std::string major;    // "10", "11", "7", "8", "8.1", "xp", "vista"
    std::string version;  // "1809", "22h2"
    std::string build;    // "17763" (of "10.0.17763" or "17763")
    std::string full_build;  // "6.1.7601": an older Windows's build
    std::vector<std::string> years;
    int service_pack = -1;
    bool enterprise = false, consumer = false, lts = false, iot = false, core = false;
    bool embedded = false, posready = false, standard = false, compact = false, industry = false;
    bool read_something = false;
    size_t end = 0;
};

// Reads the words after "Windows" while they qualify it (a major version, an edition, a version,
// a build, a year, a service pack), at most 12.
WindowsWords read_client_words(const Tokens& tokens, size_t from) {
    WindowsWords words;
    size_t j = from;
    for (; j < tokens.size() && j < from + 12; ++j) {
        const std::string& key = tokens[j].key;
        const auto parts = is_version_number(key) ? version_parts(key) : std::vector<std::string>{};
        if (words.major.empty() && one_of(kClientMajors, key)) words.major = key;
        else if (words.version.empty() && is_version_code(key)) words.version = key;
        else if (parts.size() >= 3 && parts[0] == "10" && parts[1] == "0") words.build = parts[2];
        else if (parts.size() >= 3) words.full_build = parts[0] + "." + parts[1] + "." + parts[2];
        else if (parts.size() == 1 && key.size() == 5 && (key[0] == '1' || key[0] == '2')) words.build = key;
        else if (key == "2015" || key == "2016" || key == "2019" || key == "2021" || key == "2024" || key == "2009" || key == "2013")
            words.years.push_back(key);
        else if (service_pack(key) >= 0) words.service_pack = service_pack(key);
        else if (key == "sp" && j + 1 < tokens.size() && tokens[j + 1].key.size() == 1 && is_version_number(tokens[j + 1].key))
            words.service_pack = tokens[++j].key[0] - '0';
        else if (one_of(kEnterprise, key)) words.enterprise = true;
        else if (one_of(kConsumer, key)) words.consumer = true;
        else if (one_of(kLts, key)) words.lts = true;
        else if (key == "iot") words.iot = true;
        else if (key == "core") words.core = true;
        else if (key == "embedded") words.embedded = true;
        else if (key == "posready") words.posready = true;
        else if (key == "standard") words.standard = true;
        else if (key == "compact") words.compact = true;
        else if (key == "industry") words.industry = true;
        else if (one_of(kNeutral, key)) continue;
        else break;
        words.read_something = true;
    }
    // Trailing neutral words ("Windows 10 version") are not part of the mention.
    while (j > from && one_of(kNeutral, tokens[j - 1].key)) --j;
    words.end = j;
    return words;
}

bool has_year(const WindowsWords& words, std::string_view year) {
    return std::find(words.years.begin(), words.years.end(), year) != words.years.end();
}

std::vector<const SupportCycle*> family(const SupportProduct& product, std::string_view prefix) {
    std::vector<const SupportCycle*> found;
    for (const auto& cycle : product.cycles)
        if (cycle.cycle == prefix || (cycle.cycle.size() > prefix.size() && cycle.cycle.compare(0, prefix.size(), prefix) == 0 &&
                                      cycle.cycle[prefix.size()] == '-'))
            found.push_back(&cycle);
    return found;
}

// The cycles of a family with service pack `sp` ("-sp1" in the id), or all of them when none has it.
std::vector<const SupportCycle*> with_service_pack(std::vector<const SupportCycle*> cycles, int sp) {
    if (sp < 0) return cycles;
    std::vector<const SupportCycle*> kept;
    for (const SupportCycle* cycle : cycles)
        if (cycle->cycle.find("-sp" + std::to_string(sp)) != std::string::npos) kept.push_back(cycle);
    return kept.empty() ? cycles : kept;
}

SystemMatch embedded_match(const EndOfSupportData& data, const WindowsWords& words) {
    const SupportProduct* product = data.find_product("windows-embedded");
    if (!product) return unrecognised("windows-embedded", not_in_data("Windows Embedded"));
    if (words.major == "xp") return unrecognised(product->key, not_in_data("Windows XP Embedded"));
    if (has_year(words, "2009")) return unrecognised(product->key, not_in_data("Windows Embedded 2009 (Standard, POSReady)"));
    if (words.major == "8") return unrecognised(product->key, not_in_data("Windows Embedded 8"));
    std::vector<const SupportCycle*> cycles;
    const auto add = [&](std::string_view id) {
        if (const SupportCycle* cycle = product->find_cycle(id)) cycles.push_back(cycle);
    };
    if (words.major == "7") {
        if (words.posready) add("posready-7");
        else if (words.compact) add("compact-7");
        else if (words.standard) add("standard-7-sp1");
        else for (auto id : {"standard-7-sp1", "posready-7", "compact-7"}) add(id);
    } else if (words.major == "8.1" || words.industry) {
        if (words.industry) add("8.1-industry");
        else if (words.consumer) add("8.1-pro");
        else for (auto id : {"8.1-industry", "8.1-pro"}) add(id);
    } else if (words.compact) {
        if (has_year(words, "2013")) add("compact-2013");
        else for (auto id : {"compact-7", "compact-2013"}) add(id);
    } else {
        return unrecognised(product->key, missing_version());
    }
    return cycles_of(*product, std::move(cycles), missing_edition());
}

// Windows 10 or 11: the cycles of the version and edition given (every version when none is).
SystemMatch windows_10_or_11(const SupportProduct& product, const WindowsWords& words, const std::string& major,
                             std::string version) {
    if (version.empty() && !words.build.empty())
        for (const auto& cycle : product.cycles)
            if (cycle.latest == "10.0." + words.build && parts_of(cycle.cycle).major == major) version = parts_of(cycle.cycle).version;
    if (version.empty() && words.lts)
        for (const auto& ltsc : kLtscYears)
            if (ltsc.major == major && has_year(words, ltsc.year)) version = std::string(ltsc.version);
    std::vector<std::string_view> editions, fallback;
    if (words.lts && words.iot) editions = {"-iot-lts"}, fallback = {"-e-lts"};
    else if (words.lts && words.enterprise) editions = {"-e-lts"};
    else if (words.lts) editions = {"-e-lts", "-iot-lts"};
    else if (words.iot && words.core) editions = {"-iot"};
    else if (words.enterprise || words.iot) editions = {"-e", ""};
    else if (words.consumer) editions = {"-w", ""};
    else editions = {"", "-e", "-w", "-e-lts", "-iot-lts"};
    const auto select = [&](const std::vector<std::string_view>& wanted) {
        std::vector<const SupportCycle*> found;
        for (const auto& cycle : product.cycles) {
            const CycleParts parts = parts_of(cycle.cycle);
            if (parts.major != major || (!version.empty() && parts.version != version)) continue;
            if (std::find(wanted.begin(), wanted.end(), parts.edition) != wanted.end()) found.push_back(&cycle);
        }
        return found;
    };
    auto cycles = select(editions);
    if (cycles.empty() && !fallback.empty()) cycles = select(fallback);
    if (cycles.empty())
        return unrecognised(product.key, not_in_data("Windows " + major + (version.empty() ? "" : " " + version) +
                                                     (words.lts ? " LTSC" : "") + (words.iot ? " IoT" : "")));
    // No version and one cycle left: the data lacks the others (IoT Core has only 1507), not a match.
    if (version.empty() && cycles.size() == 1) return unrecognised(product.key, missing_version());
    return cycles_of(product, std::move(cycles), version.empty() ? missing_version() : missing_edition());
}

SystemMatch client_match(const EndOfSupportData& data, const WindowsWords& words) {
    if (words.embedded || words.posready) return embedded_match(data, words);
    const SupportProduct* product = data.find_product("windows");
    if (!product) return unrecognised("windows", not_in_data("Windows"));
    std::string major = words.major;
    if (major.empty() && !words.build.empty())
        for (const auto& cycle : product->cycles)
            if (cycle.latest == "10.0." + words.build) major = parts_of(cycle.cycle).major;
    if (major.empty() && words.lts)
        for (const auto& ltsc : kLtscYears)
            if (has_year(words, ltsc.year)) major = std::string(ltsc.major);
    if (major.empty() && !words.full_build.empty()) {
        std::vector<const SupportCycle*> cycles;
        for (const auto& cycle : product->cycles)
            if (cycle.latest == words.full_build) cycles.push_back(&cycle);
        if (!cycles.empty()) return cycles_of(*product, std::move(cycles), missing_version());
    }
    if (major.empty()) return unrecognised(product->key, missing_version());
    if (major == "10" || major == "11") return windows_10_or_11(*product, words, major, words.version);
    const std::string prefix = major == "xp" ? "5" : major == "vista" ? "6" : major;
    return cycles_of(*product, with_service_pack(family(*product, prefix), words.service_pack), missing_service_pack());
}

// Windows Server: "2012 R2", "2008 R2 SP1", "2019", a semi-annual version ("1809", "20H2"), a build.
NameHit server_hit(const EndOfSupportData& data, const Tokens& tokens, size_t from, size_t name_length) {
    NameHit hit;
    hit.name_length = name_length;
    const SupportProduct* product = data.find_product("windows-server");
    std::string year, code, build;
    bool r2 = false;
    int sp = -1;
    size_t j = from;
    for (; j < tokens.size() && j < from + 10; ++j) {
        const std::string& key = tokens[j].key;
        const auto parts = is_version_number(key) ? version_parts(key) : std::vector<std::string>{};
        if (year.empty() && one_of(kServerYears, key)) year = key;
        else if (code.empty() && year.empty() && (is_version_code(key) || key == "23h2")) code = key;
        else if (key == "r2") r2 = true;
        else if (service_pack(key) >= 0) sp = service_pack(key);
        else if (parts.size() >= 3) build = parts[0] + "." + parts[1] + "." + parts[2];
        else if (one_of(kServerEditions, key) || one_of(kNeutral, key)) continue;
        else break;
        hit.has_version = true;
    }
    while (j > from && (one_of(kNeutral, tokens[j - 1].key) || one_of(kServerEditions, tokens[j - 1].key))) --j;
    hit.end = std::max(j, from);
    if (!product) {
        hit.match = unrecognised("windows-server", not_in_data("Windows Server"));
        return hit;
    }
    std::vector<const SupportCycle*> cycles;
    if (!year.empty()) {
        const std::string prefix = r2 ? year + "-r2" : year;
        for (const SupportCycle* cycle : family(*product, prefix))
            if (r2 || cycle->cycle.compare(0, prefix.size() + 3, prefix + "-r2") != 0) cycles.push_back(cycle);
        cycles = with_service_pack(std::move(cycles), sp);
        if (cycles.empty()) {
            hit.match = unrecognised(product->key, not_in_data("Windows Server " + year + (r2 ? " R2" : "")));
            return hit;
        }
    } else if (!code.empty()) {
        for (const auto& cycle : product->cycles)
            if (cycle.cycle.rfind(code + "-", 0) == 0) cycles.push_back(&cycle);
        if (cycles.empty()) {
            hit.match = unrecognised(product->key, not_in_data("Windows Server " + code));
            return hit;
        }
    } else if (!build.empty()) {
        for (const auto& cycle : product->cycles)
            if (cycle.latest == build) cycles.push_back(&cycle);
    }
    hit.match = cycles.empty() ? unrecognised(product->key, missing_version())
                               : cycles_of(*product, std::move(cycles), year.empty() ? missing_version() : missing_service_pack());
    return hit;
}

}  // namespace

std::optional<NameHit> windows_at(const EndOfSupportData& data, const Tokens& tokens, size_t at) {
    size_t i = at;
    if (token_in(tokens, i, {"microsoft", "ms"}) && token_in(tokens, i + 1, {"windows", "win"})) ++i;
    WindowsWords preset;
    size_t name_end = i + 1;
    if (token_in(tokens, i, {"windows", "win"})) {
    } else if (token_is(tokens, i, "w") && i + 1 < tokens.size() && tokens[i].end == tokens[i + 1].begin &&
               one_of(kClientMajors, tokens[i + 1].key)) {
    } else if (token_is(tokens, i, "winxp")) {
        preset.major = "xp";
    } else if (token_is(tokens, i, "wes") && token_in(tokens, i + 1, {"7", "2009"})) {
        preset.embedded = preset.standard = true;
    } else if (token_is(tokens, i, "posready")) {
        preset.embedded = preset.posready = true;
        name_end = i;  // "POSReady 7": the word is also an edition word, read below
    } else {
        return std::nullopt;
    }
    const size_t name_length = std::max<size_t>(1, name_end - at);
    if (token_is(tokens, name_end, "server")) return server_hit(data, tokens, name_end + 1, name_length + 1);
    if (preset.major.empty() && !preset.embedded && i + 1 < tokens.size() && one_of(kServerYears, tokens[name_end].key))
        return server_hit(data, tokens, name_end, name_length);
    NameHit hit;
    hit.name_length = name_length;
    if (token_in(tokens, name_end, {"nt", "95", "98", "me", "ce", "mobile", "phone", "rt"})) {
        hit.end = name_end + 1;
        hit.has_version = true;
        hit.match = unrecognised("windows", not_in_data("Windows " + tokens[name_end].key));
        return hit;
    }
    WindowsWords words = read_client_words(tokens, name_end);
    if (!preset.major.empty()) words.major = preset.major, words.read_something = true;
    words.embedded = words.embedded || preset.embedded;
    words.standard = words.standard || preset.standard;
    words.posready = words.posready || preset.posready;
    hit.end = std::max(words.end, name_end == i ? i + 1 : name_end);
    hit.match = client_match(data, words);
    // A version, a build or a year was read: a mention even when it is not one cycle.
    hit.has_version = !words.major.empty() || !words.version.empty() || !words.build.empty() || !words.full_build.empty() ||
                      (!words.years.empty() && (words.lts || words.embedded || words.posready));
    return hit;
}

}  // namespace cyberachat::system_names
