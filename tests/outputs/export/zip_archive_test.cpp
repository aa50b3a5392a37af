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

TEST(ZipArchive, EntriesThatTogetherInflatePastTheBudgetAreRefusedBeforeInflating) {
    // Three entries of 40 kB of zeros: a few hundred bytes compressed, 120 kB inflated.
    const std::string zeros(40000, '\0');
    auto zip = write_zip({{"a", zeros}, {"b", zeros}, {"c", zeros}});
    ASSERT_TRUE(zip);
    ASSERT_LT(zip->size(), 2000u) << "compressed well below the budget";
    EXPECT_TRUE(read_zip(*zip, 50000, 120000)) << "exactly the budget is accepted";
    auto refused = read_zip(*zip, 50000, 119999);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, cyberachat::ErrorCode::invalid_archive);
    EXPECT_NE(refused.error().message.fr.find("contenu décompressé trop grand"), std::string::npos)
        << refused.error().message.fr;
    EXPECT_NE(refused.error().message.in(cyberachat::Language::en).find("inflated content too large"), std::string::npos);
    auto one_too_large = read_zip(*zip, 39999, 120000);
    ASSERT_FALSE(one_too_large);
    EXPECT_NE(one_too_large.error().message.in(cyberachat::Language::en).find("entry too large: a"), std::string::npos);
}
