// Microsoft SQL Server as vendors write it ("SQL Server 2014 Express", "MS SQL 2016 SP2",
// "MSSQL 2008 R2", an SBOM's "12.0.6024.0"), read into the cycles of endoflife.date's
// "mssqlserver". Its cycle ids are the product version with the service pack: "12.0" (2014 RTM),
// "12.0-sp3", "10.50-sp3" (2008 R2 SP3), "13.0-sp3-acp". A release named without its service pack
// may be any of its cycles; a build number picks the service pack whose latest build it does not pass.
#include <algorithm>
#include <array>

#include "core/system_name_recognizers.hpp"

namespace cyberachat::system_names {
namespace {

struct Release {
    std::string_view year, version;
};
constexpr std::array<Release, 11> kReleases = {{{"2000", "8.0"},
                                                {"2005", "9.0"},
                                                {"2008", "10.0"},
                                                {"2012", "11.0"},
                                                {"2014", "12.0"},
                                                {"2016", "13.0"},
                                                {"2017", "14.0"},
                                                {"2019", "15.0"},
                                                {"2022", "16.0"},
                                                {"2025", "17.0"},
                                                {"2008r2", "10.50"}}};

constexpr std::array<std::string_view, 17> kFillers = {
    "express", "standard", "enterprise", "developer", "web", "edition", "workgroup", "localdb", "64",
    "x64", "bits", "database", "engine", "advanced", "services", "with", "version"};

// Left out of the mention when they end it ("SQL Server 2014 version"); an edition ("Express") stays.
constexpr std::array<std::string_view, 5> kTrailingFillers = {"with", "version", "database", "engine", "64"};

// The product version of a cycle id: "12.0-sp3" → "12.0".
std::string product_version(const std::string& id) { return id.substr(0, id.find('-')); }

// The first two parts of a version: "12.0.6024.0" → "12.0".
std::string major_minor(std::string_view version) {
    const auto parts = version_parts(version);
    return parts.size() >= 2 ? parts[0] + "." + parts[1] : std::string();
}

std::optional<size_t> name_at(const Tokens& tokens, size_t at) {
    static const std::vector<std::vector<std::string_view>> kNames = {
        {"microsoft", "sql", "server"}, {"ms", "sql", "server"}, {"mssql", "server"}, {"sql", "server"},
        {"ms", "sql"}, {"mssql"}, {"mssqlserver"}, {"sqlserver"}};
    for (const auto& name : kNames)
        if (words_at(tokens, at, name)) return name.size();
    return std::nullopt;
}

}  // namespace

std::optional<NameHit> sql_server_at(const EndOfSupportData& data, const Tokens& tokens, size_t at) {
    const auto name_length = name_at(tokens, at);
    if (!name_length) return std::nullopt;
    NameHit hit;
    hit.name_length = *name_length;
    std::string year, build;
    bool r2 = false, rtm = false;
    int sp = -1;
    size_t j = at + *name_length;
    const size_t from = j;
    for (; j < tokens.size() && j < from + 10; ++j) {
        const std::string& key = tokens[j].key;
        const bool known_year = std::any_of(kReleases.begin(), kReleases.end(), [&](const Release& r) { return r.year == key; });
        if (year.empty() && build.empty() && known_year) year = key;
        else if (build.empty() && is_version_number(key) && version_parts(key).size() >= 2) build = key;
        else if (key == "r2") r2 = true;
        else if (key == "rtm") rtm = true;
        else if (service_pack(key) >= 0) sp = service_pack(key);
        else if (one_of(kFillers, key)) continue;
        else break;
        hit.has_version = true;
    }
    while (j > from && one_of(kTrailingFillers, tokens[j - 1].key)) --j;
    hit.end = j;
    const SupportProduct* product = data.find_product("mssqlserver");
    if (!product) {
        hit.match = unrecognised("mssqlserver", not_in_data("SQL Server"));
        return hit;
    }
    std::string version;
    if (!year.empty()) {
        const std::string wanted = year == "2008" && r2 ? "2008r2" : year;
        for (const auto& release : kReleases)
            if (release.year == wanted) version = std::string(release.version);
    } else if (!build.empty()) {
        version = major_minor(build);
    }
    if (version.empty()) {
        hit.match = unrecognised(product->key, missing_version());
        return hit;
    }
    std::vector<const SupportCycle*> release;
    for (const auto& cycle : product->cycles)
        if (compare_versions(product_version(cycle.cycle), version) == 0) release.push_back(&cycle);
    if (release.empty()) {
        hit.match = unrecognised(product->key, not_in_data("SQL Server " + (year.empty() ? build : year)));
        return hit;
    }
    std::vector<const SupportCycle*> chosen;
    for (const SupportCycle* cycle : release) {
        const std::string suffix = cycle->cycle.substr(product_version(cycle->cycle).size());
        if (rtm ? suffix.empty() : sp >= 0 && suffix.rfind("-sp" + std::to_string(sp), 0) == 0) chosen.push_back(cycle);
    }
    if (chosen.empty() && version_parts(build).size() >= 3 && compare_versions(major_minor(build), version) == 0) {
        // A build: the service pack whose latest build is the first not below it (else the newest).
        const SupportCycle* best = nullptr;
        for (const SupportCycle* cycle : release) {
            const std::string latest = leading_version(cycle->latest);
            if (latest.empty() || compare_versions(latest, build) < 0) continue;
            if (!best || compare_versions(latest, leading_version(best->latest)) < 0) best = cycle;
        }
        if (!best)
            for (const SupportCycle* cycle : release)
                if (!best || compare_versions(leading_version(cycle->latest), leading_version(best->latest)) > 0) best = cycle;
        if (best) chosen.push_back(best);
    }
    hit.match = cycles_of(*product, chosen.empty() ? release : chosen, missing_service_pack());
    return hit;
}

}  // namespace cyberachat::system_names
