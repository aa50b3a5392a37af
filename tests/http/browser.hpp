#pragma once
// A minimal browser for HTTP tests: keeps cookies, reads the CSRF token of the last page, sends
// files; and logging in as the test server's biomedical engineer.
#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <optional>
#include <regex>
#include <string>

#include "server_process.hpp"

namespace cyberachat::testing {

// A minimal browser: keeps cookies, reads the CSRF token of the last page.
class Browser {
public:
    explicit Browser(const ServerProcess& server) { client_.emplace(server.client()); }
    // After server.restart() (a new port), with the same cookies.
    void reconnect(const ServerProcess& server) { client_.emplace(server.client()); }

    httplib::Result get(const std::string& path) { return get(path, {}); }
    // With headers of its own (what a browser adds: Sec-Purpose when it prerenders, Accept…).
    httplib::Result get(const std::string& path, const httplib::Headers& extra) {
        httplib::Headers all = headers();
        all.insert(extra.begin(), extra.end());
        auto result = client_->Get(path.c_str(), all);
        remember(result);
        return result;
    }
    httplib::Result post(const std::string& path, httplib::Params params, bool with_csrf = true) {
        if (with_csrf) params.emplace("_csrf", csrf_);
        auto result = client_->Post(path.c_str(), headers(), params);
        remember(result);
        return result;
    }
    // A form with one file (multipart), and the CSRF token of the last page.
    httplib::Result post_file(const std::string& path, const std::string& field, const std::string& bytes,
                              const std::string& file_name, const std::string& content_type) {
        const httplib::MultipartFormDataItems items = {{"_csrf", csrf_, "", ""}, {field, bytes, file_name, content_type}};
        auto result = client_->Post(path.c_str(), headers(), items);
        remember(result);
        return result;
    }
    const std::string& csrf() const { return csrf_; }

private:
    httplib::Headers headers() const {
        std::string cookie;
        for (const auto& [name, value] : cookies_) cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
        return cookie.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", cookie}};
    }
    void remember(const httplib::Result& result) {
        if (!result) return;
        for (const auto& [name, value] : result->headers) {
            if (name != "Set-Cookie") continue;
            const size_t eq = value.find('='), end = value.find(';');
            const std::string key = value.substr(0, eq), content = value.substr(eq + 1, end - eq - 1);
            if (value.find("Max-Age=0") != std::string::npos) cookies_.erase(key);
            else cookies_[key] = content;
        }
        std::smatch match;
        static const std::regex csrf_field(R"(name="_csrf" value="([^"]+)\")");
        if (std::regex_search(result->body, match, csrf_field)) csrf_ = match[1];
    }
    std::optional<httplib::Client> client_;
    std::map<std::string, std::string> cookies_;
    std::string csrf_;
};

inline void log_in(Browser& browser) {
    browser.get("/login");
    auto result = browser.post("/login", {{"email", ServerProcess::kEmail}, {"password", ServerProcess::kPassword}});
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 303);
    ASSERT_EQ(result->get_header_value("Location"), "/acquisitions");
}

}  // namespace cyberachat::testing
