// Crash durability against the real server: concurrent vendors, each through its own invitation,
// save answers and upload documents while the server is killed (SIGKILL) at a random moment; it is
// then restarted on the same data directory. Every acknowledged write (HTTP 200 for an answer, 201
// for a document) must be there with the acknowledged value — the last acknowledged value of each
// question, or a later one that was in flight when the server died — nothing may appear that was
// never sent (CrashDurability, on both engines). On SQLite, the file's `PRAGMA integrity_check` must
// also answer "ok" after each restart (SqliteCrashDurability).
//
// CYB_SOAK_CYCLES sets the number of kill/restart cycles (3 by default, as in `make test`; `make soak`
// runs many more), CYB_SOAK_SEED the random seed (printed, to replay a failure).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "server_process.hpp"

using namespace cyberachat::testing;
using json = nlohmann::json;

namespace {

constexpr int kVendors = 4;
constexpr int kTextQuestions = 4;
constexpr int kMaxRequestsPerCycle = 400;  // per vendor: the loop is bounded even if the kill never comes
constexpr auto kMaxWritePhase = std::chrono::seconds(10);

long long environment_number(const char* name, long long fallback, long long low, long long high) {
    const char* text = std::getenv(name);
    if (!text || !*text) return fallback;
    char* end = nullptr;
    const long long value = std::strtoll(text, &end, 10);
    if (*end != '\0' || value < low || value > high) return fallback;
    return value;
}

// A valid PDF whose bytes (and so SHA-256) are unique to `tag`: a comment after %%EOF.
std::string tagged_pdf(const std::string& tag) { return minimal_pdf() + "% " + tag + "\n"; }

struct QuestionLedger {
    std::optional<std::string> acknowledged;  // last value the server answered 200 for
    std::vector<std::string> in_flight;       // sent after it, no answer received (the server died)
};

struct DocumentLedger {
    std::map<std::string, std::string> acknowledged;  // sha256 → bytes, answered 201
    std::map<std::string, std::string> in_flight;     // tag → bytes, sent without an answer received
    std::set<std::string> acknowledged_this_cycle;    // sha256s whose bytes are downloaded after the restart
};

struct VendorLedger {
    Invitation invitation;
    std::map<std::string, QuestionLedger> answers;
    DocumentLedger documents;
    std::vector<std::string> unexpected;  // HTTP answers other than success: each one fails the test
    long long acknowledged_answers = 0;
    long long acknowledged_documents = 0;
};

// One vendor's writes until the server stops answering (or the bounds are reached).
void write_until_the_crash(const ServerProcess& server, VendorLedger& ledger, const std::vector<std::string>& questions,
                           const std::string& document_question, int cycle, int vendor, const std::atomic<bool>& stop) {
    auto client = server.api(ledger.invitation.token);
    client.set_connection_timeout(2, 0);
    client.set_read_timeout(10, 0);
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < kMaxRequestsPerCycle && !stop.load() && std::chrono::steady_clock::now() - started < kMaxWritePhase;
         ++i) {
        const std::string tag = "c" + std::to_string(cycle) + "-v" + std::to_string(vendor) + "-" + std::to_string(i);
        if (i % 5 == 4) {
            const std::string bytes = tagged_pdf(tag);
            ledger.documents.in_flight[tag] = bytes;
            httplib::MultipartFormDataItems items = {{"file", bytes, tag + ".pdf", "application/pdf"}};
            auto result = client.Post(("/api/v1/vendor/documents/" + document_question).c_str(), items);
            if (!result) return;  // the server is gone: the upload stays in flight
            if (result->status != 201) {
                ledger.unexpected.push_back("POST document " + tag + ": " + std::to_string(result->status) + " " + result->body);
                return;
            }
            const std::string sha256 = parse_json(result).value("sha256", "");
            ledger.documents.in_flight.erase(tag);
            ledger.documents.acknowledged[sha256] = bytes;
            ledger.documents.acknowledged_this_cycle.insert(sha256);
            ++ledger.acknowledged_documents;
            continue;
        }
        const std::string& question = questions[static_cast<size_t>(i) % questions.size()];
        const std::string value = "valeur " + tag;
        QuestionLedger& entry = ledger.answers[question];
        entry.in_flight.push_back(value);
        auto result = client.Put(("/api/v1/vendor/answers/" + question).c_str(), json{{"value", value}}.dump(), "application/json");
        if (!result) return;  // in flight: it may or may not have been written
        if (result->status != 200 || parse_json(result).value("value", json()) != value) {
            ledger.unexpected.push_back("PUT " + question + " " + tag + ": " + std::to_string(result->status) + " " + result->body);
            return;
        }
        entry.acknowledged = value;
        entry.in_flight.clear();
        ++ledger.acknowledged_answers;
    }
}

struct Checked {
    long long answers = 0;    // questions whose last acknowledged value was compared
    long long documents = 0;  // acknowledged documents found (the new ones also downloaded)
};

// After the restart: what the server holds for this vendor must match the ledger. Then the ledger
// takes what is stored as the new known state.
void check_after_restart(const ServerProcess& server, VendorLedger& ledger, const std::string& document_question,
                              const std::string& context, Checked& checked) {
    auto client = server.api(ledger.invitation.token);
    auto response = parse_json(client.Get("/api/v1/vendor/response"));
    EXPECT_TRUE(response.is_object()) << context << ": GET /api/v1/vendor/response failed";
    std::map<std::string, json> stored;
    for (const auto& section : response.value("sections", json::array()))
        for (const auto& question : section["questions"]) stored[question["id"]] = question["value"];

    for (auto& [question, entry] : ledger.answers) {
        const json value = stored.count(question) ? stored[question] : json();
        bool allowed = entry.acknowledged ? value == *entry.acknowledged : value.is_null();
        for (const auto& candidate : entry.in_flight) allowed = allowed || value == candidate;
        if (entry.acknowledged) ++checked.answers;
        EXPECT_TRUE(allowed) << context << ": " << question << " holds " << value.dump() << ", acknowledged "
                             << (entry.acknowledged ? *entry.acknowledged : std::string("(nothing)")) << ", "
                             << entry.in_flight.size() << " value(s) in flight";
        entry.acknowledged = value.is_string() ? std::optional<std::string>(value.get<std::string>()) : std::nullopt;
        entry.in_flight.clear();
    }

    std::map<std::string, long long> listed;  // sha256 → id
    for (const auto& document : stored.count(document_question) ? stored[document_question] : json::array())
        listed[document.value("sha256", "")] = document.value("id", 0LL);
    for (const auto& [sha256, bytes] : ledger.documents.acknowledged) {
        ++checked.documents;
        auto found = listed.find(sha256);
        EXPECT_NE(found, listed.end()) << context << ": acknowledged document " << sha256 << " is missing";
        if (found == listed.end() || !ledger.documents.acknowledged_this_cycle.count(sha256)) continue;
        auto download = client.Get(("/api/v1/vendor/documents/" + std::to_string(found->second)).c_str());
        EXPECT_TRUE(download && download->status == 200 && download->body == bytes)
            << context << ": acknowledged document " << found->second << " does not read back as uploaded";
    }
    // Every listed document was acknowledged or in flight; in-flight ones that made it are known now.
    for (const auto& [sha256, id] : listed) {
        if (ledger.documents.acknowledged.count(sha256)) continue;
        auto download = client.Get(("/api/v1/vendor/documents/" + std::to_string(id)).c_str());
        bool was_in_flight = false;
        for (auto it = ledger.documents.in_flight.begin(); download && it != ledger.documents.in_flight.end(); ++it)
            if (download->body == it->second) {
                was_in_flight = true;
                ledger.documents.acknowledged[sha256] = it->second;
                ledger.documents.in_flight.erase(it);
                break;
            }
        EXPECT_TRUE(was_in_flight) << context << ": document " << id << " was never uploaded";
    }
    ledger.documents.in_flight.clear();
    ledger.documents.acknowledged_this_cycle.clear();
}

// Kill/restart cycles: concurrent vendors write, the server is killed at a random moment, restarted,
// and what it holds is checked against the ledgers; then `after_restart` (context: seed and cycle).
void run_crash_cycles(const std::function<void(const ServerProcess&, const std::string&)>& after_restart) {
    const int cycles = static_cast<int>(environment_number("CYB_SOAK_CYCLES", 3, 1, 1000));
    const auto seed = static_cast<unsigned>(environment_number("CYB_SOAK_SEED", std::random_device{}(), 0, 4294967295LL));
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> kill_after_ms(20, 400);
    const std::string context_prefix = "seed " + std::to_string(seed);

    ServerProcess server;
    // Free-text questions (hidden ones are saved too) and a document question, from the questionnaire.
    const InvitedVendors invited = invite_vendors(server, "Moniteurs — essai de robustesse", kVendors, kTextQuestions);
    std::vector<VendorLedger> vendors(kVendors);
    for (int v = 0; v < kVendors; ++v) vendors[v].invitation = invited.invitations[v];
    const std::vector<std::string>& text_questions = invited.questions.text;
    const std::string& document_question = invited.questions.document;
    ASSERT_EQ(text_questions.size(), static_cast<size_t>(kTextQuestions));
    ASSERT_FALSE(document_question.empty());

    Checked checked;
    for (int cycle = 1; cycle <= cycles; ++cycle) {
        const std::string context = context_prefix + ", cycle " + std::to_string(cycle);
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        for (int v = 0; v < kVendors; ++v)
            threads.emplace_back(write_until_the_crash, std::cref(server), std::ref(vendors[v]), std::cref(text_questions),
                                 std::cref(document_question), cycle, v, std::cref(stop));
        std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(random)));
        server.kill();
        stop = true;
        for (auto& thread : threads) thread.join();
        for (auto& vendor : vendors) {
            for (const auto& message : vendor.unexpected) ADD_FAILURE() << context << ": " << message;
            vendor.unexpected.clear();
        }

        server.start();  // same data directory
        for (auto& vendor : vendors) check_after_restart(server, vendor, document_question, context, checked);
        after_restart(server, context);
        if (::testing::Test::HasFailure()) break;
    }

    long long answers = 0, documents = 0;
    for (const auto& vendor : vendors) {
        answers += vendor.acknowledged_answers;
        documents += vendor.acknowledged_documents;
    }
    EXPECT_GT(answers, 0) << "no answer was acknowledged before the kills: the test checked nothing";
    std::cout << "crash durability: " << cycles << " cycles (seed " << seed << "), " << answers << " answers and "
              << documents << " documents acknowledged; checked after the restarts: " << checked.answers
              << " answer values (each question's last acknowledged one, per cycle) and " << checked.documents
              << " document presences (every acknowledged document after each later restart; the new ones read back)\n";
    ::testing::Test::RecordProperty("cycles", cycles);
    ::testing::Test::RecordProperty("acknowledged_answers", static_cast<int>(answers));
    ::testing::Test::RecordProperty("acknowledged_documents", static_cast<int>(documents));
    ::testing::Test::RecordProperty("answers_checked", static_cast<int>(checked.answers));
    ::testing::Test::RecordProperty("documents_checked", static_cast<int>(checked.documents));
}

}  // namespace

TEST(CrashDurability, AcknowledgedWritesSurviveSigkillAtRandomMoments) {
    run_crash_cycles([](const ServerProcess&, const std::string&) {});
}

TEST(SqliteCrashDurability, TheFilePassesItsIntegrityCheckAfterEverySigkill) {
    run_crash_cycles([](const ServerProcess& server, const std::string& context) {
        EXPECT_EQ(sqlite_integrity_check(server.data_dir() + "/cyberachat.db"), "ok\n") << context;
    });
}
