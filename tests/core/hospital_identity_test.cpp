#include "core/hospital_identity.hpp"

#include <gtest/gtest.h>

#include "../png_fixture.hpp"

namespace cyberachat {
namespace {

using test_images::png_claiming;
using test_images::small_png;

TEST(HospitalIdentity, UnsetShowsCyberachatAndNoLogo) {
    HospitalIdentity identity;
    EXPECT_EQ(identity.shown_name(), "Cyberachat");
    EXPECT_FALSE(identity.has_logo());
    EXPECT_EQ(identity.logo_path(), "");
    identity.name = "CHU de Compiègne";
    identity.logo_sha256 = std::string(64, 'a');
    EXPECT_EQ(identity.shown_name(), "CHU de Compiègne");
    EXPECT_EQ(identity.logo_path(), "/instance/logo.png?v=aaaaaaaaaaaaaaaa") << "versioned by its hash";
}

TEST(HospitalIdentity, PngSizeReadFromTheHeaderAndAnythingElseRefused) {
    auto size = png_size(small_png());
    ASSERT_TRUE(size);
    EXPECT_EQ(size->width, 3u);
    EXPECT_EQ(size->height, 2u);
    EXPECT_FALSE(png_size(""));
    EXPECT_FALSE(png_size("\xff\xd8\xff\xe0 a JPEG header, long enough to be read........"));
    EXPECT_FALSE(png_size("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"));
    EXPECT_FALSE(png_size(small_png().substr(0, 20))) << "truncated";
    EXPECT_FALSE(png_size(png_claiming(0, 5))) << "no pixel";
}

TEST(HospitalIdentity, TheNameIsTrimmedOneLineAndBounded) {
    std::string name = "  CHU de Compiègne \t";
    EXPECT_TRUE(validate_hospital_name(name).empty());
    EXPECT_EQ(name, "CHU de Compiègne");
    std::string empty = "   ";
    EXPECT_TRUE(validate_hospital_name(empty).empty()) << "empty: back to Cyberachat";
    std::string two_lines = "CHU\nde Compiègne";
    EXPECT_EQ(validate_hospital_name(two_lines).count("name"), 1u);
    std::string long_name(kHospitalNameMaxChars, 'e');
    EXPECT_TRUE(validate_hospital_name(long_name).empty());
    std::string accents;
    for (size_t i = 0; i <= kHospitalNameMaxChars; ++i) accents += "é";
    EXPECT_EQ(validate_hospital_name(accents).count("name"), 1u) << "counted in characters";
    std::string broken = "CHU \xc3";
    EXPECT_EQ(validate_hospital_name(broken).count("name"), 1u);
}

TEST(HospitalIdentity, TheContactIsAnAddressOrNothing) {
    std::string email = " Biomed@CHU-Exemple.fr ";
    EXPECT_TRUE(validate_contact_email(email).empty());
    EXPECT_EQ(email.find(' '), std::string::npos);
    std::string none;
    EXPECT_TRUE(validate_contact_email(none).empty());
    std::string wrong = "biomed chez chu";
    auto errors = validate_contact_email(wrong);
    ASSERT_EQ(errors.count("contact_email"), 1u);
    EXPECT_NE(errors["contact_email"].find("invalide"), std::string::npos);
}

TEST(HospitalIdentity, TheLogoIsASmallEnoughPng) {
    EXPECT_TRUE(validate_logo(small_png()).empty());
    auto not_png = validate_logo("GIF89a................................");
    ASSERT_EQ(not_png.count("logo"), 1u);
    EXPECT_NE(not_png["logo"].find("PNG"), std::string::npos);
    auto too_wide = validate_logo(png_claiming(kLogoMaxPixels + 1, 10));
    ASSERT_EQ(too_wide.count("logo"), 1u);
    EXPECT_NE(too_wide["logo"].find("4097 × 10"), std::string::npos);
    EXPECT_TRUE(validate_logo(png_claiming(kLogoMaxPixels, kLogoMaxPixels)).empty());
    std::string heavy = small_png() + std::string(kLogoMaxBytes, '\0');
    auto too_heavy = validate_logo(heavy);
    ASSERT_EQ(too_heavy.count("logo"), 1u);
    EXPECT_NE(too_heavy["logo"].find("512 Kio au plus"), std::string::npos);
}

}  // namespace
}  // namespace cyberachat
