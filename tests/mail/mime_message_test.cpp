#include "mail/mime_message.hpp"

#include <gtest/gtest.h>

#include "test_smtp_server.hpp"

namespace cyberachat::mail {
namespace {

MimeMessage sample_message() {
    MimeMessage m;
    m.from_name = "CHU de Montpellier — Biomédical";
    m.from_address = "cyberachat@chu.test";
    m.to = "vendeur@exemple.test";
    m.subject = "Questionnaire de sécurité AFIB : échographes « cardiologie » 2027, réponse attendue avant le 31/03/2027";
    m.text_body = "Bonjour,\nVoici le lien : https://x.test/invitation/abc\nÀ bientôt";
    m.html_body = "<p>Bonjour <strong>é</strong></p>";
    m.date_utc_seconds = 1796203800;  // 2026-12-02T09:30:00Z, a Wednesday
    return m;
}

TEST(MimeMessage, HeadersAreEncodedAndPartsDecodeBackToUtf8) {
    const std::string raw = render_mime(sample_message());
    EXPECT_NE(raw.find("Date: Wed, 02 Dec 2026 09:30:00 +0000\r\n"), std::string::npos) << raw;
    EXPECT_NE(raw.find("MIME-Version: 1.0\r\n"), std::string::npos);
    EXPECT_NE(raw.find("Message-ID: <"), std::string::npos);
    EXPECT_NE(raw.find("@chu.test>\r\n"), std::string::npos);
    EXPECT_NE(raw.find("multipart/alternative"), std::string::npos);
    EXPECT_NE(raw.find("Subject: =?UTF-8?B?"), std::string::npos) << "non-ASCII subject as RFC 2047 words";
    // No raw 8-bit byte anywhere: everything is encoded.
    for (char c : raw) ASSERT_LT(static_cast<unsigned char>(c), 0x80) << raw;
    // Every line within 998 characters (RFC 5322), body lines within 76 (base64), encoded words within 75.
    size_t start = 0;
    const size_t body = raw.find("\r\n\r\n");
    for (size_t end = raw.find("\r\n"); end != std::string::npos; start = end + 2, end = raw.find("\r\n", start)) {
        const std::string line = raw.substr(start, end - start);
        EXPECT_LE(line.size(), start > body ? 76u : 998u) << line;
        for (size_t word = line.find("=?UTF-8?B?"); word != std::string::npos;
             word = line.find("=?UTF-8?B?", line.find("?=", word + 10))) {
            ASSERT_NE(line.find("?=", word + 10), std::string::npos) << line;
            EXPECT_LE(line.find("?=", word + 10) + 2 - word, 75u) << line;
        }
    }
    const auto parsed = testing::parse_received_mail(raw);
    EXPECT_EQ(parsed.header("subject"), sample_message().subject);
    EXPECT_EQ(parsed.header("from"), "CHU de Montpellier — Biomédical <cyberachat@chu.test>");
    EXPECT_EQ(parsed.text, "Bonjour,\nVoici le lien : https://x.test/invitation/abc\nÀ bientôt");
    EXPECT_EQ(parsed.html, "<p>Bonjour <strong>é</strong></p>");
}

TEST(MimeMessage, AsciiSubjectAndNameStayReadable) {
    MimeMessage m = sample_message();
    m.subject = "Reminder: AFIB questionnaire";
    m.from_name = "CHU \"Nord\"";
    const std::string raw = render_mime(m);
    EXPECT_NE(raw.find("Subject: Reminder: AFIB questionnaire\r\n"), std::string::npos);
    EXPECT_NE(raw.find("From: \"CHU \\\"Nord\\\"\" <cyberachat@chu.test>\r\n"), std::string::npos) << raw;
}

TEST(MimeMessage, EncodedWordsNeverSplitACharacter) {
    const std::string subject(100, 'a');
    const std::string accented = "é" + subject + "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€";
    const std::string encoded = encode_header_text(accented);
    std::string unfolded = encoded;
    for (size_t fold = unfolded.find("\r\n"); fold != std::string::npos; fold = unfolded.find("\r\n")) unfolded.erase(fold, 2);
    EXPECT_EQ(testing::smtp_test_decode_words(unfolded), accented);
    size_t at = 0;
    while ((at = encoded.find("=?UTF-8?B?", at)) != std::string::npos) {
        const size_t end = encoded.find("?=", at);
        EXPECT_LE(end + 2 - at, 75u);
        const std::string word = testing::smtp_test_base64_decode(encoded.substr(at + 10, end - at - 10));
        EXPECT_NE(static_cast<unsigned char>(word.front()) & 0xC0, 0x80u) << "starts inside a character";
        at = end;
    }
}

TEST(MimeMessage, AddressesThatCouldInjectAreRefused) {
    EXPECT_TRUE(valid_mail_address("a.b+c@chu.test"));
    EXPECT_FALSE(valid_mail_address("a@b.test\r\nBcc: x@y.test"));
    EXPECT_FALSE(valid_mail_address("a@b.test, c@d.test"));
    EXPECT_FALSE(valid_mail_address("<a@b.test>"));
    EXPECT_FALSE(valid_mail_address("nobody"));
    EXPECT_FALSE(valid_mail_address("a@@b"));
    EXPECT_FALSE(valid_mail_address("@b.test"));
}

TEST(MimeMessage, Base64LinesAreShort) {
    const std::string lines = base64_lines(std::string(1000, 'x'));
    size_t start = 0;
    for (size_t end = lines.find("\r\n"); end != std::string::npos; start = end + 2, end = lines.find("\r\n", start))
        EXPECT_LE(end - start, 76u);
    EXPECT_EQ(testing::smtp_test_base64_decode(lines), std::string(1000, 'x'));
}

}  // namespace
}  // namespace cyberachat::mail
