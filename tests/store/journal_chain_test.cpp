// The tamper-evident journal (store/journal_chain.hpp): every event chained by SHA-256 to the
// previous one; verify_journal finds a changed, removed or inserted row, on both engines.
#include "store/journal_chain.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "store/internal.hpp"
#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace journal_chain_test {

using Break = JournalVerification::Break;

// A database an older release left (its migrations up to some version), then opened by this one.
struct LegacyDatabase {
    TempDir dir;
    std::optional<TestSchema> schema;
    std::string data = (dir.path() / "data").string();
    LegacyDatabase() {
        if (testing_on_postgresql()) schema.emplace();
        std::filesystem::create_directories(data);
    }
    Result<std::shared_ptr<Database>> open_at(int version) {
        return Database::open_at_version(test_engine(), schema ? schema->url() : data + "/cyberachat.db", version, 2);
    }
    Result<std::shared_ptr<Store>> upgrade() { return schema ? Store::open_postgresql(schema->url(), 2) : Store::open(data, 2); }
};

class StoreJournalChain : public StoreTest {
protected:
    // A few events of every usual kind: accounts, a purchase, a vendor, answers.
    void write_some_events() {
        make_user("bio@chu.test");
        const Acquisition acquisition = make_acquisition();
        const VendorResponse response = make_response(acquisition.id);
        ASSERT_TRUE(store->responses.save_answer(response.id, "q1", "oui", "", -1, "vendor:1").ok());
        ASSERT_TRUE(store->responses.save_answer(response.id, "q1", "non", "revu", -1, "vendor:1").ok());
    }
    std::vector<long long> event_ids() {
        std::vector<long long> ids;
        EXPECT_TRUE(store->db->read([&](soci::session& sql) {
            soci::rowset<long long> rows = (sql.prepare << "SELECT id FROM events ORDER BY id");
            for (long long id : rows) ids.push_back(id);
        }).ok());
        return ids;
    }
    // Runs `statement` on the journal with its append-only triggers out of the way, as someone
    // with write access to the database could.
    void tamper(const std::string& statement) {
        if (schema) {
            run_sql("ALTER TABLE events DISABLE TRIGGER USER");
        } else {
            run_sql("DROP TRIGGER events_no_update");
            run_sql("DROP TRIGGER events_no_delete");
        }
        run_sql(statement);
    }
    // Deletes the `removed`-th event: verification breaks at the next one, "removed or inserted".
    void expect_removal_found_at_next_event(size_t removed) {
        write_some_events();
        const auto ids = event_ids();
        ASSERT_GT(ids.size(), removed + 1);
        tamper("DELETE FROM events WHERE id = " + std::to_string(ids[removed]));
        const JournalVerification verification = verify();
        EXPECT_EQ(verification.problem, Break::link_broken);
        EXPECT_EQ(verification.broken_event_id, ids[removed + 1]);
        EXPECT_EQ(verification.chained, static_cast<long long>(removed));
        EXPECT_EQ(verification.last_event_id, removed ? ids[removed - 1] : 0);
    }
    JournalVerification verify() {
        auto verified = verify_journal(*store);
        EXPECT_TRUE(verified.ok()) << verified.error().message.in(Language::en);
        return verified.ok() ? *verified : JournalVerification{};
    }
};

TEST(StoreJournalHash, DifferentEventsNeverSerializeAlike) {
    const Event event{7, "2026-01-02T03:04:05Z", "user:a@b", "acquisition", 12, "update", "title", "\"a\"", "\"b\""};
    const std::string hash = journal_event_hash("", event);
    EXPECT_EQ(hash.size(), 64u);
    EXPECT_EQ(hash, journal_event_hash("", event));
    Event shifted = event;  // the same bytes, one field boundary moved
    shifted.old_value = "\"a\"\"";
    shifted.new_value = "b\"";
    EXPECT_NE(journal_event_hash("", shifted), hash);
    Event other_id = event;
    other_id.id = 8;
    EXPECT_NE(journal_event_hash("", other_id), hash);
    Event other_entity = event;
    other_entity.entity_id = 13;
    EXPECT_NE(journal_event_hash("", other_entity), hash);
    EXPECT_NE(journal_event_hash(hash, event), hash);
}

TEST_F(StoreJournalChain, AChainOfEventsVerifies) {
    write_some_events();
    const auto ids = event_ids();
    ASSERT_GE(ids.size(), 5u);
    const JournalVerification verification = verify();
    EXPECT_TRUE(verification.intact());
    EXPECT_EQ(verification.chained, static_cast<long long>(ids.size()));
    EXPECT_EQ(verification.before_chain, 0);
    EXPECT_EQ(verification.last_event_id, ids.back());
    // The first event starts the chain; each next one points to the previous one's hash.
    std::vector<std::pair<std::string, std::string>> links;
    ASSERT_TRUE(store->db->read([&](soci::session& sql) {
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT prev_hash, hash FROM events ORDER BY id");
        for (const soci::row& row : rows) links.emplace_back(row.get<std::string>(0), row.get<std::string>(1));
    }).ok());
    ASSERT_EQ(links.size(), ids.size());
    EXPECT_EQ(links[0].first, "");
    for (size_t i = 1; i < links.size(); ++i) EXPECT_EQ(links[i].first, links[i - 1].second) << i;
    EXPECT_EQ(links.back().second, verification.last_hash);
}

TEST_F(StoreJournalChain, AnEmptyJournalIsIntact) {
    const JournalVerification verification = verify();
    EXPECT_TRUE(verification.intact());
    EXPECT_EQ(verification.chained, 0);
    EXPECT_EQ(verification.last_event_id, 0);
}

TEST_F(StoreJournalChain, AChangedRowIsNamed) {
    write_some_events();
    const auto ids = event_ids();
    const long long changed = ids[2];
    tamper("UPDATE events SET new_value = '\"falsifié\"' WHERE id = " + std::to_string(changed));
    const JournalVerification verification = verify();
    EXPECT_EQ(verification.problem, Break::content_changed);
    EXPECT_EQ(verification.broken_event_id, changed);
    EXPECT_EQ(verification.chained, 2);
    EXPECT_EQ(verification.last_event_id, ids[1]);
}

TEST_F(StoreJournalChain, AChangedRowWithItsHashRecomputedBreaksTheNextLink) {
    write_some_events();
    const auto ids = event_ids();
    const long long changed = ids[1];
    Event forged = store->events.list_all(1000).value().at(ids.size() - 2);
    ASSERT_EQ(forged.id, changed);
    forged.actor = "user:quelqu-un@ailleurs.test";
    std::string prev_hash;
    ASSERT_TRUE(store->db->read([&](soci::session& sql) {
        sql << "SELECT prev_hash FROM events WHERE id = :id", soci::use(changed), soci::into(prev_hash);
    }).ok());
    tamper("UPDATE events SET actor = '" + forged.actor + "', hash = '" + journal_event_hash(prev_hash, forged) +
           "' WHERE id = " + std::to_string(changed));
    const JournalVerification verification = verify();
    EXPECT_EQ(verification.problem, Break::link_broken);
    EXPECT_EQ(verification.broken_event_id, ids[2]);
}

TEST_F(StoreJournalChain, ARemovedRowIsDetectedAtTheNextEvent) { expect_removal_found_at_next_event(3); }

TEST_F(StoreJournalChain, ARemovedFirstRowIsDetectedAtTheNextEvent) { expect_removal_found_at_next_event(0); }

TEST_F(StoreJournalChain, AnUnchainedRowInsertedAfterTheChainBeganIsNamed) {
    write_some_events();
    run_sql("INSERT INTO events (at, actor, entity, action) VALUES ('2026-01-01T00:00:00Z', 'system', 'user', 'create')");
    const auto ids = event_ids();
    const JournalVerification verification = verify();
    EXPECT_EQ(verification.problem, Break::unchained);
    EXPECT_EQ(verification.broken_event_id, ids.back());
}

TEST_F(StoreJournalChain, ALongJournalIsReadInPagesAndVerifies) {
    ASSERT_TRUE(store->db->write([&](soci::session& sql) -> Result<void> {
        for (int i = 0; i < 1234; ++i) detail::append_event(sql, "system", "user", i, "update", "n", "", std::to_string(i));
        return {};
    }).ok());
    const JournalVerification verification = verify();
    EXPECT_TRUE(verification.intact());
    EXPECT_EQ(verification.chained, 1234);
}

TEST_F(StoreJournalChain, EventsWrittenByTwoInstancesFormOneChain) {
    auto other = open_another_instance();
    ASSERT_TRUE(other);
    const auto write_users = [](Store& instance, const std::string& prefix) {
        for (int i = 0; i < 15; ++i) {
            User user;
            user.email = prefix + std::to_string(i) + "@chu.test";
            user.role = Role::biomedical;
            user.password_hash = "$argon2id$fake";
            EXPECT_TRUE(instance.users.create(user, "system").ok());
        }
    };
    std::thread first([&] { write_users(*store, "a"); });
    std::thread second([&] { write_users(*other, "b"); });
    first.join();
    second.join();
    const JournalVerification verification = verify();
    EXPECT_TRUE(verification.intact()) << verification.broken_event_id;
    EXPECT_EQ(verification.chained, count_rows("events"));
    EXPECT_GE(verification.chained, 30);
}

TEST_F(StoreJournalChain, EventsWrittenBeforeTheChainAreCountedNotFailed) {
    // A database as the release before migration 6 left it, with three events.
    LegacyDatabase legacy;
    {
        auto old = legacy.open_at(5);
        ASSERT_TRUE(old.ok()) << old.error().message.in(Language::en);
        ASSERT_TRUE((*old)->write([](soci::session& sql) -> Result<void> {
            for (int i = 0; i < 3; ++i)
                sql << "INSERT INTO events (at, actor, entity, action) VALUES ('2025-01-01T00:00:00Z', 'system', "
                       "'user', 'create')";
            return {};
        }).ok());
    }
    auto upgraded = legacy.upgrade();
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().message.in(Language::en);
    User user;
    user.email = "apres@chu.test";
    user.role = Role::biomedical;
    ASSERT_TRUE((*upgraded)->users.create(user, "system").ok());
    ASSERT_TRUE((*upgraded)->users.create(User{0, "encore@chu.test", "", Role::biomedical}, "system").ok());
    auto verification = verify_journal(**upgraded);
    ASSERT_TRUE(verification.ok());
    EXPECT_TRUE(verification->intact());
    EXPECT_EQ(verification->before_chain, 3);
    EXPECT_EQ(verification->chained, 2);
    upgraded->reset();  // before the schema goes
}

TEST_F(StoreJournalChain, ChangingWhereAnEventCameFromOrWhatItIsAboutIsNamed) {
    write_some_events();
    ASSERT_TRUE(store->responses.save_answer(1, "q1", "peut-être", "", -1, Actor("vendor:1", Via::page)).ok());
    const auto ids = event_ids();
    const long long changed = ids.back();
    tamper("UPDATE events SET via = 'api' WHERE id = " + std::to_string(changed));
    JournalVerification verification = verify();
    EXPECT_EQ(verification.problem, Break::content_changed);
    EXPECT_EQ(verification.broken_event_id, changed);
    run_sql("UPDATE events SET via = 'page', acquisition_id = 0 WHERE id = " + std::to_string(changed));
    verification = verify();
    EXPECT_EQ(verification.problem, Break::content_changed);
    // Passing it off as an event of the old format does not help either.
    run_sql("UPDATE events SET acquisition_id = 1, format_version = 1 WHERE id = " + std::to_string(changed));
    verification = verify();
    EXPECT_EQ(verification.problem, Break::content_changed);
    EXPECT_EQ(verification.broken_event_id, changed);
}

TEST_F(StoreJournalChain, EventsChainedBeforeMigration8StillVerifyAndTheChainGoesOn) {
    // A database as the release before migration 8 left it: events chained in format 1.
    LegacyDatabase legacy;
    {
        auto old = legacy.open_at(6);
        ASSERT_TRUE(old.ok()) << old.error().message.in(Language::en);
        ASSERT_TRUE((*old)->write([](soci::session& sql) -> Result<void> {
            std::string prev;
            for (long long n = 1; n <= 3; ++n) {
                long long id = n;  // as that release chose it: the sequence's next value on PostgreSQL
                if (testing_on_postgresql()) sql << "SELECT nextval(pg_get_serial_sequence('events', 'id'))", soci::into(id);
                const Event event{id, "2025-01-01T00:00:00Z", "system", "user", id, "create", "", "", "{}"};
                const std::string hash = journal_event_hash(prev, event, 1);
                sql << "INSERT INTO events (id, at, actor, entity, entity_id, action, field, old_value, new_value, "
                       "prev_hash, hash) VALUES (:id, :at, 'system', 'user', :entity_id, 'create', '', '', '{}', :prev, :hash)",
                    soci::use(id), soci::use(event.at), soci::use(id), soci::use(prev), soci::use(hash);
                prev = hash;
            }
            return {};
        }).ok());
    }
    auto upgraded = legacy.upgrade();
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().message.in(Language::en);
    ASSERT_TRUE((*upgraded)->users.create(User{0, "apres@chu.test", "", Role::biomedical}, Actor("system:cli", Via::cli)).ok());
    auto verification = verify_journal(**upgraded);
    ASSERT_TRUE(verification.ok());
    EXPECT_TRUE(verification->intact()) << verification->broken_event_id;
    EXPECT_EQ(verification->chained, 4);
    const auto newest = (*upgraded)->events.list_all(1).value();
    ASSERT_EQ(newest.size(), 1u);
    EXPECT_EQ(newest[0].via, "cli");
    upgraded->reset();  // before the schema goes
}

}  // namespace journal_chain_test
}  // namespace cyberachat::store::testing
