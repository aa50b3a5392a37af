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

}  // namespace
}  // namespace cyberachat::mail
