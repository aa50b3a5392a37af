#include "mail/smtp_transport.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "mail/mime_message.hpp"
#include "test_smtp_server.hpp"

namespace cyberachat::mail {
namespace {

TEST(SmtpTransport, DeliversToARealServer) {
    testing::TestSmtpServer server;
    auto settings = make_smtp_settings(server.url(), "cyberachat@chu.test", "", "", nullptr);
    ASSERT_TRUE(settings.ok());
    SmtpTransport transport(*settings);
    MimeMessage m;
    m.from_name = "CHU Test";
    m.from_address = "cyberachat@chu.test";
    m.to = "fournisseur@exemple.test";
    m.subject = "Invitation — questionnaire";
    m.text_body = "Bonjour é";
    m.html_body = "<p>Bonjour é</p>";
    m.date_utc_seconds = 1796203800;
    ASSERT_TRUE(transport.send(m.to, render_mime(m)).ok());
    auto received = server.wait_for(1);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].recipient(), "fournisseur@exemple.test");
    EXPECT_EQ(received[0].header("x-mailfrom"), "cyberachat@chu.test");
    EXPECT_EQ(received[0].header("subject"), "Invitation — questionnaire");
    EXPECT_EQ(received[0].text, "Bonjour é");
}

TEST(SmtpTransport, ADeadServerIsAnErrorNotAHang) {
    testing::TestSmtpServer server;
    server.stop();
    auto settings = make_smtp_settings(server.url(), "cyberachat@chu.test", "", "", nullptr);
    ASSERT_TRUE(settings.ok());
    settings->connect_timeout_seconds = 2;
    settings->timeout_seconds = 5;
    SmtpTransport transport(*settings);
    const auto started = std::chrono::steady_clock::now();
    auto sent = transport.send("x@exemple.test", "Subject: x\r\n\r\nx\r\n");
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(sent.error().code, ErrorCode::output_failed);
    EXPECT_FALSE(sent.error().message.fr.empty());
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(6));
    server.start();  // back on the same port
    EXPECT_TRUE(transport.send("x@exemple.test", "Subject: x\r\n\r\nx\r\n").ok());
}

TEST(SmtpSettings, ChecksUrlSenderAndPassword) {
    EXPECT_FALSE(make_smtp_settings("http://x", "a@b.test", "", "", nullptr).ok());
    EXPECT_FALSE(make_smtp_settings("smtp://", "a@b.test", "", "", nullptr).ok());
    EXPECT_FALSE(make_smtp_settings("smtp://relay:25", "", "", "", nullptr).ok()) << "--smtp-from required";
    EXPECT_FALSE(make_smtp_settings("smtp://relay:25", "not an address", "", "", nullptr).ok());
    EXPECT_FALSE(make_smtp_settings("smtp://relay:25", "a@b.test", "", "", "secret").ok()) << "password without user";
    auto from_env = make_smtp_settings("smtps://relay:465", "a@b.test", "user", "", "secret");
    ASSERT_TRUE(from_env.ok());
    EXPECT_EQ(from_env->password, "secret");
    EXPECT_EQ(describe_smtp(*from_env).find("secret"), std::string::npos);
    const std::string file = "/tmp/cyb-smtp-password-test";
    { std::ofstream(file) << "from-file\n"; }
    auto from_file = make_smtp_settings("smtp://relay:25", "a@b.test", "user", file, "env");
    ASSERT_TRUE(from_file.ok());
    EXPECT_EQ(from_file->password, "from-file") << "the file wins over the environment";
    std::filesystem::remove(file);
    EXPECT_FALSE(make_smtp_settings("smtp://relay:25", "a@b.test", "user", "/nonexistent/file", nullptr).ok());
}

// One small message through `transport` to "x@exemple.test".
Result<void> send_probe(SmtpTransport& transport) {
    return transport.send("x@exemple.test", "From: <cyberachat@chu.test>\r\nTo: <x@exemple.test>\r\nSubject: sonde\r\n\r\nsonde\r\n");
}

TEST(SmtpTransport, AuthenticatesWithTheAccountAndTheWrongPasswordIsRefused) {
    testing::TestSmtpServer server(testing::SecureSmtpOptions{"cyberachat", "Mot-de-passe-SMTP-9", false});
    auto good = make_smtp_settings(server.url(), "cyberachat@chu.test", "cyberachat", "", "Mot-de-passe-SMTP-9");
    ASSERT_TRUE(good.ok());
    SmtpTransport authenticated(*good);
    auto sent = send_probe(authenticated);
    ASSERT_TRUE(sent.ok()) << sent.error().message.fr;
    ASSERT_EQ(server.wait_for(1).size(), 1u);

    auto wrong = make_smtp_settings(server.url(), "cyberachat@chu.test", "cyberachat", "", "mauvais-mot-de-passe");
    SmtpTransport refused(*wrong);
    auto denied = send_probe(refused);
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().message.fr.find("mauvais-mot-de-passe"), std::string::npos) << "never the password";
    auto anonymous = make_smtp_settings(server.url(), "cyberachat@chu.test", "", "", nullptr);
    SmtpTransport without_account(*anonymous);
    EXPECT_FALSE(send_probe(without_account).ok()) << "the relay requires an account";
    EXPECT_EQ(server.messages().size(), 1u);
}

TEST(SmtpTransport, SmtpsChecksTheRelaysCertificateAgainstTheGivenCa) {
    testing::TestSmtpServer server(testing::SecureSmtpOptions{"cyberachat", "Mot-de-passe-SMTP-9", true});
    ASSERT_EQ(server.url().rfind("smtps://127.0.0.1:", 0), 0u);
    auto settings = make_smtp_settings(server.url(), "cyberachat@chu.test", "cyberachat", "", "Mot-de-passe-SMTP-9");
    ASSERT_TRUE(settings.ok());
    // Self-signed: not trusted by the system's store.
    SmtpTransport untrusted(*settings);
    auto refused = send_probe(untrusted);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(server.messages().empty());
    // Trusted once its CA is given (--smtp-ca-file): TLS from the start, then AUTH.
    ASSERT_TRUE(use_smtp_ca_file(*settings, server.certificate_file()).ok());
    SmtpTransport trusted(*settings);
    auto sent = send_probe(trusted);
    ASSERT_TRUE(sent.ok()) << sent.error().message.fr;
    auto received = server.wait_for(1);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].header("subject"), "sonde");
}

TEST(SmtpSettings, TheCaFileMustHoldACertificate) {
    auto settings = make_smtp_settings("smtps://relay:465", "a@b.test", "", "", nullptr);
    ASSERT_TRUE(settings.ok());
    auto missing = use_smtp_ca_file(*settings, "/nonexistent/ca.pem");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.fr.find("Impossible de lire"), std::string::npos);
    const std::string file = "/tmp/cyb-smtp-ca-test.pem";
    { std::ofstream(file) << "pas un certificat\n"; }
    auto not_pem = use_smtp_ca_file(*settings, file);
    ASSERT_FALSE(not_pem.ok());
    EXPECT_NE(not_pem.error().message.fr.find("aucun certificat PEM"), std::string::npos);
    std::filesystem::remove(file);
    EXPECT_TRUE(settings->ca_file.empty());
}

}  // namespace
}  // namespace cyberachat::mail
