// The system name matcher (core/system_name_matcher.hpp): the real-world spellings of
// tests/core/system_name_cases/names.tsv (format in its header) against the repository's data,
// then free-text answers naming several systems, and the budgets.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "../scenario_support.hpp"
#include "core/system_name_matcher.hpp"
#include "end_of_support_fixture.hpp"

namespace cyberachat {
namespace {

const std::string kCaseFile = std::string(CYB_SOURCE_DIR) + "/tests/core/system_name_cases/names.tsv";

struct NameCase {
    int line = 0;
    std::string name, version, expected, reason;
    std::string problem;  // a malformed line
};

void PrintTo(const NameCase& c, std::ostream* out) { *out << "names.tsv:" << c.line << " " << c.name.substr(0, 80); }

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t end; (end = text.find(separator, start)) != std::string::npos; start = end + 1) parts.push_back(text.substr(start, end - start));
    parts.push_back(text.substr(start));
    return parts;
}

std::vector<NameCase> read_cases() {
    std::vector<NameCase> cases;
    std::ifstream in(kCaseFile);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        NameCase& c = cases.emplace_back();
        c.line = number;
        const auto fields = split(line, '\t');
        if (fields.size() < 3 || fields.size() > 4) {
            c.problem = "expected 3 or 4 tab-separated fields: " + line;
            continue;
        }
        c.name = fields[0] == "<empty>" ? "" : fields[0];
        if (fields[0] == "<70KB>") {
            c.name = "Windows 7 SP1 ";
            while (c.name.size() < 70 * 1024) c.name += "et encore du texte ";
        }
        c.version = fields[1] == "-" ? "" : fields[1];
        c.expected = fields[2];
        if (fields.size() == 4) c.reason = fields[3];
    }
    if (cases.empty()) cases.push_back(NameCase{0, "", "", "", "", "no case in " + kCaseFile});
    return cases;
}

// `pattern` with "*" standing for any characters.
bool glob_match(std::string_view pattern, std::string_view text) {
    const size_t star = pattern.find('*');
    if (star == std::string_view::npos) return pattern == text;
    if (text.substr(0, star) != pattern.substr(0, star)) return false;
    for (size_t i = star; i <= text.size(); ++i)
        if (glob_match(pattern.substr(star + 1), text.substr(i))) return true;
    return false;
}

// The expected cycles: "p/c|p/c*|!p/c" against the data.
std::set<std::string> expected_cycles(const EndOfSupportData& data, const std::string& expected, std::string& problem) {
    std::set<std::string> cycles;
    for (const std::string& item : split(expected, '|')) {
        const bool remove = !item.empty() && item[0] == '!';
        const std::string ref = remove ? item.substr(1) : item;
        const size_t slash = ref.find('/');
        const SupportProduct* product = slash == std::string::npos ? nullptr : data.find_product(ref.substr(0, slash));
        if (!product) {
            problem = "unknown product in " + item;
            return {};
        }
        const std::string pattern = ref.substr(slash + 1);
        size_t matched = 0;
        for (const auto& cycle : product->cycles) {
            const std::string& id = cycle.cycle;
            const bool hit = glob_match(pattern, id);
            if (!hit) continue;
            ++matched;
            if (remove) cycles.erase(product->key + "/" + id);
            else cycles.insert(product->key + "/" + id);
        }
        if (matched == 0) {
            problem = "no cycle of the data is " + item;
            return {};
        }
    }
    return cycles;
}

class SystemNameCase : public testing::TestWithParam<NameCase> {};

TEST_P(SystemNameCase, Matches) {
    const NameCase& c = GetParam();
    SCOPED_TRACE(kCaseFile + ":" + std::to_string(c.line) + ": " + c.name.substr(0, 80) + (c.version.empty() ? "" : " + " + c.version));
    ASSERT_TRUE(c.problem.empty()) << c.problem;
    const EndOfSupportData& data = test::end_of_support_data();
    const SystemMatch match = match_system_name(data, c.name, c.version);
    std::set<std::string> found;
    for (const CycleRef& ref : match.cycles) found.insert(ref.product + "/" + ref.cycle);
    const auto shown = [](const std::set<std::string>& set) {
        std::string text;
        for (const auto& item : set) text += (text.empty() ? "" : " ") + item;
        return text.empty() ? std::string("(none)") : text;
    };
    if (c.expected == "not-recognised") {
        EXPECT_FALSE(match.recognised) << "matched " << shown(found);
        EXPECT_FALSE(match.reason.fr.empty());
        EXPECT_FALSE(match.reason.en.empty());
    } else {
        std::string problem;
        const std::set<std::string> expected = expected_cycles(data, c.expected, problem);
        ASSERT_TRUE(problem.empty()) << problem;
        EXPECT_TRUE(match.recognised) << match.reason.fr;
        EXPECT_EQ(shown(found), shown(expected));
        EXPECT_EQ(match.exact(), expected.size() == 1);
        EXPECT_EQ(match.reason.fr.empty(), expected.size() == 1) << "a reason exactly when several cycles: " << match.reason.fr;
    }
    if (!c.reason.empty()) {
        EXPECT_NE(match.reason.fr.find(c.reason), std::string::npos) << "[" << c.reason << "] not in: " << match.reason.fr;
    }
}

INSTANTIATE_TEST_SUITE_P(Names, SystemNameCase, testing::ValuesIn(read_cases()), [](const testing::TestParamInfo<NameCase>& info) {
    return "line_" + std::to_string(info.param.line) + "_" + scenario_support::test_identifier(info.param.name.substr(0, 40));
});

TEST(SystemNameCases, TheTableHasAtLeastSixtySpellings) { EXPECT_GE(read_cases().size(), 60u); }

TEST(SystemNameMatcher, TheProductIsKeptWhenTheVersionIsMissing) {
    const SystemMatch windows = match_system_name(test::end_of_support_data(), "Windows");
    EXPECT_FALSE(windows.recognised);
    EXPECT_EQ(windows.product, "windows");
    EXPECT_EQ(windows.reason.fr, "version manquante");
    EXPECT_EQ(windows.reason.en, "version missing");
    EXPECT_EQ(match_system_name(test::end_of_support_data(), "Linux").product, "");
}

std::vector<std::string> words_of(const std::vector<SystemMention>& mentions) {
    std::vector<std::string> words;
    for (const auto& mention : mentions) words.push_back(mention.words);
    return words;
}

TEST(SystemsInText, FrenchProseNamesSeveralSystems) {
    const std::string text =
        "PC sous Windows 10 IoT Enterprise LTSC 2019, base SQL Server 2014 Express, serveur RHEL 8.6. "
        "Le poste est compatible Windows et l'imprimante a un pilote windows-compatible.";
    const auto mentions = find_systems_in_text(test::end_of_support_data(), text);
    ASSERT_EQ(words_of(mentions),
              (std::vector<std::string>{"Windows 10 IoT Enterprise LTSC 2019", "SQL Server 2014 Express", "RHEL 8.6"}));
    for (const auto& mention : mentions) EXPECT_EQ(text.substr(mention.offset, mention.words.size()), mention.words);
    EXPECT_EQ(mentions[0].match.cycles, (std::vector<CycleRef>{{"windows", "10-1809-e-lts"}}));
    EXPECT_EQ(mentions[1].match.product, "mssqlserver");
    EXPECT_EQ(mentions[1].match.cycles.size(), 4u) << "2014 RTM, SP1, SP2, SP3";
    EXPECT_EQ(mentions[2].match.cycles, (std::vector<CycleRef>{{"rhel", "8"}}));
}

TEST(SystemsInText, EnglishProseWithVersionsGlued) {
    const std::string text =
        "The workstation runs Win7 SP1 (x64); the database is PostgreSQL 9.6 and Java 8 is required. "
        "Imaging server: Ubuntu 20.04 LTS, hypervisor ESXi 6.7. Mobile app: iOS 15 and Android 10.";
    const auto mentions = find_systems_in_text(test::end_of_support_data(), text);
    ASSERT_EQ(words_of(mentions), (std::vector<std::string>{"Win7 SP1", "PostgreSQL 9.6", "Java 8", "Ubuntu 20.04 LTS",
                                                            "ESXi 6.7", "iOS 15", "Android 10"}));
    EXPECT_EQ(mentions[0].match.cycles, (std::vector<CycleRef>{{"windows", "7-sp1"}}));
    EXPECT_EQ(mentions[2].match.cycles.size(), 2u) << "Oracle JDK 8 or Temurin 8";
}

TEST(SystemsInText, NoVersionNoMention) {
    for (const char* text : {"Compatible Windows, fonctionne sous Linux, Darwin ou macOS.",
                             "windows-compatible printer driver", "Microsoft Office 2016 et JavaScript", "", "Windows   "}) {
        EXPECT_TRUE(find_systems_in_text(test::end_of_support_data(), text).empty()) << text;
    }
}

TEST(SystemsInText, NoBreakSpacesAndAccentsAreSeparatorsAndLetters) {
    const std::string text = "Système : Windows\u00A010 Professionnel 22H2 ; base : «\u202FSQL Server 2019\u202F».";
    const auto mentions = find_systems_in_text(test::end_of_support_data(), text);
    ASSERT_EQ(mentions.size(), 2u);
    EXPECT_EQ(mentions[0].words, "Windows\u00A010 Professionnel 22H2");
    EXPECT_EQ(mentions[0].match.cycles, (std::vector<CycleRef>{{"windows", "10-22h2"}}));
    EXPECT_EQ(mentions[1].words, "SQL Server 2019");
}

TEST(SystemsInText, AVersionLessSystemIsAMentionWhenItsMajorIsGiven) {
    const auto mentions = find_systems_in_text(test::end_of_support_data(), "Poste Windows 10 et 11, CentOS Stream 9.");
    ASSERT_EQ(words_of(mentions), (std::vector<std::string>{"Windows 10", "CentOS Stream"}));
    EXPECT_TRUE(mentions[0].match.recognised);
    EXPECT_EQ(mentions[0].match.reason.fr, "version manquante");
    EXPECT_FALSE(mentions[1].match.recognised) << "CentOS Stream is not in the data";
}

TEST(SystemsInText, OnlyTheFirst64KiBAreReadAndAtMost50Mentions) {
    std::string text = "Debian 11. ";
    while (text.size() < kMaxScannedTextBytes) text += "du texte sans système ";
    text += " RHEL 8.6";
    ASSERT_GT(text.size(), kMaxScannedTextBytes);
    EXPECT_EQ(words_of(find_systems_in_text(test::end_of_support_data(), text)), (std::vector<std::string>{"Debian 11"}));
    std::string many;
    for (int i = 0; i < 80; ++i) many += "Debian 11, ";
    EXPECT_EQ(find_systems_in_text(test::end_of_support_data(), many).size(), kMaxMentionsPerText);
}

TEST(SystemNameMatcher, ANameOverItsBudgetIsNotRead) {
    const std::string name = "Windows 7 SP1 " + std::string(kMaxSystemNameBytes, 'x');
    const SystemMatch match = match_system_name(test::end_of_support_data(), name);
    EXPECT_FALSE(match.recognised);
    EXPECT_NE(match.reason.fr.find("trop long"), std::string::npos);
    EXPECT_NE(match.reason.en.find("too long"), std::string::npos);
}

}  // namespace
}  // namespace cyberachat
