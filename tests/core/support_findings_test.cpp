// The end-of-support findings (core/support_findings.hpp), on the repository's data with a fixed
// "today" (2026-01-15): ended, ends before the end of use, supported through it, not recognised;
// one finding for one system declared in two places; uncertain versions judged on their latest end.
#include <gtest/gtest.h>

#include "core/support_findings.hpp"
#include "end_of_support_fixture.hpp"

namespace cyberachat {
namespace {

constexpr const char* kToday = "2026-01-15";
constexpr const char* kEndOfUse = "2031-12-31";

SupportReport assess(const std::vector<DeclaredSystem>& systems, const char* end_of_use = kEndOfUse) {
    auto report = assess_support(test::end_of_support_data(), systems, kToday, end_of_use);
    if (!report.ok()) throw std::runtime_error(report.error().message.en);
    return std::move(report).value();
}

DeclaredSystem named(std::string text, std::string source, std::string version = {}) {
    return DeclaredSystem{std::move(text), std::move(version), std::move(source), DeclaredAs::system_name};
}

TEST(SupportFindings, EndedEndingBeforeEndOfUseAndSupported) {
    const SupportReport report = assess({named("Windows 10 Pro 22H2", "p1.os_version"),
                                         named("Windows 10 IoT Enterprise LTSC 2019", "p1.os_version"),
                                         named("RHEL 9.2", "p3.server_os")});
    ASSERT_EQ(report.findings.size(), 2u);
    const SupportAssessment& ended = report.findings[0];
    EXPECT_EQ(ended.status, SupportStatus::ended);
    EXPECT_EQ(support_status_name(ended.status), "ended");
    EXPECT_EQ(ended.cycle, (CycleRef{"windows", "10-22h2"}));
    EXPECT_EQ(ended.end_date, "2025-10-14");
    EXPECT_EQ(ended.extended_support_end, "2028-10-10");
    EXPECT_EQ(ended.end_phase, "Security Support");
    EXPECT_EQ(ended.extended_phase, "Extended Security Updates");
    EXPECT_EQ(ended.product_title, "Microsoft Windows");
    EXPECT_EQ(ended.cycle_name, "Microsoft Windows 10 22H2");
    EXPECT_EQ(ended.page, "https://endoflife.date/windows");
    EXPECT_EQ(ended.link, "https://learn.microsoft.com/windows/release-health/release-information");
    EXPECT_FALSE(ended.at_the_latest);
    EXPECT_EQ(ended.declared, (std::vector<std::string>{"Windows 10 Pro 22H2"}));
    EXPECT_EQ(ended.sources, (std::vector<std::string>{"p1.os_version"}));

    const SupportAssessment& ending = report.findings[1];
    EXPECT_EQ(ending.status, SupportStatus::ends_before_end_of_use);
    EXPECT_EQ(ending.cycle, (CycleRef{"windows", "10-1809-e-lts"}));
    EXPECT_EQ(ending.end_date, "2029-01-09");
    EXPECT_EQ(ending.extended_support_end, "");
    EXPECT_EQ(ending.extended_phase, "");

    ASSERT_EQ(report.supported.size(), 1u);
    EXPECT_EQ(report.supported[0].cycle, (CycleRef{"rhel", "9"}));
    EXPECT_EQ(report.supported[0].end_date, "2032-05-31");
    EXPECT_EQ(report.supported[0].end_phase, "Maintenance Support");
    EXPECT_TRUE(report.not_recognised.empty());
    EXPECT_EQ(report.citation, "endoflife.date, commit a70eca3, 2026-08-22");
}

TEST(SupportFindings, TheEndDayItselfIsEndedAndTheEndOfUseDayIsThrough) {
    auto report = assess_support(test::end_of_support_data(), {named("Windows 10 22H2", "q")}, "2025-10-14", "2030-01-01");
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(report->findings.size(), 1u);
    EXPECT_EQ(report->findings[0].status, SupportStatus::ended) << "support ends on today: ended";
    report = assess_support(test::end_of_support_data(), {named("RHEL 9", "q")}, kToday, "2032-05-31");
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->findings.empty()) << "support ends on the end-of-use day: through";
    ASSERT_EQ(report->supported.size(), 1u);
}

TEST(SupportFindings, OneSystemFromTwoSourcesIsOneFinding) {
    const SupportReport report = assess({named("Windows 10 Pro 22H2", "p1.os_version"),
                                         DeclaredSystem{"windows", "10.0.19045", "sbom", DeclaredAs::component},
                                         DeclaredSystem{"openssl", "1.1.1w", "sbom", DeclaredAs::component},
                                         named("windows 10 pro 22h2", "p1.os_version")});
    ASSERT_EQ(report.findings.size(), 1u);
    EXPECT_EQ(report.findings[0].sources, (std::vector<std::string>{"p1.os_version", "sbom"}));
    EXPECT_EQ(report.findings[0].declared,
              (std::vector<std::string>{"Windows 10 Pro 22H2", "windows 10.0.19045", "windows 10 pro 22h2"}));
    EXPECT_TRUE(report.supported.empty());
    EXPECT_TRUE(report.not_recognised.empty()) << "an SBOM component that names no system is not listed";
}

TEST(SupportFindings, NamesNotRecognisedAreListedWithTheirReason) {
    const SupportReport report = assess({named("Linux embarqué maison", "p1.os_version"),
                                         DeclaredSystem{"Windows", "", "sbom", DeclaredAs::component},
                                         named("Windows", "p2.os"), named("Windows XP Embedded", "p2.os")});
    EXPECT_TRUE(report.findings.empty());
    ASSERT_EQ(report.not_recognised.size(), 3u);
    EXPECT_EQ(report.not_recognised[0].text, "Linux embarqué maison");
    EXPECT_EQ(report.not_recognised[0].product, "");
    EXPECT_EQ(report.not_recognised[1].text, "Windows");
    EXPECT_EQ(report.not_recognised[1].reason.fr, "version manquante");
    EXPECT_EQ(report.not_recognised[1].sources, (std::vector<std::string>{"p2.os", "sbom"}));
    EXPECT_EQ(report.not_recognised[2].product, "windows-embedded");
    EXPECT_NE(report.not_recognised[2].reason.fr.find("absent des données"), std::string::npos);
}

TEST(SupportFindings, AnUncertainVersionIsFlaggedOnlyWhenItsLatestEndSettlesIt) {
    // SQL Server 2014 without its service pack: every cycle ended, the last on 2024-07-09 (SP3).
    SupportReport report = assess({named("SQL Server 2014 Express", "p4.database")});
    ASSERT_EQ(report.findings.size(), 1u);
    EXPECT_EQ(report.findings[0].status, SupportStatus::ended);
    EXPECT_TRUE(report.findings[0].at_the_latest);
    EXPECT_EQ(report.findings[0].cycle, (CycleRef{"mssqlserver", "12.0-sp3"}));
    EXPECT_EQ(report.findings[0].end_date, "2024-07-09");
    EXPECT_EQ(report.findings[0].uncertainty.fr, "service pack non précisé");

    // "Windows 10": its cycles end between 2017 and 2032-01-13 (IoT Enterprise LTSC 2021).
    report = assess({named("Windows 10", "p1.os_version")});
    EXPECT_TRUE(report.findings.empty());
    ASSERT_EQ(report.not_recognised.size(), 1u);
    EXPECT_EQ(report.not_recognised[0].product, "windows");
    EXPECT_NE(report.not_recognised[0].reason.fr.find("version manquante"), std::string::npos);
    EXPECT_NE(report.not_recognised[0].reason.fr.find("13/01/2032"), std::string::npos) << report.not_recognised[0].reason.fr;
    EXPECT_NE(report.not_recognised[0].reason.en.find("13 January 2032"), std::string::npos) << report.not_recognised[0].reason.en;
    // With an end of use after every Windows 10 cycle ends, it is a finding "at the latest".
    report = assess({named("Windows 10", "p1.os_version")}, "2035-01-01");
    ASSERT_EQ(report.findings.size(), 1u);
    EXPECT_EQ(report.findings[0].status, SupportStatus::ends_before_end_of_use);
    EXPECT_TRUE(report.findings[0].at_the_latest);
    EXPECT_EQ(report.findings[0].end_date, "2032-01-13");
    EXPECT_EQ(report.findings[0].cycle, (CycleRef{"windows", "10-21h2-iot-lts"}));
}

TEST(SupportFindings, EndedWithoutADateAndNotEndedWithoutADate) {
    const SupportReport report = assess({named("Android 4.3", "p5.tablet"), named("Android 4", "p5.tablet"),
                                         named("macOS 14 Sonoma", "p6.mac")});
    ASSERT_EQ(report.findings.size(), 2u);
    EXPECT_EQ(report.findings[0].cycle, (CycleRef{"android", "4.3"}));
    EXPECT_EQ(report.findings[0].status, SupportStatus::ended);
    EXPECT_EQ(report.findings[0].end_date, "") << "true in the data: ended, no date; sorted first";
    EXPECT_EQ(report.findings[1].cycle, (CycleRef{"android", "4.4"})) << "4.0 to 4.4W: the last dated end";
    EXPECT_TRUE(report.findings[1].at_the_latest);
    ASSERT_EQ(report.supported.size(), 1u);
    EXPECT_EQ(report.supported[0].cycle, (CycleRef{"macos", "14"}));
    EXPECT_EQ(report.supported[0].end_date, "") << "false in the data: no end announced";
}

TEST(SupportFindings, AFreeTextAnswerGivesEachSystemItNames) {
    const SupportReport report =
        assess({DeclaredSystem{"PC sous Windows 10 IoT Enterprise LTSC 2019, base SQL Server 2014 Express, serveur RHEL 8.6", "",
                               "p2.architecture", DeclaredAs::free_text},
                DeclaredSystem{"Aucun système particulier.", "", "p2.other", DeclaredAs::free_text}});
    ASSERT_EQ(report.findings.size(), 3u);
    EXPECT_EQ(report.findings[0].cycle, (CycleRef{"mssqlserver", "12.0-sp3"}));
    EXPECT_EQ(report.findings[0].status, SupportStatus::ended);
    EXPECT_EQ(report.findings[0].declared, (std::vector<std::string>{"SQL Server 2014 Express"}));
    EXPECT_EQ(report.findings[0].sources, (std::vector<std::string>{"p2.architecture"}));
    EXPECT_EQ(report.findings[1].cycle, (CycleRef{"windows", "10-1809-e-lts"}));
    EXPECT_EQ(report.findings[1].end_date, "2029-01-09");
    EXPECT_EQ(report.findings[2].cycle, (CycleRef{"rhel", "8"}));
    EXPECT_EQ(report.findings[2].end_date, "2029-05-31") << "ends before the end of use, sorted by date";
    EXPECT_EQ(report.findings[2].extended_support_end, "2033-05-31");
    EXPECT_TRUE(report.supported.empty());
    EXPECT_TRUE(report.not_recognised.empty()) << "prose naming no system lists nothing";
}

TEST(SupportFindings, TheOrderDoesNotDependOnTheInputOrder) {
    std::vector<DeclaredSystem> systems = {named("Windows 7 SP1", "a"), named("Debian 11", "b"), named("Ubuntu 22.04", "c"),
                                           named("RHEL 9", "d"), named("Oracle 19c", "e"), named("Truc 3.0", "f")};
    const SupportReport forward = assess(systems);
    std::reverse(systems.begin(), systems.end());
    const SupportReport backward = assess(systems);
    const auto cycles = [](const std::vector<SupportAssessment>& list) {
        std::vector<CycleRef> refs;
        for (const auto& a : list) refs.push_back(a.cycle);
        return refs;
    };
    EXPECT_EQ(cycles(forward.findings), cycles(backward.findings));
    EXPECT_EQ(cycles(forward.supported), cycles(backward.supported));
    EXPECT_EQ(cycles(forward.findings), (std::vector<CycleRef>{{"windows", "7-sp1"}, {"debian", "11"}, {"ubuntu", "22.04"},
                                                               {"oracle-database", "19"}}));
}

TEST(SupportFindings, BadDatesAreRefused) {
    const auto& data = test::end_of_support_data();
    for (const auto& [today, end] : std::vector<std::pair<const char*, const char*>>{{"15/01/2026", ""}, {"2026-01-15", "2031"}, {"", ""}}) {
        auto report = assess_support(data, {}, today, end);
        ASSERT_FALSE(report.ok()) << today << " " << end;
        EXPECT_EQ(report.error().code, ErrorCode::invalid_value);
        EXPECT_NE(report.error().message.fr.find("AAAA-MM-JJ"), std::string::npos);
    }
    auto report = assess_support(data, {named("Windows 10 22H2", "q")}, kToday, "");
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->findings.size(), 1u) << "no end of use: only what has ended";
    EXPECT_EQ(assess_support(data, std::vector<DeclaredSystem>(kMaxDeclaredSystems + 1), kToday, "").error().code, ErrorCode::too_large);
}

}  // namespace
}  // namespace cyberachat
