#pragma once
// A real SMTP server for the tests: Debian's aiosmtpd (python3-aiosmtpd), started on 127.0.0.1
// and a free port, storing what it receives in a Maildir. Reads the messages back: headers
// (RFC 2047 words decoded), the text and HTML parts (base64 decoded). Can be stopped and
// started again on the same port (the "server down, then back" tests). Header-only: the mail,
// services and HTTP tests include it.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../free_port.hpp"

extern char** environ;

namespace cyberachat::testing {

struct ReceivedMail {
    std::map<std::string, std::string> headers;  // names lower-cased; values unfolded and decoded
    std::string text;                            // the text/plain part, decoded
    std::string html;                            // the text/html part, decoded
    std::string raw;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
    std::string recipient() const { return header("x-rcptto"); }  // what aiosmtpd saw in RCPT TO
};

inline std::string smtp_test_base64_decode(const std::string& in) {
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned value = 0;
    int bits = 0;
    for (char c : in) {
        const size_t at = alphabet.find(c);
        if (at == std::string::npos) continue;  // line ends, padding
        value = (value << 6) | static_cast<unsigned>(at);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((value >> bits) & 0xff);
        }
    }
    return out;
}

// "=?UTF-8?B?…?=" words decoded (the whitespace between two words dropped).
inline std::string smtp_test_decode_words(const std::string& value) {
    std::string out;
    size_t at = 0;
    bool last_was_word = false;
    while (at < value.size()) {
        const size_t start = value.find("=?", at);
        if (start == std::string::npos) {
            out += value.substr(at);
            break;
        }
        std::string between = value.substr(at, start - at);
        if (!(last_was_word && between.find_first_not_of(" \t") == std::string::npos)) out += between;
        const size_t q1 = value.find('?', start + 2), q2 = value.find('?', q1 + 1), end = value.find("?=", q2 + 1);
        if (q1 == std::string::npos || q2 == std::string::npos || end == std::string::npos) {
            out += value.substr(start);
            break;
        }
        const std::string encoding = value.substr(q1 + 1, q2 - q1 - 1);
        const std::string payload = value.substr(q2 + 1, end - q2 - 1);
        out += (encoding == "B" || encoding == "b") ? smtp_test_base64_decode(payload) : payload;
        at = end + 2;
        last_was_word = true;
    }
    return out;
}

// Headers of a MIME entity (up to the blank line) and its body.
inline std::map<std::string, std::string> smtp_test_headers(const std::string& entity, std::string& body) {
    std::map<std::string, std::string> headers;
    size_t end = entity.find("\n\n");
    const std::string head = entity.substr(0, end);
    body = end == std::string::npos ? std::string() : entity.substr(end + 2);
    std::string name, value;
    std::istringstream lines(head);
    std::string line;
    auto flush = [&] {
        if (!name.empty()) headers[name] = smtp_test_decode_words(value);
        name.clear();
        value.clear();
    };
    while (std::getline(lines, line)) {
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
            value += line.substr(1);
            continue;
        }
        flush();
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    }
    flush();
    return headers;
}

inline ReceivedMail parse_received_mail(std::string raw) {
    raw.erase(std::remove(raw.begin(), raw.end(), '\r'), raw.end());
    ReceivedMail mail;
    mail.raw = raw;
    std::string body;
    mail.headers = smtp_test_headers(raw, body);
    const std::string type = mail.header("content-type");
    const size_t b = type.find("boundary=\"");
    if (b == std::string::npos) {
        mail.text = body;
        return mail;
    }
    const std::string boundary = "--" + type.substr(b + 10, type.find('"', b + 10) - b - 10);
    size_t at = body.find(boundary);
    while (at != std::string::npos) {
        const size_t start = body.find('\n', at) + 1;
        const size_t next = body.find(boundary, start);
        if (next == std::string::npos || start == 0) break;
        std::string part_body;
        auto part = smtp_test_headers(body.substr(start, next - start), part_body);
        std::string decoded = part["content-transfer-encoding"] == "base64" ? smtp_test_base64_decode(part_body) : part_body;
        decoded.erase(std::remove(decoded.begin(), decoded.end(), '\r'), decoded.end());
        if (part["content-type"].rfind("text/plain", 0) == 0) mail.text = decoded;
        if (part["content-type"].rfind("text/html", 0) == 0) mail.html = decoded;
        at = next;
    }
    return mail;
}

// What a hospital's relay may ask: an account (AUTH) and TLS from the start (SMTPS, with a
// self-signed certificate for 127.0.0.1 made by openssl; its file in certificate_file()).
struct SecureSmtpOptions {
    std::string user;
    std::string password;
    bool smtps = false;
};

class TestSmtpServer {
public:
    TestSmtpServer() : TestSmtpServer(std::nullopt) {}
    explicit TestSmtpServer(std::optional<SecureSmtpOptions> secure) : secure_(std::move(secure)) {
        char pattern[] = "/tmp/cyb-smtp-XXXXXX";
        if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp");
        dir_ = pattern;
        port_ = free_local_port();
        if (secure_ && secure_->smtps) make_certificate();
        start();
    }
    // The server's certificate (PEM), for the client to trust (SMTPS only).
    std::string certificate_file() const { return dir_ + "/cert.pem"; }
    ~TestSmtpServer() {
        stop();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    TestSmtpServer(const TestSmtpServer&) = delete;
    TestSmtpServer& operator=(const TestSmtpServer&) = delete;

    int port() const { return port_; }
    std::string url() const {
        return std::string(secure_ && secure_->smtps ? "smtps" : "smtp") + "://127.0.0.1:" + std::to_string(port_);
    }
    bool running() const { return pid_ > 0; }

    void start() {
        if (pid_ > 0) return;
        const std::string listen = "127.0.0.1:" + std::to_string(port_);
        const std::string maildir = dir_ + "/maildir";
        const std::string log = dir_ + "/aiosmtpd.log";
        std::vector<std::string> args = {"/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", listen,
                                         "-c", "aiosmtpd.handlers.Mailbox", maildir};
        if (secure_) {
            args = {"/usr/bin/python3", std::string(CYB_SOURCE_DIR) + "/tests/mail/secure_smtp_server.py", "127.0.0.1",
                    std::to_string(port_), maildir, secure_->user, secure_->password};
            if (secure_->smtps) {
                args.push_back(certificate_file());
                args.push_back(dir_ + "/key.pem");
            }
            std::filesystem::create_directories(maildir + "/new");
            std::filesystem::create_directories(maildir + "/cur");
            std::filesystem::create_directories(maildir + "/tmp");
        }
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        pid_t pid = 0;
        const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0) throw std::runtime_error("cannot start aiosmtpd");
        pid_ = pid;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!accepts_connections()) {
            if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("aiosmtpd did not start: " + read_file(log));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }

    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
    }

    // Every message received so far, oldest first.
    std::vector<ReceivedMail> messages() const {
        std::vector<std::pair<std::filesystem::file_time_type, std::string>> files;
        std::error_code ignored;
        for (const char* sub : {"/maildir/new", "/maildir/cur"})
            for (const auto& entry : std::filesystem::directory_iterator(dir_ + sub, ignored))
                files.emplace_back(entry.last_write_time(), entry.path().string());
        std::sort(files.begin(), files.end());
        std::vector<ReceivedMail> out;
        for (const auto& [time, path] : files) out.push_back(parse_received_mail(read_file(path)));
        return out;
    }
    // The messages received for `recipient`.
    std::vector<ReceivedMail> messages_to(const std::string& recipient) const {
        std::vector<ReceivedMail> out;
        for (auto& mail : messages())
            if (mail.recipient() == recipient) out.push_back(std::move(mail));
        return out;
    }
    // Waits until `count` messages have arrived (or the time is up); all of them.
    std::vector<ReceivedMail> wait_for(size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(20)) const {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        auto got = messages();
        while (got.size() < count && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            got = messages();
        }
        return got;
    }

private:
    void make_certificate() const {
        const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
                                    "-addext subjectAltName=IP:127.0.0.1 -keyout '" + dir_ + "/key.pem' -out '" +
                                    certificate_file() + "' > '" + dir_ + "/openssl.log' 2>&1";
        if (std::system(command.c_str()) != 0)
            throw std::runtime_error("openssl could not make the test certificate: " + read_file(dir_ + "/openssl.log"));
    }
    static std::string read_file(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
    bool accepts_connections() const {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(port_));
        const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        close(fd);
        return ok;
    }

    std::optional<SecureSmtpOptions> secure_;
    std::string dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

}  // namespace cyberachat::testing
