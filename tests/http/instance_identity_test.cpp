// The hospital's identity over HTTP: set by an administrator on its page (a PNG logo uploaded) or
// through the API, refused with the field's message when wrong (nothing changed), and then shown
// to vendors — in their pages' header, the invitation's wording, the contact line — and in the
// PDF reports' headers; the logo served immutable at its versioned address.
#include <gtest/gtest.h>

#include <regex>

#include "../outputs/pdf/pdf_text.hpp"
#include "../png_fixture.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using cyberachat::test_images::png_claiming;
using cyberachat::test_images::small_png;

namespace instance_identity_test {

constexpr const char* kAdminEmail = "admin@chu.test";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Standard padded base64 (RFC 4648), as an API client would send the logo.
std::string base64_of(const std::string& bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i += 3) {
        unsigned chunk = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(chunk >> 18) & 63];
        out += kAlphabet[(chunk >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
    }
    return out;
}

std::string page_csrf(const std::string& body) {
    static const std::regex csrf(R"(name="_csrf" value="([^"]+)\")");
    std::smatch match;
    return std::regex_search(body, match, csrf) ? match[1].str() : "";
}

class InstanceIdentity : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<ServerProcess>();
        admin_token = user_token(*server, kAdminEmail, "admin");
        admin_cookie = hospital_session(*server, kAdminEmail, kUserPassword);
        ASSERT_GT(admin_cookie.size(), 12u);
    }

    httplib::Result post_identity(httplib::MultipartFormDataItems items) {
        auto page = server->client().Get("/admin/instance", {{"Cookie", admin_cookie}});
        EXPECT_EQ(page->status, 200);
        items.push_back({"_csrf", page_csrf(page->body), "", ""});
        return server->client().Post("/admin/instance", {{"Cookie", admin_cookie}}, items);
    }

    std::string vendor_cookie(const std::string& token) {
        auto opened = server->client().Get("/invitation/" + token);
        return "cyb_vendor=" + set_cookie(opened, "cyb_vendor");
    }

    std::unique_ptr<ServerProcess> server;
    std::string admin_token, admin_cookie;
};

TEST_F(InstanceIdentity, SetOnTheAdminPageThenShownToVendorsAndInReports) {
    const long long purchase = create_acquisition(*server, "Échographes 2027");
    const Invitation vendor = invite_vendor(*server, purchase, "Medica SA");
    // Before: "Cyberachat" and no logo.
    auto before = server->client().Get("/vendor", {{"Cookie", vendor_cookie(vendor.token)}});
    ASSERT_EQ(before->status, 200);
    EXPECT_TRUE(contains(before->body, "<span class=\"hospital-name\">Cyberachat</span>"));
    EXPECT_TRUE(contains(before->body, "The hospital invites you")) << "the vendor reads English";
    EXPECT_EQ(server->client().Get("/instance/logo.png")->status, 404);

    auto saved = post_identity({{"name", "CHU de Compiègne", "", ""},
                                {"contact_email", "biomed@chu-compiegne.test", "", ""},
                                {"logo", small_png(), "logo.png", "image/png"}});
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 303) << saved->body;
    auto page = server->client().Get("/admin/instance", {{"Cookie", admin_cookie}});
    EXPECT_TRUE(contains(page->body, "value=\"CHU de Compiègne\""));
    std::smatch logo_src;
    ASSERT_TRUE(std::regex_search(page->body, logo_src, std::regex(R"(src="(/instance/logo\.png\?v=[0-9a-f]{16})\")")));

    // The vendor's pages name the hospital, show its logo and how to reach it.
    auto home = server->client().Get("/vendor", {{"Cookie", vendor_cookie(vendor.token)}});
    ASSERT_EQ(home->status, 200);
    EXPECT_TRUE(contains(home->body, "<span class=\"hospital-name\">CHU de Compiègne</span>"));
    EXPECT_TRUE(contains(home->body, "CHU de Compiègne invites you to answer"));
    EXPECT_TRUE(contains(home->body, "src=\"" + logo_src[1].str() + "\""));
    EXPECT_TRUE(contains(home->body, "href=\"mailto:biomed@chu-compiegne.test\""));

    // The logo at its versioned address: the PNG, cached for a year; elsewhere revalidated.
    auto logo = server->client().Get(logo_src[1].str());
    ASSERT_EQ(logo->status, 200);
    EXPECT_EQ(logo->body, small_png());
    EXPECT_EQ(logo->get_header_value("Content-Type"), "image/png");
    EXPECT_EQ(logo->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(server->client().Get("/instance/logo.png")->get_header_value("Cache-Control"), "no-cache");
    auto revalidated = server->client().Get("/instance/logo.png", {{"If-None-Match", logo->get_header_value("ETag")}});
    EXPECT_EQ(revalidated->status, 304);

    // The PDF reports' headers: the vendor's own and the hospital's.
    auto vendor_pdf = server->api(vendor.token).Get("/api/v1/vendor/report.pdf");
    ASSERT_EQ(vendor_pdf->status, 200);
    EXPECT_TRUE(contains(pdf_text(vendor_pdf->body), "CHU de Compiègne — Échographes 2027"));
    auto purchase_pdf = server->api(server->api_token()).Get("/api/v1/acquisitions/" + std::to_string(purchase) + "/report.pdf");
    ASSERT_EQ(purchase_pdf->status, 200);
    EXPECT_TRUE(contains(pdf_text(purchase_pdf->body), "CHU de Compiègne — Échographes 2027"));
    EXPECT_TRUE(contains(pdf_tool_output(purchase_pdf->body, "pdfimages -list"), "image       3     2"));

    // Removing the logo: gone from pages and its address.
    ASSERT_EQ(post_identity({{"name", "CHU de Compiègne", "", ""},
                             {"contact_email", "biomed@chu-compiegne.test", "", ""},
                             {"remove_logo", "1", "", ""}})
                  ->status,
              303);
    EXPECT_EQ(server->client().Get("/instance/logo.png")->status, 404);
    EXPECT_FALSE(contains(server->client().Get("/vendor", {{"Cookie", vendor_cookie(vendor.token)}})->body, "/instance/logo.png"));
}

TEST_F(InstanceIdentity, AWrongFieldIsRefusedWithItsMessageAndNothingChanges) {
    ASSERT_EQ(post_identity({{"name", "CHU de Compiègne", "", ""}, {"contact_email", "", "", ""}})->status, 303);
    auto refused = post_identity({{"name", "CHU Nouveau", "", ""},
                                  {"contact_email", "pas une adresse", "", ""},
                                  {"logo", "<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.svg", "image/svg+xml"}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_TRUE(contains(refused->body, "Le logo doit être une image PNG"));
    EXPECT_TRUE(contains(refused->body, "Adresse e-mail invalide"));
    EXPECT_TRUE(contains(refused->body, "value=\"CHU Nouveau\"")) << "what was typed is kept";
    EXPECT_TRUE(contains(refused->body, "aria-invalid=\"true\""));
    auto api = parse_json(server->api(admin_token).Get("/api/v1/instance"));
    EXPECT_EQ(api["hospital_name"], "CHU de Compiègne");
    EXPECT_TRUE(api["logo_url"].is_null());

    // A non-administrator may read it but not change it.
    const std::string bio_token = server->api_token();
    EXPECT_EQ(parse_json(server->api(bio_token).Get("/api/v1/instance"))["hospital_name"], "CHU de Compiègne");
    EXPECT_EQ(server->api(bio_token).Put("/api/v1/instance", R"({"hospital_name":"Pirate"})", "application/json")->status, 403);
}

TEST_F(InstanceIdentity, TheApiSetsAndRemovesTheLogoAndRefusesWhatIsWrong) {
    auto admin = server->api(admin_token);
    const std::string body = nlohmann::json{{"hospital_name", "GHT Oise"},
                                            {"contact_email", "achats@ght-oise.test"},
                                            {"logo_png_base64", base64_of(small_png())}}
                                 .dump();
    auto put = admin.Put("/api/v1/instance", body, "application/json");
    ASSERT_EQ(put->status, 200) << put->body;
    auto shown = parse_json(put);
    EXPECT_EQ(shown["hospital_name"], "GHT Oise");
    EXPECT_EQ(shown["contact_email"], "achats@ght-oise.test");
    ASSERT_TRUE(shown["logo_url"].is_string());
    const std::string logo_url = shown["logo_url"];
    EXPECT_EQ(server->client().Get(logo_url.substr(logo_url.find("/instance/")))->body, small_png());

    for (const auto& [wrong, field] : std::vector<std::pair<std::string, std::string>>{
             {R"({"logo_png_base64":"pas du base64 !"})", "logo"},
             {nlohmann::json{{"logo_png_base64", base64_of(png_claiming(9000, 9000))}}.dump(), "logo"},
             {R"({"contact_email":"x"})", "contact_email"},
             {R"({"hospital_name":12})", "hospital_name"}}) {
        auto refused = admin.Put("/api/v1/instance", wrong, "application/json");
        ASSERT_TRUE(refused);
        EXPECT_EQ(refused->status, 422) << wrong << " → " << refused->body;
        EXPECT_TRUE(parse_json(refused)["fields"].contains(field)) << refused->body;
    }
    EXPECT_EQ(admin.Put("/api/v1/instance", R"({"hospital":"x"})", "application/json")->status, 422);
    EXPECT_EQ(parse_json(admin.Get("/api/v1/instance"))["hospital_name"], "GHT Oise") << "nothing changed";

    auto removed = parse_json(admin.Put("/api/v1/instance", R"({"logo_png_base64":null})", "application/json"));
    EXPECT_TRUE(removed["logo_url"].is_null());
    EXPECT_EQ(removed["hospital_name"], "GHT Oise");
    // Journalled as the administrator's doing.
    EXPECT_EQ(server->query_value("SELECT COUNT(*) FROM events WHERE entity = 'instance' AND field = 'hospital.logo_sha256'"), "2");
}

}  // namespace instance_identity_test
