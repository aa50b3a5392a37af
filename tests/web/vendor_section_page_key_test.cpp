#include "web/vendor_section_page_key.hpp"

#include <gtest/gtest.h>

#include <set>

namespace cyberachat::web {
namespace {

struct Inputs {
    VendorResponse response;
    store::Session session;
    std::string section = "dispositif.identification";
    ResponseLock lock = ResponseLock::none;
    HospitalIdentity identity;
    bool first_visit = false;
    bool prerender = false;

    Inputs() {
        response.id = 7;
        response.revision = 12;
        session.token_hash = "ab12";
        session.csrf_token = "csrf-1";
        session.language = "fr";
        identity.name = "CHU de Nantes";
    }
    std::string key() const {
        return vendor_section_page_key({response, session, section, lock, identity, first_visit, prerender});
    }
};

TEST(VendorSectionPageKey, IsTheSameForTheSameInputs) {
    EXPECT_EQ(Inputs().key(), Inputs().key());
}

TEST(VendorSectionPageKey, ChangesWithEachInputThePageIsMadeOf) {
    struct Change {
        const char* what;
        void (*apply)(Inputs&);
    };
    const Change changes[] = {
        {"another response", [](Inputs& in) { in.response.id = 8; }},
        {"a change of the response, its answers, documents or purchase", [](Inputs& in) { in.response.revision = 13; }},
        {"another section", [](Inputs& in) { in.section = "dispositif.reseau"; }},
        {"another session", [](Inputs& in) { in.session.token_hash = "cd34"; }},
        {"another CSRF token", [](Inputs& in) { in.session.csrf_token = "csrf-2"; }},
        {"another language", [](Inputs& in) { in.session.language = "en"; }},
        {"the deadline passed meanwhile", [](Inputs& in) { in.lock = ResponseLock::deadline_passed; }},
        {"the hospital's name", [](Inputs& in) { in.identity.name = "CHU de Rennes"; }},
        {"the hospital's contact", [](Inputs& in) { in.identity.contact_email = "biomed@chu.test"; }},
        {"the hospital's logo", [](Inputs& in) { in.identity.logo_sha256 = "ff00"; }},
        {"the first visit (notes open)", [](Inputs& in) { in.first_visit = true; }},
        {"a prerender", [](Inputs& in) { in.prerender = true; }},
    };
    std::set<std::string> keys{Inputs().key()};
    for (const Change& change : changes) {
        Inputs in;
        change.apply(in);
        EXPECT_TRUE(keys.insert(in.key()).second) << change.what;
    }
}

TEST(VendorSectionPageKey, PartsCannotRunIntoEachOther) {
    Inputs a, b;
    a.section = "s1";
    a.session.language = "fr";
    b.section = "s";
    b.session.language = "1fr";  // the same characters end to end, cut elsewhere
    EXPECT_NE(a.key(), b.key());
}

}  // namespace
}  // namespace cyberachat::web
