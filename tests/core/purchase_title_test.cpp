#include "core/purchase_title.hpp"

#include <gtest/gtest.h>

namespace cyberachat {
namespace {

Acquisition purchase(std::string title, std::string title_en) {
    Acquisition acquisition;
    acquisition.title = std::move(title);
    acquisition.title_en = std::move(title_en);
    return acquisition;
}

TEST(PurchaseTitle, AnEnglishReaderGetsTheEnglishTitleWhenThePurchaseHasOne) {
    const Acquisition both = purchase("Échographes cardiologie 2027", "Cardiology ultrasound scanners 2027");
    EXPECT_EQ(title_for(both, "en"), "Cardiology ultrasound scanners 2027");
    EXPECT_EQ(title_for(both, Language::en), "Cardiology ultrasound scanners 2027");
    EXPECT_EQ(title_for(both, "fr"), "Échographes cardiologie 2027");
    EXPECT_EQ(title_for(both, Language::fr), "Échographes cardiologie 2027");
}

TEST(PurchaseTitle, WithoutAnEnglishTitleEveryoneGetsTheFrenchOne) {
    const Acquisition french_only = purchase("Échographes cardiologie 2027", "");
    EXPECT_EQ(title_for(french_only, "en"), "Échographes cardiologie 2027");
    EXPECT_EQ(title_for(french_only, Language::en), "Échographes cardiologie 2027");
    EXPECT_EQ(title_for(french_only, "fr"), "Échographes cardiologie 2027");
}

TEST(PurchaseTitle, AnUnknownLanguageCodeReadsAsFrench) {
    const Acquisition both = purchase("Moniteurs", "Monitors");
    EXPECT_EQ(title_for(both, ""), "Moniteurs");
    EXPECT_EQ(title_for(both, "de"), "Moniteurs");
    EXPECT_EQ(title_for(both, "EN"), "Moniteurs") << "codes are lower case, as stored";
}

}  // namespace
}  // namespace cyberachat
