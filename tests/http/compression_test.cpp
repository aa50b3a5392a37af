// Responses are compressed by Cyberachat (gzip level 1, see src/web/response_compression.hpp),
// only for clients that accept gzip, and decompress to exactly the uncompressed page.
#include <gtest/gtest.h>

#include <regex>

#include "server_process.hpp"

using namespace cyberachat::testing;

namespace {

httplib::Result get(const ServerProcess& server, const std::string& path, const std::string& accept_encoding,
                    bool decompress) {
    httplib::Client client = server.client();
    client.set_decompress(decompress);
    httplib::Headers headers;
    if (!accept_encoding.empty()) headers.emplace("Accept-Encoding", accept_encoding);
    return client.Get(path.c_str(), headers);
}

TEST(Compression, PagesAreGzippedForBrowsersAndDecompressToTheSamePage) {
    ServerProcess server;
    auto plain = get(server, "/help", "", false);
    ASSERT_TRUE(plain);
    ASSERT_EQ(plain->status, 200);
    ASSERT_GE(plain->body.size(), 4096u);
    EXPECT_FALSE(plain->has_header("Content-Encoding"));
    EXPECT_EQ(plain->get_header_value("Vary"), "Accept-Encoding");

    // What a browser sends: gzip is chosen (never brotli at httplib's slowest setting).
    auto raw = get(server, "/help", "gzip, deflate, br", false);
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->get_header_value("Content-Encoding"), "gzip");
    ASSERT_GE(raw->body.size(), 2u);
    EXPECT_EQ(static_cast<unsigned char>(raw->body[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(raw->body[1]), 0x8b);
    EXPECT_LT(raw->body.size(), plain->body.size() / 2);
    EXPECT_EQ(raw->get_header_value("Content-Length"), std::to_string(raw->body.size()));

    auto decoded = get(server, "/help", "gzip", true);
    ASSERT_TRUE(decoded);
    // The CSRF token differs per request: compare the pages without it.
    const auto without_token = [](const std::string& page) {
        static const std::regex token("[A-Za-z0-9_-]{43}");
        return std::regex_replace(page, token, "");
    };
    EXPECT_EQ(without_token(decoded->body), without_token(plain->body));
}

TEST(Compression, RefusedOrUnknownCodingsGetThePlainPage) {
    ServerProcess server;
    for (const std::string accept : {"gzip;q=0", "br", "identity", "deflate"}) {
        auto res = get(server, "/login", accept, false);
        ASSERT_TRUE(res) << accept;
        EXPECT_EQ(res->status, 200) << accept;
        EXPECT_FALSE(res->has_header("Content-Encoding")) << accept;
        EXPECT_NE(res->body.find("<html"), std::string::npos) << accept;
    }
}

// The compression cache only ever returns the gzip of the bytes just rendered: a page reloaded
// after a change shows the change, compressed or not.
TEST(Compression, ACompressedPageReloadedAfterAChangeShowsTheChange) {
    ServerProcess server;
    const long long acquisition = create_acquisition(server);
    const Invitation invitation = invite_vendor(server, acquisition);
    httplib::Client link = server.client();
    auto opened = link.Get(("/invitation/" + invitation.token).c_str());
    ASSERT_TRUE(opened);
    const std::string cookie = set_cookie(opened, "cyb_vendor");
    ASSERT_FALSE(cookie.empty());
    const std::string page = "/vendor/sections/dispositif.informations_generales";
    auto fetch = [&] {
        httplib::Client client = server.client();
        client.set_decompress(true);
        auto result = client.Get(page.c_str(), {{"Cookie", "cyb_vendor=" + cookie}, {"Accept-Encoding", "gzip"}});
        EXPECT_TRUE(result);
        EXPECT_EQ(result->status, 200);
        EXPECT_EQ(result->get_header_value("Content-Encoding"), "gzip");
        EXPECT_EQ(result->get_header_value("Vary"), "Accept-Encoding");
        return result->body;
    };
    const std::string first = fetch();
    EXPECT_EQ(fetch(), first);  // the same bytes again (from the page cache, its gzip then kept)
    EXPECT_EQ(fetch(), first);  // and that gzip sent as it is
    auto vendor = server.api(invitation.token);
    auto saved = vendor.Put("/api/v1/vendor/answers/dispositif.marque", R"({"value":"Marque-après-changement"})",
                            "application/json");
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 200) << saved->body;
    const std::string after = fetch();
    EXPECT_EQ(first.find("Marque-après-changement"), std::string::npos);
    EXPECT_NE(after.find("Marque-après-changement"), std::string::npos);
}

TEST(Compression, JsonAndAssetsAreCompressedToo) {
    ServerProcess server;
    auto client = server.api(server.api_token());
    client.set_decompress(false);
    auto questionnaire = client.Get("/api/v1/questionnaire", {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(questionnaire);
    EXPECT_EQ(questionnaire->status, 200);
    EXPECT_EQ(questionnaire->get_header_value("Content-Encoding"), "gzip");
    httplib::Client browser = server.client();
    browser.set_decompress(false);
    // The name the pages link (content-hashed, kept a year).
    std::smatch linked;
    const std::string login = server.client().Get("/login")->body;
    ASSERT_TRUE(std::regex_search(login, linked, std::regex(R"re(href="(/assets/app\.[0-9a-f]+\.css)")re")));
    auto css = browser.Get(linked[1].str().c_str(), {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(css);
    EXPECT_EQ(css->status, 200);
    EXPECT_EQ(css->get_header_value("Content-Encoding"), "gzip");
    EXPECT_NE(css->get_header_value("Cache-Control").find("max-age=31536000"), std::string::npos);
}

}  // namespace
