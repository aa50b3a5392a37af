#include "core/company_key.hpp"

#include <gtest/gtest.h>

namespace cyberachat {
namespace {

struct KeyCase {
    const char* identifier;
    const char* email;
    const char* key;
};

TEST(CompanyKey, AnIdentifierWinsOverTheDomainAndASiretNamesItsCompany) {
    const KeyCase cases[] = {
        {"552 100 554", "ventes@medica.fr", "siren:552100554"},
        {"552 100 554 00012", "", "siren:552100554"},    // a SIRET: its SIREN
        {"55210055400012", "x@y.fr", "siren:552100554"},
        {"FR 12 552100554", "", "id:FR12552100554"},     // a VAT number
        {"15-048-3782", "", "siren:150483782"},          // nine digits, a DUNS too: one company either way
        {"CH-123.456.789 MWST", "", "id:CH123456789MWST"},
        {"", "Ventes@Medica.FR", "domain:medica.fr"},
        {"   ", "appels-offres@cardiotrace-medical.example", "domain:cardiotrace-medical.example"},
        {"", "jean.dupont@gmail.com", ""},               // a public mailbox says nothing of the company
        {"", "contact@orange.fr", ""},
        {"", "pas-une-adresse", ""},
        {"", "", ""},
        {"AB", "x@medica.fr", "domain:medica.fr"},       // too short to be an identifier: the domain
        {"n°123456!", "x@medica.fr", "domain:medica.fr"},
    };
    for (const KeyCase& c : cases) EXPECT_EQ(company_key(c.identifier, c.email), c.key) << c.identifier << " / " << c.email;
}

TEST(CompanyKey, IdentifiersAreCheckedAndKeysLabelled) {
    EXPECT_TRUE(valid_company_identifier(""));
    EXPECT_TRUE(valid_company_identifier("552 100 554"));
    EXPECT_FALSE(valid_company_identifier("AB"));
    EXPECT_FALSE(valid_company_identifier("<script>"));
    EXPECT_FALSE(valid_company_identifier(std::string(41, '1')));
    EXPECT_EQ(company_key_label("siren:552100554"), "SIREN 552 100 554");
    EXPECT_EQ(company_key_label("domain:medica.fr"), "domaine medica.fr");
    EXPECT_EQ(company_key_label(""), "");
}

}  // namespace
}  // namespace cyberachat
