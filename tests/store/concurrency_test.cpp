// Several threads writing at once, then a restart: every acknowledged write must be there.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreConcurrency = StoreTest;

TEST_F(StoreConcurrency, DifferentAnswersFromManyThreadsAllSurviveARestart) {
    const VendorResponse response = make_response(make_acquisition().id);
    constexpr int kThreads = 8;
    constexpr int kPerThread = 15;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                const std::string question = "t" + std::to_string(t) + "_q" + std::to_string(i);
                auto saved = store->responses.save_answer(response.id, question, t * 1000 + i, "c", 0,
                                                          "vendor:" + std::to_string(t));
                if (!saved.ok() || !saved->changed) ++failures;
                // Reads alongside the writes.
                if (!store->responses.find(response.id)) ++failures;
            }
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), 0);

    reopen();
    auto answers = store->responses.answers(response.id).value();
    ASSERT_EQ(answers.size(), static_cast<size_t>(kThreads * kPerThread));
    for (const StoredAnswer& answer : answers) {
        const int t = std::stoi(answer.question_id.substr(1));
        const int i = std::stoi(answer.question_id.substr(answer.question_id.find("_q") + 2));
        EXPECT_EQ(answer.value, t * 1000 + i);
        EXPECT_EQ(answer.revision, 1);
    }
    // One event for the value and one for the comment, per answer.
    EXPECT_EQ(store->events.list("answer", response.id, 100000).value().size(),
              static_cast<size_t>(2 * kThreads * kPerThread));
}

// Half the threads write through a second Store on the same database: another instance of the
// server (a second process on the SQLite file, a second server on the PostgreSQL database).
TEST_F(StoreConcurrency, TheSameAnswerFromManyThreadsOnTwoInstancesNeverLosesAnAcknowledgedWrite) {
    const VendorResponse response = make_response(make_acquisition().id);
    std::shared_ptr<Store> other = open_another_instance();
    ASSERT_TRUE(other);
    constexpr int kThreads = 8;
    constexpr int kAttempts = 20;
    std::mutex mutex;
    std::map<std::int64_t, nlohmann::json> acknowledged;  // revision → value
    std::atomic<int> conflicts{0}, other_errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            Store& instance = t % 2 ? *other : *store;
            for (int i = 0; i < kAttempts; ++i) {
                // Read-modify-write as a browser does: base = the revision last seen.
                auto current = instance.responses.answer(response.id, "shared");
                const std::int64_t base = current ? current->revision : 0;
                const nlohmann::json value = "thread " + std::to_string(t) + " attempt " + std::to_string(i);
                auto saved = instance.responses.save_answer(response.id, "shared", value, "", base, "vendor:1");
                if (saved.ok()) {
                    std::lock_guard lock(mutex);
                    if (saved->changed) {
                        EXPECT_EQ(saved->answer.revision, base + 1);
                        EXPECT_EQ(acknowledged.count(saved->answer.revision), 0u) << "revision given twice";
                        acknowledged[saved->answer.revision] = value;
                    }
                } else if (saved.error().code == ErrorCode::conflict) {
                    ++conflicts;
                } else {
                    ++other_errors;
                }
            }
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(other_errors.load(), 0);
    ASSERT_FALSE(acknowledged.empty());
    EXPECT_EQ(acknowledged.size() + static_cast<size_t>(conflicts.load()), static_cast<size_t>(kThreads * kAttempts));

    other.reset();
    reopen();
    auto stored = store->responses.answer(response.id, "shared");
    ASSERT_TRUE(stored);
    // Revisions are 1..n without gaps; the stored value is the last acknowledged one.
    EXPECT_EQ(stored->revision, static_cast<std::int64_t>(acknowledged.size()));
    EXPECT_EQ(acknowledged.rbegin()->first, stored->revision);
    EXPECT_EQ(stored->value, acknowledged.rbegin()->second);
    // The journal holds every acknowledged change, in order.
    auto events = store->events.list("answer", response.id, 100000).value();
    ASSERT_EQ(events.size(), acknowledged.size());
    size_t k = events.size();
    for (const auto& [revision, value] : acknowledged) EXPECT_EQ(nlohmann::json::parse(events[--k].new_value), value);
}

TEST_F(StoreConcurrency, EverythingWrittenSurvivesARestart) {
    const User user = make_user("persist@example.org");
    const Acquisition acquisition = make_acquisition("Persistant");
    const VendorResponse response = make_response(acquisition.id, "Durable SA", "hash-persist");
    ASSERT_TRUE(store->responses.save_answer(response.id, "q", {{"a", 1}}, "note", 0, "vendor:1").ok());
    ASSERT_TRUE(store->responses.submit(response.id, "vendor:1").ok());
    Session session;
    session.token_hash = "session-hash";
    session.kind = "user";
    session.subject_id = user.id;
    session.csrf_token = "csrf";
    ASSERT_TRUE(store->sessions.create(session).ok());
    ASSERT_TRUE(store->api_tokens.create(user.id, "api-hash", "n", "system").ok());
    const size_t events = store->events.list_all(100000).value().size();

    reopen();
    EXPECT_TRUE(store->users.find(user.id));
    EXPECT_EQ(store->acquisitions.find(acquisition.id)->title, "Persistant");
    EXPECT_EQ(store->responses.find_by_token_hash("hash-persist")->status, ResponseStatus::submitted);
    EXPECT_EQ(store->responses.answer(response.id, "q")->value, (nlohmann::json{{"a", 1}}));
    EXPECT_TRUE(store->sessions.find("session-hash"));
    EXPECT_EQ(store->api_tokens.find_user("api-hash")->id, user.id);
    EXPECT_EQ(store->events.list_all(100000).value().size(), events);
}

}  // namespace
}  // namespace cyberachat::store::testing
