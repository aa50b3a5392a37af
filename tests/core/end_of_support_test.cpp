// The end-of-support data (core/end_of_support.hpp): the repository's file read with every field,
// the date that counts as the end of support, the names shown, and malformed files refused with a
// French and English message naming the place at fault.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/end_of_support.hpp"
#include "end_of_support_fixture.hpp"

namespace cyberachat {
namespace {

using json = nlohmann::json;

const SupportCycle& cycle_of(const EndOfSupportData& data, const char* product, const char* cycle) {
    const SupportProduct* p = data.find_product(product);
    if (!p) throw std::runtime_error(std::string("no product ") + product);
    const SupportCycle* c = p->find_cycle(cycle);
    if (!c) throw std::runtime_error(std::string("no cycle ") + cycle);
    return *c;
}

TEST(EndOfSupport, TheRepositoryFileHasItsProductsCyclesAndSource) {
    const EndOfSupportData& data = test::end_of_support_data();
    EXPECT_EQ(data.products.size(), 21u);
    EXPECT_EQ(data.source_commit, "a70eca337600e7d721dc48112c271f98661d208b");
    EXPECT_EQ(data.licence, "MIT");
    EXPECT_EQ(data.citation(), "endoflife.date, commit a70eca3, 2026-08-22");
    EXPECT_NE(data.source.find("endoflife.date"), std::string::npos);
    for (const char* key : {"windows", "windows-server", "windows-embedded", "macos", "ubuntu", "debian", "rhel", "centos", "sles",
                            "almalinux", "rocky-linux", "oracle-linux", "android", "ios", "vmware-esxi", "mssqlserver",
                            "postgresql", "mysql", "oracle-database", "oracle-jdk", "eclipse-temurin"})
        EXPECT_NE(data.find_product(key), nullptr) << key;
    EXPECT_EQ(data.find_product("mariadb"), nullptr);

    const SupportProduct& windows = *data.find_product("windows");
    EXPECT_EQ(windows.title, "Microsoft Windows");
    EXPECT_EQ(windows.page, "https://endoflife.date/windows");
    EXPECT_EQ(windows.columns.eol, "Security Support");
    EXPECT_EQ(windows.columns.extended_support_end, "Extended Security Updates");
    const SupportCycle& w22h2 = cycle_of(data, "windows", "10-22h2");
    EXPECT_EQ(w22h2.label, "10 22H2");
    EXPECT_EQ(w22h2.release, "2022-10-18");
    EXPECT_EQ(w22h2.eol, (SupportDate{SupportDate::Kind::day, "2025-10-14"}));
    EXPECT_EQ(w22h2.extended_support_end, (SupportDate{SupportDate::Kind::day, "2028-10-10"}));
    EXPECT_EQ(w22h2.latest, "10.0.19045");
    EXPECT_FALSE(w22h2.lts);
    EXPECT_TRUE(cycle_of(data, "windows", "10-1809-e-lts").lts);
    EXPECT_TRUE(cycle_of(data, "rhel", "8").lts) << "RHEL gives a date for lts";
    EXPECT_EQ(cycle_of(data, "android", "4.3").eol.kind, SupportDate::Kind::ended);
    EXPECT_EQ(cycle_of(data, "macos", "14").eol.kind, SupportDate::Kind::open);
    EXPECT_EQ(cycle_of(data, "debian", "11").support_end.kind, SupportDate::Kind::absent);
    EXPECT_EQ(cycle_of(data, "windows", "10-1607-w").link, "") << "link: null";
}

TEST(EndOfSupport, TheEndOfSupportIsTheEolElseTheEndOfActiveSupport) {
    SupportCycle cycle;
    cycle.support_end = {SupportDate::Kind::day, "2020-01-01"};
    EXPECT_EQ(end_of_support(cycle), cycle.support_end) << "no eol: support_end";
    cycle.eol = {SupportDate::Kind::day, "2024-06-30"};
    EXPECT_EQ(end_of_support(cycle).day, "2024-06-30");
    cycle.eol = {SupportDate::Kind::open, ""};
    EXPECT_EQ(end_of_support(cycle).kind, SupportDate::Kind::open) << "eol false: not ended, whatever support_end says";
    const EndOfSupportData& data = test::end_of_support_data();
    EXPECT_EQ(end_of_support(cycle_of(data, "rhel", "7")).day, "2024-06-30") << "Maintenance Support, not ELS";
    EXPECT_EQ(end_of_support(cycle_of(data, "windows", "7-sp1")).day, "2020-01-14");
}

TEST(EndOfSupport, DisplayNamesNameTheProductOnce) {
    const EndOfSupportData& data = test::end_of_support_data();
    const auto name = [&](const char* product, const char* cycle) {
        return cycle_display_name(*data.find_product(product), cycle_of(data, product, cycle));
    };
    EXPECT_EQ(name("windows", "10-1809-e-lts"), "Microsoft Windows 10 1809 (E)");
    EXPECT_EQ(name("windows", "5-sp3"), "Microsoft Windows XP SP3");
    EXPECT_EQ(name("windows-server", "2019"), "Windows Server 2019");
    EXPECT_EQ(name("macos", "12"), "macOS 12 (Monterey)");
    EXPECT_EQ(name("macos", "10.11"), "OS X 10.11 (El Capitan)");
    EXPECT_EQ(name("rhel", "8"), "Red Hat Enterprise Linux 8");
    EXPECT_EQ(name("debian", "11"), "Debian 11 (Bullseye)");
    EXPECT_EQ(name("mssqlserver", "12.0-sp3"), "Microsoft SQL Server 2014 'Hekaton' SP3");
    EXPECT_EQ(name("oracle-database", "19"), "Oracle Database 19c");
}

json minimal(json cycles) {
    return {{"source", "test"}, {"products", {{"windows", {{"title", "Microsoft Windows"}, {"cycles", std::move(cycles)}}}}}};
}

void expect_refused(const std::string& text, ErrorCode code, const std::string& part) {
    auto parsed = parse_end_of_support(text);
    ASSERT_FALSE(parsed.ok()) << text.substr(0, 200);
    EXPECT_EQ(parsed.error().code, code) << parsed.error().message.fr;
    EXPECT_NE(parsed.error().message.fr.find("Données de fin de support refusées"), std::string::npos) << parsed.error().message.fr;
    EXPECT_NE(parsed.error().message.en.find("End-of-support data refused"), std::string::npos) << parsed.error().message.en;
    EXPECT_NE(parsed.error().message.fr.find(part), std::string::npos) << "[" << part << "] not in: " << parsed.error().message.fr;
}

TEST(EndOfSupport, MalformedFilesAreRefusedWithTheirPlace) {
    ASSERT_TRUE(parse_end_of_support(minimal(json::array({{{"cycle", "10-22h2"}, {"eol", "2025-10-14"}}})).dump()).ok());
    expect_refused("{\"products\": ", ErrorCode::bad_json, "JSON illisible");
    expect_refused("[1, 2]", ErrorCode::invalid_value, "pas un objet JSON");
    expect_refused(json{{"source", "x"}}.dump(), ErrorCode::invalid_value, "« products »");
    expect_refused(json{{"products", json::object()}}.dump(), ErrorCode::invalid_value, "« products »");
    expect_refused(json{{"products", {{"windows", {{"cycles", json::array()}}}}}}.dump(), ErrorCode::invalid_value, "windows, title");
    expect_refused(json{{"products", {{"windows", {{"title", "W"}, {"cycles", 3}}}}}}.dump(), ErrorCode::invalid_value,
                   "windows, cycles");
    expect_refused(minimal(json::array({{{"eol", "2025-10-14"}}})).dump(), ErrorCode::invalid_value, "windows, cycle");
    expect_refused(minimal(json::array({{{"cycle", "10-22h2"}, {"eol", "14/10/2025"}}})).dump(), ErrorCode::invalid_value,
                   "windows, cycle 10-22h2, eol");
    expect_refused(minimal(json::array({{{"cycle", "10-22h2"}, {"extended_support_end", 2028}}})).dump(), ErrorCode::invalid_value,
                   "extended_support_end");
    expect_refused(minimal(json::array({{{"cycle", "8"}}, {{"cycle", "8"}}})).dump(), ErrorCode::invalid_value, "en double");
    expect_refused(minimal(json::array({{{"cycle", "8"}, {"label", json::array()}}})).dump(), ErrorCode::invalid_value,
                   "windows, cycle 8, label");
    expect_refused(std::string(40, '[') + std::string(40, ']'), ErrorCode::json_too_deep, "trop imbriqué");
    expect_refused(std::string(kMaxEndOfSupportBytes + 1, ' '), ErrorCode::too_large, "Mo");
}

}  // namespace
}  // namespace cyberachat
