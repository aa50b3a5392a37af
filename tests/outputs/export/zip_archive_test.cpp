// Zip archives in memory: written, read back identically; garbage refused with a clear message.
#include "outputs/export/zip_archive.hpp"

#include <gtest/gtest.h>

using namespace cyberachat::exports;

TEST(ZipArchive, RoundTripKeepsEveryByte) {
    std::string binary;
    for (int i = 0; i < 100000; ++i) binary.push_back(static_cast<char>(i * 7919 % 256));
    auto zip = write_zip({{"export.json", "{\"titre\": \"Échographes\"}"}, {"documents/abc", binary}, {"vide", ""}});
    ASSERT_TRUE(zip) << zip.error().message.fr;
    auto entries = read_zip(*zip);
    ASSERT_TRUE(entries) << entries.error().message.fr;
    ASSERT_EQ(entries->size(), 3u);
    EXPECT_EQ(entries->at("export.json"), "{\"titre\": \"Échographes\"}");
    EXPECT_EQ(entries->at("documents/abc"), binary);
    EXPECT_EQ(entries->at("vide"), "");
}

TEST(ZipArchive, GarbageAndTruncatedFilesAreRefused) {
    auto garbage = read_zip("ceci n'est pas une archive");
    ASSERT_FALSE(garbage);
    EXPECT_EQ(garbage.error().code, cyberachat::ErrorCode::invalid_archive);
    EXPECT_NE(garbage.error().message.fr.find("archive zip lisible"), std::string::npos);
    auto zip = write_zip({{"a", std::string(5000, 'x')}});
    ASSERT_TRUE(zip);
    EXPECT_FALSE(read_zip(zip->substr(0, zip->size() / 2)));
}
