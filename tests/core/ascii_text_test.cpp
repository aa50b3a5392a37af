// core/ascii_text: the one trim, the ASCII lower-casing and the folding of accents (searches).
#include "core/ascii_text.hpp"

#include <gtest/gtest.h>

using namespace cyberachat;

TEST(AsciiText, TrimsAsciiWhiteSpaceAtBothEnds) {
    EXPECT_EQ(trim("  gzip ;q=1\t"), "gzip ;q=1");
    EXPECT_EQ(trim("\r\n\v\f x y \r\n"), "x y");
    EXPECT_EQ(trim(" \t "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("\u00A0é\u00A0"), "\u00A0é\u00A0");  // a no-break space is not ASCII white space
}

TEST(AsciiText, LowersAsciiCapitalsOnly) {
    EXPECT_EQ(lower_ascii("Jean.DUPONT@Exemple.FR"), "jean.dupont@exemple.fr");
    EXPECT_EQ(lower_ascii("ÉTÉ"), "ÉtÉ");
}

TEST(AsciiText, FoldsAccentedLatinLettersToAscii) {
    EXPECT_EQ(fold_accents("Échographe"), "Echographe");
    EXPECT_EQ(fold_accents("Ça coûte cher, très cher à l'hôpital"), "Ca coute cher, tres cher a l'hopital");
    EXPECT_EQ(fold_accents("cœur ŒIL Ærø Straße ÿ Ÿ"), "coeur OEIL AEro Strasse y Y");
    EXPECT_EQ(fold_accents("Cafe\u0301 de\u0301compose\u0301"), "Cafe decompose");  // combining accents (macOS)
    EXPECT_EQ(fold_accents("n°2 × 3 ÷ 4\u00A0€ Ωμέγα"), "n°2 × 3 ÷ 4\u00A0€ Ωμέγα");  // not letters, or not Latin
    EXPECT_EQ(fold_accents("coupé\xC3"), "coupe\xC3");  // a truncated sequence is kept as it is
    EXPECT_EQ(fold_accents(""), "");
}

TEST(AsciiText, SearchKeyIgnoresCaseAndAccents) {
    EXPECT_EQ(search_key("ÉCHOGRAPHE Cardiologie"), "echographe cardiologie");
    EXPECT_EQ(search_key("Échographe"), search_key("echographe"));
    EXPECT_EQ(search_key("Réf. MARCHÉ-2027/04"), "ref. marche-2027/04");
}
