// A hospital group's deployment, for real: two instances of the server on one database, behind
// nginx (an upstream with both). Vendors answer and upload through nginx while a hospital user
// works; one instance is killed (SIGKILL) in the middle. Then:
// - every acknowledged answer (200) holds its value or a later one sent after it, every
//   acknowledged document (201) is there with its SHA-256 — nothing acknowledged is lost;
// - vendors and the hospital user keep working through nginx on the other instance, without
//   logging in again (sessions are rows of the database);
// - a lockout set through one instance holds on the other (login counters are rows too).
// On both engines: two processes on one SQLite data folder, or two servers on one PostgreSQL
// schema (the group's case). The figures (acknowledged writes, losses, failures after the kill)
// are printed and recorded as test properties.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <regex>
#include <thread>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace two_instances_test {

constexpr int kVendors = 4;

// nginx in front of the instances: round robin, an instance that fails is left out for 30 s,
// a request that could not reach one goes to the other (nginx retries what it may: not a POST).
class NginxInFront {
public:
    explicit NginxInFront(const std::vector<int>& ports) {
        char pattern[] = "/tmp/cyb-nginx-XXXXXX";
        if (!::mkdtemp(pattern)) throw std::runtime_error("mkdtemp");
        dir_ = pattern;
        ::chmod(dir_.c_str(), 0777);  // nginx's workers (nobody) write their temporary files here
        port_ = free_port();
        std::string upstream;
        for (int port : ports) upstream += "    server 127.0.0.1:" + std::to_string(port) + " max_fails=1 fail_timeout=30s;\n";
        std::ofstream(dir_ + "/nginx.conf") << "worker_processes 1;\npid " << dir_ << "/nginx.pid;\nerror_log " << dir_
                                            << "/error.log;\nevents { worker_connections 512; }\nhttp {\n  access_log off;\n"
                                            << "  client_max_body_size 60m;\n  client_body_buffer_size 4m;\n"
                                            << "  client_body_temp_path " << dir_ << "; proxy_temp_path " << dir_
                                            << "; fastcgi_temp_path " << dir_ << "; uwsgi_temp_path " << dir_
                                            << "; scgi_temp_path " << dir_ << ";\n"
                                            << "  upstream cyberachat {\n" << upstream << "    keepalive 16;\n  }\n"
                                            << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    location / {\n"
                                            << "      proxy_pass http://cyberachat;\n      proxy_http_version 1.1;\n"
                                            << "      proxy_set_header Connection \"\";\n      proxy_set_header Host $host;\n"
                                            << "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                                            << "      proxy_next_upstream error timeout;\n    }\n  }\n}\n";
        const auto started = command_output("nginx -c " + dir_ + "/nginx.conf 2>&1; echo rc=$?");
        if (started.find("rc=0") == std::string::npos) throw std::runtime_error("nginx: " + started);
    }
    ~NginxInFront() {
        command_output("nginx -c " + dir_ + "/nginx.conf -s stop 2>&1");
        for (int i = 0; i < 50 && ::access((dir_ + "/nginx.pid").c_str(), F_OK) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::system(("rm -rf " + dir_).c_str());
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_connection_timeout(2, 0);
        c.set_read_timeout(15, 0);
        return c;
    }

private:
    static int free_port() {
        const std::string out = command_output(
            "/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind((\"127.0.0.1\",0)); print(s.getsockname()[1])'");
        return std::stoi(out);
    }
    std::string dir_;
    int port_ = 0;
};

// A valid PDF whose bytes (and so SHA-256) are unique to `tag`.
std::string tagged_pdf(const std::string& tag) { return minimal_pdf() + "% " + tag + "\n"; }

struct VendorLedger {
    Invitation invitation;
    std::string cookie;                                  // the vendor's browser session (cyb_vendor=…)
    std::map<std::string, long long> last_acknowledged;  // question → sequence number of the last 200
    std::map<std::string, long long> last_sent;          // question → sequence number of the last sent
    std::map<std::string, std::string> documents;        // SHA-256 → bytes, answered 201
    long long acknowledged = 0, failed = 0, failed_after_failover = 0;
};

// "valeur <n>" → n.
long long sequence_of(const json& value) {
    if (!value.is_string()) return -1;
    const std::string text = value.get<std::string>();
    return text.rfind("valeur ", 0) == 0 ? std::stoll(text.substr(7)) : -1;
}

// POST /login with a double-submit CSRF pair of our own, on `client`.
httplib::Result log_in(httplib::Client& client, const std::string& password) {
    return client.Post("/login", {{"Cookie", "cyb_login_csrf=jeton-de-test"}},
                       httplib::Params{{"email", ServerProcess::kEmail}, {"password", password}, {"_csrf", "jeton-de-test"}});
}

TEST(TwoInstancesBehindNginx, KillingOneLosesNoAcknowledgedWriteAndNobodyLogsInAgain) {
    ServerProcess first;
    auto second = ServerProcess::another_instance(first);
    NginxInFront nginx({first.port(), second->port()});

    // The purchase and its vendors, through nginx.
    const auto invited = invite_vendors(first, "Moniteurs multiparamétriques (GHT)", kVendors, 3);
    std::vector<VendorLedger> vendors(kVendors);
    for (int v = 0; v < kVendors; ++v) {
        vendors[v].invitation = invited.invitations[v];
        auto client = nginx.client();
        auto opened = client.Get("/invitation/" + vendors[v].invitation.token);
        ASSERT_TRUE(opened);
        vendors[v].cookie = "cyb_vendor=" + set_cookie(opened, "cyb_vendor");
        ASSERT_NE(vendors[v].cookie, "cyb_vendor=");
    }
    // The hospital user's session, opened through nginx.
    auto hospital = nginx.client();
    auto logged_in = log_in(hospital, ServerProcess::kPassword);
    ASSERT_TRUE(logged_in);
    ASSERT_EQ(logged_in->status, 303) << logged_in->body;
    const std::string session = "cyb_session=" + set_cookie(logged_in, "cyb_session");

    // A lockout set through the first instance holds on the second.
    {
        auto direct = first.client();
        for (int i = 0; i < 5; ++i) {
            auto failed = log_in(direct, "mauvais-mot-de-passe");
            ASSERT_TRUE(failed);
            ASSERT_EQ(failed->status, 401);
        }
        auto other = second->client();
        auto refused = log_in(other, ServerProcess::kPassword);
        ASSERT_TRUE(refused);
        EXPECT_EQ(refused->status, 429) << "the second instance did not see the lockout set through the first";
        EXPECT_EQ(refused->get_header_value("Retry-After"), "900");
    }

    // The load: each vendor saves answers and uploads documents through nginx, until told to stop.
    std::atomic<bool> stop{false}, killed{false};
    std::atomic<long long> kill_time_ms{0};
    const auto now_ms = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    };
    std::vector<std::thread> threads;
    for (int v = 0; v < kVendors; ++v)
        threads.emplace_back([&, v] {
            VendorLedger& ledger = vendors[v];
            auto client = nginx.client();
            const httplib::Headers auth{{"Authorization", "Bearer " + ledger.invitation.token}};
            for (long long i = 1; !stop.load(); ++i) {
                bool acknowledged = false;
                if (i % 6 == 0) {
                    const std::string bytes = tagged_pdf("v" + std::to_string(v) + "-" + std::to_string(i));
                    httplib::MultipartFormDataItems items = {{"file", bytes, "schema.pdf", "application/pdf"}};
                    auto result = client.Post(("/api/v1/vendor/documents/" + invited.questions.document).c_str(), auth, items);
                    if (result && result->status == 201) {
                        ledger.documents[parse_json(result).value("sha256", "")] = bytes;
                        acknowledged = true;
                    }
                } else {
                    const std::string& question = invited.questions.text[static_cast<size_t>(i) % invited.questions.text.size()];
                    ledger.last_sent[question] = i;
                    auto result = client.Put(("/api/v1/vendor/answers/" + question).c_str(), auth,
                                        json{{"value", "valeur " + std::to_string(i)}}.dump(), "application/json");
                    if (result && result->status == 200) {
                        ledger.last_acknowledged[question] = i;
                        acknowledged = true;
                    }
                }
                if (acknowledged) {
                    ++ledger.acknowledged;
                } else {
                    ++ledger.failed;
                    // Past the moment nginx has noticed (one second after the kill), nothing may fail.
                    if (killed.load() && now_ms() - kill_time_ms.load() > 1000) ++ledger.failed_after_failover;
                }
            }
        });

    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    kill_time_ms = now_ms();
    first.kill();  // SIGKILL: whatever it was doing, it had no chance to finish
    killed = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    stop = true;
    for (auto& thread : threads) thread.join();

    // Still logged in, through nginx, on the instance that is left: the hospital user…
    auto purchases = hospital.Get("/acquisitions", {{"Cookie", session}});
    ASSERT_TRUE(purchases);
    EXPECT_EQ(purchases->status, 200) << "the hospital user had to log in again";
    EXPECT_NE(purchases->body.find("Moniteurs multiparamétriques"), std::string::npos);
    // …and each vendor's browser session.
    for (const auto& ledger : vendors) {
        auto client = nginx.client();
        auto home = client.Get("/vendor", {{"Cookie", ledger.cookie}});
        ASSERT_TRUE(home);
        EXPECT_EQ(home->status, 200) << "a vendor had to open its link again";
    }

    // Nothing acknowledged is lost: read back through the surviving instance.
    long long acknowledged = 0, lost = 0, failed = 0, failed_after_failover = 0, documents = 0;
    for (const auto& ledger : vendors) {
        acknowledged += ledger.acknowledged;
        failed += ledger.failed;
        failed_after_failover += ledger.failed_after_failover;
        auto response = parse_json(second->api(ledger.invitation.token).Get("/api/v1/vendor/response"));
        ASSERT_TRUE(response.is_object());
        std::map<std::string, json> stored;  // question → value (a document question's: its documents)
        for (const auto& section : response["sections"])
            for (const auto& question : section["questions"]) stored[question["id"]] = question["value"];
        for (const auto& [question, sequence] : ledger.last_acknowledged) {
            const long long found = sequence_of(stored[question]);
            // The last acknowledged value, or one sent after it whose answer never came back.
            if (found < sequence || found > ledger.last_sent.at(question)) {
                ++lost;
                ADD_FAILURE() << question << ": acknowledged " << sequence << ", stored " << stored[question].dump();
            }
        }
        std::map<std::string, long long> stored_documents;  // sha256 → id
        for (const auto& document : stored[invited.questions.document]) stored_documents[document["sha256"]] = document["id"];
        for (const auto& [sha256, bytes] : ledger.documents) {
            ++documents;
            auto it = stored_documents.find(sha256);
            if (it == stored_documents.end()) {
                ++lost;
                ADD_FAILURE() << "acknowledged document " << sha256 << " is missing";
                continue;
            }
            auto download = second->api(ledger.invitation.token).Get("/api/v1/vendor/documents/" + std::to_string(it->second));
            ASSERT_TRUE(download);
            EXPECT_EQ(download->status, 200);
            EXPECT_TRUE(download->body == bytes) << sha256;
        }
    }
    std::cout << "[ figures  ] two instances behind nginx, one SIGKILLed after 1.5 s of " << kVendors
              << " vendors writing: " << acknowledged << " acknowledged writes (" << documents << " documents), "
              << lost << " lost, " << failed << " refused or unanswered around the kill, " << failed_after_failover
              << " after the failover\n";
    ::testing::Test::RecordProperty("acknowledged_writes", static_cast<int>(acknowledged));
    ::testing::Test::RecordProperty("lost_writes", static_cast<int>(lost));
    ::testing::Test::RecordProperty("failures_after_failover", static_cast<int>(failed_after_failover));
    EXPECT_EQ(lost, 0);
    EXPECT_EQ(failed_after_failover, 0);
    EXPECT_GT(acknowledged, 100);  // the load ran, on both sides of the kill
    // Both instances served writes (nginx sent them to each in turn before the kill).
    EXPECT_NE(first.log().find("PUT /api/v1/vendor/answers/"), std::string::npos);
    EXPECT_NE(second->log().find("PUT /api/v1/vendor/answers/"), std::string::npos);
}

// What docs/deployment.md tells the operator to do, done: the store backed up while it serves
// (PostgreSQL: pg_dump; SQLite: cyberachat backup), restored elsewhere (a new database; a new data
// folder), and a server on the copy gives the vendor's answers and documents back.
TEST(TwoInstancesBehindNginx, ABackupRestoredElsewhereServes) {
    ServerProcess live;
    const auto invited = invite_vendors(live, "Pousse-seringues (sauvegarde)", 1, 2);
    const Invitation& vendor = invited.invitations[0];
    for (const auto& question : invited.questions.text)
        ASSERT_EQ(live.api(vendor.token)
                      .Put(("/api/v1/vendor/answers/" + question).c_str(), json{{"value", "valeur " + question}}.dump(),
                           "application/json")
                      ->status,
                  200);
    const std::string pdf = tagged_pdf("sauvegarde");
    httplib::MultipartFormDataItems items = {{"file", pdf, "schema.pdf", "application/pdf"}};
    ASSERT_EQ(live.api(vendor.token).Post(("/api/v1/vendor/documents/" + invited.questions.document).c_str(), items)->status,
              201);
    const json before = parse_json(live.api(vendor.token).Get("/api/v1/vendor/response"));

    std::unique_ptr<ServerProcess> restored;
    std::string dropped_database;
    if (testing_on_postgresql()) {
        const std::string base = test_postgres_url();  // …/postgres?host=…
        const std::string schema = live.query_value("SELECT current_schema()");
        dropped_database = "restored_" + schema;
        shell_output("psql '" + base + "' -qc 'CREATE DATABASE " + dropped_database + "'");
        std::string target = base;
        target.replace(target.find("/postgres?"), 10, "/" + dropped_database + "?");
        // The operator's commands: a dump of the live database, loaded into a new one.
        shell_output("/usr/lib/postgresql/15/bin/pg_dump --schema=" + schema + " '" + base + "' | psql -q -v ON_ERROR_STOP=1 '" +
                     target + "'");
        restored = ServerProcess::on_store({"--database", target + "&options=-csearch_path%3D" + schema}, live.api_token());
    } else {
        const std::string folder = live.data_dir() + "-copies";
        auto backup = run_binary({"backup", "--data", live.data_dir(), "--output", folder + "/backup"});
        ASSERT_EQ(backup.exit_code, 0) << backup.err;
        auto restore = run_binary({"restore", "--from", folder + "/backup", "--data", folder + "/restored"});
        ASSERT_EQ(restore.exit_code, 0) << restore.err;
        restored = ServerProcess::on_store({"--data", folder + "/restored"}, live.api_token());
        dropped_database = folder;
    }
    const json after = parse_json(restored->api(vendor.token).Get("/api/v1/vendor/response"));
    EXPECT_EQ(after["sections"], before["sections"]);
    long long document_id = 0;
    for (const auto& section : after["sections"])
        for (const auto& question : section["questions"])
            if (question["id"] == invited.questions.document) document_id = question["value"].at(0)["id"];
    auto download = restored->api(vendor.token).Get("/api/v1/vendor/documents/" + std::to_string(document_id));
    ASSERT_TRUE(download);
    EXPECT_EQ(download->status, 200);
    EXPECT_TRUE(download->body == pdf);
    restored.reset();
    if (testing_on_postgresql())
        shell_output("psql '" + test_postgres_url() + "' -qc 'DROP DATABASE " + dropped_database + "'");
    else
        std::system(("rm -rf " + dropped_database).c_str());
}

}  // namespace two_instances_test
