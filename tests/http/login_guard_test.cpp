// Login against the real server under hostile clients: parallel guesses on one account cannot
// get more checks than the limit, a flood of logins is turned away (503) rather than piling up
// argon2id hashes (64 MiB each), the attacker's failures do not lock the owner out from
// elsewhere, a lockout outlives a restart (the counters are in the database), and an unknown
// e-mail costs the same time as a wrong password.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "server_process.hpp"

using namespace cyberachat::testing;

namespace login_guard_http_test {

// POST /login with a double-submit CSRF pair of our own; `forwarded`: the X-Forwarded-For the
// reverse proxy would add (trusted from a loopback peer only).
httplib::Result log_in(const ServerProcess& server, const std::string& email, const std::string& password,
                       const std::string& forwarded = "") {
    auto client = server.client();
    client.set_read_timeout(30, 0);
    httplib::Headers headers{{"Cookie", "cyb_login_csrf=jeton-de-test"}};
    if (!forwarded.empty()) headers.emplace("X-Forwarded-For", forwarded);
    return client.Post("/login", headers,
                       httplib::Params{{"email", email}, {"password", password}, {"_csrf", "jeton-de-test"}});
}

// The peak resident memory of a process (VmHWM), in MiB; -1 when unreadable.
long peak_rss_mib(int pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) {
            std::istringstream fields(line.substr(6));
            long kib = -1;
            fields >> kib;
            return kib < 0 ? -1 : kib / 1024;
        }
    return -1;
}

// Runs `count` logins at once (one thread and one connection each); returns their statuses.
std::map<int, int> at_once(int count, const std::function<httplib::Result(int)>& attempt) {
    std::mutex mutex;
    std::map<int, int> statuses;
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i)
        threads.emplace_back([&, i] {
            while (!go.load()) std::this_thread::yield();
            auto result = attempt(i);
            std::lock_guard lock(mutex);
            ++statuses[result ? result->status : -1];
        });
    go = true;
    for (auto& thread : threads) thread.join();
    return statuses;
}

std::string describe(const std::map<int, int>& statuses) {
    std::string out;
    for (const auto& [status, n] : statuses) out += std::to_string(status) + "×" + std::to_string(n) + " ";
    return out;
}

double median_ms(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

TEST(LoginGuardHttp, ParallelWrongPasswordsOnOneAccountGetAtMostTheLimitOfChecks) {
    ServerProcess server;
    auto statuses = at_once(24, [&](int) { return log_in(server, ServerProcess::kEmail, "mauvais-mot-de-passe"); });
    EXPECT_EQ(statuses[401], 5) << describe(statuses);
    EXPECT_EQ(statuses[429], 19) << describe(statuses);
    const long peak = peak_rss_mib(server.pid());
    EXPECT_GT(peak, 0);
    EXPECT_LT(peak, 512) << "MiB at the peak: at most a few argon2id hashes (64 MiB each) at once";
    std::cout << "[ figures  ] 24 parallel wrong passwords: " << describe(statuses) << "; server peak RSS " << peak
              << " MiB\n";

    // The right password from the same address is refused too, and says when to come back…
    auto refused = log_in(server, ServerProcess::kEmail, ServerProcess::kPassword);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 429);
    EXPECT_EQ(refused->get_header_value("Retry-After"), "900");
    EXPECT_NE(refused->body.find("Trop de tentatives de connexion : réessayez dans 15 minutes."), std::string::npos);
    EXPECT_NE(refused->body.find("Too many login attempts"), std::string::npos);
    // …but the owner, from another address, is not locked out by someone else's failures.
    auto owner = log_in(server, ServerProcess::kEmail, ServerProcess::kPassword, "10.20.30.40");
    ASSERT_TRUE(owner);
    EXPECT_EQ(owner->status, 303);
    EXPECT_EQ(owner->get_header_value("Location"), "/acquisitions");
}

TEST(LoginGuardHttp, ALockoutOutlivesARestart) {
    ServerProcess server;
    for (int i = 0; i < 5; ++i) {
        auto failed = log_in(server, ServerProcess::kEmail, "mauvais-mot-de-passe");
        ASSERT_TRUE(failed);
        ASSERT_EQ(failed->status, 401);
    }
    server.restart();  // the counters are in the database, not in the process
    auto refused = log_in(server, ServerProcess::kEmail, ServerProcess::kPassword);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 429);
    EXPECT_EQ(refused->get_header_value("Retry-After"), "900");
}

TEST(LoginGuardHttp, AFloodOfLoginsIsTurnedAwayInsteadOfPilingUpHashes) {
    ServerProcess server;
    // Each from its own address and for its own account: no per-account or per-address rule applies.
    auto statuses = at_once(48, [&](int i) {
        return log_in(server, "inconnu" + std::to_string(i) + "@chu.test", "mauvais-mot-de-passe",
                      "192.0.2." + std::to_string(i + 1));
    });
    EXPECT_EQ(statuses[401] + statuses[503], 48) << describe(statuses);
    EXPECT_GE(statuses[503], 1) << describe(statuses);
    EXPECT_GE(statuses[401], 2) << describe(statuses);
    const long peak = peak_rss_mib(server.pid());
    EXPECT_GT(peak, 0);
    EXPECT_LT(peak, 512) << "MiB at the peak";
    std::cout << "[ figures  ] 48 parallel logins: " << describe(statuses) << "; server peak RSS " << peak << " MiB\n";
    auto after = log_in(server, "x@chu.test", "y", "192.0.2.200");  // the flood over: served again
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 401);
}

TEST(LoginGuardHttp, AnUnknownEmailTakesAsLongAsAWrongPassword) {
    ServerProcess server;
    std::vector<double> wrong, unknown;
    for (int i = 0; i < 5; ++i) {  // 5 wrong passwords: the limit for one account from one address
        for (bool known : {true, false}) {
            const auto start = std::chrono::steady_clock::now();
            auto result = known ? log_in(server, ServerProcess::kEmail, "mauvais-mot-de-passe")
                                : log_in(server, "personne" + std::to_string(i) + "@chu.test", "mauvais-mot-de-passe");
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            ASSERT_TRUE(result);
            ASSERT_EQ(result->status, 401);
            (known ? wrong : unknown).push_back(ms);
        }
    }
    const double wrong_ms = median_ms(wrong), unknown_ms = median_ms(unknown);
    std::cout << "[ figures  ] login median: wrong password " << wrong_ms << " ms, unknown e-mail " << unknown_ms << " ms\n";
    EXPECT_GE(unknown_ms, 0.5 * wrong_ms) << "an unknown e-mail answers faster: it tells which e-mails have accounts";
    EXPECT_LE(unknown_ms, 2.0 * wrong_ms);
}

}  // namespace login_guard_http_test
