// Documents against the real server: whatever a vendor uploads is downloaded as an attachment
// with a type no browser runs (HTML, XHTML, SVG, XML → application/octet-stream), sandboxed by
// its Content-Security-Policy.
#include <gtest/gtest.h>


#include "browser.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace document_download_test {

// XHTML with a script: libmagic calls it text/xml (an accepted type), and a browser would run it
// as a page if it were sent as such.
const std::string kXhtml =
    "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Notice</h1>"
    "<script>document.title = 'pwned'</script></body></html>\n";
const std::string kSvg =
    "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n";

void expect_safe_download(const httplib::Result& result, const std::string& body, const std::string& where) {
    ASSERT_TRUE(result) << where;
    ASSERT_EQ(result->status, 200) << where << ": " << result->body;
    EXPECT_EQ(result->body, body) << where;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/octet-stream") << where;
    EXPECT_EQ(result->get_header_value("Content-Disposition").rfind("attachment;", 0), 0u) << where;
    EXPECT_EQ(result->get_header_value_count("Content-Security-Policy"), 1u) << where;
    EXPECT_EQ(result->get_header_value("Content-Security-Policy"), "sandbox; default-src 'none'") << where;
    EXPECT_EQ(result->get_header_value_count("X-Content-Type-Options"), 1u) << where;
    EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff") << where;
}

class DocumentDownload : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new ServerProcess(); }
    static void TearDownTestSuite() { delete server; }
    void SetUp() override { invitation = invite_vendor(*server, create_acquisition(*server)); }
    httplib::Client vendor() const { return server->api(invitation.token); }

    // Uploads `bytes` named `name` to a document question; returns the document's JSON.
    json upload(const std::string& bytes, const std::string& name, const std::string& declared_type) {
        auto chose = vendor().Put("/api/v1/vendor/answers/dispositif.classe_ce_2017_745",
                                  json{{"value", "iia"}}.dump(), "application/json");
        EXPECT_TRUE(chose && chose->status == 200);
        httplib::MultipartFormDataItems items = {{"file", bytes, name, declared_type}};
        auto uploaded = vendor().Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", items);
        EXPECT_TRUE(uploaded);
        EXPECT_EQ(uploaded->status, 201) << uploaded->body;
        return parse_json(uploaded);
    }

    static ServerProcess* server;
    Invitation invitation;
};
ServerProcess* DocumentDownload::server = nullptr;

TEST_F(DocumentDownload, AnHtmlFileIsNeverSentAsAPageFromAnyEndpoint) {
    auto document = upload(kXhtml, "notice.html", "text/html");
    ASSERT_TRUE(document.contains("id"));
    EXPECT_EQ(document["content_type"], "text/xml");  // what libmagic sees: an accepted type
    const std::string id = std::to_string(document["id"].get<long long>());

    expect_safe_download(vendor().Get("/api/v1/vendor/documents/" + id), kXhtml, "vendor API");
    expect_safe_download(server->api(server->api_token()).Get("/api/v1/documents/" + id), kXhtml, "hospital API");

    auto hospital = server->client();
    const std::string cookie = hospital_session(*server);
    ASSERT_FALSE(cookie.empty());
    expect_safe_download(hospital.Get(("/documents/" + id).c_str(), {{"Cookie", cookie}}), kXhtml, "hospital page");

    Browser vendor_browser(*server);
    auto opened = vendor_browser.get("/invitation/" + invitation.token);
    ASSERT_TRUE(opened);
    ASSERT_EQ(opened->status, 303);
    expect_safe_download(vendor_browser.get("/vendor/documents/" + id), kXhtml, "vendor page");
}

TEST_F(DocumentDownload, HtmlBytesNamedPdfAndSvgAreRefusedOrSentAsBytes) {
    // Plain HTML (text/html) and SVG (image/svg+xml) are refused at upload.
    httplib::MultipartFormDataItems html = {
        {"file", "<html><body><script>alert(1)</script></body></html>", "rapport.pdf", "application/pdf"}};
    auto refused_html = vendor().Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", html);
    ASSERT_TRUE(refused_html);
    EXPECT_EQ(refused_html->status, 422) << refused_html->body;
    httplib::MultipartFormDataItems svg = {{"file", kSvg, "schema.svg", "image/svg+xml"}};
    auto refused_svg = vendor().Post("/api/v1/vendor/documents/dispositif.certificat_ce_2017_745", svg);
    ASSERT_TRUE(refused_svg);
    EXPECT_EQ(refused_svg->status, 422) << refused_svg->body;

    // An SVG whose root element has a prefix: libmagic sees XML (accepted), a browser an SVG
    // image with its script. Downloaded as bytes.
    const std::string wrapped =
        "<?xml version=\"1.0\"?>\n<!-- schema -->\n<x:svg xmlns:x=\"http://www.w3.org/2000/svg\">"
        "<x:script>alert(1)</x:script></x:svg>\n";
    auto document = upload(wrapped, "schema.svg", "image/svg+xml");
    EXPECT_EQ(document["content_type"], "text/xml");
    ASSERT_TRUE(document.contains("id"));
    expect_safe_download(vendor().Get("/api/v1/vendor/documents/" + std::to_string(document["id"].get<long long>())),
                         wrapped, "wrapped SVG");
}

TEST_F(DocumentDownload, APdfKeepsItsTypeWithTheSameProtections) {
    auto document = upload(minimal_pdf(), "certificat.pdf", "application/pdf");
    ASSERT_TRUE(document.contains("id"));
    auto result = vendor().Get("/api/v1/vendor/documents/" + std::to_string(document["id"].get<long long>()));
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(result->get_header_value("Content-Security-Policy"), "sandbox; default-src 'none'");
    EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(result->get_header_value("Content-Disposition").rfind("attachment;", 0), 0u);
}

// A document larger than what is checked whole before sending (4 MiB) is streamed: the same bytes,
// headers and protections, its length announced, its SHA-256 given.
TEST_F(DocumentDownload, ALargeDocumentIsStreamedWhole) {
    std::string text;
    for (int line = 0; text.size() < 9'000'000; ++line)
        text += "Journal d'audit, ligne " + std::to_string(line) + " : connexion du technicien\n";
    auto document = upload(text, "journal.txt", "text/plain");
    ASSERT_TRUE(document.contains("id")) << document.dump();
    auto result = vendor().Get("/api/v1/vendor/documents/" + std::to_string(document["id"].get<long long>()));
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    EXPECT_EQ(result->body.size(), text.size());
    EXPECT_TRUE(result->body == text);
    EXPECT_EQ(result->get_header_value("Content-Length"), std::to_string(text.size()));
    EXPECT_EQ(result->get_header_value("Content-Type"), document["content_type"].get<std::string>());  // text/…
    EXPECT_EQ(result->get_header_value("X-Document-SHA256"), document["sha256"].get<std::string>());
    EXPECT_EQ(result->get_header_value("Content-Security-Policy"), "sandbox; default-src 'none'");
}

}  // namespace document_download_test
