// The vendor's next section is prerendered by the browser (the previous one and the others on hover) (Speculation Rules, named
// by a response header), a prerendered page changes nothing on the server, and a shown page can ask
// what changed since it was built (GET /api/v1/vendor/sections/{id}/state). Assets are served under
// content-hashed names for a year.
#include <gtest/gtest.h>

#include <regex>

#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

const httplib::Headers kPrerender = {{"Sec-Purpose", "prefetch;prerender"}};
// app.js preparing the next section to show it in place (fetch may not send Sec-Purpose).
const httplib::Headers kPrepared = {{"X-Cyberachat-Prepare", "section"}};

// The vendor's own view: sections in order, with their questions.
json vendor_response(const ServerProcess& server, const std::string& token) {
    return parse_json(server.api(token).Get("/api/v1/vendor/response"));
}

std::string attribute(const std::string& html, const std::string& name) {
    std::smatch match;
    if (!std::regex_search(html, match, std::regex(" " + name + "=\"([^\"]*)\""))) return "";
    return match[1];
}

class SpeculativeLoading : public ::testing::Test {
protected:
    void SetUp() override {
        invitation = invite_vendor(server, create_acquisition(server));
        vendor.emplace(server);
        ASSERT_EQ(vendor->get("/invitation/" + invitation.token)->status, 303);
        response = vendor_response(server, invitation.token);
    }
    // The id of the visible section of this rank (0: the first).
    std::string visible_section(size_t index) const {
        size_t seen = 0;
        for (const auto& section : response["sections"])
            if (section["visible"].get<bool>() && seen++ == index) return section["id"];
        return "";
    }
    const json& section(const std::string& id) const {
        for (const auto& s : response["sections"])
            if (s["id"] == id) return s;
        throw std::runtime_error("no section " + id);
    }
    std::string first_text_question(const std::string& section_id) const {
        for (const auto& q : section(section_id)["questions"])
            if (q["kind"] == "text" && q["visible"].get<bool>()) return q["id"];
        return "";
    }
    void save_answer(const std::string& question, const std::string& value) {
        auto put = server.api(invitation.token)
                       .Put(("/api/v1/vendor/answers/" + question).c_str(), json({{"value", value}}).dump(),
                            "application/json");
        ASSERT_TRUE(put);
        ASSERT_EQ(put->status, 200) << put->body;
    }

    ServerProcess server;
    Invitation invitation;
    std::optional<Browser> vendor;
    json response;
};

}  // namespace

TEST_F(SpeculativeLoading, SectionPagesNameTheirSpeculationRulesWhichPrerenderTheNextSectionAtOnce) {
    const std::string first = visible_section(0), second = visible_section(1);
    auto page = vendor->get("/vendor/sections/" + second);
    ASSERT_EQ(page->status, 200);
    std::smatch rules_url;
    const std::string header = page->get_header_value("Speculation-Rules");
    ASSERT_TRUE(std::regex_match(header, rules_url, std::regex(R"re("(/assets/speculation-rules\.[0-9a-f]{12}\.json)")re")))
        << header;
    EXPECT_NE(page->body.find("rel=\"next\""), std::string::npos);
    EXPECT_NE(page->body.find("href=\"/vendor/sections/" + first + "\" rel=\"prev\""), std::string::npos);

    auto rules = server.client().Get(rules_url[1].str().c_str());
    ASSERT_EQ(rules->status, 200);
    EXPECT_EQ(rules->get_header_value("Content-Type"), "application/speculationrules+json");
    EXPECT_EQ(rules->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    const json parsed = json::parse(rules->body);
    ASSERT_EQ(parsed["prerender"].size(), 2u);
    EXPECT_EQ(parsed["prerender"][0]["eagerness"], "immediate");
    EXPECT_NE(parsed["prerender"][0].dump().find("a[rel~=next]:not([hidden])"), std::string::npos);
    EXPECT_NE(parsed["prerender"][0].dump().find("/vendor/sections/*"), std::string::npos)
        << "only section pages, never a form's target or the review";
    EXPECT_EQ(parsed["prerender"][0].dump().find("rel~=prev"), std::string::npos)
        << "the previous section only on hover: vendors mostly go forward, and each prerender is a page render";
    EXPECT_EQ(parsed["prerender"][1]["eagerness"], "moderate") << "any other section link, the previous one too: on hover";

    // The hospital's pages have no rules; the content security policy still forbids inline scripts.
    EXPECT_FALSE(server.client().Get("/login")->has_header("Speculation-Rules"));
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self';"), std::string::npos);
}

// A page built before the vendor sees it: prerendered by the browser, or prepared by app.js.
class PageBuiltAhead : public SpeculativeLoading, public ::testing::WithParamInterface<httplib::Headers> {};

INSTANTIATE_TEST_SUITE_P(PrerenderedOrPrepared, PageBuiltAhead, ::testing::Values(kPrerender, kPrepared),
                         [](const auto& info) { return info.index == 0 ? "Prerendered" : "PreparedByTheScript"; });

TEST_P(PageBuiltAhead, NeitherTakesTheFlashMessageNorMarksItsSectionSeen) {
    const httplib::Headers& ahead = GetParam();
    // A section with a note: open on the first visit, closed on the next ones.
    std::string with_note;
    auto questionnaire = parse_json(server.client().Get("/api/v1/questionnaire"));
    for (const auto& part : questionnaire["parts"])
        for (const auto& s : part["sections"])
            if (with_note.empty() && !s["note"].is_null() && section(s["id"])["visible"].get<bool>() && s["id"] != visible_section(0))
                with_note = s["id"];
    ASSERT_FALSE(with_note.empty());
    const std::string url = "/vendor/sections/" + with_note;

    auto prerendered = vendor->get(url, ahead);
    ASSERT_EQ(prerendered->status, 200);
    EXPECT_NE(prerendered->body.find("<details class=\"note\" open>"), std::string::npos) << "first visit";
    EXPECT_EQ(set_cookie(prerendered, "cyb_seen"), "") << "not seen yet: the vendor may never open it";
    auto again = vendor->get(url, ahead);
    EXPECT_NE(again->body.find("<details class=\"note\" open>"), std::string::npos) << "still a first visit";

    // Shown: the page asks its state, which marks it seen; the next visit has its note closed.
    auto state = vendor->get("/api/v1/vendor/sections/" + with_note + "/state");
    ASSERT_EQ(state->status, 200);
    EXPECT_NE(set_cookie(state, "cyb_seen"), "");
    auto later = vendor->get(url);
    EXPECT_EQ(later->body.find("<details class=\"note\" open>"), std::string::npos);
    EXPECT_NE(later->body.find("<details class=\"note\">"), std::string::npos);

    // A flash message set by a save is left for the page the vendor sees, not taken by a prerender.
    const std::string first = "/vendor/sections/" + visible_section(0);
    vendor->get(first);
    auto saved = vendor->post(first, {{"go", "save"}});
    ASSERT_EQ(saved->status, 303);
    ASSERT_NE(set_cookie(saved, "cyb_flash"), "");
    auto speculative = vendor->get(url, ahead);
    EXPECT_EQ(speculative->body.find("Saved."), std::string::npos) << "the vendor reads English";
    EXPECT_FALSE(speculative->has_header("Set-Cookie") &&
                 speculative->get_header_value("Set-Cookie").find("cyb_flash") != std::string::npos);
    auto shown = vendor->get(saved->get_header_value("Location"));
    EXPECT_NE(shown->body.find("Saved."), std::string::npos);
}

TEST_F(SpeculativeLoading, TheStateOfASectionTellsWhatChangedSinceThePageWasBuilt) {
    // Two visible sections with free-text questions: one before, the page after.
    std::vector<std::string> with_text;
    for (size_t i = 0; with_text.size() < 2 && !visible_section(i).empty(); ++i)
        if (!first_text_question(visible_section(i)).empty()) with_text.push_back(visible_section(i));
    ASSERT_EQ(with_text.size(), 2u);
    const std::string first = with_text[0], second = with_text[1];
    auto page = vendor->get("/vendor/sections/" + second);
    const std::string built = attribute(page->body, "data-state");
    ASSERT_EQ(built.size(), 16u) << page->body.substr(0, 2000);
    EXPECT_EQ(attribute(page->body, "data-state-url"), "/api/v1/vendor/sections/" + second + "/state");

    auto state = parse_json(vendor->get("/api/v1/vendor/sections/" + second + "/state"));
    EXPECT_EQ(state["section"], second);
    EXPECT_EQ(state["fingerprint"], built) << "nothing changed";
    EXPECT_EQ(state["read_only"], false);
    const json progress_before = state["progress"];

    // Answers saved in the page before it (the vendor typed them just before clicking "next"):
    // progress moves, this page's own answers do not.
    const std::string earlier = first_text_question(first);
    ASSERT_FALSE(earlier.empty());
    for (const auto& q : section(first)["questions"])
        if (q["kind"] == "text" && q["visible"].get<bool>()) save_answer(q["id"], "Réponse saisie juste avant de passer à la suite");
    state = parse_json(vendor->get("/api/v1/vendor/sections/" + second + "/state"));
    EXPECT_EQ(state["fingerprint"], built) << "updated in place, not reloaded";
    EXPECT_NE(state["progress"], progress_before);
    EXPECT_TRUE(state["visible_sections"].is_array());
    EXPECT_TRUE(state["complete_sections"].is_array());
    EXPECT_NE(std::find(state["visible_questions"].begin(), state["visible_questions"].end(), earlier),
              state["visible_questions"].end());

    // One of its own answers saved meanwhile (another tab, a colleague): another fingerprint.
    const std::string own = first_text_question(second);
    ASSERT_FALSE(own.empty());
    save_answer(own, "Saisie dans un autre onglet");
    state = parse_json(vendor->get("/api/v1/vendor/sections/" + second + "/state"));
    EXPECT_NE(state["fingerprint"], built);
    EXPECT_EQ(attribute(vendor->get("/vendor/sections/" + second)->body, "data-state"), state["fingerprint"])
        << "the page built now carries the current one";
}

TEST_F(SpeculativeLoading, TheStateIsTheVendorsOwnAndRefusesUnknownSections) {
    auto unknown = vendor->get("/api/v1/vendor/sections/nope/state");
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(parse_json(unknown)["error"]["code"], "not_found");
    auto anonymous = server.client().Get(("/api/v1/vendor/sections/" + visible_section(0) + "/state").c_str());
    EXPECT_EQ(anonymous->status, 401);
    auto bearer = server.api(invitation.token).Get(("/api/v1/vendor/sections/" + visible_section(0) + "/state").c_str());
    EXPECT_EQ(bearer->status, 200) << "the API's invitation token works too";
}

TEST(Assets, HashedNamesAreImmutableForAYearPlainNamesAreRevalidated) {
    ServerProcess server;
    auto login = server.client().Get("/login");
    std::smatch css;
    ASSERT_TRUE(std::regex_search(login->body, css, std::regex(R"re(href="(/assets/app\.[0-9a-f]{12}\.css)")re")));
    auto hashed = server.client().Get(css[1].str().c_str());
    ASSERT_EQ(hashed->status, 200);
    EXPECT_EQ(hashed->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(hashed->get_header_value_count("Cache-Control"), 1u);
    EXPECT_EQ(hashed->get_header_value("Content-Type"), "text/css; charset=utf-8");

    auto plain = server.client().Get("/assets/app.css");
    ASSERT_EQ(plain->status, 200);
    EXPECT_EQ(plain->body, hashed->body);
    EXPECT_EQ(plain->get_header_value("Cache-Control"), "no-cache");
    const std::string etag = plain->get_header_value("ETag");
    ASSERT_FALSE(etag.empty());
    auto revalidated = server.client().Get("/assets/app.css", {{"If-None-Match", etag}});
    EXPECT_EQ(revalidated->status, 304);
    EXPECT_TRUE(revalidated->body.empty());

    // What a browser asks for by itself: the icon at the root.
    auto icon = server.client().Get("/favicon.ico");
    ASSERT_EQ(icon->status, 200);
    EXPECT_EQ(icon->get_header_value("Content-Type"), "image/svg+xml");
    EXPECT_EQ(icon->get_header_value_count("Cache-Control"), 1u);
    EXPECT_NE(icon->body.find("<svg"), std::string::npos);
    EXPECT_EQ(server.client().Get("/assets/app.0123456789ab.css")->status, 404) << "another build's name";
}

TEST(Assets, TextAssetsAreSentGzippedAtTheHighestLevelWithoutDocumentHeaders) {
    ServerProcess server;
    httplib::Client raw = server.client();
    raw.set_decompress(false);
    auto zipped = raw.Get("/assets/app.js", {{"Accept-Encoding", "gzip, br"}});
    ASSERT_EQ(zipped->status, 200);
    EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(zipped->get_header_value("Vary"), "Accept-Encoding");
    auto plain = raw.Get("/assets/app.js");
    ASSERT_EQ(plain->status, 200);
    EXPECT_FALSE(plain->has_header("Content-Encoding")) << "a client without gzip gets the plain file";
    EXPECT_NE(plain->body.find("function Autosave(form) {"), std::string::npos);
    EXPECT_EQ(plain->body.find("\n  "), std::string::npos) << "served without indentation";
    EXPECT_LT(zipped->body.size(), plain->body.size() / 3);
    httplib::Client decoding = server.client();
    EXPECT_EQ(decoding.Get("/assets/app.js", {{"Accept-Encoding", "gzip"}})->body, plain->body);

    // A script or a stylesheet is no document: no CSP, frame or referrer policy sent with it.
    EXPECT_FALSE(plain->has_header("Content-Security-Policy"));
    EXPECT_FALSE(plain->has_header("X-Frame-Options"));
    EXPECT_EQ(plain->get_header_value("X-Content-Type-Options"), "nosniff");
    // An SVG may be opened as a document: it keeps them.
    auto icon = raw.Get("/assets/favicon.svg");
    EXPECT_TRUE(icon->has_header("Content-Security-Policy"));
}
