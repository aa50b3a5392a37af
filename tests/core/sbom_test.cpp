// SBOM import (core/sbom.hpp): CycloneDX 1.2–1.6 and SPDX 2.2/2.3 JSON read into the installed
// software list with its summary; malformed, unsupported, too deep or too large files refused with
// a message, never a crash.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/sbom.hpp"

namespace cyberachat {
namespace {

using json = nlohmann::json;

json cyclonedx(const std::string& version, json components) {
    return {{"bomFormat", "CycloneDX"},
            {"specVersion", version},
            {"version", 1},
            {"metadata", {{"component", {{"type", "device"}, {"name", "Échographe X9"}, {"version", "4.2"}}}}},
            {"components", std::move(components)}};
}

const json kCycloneComponents = json::array({
    {{"type", "operating-system"}, {"name", "Windows 10 IoT Enterprise LTSC 2019"}, {"version", "10.0.17763"},
     {"supplier", {{"name", "Microsoft"}}}, {"cpe", "cpe:2.3:o:microsoft:windows_10_1809:-:*:*:*:*:*:*:*"}},
    {{"type", "application"}, {"name", "Viewer"}, {"version", "3.1"}, {"publisher", "Imagerie SA"},
     {"components", json::array({{{"type", "library"}, {"name", "openssl"}, {"version", "1.1.1w"},
                                  {"purl", "pkg:generic/openssl@1.1.1w"}}})}},
    {{"type", "library"}, {"name", "OpenSSL"}, {"version", "1.1.1W"}, {"supplier", {{"name", "OpenSSL Project"}}}},
    {{"type", "library"}, {"version", "2.0"}},
});

TEST(Sbom, EveryCycloneDxVersionFillsTheSoftwareListWithItsSummary) {
    for (const char* version : {"1.2", "1.3", "1.4", "1.5", "1.6"}) {
        auto sbom = parse_sbom(cyclonedx(version, kCycloneComponents).dump());
        ASSERT_TRUE(sbom.ok()) << version << ": " << sbom.error().message.fr;
        EXPECT_EQ(sbom->format, "CycloneDX");
        EXPECT_EQ(sbom->version, version);
        EXPECT_EQ(sbom->subject, "Échographe X9 4.2");
        EXPECT_EQ(sbom->declared, 5u) << "the nested library counts";
        ASSERT_EQ(sbom->components.size(), 3u);
        EXPECT_EQ(sbom->components[0].name, "Windows 10 IoT Enterprise LTSC 2019");
        EXPECT_EQ(sbom->components[0].supplier, "Microsoft");
        EXPECT_EQ(sbom->components[0].identifier, "cpe:2.3:o:microsoft:windows_10_1809:-:*:*:*:*:*:*:*") << "CPE without purl";
        EXPECT_EQ(sbom->components[0].type, "operating-system");
        EXPECT_EQ(sbom->components[1].supplier, "Imagerie SA") << "the publisher when no supplier";
        EXPECT_EQ(sbom->components[2].name, "openssl") << "nested, depth first";
        EXPECT_EQ(sbom->components[2].identifier, "pkg:generic/openssl@1.1.1w");
        EXPECT_EQ(sbom->components[2].supplier, "OpenSSL Project") << "the duplicate's supplier completes the first";
        EXPECT_EQ(sbom->merged_duplicates, 1u) << "OpenSSL 1.1.1W is openssl 1.1.1w";
        EXPECT_EQ(sbom->without_name, 1u);
        EXPECT_EQ(sbom->operating_systems, (std::vector<std::string>{"Windows 10 IoT Enterprise LTSC 2019 10.0.17763"}));
    }
}

TEST(Sbom, SpdxPackagesGiveTheirSupplierPurlOrCpeAndPurpose) {
    const json spdx = {
        {"spdxVersion", "SPDX-2.3"},
        {"SPDXID", "SPDXRef-DOCUMENT"},
        {"name", "moniteur"},
        {"packages",
         json::array({{{"SPDXID", "SPDXRef-os"}, {"name", "Red Hat Enterprise Linux"}, {"versionInfo", "8.6"},
                       {"supplier", "Organization: Red Hat"}, {"primaryPackagePurpose", "OPERATING-SYSTEM"},
                       {"externalRefs", json::array({{{"referenceCategory", "SECURITY"}, {"referenceType", "cpe23Type"},
                                                      {"referenceLocator", "cpe:2.3:o:redhat:enterprise_linux:8.6"}}})}},
                      {{"SPDXID", "SPDXRef-pg"}, {"name", "postgresql"}, {"versionInfo", "9.6.24"}, {"supplier", "NOASSERTION"},
                       {"externalRefs", json::array({{{"referenceCategory", "PACKAGE-MANAGER"}, {"referenceType", "purl"},
                                                      {"referenceLocator", "pkg:rpm/redhat/postgresql@9.6.24"}},
                                                     {{"referenceCategory", "SECURITY"}, {"referenceType", "cpe23Type"},
                                                      {"referenceLocator", "cpe:2.3:a:postgresql:postgresql:9.6.24"}}})}},
                      {{"SPDXID", "SPDXRef-app"}, {"name", "monitor-ui"}, {"versionInfo", "5"}, {"supplier", "Person: Jane Doe"},
                       {"primaryPackagePurpose", "APPLICATION"}}})}};
    auto sbom = parse_sbom(spdx.dump());
    ASSERT_TRUE(sbom.ok()) << sbom.error().message.fr;
    EXPECT_EQ(sbom->format, "SPDX");
    EXPECT_EQ(sbom->version, "2.3");
    ASSERT_EQ(sbom->components.size(), 3u);
    EXPECT_EQ(sbom->components[0].supplier, "Red Hat");
    EXPECT_EQ(sbom->components[0].identifier, "cpe:2.3:o:redhat:enterprise_linux:8.6");
    EXPECT_EQ(sbom->components[1].supplier, "") << "NOASSERTION is no supplier";
    EXPECT_EQ(sbom->components[1].identifier, "pkg:rpm/redhat/postgresql@9.6.24") << "the purl before the CPE";
    EXPECT_EQ(sbom->components[2].supplier, "Jane Doe");
    EXPECT_EQ(sbom->components[2].type, "application");
    EXPECT_EQ(sbom->operating_systems, (std::vector<std::string>{"Red Hat Enterprise Linux 8.6"}));
    json older = spdx;
    older["spdxVersion"] = "SPDX-2.2";
    EXPECT_TRUE(parse_sbom(older.dump()).ok());
}

TEST(Sbom, ALargeSbomOfThousandsOfComponentsIsRead) {
    json components = json::array();
    for (int i = 0; i < 20000; ++i)
        components.push_back({{"type", "library"}, {"name", "lib" + std::to_string(i % 15000)}, {"version", "1.0"},
                              {"purl", "pkg:generic/lib" + std::to_string(i) + "@1.0"}});
    const std::string text = cyclonedx("1.5", components).dump();
    ASSERT_GT(text.size(), 1'500'000u);
    auto sbom = parse_sbom(text);
    ASSERT_TRUE(sbom.ok()) << sbom.error().message.fr;
    EXPECT_EQ(sbom->declared, 20000u);
    EXPECT_EQ(sbom->components.size(), 15000u);
    EXPECT_EQ(sbom->merged_duplicates, 5000u);
}

TEST(Sbom, WhatIsNotASupportedSbomIsRefusedWithAMessage) {
    struct Case {
        std::string text;
        std::string message;  // part of the French message
    };
    const std::vector<Case> cases = {
        {"", "pas un document JSON lisible"},
        {"{\"bomFormat\": \"CycloneDX\", ", "pas un document JSON lisible"},
        {"<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"/>", "pas un document JSON lisible"},
        {"[1, 2, 3]", "ni un SBOM CycloneDX ni un SBOM SPDX"},
        {"{\"name\": \"liste\"}", "exportez-le en JSON"},
        {"{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.1\"}", "1.1"},
        {"{\"bomFormat\": \"CycloneDX\"}", "n'est pas pris en charge"},
        {"{\"spdxVersion\": \"SPDX-3.0\"}", "SPDX-3.0"},
        {"{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": {}}", "« components » n'est pas une liste"},
        {"{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [3]}", "pas un objet JSON"},
        {"{\"spdxVersion\": \"SPDX-2.3\", \"packages\": \"x\"}", "« packages » n'est pas une liste"},
        {std::string(100000, '[') + std::string(100000, ']'), "pas un document JSON lisible"},
    };
    for (const auto& c : cases) {
        auto sbom = parse_sbom(c.text);
        ASSERT_FALSE(sbom.ok()) << c.text.substr(0, 80);
        EXPECT_EQ(sbom.error().code, ErrorCode::invalid_value);
        EXPECT_NE(sbom.error().message.fr.find(c.message), std::string::npos) << sbom.error().message.fr;
        EXPECT_FALSE(sbom.error().message.en.empty());
    }
    auto too_large = parse_sbom(std::string(kMaxSbomBytes + 1, ' '));
    ASSERT_FALSE(too_large.ok());
    EXPECT_NE(too_large.error().message.fr.find("dépasse 32 Mo"), std::string::npos);
    // An SBOM that declares no components is read: an empty list, nothing guessed.
    auto empty = parse_sbom("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\"}");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->components.empty());
}

}  // namespace
}  // namespace cyberachat
